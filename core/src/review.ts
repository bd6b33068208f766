/**
 * The ETI team's monthly review of each unit's report (seed 000, activities 6–7): the state of a
 * unit's month, what the ETI may do with it, the review queue and one unit's month as the ETI reads
 * it. Pure: the store's data comes in, decisions and views go out.
 *
 * The state of a unit's month comes from its check-ins and the ETI's stored review:
 *
 *   sin_reportar ──(first check-in)──▶ incompleto ──(9 of 9)──▶ por_revisar ──close──▶ cerrado
 *        │                                  │                       │                    │
 *        │                       request_correction       request_correction    request_correction
 *        │                                  ▼                       ▼                    ▼
 *        └─────────────────────────────▶ correccion_pedida ──(the enlace edits every KR observed,
 *                                                 ▲              the month complete)──▶ corregido ──close──▶ cerrado
 *                                                 └──────────── request_correction ───────┘
 *
 * Only `cerrado` and `correccion_pedida` are stored (`MonthReview`); the others follow from the
 * check-ins. A correction request records the version of each of the month's check-ins; one saved
 * again since (a higher version, or a first report) counts as corrected, so nothing needs to be
 * written when the enlace corrects: the month is `corregido` as soon as every key result the ETI
 * observed (or, with only a general observation, any one) was saved again and the month is
 * complete. A closed month locks its check-ins; a correction request opens it again.
 */
import type { CheckIn, IsoDate, KeyResult, OkrSetBundle, OkrSetState, Period, QuarterId, Role, Unit } from './types.js';
import { reviewBotText, reviewMessages } from './i18n/es-CO/review.js';
import { isBusinessDay } from './calendar.js';
import type { DueReminder, UnitMonthStatus } from './reminders.js';
import { checkInMessages } from './i18n/es-CO/okr.js';
import { keyResultProgress } from './progress.js';
import { expectedProgress, monthEnd, periodLabel, periodOf, quarterLabel, quarterOf } from './quarter.js';
import { statusFor, type Status } from './status.js';
import { checkInFlags, type ReviewFlag } from './reviewFlags.js';

/** What the ETI decided about a unit's month (the stored part of its review). */
export type MonthReviewState = 'closed' | 'correction_requested';

/** What the ETI asks to correct in one key result. */
export interface ReviewObservation {
  keyResultId: string;
  text: string;
}

/** The ETI's review of a unit's month: the last decision, with who, when and the observations. */
export interface MonthReview {
  unitId: string;
  period: Period;
  state: MonthReviewState;
  actorId: string;
  at: string;
  /** The general observation (a correction's, or a note when closing); null when none. */
  note: string | null;
  /** Per key result, what to correct (a correction request's; empty when closing). */
  observations: ReviewObservation[];
  /**
   * The version of each of the month's check-ins when the correction was requested (a key result
   * not reported then is absent): one saved again since has a higher version — it is corrected.
   * Empty when closing.
   */
  checkInVersions: Record<string, number>;
  /** The compare-and-set counter: 1 for the first decision, +1 with each. */
  version: number;
}

export type MonthReviewAction = 'close' | 'request_correction';

/** One step of a month's review, as the unit and the ETI see it in its history: the ETI's decisions, and the enlace's correction. */
export interface MonthReviewEvent {
  id: string;
  unitId: string;
  period: Period;
  action: MonthReviewAction | 'corrected';
  actorId: string;
  at: string;
  note: string | null;
  observations: ReviewObservation[];
}

/** Limits of what the ETI types. */
export const REVIEW_LIMITS = { noteMax: 2000, observationMax: 1000 } as const;

export type UnitMonthState = 'sin_reportar' | 'incompleto' | 'por_revisar' | 'correccion_pedida' | 'corregido' | 'cerrado';

/** The states in the queue's order: what waits for the ETI first, what is done last. */
export const UNIT_MONTH_STATES: readonly UnitMonthState[] = ['por_revisar', 'corregido', 'correccion_pedida', 'incompleto', 'sin_reportar', 'cerrado'];

/** A unit's month: its state and what it rests on. */
export interface UnitMonth {
  state: UnitMonthState;
  reported: number;
  total: number;
  /**
   * Since when it waits for whoever acts next: the ETI (por revisar: when the last key result was
   * first reported; corregido: the last correction) or the enlace (corrección pedida: the request).
   * Null when nobody is waited on (incomplete, nothing reported, closed).
   */
  waitingSince: string | null;
  /** Key results saved again after the correction request (empty without one). */
  corrected: string[];
}

const latest = (values: readonly string[]): string | null => (values.length === 0 ? null : values.reduce((a, b) => (b > a ? b : a)));

/** The state of a unit's month from its check-ins of that month (those of `keyResultIds`) and the ETI's review. */
export function unitMonth(keyResultIds: readonly string[], checkIns: readonly CheckIn[], review: MonthReview | null): UnitMonth {
  const krs = new Set(keyResultIds);
  const mine = new Map<string, CheckIn>();
  for (const c of checkIns) if (krs.has(c.keyResultId)) mine.set(c.keyResultId, c);
  const reported = mine.size;
  const total = krs.size;
  const complete = total > 0 && reported >= total;
  if (review?.state === 'closed') return { state: 'cerrado', reported, total, waitingSince: null, corrected: [] };
  if (review?.state === 'correction_requested') {
    const corrected = [...mine.values()].filter((c) => c.version > (review.checkInVersions[c.keyResultId] ?? 0)).map((c) => c.keyResultId);
    const observed = review.observations.map((o) => o.keyResultId).filter((id) => krs.has(id));
    const covered = observed.length > 0 ? observed.every((id) => corrected.includes(id)) : corrected.length > 0;
    if (covered && complete) {
      return { state: 'corregido', reported, total, waitingSince: latest(corrected.map((id) => mine.get(id)!.updatedAt)), corrected };
    }
    return { state: 'correccion_pedida', reported, total, waitingSince: review.at, corrected };
  }
  if (reported === 0) return { state: 'sin_reportar', reported, total, waitingSince: null, corrected: [] };
  if (!complete) return { state: 'incompleto', reported, total, waitingSince: null, corrected: [] };
  return { state: 'por_revisar', reported, total, waitingSince: latest([...mine.values()].map((c) => c.createdAt)), corrected: [] };
}

/** Whether check-ins of a month may still be created or edited, and why not. */
export function checkInsEditable(review: MonthReview | null, unitName: string): { ok: true } | { ok: false; message: string } {
  if (!review || review.state === 'correction_requested') return { ok: true };
  return { ok: false, message: checkInMessages.monthClosed(unitName, periodLabel(review.period)) };
}

/**
 * Months a unit may still report: months that have started (never a future one), of a quarter
 * whose set is loaded (`active`: the quarter close turns it `closed`), that the ETI has not closed.
 */
export function isOpenMonth(period: Period, currentPeriod: Period, setState: OkrSetState | null, review: MonthReview | null): boolean {
  return period <= currentPeriod && setState === 'active' && review?.state !== 'closed';
}

/**
 * Which open month a check-in opens by default: the earliest with a correction pending, else the
 * earliest with something missing, else the latest (to correct it until the ETI closes it).
 */
export function monthToOpen(months: ReadonlyArray<{ period: Period; month: UnitMonth }>): Period | null {
  const sorted = [...months].sort((a, b) => a.period.localeCompare(b.period));
  const pick =
    sorted.find((m) => m.month.state === 'correccion_pedida') ??
    sorted.find((m) => m.month.state === 'sin_reportar' || m.month.state === 'incompleto') ??
    sorted.at(-1);
  return pick?.period ?? null;
}

// ── decisions ───────────────────────────────────────────────────────────────────────────────────

export interface ReviewDecisionInput {
  action: MonthReviewAction;
  month: UnitMonth;
  /** The actor's roles (entity-wide and on the unit). */
  roles: readonly Role[];
  /** The state of the unit's set for the month's quarter (a closed quarter's months never change). */
  setState: OkrSetState | null;
  period: Period;
  unitName: string;
  /** The set's key results, for the observations' titles and ids. */
  keyResults: ReadonlyArray<Pick<KeyResult, 'id' | 'title'>>;
  note?: string | null;
  observations?: readonly ReviewObservation[];
}

export type ReviewDecision =
  | { ok: true; state: MonthReviewState; note: string | null; observations: ReviewObservation[] }
  | { ok: false; reason: 'not_allowed' | 'invalid_state' | 'invalid'; message: string };

/** Decides one step of the ETI's review: who may take it, from which states, with what it needs. */
export function decideReview(input: ReviewDecisionInput): ReviewDecision {
  const { month, period, unitName } = input;
  const monthLabel = periodLabel(period);
  if (!input.roles.includes('eti')) return { ok: false, reason: 'not_allowed', message: reviewMessages.onlyEti };
  if (input.setState === 'closed') return { ok: false, reason: 'invalid_state', message: reviewMessages.quarterClosed(quarterLabel(quarterOf(`${period}-01`))) };
  if (input.setState !== 'active' || month.total === 0) return { ok: false, reason: 'invalid_state', message: reviewMessages.notReportable(unitName, monthLabel) };
  const note = (input.note ?? '').trim() || null;
  if (note && note.length > REVIEW_LIMITS.noteMax) return { ok: false, reason: 'invalid', message: reviewMessages.noteTooLong(REVIEW_LIMITS.noteMax) };

  if (input.action === 'close') {
    if (month.state === 'cerrado') return { ok: false, reason: 'invalid_state', message: reviewMessages.alreadyClosed(unitName, monthLabel) };
    if (month.reported < month.total) return { ok: false, reason: 'invalid_state', message: reviewMessages.cannotCloseIncomplete(month.total - month.reported, month.total) };
    return { ok: true, state: 'closed', note, observations: [] };
  }

  if (month.state === 'sin_reportar') return { ok: false, reason: 'invalid_state', message: reviewMessages.nothingToReview(unitName, monthLabel) };
  const titles = new Map(input.keyResults.map((k) => [k.id, k.title]));
  const observations: ReviewObservation[] = [];
  for (const o of input.observations ?? []) {
    const text = o.text.trim();
    if (!text) continue;
    const title = titles.get(o.keyResultId);
    if (title === undefined) return { ok: false, reason: 'invalid', message: reviewMessages.unknownKeyResult };
    if (text.length > REVIEW_LIMITS.observationMax) return { ok: false, reason: 'invalid', message: reviewMessages.observationTooLong(title, REVIEW_LIMITS.observationMax) };
    if (!observations.some((x) => x.keyResultId === o.keyResultId)) observations.push({ keyResultId: o.keyResultId, text });
  }
  if (!note && observations.length === 0) return { ok: false, reason: 'invalid', message: reviewMessages.observationRequired };
  return { ok: true, state: 'correction_requested', note, observations };
}

// ── what the ETI reads ──────────────────────────────────────────────────────────────────────────

/** Sets whose key results are reported monthly. */
const REPORTING: ReadonlySet<OkrSetState> = new Set(['active', 'closed']);

/** One key result of a unit's month, with what the review needs beside it. */
export interface ReviewKeyResult {
  keyResult: KeyResult;
  /** The tactical objective it belongs to. */
  objectiveTitle: string;
  checkIn: CheckIn | null;
  /** Raw progress of this month's value; null without a report. */
  progress: number | null;
  /** Its status at the month's last day. */
  status: Status;
  /** Its report of the previous month of the same quarter (a new quarter's set starts afresh). */
  previous: CheckIn | null;
  flags: ReviewFlag[];
  /** The ETI's observation on it in the pending or last correction request. */
  observation: string | null;
  /** Saved again after the correction request. */
  corrected: boolean;
}

export interface UnitMonthReview {
  unit: Unit;
  period: Period;
  quarter: QuarterId;
  setState: OkrSetState | null;
  month: UnitMonth;
  review: MonthReview | null;
  keyResults: ReviewKeyResult[];
  /** All flags of the month's key results. */
  flagCount: number;
}

function previousPeriodInQuarter(period: Period): Period | null {
  const [y, m] = period.split('-').map(Number) as [number, number];
  if ((m - 1) % 3 === 0) return null;
  return `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * A unit's month as the ETI reviews it: its nine key results, each with this month's and last
 * month's report, progress and status at the month's end, the consistency flags, the ETI's
 * observation and whether it was corrected. `checkIns`: the unit's check-ins of the quarter.
 */
export function buildUnitMonthReview(args: { unit: Unit; period: Period; bundle: OkrSetBundle | null; checkIns: readonly CheckIn[]; review: MonthReview | null }): UnitMonthReview {
  const { unit, period, bundle, review } = args;
  const quarter = quarterOf(`${period}-01`);
  const krs = bundle && REPORTING.has(bundle.set.state) ? [...bundle.keyResults] : [];
  const objectiveOrder = new Map((bundle?.objectives ?? []).map((o) => [o.id, o]));
  krs.sort((a, b) => (objectiveOrder.get(a.objectiveId)?.order ?? 0) - (objectiveOrder.get(b.objectiveId)?.order ?? 0) || a.order - b.order);
  const thisMonth = new Map(args.checkIns.filter((c) => c.period === period).map((c) => [c.keyResultId, c]));
  const last = previousPeriodInQuarter(period);
  const lastMonth = new Map(args.checkIns.filter((c) => c.period === last).map((c) => [c.keyResultId, c]));
  const month = unitMonth(krs.map((k) => k.id), [...thisMonth.values()], review);
  const corrected = new Set(month.corrected);
  const expected = expectedProgress(quarter, monthEnd(period));
  const observationOf = new Map((review?.observations ?? []).map((o) => [o.keyResultId, o.text]));
  const keyResults = krs.map((kr): ReviewKeyResult => {
    const checkIn = thisMonth.get(kr.id) ?? null;
    const previous = lastMonth.get(kr.id) ?? null;
    const progress = checkIn ? keyResultProgress(kr, checkIn.value) : null;
    return {
      keyResult: kr,
      objectiveTitle: objectiveOrder.get(kr.objectiveId)?.title ?? '',
      checkIn,
      progress,
      status: statusFor(progress, expected),
      previous,
      flags: checkIn ? checkInFlags(kr, checkIn, previous) : [],
      observation: observationOf.get(kr.id) ?? null,
      corrected: corrected.has(kr.id),
    };
  });
  return {
    unit,
    period,
    quarter,
    setState: bundle?.set.state ?? null,
    month,
    review,
    keyResults,
    flagCount: keyResults.reduce((n, k) => n + k.flags.length, 0),
  };
}

/** One unit in the review queue. */
export interface ReviewQueueRow {
  unit: Unit;
  setState: OkrSetState;
  month: UnitMonth;
  flagCount: number;
  review: MonthReview | null;
  /** Complete, waiting for the ETI and without flags: may be closed with the others at once. */
  consistent: boolean;
}

export interface ReviewQueue {
  period: Period;
  quarter: QuarterId;
  /** What waits for the ETI first (oldest first), then the enlaces' part, then what is closed. */
  rows: ReviewQueueRow[];
  counts: Record<UnitMonthState, number>;
  /** Units with no loaded set this quarter: nothing to report, nothing to review. */
  withoutSet: Unit[];
}

const emptyCounts = (): Record<UnitMonthState, number> => ({ sin_reportar: 0, incompleto: 0, por_revisar: 0, correccion_pedida: 0, corregido: 0, cerrado: 0 });

/** The ETI's queue for a month: every unit with a loaded set, its state, its flags; filters are the tab's. */
export function buildReviewQueue(args: {
  period: Period;
  units: readonly Unit[];
  bundles: readonly OkrSetBundle[];
  /** Check-ins of the month's quarter (every unit). */
  checkIns: readonly CheckIn[];
  /** The month's reviews. */
  reviews: readonly MonthReview[];
}): ReviewQueue {
  const quarter = quarterOf(`${args.period}-01`);
  const bundleOf = new Map(args.bundles.filter((b) => b.set.quarter === quarter).map((b) => [b.set.unitId, b]));
  const reviewOf = new Map(args.reviews.filter((r) => r.period === args.period).map((r) => [r.unitId, r]));
  const checkInsOf = new Map<string, CheckIn[]>();
  for (const c of args.checkIns) {
    const list = checkInsOf.get(c.unitId) ?? [];
    list.push(c);
    checkInsOf.set(c.unitId, list);
  }
  const rows: ReviewQueueRow[] = [];
  const withoutSet: Unit[] = [];
  const counts = emptyCounts();
  for (const unit of args.units) {
    const bundle = bundleOf.get(unit.id);
    if (!bundle || !REPORTING.has(bundle.set.state) || bundle.keyResults.length === 0) {
      withoutSet.push(unit);
      continue;
    }
    const review = reviewOf.get(unit.id) ?? null;
    const detail = buildUnitMonthReview({ unit, period: args.period, bundle, checkIns: checkInsOf.get(unit.id) ?? [], review });
    const waitsForEti = detail.month.state === 'por_revisar' || detail.month.state === 'corregido';
    counts[detail.month.state] += 1;
    rows.push({ unit, setState: bundle.set.state, month: detail.month, flagCount: detail.flagCount, review, consistent: waitsForEti && detail.flagCount === 0 && bundle.set.state === 'active' });
  }
  const rank = (s: UnitMonthState) => UNIT_MONTH_STATES.indexOf(s);
  rows.sort(
    (a, b) =>
      rank(a.month.state) - rank(b.month.state) ||
      (a.month.waitingSince ?? '').localeCompare(b.month.waitingSince ?? '') ||
      a.unit.name.localeCompare(b.unit.name, 'es'),
  );
  return { period: args.period, quarter, rows, counts, withoutSet };
}

// ── what the REST API answers (the tab's review views) ──────────────────────────────────────────

/** GET /api/review/queue?period=2026-11 — the ETI's queue for a month. */
export interface ReviewQueueResponse {
  period: Period;
  quarter: QuarterId;
  /** The months one may look at: the quarter's and the previous quarter's that have started, newest first. */
  periods: Period[];
  rows: Array<{
    unitId: string;
    unitName: string;
    kind: Unit['kind'];
    state: UnitMonthState;
    reported: number;
    total: number;
    waitingSince: string | null;
    flagCount: number;
    consistent: boolean;
    /** The ETI's last decision (who, when), and the review's version for the next one (null: none yet). */
    reviewedBy: string | null;
    reviewedAt: string | null;
    version: number | null;
  }>;
  counts: Record<UnitMonthState, number>;
  withoutSet: Array<{ unitId: string; unitName: string }>;
  /** The month's quarter is closed: its months never change. */
  quarterClosed: boolean;
  /** The viewer may decide (the ETI). */
  canAct: boolean;
}

/** One step of a month's review as its history shows it (the enlace's correction included). */
export interface ReviewHistoryEntry {
  action: MonthReviewAction | 'corrected';
  actorName: string;
  at: string;
  note: string | null;
  observations: Array<{ keyResultTitle: string; text: string }>;
}

/** GET /api/review/units/:unitId?period=2026-11 — one unit's month as the ETI reviews it (and its people read it). */
export interface UnitMonthReviewResponse {
  unit: Unit;
  period: Period;
  quarter: QuarterId;
  state: UnitMonthState;
  reported: number;
  total: number;
  /** The review's version for the next decision (null: none yet). */
  version: number | null;
  quarterClosed: boolean;
  canAct: boolean;
  review: { state: MonthReviewState; actorName: string; at: string; note: string | null; observations: ReviewObservation[] } | null;
  keyResults: Array<{
    id: string;
    title: string;
    objectiveTitle: string;
    kind: KeyResult['kind'];
    unitOfMeasure: string;
    baseline: number;
    target: number;
    checkIn: { value: number; comment: string; evidenceUrl: string; authorName: string; createdAt: string; updatedAt: string; version: number } | null;
    progress: number | null;
    status: Status;
    previous: { period: Period; value: number; evidenceUrl: string } | null;
    flags: ReviewFlag[];
    observation: string | null;
    corrected: boolean;
  }>;
  history: ReviewHistoryEntry[];
}

/** GET /api/units/:unitId/key-results/:keyResultId/history — a key result's months, who reported, and a month's earlier values. */
export interface KeyResultHistoryResponse {
  keyResult: Pick<KeyResult, 'id' | 'title' | 'kind' | 'unitOfMeasure' | 'baseline' | 'target'>;
  months: Array<{
    period: Period;
    value: number;
    comment: string;
    authorName: string;
    at: string;
    version: number;
    /** Values the month had before its edits, oldest first (from the audit trail). */
    earlier: Array<{ value: number; comment: string; authorName: string; at: string }>;
  }>;
}

/**
 * The ETI's daily digest of the units whose month became ready for its review (complete, or
 * corrected after a correction request): on a business day, at most once a day per ETI member,
 * listing what became ready since that member's last digest (`lastSent`: when it was last sent to
 * each). Never empty. The queue itself («revisión») lists everything that waits.
 */
export function reviewDigest(today: IsoDate, statuses: readonly UnitMonthStatus[], etiIds: readonly string[], lastSent: ReadonlyMap<string, string>): DueReminder[] {
  if (!isBusinessDay(today)) return [];
  const ready = statuses.filter((s) => s.readyForReview !== null).sort((a, b) => a.readyForReview!.localeCompare(b.readyForReview!));
  const step = Number(today.slice(8, 10));
  return etiIds.flatMap((personId) => {
    const since = lastSent.get(personId) ?? '';
    const items = ready.filter((s) => s.readyForReview! > since).map((s) => reviewDigestItem(s));
    return items.length === 0 ? [] : [{ key: { kind: 'review_digest' as const, personId, subject: 'entity', period: periodOf(today), step }, items, unitName: null }];
  });
}

/** "Alcaldía Local de Suba · noviembre de 2026 (corregido)" */
const reviewDigestItem = (s: UnitMonthStatus) => reviewBotText.reminder.item(s.unitName, periodLabel(s.period), s.corrected);
