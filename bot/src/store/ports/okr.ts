import type {
  CheckIn,
  InstitutionalObjective,
  KeyResult,
  Objective,
  OkrSet,
  OkrSetBundle,
  OkrSetState,
  Period,
  QuarterId,
  Unit,
  ValidCheckIn,
  WorkflowAction,
} from '@okr/core';

/** The OKRs a fresh store is filled with. */
export interface OkrSeed {
  sets: OkrSet[];
  objectives: Objective[];
  keyResults: KeyResult[];
  checkIns: CheckIn[];
  /** The sets' formulation history, oldest first (the demo's loaded sets went through the workflow). */
  setEvents?: Array<Omit<SetEvent, 'id'>>;
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
  /** A workflow action, 'create' / 'edit' for the enlace's drafting, or 'import' for a set imported from Viva Goals. */
  action: WorkflowAction | 'create' | 'edit' | 'import';
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

/** Sets with their history from another tool (Viva Goals), stored loaded and read-only. */
export interface SetImport {
  actorId: string;
  sets: ReadonlyArray<{ set: OkrSet; objectives: Objective[]; keyResults: KeyResult[]; checkIns: CheckIn[] }>;
  /** The history's note on each set («Importado de Viva Goals…»). */
  comment: string;
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

/** OKR sets with their objectives and key results, their formulation workflow, and the monthly check-ins. */
export interface OkrPort {
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
  /**
   * Stores whole sets with their check-ins as they were (an import), all or nothing: each with an
   * 'import' event in its history and its audit entries. ConflictError if a unit already has a set
   * for one of the quarters.
   */
  importSets(args: SetImport): Promise<void>;

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
}
