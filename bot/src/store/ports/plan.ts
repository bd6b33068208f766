import type {
  InstitutionalObjective,
  ManagementPlan,
  Meta,
  MetaObservation,
  MetaReport,
  ModificationRequest,
  OkrSet,
  PlanAction,
  PlanBundle,
  PlanEvent,
  PlanQuarter,
  PlanState,
  PlanVigencia,
  QuarterNumber,
  Unit,
} from '@okr/core';

/** A meta as stored: in one version of its plan (every version is kept). */
export interface StoredMeta extends Meta {
  planId: string;
  planVersion: number;
}

/** The plan de gestión a fresh store is filled with (demo data). */
export interface PlanSeed {
  planVigencias?: PlanVigencia[];
  plans?: ManagementPlan[];
  /** The metas of every version of every plan. */
  planMetas?: StoredMeta[];
  planEvents?: PlanEvent[];
  metaReports?: MetaReport[];
  planQuarters?: PlanQuarter[];
  modifications?: ModificationRequest[];
}

/** Everything a unit's plan screen shows for a vigencia, read together (one request on SharePoint). */
export interface PlanScreenData {
  vigencia: PlanVigencia | null;
  /** The plan with the metas of its current version; null when the unit has none for the year. */
  bundle: PlanBundle | null;
  /** The metas of every version, oldest version first (the history and the published version). */
  versions: StoredMeta[];
  events: PlanEvent[];
  reports: MetaReport[];
  quarters: PlanQuarter[];
  modifications: ModificationRequest[];
  /** The unit's OKR sets of the vigencia's four quarters (the link to OKRs). */
  okrSets: OkrSet[];
  institutionalObjectives: InstitutionalObjective[];
  units: Unit[];
}

/** The whole entity's vigencia, read together: the ranking, the OAP's review, the outputs, the public page. */
export interface PlanYearData {
  vigencia: PlanVigencia | null;
  units: Unit[];
  plans: ManagementPlan[];
  /** The metas of every version of every plan of the year. */
  metas: StoredMeta[];
  reports: MetaReport[];
  quarters: PlanQuarter[];
  modifications: ModificationRequest[];
  institutionalObjectives: InstitutionalObjective[];
}

export interface PlanCreation {
  actorId: string;
  plan: ManagementPlan;
  metas: Meta[];
  action: Extract<PlanAction, 'create' | 'import'>;
}

/** New metas for the plan's current version, written only if the plan is still at `expectedVersion`. */
export interface PlanReplacement {
  actorId: string;
  planId: string;
  expectedVersion: number;
  metas: Meta[];
  action: Extract<PlanAction, 'edit' | 'import'>;
}

/** One workflow step, applied only if the plan is still in `from` at `expectedVersion`. */
export interface PlanTransition {
  actorId: string;
  planId: string;
  expectedVersion: number;
  from: PlanState;
  to: PlanState;
  action: Extract<PlanAction, 'submit' | 'approve' | 'return' | 'formalize'>;
  comment: string | null;
  observations: MetaObservation[];
  /** With `formalize`: the HOLA case that makes the current version official (and published). */
  holaCase: string | null;
}

/**
 * A write of a quarter's report: the quarter's header and the metas' entries that change, all or
 * nothing. `expectedVersion` null creates the header (ConflictError if it exists); otherwise the
 * stored header must still be at it (ConflictError — someone saved meanwhile), and it is stored at
 * the next version. Audited as one change of the quarter.
 */
export interface ReportWrite {
  actorId: string;
  quarter: PlanQuarter;
  expectedVersion: number | null;
  entries: MetaReport[];
}

/** A modification request's creation (`expectedVersion` null) or change, compare-and-set on `version`. */
export interface ModificationWrite {
  actorId: string;
  request: ModificationRequest;
  expectedVersion: number | null;
}

/** The OAP's approval of a request: the request and the plan's new version together, compare-and-set on both. */
export interface ModificationApproval {
  actorId: string;
  request: ModificationRequest;
  expectedRequestVersion: number;
  planId: string;
  expectedPlanVersion: number;
  /** The metas of the new version (the changed meta replaced, or marked «Meta eliminada», or gone). */
  metas: Meta[];
  comment: string | null;
}

/**
 * The plan de gestión (seed 001): vigencias, plans with the metas of every version, their workflow
 * history, the quarterly reports, and the modification requests. Every list carries the vigencia
 * (`Vigencia`) and the unit's vigencia (`UnitVigencia`) as indexed columns on SharePoint, so a unit's
 * screen and the entity's year are each one batch of indexed queries — and the open-data feed reads
 * the published plans, metas and reviewed reports of a vigencia the same way (`loadPlanYear`).
 */
export interface PlanPort {
  getPlanVigencia(year: number): Promise<PlanVigencia | null>;
  /** The OAP opens a vigencia; ConflictError if it is open already. Audited. */
  openPlanVigencia(vigencia: PlanVigencia, actorId: string): Promise<void>;

  loadPlanScreen(unitId: string, year: number): Promise<PlanScreenData>;
  loadPlanYear(year: number): Promise<PlanYearData>;
  getPlanById(planId: string): Promise<PlanBundle | null>;

  /** A unit's plan for a year, in draft; ConflictError if the unit has one for that year. */
  createPlan(args: PlanCreation): Promise<PlanBundle>;
  replacePlanMetas(args: PlanReplacement): Promise<PlanBundle>;
  transitionPlan(args: PlanTransition): Promise<ManagementPlan>;

  saveReport(write: ReportWrite): Promise<{ quarter: PlanQuarter; reports: MetaReport[] }>;

  getModification(id: string): Promise<ModificationRequest | null>;
  writeModification(write: ModificationWrite): Promise<ModificationRequest>;
  applyModification(args: ModificationApproval): Promise<PlanBundle>;
}

/** Quarter numbers as stored. */
export const isQuarterNumber = (q: unknown): q is QuarterNumber => q === 1 || q === 2 || q === 3 || q === 4;
