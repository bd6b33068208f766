import type { Period } from './types.js';
import { msg } from './i18n/es-CO.js';
import { periodLabel } from './quarter.js';

/**
 * The ETI team's review of a unit's monthly report (seed 000, activity 7). A month with no review
 * is open. Complete and consistent → closed. Inconsistent → a correction is requested from the
 * enlace, who may then edit again until the ETI closes the month.
 */
export type MonthReviewState = 'closed' | 'correction_requested';

export interface MonthReview {
  unitId: string;
  period: Period;
  state: MonthReviewState;
  actorId: string;
  at: string;
  note: string | null;
}

/** Whether check-ins of a month may still be created or edited, and why not. */
export function checkInsEditable(review: MonthReview | null, unitName: string): { ok: true } | { ok: false; message: string } {
  if (!review || review.state === 'correction_requested') return { ok: true };
  return { ok: false, message: msg.checkIn.monthClosed(unitName, periodLabel(review.period)) };
}
