import {
  cutoffFigures,
  figuresOf,
  objectiveCompliance,
  peiStatus,
  quarterOfCutoff,
  statusOfPercent,
  type CutoffFigures,
  type InstitutionalObjective,
  type IsoDate,
  type PeiIndicator,
  type PeiIndicatorRow,
  type PeiObjectiveView,
  type PeiValue,
  type ValidationState,
} from '@okr/core';
import type { PeiYearData, PlanYearData } from '../store/Store.js';
import { metasOf } from '../store/planRules.js';

/**
 * An indicator's figure at a cut-off, wherever it comes from: reported in the PEI module, or —
 * for a management goal linked to a plan de gestión's meta — that plan's quarterly report, whose
 * validation is the plan's own OAP review (a closed quarter is a validated one, dated by its close).
 */
export interface IndicatorFigure {
  source: 'pei' | 'plan';
  state: ValidationState | 'pending';
  figures: CutoffFigures;
  validatedAt: string | null;
  value: PeiValue | null;
  analysis: string;
  analysisPublic: boolean;
}

/** A linked meta's figures at a quarterly cut-off, from the plan in force (its published version). */
function linkedFigure(indicator: PeiIndicator, cutoff: IsoDate, plan: PlanYearData | null): IndicatorFigure {
  const empty: IndicatorFigure = { source: 'plan', state: 'pending', figures: cutoffFigures(null, null, cutoff), validatedAt: null, value: null, analysis: '', analysisPublic: false };
  const q = quarterOfCutoff(cutoff);
  const link = indicator.planMeta!;
  const p = plan?.plans.find((x) => x.unitId === link.unitId && x.publishedVersion !== null);
  if (!q || !p || !plan) return empty;
  const meta = metasOf(plan.metas, p.id, p.publishedVersion!).find((m) => m.id === link.metaId);
  if (!meta || meta.eliminated) return empty;
  const record = plan.quarters.find((x) => x.planId === p.id && x.quarter === q);
  const f = figuresOf(meta, plan.reports.filter((r) => r.planId === p.id), q);
  const programmedInYear = meta.totalMagnitude > 0;
  const figures: CutoffFigures = {
    annual: meta.totalMagnitude,
    programmedAtCutoff: f.programmedCumulative,
    executed: f.executedCumulative,
    percent: f.cumulativeCompliance,
    status: f.programmedCumulative === null || !programmedInYear ? peiStatus({ programmedInYear, programmedAtCutoff: f.programmedCumulative, executed: f.executedCumulative }) : statusOfPercent(f.cumulativeCompliance),
  };
  const state: IndicatorFigure['state'] = record?.state === 'closed' ? 'validated' : record && record.state !== 'draft' ? 'reported' : record ? 'draft' : 'pending';
  return { source: 'plan', state, figures, validatedAt: record?.state === 'closed' ? record.closedAt : null, value: null, analysis: '', analysisPublic: false };
}

export function indicatorFigure(data: PeiYearData, plan: PlanYearData | null, indicator: PeiIndicator, cutoff: IsoDate): IndicatorFigure {
  if (indicator.planMeta) return linkedFigure(indicator, cutoff, plan);
  const programming = data.programming.find((p) => p.indicatorId === indicator.id);
  const value = data.values.find((v) => v.indicatorId === indicator.id && v.cutoff === cutoff) ?? null;
  // What counts is the OAP's standardised figure once the area confirmed it.
  const executed = value ? (value.state === 'validated' && value.oapReturn?.executed !== null && value.oapReturn?.executed !== undefined ? value.oapReturn.executed : value.executed) : null;
  return {
    source: 'pei',
    state: value?.state ?? 'pending',
    figures: cutoffFigures(programming, executed, cutoff),
    validatedAt: value?.validatedAt ?? null,
    value,
    analysis: value?.analysis ?? '',
    analysisPublic: value?.analysisPublic ?? false,
  };
}

/**
 * Seed 002's pages at a cut-off: each objective's compliance (the weighted mean of its indicators
 * with programming in the vigencia and a VALIDATED figure at the cut-off — what is published), then
 * its indicators. Unvalidated figures are shown with their state and do not count.
 */
export function objectivesAt(data: PeiYearData, plan: PlanYearData | null, cutoff: IsoDate, institutional: readonly InstitutionalObjective[]): PeiObjectiveView[] {
  const cache = new Map<string, IndicatorFigure>();
  const figure = (i: PeiIndicator) => cache.get(i.id) ?? cache.set(i.id, indicatorFigure(data, plan, i, cutoff)).get(i.id)!;
  return data.objectives.map((o) => {
    const rows = data.weights
      .filter((w) => w.objectiveId === o.id)
      .map((w) => ({ w, indicator: data.indicators.find((i) => i.id === w.indicatorId)! }))
      .filter((x) => x.indicator);
    const counted = (f: IndicatorFigure): CutoffFigures => (f.state === 'validated' ? f.figures : { ...f.figures, percent: null, status: { ...f.figures.status, code: f.figures.status.code === 'sin_programacion_vigencia' || f.figures.status.code === 'sin_programacion_corte' ? f.figures.status.code : 'sin_reporte' } });
    const compliance = objectiveCompliance(rows.map(({ w, indicator }) => ({ indicatorId: indicator.id, weight: w.weight, figures: counted(figure(indicator)) })));
    const indicators: PeiIndicatorRow[] = rows.map(({ w, indicator }) => {
      const f = figure(indicator);
      return {
        indicator,
        weight: w.weight,
        share: compliance.counted.find((c) => c.indicatorId === indicator.id)?.share ?? 0,
        source: f.source,
        figures: f.figures,
        state: f.state,
        validatedAt: f.validatedAt,
        analysis: f.analysis,
        analysisPublic: f.analysisPublic,
        excluded: compliance.excluded.find((e) => e.indicatorId === indicator.id)?.reason ?? null,
      };
    });
    const linked = o.institutionalObjectiveId ? institutional.find((x) => x.id === o.institutionalObjectiveId) : undefined;
    return {
      id: o.id,
      number: o.number,
      title: linked?.title ?? o.title,
      institutionalObjectiveId: o.institutionalObjectiveId,
      compliance: compliance.value,
      indicators,
      notes: [...new Set(indicators.map((r) => r.indicator.note).filter((n): n is string => Boolean(n)))],
    };
  });
}
