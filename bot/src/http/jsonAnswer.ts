import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Request, Response } from 'restify';

/**
 * A JSON answer of the API as the tab's static files go (staticTab.ts): compressed with brotli or
 * gzip when the client takes it and the body is worth it, and — for a GET — with an `ETag` (a hash
 * of exactly this body) so that a repeated request with `If-None-Match` gets `304 Not Modified` and
 * no body. `Cache-Control: private, no-cache`: the browser keeps the answer for this user only and
 * asks every time; the server decides who may see what on every request, and the tag only says
 * whether the answer *this person* gets now is the one they already hold.
 */

/** Below this the headers cost more than compression saves. */
const MIN_COMPRESS_BYTES = 1024;

/** Compressed bodies by tag and encoding: the same answer for many people (the dashboard) is compressed once. */
const compressed = new Map<string, Buffer>();
const COMPRESSED_KEPT = 200;

/** The JSON and tag of an answer object served before (a dashboard kept by its service is the same object for everyone). */
const serialized = new WeakMap<object, { json: Buffer; tag: string }>();

function encode(body: unknown): { json: Buffer; tag: string } {
  const kept = body && typeof body === 'object' ? serialized.get(body) : undefined;
  if (kept) return kept;
  const json = Buffer.from(JSON.stringify(body ?? null), 'utf8');
  const out = { json, tag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"` };
  if (body && typeof body === 'object' && Object.isFrozen(body)) serialized.set(body, out);
  return out;
}

export function sendJson(req: Request, res: Response, status: number, body: unknown): void {
  const encoded = encode(body);
  const json = encoded.json;
  const get = req.method === 'GET' || req.method === 'HEAD';
  res.header('Vary', 'Accept-Encoding, Authorization, x-dev-person-id');
  res.header('Cache-Control', 'private, no-cache');
  let tag: string | null = null;
  if (get && status === 200) {
    tag = encoded.tag;
    res.header('ETag', tag);
    if (matches(req.header('if-none-match'), tag)) {
      res.writeHead(304);
      res.end();
      return;
    }
  }
  const encoding = json.length >= MIN_COMPRESS_BYTES ? preferred(req.header('accept-encoding') ?? '') : null;
  const payload = encoding ? compress(json, encoding, tag) : json;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': payload.length,
    ...(encoding ? { 'Content-Encoding': encoding } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : payload);
}

function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v === tag || v === `W/${tag}`;
  });
}

function preferred(accept: string): 'br' | 'gzip' | null {
  const offered = new Map(
    accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .map(([name, ...params]) => [name!.trim().toLowerCase(), Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1)] as const),
  );
  if ((offered.get('br') ?? 0) > 0) return 'br';
  if ((offered.get('gzip') ?? 0) > 0) return 'gzip';
  return null;
}

function compress(json: Buffer, encoding: 'br' | 'gzip', tag: string | null): Buffer {
  const key = tag ? `${encoding}:${tag}` : null;
  const kept = key ? compressed.get(key) : undefined;
  if (kept) return kept;
  // Quality 5: most of brotli's gain on JSON at a fraction of the time of its maximum (11).
  const out = encoding === 'br' ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }) : gzipSync(json, { level: 6 });
  if (key) {
    compressed.set(key, out);
    if (compressed.size > COMPRESSED_KEPT) compressed.delete(compressed.keys().next().value!);
  }
  return out;
}
