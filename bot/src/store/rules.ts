import type { CheckIn, ReminderKind, ValidCheckIn } from '@okr/core';
import { ConflictError } from './errors.js';
import type { SavedCheckIn, SeedData } from './Store.js';

/**
 * Rules of the store that do not depend on where the data lives: both adapters apply them the same
 * way, so they are written once here.
 */

/** A resubmitted check-in changes nothing when its value, comment and evidence are what is stored. */
export function sameCheckIn(stored: CheckIn, submitted: ValidCheckIn): boolean {
  return stored.value === submitted.value && stored.comment === submitted.comment && stored.evidenceUrl === submitted.evidenceUrl;
}

/**
 * Compare-and-set of check-ins: a save based on another version than the stored one (or on none
 * when one exists) is stale — unless it says what is already stored (the same card sent twice).
 * Both adapters refuse the whole save with a ConflictError, writing nothing.
 */
export function refuseStaleCheckIns(submitted: readonly ValidCheckIn[], storedOf: (keyResultId: string) => CheckIn | null): void {
  const stale = submitted.filter((c) => {
    const stored = storedOf(c.keyResultId);
    if (stored && sameCheckIn(stored, c)) return false;
    return (stored?.version ?? null) !== c.version;
  });
  if (stale.length) throw new ConflictError(`check-ins changed meanwhile: ${stale.map((c) => c.keyResultId).join(', ')}`);
}

/** The audit entity id of a unit's month of check-ins (also of its review: `monthReviewId`). */
export const checkInsAuditId = (unitId: string, period: string): string => `${unitId}/${period}`;

/**
 * The one audit entry of a check-in save (one per user action, whatever the number of key results):
 * entity `checkIn`, the unit's month as its id, `after` the check-ins it created or changed (each
 * names its key result) and `before` the stored versions of those it changed (null when it only
 * created). Null when the save changed nothing. Both adapters write it with the save.
 */
export function checkInSaveAudit(unitId: string, period: string, saved: readonly SavedCheckIn[], storedOf: (keyResultId: string) => CheckIn | null) {
  const changed = saved.filter((s) => s.outcome !== 'unchanged');
  if (changed.length === 0) return null;
  const before = changed.filter((s) => s.outcome === 'updated').map((s) => storedOf(s.checkIn.keyResultId)!);
  return {
    entity: 'checkIn',
    entityId: checkInsAuditId(unitId, period),
    action: before.length > 0 ? ('update' as const) : ('create' as const),
    before: before.length > 0 ? before : null,
    after: changed.map((s) => s.checkIn),
  };
}

/**
 * Compare-and-set on a record's `version` (actas, commitments): with `expectedVersion` null the
 * record must not exist yet and is stored as given; otherwise the stored one must still be at
 * `expectedVersion`, and the record is stored at the next version. ConflictError otherwise.
 * Returns what to store.
 */
export function revised<T extends { version: number }>(what: string, before: T | null, next: T, expectedVersion: number | null): T {
  if (expectedVersion === null) {
    if (before) throw new ConflictError(`${what} exists`);
    return next;
  }
  if (!before || before.version !== expectedVersion) throw new ConflictError(`${what} changed`);
  return { ...next, version: expectedVersion + 1 };
}

/** A person's muted reminder kinds as stored: each once, sorted. */
export function normaliseMutedKinds(kinds: readonly ReminderKind[]): ReminderKind[] {
  return [...new Set(kinds)].sort();
}

/** What the reminder log says of an entry the administrator released with «Reenviar». */
export const RETRY_NOTE = 'reenvío pedido';

/** Longest error text kept with a failed reminder. */
export const ERROR_TEXT_MAX = 500;

/** The error text as stored: at most ERROR_TEXT_MAX characters. */
export function errorText(error: string): string {
  return error.slice(0, ERROR_TEXT_MAX);
}

/** The audit entity of the first start's one summary entry; it stands for every row the seed wrote. */
export const SEED_AUDIT_ENTITY = 'store';

/** The summary the seed's audit entry records. */
export function seedSummary(data: SeedData): Record<string, number> {
  return {
    units: data.units.length,
    people: data.people.length,
    sets: data.sets.length,
    checkIns: data.checkIns.length,
    ...(data.plenarias ? { plenarias: data.plenarias.length, actas: data.actas?.length ?? 0, commitments: data.commitments?.length ?? 0 } : {}),
  };
}

/** An acta version's key: `${plenariaId}#${version}` (also its audit entity id). */
export const actaKey = (plenariaId: string, version: number): string => `${plenariaId}#${version}`;

/** The audit entity id of a unit's month review. */
export const monthReviewId = checkInsAuditId;
