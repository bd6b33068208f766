import { SlidingWindowLimiter, TEAMS_BOT_LIMITS, type BotRateLimits } from './rateLimiter.js';
import { retryAfterMs } from '../http/retryAfter.js';
import { realTime, type TimeSource } from './time.js';

/** A card for one person, through the conversation reference the bot stored for them. */
export interface ProactiveMessage {
  /** What this message is (a reminder's key): for logs and test connectors, never shown. */
  id: string;
  personId: string;
  reference: unknown;
  card: Record<string, unknown>;
}

export interface SentMessage {
  activityId: string | null;
}

/**
 * Sends proactive messages. Our own port: botbuilder's TestAdapter has no `continueConversation`,
 * and the port is where the rate limits and 429 handling live. Throws `SendError` on failure.
 */
export interface Notifier {
  send(message: ProactiveMessage): Promise<SentMessage>;
  /** Replaces a card sent earlier (`updateActivity`): it counts against the same limits as a send. */
  update(message: ProactiveMessage, activityId: string): Promise<void>;
}

/** One attempt on the wire, no retries (the production one is in teams/proactiveSender.ts). */
export interface ConversationSender {
  send(message: ProactiveMessage): Promise<SentMessage>;
  update(message: ProactiveMessage, activityId: string): Promise<void>;
}

/**
 * Why a send failed, as far as delivery goes:
 * - `throttled`: 429 (or 412): Teams did not take it; retry after `retryAfterMs`.
 * - `refused`: any other 4xx (bot blocked or uninstalled, conversation gone): not delivered.
 * - `unknown`: 5xx, timeout, network: it may or may not have been delivered.
 */
export type SendFailure = 'throttled' | 'refused' | 'unknown';

export class SendError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SendError';
  }

  /** Nothing reached the person: safe to send again later. */
  get notDelivered(): boolean {
    return this.failure !== 'unknown';
  }
}

/** Classifies what an HTTP client threw (status code and headers wherever the library keeps them). */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = (error ?? {}) as Record<string, any>;
  const status: number | null = e.statusCode ?? e.status ?? e.response?.status ?? e.response?.statusCode ?? null;
  const headers = e.response?.headers ?? e.headers;
  const header: string | undefined = typeof headers?.get === 'function' ? headers.get('retry-after') : headers?.['retry-after'] ?? headers?.['Retry-After'];
  const message = `${status ?? 'error'}: ${e.message ?? String(error)}`;
  if (status === 429 || status === 412) return new SendError(message, 'throttled', status, retryAfterMs(header));
  if (typeof status === 'number' && status >= 400 && status < 500 && status !== 408) return new SendError(message, 'refused', status);
  return new SendError(message, 'unknown', status);
}

/** Which conversation a reference points at (the unit of Teams' per-thread limit). */
export function conversationIdOf(reference: unknown): string {
  const id = (reference as { conversation?: { id?: unknown } } | null)?.conversation?.id;
  return typeof id === 'string' ? id : 'unknown';
}

export interface RateLimitedNotifierOptions {
  time?: TimeSource;
  limits?: BotRateLimits;
  /** 429s on one message before it is given back as not delivered (the scheduler retries it on a later run). */
  maxThrottledRetries?: number;
  /** When a 429 has no Retry-After. */
  defaultRetryAfterMs?: number;
}

/**
 * The Notifier over a raw sender: every attempt waits for a slot within Teams' limits; a 429
 * pauses every sender of this process for its Retry-After and the same message is tried again —
 * never dropped (after too many it fails as "not delivered", and a later run sends it), never
 * duplicated (a 429 means Teams did not take it). Other failures go back to the caller.
 */
export class RateLimitedNotifier implements Notifier {
  private readonly limiter: SlidingWindowLimiter;
  private readonly time: TimeSource;
  private readonly maxThrottledRetries: number;
  private readonly defaultRetryAfterMs: number;
  /** 429s seen, for logs and the benchmark. */
  throttled = 0;

  constructor(
    private readonly sender: ConversationSender,
    options: RateLimitedNotifierOptions = {},
  ) {
    this.time = options.time ?? realTime;
    this.limiter = new SlidingWindowLimiter(this.time, options.limits ?? TEAMS_BOT_LIMITS);
    this.maxThrottledRetries = options.maxThrottledRetries ?? 20;
    this.defaultRetryAfterMs = options.defaultRetryAfterMs ?? 1_000;
  }

  send(message: ProactiveMessage): Promise<SentMessage> {
    return this.withinLimits(message, () => this.sender.send(message));
  }

  update(message: ProactiveMessage, activityId: string): Promise<void> {
    return this.withinLimits(message, () => this.sender.update(message, activityId));
  }

  private async withinLimits<T>(message: ProactiveMessage, attemptOnce: () => Promise<T>): Promise<T> {
    const conversationId = conversationIdOf(message.reference);
    for (let attempt = 0; ; attempt++) {
      await this.limiter.acquire(conversationId);
      try {
        return await attemptOnce();
      } catch (error) {
        const failure = toSendError(error);
        if (failure.failure !== 'throttled') throw failure;
        this.throttled++;
        if (attempt >= this.maxThrottledRetries) throw failure;
        this.limiter.pauseFor(failure.retryAfterMs ?? this.defaultRetryAfterMs);
      }
    }
  }
}
