/**
 * The entity dashboard (ETI team, OAP, leadership): every unit's quarter at a glance — the status
 * and progress of its strategic and tactical objectives, and how faithfully it reports its
 * check-ins (compliance: how many of its key results have a check-in, month by month).
 * Pure: everything comes in, including "today".
 */
import type { CheckIn, InstitutionalObjective, IsoDate, OkrSetBundle, OkrSetState, Period, QuarterId, Unit } from './types.js';
import type { Status } from './status.js';
import { buildTree } from './tree.js';
import { expectedProgress, quarterMonths } from './quarter.js';

/** Check-ins of one month: key results reported out of the set's key results. */
export interface MonthCompliance {
  period: Period;
  reported: number;
  total: number;
}

/**
 * A unit's reporting compliance. `month` is the current reporting month (null when it is not a
 * month of this quarter); `quarter` adds up the quarter's months up to the current one (all three
 * for a past quarter, none for a future one). `rate` is reported / total, null when nothing is due.
 */
export interface Compliance {
  months: MonthCompliance[];
  month: { reported: number; total: number; rate: number | null } | null;
  quarter: { reported: number; total: number; rate: number | null };
}

export interface DashboardObjective {
  id: string;
  title: string;
  progress: number | null;
  displayProgress: number;
  status: Status;
}

export interface DashboardUnitRow {
  unit: Unit;
  /** State of the unit's set for the quarter; null when it has none. */
  setState: OkrSetState | null;
  institutionalObjectiveCode: string | null;
  strategic: DashboardObjective | null;
  tactical: DashboardObjective[];
  keyResultCount: number;
  /** null when check-ins are not due (no set, or a set still being formulated). */
  compliance: Compliance | null;
}

export interface EntityDashboard {
  quarter: QuarterId;
  asOf: IsoDate;
  /** The month check-ins are being reported for today. */
  period: Period;
  expected: number;
  units: DashboardUnitRow[];
}

/** Sets whose key results are due a monthly check-in. */
const REPORTING_STATES: ReadonlySet<OkrSetState> = new Set(['active', 'closed']);

const rate = (reported: number, total: number) => (total === 0 ? null : reported / total);

/**
 * Compliance of one set: for each month of the quarter up to `period`, how many of its key results
 * have a check-in (only check-ins of the set's own key results count, one per KR and month).
 */
export function reportingCompliance(keyResultIds: readonly string[], checkIns: readonly CheckIn[], quarter: QuarterId, period: Period): Compliance {
  const krs = new Set(keyResultIds);
  const reportedBy = new Map<Period, Set<string>>();
  for (const c of checkIns) {
    if (!krs.has(c.keyResultId)) continue;
    const set = reportedBy.get(c.period) ?? new Set<string>();
    set.add(c.keyResultId);
    reportedBy.set(c.period, set);
  }
  const total = krs.size;
  const months = quarterMonths(quarter)
    .filter((p) => p <= period)
    .map((p) => ({ period: p, reported: reportedBy.get(p)?.size ?? 0, total }));
  const current = months.find((m) => m.period === period) ?? null;
  const reported = months.reduce((n, m) => n + m.reported, 0);
  const due = months.length * total;
  return {
    months,
    month: current && { reported: current.reported, total, rate: rate(current.reported, total) },
    quarter: { reported, total: due, rate: rate(reported, due) },
  };
}

/** Every unit's row for a quarter, in the order the units are given. */
export function buildEntityDashboard(args: {
  quarter: QuarterId;
  asOf: IsoDate;
  period: Period;
  units: readonly Unit[];
  bundles: readonly OkrSetBundle[];
  checkIns: readonly CheckIn[];
  institutionalObjectives: readonly InstitutionalObjective[];
}): EntityDashboard {
  const bundleOf = new Map(args.bundles.map((b) => [b.set.unitId, b]));
  const checkInsOf = new Map<string, CheckIn[]>();
  for (const c of args.checkIns) {
    const list = checkInsOf.get(c.unitId) ?? [];
    list.push(c);
    checkInsOf.set(c.unitId, list);
  }
  const pick = (o: { id: string; title: string; progress: number | null; displayProgress: number; status: Status }): DashboardObjective => ({
    id: o.id,
    title: o.title,
    progress: o.progress,
    displayProgress: o.displayProgress,
    status: o.status,
  });
  const units = args.units.map((unit): DashboardUnitRow => {
    const bundle = bundleOf.get(unit.id) ?? null;
    const checkIns = checkInsOf.get(unit.id) ?? [];
    const tree = buildTree({ unit, quarter: args.quarter, asOf: args.asOf, bundle, checkIns, institutionalObjectives: args.institutionalObjectives });
    return {
      unit,
      setState: bundle?.set.state ?? null,
      institutionalObjectiveCode: tree.institutionalObjective?.code ?? null,
      strategic: tree.strategic && pick(tree.strategic),
      tactical: tree.strategic?.children.map(pick) ?? [],
      keyResultCount: bundle?.keyResults.length ?? 0,
      compliance:
        bundle && REPORTING_STATES.has(bundle.set.state) && bundle.keyResults.length > 0
          ? reportingCompliance(bundle.keyResults.map((k) => k.id), checkIns, args.quarter, args.period)
          : null,
    };
  });
  return { quarter: args.quarter, asOf: args.asOf, period: args.period, expected: expectedProgress(args.quarter, args.asOf), units };
}

/**
 * Where a unit stands on the dashboard: the status of its strategic objective once its set is
 * loaded; `en_formulacion` while its set is being formulated (a draft, with the coach, with the
 * líder…: coaches and the ETI follow those too); `sin_set` without one.
 */
export type DashboardBucket = Status | 'en_formulacion' | 'sin_set';

export function dashboardBucket(row: DashboardUnitRow): DashboardBucket {
  if (!row.setState) return 'sin_set';
  if (!REPORTING_STATES.has(row.setState)) return 'en_formulacion';
  return row.strategic ? row.strategic.status : 'sin_set';
}

/** Units by where they stand (`dashboardBucket`). */
export function statusDistribution(rows: readonly DashboardUnitRow[]): Record<DashboardBucket, number> {
  const counts: Record<DashboardBucket, number> = { completado: 0, en_curso: 0, atrasado: 0, en_riesgo: 0, no_iniciado: 0, en_formulacion: 0, sin_set: 0 };
  for (const r of rows) counts[dashboardBucket(r)] += 1;
  return counts;
}

/** Compliance bands of the current month: all key results reported, some, none (and not due). */
export type ComplianceBand = 'completo' | 'parcial' | 'ninguno' | 'no_aplica';

export function complianceBand(row: DashboardUnitRow): ComplianceBand {
  const month = row.compliance?.month;
  if (!month || month.total === 0) return 'no_aplica';
  if (month.reported >= month.total) return 'completo';
  return month.reported === 0 ? 'ninguno' : 'parcial';
}

export function complianceDistribution(rows: readonly DashboardUnitRow[]): Record<ComplianceBand, number> {
  const counts: Record<ComplianceBand, number> = { completo: 0, parcial: 0, ninguno: 0, no_aplica: 0 };
  for (const r of rows) counts[complianceBand(r)] += 1;
  return counts;
}
