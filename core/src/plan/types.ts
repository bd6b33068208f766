/**
 * The plan de gestión (seed 001, PLE-PIN-P005): one plan per process (a central unit) or alcaldía
 * local per vigencia, its metas with their quarterly programming, the quarterly reports, the OAP's
 * review, the ranking and the modification requests. Pure data; the rules are beside this file.
 */
import type { IsoDate } from '../types.js';

/** How a meta's quarterly magnitudes relate to each other and to the total (Bogotá's planning convention). */
export type ProgrammingType = 'suma' | 'constante' | 'creciente' | 'decreciente';
export const PROGRAMMING_TYPES: readonly ProgrammingType[] = ['suma', 'constante', 'creciente', 'decreciente'];

/** Quarter number within the vigencia. */
export type QuarterNumber = 1 | 2 | 3 | 4;
export const QUARTERS: readonly QuarterNumber[] = [1, 2, 3, 4];

/** Four quarterly values, Q1…Q4; null where nothing is programmed (or reported). */
export type Quarterly = [number | null, number | null, number | null, number | null];

export interface Indicator {
  name: string;
  numerator: string;
  denominator: string;
  formula: string;
  /** Unit of measure of the magnitudes ("%", "informes", "días"). */
  unit: string;
}

/** What the team writes of a meta (F017/F018's formulation columns). */
export interface MetaContent {
  id: string;
  /** Position in the plan, 1… */
  order: number;
  /** Wording of the meta. */
  statement: string;
  /** The institutional strategic objective it serves (PEI; the OKR sets align to the same). */
  strategicObjectiveId: string;
  /** The process objective it serves (the alcaldía's, for a local plan). */
  processObjective: string;
  indicator: Indicator;
  programmingType: ProgrammingType;
  totalMagnitude: number;
  programmed: Quarterly;
  deliverables: string;
  /** Weight in the plan, in % (the plan's weights add up to 100). */
  weight: number;
  /** The unit responsible for the meta (usually the plan's own). */
  responsibleUnitId: string;
  /** A local meta: a central area reports it for the alcaldías (policy 8). */
  local: boolean;
  /** A transversal meta: a central area reports it for several processes, and leads it. */
  transversal: boolean;
  /** The central area that leads and reports a local or transversal meta; null otherwise. */
  leadUnitId: string | null;
  /** An alcaldía's meta: the central unit whose prior consent its modification needs (SGL, DGP or DGDL). */
  supervisorUnitId: string | null;
}

/** A meta as stored in a version of the plan. */
export interface Meta extends MetaContent {
  /** «Meta eliminada»: it had reports, so it stays, out of the score (policy 9). */
  eliminated: boolean;
  /** The plan version in which it was last changed by an approved modification; null if never. */
  modifiedInVersion: number | null;
}

/** The states of a plan through formulation and review (activities 3–8). */
export type PlanState = 'draft' | 'in_review' | 'returned' | 'endorsed' | 'official';

/** A unit's plan de gestión for a vigencia. */
export interface ManagementPlan {
  id: string;
  unitId: string;
  year: number;
  state: PlanState;
  /** Document version: 1 as formulated; +1 with each approved modification (the old ones are kept). */
  planVersion: number;
  /** The HOLA case that made the current version official (activity 7, policy 6); null until then. */
  holaCase: string | null;
  /** The last plan version made official (what is published); null before the first. */
  publishedVersion: number | null;
  /** The compare-and-set counter. */
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A plan with the metas of its current version. */
export interface PlanBundle {
  plan: ManagementPlan;
  metas: Meta[];
}

/** The OAP opens a vigencia with its methodology (activity 1) and dates. */
export interface PlanVigencia {
  year: number;
  methodologyNote: string;
  /** The plans must reach the OAP by this day. */
  formulationDue: IsoDate;
  openedBy: string;
  openedAt: string;
  version: number;
}

/** Steps of a plan's workflow as its history records them. */
export type PlanAction = 'create' | 'edit' | 'import' | 'submit' | 'approve' | 'return' | 'formalize' | 'modify';

/** An observation of the OAP on one meta. */
export interface MetaObservation {
  metaId: string;
  text: string;
}

export interface PlanEvent {
  id: string;
  planId: string;
  at: string;
  actorId: string;
  action: PlanAction;
  fromState: PlanState;
  toState: PlanState;
  comment: string | null;
  observations: MetaObservation[];
  holaCase: string | null;
  /** Plan version after the step. */
  planVersion: number;
}

/** A quarter of a plan's follow-up: draft → submitted → (clarification ↔ submitted) → closed. */
export type ReportState = 'draft' | 'submitted' | 'clarification' | 'closed';

/** The OAP's correction of a reported figure: the original is kept. */
export interface ReportCorrection {
  field: 'executed';
  original: number | null;
  corrected: number;
  reason: string;
  by: string;
  at: string;
}

/** What the central area that leads a local or transversal meta reports for it (policy 8). */
export interface LeadFigures {
  numerator: number;
  denominator: number;
  result: number;
  observations: string;
  by: string;
  at: string;
}

/** One meta's report for one quarter (activity 9). Percentages and cumulative figures are computed, never stored. */
export interface MetaReport {
  planId: string;
  metaId: string;
  quarter: QuarterNumber;
  /** Execution of the quarter, as reported (or completed by the OAP from the lead area's figures). */
  executed: number | null;
  analysis: string;
  evidenceUrl: string;
  cumulativeAnalysis: string;
  correction: ReportCorrection | null;
  lead: LeadFigures | null;
  /** Filled in by the OAP from the lead area's figures (local and transversal metas). */
  completedByOap: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** The quarter's report of a plan as a whole: its state and who did what. */
export interface PlanQuarter {
  planId: string;
  unitId: string;
  year: number;
  quarter: QuarterNumber;
  state: ReportState;
  submittedAt: string | null;
  submittedBy: string | null;
  /** The OAP's request for clarification (activity 10), while asked. */
  clarification: string | null;
  closedAt: string | null;
  closedBy: string | null;
  version: number;
}

export type ModificationKind = 'modify' | 'eliminate';
export type ModificationState = 'pending_consent' | 'pending_oap' | 'approved' | 'denied';
export type ConsentKind = 'lead' | 'supervisor';

export interface Consent {
  kind: ConsentKind;
  unitId: string;
  state: 'pending' | 'favorable' | 'unfavorable';
  by: string | null;
  at: string | null;
  comment: string | null;
}

/** Policy 9's exception: a second modification of a meta in the vigencia. */
export type ExceptionGround = 'fuerza_mayor' | 'cambio_normativo';

export interface ModificationRequest {
  id: string;
  planId: string;
  unitId: string;
  year: number;
  metaId: string;
  kind: ModificationKind;
  /** The meta as it would be (kind 'modify'); null to eliminate. */
  proposed: MetaContent | null;
  justification: string;
  exception: { ground: ExceptionGround; justification: string } | null;
  requestedBy: string;
  requestedAt: string;
  consents: Consent[];
  state: ModificationState;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionComment: string | null;
  /** The plan version the approval made. */
  resultingVersion: number | null;
  version: number;
}
