/**
 * The four programming types of a meta, as ONE table (Bogotá's planning convention, FACTS.md; the
 * decisions are in docs/adr/0010-plan-de-gestion.md). Each row says how the quarters must relate
 * to the total, what has been programmed and executed up to a quarter, and how compliance is
 * measured. Everything the report shows as cumulative or % comes from here, never from what
 * someone typed.
 */
import type { ProgrammingType, QuarterNumber, Quarterly } from './types.js';

/** Why a meta's quarters do not agree with its programming type (codes; the texts are in the catalogue). */
export type ProgrammingIssue =
  | 'negative'
  | 'nothing_programmed'
  | 'sum_differs'
  | 'constant_differs'
  | 'goes_down'
  | 'goes_up'
  | 'last_differs';

export interface ProgrammingRule {
  /** The quarters against the type and the total: [] when they agree. */
  check(programmed: Quarterly, total: number): ProgrammingIssue[];
  /** The magnitude programmed up to quarter q, that the cumulative execution is measured against; null if none yet. */
  programmedUpTo(programmed: Quarterly, q: QuarterNumber, total: number): number | null;
  /** The cumulative execution from the executions reported up to q; null while nothing is reported. */
  executedUpTo(programmed: Quarterly, executed: Quarterly, q: QuarterNumber): number | null;
  /** Compliance of an execution against a programmed magnitude (1 = 100 %); null when nothing was programmed. */
  compliance(executed: number, programmed: number): number | null;
  /** Less is better (the execution should go down). */
  lessIsBetter: boolean;
  /** The execution is a level that includes the previous quarters (it should not go the wrong way). */
  isLevel: boolean;
}

/** Magnitudes equal to within rounding of the decimals people type. */
export const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const upTo = <T>(values: readonly T[], q: QuarterNumber): T[] => values.slice(0, q);
const present = (values: readonly (number | null)[]): number[] => values.filter((v): v is number => v !== null);
/** The last non-null value and its quarter, up to q. */
function latest(values: Quarterly, q: QuarterNumber): number | null {
  for (let i = q - 1; i >= 0; i--) if (values[i] !== null && values[i] !== undefined) return values[i]!;
  return null;
}
const ratio = (executed: number, programmed: number): number | null => (programmed === 0 ? null : executed / programmed);

function common(programmed: Quarterly): ProgrammingIssue[] {
  const values = present(programmed);
  if (values.some((v) => v < 0)) return ['negative'];
  if (values.length === 0) return ['nothing_programmed'];
  return [];
}

/** Levels (creciente, decreciente): monotone one way, ending on the total. */
function levels(direction: 'up' | 'down') {
  return (programmed: Quarterly, total: number): ProgrammingIssue[] => {
    const issues = common(programmed);
    if (issues.length) return issues;
    const values = present(programmed);
    const out: ProgrammingIssue[] = [];
    for (let i = 1; i < values.length; i++) {
      if (direction === 'up' && values[i]! < values[i - 1]! && !same(values[i]!, values[i - 1]!)) out.push('goes_down');
      if (direction === 'down' && values[i]! > values[i - 1]! && !same(values[i]!, values[i - 1]!)) out.push('goes_up');
    }
    if (!same(values.at(-1)!, total)) out.push('last_differs');
    return [...new Set(out)];
  };
}

export const PROGRAMMING: Readonly<Record<ProgrammingType, ProgrammingRule>> = {
  /** The year is the sum of the quarters; the cumulative execution is the running sum. */
  suma: {
    check(programmed, total) {
      const issues = common(programmed);
      if (issues.length) return issues;
      return same(present(programmed).reduce((a, b) => a + b, 0), total) ? [] : ['sum_differs'];
    },
    programmedUpTo: (programmed, q) => (present(upTo(programmed, q)).length ? present(upTo(programmed, q)).reduce((a, b) => a + b, 0) : null),
    executedUpTo: (_programmed, executed, q) => (present(upTo(executed, q)).length ? present(upTo(executed, q)).reduce((a, b) => a + b, 0) : null),
    compliance: ratio,
    lessIsBetter: false,
    isLevel: false,
  },
  /**
   * The same magnitude every quarter (e.g. 100 % of the requests answered on time); the cumulative
   * execution is the average of the quarters reported so far (a quarter not reported is left out).
   */
  constante: {
    check(programmed, total) {
      const issues = common(programmed);
      if (issues.length) return issues;
      return present(programmed).every((v) => same(v, total)) ? [] : ['constant_differs'];
    },
    programmedUpTo: (programmed, q, total) => (present(upTo(programmed, q)).length ? total : null),
    executedUpTo(programmed, executed, q) {
      const reported = upTo(executed, q).filter((v, i): v is number => v !== null && programmed[i] !== null);
      return reported.length ? reported.reduce((a, b) => a + b, 0) / reported.length : null;
    },
    compliance: ratio,
    lessIsBetter: false,
    isLevel: false,
  },
  /** Each quarter's magnitude includes the previous ones (a level that grows to the total); the cumulative is the latest level. */
  creciente: {
    check: levels('up'),
    programmedUpTo: (programmed, q) => latest(programmed, q),
    executedUpTo: (_programmed, executed, q) => latest(executed, q),
    compliance: ratio,
    lessIsBetter: false,
    isLevel: true,
  },
  /**
   * The level goes down to the total (e.g. days to answer); the cumulative is the latest level, and
   * less is better: compliance = (2·programmed − executed) / programmed, so reaching the level is
   * 100 %, half of it again below is 150 %, twice the level is 0 % (never below). With nothing left
   * to reach (programmed 0), 0 executed is 100 % and anything else 0 %.
   */
  decreciente: {
    check: levels('down'),
    programmedUpTo: (programmed, q) => latest(programmed, q),
    executedUpTo: (_programmed, executed, q) => latest(executed, q),
    compliance: (executed, programmed) => (programmed === 0 ? (executed === 0 ? 1 : 0) : Math.max(0, (2 * programmed - executed) / programmed)),
    lessIsBetter: true,
    isLevel: true,
  },
};

/** The figures of a meta at a quarter, as the report and the review show them. */
export interface MetaFigures {
  quarter: QuarterNumber;
  /** Programmed for this quarter alone. */
  programmedQuarter: number | null;
  executedQuarter: number | null;
  /** % of the quarter (1 = 100 %). */
  quarterCompliance: number | null;
  programmedCumulative: number | null;
  executedCumulative: number | null;
  /** Cumulative % (1 = 100 %): the cumulative execution against the cumulative programming. */
  cumulativeCompliance: number | null;
  /** The cumulative execution against the year's total. */
  yearCompliance: number | null;
  /** Cumulative compliance below 100 %: the analysis must give the causes of the delay. */
  behind: boolean;
  /** A level (creciente / decreciente) went the wrong way against the previous report. */
  wrongWay: boolean;
}

/**
 * A meta's figures at quarter q from its programming and the executions reported (null = not
 * reported). Uncapped: 144,52 % is 1.4452 (seed 002). The ranking applies its own cap.
 */
export function metaFigures(type: ProgrammingType, programmed: Quarterly, total: number, executed: Quarterly, q: QuarterNumber): MetaFigures {
  const rule = PROGRAMMING[type];
  const programmedQuarter = programmed[q - 1] ?? null;
  const executedQuarter = executed[q - 1] ?? null;
  const programmedCumulative = rule.programmedUpTo(programmed, q, total);
  const executedCumulative = rule.executedUpTo(programmed, executed, q);
  const quarterCompliance = programmedQuarter !== null && executedQuarter !== null ? rule.compliance(executedQuarter, programmedQuarter) : null;
  const cumulativeCompliance = programmedCumulative !== null ? rule.compliance(executedCumulative ?? (rule.lessIsBetter ? Number.POSITIVE_INFINITY : 0), programmedCumulative) : null;
  const yearCompliance = executedCumulative !== null ? rule.compliance(executedCumulative, total) : null;
  const previous = latest(executed, (q - 1 || 1) as QuarterNumber);
  const wrongWay = rule.isLevel && q > 1 && executedQuarter !== null && previous !== null && (rule.lessIsBetter ? executedQuarter > previous : executedQuarter < previous) && !same(executedQuarter, previous);
  return {
    quarter: q,
    programmedQuarter,
    executedQuarter,
    quarterCompliance,
    programmedCumulative,
    executedCumulative,
    cumulativeCompliance: cumulativeCompliance === null || Number.isNaN(cumulativeCompliance) ? null : cumulativeCompliance,
    yearCompliance,
    behind: cumulativeCompliance !== null && cumulativeCompliance < 1 && !same(cumulativeCompliance, 1),
    wrongWay,
  };
}
