import type { OkrValidation, PeiChange, PeiIndicator, PeiObjective, PeiPlan, PeiProgramming, PeiValue, PeiWeight, QuarterId } from '@okr/core';

/** The PEIs a fresh store is filled with (the SDG's own, and another entity's published example). */
export interface PeiSeed {
  peiPlans?: PeiPlan[];
  peiObjectives?: PeiObjective[];
  peiIndicators?: PeiIndicator[];
  peiWeights?: PeiWeight[];
  peiProgramming?: PeiProgramming[];
  peiValues?: PeiValue[];
  peiChanges?: PeiChange[];
  okrValidations?: OkrValidation[];
}

/** A plan's vigencia, read together (one request on SharePoint): the PEI screen, the round, the open-data pages. */
export interface PeiYearData {
  plan: PeiPlan;
  objectives: PeiObjective[];
  indicators: PeiIndicator[];
  /** The weights of the year. */
  weights: PeiWeight[];
  /** The programming of the year. */
  programming: PeiProgramming[];
  /** Every cut-off's figures of the year. */
  values: PeiValue[];
  changes: PeiChange[];
}

/**
 * Writes figures, all or nothing (one, or a whole uploaded file): `expectedVersion` null creates
 * the figure of that indicator and cut-off (ConflictError if it exists); otherwise it replaces the
 * stored one only if that is still at `expectedVersion`, and stores it at the next version.
 */
export interface PeiValueWrite {
  value: PeiValue;
  expectedVersion: number | null;
}

/** The OAP's weights of a vigencia, replacing the year's whole set, with its «control de cambios» entry. */
export interface PeiWeightsWrite {
  planId: string;
  year: number;
  weights: PeiWeight[];
  change: PeiChange;
  actorId: string;
}

/**
 * The Plan Estratégico Institucional (seed 002) and the validation of the figures (seed 003). Every
 * list carries the plan and the vigencia (`PlanVigencia`, indexed on SharePoint), so a plan's year
 * is one batch of indexed queries; the OKR validations are indexed by quarter.
 */
export interface PeiPort {
  listPeiPlans(): Promise<PeiPlan[]>;
  /** The plan's year; null when there is no such plan. */
  loadPeiYear(planId: string, year: number): Promise<PeiYearData | null>;
  /** Audited (entity `peiValue`). */
  writePeiValues(writes: readonly PeiValueWrite[], actorId: string): Promise<PeiValue[]>;
  /** Audited (entity `peiWeights`). */
  replacePeiWeights(write: PeiWeightsWrite): Promise<void>;

  /** The OKR validations of a quarter (one per unit that has one). */
  listOkrValidations(quarter: QuarterId): Promise<OkrValidation[]>;
  /** Create (`expectedVersion` null; ConflictError if it exists) or compare-and-set. Audited (entity `okrValidation`). */
  writeOkrValidation(write: { validation: OkrValidation; expectedVersion: number | null; actorId: string }): Promise<OkrValidation>;
}
