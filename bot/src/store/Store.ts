import type {
  AuditEntry,
  CheckIn,
  InstitutionalObjective,
  KeyResult,
  MonthReview,
  Objective,
  OkrSet,
  OkrSetBundle,
  Period,
  Person,
  QuarterId,
  RoleAssignment,
  Unit,
  ValidCheckIn,
} from '@okr/core';

/** Everything a fresh store is filled with on first start (demo data, or an imported directory). */
export interface SeedData {
  units: Unit[];
  people: Person[];
  roles: RoleAssignment[];
  institutionalObjectives: InstitutionalObjective[];
  sets: OkrSet[];
  objectives: Objective[];
  keyResults: KeyResult[];
  checkIns: CheckIn[];
}

export interface CheckInWrite {
  actorId: string;
  unitId: string;
  period: Period;
  checkIns: ValidCheckIn[];
}

/** Result of saving one KR's check-in: created, updated (new version), or unchanged (an identical resubmission). */
export interface SavedCheckIn {
  checkIn: CheckIn;
  outcome: 'created' | 'updated' | 'unchanged';
}

/** Raised when a write is based on data someone else has changed meanwhile (eTag / version mismatch). */
export class ConflictError extends Error {
  constructor(message = 'conflict') {
    super(message);
    this.name = 'ConflictError';
  }
}

/**
 * The persistence port. Everything above the store (bot, API, jobs) talks to this interface;
 * the embedded SQLite adapter and the SharePoint (Graph) adapter implement it. Every change is
 * written together with its audit entry (who, when, entity, before, after).
 */
export interface Store {
  readonly kind: 'sqlite' | 'sharepoint';

  isEmpty(): Promise<boolean>;
  /** Loads a whole directory and its OKRs into an empty store (first start). */
  seed(data: SeedData): Promise<void>;
  close(): Promise<void>;

  listUnits(): Promise<Unit[]>;
  getUnit(id: string): Promise<Unit | null>;
  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person | null>;
  findPersonByAadObjectId(aadObjectId: string): Promise<Person | null>;
  listRoles(): Promise<RoleAssignment[]>;
  rolesOf(personId: string): Promise<RoleAssignment[]>;
  listInstitutionalObjectives(): Promise<InstitutionalObjective[]>;

  /** The unit's OKR set for the quarter, with its objectives and key results; null when none. */
  getSet(unitId: string, quarter: QuarterId): Promise<OkrSetBundle | null>;

  /** Check-ins of a unit for the given months (a quarter's three). */
  listCheckIns(unitId: string, periods: readonly Period[]): Promise<CheckIn[]>;
  /**
   * Saves validated check-ins, all or nothing. One check-in per KR and month: a resubmission with
   * the same content changes nothing; different content updates it and bumps its version.
   */
  saveCheckIns(write: CheckInWrite): Promise<SavedCheckIn[]>;

  /** The ETI's review of a unit's month; null while the month is open. */
  getMonthReview(unitId: string, period: Period): Promise<MonthReview | null>;
  /** Records (or replaces) the review of a unit's month, with its audit entry. */
  saveMonthReview(review: MonthReview): Promise<void>;

  saveConversationReference(personId: string, reference: unknown): Promise<void>;
  getConversationReference(personId: string): Promise<unknown | null>;

  listAudit(filter?: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]>;
}
