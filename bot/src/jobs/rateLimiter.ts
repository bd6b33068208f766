import type { TimeSource } from './time.js';

/** At most `max` operations in any `windowMs` sliding window. */
export interface RateWindow {
  max: number;
  windowMs: number;
}

export interface BotRateLimits {
  /** Per bot per conversation ("thread"): a 1:1 chat, group chat or channel. */
  perConversation: readonly RateWindow[];
  /** Per app per tenant, across all conversations. */
  global: readonly RateWindow[];
}

/**
 * Teams' documented limits for a bot's "Send to conversation" (learn.microsoft.com, Teams platform,
 * "Optimize your bot with rate limiting in Teams"): per bot per thread 7 in 1 s, 8 in 2 s, 60 in
 * 30 s and 1,800 in 3,600 s; and a global limit per app per tenant of 30 requests per second.
 * The values "are subject to change": a 429 is still handled (see RateLimitedNotifier).
 */
export const TEAMS_BOT_LIMITS: BotRateLimits = {
  perConversation: [
    { max: 7, windowMs: 1_000 },
    { max: 8, windowMs: 2_000 },
    { max: 60, windowMs: 30_000 },
    { max: 1_800, windowMs: 3_600_000 },
  ],
  global: [{ max: 30, windowMs: 1_000 }],
};

/** Timestamps of recent grants, oldest first, kept only as far back as the windows need. */
class GrantLog {
  private readonly grants: number[] = [];
  private readonly keep: number;
  constructor(private readonly windows: readonly RateWindow[]) {
    this.keep = Math.max(...windows.map((w) => w.max));
  }

  /** The earliest instant ≥ now at which one more grant fits every window. */
  earliest(now: number): number {
    let at = now;
    for (const w of this.windows) {
      if (this.grants.length < w.max) continue;
      at = Math.max(at, this.grants[this.grants.length - w.max]! + w.windowMs);
    }
    return at;
  }

  record(at: number): void {
    this.grants.push(at);
    if (this.grants.length > this.keep) this.grants.shift();
  }

  lastAt(): number {
    return this.grants.at(-1) ?? -Infinity;
  }
}

/**
 * Hands out send slots within the per-conversation and global windows. Callers queue in order
 * (first come, first served); a 429 pauses everyone (`pauseUntil`), so the fleet backs off together.
 */
export class SlidingWindowLimiter {
  private readonly global: GrantLog;
  private readonly conversations = new Map<string, GrantLog>();
  private queue: Promise<void> = Promise.resolve();
  private pausedUntil = -Infinity;
  private readonly longestWindow: number;

  constructor(
    private readonly time: TimeSource,
    private readonly limits: BotRateLimits = TEAMS_BOT_LIMITS,
  ) {
    this.global = new GrantLog(limits.global);
    this.longestWindow = Math.max(...limits.perConversation.map((w) => w.windowMs));
  }

  /** Resolves when one operation to `conversationId` may start now. */
  acquire(conversationId: string): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot(conversationId));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Nobody sends before now + ms (a 429's Retry-After). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.time.now() + ms);
  }

  private async waitForSlot(conversationId: string): Promise<void> {
    let log = this.conversations.get(conversationId);
    if (!log) {
      log = new GrantLog(this.limits.perConversation);
      this.conversations.set(conversationId, log);
    }
    for (;;) {
      const now = this.time.now();
      const at = Math.max(this.pausedUntil, this.global.earliest(now), log.earliest(now));
      if (at <= now) {
        this.global.record(now);
        log.record(now);
        this.forgetIdle(now);
        return;
      }
      await this.time.sleep(at - now);
    }
  }

  /** Conversations quiet for longer than the longest window need no memory. */
  private forgetIdle(now: number): void {
    if (this.conversations.size < 10_000) return;
    for (const [id, log] of this.conversations) if (now - log.lastAt() > this.longestWindow) this.conversations.delete(id);
  }
}
