/**
 * The quarterly report (activity 9) and the OAP's review of it (activity 10): when it is due, what
 * a report must hold, the figures computed by the programming type, and the review's coherence
 * alerts (programmed vs executed vs % vs analysis).
 */
import { calendarDaysThenNextBusinessDay } from '../calendar.js';
import { bogotaDate, quarterRange } from '../quarter.js';
import type { IsoDate, QuarterId } from '../types.js';
import { planMessages as m, planReviewText as reviewAlertText, type ReportStatus } from '../i18n/es-CO/plan.js';
import { formatCompliance } from './format.js';
import { metaFigures, type MetaFigures } from './programming.js';
import type { Meta, MetaReport, PlanQuarter, QuarterNumber, Quarterly } from './types.js';

/** Calendar days after the quarter within which its report is due (seed 001, activity 9, note 2). */
export const REPORT_DAYS_AFTER_QUARTER = 15;

export const quarterId = (year: number, q: QuarterNumber): QuarterId => `${year}-Q${q}` as QuarterId;
export const quarterEnd = (year: number, q: QuarterNumber): IsoDate => quarterRange(quarterId(year, q)).end;

/** The 15th calendar day after the quarter, or the next business day when it is not one (Colombian calendar). */
export function reportDueDate(year: number, q: QuarterNumber): IsoDate {
  return calendarDaysThenNextBusinessDay(quarterEnd(year, q), REPORT_DAYS_AFTER_QUARTER);
}

/** Limits of a report's texts. */
export const REPORT_LIMITS = { analysis: 2000, evidenceUrl: 1000, observations: 2000 } as const;

/** Where a quarter's report stands today, from its stored state and the due date. */
export function reportStatus(year: number, q: QuarterNumber, quarter: Pick<PlanQuarter, 'state' | 'submittedAt'> | null, today: IsoDate): ReportStatus {
  const due = reportDueDate(year, q);
  const state = quarter?.state ?? null;
  if (state === 'closed') return 'closed';
  if (state === 'clarification') return 'clarification';
  if (state === 'submitted') return quarter!.submittedAt && bogotaDate(new Date(quarter!.submittedAt)) > due ? 'submitted_late' : 'submitted';
  if (today <= quarterEnd(year, q)) return 'not_due';
  if (today > due) return 'overdue';
  return state === 'draft' ? 'draft' : 'open';
}

/** A submitted report arrived after its due date. */
export const submittedLate = (year: number, q: QuarterNumber, submittedAt: string | null): boolean => submittedAt !== null && bogotaDate(new Date(submittedAt)) > reportDueDate(year, q);

/** The execution that counts: the OAP's correction if there is one, else what was reported. */
export const effectiveExecuted = (r: Pick<MetaReport, 'executed' | 'correction'> | undefined): number | null => r?.correction?.corrected ?? r?.executed ?? null;

/** A meta's executions Q1…Q4 from its reports (corrections applied). */
export function executions(metaId: string, reports: readonly MetaReport[]): Quarterly {
  const out: Quarterly = [null, null, null, null];
  for (const r of reports) if (r.metaId === metaId) out[r.quarter - 1] = effectiveExecuted(r);
  return out;
}

/** A meta's figures at quarter q from its reports. */
export const figuresOf = (meta: Meta, reports: readonly MetaReport[], q: QuarterNumber): MetaFigures =>
  metaFigures(meta.programmingType, meta.programmed, meta.totalMagnitude, executions(meta.id, reports), q);

/** A meta is expected in the quarter's report when something is programmed up to the quarter and it was not eliminated. */
export const expectedIn = (meta: Meta, q: QuarterNumber): boolean => !meta.eliminated && meta.programmed.slice(0, q).some((v) => v !== null);

/** What the team sends of one meta (never a % nor a cumulative figure). */
export interface ReportEntryInput {
  metaId: string;
  executed: number | null;
  analysis: string;
  evidenceUrl: string;
  cumulativeAnalysis: string;
}

const isHttps = (url: string): boolean => {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
};

const name = (meta: Meta) => (meta.statement.length > 60 ? `${meta.statement.slice(0, 59)}…` : meta.statement);

/** Errors that make an entry unsaveable, draft or not: a negative or non-numeric execution, a link that is not https, texts too long. */
export function entryErrors(meta: Meta, entry: ReportEntryInput): string[] {
  const errors: string[] = [];
  if (entry.executed !== null && !Number.isFinite(entry.executed)) errors.push(m.notANumber(name(meta), 'la ejecución'));
  else if (entry.executed !== null && entry.executed < 0) errors.push(m.report.negative(name(meta)));
  if (entry.evidenceUrl.trim() && (!isHttps(entry.evidenceUrl.trim()) || entry.evidenceUrl.length > REPORT_LIMITS.evidenceUrl)) errors.push(m.report.evidence(name(meta)));
  for (const [text, field] of [[entry.analysis, 'el análisis del trimestre'], [entry.cumulativeAnalysis, 'el análisis del acumulado']] as const) {
    if (text.length > REPORT_LIMITS.analysis) errors.push(m.tooLong(name(meta), field, REPORT_LIMITS.analysis));
  }
  return errors;
}

/**
 * What a report must hold to be sent (activity 9): for every meta expected in the quarter, the
 * execution, the analysis, the evidence and the analysis of the cumulative result — which must give
 * the causes of the delay when the meta is behind. Local and transversal metas led by another area
 * are completed by the OAP and are not asked of the team.
 */
export function submitErrors(planUnitId: string, metas: readonly Meta[], reports: readonly MetaReport[], q: QuarterNumber): string[] {
  const errors: string[] = [];
  const f = m.report.fields;
  for (const meta of metas) {
    if (!expectedIn(meta, q) || ledElsewhere(meta, planUnitId)) continue;
    const r = reports.find((x) => x.metaId === meta.id && x.quarter === q);
    const missing = ([
      r?.executed === null || r?.executed === undefined ? f.executed : null,
      !r?.analysis.trim() ? f.analysis : null,
      !r?.evidenceUrl.trim() ? f.evidence : null,
      !r?.cumulativeAnalysis.trim() ? f.cumulativeAnalysis : null,
    ] as Array<string | null>).filter((x): x is string => x !== null);
    if (missing.length) {
      errors.push(m.report.missing(name(meta), missing.join(', ')));
      continue;
    }
    const figures = figuresOf(meta, reports, q);
    if (figures.behind && r!.cumulativeAnalysis.trim().length < 20) errors.push(m.report.delayCauses(name(meta), formatCompliance(figures.cumulativeCompliance)));
  }
  return errors;
}

/** A local or transversal meta whose reporting area is not the plan's own unit: the lead area reports, the OAP completes (policy 8). */
export const ledElsewhere = (meta: Pick<Meta, 'local' | 'transversal' | 'leadUnitId'>, planUnitId: string): boolean =>
  (meta.local || meta.transversal) && meta.leadUnitId !== null && meta.leadUnitId !== planUnitId;

export type ReviewAlertCode = 'not_reported' | 'no_analysis' | 'no_evidence' | 'delay_unexplained' | 'wrong_way' | 'over_execution' | 'percent_mismatch' | 'lead_pending';

export interface ReviewAlert {
  code: ReviewAlertCode;
  message: string;
}

/** Above this cumulative compliance the OAP checks whether the programming was right. */
export const OVER_EXECUTION_ALERT = 1.2;

/** Percentages written in a text ("vamos en 100 %", "85,5%"), as fractions. */
export function percentsIn(text: string): number[] {
  return [...text.matchAll(/(\d{1,3}(?:[.,]\d{1,2})?)\s?%/g)].map((x) => Number(x[1]!.replace(',', '.')) / 100);
}

/**
 * The review's coherence alerts for one meta at quarter q (activity 10): programmed vs executed
 * vs % vs analysis, for the quarter and the cumulative.
 */
export function reviewAlerts(meta: Meta, planUnitId: string, reports: readonly MetaReport[], q: QuarterNumber): ReviewAlert[] {
  if (!expectedIn(meta, q)) return [];
  const a = reviewAlertText;
  const r = reports.find((x) => x.metaId === meta.id && x.quarter === q);
  const alerts: ReviewAlert[] = [];
  if (ledElsewhere(meta, planUnitId) && !r?.completedByOap) alerts.push({ code: 'lead_pending', message: r?.lead ? a.leadReady : a.leadPending });
  const executed = effectiveExecuted(r);
  if (executed === null) {
    if (!ledElsewhere(meta, planUnitId)) alerts.push({ code: 'not_reported', message: a.notReported });
    return alerts;
  }
  const figures = figuresOf(meta, reports, q);
  if (!r!.analysis.trim()) alerts.push({ code: 'no_analysis', message: a.noAnalysis });
  if (!r!.evidenceUrl.trim()) alerts.push({ code: 'no_evidence', message: a.noEvidence });
  if (figures.behind && r!.cumulativeAnalysis.trim().length < 20) alerts.push({ code: 'delay_unexplained', message: a.delay(formatCompliance(figures.cumulativeCompliance)) });
  if (figures.wrongWay) alerts.push({ code: 'wrong_way', message: meta.programmingType === 'decreciente' ? a.wentUp : a.wentDown });
  if (figures.cumulativeCompliance !== null && figures.cumulativeCompliance > OVER_EXECUTION_ALERT) alerts.push({ code: 'over_execution', message: a.over(formatCompliance(figures.cumulativeCompliance)) });
  const computed = [figures.quarterCompliance, figures.cumulativeCompliance].filter((x): x is number => x !== null);
  const written = percentsIn(`${r!.analysis} ${r!.cumulativeAnalysis}`);
  if (meta.indicator.unit.trim() !== '%' && computed.length && written.length && written.every((w) => computed.every((c) => Math.abs(w - c) > 0.05))) {
    alerts.push({ code: 'percent_mismatch', message: a.mismatch(written.map((w) => formatCompliance(w)).join(', '), computed.map((c) => formatCompliance(c)).join(' / ')) });
  }
  return alerts;
}


/** The Bogotá date of an instant, for comparisons with due dates. */
export const dayOf = (iso: string): IsoDate => bogotaDate(new Date(iso));
