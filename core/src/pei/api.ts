/** JSON shapes of the PEI and validation REST API (`/api/pei/...`), shared by the server and the tab. */
import type { IsoDate, QuarterId } from '../types.js';
import type { CutoffFigures, ExclusionReason } from './compliance.js';
import type { ValidationCheck } from './validation.js';
import type { OapReturn, PeiChange, PeiIndicator, PeiPlan, ReportedFigures, ValidationState, ValidationStep } from './types.js';

export type PeiPlanRef = Pick<PeiPlan, 'id' | 'entity' | 'name' | 'startYear' | 'endYear' | 'own'>;

/** Where an indicator's figure comes from: reported here, or a linked plan de gestión meta's reports. */
export type FigureSource = 'pei' | 'plan';

export interface ValidationStepView extends ValidationStep {
  byName: string;
}

/** One indicator's figure at a cut-off, in an objective. */
export interface PeiIndicatorRow {
  indicator: PeiIndicator;
  weight: number;
  /** Its share of the objective's compliance (0 when it does not count). */
  share: number;
  source: FigureSource;
  /**
   * The figures as they stand; `state` says whether they count and are published. One not validated
   * yet has no executed figure or % for a viewer outside the OAP, the entity-wide roles and its area.
   */
  figures: CutoffFigures;
  state: ValidationState | 'pending';
  validatedAt: string | null;
  /** The area's analysis (the tab shows it to signed-in people; open data only when public). */
  analysis: string;
  analysisPublic: boolean;
  /** Why it does not count in the objective's compliance at this cut-off. */
  excluded: ExclusionReason | null;
}

export interface PeiObjectiveView {
  id: string;
  number: number;
  title: string;
  institutionalObjectiveId: string | null;
  /** Weighted mean of the validated indicators (1 = 100 %), uncapped; null when none counts. */
  compliance: number | null;
  indicators: PeiIndicatorRow[];
  /** The notes under its table (seed 002's asterisks), without repeats. */
  notes: string[];
}

/** GET /api/pei/plans/:planId/report?corte= — the PEI at a cut-off, like seed 002's pages. */
export interface PeiReportView {
  plan: PeiPlanRef & { mission: string; vision: string };
  plans: PeiPlanRef[];
  year: number;
  cutoff: IsoDate;
  /** The quarterly cut-offs of the plan's period up to today (newest first). */
  cutoffs: IsoDate[];
  objectives: PeiObjectiveView[];
  changes: PeiChange[];
  /** The OAP may change the vigencia's weights. */
  canEditWeights: boolean;
  /** Years of the plan's period, for the weights. */
  years: number[];
}

/** PUT /api/pei/plans/:planId/weights/:year */
export interface PeiWeightsRequest {
  weights: Array<{ objectiveId: string; indicatorId: string; weight: number }>;
  reason: string;
}

/** A PEI figure in the validation round. */
export interface ValidationItemView {
  indicator: PeiIndicator;
  /** The objectives it feeds (numbers). */
  objectives: number[];
  cutoff: IsoDate;
  source: FigureSource;
  state: ValidationState | 'pending';
  figures: ReportedFigures;
  computed: CutoffFigures;
  analysis: string;
  analysisPublic: boolean;
  jumpExplanation: string;
  checks: ValidationCheck[];
  oapReturn: (OapReturn & { byName: string }) | null;
  validatedAt: string | null;
  history: ValidationStepView[];
  version: number | null;
  /** What this viewer may do now. */
  canReport: boolean;
  canReturn: boolean;
  canConfirm: boolean;
}

/** A plan de gestión quarter in the round: validated by the plan's own OAP review (ADR 10). */
export interface PlanRoundRow {
  unitId: string;
  unitName: string;
  state: 'closed' | 'in_review' | 'not_sent';
  closedAt: string | null;
}

/** A unit's OKR results of the quarter in the round. */
export interface OkrRoundRow {
  unitId: string;
  unitName: string;
  quarter: QuarterId;
  state: ValidationState | 'pending';
  /** Key results, and how many have all their months reported. */
  keyResults: number;
  reportedMonths: number;
  expectedMonths: number;
  checks: ValidationCheck[];
  oapReturn: (OapReturn & { byName: string }) | null;
  validatedAt: string | null;
  version: number | null;
  canReturn: boolean;
  canConfirm: boolean;
}

/** GET /api/pei/validation?corte= — the round of a cut-off. */
export interface ValidationRoundView {
  planId: string;
  cutoff: IsoDate;
  /** «T3 2026» */
  label: string;
  cutoffs: IsoDate[];
  items: ValidationItemView[];
  planReports: PlanRoundRow[];
  okr: OkrRoundRow[];
  /** The quarterly validation session (a plenaria of kind `validacion`), if scheduled. */
  session: { plenariaId: string; date: IsoDate; signed: boolean } | null;
  /** The session's acta is signed: the period's figures no longer change. */
  closed: boolean;
  isOap: boolean;
  counts: Record<ValidationState | 'pending', number>;
}

/** PUT /api/pei/values/:indicatorId/:cutoff — the area's figure (a draft, or sent with `submit`). */
export interface ValueSaveRequest {
  expectedVersion: number | null;
  figures: ReportedFigures;
  analysis: string;
  analysisPublic: boolean;
  jumpExplanation: string;
  submit: boolean;
}

/** POST /api/pei/values/:indicatorId/:cutoff/return — the OAP's clean-up and observations. */
export interface ValueReturnRequest {
  expectedVersion: number;
  executed: number | null;
  observations: string;
}
