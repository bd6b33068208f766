import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * How old the data behind one answer is (issue 20: «every screen says how fresh its data is when
 * it is older than a minute»). A request or bot turn runs in `withDataAge`; every answer the
 * SharePoint read cache serves inside it notes its age (time since its list was last checked with
 * Graph), and the oldest is what the answer says. Data read straight from the store (SQLite, or a
 * miss read from Graph) is fresh: it notes nothing.
 */
const scope = new AsyncLocalStorage<{ ageMs: number }>();

/** Notes that data `ageMs` old was served to whatever runs now (nothing outside `withDataAge`). */
export function noteDataAge(ageMs: number): void {
  const current = scope.getStore();
  if (current && ageMs > current.ageMs) current.ageMs = ageMs;
}

/** Runs `work` and says how old the oldest data it was served is (ms; 0 when all fresh). */
export async function withDataAge<T>(work: () => Promise<T>): Promise<{ result: T; ageMs: number }> {
  const noted = { ageMs: 0 };
  const result = await scope.run(noted, work);
  return { result, ageMs: noted.ageMs };
}

/** Older than this, the tab and the bot's cards say how old the data is. */
export const STALE_NOTICE_MS = 60_000;
