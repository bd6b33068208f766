import { createHash } from 'node:crypto';
import type { Request, Response } from 'restify';

/**
 * What the pages and feeds served without sign-in share (/odata/, /datos/, /publico/): a per-client
 * rate limit, and answers that readers and proxies can cache — an ETag (If-None-Match → 304, no
 * body) and `Cache-Control: public, max-age`. With the store's reads cached per partition
 * (`PartitionCache`), 2,000 readers of the same page cost the store one read per TTL.
 */

/** A token bucket per client: `perMinute` requests, refilled continuously; bounded memory. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 50_000,
  ) {}

  /** Takes one token for the client; when none is left, how many seconds until one is. */
  take(client: string): { ok: true } | { ok: false; retryAfter: number } {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.delete(client);
    if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.buckets.set(client, b);
      return { ok: true };
    }
    this.buckets.set(client, b);
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000)) };
  }
}

/** The client of a request: its socket's address, or the first X-Forwarded-For hop when the server is behind a trusted proxy. */
export function clientOf(req: Request, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim() : '';
  // App Service writes the client as "ip:port"; the port changes with every connection.
  const address = forwarded || req.socket?.remoteAddress || 'unknown';
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  const v6 = /^\[([0-9a-f:]+)\](?::\d+)?$/i.exec(address);
  return v4?.[1] ?? v6?.[1] ?? address;
}

/** A read of the store kept for `ttlMs` and shared by concurrent requests (one read for all of them). */
export class PartitionCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  /** Reads that reached the store (for tests and the bench). */
  misses = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 2_000,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    this.misses++;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    // A failed read is not kept: the next request tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

export const etagOf = (body: Buffer | string): string => `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * Sends a body with its ETag and cache headers, or 304 when the reader already has it. `maxAge`
 * 0 with `isPrivate` for answers that depend on an API key.
 */
export function sendCached(req: Request, res: Response, status: number, body: Buffer, headers: Record<string, string>, cache: { maxAge: number; isPrivate?: boolean }): void {
  const etag = etagOf(body);
  const cacheControl = cache.isPrivate ? 'private, no-store' : `public, max-age=${cache.maxAge}`;
  const common = { etag, 'cache-control': cacheControl, vary: 'Accept-Encoding', 'x-content-type-options': 'nosniff' };
  const inm = String(req.headers['if-none-match'] ?? '');
  if (status === 200 && !cache.isPrivate && inm && inm.split(',').map((t) => t.trim()).includes(etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  res.writeHead(status, { ...headers, ...common, 'content-length': String(body.length) });
  res.end(body);
}
