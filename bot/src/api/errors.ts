import type { ApiError } from '@okr/core';
import { msg } from '@okr/core';

const STATUS: Record<ApiError['code'], number> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
  unavailable: 503,
};

/** An error the API answers with: HTTP status from its code, a Spanish message for people. */
export class HttpError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
  body(): ApiError {
    return { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

export const notFound = () => new HttpError('not_found', msg.errors.notFound);
export const forbidden = (message: string = msg.errors.forbidden) => new HttpError('forbidden', message);
