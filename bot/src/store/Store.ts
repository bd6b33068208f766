import type {
  Acta,
  AuditEntry,
  Commitment,
  Plenaria,
  CheckIn,
  InstitutionalObjective,
  KeyResult,
  MonthReview,
  Objective,
  OkrSet,
  OkrSetState,
  OkrSetBundle,
  Period,
  Person,
  QuarterId,
  ReminderKey,
  ReminderKind,
  RoleAssignment,
  Unit,
  ValidCheckIn,
  WorkflowAction,
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
  /** Plenarias already held or scheduled (demo data), with their actas' versions and tracked commitments. */
  plenarias?: Plenaria[];
  actas?: Acta[];
  commitments?: Commitment[];
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

/** One step of a set's formulation workflow, as everyone involved sees it in its history. */
export interface SetEvent {
  id: number;
  setId: string;
  at: string;
  actorId: string;
  /** A workflow action, or 'create' / 'edit' for the enlace's drafting. */
  action: WorkflowAction | 'create' | 'edit';
  fromState: OkrSetState;
  toState: OkrSetState;
  setVersion: number;
  comment: string | null;
}

/** The content of a set the enlace drafts: everything but ids of the set itself. */
export interface SetContent {
  institutionalObjectiveId: string;
  objectives: Array<Omit<Objective, 'setId'>>;
  keyResults: Array<Omit<KeyResult, 'setId'>>;
}

/** A new draft set for a unit and quarter. */
export interface SetCreation { actorId: string; setId: string; unitId: string; quarter: QuarterId; content: SetContent }

/** New content for a set, written only if it is still at `expectedVersion`. */
export interface SetReplacement { actorId: string; setId: string; expectedVersion: number; content: SetContent }

/** One workflow step, applied only if the set is still in `from` at `expectedVersion`. */
export interface SetTransition {
  actorId: string;
  setId: string;
  action: WorkflowAction;
  from: OkrSetState;
  to: OkrSetState;
  expectedVersion: number;
  comment: string | null;
}

/** A card the bot sent about a set or an acta, to update in place (updateActivity) when it moves on. */
export interface CardMessage {
  /** The set's id, or `acta:<plenariaId>` for an acta's sign-off cards. */
  subjectId: string;
  /** What the card is for: 'coach_review', 'leader_approval', 'returned', 'acta_signature'… */
  purpose: string;
  personId: string;
  activityId: string;
  reference: unknown;
}

/** Everything one unit's OKR tree screen needs for a quarter, read together (one request on SharePoint). */
export interface UnitQuarterData {
  bundle: OkrSetBundle | null;
  /** The unit's check-ins of the quarter's three months. */
  checkIns: CheckIn[];
  institutionalObjectives: InstitutionalObjective[];
}

/** Every unit's set and check-ins for a quarter (the entity dashboard), read together. */
export interface EntityQuarterData {
  units: Unit[];
  /** The sets of the quarter with their content, by unit id. */
  bundles: OkrSetBundle[];
  /** All check-ins of the quarter's three months, by unit id and month. */
  checkIns: CheckIn[];
  institutionalObjectives: InstitutionalObjective[];
}

/**
 * One reminder in the log, by its key (`reminderKeyString`). `claimed`: a scheduler took it and is
 * sending it (or crashed meanwhile: after a while the administrator sees it as «incierto»);
 * `sent`: Teams accepted it; `failed`: Teams refused it for sure — it is claimed again on a later
 * run, up to REMINDER_MAX_ATTEMPTS times. See docs/adr/0003-reminders.md.
 */
export type ReminderLogState = 'claimed' | 'sent' | 'failed';

export interface ReminderLogEntry {
  key: string;
  kind: ReminderKind;
  personId: string;
  subject: string;
  period: Period;
  step: number;
  state: ReminderLogState;
  /** The scheduler instance that holds (or last held) the claim. */
  owner: string;
  claimedAt: string;
  sentAt: string | null;
  error: string | null;
  attempts: number;
}

/** Claims a failed reminder gets before it is left for the administrator. */
export const REMINDER_MAX_ATTEMPTS = 3;

/** The global switch of all reminders (holiday season, migrations), with who flipped it last. */
export interface ReminderControl {
  paused: boolean;
  actorId: string | null;
  at: string | null;
}

/** «Recordarme mañana»: the reminder with this key comes back at `until`; `count` snoozes so far. */
export interface ReminderSnooze {
  key: ReminderKey;
  until: string;
  count: number;
}

/** A person's own reminder settings: the kinds they muted. */
export interface ReminderPreferences {
  personId: string;
  mutedKinds: ReminderKind[];
}

/** What a write of an acta does, as the audit trail names it. */
export type ActaAction = 'create' | 'edit' | 'snapshot' | 'sign' | 'send_oap' | 'correct' | 'file';

/**
 * Writes one version of an acta: `expectedRevision` null creates it (ConflictError if that version
 * exists); otherwise it replaces it only if it is still at `expectedRevision` (else ConflictError —
 * a stale edit) and stores it with `revision = expectedRevision + 1`. Audited with before and after.
 */
export interface ActaWrite {
  actorId: string;
  action: ActaAction;
  acta: Acta;
  expectedRevision: number | null;
}

/** The signed .docx stored with its acta (in SharePoint, a file in the unit's folder of the `ActasOKR` library). */
export interface ActaFile {
  plenariaId: string;
  version: number;
  fileName: string;
  bytes: Buffer;
}

/** Raised when the store cannot be reached for now (throttled past the retry bound, outage); nothing was saved. */
export class StoreUnavailableError extends Error {
  constructor(message = 'store unavailable') {
    super(message);
    this.name = 'StoreUnavailableError';
  }
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

  getSetById(setId: string): Promise<OkrSetBundle | null>;
  /** Sets (without content) in the given states, e.g. all waiting for a coach's review. */
  listSetsByState(states: readonly OkrSetState[]): Promise<OkrSet[]>;
  /** Creates a unit's set for a quarter in draft; ConflictError if the unit already has one for that quarter. */
  createSet(args: SetCreation): Promise<OkrSetBundle>;
  /** Replaces a set's objectives and key results; ConflictError unless the set is still at `expectedVersion`. */
  replaceSetContent(args: SetReplacement): Promise<OkrSetBundle>;
  /**
   * Moves a set along its workflow, compare-and-set: only if it is still in `from` at
   * `expectedVersion` (else ConflictError — someone acted first). Records the event and the audit entry.
   */
  transitionSet(args: SetTransition): Promise<OkrSet>;
  listSetEvents(setId: string): Promise<SetEvent[]>;
  saveCardMessage(card: CardMessage): Promise<void>;
  listCardMessages(subjectId: string): Promise<CardMessage[]>;

  /** Schedules a plenaria (or dialogue session); ConflictError if the id exists. Audited. */
  createPlenaria(plenaria: Plenaria, actorId: string): Promise<void>;
  getPlenaria(id: string): Promise<Plenaria | null>;
  /** Plenarias whose date falls in any of the quarters, and/or of one unit; sorted by date, then start time. */
  listPlenarias(filter: { quarters?: readonly QuarterId[]; unitId?: string }): Promise<Plenaria[]>;
  /** Every version of the plenarias' actas, oldest version first. */
  listActas(filter: { plenariaIds?: readonly string[]; quarters?: readonly QuarterId[]; unitId?: string }): Promise<Acta[]>;
  writeActa(write: ActaWrite): Promise<Acta>;
  /** Stores (or replaces) the .docx of an acta version. */
  saveActaFile(file: ActaFile, actorId: string): Promise<void>;
  getActaFile(plenariaId: string, version: number): Promise<ActaFile | null>;

  /** Commitments by owner, plenaria or unit (any given filter must match), soonest due first. */
  listCommitments(filter: { ownerId?: string; plenariaId?: string; unitId?: string }): Promise<Commitment[]>;
  /**
   * Creates the commitments an acta's signing brings into the tracker, or updates one: `expectedRevision`
   * null creates (ConflictError if the id exists); otherwise compare-and-set on `revision` as for actas.
   * All or nothing; audited.
   */
  writeCommitments(writes: ReadonlyArray<{ commitment: Commitment; expectedRevision: number | null }>, actorId: string): Promise<Commitment[]>;

  /** getSet + listCheckIns of the quarter + listInstitutionalObjectives, in one go. */
  loadUnitQuarter(unitId: string, quarter: QuarterId): Promise<UnitQuarterData>;
  /** The whole entity's quarter: all units, their sets and check-ins, in one go. */
  loadEntityQuarter(quarter: QuarterId): Promise<EntityQuarterData>;

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

  /** People with a stored conversation reference (the bot can reach them proactively). */
  listConversationPersonIds(): Promise<string[]>;

  /**
   * Reminders: the log is keyed by `reminderKeyString(key)`. `claimReminder` is atomic: of any
   * number of schedulers claiming the same key, exactly one gets true — the one that inserted it,
   * or that took over a `failed` entry with attempts left. A claimed entry is never claimed again.
   */
  claimReminder(key: ReminderKey, owner: string, at: string): Promise<boolean>;
  /** Teams accepted the message. Only the claim's owner can confirm it. */
  markReminderSent(key: string, owner: string, at: string): Promise<void>;
  /** Teams refused it for sure (nothing was delivered): a later run may claim it again. */
  markReminderFailed(key: string, owner: string, at: string, error: string): Promise<void>;
  /** The administrator's «Reenviar» of an uncertain or failed reminder: claimable again, audited. */
  retryReminder(key: string, actorId: string): Promise<boolean>;
  /** Newest first; `periods`: the months the reminders are about (the scheduler reads the current and previous). */
  listReminderLog(filter?: { personId?: string; states?: readonly ReminderLogState[]; periods?: readonly Period[]; limit?: number }): Promise<ReminderLogEntry[]>;
  getReminderControl(): Promise<ReminderControl>;
  /** Pauses or resumes every reminder; audited. */
  setRemindersPaused(paused: boolean, actorId: string): Promise<ReminderControl>;
  /** Snoozes a reminder until `until` (one entry per key; snoozing again moves it and counts). */
  snoozeReminder(key: ReminderKey, until: string): Promise<ReminderSnooze>;
  listReminderSnoozes(filter?: { personId?: string }): Promise<ReminderSnooze[]>;
  /** Everyone's reminder settings, or one person's (people who never changed them are absent). */
  listReminderPreferences(personId?: string): Promise<ReminderPreferences[]>;
  /** Replaces a person's muted kinds; audited. */
  setReminderPreferences(prefs: ReminderPreferences, actorId: string): Promise<void>;

  listAudit(filter?: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]>;
}
