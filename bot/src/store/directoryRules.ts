/**
 * Rules of the directory both adapters apply (beside `rules.ts`, which the other modules share).
 *
 * A person imported from the ETI's workbook may have no Entra object id yet: it is linked the first
 * time they sign in (by e-mail). The stored column is unique and required on both stores, so an
 * unlinked person holds a placeholder that no Entra id (a GUID) can ever equal.
 */
const UNLINKED = 'sin-entra:';

export const storedAadId = (personId: string, aadObjectId: string): string => aadObjectId.trim() || `${UNLINKED}${personId}`;
export const domainAadId = (stored: string): string => (stored.startsWith(UNLINKED) ? '' : stored);

/** Roles of a seed without dates count from this day (unknown «desde»). */
export const SEED_DEFAULT_FROM = '2000-01-01';

/** The audit entity each kind of directory record is recorded under. */
export const DIRECTORY_AUDIT = { unit: 'unit', person: 'person', assignment: 'role', objective: 'institutionalObjective' } as const;
