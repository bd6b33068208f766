import { conversationIdOf, SendError, type ConversationSender, type ProactiveMessage, type SentMessage } from '../jobs/notifier.js';
import { TEAMS_BOT_LIMITS, type BotRateLimits, type RateWindow } from '../jobs/rateLimiter.js';
import type { TimeSource } from '../jobs/time.js';

export interface Delivery {
  id: string;
  personId: string;
  conversationId: string;
  at: number;
  card: Record<string, unknown>;
}

export interface FakeConnectorOptions {
  time: TimeSource;
  /** Enforce Teams' documented limits like the service: over them, a 429 with Retry-After. */
  limits?: BotRateLimits | null;
  /** Simulated request time. */
  latencyMs?: number;
  /** Extra 429s: given the request number (1-based), a Retry-After in ms, or null to accept it. */
  inject429?: (request: number) => number | null;
}

/**
 * A local stand-in for the Bot Connector service (test code only): counts, delays and fails sends,
 * enforces the documented per-conversation and per-app limits with 429 + Retry-After, and can
 * inject 429s and failures — so tests and the benchmark can prove no loss and no duplicates.
 */
export class FakeTeamsConnector implements ConversationSender {
  readonly deliveries: Delivery[] = [];
  requests = 0;
  throttled = 0;
  /** Limit violations (429s not injected): a well-behaved sender keeps this at 0. */
  violations = 0;
  /** Per person: fail their next sends with this failure (refused, unknown, or unknown after delivery). */
  readonly failNext = new Map<string, Array<'refused' | 'unknown' | 'unknown-after-delivery'>>();
  private readonly global: number[] = [];
  private readonly perConversation = new Map<string, number[]>();

  constructor(private readonly options: FakeConnectorOptions) {}

  /** Cards replaced in place (updateActivity), in order. */
  readonly updates: Array<{ activityId: string; personId: string; card: Record<string, unknown> }> = [];

  async update(message: ProactiveMessage, activityId: string): Promise<void> {
    await this.admit(message);
    this.updates.push({ activityId, personId: message.personId, card: message.card });
  }

  /** Enforces the documented limits (429 + Retry-After when exceeded) and injects 429s. */
  private async admit(message: ProactiveMessage): Promise<void> {
    const { time } = this.options;
    const request = ++this.requests;
    const arrival = time.now();
    const conversationId = conversationIdOf(message.reference);
    const limits = this.options.limits === undefined ? TEAMS_BOT_LIMITS : this.options.limits;
    if (limits) {
      const mine = this.perConversation.get(conversationId) ?? [];
      const wait = Math.max(waitFor(this.global, limits.global, arrival), waitFor(mine, limits.perConversation, arrival));
      if (wait > 0) {
        this.throttled++;
        this.violations++;
        await time.sleep(this.options.latencyMs ?? 0);
        throw new SendError('429 Too Many Requests', 'throttled', 429, Math.ceil(wait / 1000) * 1000);
      }
      this.global.push(arrival);
      mine.push(arrival);
      this.perConversation.set(conversationId, mine);
    }
    const injected = this.options.inject429?.(request) ?? null;
    await time.sleep(this.options.latencyMs ?? 0);
    if (injected !== null) {
      this.throttled++;
      throw new SendError('429 Too Many Requests (injected)', 'throttled', 429, injected);
    }
  }

  async send(message: ProactiveMessage): Promise<SentMessage> {
    const { time } = this.options;
    await this.admit(message);
    const conversationId = conversationIdOf(message.reference);
    const failure = this.failNext.get(message.personId)?.shift();
    if (failure === 'refused') throw new SendError('403 Forbidden: the user blocked the bot', 'refused', 403);
    if (failure === 'unknown') throw new SendError('502 Bad Gateway', 'unknown', 502);
    this.deliveries.push({ id: message.id, personId: message.personId, conversationId, at: time.now(), card: message.card });
    if (failure === 'unknown-after-delivery') throw new SendError('504 Gateway Timeout', 'unknown', 504);
    return { activityId: `activity-${this.deliveries.length}` };
  }

  /** How many times each message id arrived. */
  countsById(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const d of this.deliveries) counts.set(d.id, (counts.get(d.id) ?? 0) + 1);
    return counts;
  }

  duplicates(): number {
    return [...this.countsById().values()].reduce((n, c) => n + (c - 1), 0);
  }
}

/** How long until one more request fits every window (0: now). */
function waitFor(log: number[], windows: readonly RateWindow[], now: number): number {
  let at = now;
  for (const w of windows) {
    // Requests in (now - window, now].
    let inWindow = 0;
    for (let i = log.length - 1; i >= 0 && log[i]! > now - w.windowMs; i--) inWindow++;
    if (inWindow >= w.max) at = Math.max(at, log[log.length - w.max]! + w.windowMs);
  }
  return at - now;
}
