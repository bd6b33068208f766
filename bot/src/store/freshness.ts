import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Actions, for the SharePoint read cache's freshness checks (issue 20, ADR 14). Every API request
 * and bot turn runs as an action of a kind (the route, the command, the card action's verb).
 *
 * - **Checked together.** The cache learns, per kind, which lists the action read the last time it
 *   was done; the first check of a scope asks Graph, in one `$batch`, for the changes of every one of
 *   those lists that is due (or nearly), together with what the read in hand needs. The store calls
 *   that come later in the same action find their lists just checked and ask nothing, even on a
 *   server where nothing was read for minutes (no list "in use"). A list read for the first time by
 *   the kind, dirty or never followed is still checked when it is read, so the freshness bound holds.
 * - **Writes decided by what they check.** A check-in save is decided by who is saving and their
 *   roles, the set and its key results, and the month's review; the month's check-ins are protected
 *   by the save's own compare-and-set (the item's eTag). What the save only shows in its answer —
 *   the unit's name, the objectives, the institutional objectives — is served as the read cache
 *   holds it: as the person saw it when they opened the card, at the latest. In such a write
 *   (`write`), the cache asks Graph for the changes of the lists that decide it
 *   (`ListSpec.decides`) and of lists it holds nothing of or could not follow, and of no other.
 *
 * SQLite reads its file every time: it ignores this.
 */
export type DecidedWrite = 'checkInSave';

export interface ActionScope {
  /** What kind of action this is: what it reads is learned per kind. */
  readonly kind: string;
  /** The write it is, when its checks cover only what decides it. */
  readonly write: DecidedWrite | null;
  /** Per read cache (its key), what the cache keeps for this action. */
  readonly local: Map<object, unknown>;
  /** Run once when the action ends (the cache learns what it read). */
  readonly ends: Array<() => void>;
}

const scope = new AsyncLocalStorage<ActionScope>();

/** Runs `work` — the whole action, identifying the person included — as an action of this kind. */
export async function asAction<T>(kind: string, work: () => Promise<T>, write: DecidedWrite | null = null): Promise<T> {
  const action: ActionScope = { kind, write, local: new Map(), ends: [] };
  try {
    return await scope.run(action, work);
  } finally {
    for (const end of action.ends) end();
  }
}

/** Runs `work` — the whole action, identifying the person included — as this kind of write. */
export function asWrite<T>(kind: DecidedWrite, work: () => Promise<T>): Promise<T> {
  return asAction(kind, work, kind);
}

/** The action being done now, if any. */
export function currentAction(): ActionScope | null {
  return scope.getStore() ?? null;
}

/** The write being done now, if any. */
export function currentWrite(): DecidedWrite | null {
  return scope.getStore()?.write ?? null;
}
