import type { MonthReview, MonthReviewEvent, Period, Person, QuarterId, QuarterSnapshot, Unit } from '@okr/core';
import type { EntityQuarterData, UnitQuarterData } from './okr.js';

/** A decision of the ETI on a unit's month, written only if the stored review is still at `expectedVersion` (null: it has none yet). */
export interface MonthReviewWrite {
  review: MonthReview;
  expectedVersion: number | null;
  /** The step as the month's history shows it. */
  event: MonthReviewEvent;
}

/** A quarter's close: when, by whom, and when it was shared with the Subsecretaría and the líderes. */
export interface QuarterCloseRecord {
  quarter: QuarterId;
  closedAt: string;
  closedBy: string;
  sharedAt: string | null;
  sharedBy: string | null;
  /** The compare-and-set counter: 1 at the close, +1 when shared. */
  version: number;
}

/** A quarter's close with its frozen snapshot, as stored. */
export interface StoredQuarterClose {
  record: QuarterCloseRecord;
  snapshot: QuarterSnapshot;
}

/** The close of a quarter: the snapshot, and the quarter's loaded sets that it closes (each still at `version`). */
export interface QuarterCloseWrite {
  actorId: string;
  snapshot: QuarterSnapshot;
  sets: ReadonlyArray<{ setId: string; version: number }>;
}

/** The review queue's screen: the month's quarter for every unit, and the month's reviews (one request on SharePoint). */
export interface ReviewQueueData extends EntityQuarterData {
  reviews: MonthReview[];
  /** Who the reviewers are. */
  people: Person[];
}

/** One unit's month under review (one request on SharePoint): its quarter, the review, its history and the people who acted. */
export interface UnitReviewData extends UnitQuarterData {
  unit: Unit | null;
  review: MonthReview | null;
  events: MonthReviewEvent[];
  people: Person[];
}

/** The quarter-close screen (one request on SharePoint): the close if there is one, and what a close would freeze now. */
export interface QuarterCloseData extends EntityQuarterData {
  close: StoredQuarterClose | null;
  /** The reviews of the quarter's three months. */
  reviews: MonthReview[];
  people: Person[];
}

/** What a fresh store is filled with (the demo: reviews of the months, a closed and shared quarter). */
export interface ReviewSeed {
  monthReviews?: MonthReview[];
  monthReviewEvents?: MonthReviewEvent[];
  quarterCloses?: StoredQuarterClose[];
}

/**
 * The ETI team's review of each unit's month (closed, or a correction requested, with its history)
 * and the quarter closes with their frozen snapshots.
 */
export interface ReviewPort {
  /** The ETI's review of a unit's month; null while it has none. */
  getMonthReview(unitId: string, period: Period): Promise<MonthReview | null>;
  /** The reviews of these months (every unit, or one). */
  listMonthReviews(filter: { periods: readonly Period[]; unitId?: string }): Promise<MonthReview[]>;
  /**
   * Records a decision on a unit's month with its history event and audit entry, compare-and-set:
   * ConflictError unless the stored review is still at `expectedVersion`.
   */
  saveMonthReview(write: MonthReviewWrite): Promise<MonthReview>;
  /** Several decisions at once (closing every consistent month), all or nothing: one conflict and none is written. */
  saveMonthReviews(writes: readonly MonthReviewWrite[]): Promise<MonthReview[]>;
  /** A month's review history, oldest first. */
  listMonthReviewEvents(unitId: string, period: Period): Promise<MonthReviewEvent[]>;
  /** Adds a step that is not a decision (the enlace's correction) to a month's history, with its audit entry. */
  recordMonthReviewEvent(event: MonthReviewEvent): Promise<void>;

  loadReviewQueue(period: Period): Promise<ReviewQueueData>;
  loadUnitReview(unitId: string, period: Period): Promise<UnitReviewData>;
  loadQuarterClose(quarter: QuarterId): Promise<QuarterCloseData>;

  /** A quarter's close and its snapshot; null while the quarter is open. */
  getQuarterClose(quarter: QuarterId): Promise<StoredQuarterClose | null>;
  /**
   * Closes a quarter, all or nothing: stores the snapshot and moves each of `sets` from active to
   * closed (with its workflow event and audit entry). ConflictError if the quarter is already
   * closed or a set changed since it was read.
   */
  closeQuarter(close: QuarterCloseWrite): Promise<QuarterCloseRecord>;
  /** Records that the close was shared, compare-and-set on the record's version. */
  markQuarterShared(quarter: QuarterId, actorId: string, expectedVersion: number): Promise<QuarterCloseRecord>;
}
