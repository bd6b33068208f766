/**
 * The Plan Estratégico Institucional (seed 002) and the validation of the figures it publishes
 * (seed 003): a period of government's strategic objectives, measured at a cut-off by indicators of
 * three kinds with a weight per vigencia; the areas report each figure, the OAP validates it and
 * returns it for confirmation, the area confirms, and only then is it published. Pure data.
 */
import type { IsoDate, QuarterId } from '../types.js';

/** Sectoral indicators, investment-project goals, selected management goals (seed 002, «Estructura»). */
export type PeiIndicatorKind = 'sectorial' | 'inversion' | 'gestion';
export const PEI_INDICATOR_KINDS: readonly PeiIndicatorKind[] = ['sectorial', 'inversion', 'gestion'];

/** A PEI of one entity for a period of government. */
export interface PeiPlan {
  id: string;
  /** The entity whose plan it is ("Secretaría Distrital de Gobierno"). */
  entity: string;
  name: string;
  startYear: number;
  endYear: number;
  mission: string;
  vision: string;
  /**
   * The SDG's own plan: its objectives are the directory's institutional objectives (the ones the
   * OKR sets align to) and its areas are the directory's units. Another entity's plan (an example
   * published as open data) keeps its own objective titles and names its areas in text.
   */
  own: boolean;
  version: number;
}

export interface PeiObjective {
  id: string;
  planId: string;
  /** «Objetivo 1» … */
  number: number;
  /** The objective's wording (for the SDG's plan, a copy: the directory's title wins when linked). */
  title: string;
  /** The institutional objective of the directory it is (own plans); null for another entity's. */
  institutionalObjectiveId: string | null;
}

/** The differential-approach dimensions of a breakdown (documented lists in `lists.ts`). */
export type DifferentialDimension = 'sexo' | 'grupo_etario' | 'etnia' | 'discapacidad' | 'victima';

/** How an indicator's figure is computed from its variables (its «método de cálculo»). */
export type CalculationMethod = 'magnitud' | 'porcentaje';

export interface PeiIndicator {
  id: string;
  planId: string;
  kind: PeiIndicatorKind;
  /** How the seed names its source: «Indicador sectorial 321», «Meta proyecto de inversión N°4, proyecto 7871», «Meta de gestión». */
  reference: string;
  name: string;
  /** The directory unit that reports it (own plans); null for another entity's. */
  responsibleUnitId: string | null;
  /** The responsible area as the report names it. */
  responsibleArea: string;
  unitOfMeasure: string;
  /**
   * `magnitud`: the figure is a count or a level reported as is; `porcentaje`: the figure is
   * numerator / denominator × 100, and both variables are reported with it.
   */
  method: CalculationMethod;
  /** The variables of the method (what the numerator and denominator count); null for a plain magnitude. */
  variables: { numerator: string; denominator: string } | null;
  /** The figure is a count of people or events, so its breakdowns add up to it. */
  additive: boolean;
  /** The breakdowns the figure must come with: by locality (the 20 localidades) and by differential-approach dimensions. */
  breakdown: { locality: boolean; differential: DifferentialDimension[] };
  /** A management goal of a plan de gestión, linked (not copied): its figures come from that plan's reports. */
  planMeta: { unitId: string; metaId: string } | null;
  /** A note under the objective's table (seed 002's asterisks). */
  note: string | null;
}

/** An indicator's weight in an objective for a vigencia: the OAP may change it every year. */
export interface PeiWeight {
  planId: string;
  year: number;
  objectiveId: string;
  indicatorId: string;
  /** A positive number; an objective's weights are used relative to each other. */
  weight: number;
}

/** What is programmed for an indicator in a vigencia. */
export interface PeiProgramming {
  planId: string;
  indicatorId: string;
  year: number;
  /** «Programación <año>»; null or 0: the indicator has no programming in the vigencia. */
  annual: number | null;
  /**
   * What is programmed up to the end of each month (January … December), cumulative at the cut-off
   * as seed 002 prints it; null: unchanged from the month before (before the first value: nothing).
   */
  monthly: Array<number | null>;
}

/** Where a figure is in the validation cycle (seed 003). */
export type ValidationState = 'draft' | 'reported' | 'returned' | 'validated';

export type ValidationAction = 'save' | 'report' | 'return' | 'confirm' | 'adjust' | 'import';

/** One step of a figure's validation, for its history (who acts is a person; only units are published). */
export interface ValidationStep {
  at: string;
  by: string;
  action: ValidationAction;
  comment: string | null;
}

/** A breakdown of a figure: value by category («Usaquén» → 120). */
export type Breakdown = Record<string, number>;

/** The figures of a report, as the area sends them (the % is computed, never typed). */
export interface ReportedFigures {
  /** Magnitude executed at the cut-off (cumulative, as seed 002 prints it). */
  executed: number | null;
  /** The method's variables, for a `porcentaje` indicator. */
  numerator: number | null;
  denominator: number | null;
  /** By localidad, when the indicator has the breakdown. */
  localities: Breakdown | null;
  /** By differential-approach dimension. */
  differential: Partial<Record<DifferentialDimension, Breakdown>>;
}

/** The OAP's returned version: its clean-up of the figure and what the area must confirm or explain. */
export interface OapReturn {
  /** The figure as the OAP standardised it (null: the area's one stands). */
  executed: number | null;
  observations: string;
  by: string;
  at: string;
}

/** An indicator's figure at a cut-off and its validation. */
export interface PeiValue extends ReportedFigures {
  planId: string;
  indicatorId: string;
  cutoff: IsoDate;
  year: number;
  /** The responsible area's analysis (seed 002's «Estado» column after the status). */
  analysis: string;
  /** The analysis may be published (open data, public page); else only the figures are. */
  analysisPublic: boolean;
  /** Why the figure jumped against the previous cut-off (seed 003: «aclaración de tendencias o variaciones»). */
  jumpExplanation: string;
  state: ValidationState;
  oapReturn: OapReturn | null;
  /** When the area confirmed it: the validation date published with it. */
  validatedAt: string | null;
  history: ValidationStep[];
  version: number;
}

/** Seed 002's «Control de cambios»: modifications of objectives, goals and indicators. */
export interface PeiChange {
  id: string;
  planId: string;
  /** «Versión 3 · 001» */
  version: string;
  objectiveId: string | null;
  indicatorId: string | null;
  description: string;
  at: string;
  by: string;
}

/**
 * The validation of a unit's OKR results of a quarter (the monthly check-ins of its key results):
 * the same cycle — the enlace reported by check-in, the OAP returns it for confirmation, the enlace
 * confirms — and the values confirmed are frozen here, so what is published is what was validated.
 */
export interface OkrValidation {
  unitId: string;
  quarter: QuarterId;
  state: Exclude<ValidationState, 'draft'>;
  /** The key results' monthly values as validated (frozen when confirmed). */
  snapshot: OkrSnapshot | null;
  oapReturn: OapReturn | null;
  validatedAt: string | null;
  history: ValidationStep[];
  version: number;
}

/** What is published of a unit's validated quarter: no people, no comments. */
export interface OkrSnapshot {
  setId: string;
  institutionalObjectiveId: string;
  objectives: Array<{ id: string; parentId: string | null; level: 'strategic' | 'tactical'; title: string; order: number; progress: number | null }>;
  keyResults: Array<{ id: string; objectiveId: string; title: string; kind: string; unitOfMeasure: string; baseline: number; target: number; direction: string; order: number; months: Array<{ period: string; value: number; progress: number }> }>;
}
