import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Writes whose freshness checks cover only what decides them (issue 20, ADR 14). A check-in save
 * is decided by who is saving and their roles, the set and its key results, and the month's review;
 * the month's check-ins are protected by the save's own compare-and-set (the item's eTag). What the
 * save only shows in its answer — the unit's name, the objectives, the institutional objectives —
 * is served as the read cache holds it: as the person saw it when they opened the card, at the
 * latest. Inside `asWrite`, the SharePoint read cache asks Graph for the changes of the lists that
 * decide the write (`ListSpec.decides`) and of lists it holds nothing of or could not follow, and
 * of no other. SQLite reads its file every time: it ignores this.
 */
export type DecidedWrite = 'checkInSave';

const scope = new AsyncLocalStorage<DecidedWrite>();

/** Runs `work` — the whole action, identifying the person included — as this kind of write. */
export function asWrite<T>(kind: DecidedWrite, work: () => Promise<T>): Promise<T> {
  return scope.run(kind, work);
}

/** The write being done now, if any. */
export function currentWrite(): DecidedWrite | null {
  return scope.getStore() ?? null;
}
