import { StoreUnavailableError } from '../Store.js';
/**
 * Throttling and transient failures, as Microsoft Graph and SharePoint Online produce them.
 *
 * SharePoint limits each app per tenant by resource units; a throttled request gets 429 (or 503)
 * with `Retry-After` in seconds, and waiting that long is the fastest way back. Throttled requests
 * still count against the limit, so retrying early only makes it worse. The same applies to each
 * request inside a `$batch`: the batch answers 200 and the throttled inner request carries its own
 * 429 and `Retry-After` (the Graph client's RetryHandler does not look inside batches; GraphGateway
 * does). Retries are bounded: past the bound the caller gets an error, never a fake success.
 */

export interface RetryPolicy {
  /** Retries after the first attempt (so attempts = maxRetries + 1). */
  maxRetries: number;
  /** Longest single wait; a longer Retry-After gives up at once (the caller reports failure). */
  maxDelayMs: number;
  /** Wait used when a throttled answer has no Retry-After: base × 2^attempt. */
  backoffBaseMs: number;
  /** How to wait (tests pass one that records the delay and resolves at once). */
  sleep: (ms: number) => Promise<void>;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxRetries: 5,
  maxDelayMs: 60_000,
  backoffBaseMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Statuses that mean "not done, try again later": throttled or the service is busy. */
export function isThrottled(status: number): boolean {
  return status === 429 || status === 503;
}

/**
 * How long to wait before retry number `attempt` (0-based), or null to give up. The wait is what
 * the service asked for, else an exponential backoff.
 */
export function delayFor(policy: RetryPolicy, attempt: number, retryAfter: number | null): number | null {
  if (attempt >= policy.maxRetries) return null;
  const delay = retryAfter ?? policy.backoffBaseMs * 2 ** attempt;
  return delay > policy.maxDelayMs ? null : delay;
}

/** Raised when Graph keeps throttling (or failing) past the retry bound. Nothing was reported as saved. */
export class GraphUnavailableError extends StoreUnavailableError {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'GraphUnavailableError';
  }
}

/** Raised for an answer that retrying cannot fix (bad request, missing list, threshold…). */
export class GraphRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }
}
