/**
 * The OAP's validation of a figure before it is published (seed 003): the checks, computed here —
 * variables and method of calculation consistent with the indicator's definition, the breakdown by
 * locality complete for the 20 localidades, the differential-approach categories from the documented
 * lists, totals that agree with their breakdowns, jumps against the previous cut-off explained —
 * and the cycle: the area reports, the OAP returns it for confirmation (with its clean-up and
 * observations), the area confirms (validated, published) or adjusts and reports again.
 */
import type { Role } from '../types.js';
import { peiMessages as m, validationCheckText as c } from '../i18n/es-CO/pei.js';
import { DIFFERENTIAL_CATEGORIES, LOCALIDADES, NO_LOCALITY, matchCategory } from './lists.js';
import type { Breakdown, DifferentialDimension, PeiIndicator, ReportedFigures, ValidationAction, ValidationState } from './types.js';

export type ValidationCheckCode = 'definicion' | 'localidades' | 'enfoque_diferencial' | 'totales' | 'variacion';

export interface ValidationCheck {
  code: ValidationCheckCode;
  ok: boolean;
  /** What was checked, or what is wrong. */
  message: string;
}

/** Limits and tolerances of the checks (one table, so the OAP's rule is changed in one place). */
export const VALIDATION_RULES = {
  /** A reported % may differ from numerator / denominator × 100 by rounding only. */
  percentTolerance: 0.01,
  /** A breakdown adds up to its total within this (relative) rounding. */
  totalTolerance: 1e-6,
  /** A % at the cut-off that moves more than this many points from the previous cut-off needs an explanation. */
  jumpPoints: 25,
  /** An explanation shorter than this does not explain anything. */
  minExplanation: 20,
  texts: { analysis: 4000, explanation: 2000, observations: 2000 },
} as const;

const near = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));
const sum = (b: Breakdown) => Object.values(b).reduce((s, v) => s + v, 0);

/** Variables and method of calculation against the indicator's definition. */
function definitionCheck(indicator: PeiIndicator, f: ReportedFigures): ValidationCheck {
  const fail = (message: string): ValidationCheck => ({ code: 'definicion', ok: false, message });
  if (f.executed === null) return fail(c.noFigure);
  if (indicator.method === 'porcentaje') {
    if (f.numerator === null || f.denominator === null) return fail(c.variablesMissing(indicator.variables?.numerator ?? 'numerador', indicator.variables?.denominator ?? 'denominador'));
    if (f.denominator <= 0) return fail(c.denominatorZero);
    const computed = (f.numerator / f.denominator) * 100;
    if (!near(f.executed, computed, VALIDATION_RULES.percentTolerance / 100) && Math.abs(f.executed - computed) > VALIDATION_RULES.percentTolerance) return fail(c.methodMismatch(f.executed, computed));
    return { code: 'definicion', ok: true, message: c.methodOk };
  }
  if (indicator.additive && !Number.isInteger(f.executed)) return fail(c.notACount);
  return { code: 'definicion', ok: true, message: c.magnitudeOk };
}

/** The breakdown by locality: every one of the 20 localidades, no other name (but «Sin información de localidad»). */
function localityCheck(b: Breakdown | null): ValidationCheck {
  if (!b || Object.keys(b).length === 0) return { code: 'localidades', ok: false, message: c.noLocalities };
  const allowed = [...LOCALIDADES, NO_LOCALITY];
  const unknown = Object.keys(b).filter((k) => !matchCategory(k, allowed));
  const present = new Set(Object.keys(b).map((k) => matchCategory(k, allowed)));
  const missing = LOCALIDADES.filter((l) => !present.has(l));
  const problems = [missing.length ? c.missingLocalities(missing) : null, unknown.length ? c.unknownLocalities(unknown) : null].filter((x): x is string => x !== null);
  return problems.length ? { code: 'localidades', ok: false, message: problems.join(' ') } : { code: 'localidades', ok: true, message: c.localitiesOk };
}

/** Each differential dimension the indicator declares, with categories of its documented list only. */
function differentialCheck(dimensions: readonly DifferentialDimension[], d: ReportedFigures['differential']): ValidationCheck {
  const problems: string[] = [];
  for (const dim of dimensions) {
    const b = d[dim];
    if (!b || Object.keys(b).length === 0) {
      problems.push(c.dimensionMissing(dim));
      continue;
    }
    const unknown = Object.keys(b).filter((k) => !matchCategory(k, DIFFERENTIAL_CATEGORIES[dim]));
    if (unknown.length) problems.push(c.unknownCategories(dim, unknown));
  }
  const extra = (Object.keys(d) as DifferentialDimension[]).filter((k) => !dimensions.includes(k) && d[k] && Object.keys(d[k]!).length);
  if (extra.length) problems.push(c.undeclaredDimensions(extra));
  return problems.length ? { code: 'enfoque_diferencial', ok: false, message: problems.join(' ') } : { code: 'enfoque_diferencial', ok: true, message: c.differentialOk };
}

/** Every breakdown of an additive figure adds up to it. */
function totalsCheck(f: ReportedFigures): ValidationCheck {
  const problems: string[] = [];
  const total = f.executed ?? 0;
  if (f.localities && Object.keys(f.localities).length && !near(sum(f.localities), total, VALIDATION_RULES.totalTolerance)) problems.push(c.totalDiffers(c.byLocality, sum(f.localities), total));
  for (const [dim, b] of Object.entries(f.differential) as Array<[DifferentialDimension, Breakdown | undefined]>) {
    if (b && Object.keys(b).length && !near(sum(b), total, VALIDATION_RULES.totalTolerance)) problems.push(c.totalDiffers(c.dimension(dim), sum(b), total));
  }
  return problems.length ? { code: 'totales', ok: false, message: problems.join(' ') } : { code: 'totales', ok: true, message: c.totalsOk };
}

/** The previous cut-off's validated figure, to compare the trend with. */
export interface PreviousFigure {
  executed: number | null;
  /** % at that cut-off (1 = 100 %). */
  percent: number | null;
  label: string;
}

/** A jump against the previous cut-off — the % moved more than 25 points, or a cumulative figure went down — must be explained. */
function jumpCheck(f: ReportedFigures, percent: number | null, previous: PreviousFigure, explanation: string): ValidationCheck {
  const reasons: string[] = [];
  if (percent !== null && previous.percent !== null && Math.abs(percent - previous.percent) * 100 > VALIDATION_RULES.jumpPoints) reasons.push(c.jumpPercent(previous.percent * 100, percent * 100, previous.label));
  if (f.executed !== null && previous.executed !== null && f.executed < previous.executed) reasons.push(c.wentDown(previous.executed, f.executed, previous.label));
  if (reasons.length === 0) return { code: 'variacion', ok: true, message: c.noJump(previous.label) };
  if (explanation.trim().length >= VALIDATION_RULES.minExplanation) return { code: 'variacion', ok: true, message: `${reasons.join(' ')} ${c.explained}` };
  return { code: 'variacion', ok: false, message: `${reasons.join(' ')} ${c.explain}` };
}

/**
 * Every check that applies to a figure: the definition always; the localities and the
 * differential approach when the indicator has those breakdowns; the totals for an additive figure
 * with breakdowns; the trend when there is a previous cut-off's figure.
 */
export function validationChecks(
  indicator: PeiIndicator,
  figures: ReportedFigures,
  context: { percent: number | null; previous: PreviousFigure | null; jumpExplanation: string },
): ValidationCheck[] {
  const checks = [definitionCheck(indicator, figures)];
  if (indicator.breakdown.locality) checks.push(localityCheck(figures.localities));
  if (indicator.breakdown.differential.length || Object.keys(figures.differential).length) checks.push(differentialCheck(indicator.breakdown.differential, figures.differential));
  const hasBreakdowns = (figures.localities && Object.keys(figures.localities).length) || Object.values(figures.differential).some((b) => b && Object.keys(b).length);
  if (indicator.additive && hasBreakdowns && figures.executed !== null) checks.push(totalsCheck(figures));
  if (context.previous) checks.push(jumpCheck(figures, context.percent, context.previous, context.jumpExplanation));
  return checks;
}

/**
 * What cannot be stored at all (refused whole, in Spanish): a figure that is not a number or is
 * negative, a breakdown value that is not, texts past their limits. A check that fails is not an
 * error: the OAP sees it and decides.
 */
export function figureErrors(f: ReportedFigures, texts: { analysis: string; jumpExplanation: string }): string[] {
  const errors: string[] = [];
  const bad = (v: number | null) => v !== null && (!Number.isFinite(v) || v < 0);
  if (bad(f.executed)) errors.push(m.badNumber('la magnitud ejecutada'));
  if (bad(f.numerator)) errors.push(m.badNumber('el numerador'));
  if (bad(f.denominator)) errors.push(m.badNumber('el denominador'));
  const breakdowns = [f.localities, ...Object.values(f.differential)].filter((b): b is Breakdown => Boolean(b));
  if (breakdowns.some((b) => Object.values(b).some((v) => !Number.isFinite(v) || v < 0))) errors.push(m.badNumber('un valor de la desagregación'));
  if (breakdowns.some((b) => Object.keys(b).some((k) => !k.trim() || k.length > 120))) errors.push(m.badCategory);
  if (texts.analysis.length > VALIDATION_RULES.texts.analysis) errors.push(m.tooLong('el análisis', VALIDATION_RULES.texts.analysis));
  if (texts.jumpExplanation.length > VALIDATION_RULES.texts.explanation) errors.push(m.tooLong('la explicación de la variación', VALIDATION_RULES.texts.explanation));
  return errors;
}

/** The documented names for what was typed (accents and case ignored); unknown names stay as typed, for the check to show. */
export function standardise(f: ReportedFigures): ReportedFigures {
  const fix = (b: Breakdown | null, list: readonly string[]): Breakdown | null => {
    if (!b) return null;
    const out: Breakdown = {};
    for (const [k, v] of Object.entries(b)) {
      const name = matchCategory(k, list) ?? k.trim();
      out[name] = (out[name] ?? 0) + v;
    }
    return out;
  };
  const differential: ReportedFigures['differential'] = {};
  for (const [dim, b] of Object.entries(f.differential) as Array<[DifferentialDimension, Breakdown | undefined]>) if (b) differential[dim] = fix(b, DIFFERENTIAL_CATEGORIES[dim])!;
  return { ...f, localities: fix(f.localities, [...LOCALIDADES, NO_LOCALITY]), differential };
}

// ── the cycle ─────────────────────────────────────────────────────────────────────────────────

/** Who acts on a figure: the producing area (its enlace, líder or promotor), or the OAP. */
export type ValidationActor = 'area' | 'oap';

export type ValidationDecision = { ok: true; to: ValidationState } | { ok: false; message: string };

/**
 * One step of the cycle. The area saves a draft, reports it (or, once returned, adjusts it and
 * reports it again) and confirms what the OAP returned; the OAP returns what was reported. A
 * validated figure is final: it is published with its validation date.
 */
export function validationStep(state: ValidationState | null, action: Exclude<ValidationAction, 'import'>, actor: ValidationActor): ValidationDecision {
  const s = state ?? 'draft';
  if (s === 'validated') return { ok: false, message: m.cycle.validated };
  switch (action) {
    case 'save':
    case 'report':
    case 'adjust':
      if (actor !== 'area') return { ok: false, message: m.cycle.onlyArea };
      if (s === 'reported') return { ok: false, message: m.cycle.waitingOap };
      return { ok: true, to: action === 'save' ? (s === 'returned' ? 'returned' : 'draft') : 'reported' };
    case 'return':
      if (actor !== 'oap') return { ok: false, message: m.cycle.onlyOap };
      if (s !== 'reported') return { ok: false, message: s === 'returned' ? m.cycle.alreadyReturned : m.cycle.notReported };
      return { ok: true, to: 'returned' };
    case 'confirm':
      if (actor !== 'area') return { ok: false, message: m.cycle.onlyArea };
      if (s !== 'returned') return { ok: false, message: m.cycle.nothingToConfirm };
      return { ok: true, to: 'validated' };
  }
}

/** The roles of a unit that report its figures (the producing area). */
export const REPORTING_ROLES: readonly Role[] = ['enlace', 'lider', 'promotor'];
