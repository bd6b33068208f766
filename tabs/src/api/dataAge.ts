/**
 * How old the data on screen is: every API answer says it in `X-Data-Age` (seconds; the server
 * answers from its read cache when SharePoint cannot be reached), and the latest answer's is kept
 * here for the shell's notice (shell/DataAgeNotice.tsx), which every view shows past a minute.
 */
// Straight from its file, not through ../core.js: this module is in the first load.
import { DATA_AGE_HEADER } from '../../../core/src/api.js';

let latest = 0;
const listeners = new Set<() => void>();

/** Notes the age an API answer says (its `X-Data-Age` header; answers without one change nothing). */
export function noteDataAge(headers: Headers): void {
  const raw = headers.get(DATA_AGE_HEADER);
  if (raw === null || raw.trim() === '') return;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds === latest) return;
  latest = seconds;
  for (const listener of listeners) listener();
}

/** The age of the latest answer, in seconds (0 until one says otherwise). */
export function dataAgeSeconds(): number {
  return latest;
}

/** Calls `listener` whenever the age changes; returns how to stop. */
export function onDataAge(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
