/**
 * The ranking of a quarter (activity 12): every process and alcaldía by the weighted compliance of
 * its metas — the cumulative compliance at the quarter, capped, weighted by each meta's weight in
 * the plan; metas marked «Meta eliminada» and metas with nothing programmed yet are left out. Only
 * plans whose quarter the OAP closed get a position; the others are listed after them. The formula
 * and the cap are the seed's silence filled in (docs/adr/0010-plan-de-gestion.md): change them here.
 */
import { figuresOf } from './report.js';
import type { Meta, MetaReport, QuarterNumber, ReportState } from './types.js';

export const RANKING_RULES = {
  /**
   * A meta counts at most this compliance: over-execution of one meta does not make up for the
   * delay of another (1 = 100 %).
   */
  overExecutionCap: 1,
} as const;

export interface RankingInput {
  unitId: string;
  unitName: string;
  unitKind: 'central' | 'alcaldia';
  metas: readonly Meta[];
  /** The plan's reports of the vigencia (every quarter up to the ranked one). */
  reports: readonly MetaReport[];
  /** The state of the ranked quarter's report; null when nothing was reported. */
  quarterState: ReportState | null;
}

export interface RankedMeta {
  metaId: string;
  order: number;
  statement: string;
  weight: number;
  /** Uncapped cumulative compliance at the quarter. */
  compliance: number | null;
  /** What counts in the score (capped); null when the meta is left out. */
  counted: number | null;
  excluded: null | 'eliminated' | 'not_programmed';
}

export interface RankingRow {
  /** 1…; ties share the position (1, 2, 2, 4); null when the quarter is not closed. */
  position: number | null;
  unitId: string;
  unitName: string;
  unitKind: 'central' | 'alcaldia';
  /** Σ weight × capped compliance / Σ weight of the metas counted; null when none counts. */
  score: number | null;
  weightCounted: number;
  metas: RankedMeta[];
  quarterState: ReportState | null;
}

export function rankedMetas(metas: readonly Meta[], reports: readonly MetaReport[], q: QuarterNumber, cap: number = RANKING_RULES.overExecutionCap): RankedMeta[] {
  return [...metas]
    .sort((a, b) => a.order - b.order)
    .map((meta) => {
      const base = { metaId: meta.id, order: meta.order, statement: meta.statement, weight: meta.weight };
      if (meta.eliminated) return { ...base, compliance: null, counted: null, excluded: 'eliminated' as const };
      const figures = figuresOf(meta, reports, q);
      if (figures.cumulativeCompliance === null) return { ...base, compliance: null, counted: null, excluded: 'not_programmed' as const };
      return { ...base, compliance: figures.cumulativeCompliance, counted: Math.min(figures.cumulativeCompliance, cap), excluded: null };
    });
}

/** The weighted score of ranked metas; null when no meta counts. */
export function weightedScore(metas: readonly RankedMeta[]): { score: number | null; weight: number } {
  const counted = metas.filter((x) => x.counted !== null);
  const weight = counted.reduce((a, x) => a + x.weight, 0);
  if (counted.length === 0) return { score: null, weight: 0 };
  // Plans whose weights are all zero count their metas equally.
  if (weight === 0) return { score: counted.reduce((a, x) => a + x.counted!, 0) / counted.length, weight: 0 };
  return { score: counted.reduce((a, x) => a + x.weight * x.counted!, 0) / weight, weight };
}

export function rankQuarter(inputs: readonly RankingInput[], q: QuarterNumber, cap: number = RANKING_RULES.overExecutionCap): RankingRow[] {
  const rows = inputs.map((i): RankingRow => {
    const metas = rankedMetas(i.metas, i.reports, q, cap);
    const { score, weight } = weightedScore(metas);
    return { position: null, unitId: i.unitId, unitName: i.unitName, unitKind: i.unitKind, score, weightCounted: weight, metas, quarterState: i.quarterState };
  });
  const ranked = rows.filter((r) => r.quarterState === 'closed' && r.score !== null).sort((a, b) => b.score! - a.score! || a.unitName.localeCompare(b.unitName, 'es'));
  ranked.forEach((r, i) => {
    const previous = ranked[i - 1];
    r.position = previous && Math.abs(previous.score! - r.score!) < 1e-9 ? previous.position : i + 1;
  });
  const others = rows.filter((r) => !ranked.includes(r)).sort((a, b) => a.unitName.localeCompare(b.unitName, 'es'));
  return [...ranked, ...others];
}
