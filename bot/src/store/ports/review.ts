import type { MonthReview, Period } from '@okr/core';

/** The ETI team's review of each unit's month (closed, or a correction requested). */
export interface ReviewPort {
  /** The ETI's review of a unit's month; null while the month is open. */
  getMonthReview(unitId: string, period: Period): Promise<MonthReview | null>;
  /** Records (or replaces) the review of a unit's month, with its audit entry. */
  saveMonthReview(review: MonthReview): Promise<void>;
}
