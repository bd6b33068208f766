import { randomUUID } from 'node:crypto';
import {
  buildReviewQueue,
  buildUnitMonthReview,
  decideReview,
  DEFAULT_REMINDER_SETTINGS,
  msg,
  previousQuarter,
  quarterMonths,
  quarterOf,
  reportingPeriod,
  type CheckIn,
  type KeyResultHistoryResponse,
  type MonthReview,
  type MonthReviewAction,
  type MonthReviewEvent,
  type Period,
  type Person,
  type ReviewHistoryEntry,
  type ReviewObservation,
  type ReviewQueueResponse,
  type Role,
  type Unit,
  type UnitMonthReview,
  type UnitMonthReviewResponse,
} from '@okr/core';
import { checkInsAuditId, ConflictError, type AuditPort, type DirectoryPort, type MonthReviewWrite, type OkrPort, type ReviewPort } from '../store/Store.js';
import { canSeeUnit } from './access.js';
import type { CheckInsSaved } from './checkIns.js';
import { today, type Clock } from './clock.js';
import { Refusal } from './refusal.js';

/** What the review tells people outside the request (cards in Teams); nothing by default. */
export interface ReviewNotices {
  /** The enlaces of the unit (and its líderes, in copy) get the observations and a button to the month's check-in. Returns the names reached. */
  correctionRequested(args: { review: UnitMonthReview; actorName: string }): Promise<string[]>;
  /** The ETI member who asked learns that the unit corrected the month. */
  correctionCompleted(args: { unit: Unit; period: Period; requesterId: string; correctorName: string; corrected: number }): Promise<void>;
}

export const noReviewNotices: ReviewNotices = {
  correctionRequested: async () => [],
  correctionCompleted: async () => {},
};

export type ReviewStore = ReviewPort & OkrPort & DirectoryPort & AuditPort;

/** A decision taken: the month as it is now, and who was told. */
export interface ReviewDecided {
  review: UnitMonthReview;
  notified: string[];
}

const isEti = (roles: readonly { role: Role }[]) => roles.some((r) => r.role === 'eti');

/** The months the queue offers: those of this quarter and the previous one that have started, newest first. */
function periodsAround(currentPeriod: Period): Period[] {
  const quarter = quarterOf(`${currentPeriod}-01`);
  return [...quarterMonths(previousQuarter(quarter)), ...quarterMonths(quarter)].filter((p) => p <= currentPeriod).reverse();
}

/**
 * The ETI's monthly review (seed 000, activity 7): the queue of a month, one unit's month with its
 * flags and history, closing it (one unit, or every consistent one at once) and asking for a
 * correction; and a key result's history. Decisions are compare-and-set on the review's version,
 * so two ETI members never overwrite each other.
 */
export class ReviewService {
  constructor(
    private readonly store: ReviewStore,
    private readonly clock: Clock,
    private readonly notices: ReviewNotices = noReviewNotices,
  ) {}

  /** The month the ETI reviews by default: the month being reported (its window open), else the previous one. */
  defaultPeriod(): Period {
    return reportingPeriod(today(this.clock).date, DEFAULT_REMINDER_SETTINGS.checkInWindowBusinessDays);
  }

  private validPeriod(period: Period | undefined): Period {
    const p = period ?? this.defaultPeriod();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(p) || p > today(this.clock).period) throw new Refusal('invalid', msg.errors.invalidRequest);
    return p;
  }

  private async requireEti(person: Person): Promise<void> {
    if (!isEti(await this.store.rolesOf(person.id))) throw new Refusal('forbidden', msg.review.onlyEti);
  }

  /** The ETI's queue for a month (ETI only). */
  async queue(person: Person, period?: Period): Promise<ReviewQueueResponse> {
    await this.requireEti(person);
    const p = this.validPeriod(period);
    const data = await this.store.loadReviewQueue(p);
    const queue = buildReviewQueue({ period: p, units: data.units, bundles: data.bundles, checkIns: data.checkIns, reviews: data.reviews });
    const names = new Map(data.people.map((x) => [x.id, x.name]));
    return {
      period: p,
      quarter: queue.quarter,
      periods: periodsAround(today(this.clock).period),
      rows: queue.rows.map((r) => ({
        unitId: r.unit.id,
        unitName: r.unit.name,
        kind: r.unit.kind,
        state: r.month.state,
        reported: r.month.reported,
        total: r.month.total,
        waitingSince: r.month.waitingSince,
        flagCount: r.flagCount,
        consistent: r.consistent,
        reviewedBy: r.review ? (names.get(r.review.actorId) ?? r.review.actorId) : null,
        reviewedAt: r.review?.at ?? null,
        version: r.review?.version ?? null,
      })),
      counts: queue.counts,
      withoutSet: queue.withoutSet.map((u) => ({ unitId: u.id, unitName: u.name })),
      quarterClosed: queue.rows.length > 0 && queue.rows.every((r) => r.setState === 'closed'),
      canAct: true,
    };
  }

  /** One unit's month as the ETI reviews it; its people (and every entity-wide role) may read it too. */
  async unitMonth(person: Person, unitId: string, period?: Period): Promise<UnitMonthReviewResponse> {
    const p = this.validPeriod(period);
    const roles = await this.store.rolesOf(person.id);
    if (!canSeeUnit(roles, unitId)) throw new Refusal('forbidden', msg.review.notVisible);
    const data = await this.store.loadUnitReview(unitId, p);
    if (!data.unit) throw new Refusal('not_found', msg.errors.notFound);
    const review = buildUnitMonthReview({ unit: data.unit, period: p, bundle: data.bundle, checkIns: data.checkIns, review: data.review });
    const names = new Map(data.people.map((x) => [x.id, x.name]));
    return this.respond(review, data.events, names, isEti(roles));
  }

  private respond(view: UnitMonthReview, events: readonly MonthReviewEvent[], names: ReadonlyMap<string, string>, canAct: boolean): UnitMonthReviewResponse {
    const name = (id: string) => names.get(id) ?? id;
    const titles = new Map(view.keyResults.map((k) => [k.keyResult.id, k.keyResult.title]));
    const history: ReviewHistoryEntry[] = events.map((e) => ({
      action: e.action,
      actorName: name(e.actorId),
      at: e.at,
      note: e.note,
      observations: e.observations.map((o) => ({ keyResultTitle: titles.get(o.keyResultId) ?? o.keyResultId, text: o.text })),
    }));
    return {
      unit: view.unit,
      period: view.period,
      quarter: view.quarter,
      state: view.month.state,
      reported: view.month.reported,
      total: view.month.total,
      version: view.review?.version ?? null,
      quarterClosed: view.setState === 'closed',
      canAct: canAct && view.setState === 'active',
      review: view.review && { state: view.review.state, actorName: name(view.review.actorId), at: view.review.at, note: view.review.note, observations: view.review.observations },
      keyResults: view.keyResults.map((k) => ({
        id: k.keyResult.id,
        title: k.keyResult.title,
        objectiveTitle: k.objectiveTitle,
        kind: k.keyResult.kind,
        unitOfMeasure: k.keyResult.unitOfMeasure,
        baseline: k.keyResult.baseline,
        target: k.keyResult.target,
        checkIn: k.checkIn && {
          value: k.checkIn.value,
          comment: k.checkIn.comment,
          evidenceUrl: k.checkIn.evidenceUrl,
          authorName: name(k.checkIn.authorId),
          createdAt: k.checkIn.createdAt,
          updatedAt: k.checkIn.updatedAt,
          version: k.checkIn.version,
        },
        progress: k.progress,
        status: k.status,
        previous: k.previous && { period: k.previous.period, value: k.previous.value, evidenceUrl: k.previous.evidenceUrl },
        flags: k.flags,
        observation: k.observation,
        corrected: k.corrected,
      })),
      history,
    };
  }

  /**
   * Closes a unit's month or asks for a correction (ETI only), if the review is still at
   * `expectedVersion` (null: none yet) — else someone acted first and nothing changes.
   */
  async decide(
    person: Person,
    args: { unitId: string; period: Period; action: MonthReviewAction; expectedVersion: number | null; note?: string | null; observations?: readonly ReviewObservation[] },
  ): Promise<ReviewDecided> {
    const period = this.validPeriod(args.period);
    // Who may decide comes first: someone else learns nothing of the unit's month (not even that the card is stale).
    const roles = await this.store.rolesOf(person.id);
    if (!isEti(roles)) throw new Refusal('forbidden', msg.review.onlyEti);
    const data = await this.store.loadUnitReview(args.unitId, period);
    if (!data.unit) throw new Refusal('not_found', msg.errors.notFound);
    const current = buildUnitMonthReview({ unit: data.unit, period, bundle: data.bundle, checkIns: data.checkIns, review: data.review });
    if ((data.review?.version ?? null) !== args.expectedVersion) throw new Refusal('conflict', msg.review.stale);
    const decision = decideReview({
      action: args.action,
      month: current.month,
      roles: roles.map((r) => r.role),
      setState: current.setState,
      period,
      unitName: data.unit.name,
      keyResults: current.keyResults.map((k) => k.keyResult),
      note: args.note ?? null,
      observations: args.observations ?? [],
    });
    if (!decision.ok) throw new Refusal(decision.reason === 'not_allowed' ? 'forbidden' : 'invalid', decision.message);
    // A correction remembers the versions of the month's check-ins: one saved again since is corrected.
    const versions = args.action === 'request_correction' ? Object.fromEntries(data.checkIns.filter((c) => c.period === period).map((c) => [c.keyResultId, c.version])) : {};
    const write = this.write(person, data.unit.id, period, args.action, { ...decision, checkInVersions: versions }, args.expectedVersion);
    let stored: MonthReview;
    try {
      stored = await this.store.saveMonthReview(write);
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.review.stale);
      throw error;
    }
    const after = buildUnitMonthReview({ unit: data.unit, period, bundle: data.bundle, checkIns: data.checkIns, review: stored });
    const notified = args.action === 'request_correction' ? await this.notices.correctionRequested({ review: after, actorName: person.name }) : [];
    return { review: after, notified };
  }

  private write(
    person: Person,
    unitId: string,
    period: Period,
    action: MonthReviewAction,
    decision: Pick<MonthReview, 'state' | 'note' | 'observations' | 'checkInVersions'>,
    expectedVersion: number | null,
  ): MonthReviewWrite {
    const at = this.clock.now().toISOString();
    const review: MonthReview = { unitId, period, actorId: person.id, at, ...decision, version: (expectedVersion ?? 0) + 1 };
    return { review, expectedVersion, event: { id: randomUUID(), unitId, period, action, actorId: person.id, at, note: decision.note, observations: decision.observations } };
  }

  /**
   * Closes at once the months of `unitIds` that are still complete, waiting and without flags (the
   * ones the ETI confirmed), all or nothing: if any of them changed meanwhile, none is closed.
   */
  async closeConsistent(person: Person, period: Period, unitIds: readonly string[]): Promise<{ closed: string[] }> {
    await this.requireEti(person);
    const p = this.validPeriod(period);
    const data = await this.store.loadReviewQueue(p);
    const queue = buildReviewQueue({ period: p, units: data.units, bundles: data.bundles, checkIns: data.checkIns, reviews: data.reviews });
    const wanted = new Set(unitIds);
    if (wanted.size === 0) throw new Refusal('invalid', msg.review.nothingToCloseInBulk);
    const rows = queue.rows.filter((r) => wanted.has(r.unit.id));
    if (rows.length !== wanted.size || rows.some((r) => !r.consistent)) throw new Refusal('conflict', msg.review.stale);
    const writes = rows.map((r) => this.write(person, r.unit.id, p, 'close', { state: 'closed', note: null, observations: [], checkInVersions: {} }, r.review?.version ?? null));
    try {
      await this.store.saveMonthReviews(writes);
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.review.stale);
      throw error;
    }
    return { closed: rows.map((r) => r.unit.id) };
  }

  /**
   * After a check-in save: when it completes a correction the ETI asked for (the month turns
   * «corregido» — that state follows from the check-ins), the step goes into the month's history
   * and the ETI member who asked is told.
   */
  async checkInsSaved(event: CheckInsSaved): Promise<void> {
    if (event.before.state !== 'correccion_pedida' || event.after.state !== 'corregido' || !event.form.review) return;
    const { unit, period, person } = event;
    await this.store.recordMonthReviewEvent({ id: randomUUID(), unitId: unit.id, period, action: 'corrected', actorId: person.id, at: this.clock.now().toISOString(), note: null, observations: [] });
    await this.notices.correctionCompleted({
      unit: event.unit,
      period: event.period,
      requesterId: event.form.review.actorId,
      correctorName: event.person.name,
      corrected: event.after.corrected.length,
    });
  }

  /**
   * A key result's months in the quarter: each value with who reported it and when, and the values
   * an edited month had before (from the audit trail: one query per edited month).
   */
  async keyResultHistory(person: Person, unitId: string, keyResultId: string, quarter = today(this.clock).quarter): Promise<KeyResultHistoryResponse> {
    if (!canSeeUnit(await this.store.rolesOf(person.id), unitId)) throw new Refusal('forbidden', msg.review.notVisible);
    const { bundle, checkIns } = await this.store.loadUnitQuarter(unitId, quarter);
    const kr = bundle?.keyResults.find((k) => k.id === keyResultId);
    if (!kr) throw new Refusal('not_found', msg.errors.notFound);
    const mine = checkIns.filter((c) => c.keyResultId === kr.id).sort((a, b) => a.period.localeCompare(b.period));
    const [trails, people] = await Promise.all([
      Promise.all(mine.map((c) => (c.version > 1 ? this.store.listAudit({ entity: 'checkIn', entityId: checkInsAuditId(unitId, c.period), limit: 1_000 }) : Promise.resolve([])))),
      this.store.listPeople(),
    ]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const name = (id: string) => names.get(id) ?? id;
    return {
      keyResult: { id: kr.id, title: kr.title, kind: kr.kind, unitOfMeasure: kr.unitOfMeasure, baseline: kr.baseline, target: kr.target },
      months: mine.map((c, i) => ({
        period: c.period,
        value: c.value,
        comment: c.comment,
        authorName: name(c.authorId),
        at: c.updatedAt,
        version: c.version,
        // Each save of the month is one entry; `before` holds the versions it replaced, this key result's among them when it changed.
        earlier: trails[i]!
          .flatMap((a) => (a.action === 'update' && Array.isArray(a.before) ? (a.before as CheckIn[]) : []))
          .filter((b) => b.keyResultId === kr.id)
          .sort((a, b) => a.version - b.version)
          .map((b) => ({ value: b.value, comment: b.comment, authorName: name(b.authorId), at: b.updatedAt })),
      })),
    };
  }
}
