import { registerReviewRoutes } from '../api/reviewRoutes.js';
import { QuarterCloseService } from '../services/quarterClose.js';
import { ReviewService } from '../services/review.js';
import { reviewActions } from '../teams/cardActions/reviewActions.js';
import { revisionCommand } from '../teams/commands/revisionCommand.js';
import { reviewNotices } from '../teams/reviewNotices.js';
import { defineModule } from './module.js';
import { okr } from './okr.js';

/**
 * Review: the ETI's month (seed 000, activities 6–7.1) — the review queue, consistency flags,
 * closing a unit's month or asking for a correction, a key result's history, and the quarter close
 * with its frozen snapshot and .xlsx. Uses the OKR module to hear of check-ins saved (a correction
 * completed is told to the ETI member who asked).
 */
export const review = defineModule({
  name: 'review',
  uses: [okr],
  services: (ctx) => {
    const notices = ctx.proactive ? reviewNotices(ctx, ctx.proactive) : undefined;
    const monthReview = new ReviewService(ctx.store, ctx.clock, notices);
    ctx.checkIns.onSaved((event) =>
      monthReview.checkInsSaved(event).catch((error: unknown) => ctx.log.warn({ err: error, unitId: event.unit.id, period: event.period }, 'could not tell the ETI of a correction')),
    );
    return { monthReview, quarterClose: new QuarterCloseService(ctx.store, ctx.clock, notices) };
  },
  commands: [revisionCommand],
  cardActions: reviewActions,
  routes: [registerReviewRoutes],
});
