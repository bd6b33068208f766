import { isQuarterId, msg, type QuarterId } from '@okr/core';
import { HttpError } from './errors.js';

/** A quarter from the request (`2026-Q4`), or `fallback` when it is absent; anything else is refused in Spanish. */
export function quarterParam(value: unknown, fallback?: QuarterId): QuarterId {
  const q = typeof value === 'string' ? value : fallback;
  if (q === undefined || !isQuarterId(q)) throw new HttpError('invalid', msg.errors.invalidQuarter(String(q ?? '')));
  return q;
}
