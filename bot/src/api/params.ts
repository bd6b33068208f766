import { type QuarterId } from '@okr/core';
import { parseInput, quarterId } from '../input/schemas.js';

/** A quarter from the request (`2026-Q4`), or `fallback` when it is absent; anything else is refused in Spanish (the shared quarter schema). */
export function quarterParam(value: unknown, fallback?: QuarterId): QuarterId {
  return parseInput(quarterId, value === undefined ? fallback : value);
}
