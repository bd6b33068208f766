/**
 * Seed 002's measurement rules («Metodología de medición»): an indicator's % at a cut-off is the
 * magnitude executed at the cut-off over the magnitude programmed at the cut-off, NOT capped
 * (144,52 % happens); its status text is «En cumplimiento» at 100 %, «Rezago X %» below and
 * «Sobre ejecución X %» above (X = the distance to 100, in points); an objective's compliance is the
 * weighted mean of its indicators that have programming in the vigencia.
 */
import type { IsoDate } from '../types.js';
import { monthEnd } from '../quarter.js';
import { peiStatusText } from '../i18n/es-CO/pei.js';
import type { PeiProgramming } from './types.js';

const pad = (n: number) => String(n).padStart(2, '0');
/** The last day of a vigencia's month, "2026-06-30". */
const endOfMonth = (year: number, month: number): IsoDate => monthEnd(`${year}-${pad(month)}`);

/** The quarterly cut-offs of a vigencia (the default ones): 31 March, 30 June, 30 September, 31 December. */
export const quarterCutoffs = (year: number): IsoDate[] => [3, 6, 9, 12].map((m) => endOfMonth(year, m));

/** The quarter a cut-off closes (1…4), or null when it is not a quarter's last day. */
export function quarterOfCutoff(cutoff: IsoDate): 1 | 2 | 3 | 4 | null {
  const i = quarterCutoffs(Number(cutoff.slice(0, 4))).indexOf(cutoff);
  return i < 0 ? null : ((i + 1) as 1 | 2 | 3 | 4);
}

/** The last quarterly cut-off before this date (31 December of the year before, in the first quarter). */
export function previousCutoff(cutoff: IsoDate): IsoDate {
  const year = Number(cutoff.slice(0, 4));
  const month = Number(cutoff.slice(5, 7));
  const q = Math.ceil(month / 3) - 1;
  return q <= 0 ? endOfMonth(year - 1, 12) : endOfMonth(year, q * 3);
}

/**
 * The month whose cumulative programming applies at a cut-off: the cut-off's own month when the
 * cut-off is its last day, else the month before (0: none yet, a cut-off in January).
 */
export function programmingMonth(cutoff: IsoDate): number {
  const m = Number(cutoff.slice(5, 7));
  return cutoff === monthEnd(cutoff.slice(0, 7)) ? m : m - 1;
}

/** The indicator is programmed in the vigencia (seed 002: only those count in the objective's compliance). */
export const hasProgramming = (p: Pick<PeiProgramming, 'annual'> | null | undefined): boolean => p !== null && p !== undefined && p.annual !== null && p.annual > 0;

/** The magnitude programmed up to a cut-off: the latest monthly value up to its month; null when nothing is programmed yet. */
export function programmedAt(p: Pick<PeiProgramming, 'monthly'> | null | undefined, cutoff: IsoDate): number | null {
  if (!p) return null;
  for (let m = programmingMonth(cutoff); m >= 1; m--) {
    const v = p.monthly[m - 1];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

/** % at the cut-off as a fraction (1 = 100 %), uncapped; null when nothing was programmed up to it or nothing was executed. */
export function percentAt(executed: number | null, programmed: number | null): number | null {
  if (executed === null || programmed === null || programmed <= 0) return null;
  return executed / programmed;
}

export type PeiStatusCode = 'en_cumplimiento' | 'rezago' | 'sobre_ejecucion' | 'sin_programacion_vigencia' | 'sin_programacion_corte' | 'sin_reporte';

export interface PeiStatus {
  code: PeiStatusCode;
  /** X of «Rezago X %» / «Sobre ejecución X %», in percentage points with two decimals; null otherwise. */
  gap: number | null;
  text: string;
}

/** The % in hundredths of a point, as printed with two decimals (98,639… % → 9864). */
const basisPoints = (fraction: number): number => Math.round(fraction * 10000);

/**
 * The status text of an indicator at a cut-off. The % is compared as printed, with two decimals:
 * 100,00 % is «En cumplimiento»; 98,64 % is «Rezago 1,36 %»; 144,52 % is «Sobre ejecución 44,52 %».
 */
export function peiStatus(args: { programmedInYear: boolean; programmedAtCutoff: number | null; executed: number | null }): PeiStatus {
  const t = peiStatusText;
  if (!args.programmedInYear) return { code: 'sin_programacion_vigencia', gap: null, text: t.noProgrammingYear };
  if (args.programmedAtCutoff === null || args.programmedAtCutoff <= 0) {
    return { code: 'sin_programacion_corte', gap: null, text: args.executed ? t.executedWithoutProgramming : t.noProgrammingCutoff };
  }
  return statusOfPercent(percentAt(args.executed, args.programmedAtCutoff));
}

/** The status text of a % at the cut-off (1 = 100 %) already computed (a plan de gestión meta's, by its programming type). */
export function statusOfPercent(fraction: number | null): PeiStatus {
  const t = peiStatusText;
  if (fraction === null) return { code: 'sin_reporte', gap: null, text: t.notReported };
  const bp = basisPoints(fraction);
  if (bp === 10000) return { code: 'en_cumplimiento', gap: null, text: t.onTrack };
  const gap = Math.abs(10000 - bp) / 100;
  return bp < 10000 ? { code: 'rezago', gap, text: t.behind(gap) } : { code: 'sobre_ejecucion', gap, text: t.over(gap) };
}

/** An indicator's figures at a cut-off. */
export interface CutoffFigures {
  annual: number | null;
  programmedAtCutoff: number | null;
  executed: number | null;
  /** % at the cut-off (1 = 100 %), uncapped. */
  percent: number | null;
  status: PeiStatus;
}

export function cutoffFigures(programming: Pick<PeiProgramming, 'annual' | 'monthly'> | null | undefined, executed: number | null, cutoff: IsoDate): CutoffFigures {
  const programmedInYear = hasProgramming(programming);
  const programmedAtCutoff = programmedInYear ? programmedAt(programming, cutoff) : null;
  return {
    annual: programming?.annual ?? null,
    programmedAtCutoff,
    executed,
    percent: programmedInYear ? percentAt(executed, programmedAtCutoff) : null,
    status: peiStatus({ programmedInYear, programmedAtCutoff, executed }),
  };
}

/** Why an indicator does not count in its objective's compliance at a cut-off. */
export type ExclusionReason = 'sin_programacion_vigencia' | 'sin_programacion_corte' | 'sin_reporte';

export interface WeightedIndicator {
  indicatorId: string;
  weight: number;
  figures: CutoffFigures;
}

export interface ObjectiveCompliance {
  /** Weighted mean of the counted indicators' % (1 = 100 %), uncapped; null when none counts. */
  value: number | null;
  counted: Array<{ indicatorId: string; weight: number; share: number }>;
  excluded: Array<{ indicatorId: string; reason: ExclusionReason }>;
}

/**
 * An objective's compliance at a cut-off: Σ weight × % / Σ weight over its indicators that have
 * programming in the vigencia — and, of those, that can be measured at this cut-off (something
 * programmed up to it, and a figure). An indicator without programming in the vigencia is left out
 * (seed 002); one programmed only later in the year, or not reported yet, is left out at this
 * cut-off and the view says why. Nothing is capped: an over-execution raises the mean.
 */
export function objectiveCompliance(indicators: readonly WeightedIndicator[]): ObjectiveCompliance {
  const counted: ObjectiveCompliance['counted'] = [];
  const excluded: ObjectiveCompliance['excluded'] = [];
  for (const i of indicators) {
    const code = i.figures.status.code;
    if (code === 'sin_programacion_vigencia' || code === 'sin_programacion_corte' || code === 'sin_reporte') excluded.push({ indicatorId: i.indicatorId, reason: code });
    else if (i.weight > 0) counted.push({ indicatorId: i.indicatorId, weight: i.weight, share: 0 });
  }
  const total = counted.reduce((s, c) => s + c.weight, 0);
  if (total <= 0) return { value: null, counted: [], excluded };
  const byId = new Map(indicators.map((i) => [i.indicatorId, i]));
  const value = counted.reduce((s, c) => s + c.weight * byId.get(c.indicatorId)!.figures.percent!, 0) / total;
  return { value, counted: counted.map((c) => ({ ...c, share: c.weight / total })), excluded };
}
