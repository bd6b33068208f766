/** JSON shapes of the plan de gestión's REST API (`/api/plan/...`), shared by the server and the tab. */
import type { InstitutionalObjective, IsoDate, OkrSetState, QuarterId, Unit } from '../types.js';
import type { ReportStatus } from '../i18n/es-CO/plan.js';
import type { CoherenceCheck } from './metaRules.js';
import type { MetaFigures } from './programming.js';
import type { RankingRow } from './ranking.js';
import type { ReviewAlert } from './report.js';
import type { ManagementPlan, Meta, MetaReport, ModificationRequest, PlanEvent, PlanQuarter, PlanVigencia, QuarterNumber, Quarterly } from './types.js';
import type { PlanWorkflowAction } from './workflow.js';

export type UnitRef = Pick<Unit, 'id' | 'name' | 'kind'>;

export interface PlanMetaView extends Meta {
  checks: CoherenceCheck[];
  /** The OAP's observations on this meta when it last returned the plan. */
  observations: string[];
}

export interface PlanEventView extends PlanEvent {
  actorName: string;
}

/** An institutional objective with the plan's metas that serve it and the unit's OKR sets aligned to it. */
export interface ObjectiveLink {
  objective: InstitutionalObjective;
  metaIds: string[];
  okrSets: Array<{ setId: string; quarter: QuarterId; state: OkrSetState }>;
}

/** GET /api/plan/units/:unitId/:year */
export interface PlanView {
  unit: UnitRef;
  year: number;
  vigencia: PlanVigencia | null;
  plan: ManagementPlan | null;
  metas: PlanMetaView[];
  weights: { ok: boolean; sum: number; message: string };
  events: PlanEventView[];
  /** The last return's general observation. */
  returned: { comment: string | null; by: string; at: string } | null;
  /** What this viewer may do now. */
  actions: PlanWorkflowAction[];
  canEdit: boolean;
  canRequestChange: boolean;
  objectives: InstitutionalObjective[];
  units: UnitRef[];
  links: ObjectiveLink[];
  /** The plan's versions, oldest first: what each was made official with. */
  versions: Array<{ planVersion: number; metas: number; holaCase: string | null }>;
  dueDates: Array<{ quarter: QuarterNumber; due: IsoDate }>;
}

/** PUT /api/plan/units/:unitId/:year — the team's draft (also the .xlsx import's result). */
export interface PlanSaveRequest {
  expectedVersion: number | null;
  metas: Array<Omit<Meta, 'eliminated' | 'modifiedInVersion'>>;
}

/** POST /api/plan/plans/:planId/actions */
export interface PlanActRequest {
  action: PlanWorkflowAction;
  version: number;
  comment?: string | null;
  observations?: Array<{ metaId: string; text: string }>;
  holaCase?: string | null;
}

export interface ReportMetaView {
  meta: Meta;
  /** Something is programmed up to the quarter and the meta is not eliminated. */
  expected: boolean;
  /** Led and reported by another area (policy 8): the OAP completes it. */
  ledBy: UnitRef | null;
  report: MetaReport | null;
  /** The executions Q1…Q4 as they count (the OAP's corrections applied). */
  executions: Quarterly;
  figures: MetaFigures;
  alerts: ReviewAlert[];
}

/** A local or transversal meta this unit leads in another unit's plan: it reports the figures for it. */
export interface LeadTask {
  planId: string;
  unit: UnitRef;
  meta: Meta;
  report: MetaReport | null;
  /** The plan's quarter is closed: nothing more to report. */
  closed: boolean;
}

/** GET /api/plan/units/:unitId/:year/reports/:quarter */
export interface ReportView {
  unit: UnitRef;
  year: number;
  quarter: QuarterNumber;
  due: IsoDate;
  status: ReportStatus;
  plan: ManagementPlan | null;
  record: PlanQuarter | null;
  metas: ReportMetaView[];
  canEdit: boolean;
  canReview: boolean;
  /** What is still missing before sending (empty: it can be sent). */
  missing: string[];
  leadTasks: LeadTask[];
  /** Who sent it, who closed it (names). */
  submittedBy: string | null;
  closedBy: string | null;
}

/** PUT /api/plan/plans/:planId/reports/:quarter */
export interface ReportSaveRequest {
  expectedVersion: number | null;
  entries: Array<{ metaId: string; executed: number | null; analysis: string; evidenceUrl: string; cumulativeAnalysis: string }>;
  submit: boolean;
}

/** POST /api/plan/plans/:planId/reports/:quarter/review */
export type ReviewRequest =
  | { action: 'correct'; expectedVersion: number; metaId: string; corrected: number; reason: string }
  | { action: 'complete'; expectedVersion: number; metaId: string }
  | { action: 'clarify'; expectedVersion: number; text: string }
  | { action: 'close'; expectedVersion: number };

/** PUT /api/plan/plans/:planId/reports/:quarter/lead/:metaId — the lead area's figures. */
export interface LeadFiguresRequest {
  numerator: number;
  denominator: number;
  result: number;
  observations: string;
}

export interface ModificationView extends ModificationRequest {
  unitName: string;
  metaStatement: string;
  requestedByName: string;
  consentUnits: Record<string, string>;
  /** The viewer may give this consent (unit id), or decide as the OAP. */
  canConsent: string | null;
  canDecide: boolean;
}

/** GET /api/plan/units/:unitId/:year/modifications */
export interface ModificationsView {
  unit: UnitRef;
  year: number;
  plan: ManagementPlan | null;
  metas: Meta[];
  requests: ModificationView[];
  canRequest: boolean;
  deadline: IsoDate;
  measured: QuarterNumber[];
  objectives: InstitutionalObjective[];
  units: UnitRef[];
}

/** POST /api/plan/plans/:planId/modifications */
export interface ModificationCreateRequest {
  metaId: string;
  kind: 'modify' | 'eliminate';
  proposed: Omit<Meta, 'eliminated' | 'modifiedInVersion'> | null;
  justification: string;
  exception: { ground: 'fuerza_mayor' | 'cambio_normativo'; justification: string } | null;
}

/** GET /api/plan/review?year=&quarter= — the OAP's desk. */
export interface ReviewOverview {
  year: number;
  quarter: QuarterNumber;
  vigencia: PlanVigencia | null;
  plans: Array<{ unit: UnitRef; planId: string | null; state: ManagementPlan['state'] | null; metas: number; failedChecks: number }>;
  reports: Array<{ unit: UnitRef; planId: string; status: ReportStatus; submittedAt: string | null; alerts: number }>;
  modifications: ModificationView[];
  due: IsoDate;
}

/** GET /api/plan/ranking?year=&quarter= */
export interface RankingView {
  year: number;
  quarter: QuarterNumber;
  cap: number;
  rows: RankingRow[];
  /** Plans in force, and how many of their quarters the OAP closed. */
  plans: number;
  closed: number;
}
