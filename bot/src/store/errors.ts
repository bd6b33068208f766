/** Raised when the store cannot be reached for now (throttled past the retry bound, outage); nothing was saved. */
export class StoreUnavailableError extends Error {
  constructor(message = 'store unavailable') {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** Raised when a write is based on data someone else has changed meanwhile (eTag / version mismatch). */
export class ConflictError extends Error {
  constructor(message = 'conflict') {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * A programming error: a repository changed an audited table or list without writing its audit
 * entry in the same transaction or batch (or outside a transaction). Nothing was saved. It means
 * the code is wrong, never the user's input: tests are meant to meet it, users never.
 */
export class UnauditedChangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauditedChangeError';
  }
}
