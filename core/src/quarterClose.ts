/**
 * The quarter close (seed 000, activity 7.1): after the quarter's last month the ETI freezes, for
 * the 20 alcaldías and the 24 central units, every key result's final value, progress, status,
 * comment and evidence, each month's reporting status and the ETI's review outcome — the «Reporte
 * de cierre trimestral» for the Subsecretaría de Gestión Institucional. Built here once, from the
 * store's data at the moment of the close; stored as it is and never recomputed, so later edits
 * never change it. Statuses are as of the quarter's last day.
 */
import type { CheckIn, InstitutionalObjective, IsoDate, KeyResultKind, OkrSetBundle, OkrSetState, Period, QuarterId, Unit, UnitKind } from './types.js';
import { buildTree } from './tree.js';
import { quarterMonths, quarterRange } from './quarter.js';
import type { Status } from './status.js';
import { unitMonth, type MonthReview, type UnitMonthState } from './review.js';

export interface SnapshotCheckIn {
  period: Period;
  value: number;
  comment: string;
  evidenceUrl: string;
  authorId: string;
  authorName: string;
  updatedAt: string;
  /** Times it was saved (1: never edited). */
  version: number;
}

export interface SnapshotKeyResult {
  keyResultId: string;
  /** The tactical objective it belongs to. */
  objective: string;
  title: string;
  kind: KeyResultKind;
  unitOfMeasure: string;
  baseline: number;
  target: number;
  /** The last value reported in the quarter; null when it was never reported. */
  value: number | null;
  /** The month of that value. */
  period: Period | null;
  progress: number | null;
  status: Status;
  comment: string;
  evidenceUrl: string;
  checkIns: SnapshotCheckIn[];
}

export interface SnapshotObjective {
  title: string;
  progress: number | null;
  status: Status;
}

export interface SnapshotMonth {
  period: Period;
  reported: number;
  total: number;
  state: UnitMonthState;
  /** Who took the ETI's last decision on the month, and when (null when it has none). */
  reviewedBy: string | null;
  reviewedAt: string | null;
  note: string | null;
}

export interface SnapshotUnit {
  unitId: string;
  unitName: string;
  kind: UnitKind;
  /** The set's state when the quarter was closed (before the close turned it `closed`); null without a set. */
  setState: OkrSetState | null;
  /** The code of the institutional objective it serves ("OE1"). */
  institutionalObjective: string | null;
  strategic: SnapshotObjective | null;
  tactical: SnapshotObjective[];
  /** One per month of the quarter (empty without a loaded set). */
  months: SnapshotMonth[];
  keyResults: SnapshotKeyResult[];
}

/** The figures of the close, over every unit. */
export interface QuarterSummary {
  units: number;
  central: number;
  alcaldias: number;
  /** Units with a loaded set (reporting). */
  withSet: number;
  /** Units by the status of their strategic objective; `sin_set` without a loaded set. */
  byStatus: Record<Status | 'sin_set', number>;
  keyResults: number;
  keyResultsByStatus: Record<Status, number>;
  /** Mean progress (clamped to 0..1) of the strategic objectives; null when no unit has one. */
  averageProgress: number | null;
  /** Unit-months with all key results reported, out of unit-months due. */
  completeMonths: number;
  dueMonths: number;
  /** Unit-months by their review state at the close. */
  monthsByState: Record<UnitMonthState, number>;
}

export interface QuarterSnapshot {
  quarter: QuarterId;
  /** The quarter's last day: statuses are as of it. */
  asOf: IsoDate;
  closedAt: string;
  closedBy: string;
  closedByName: string;
  summary: QuarterSummary;
  units: SnapshotUnit[];
}

const REPORTING: ReadonlySet<OkrSetState> = new Set(['active', 'closed']);

/** Units in the report's order: the central level first, then the alcaldías, each by name. */
export function reportOrder(a: Pick<Unit, 'kind' | 'name'>, b: Pick<Unit, 'kind' | 'name'>): number {
  const rank = (k: UnitKind) => (k === 'central' ? 0 : 1);
  return rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'es');
}

/** The summary figures of a set of snapshot units. */
export function summarize(units: readonly SnapshotUnit[]): QuarterSummary {
  const byStatus: Record<Status | 'sin_set', number> = { completado: 0, en_curso: 0, atrasado: 0, en_riesgo: 0, no_iniciado: 0, sin_set: 0 };
  const keyResultsByStatus: Record<Status, number> = { completado: 0, en_curso: 0, atrasado: 0, en_riesgo: 0, no_iniciado: 0 };
  const monthsByState: Record<UnitMonthState, number> = { sin_reportar: 0, incompleto: 0, por_revisar: 0, correccion_pedida: 0, corregido: 0, cerrado: 0 };
  let progressSum = 0;
  let withStrategic = 0;
  let completeMonths = 0;
  let dueMonths = 0;
  let keyResults = 0;
  for (const u of units) {
    byStatus[u.strategic && u.months.length > 0 ? u.strategic.status : 'sin_set'] += 1;
    if (u.strategic && u.months.length > 0) {
      progressSum += Math.max(0, Math.min(1, u.strategic.progress ?? 0));
      withStrategic += 1;
    }
    for (const k of u.keyResults) {
      keyResultsByStatus[k.status] += 1;
      keyResults += 1;
    }
    for (const m of u.months) {
      dueMonths += 1;
      if (m.total > 0 && m.reported >= m.total) completeMonths += 1;
      monthsByState[m.state] += 1;
    }
  }
  return {
    units: units.length,
    central: units.filter((u) => u.kind === 'central').length,
    alcaldias: units.filter((u) => u.kind === 'alcaldia').length,
    withSet: units.filter((u) => u.months.length > 0).length,
    byStatus,
    keyResults,
    keyResultsByStatus,
    averageProgress: withStrategic === 0 ? null : progressSum / withStrategic,
    completeMonths,
    dueMonths,
    monthsByState,
  };
}

/** The frozen report of a quarter, from every unit's set, check-ins and month reviews at the close. */
export function buildQuarterSnapshot(args: {
  quarter: QuarterId;
  closedAt: string;
  closedBy: string;
  /** Names of the people who reported and reviewed, by id. */
  names: ReadonlyMap<string, string>;
  units: readonly Unit[];
  bundles: readonly OkrSetBundle[];
  /** The quarter's check-ins (every unit). */
  checkIns: readonly CheckIn[];
  /** The reviews of the quarter's three months. */
  reviews: readonly MonthReview[];
  institutionalObjectives: readonly InstitutionalObjective[];
  /** Statuses as of this day: the quarter's last (the close's); a preview while it runs gives today, and only the months begun. */
  asOf?: IsoDate;
}): QuarterSnapshot {
  const { quarter, names } = args;
  const end = quarterRange(quarter).end;
  const asOf = args.asOf && args.asOf < end ? args.asOf : end;
  const months = quarterMonths(quarter).filter((p) => p <= asOf.slice(0, 7));
  const name = (id: string) => names.get(id) ?? id;
  const bundleOf = new Map(args.bundles.filter((b) => b.set.quarter === quarter).map((b) => [b.set.unitId, b]));
  const reviewOf = new Map(args.reviews.map((r) => [`${r.unitId}|${r.period}`, r]));
  const checkInsOf = new Map<string, CheckIn[]>();
  for (const c of args.checkIns) {
    const list = checkInsOf.get(c.unitId) ?? [];
    list.push(c);
    checkInsOf.set(c.unitId, list);
  }
  const units = [...args.units].sort(reportOrder).map((unit): SnapshotUnit => {
    const bundle = bundleOf.get(unit.id) ?? null;
    const checkIns = checkInsOf.get(unit.id) ?? [];
    const reporting = bundle !== null && REPORTING.has(bundle.set.state);
    const tree = buildTree({ unit, quarter, asOf, bundle, checkIns, institutionalObjectives: args.institutionalObjectives });
    const objective = (o: { title: string; progress: number | null; status: Status }): SnapshotObjective => ({ title: o.title, progress: o.progress, status: o.status });
    const keyResults = (tree.strategic?.children ?? []).flatMap((t) =>
      t.keyResults.map((k): SnapshotKeyResult => {
        const mine = checkIns.filter((c) => c.keyResultId === k.id).sort((a, b) => a.period.localeCompare(b.period));
        return {
          keyResultId: k.id,
          objective: t.title,
          title: k.title,
          kind: k.kind,
          unitOfMeasure: k.unitOfMeasure,
          baseline: k.baseline,
          target: k.target,
          value: k.latest?.value ?? null,
          period: k.latest?.period ?? null,
          progress: k.progress,
          status: k.status,
          comment: k.latest?.comment ?? '',
          evidenceUrl: k.latest?.evidenceUrl ?? '',
          checkIns: mine.map((c) => ({ period: c.period, value: c.value, comment: c.comment, evidenceUrl: c.evidenceUrl, authorId: c.authorId, authorName: name(c.authorId), updatedAt: c.updatedAt, version: c.version })),
        };
      }),
    );
    const krIds = bundle?.keyResults.map((k) => k.id) ?? [];
    return {
      unitId: unit.id,
      unitName: unit.name,
      kind: unit.kind,
      setState: bundle?.set.state ?? null,
      institutionalObjective: tree.institutionalObjective?.code ?? bundle?.set.institutionalObjectiveId ?? null,
      strategic: reporting && tree.strategic ? objective(tree.strategic) : null,
      tactical: reporting ? (tree.strategic?.children ?? []).map(objective) : [],
      months: reporting
        ? months.map((period): SnapshotMonth => {
            const review = reviewOf.get(`${unit.id}|${period}`) ?? null;
            const m = unitMonth(krIds, checkIns.filter((c) => c.period === period), review);
            return { period, reported: m.reported, total: m.total, state: m.state, reviewedBy: review ? name(review.actorId) : null, reviewedAt: review?.at ?? null, note: review?.note ?? null };
          })
        : [],
      keyResults: reporting ? keyResults : [],
    };
  });
  return { quarter, asOf, closedAt: args.closedAt, closedBy: args.closedBy, closedByName: name(args.closedBy), summary: summarize(units), units };
}

/** A unit of the snapshot as the tab shows it: its key results without their month-by-month check-ins (the .xlsx has them). */
export type SnapshotUnitView = Omit<SnapshotUnit, 'keyResults'> & { keyResults: Array<Omit<SnapshotKeyResult, 'checkIns'>> };

/** GET /api/reports/quarter-close?quarter=2026-Q4 — a quarter's close, or what a close would freeze now. */
export interface QuarterCloseResponse {
  quarter: QuarterId;
  /** The day from which the quarter may be closed (the day after its last). */
  closableFrom: IsoDate;
  closed: { closedAt: string; closedByName: string; sharedAt: string | null; sharedByName: string | null; version: number } | null;
  /** The frozen report, once closed. */
  snapshot: (Omit<QuarterSnapshot, 'units'> & { units: SnapshotUnitView[] }) | null;
  /** While open: the figures a close would freeze now, and how many unit-months the ETI has not closed. */
  preview: { summary: QuarterSummary; monthsNotClosed: number } | null;
  /** The viewer is the ETI and the quarter has ended and is open. */
  canClose: boolean;
  /** The viewer is the ETI and the quarter is closed. */
  canShare: boolean;
}
