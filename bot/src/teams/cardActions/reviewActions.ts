import { REVIEW_LIMITS, reviewBotText, type Period, type ReviewObservation } from '@okr/core';
import { calendarMonth, parseInput, userText } from '../../input/schemas.js';
import type { Actor, CardAction, CardReply } from '../handlers.js';
import { Refusal } from '../../services/refusal.js';
import type { ReviewService } from '../../services/review.js';
import {
  bulkConfirmCard,
  bulkDoneCard,
  correctionRequestedCard,
  monthClosedCard,
  NOTE_INPUT,
  observationInput,
  REVIEW_BULK,
  REVIEW_BULK_CONFIRM,
  REVIEW_CLOSE,
  REVIEW_OPEN,
  REVIEW_QUEUE,
  REVIEW_REQUEST,
  reviewQueueCard,
  unitReviewCard,
} from '../cards/reviewCards.js';
import { card, executeAction, heading, text } from '../cards/elements.js';
import { reviewMonthLink } from '../tabLinks.js';

type Deps = { monthReview: ReviewService };

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** The month a card names, through the REST API's schema; none (the month being reported) when absent. */
const month = (v: unknown): Period | undefined => (v === undefined || v === null || v === '' ? undefined : parseInput(calendarMonth, v));
const note = (v: unknown): string => parseInput(userText(REVIEW_LIMITS.noteMax), str(v));
const version = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

/**
 * A refusal (not the ETI, a stale card, a month that cannot be closed) comes back as a card with the
 * Spanish reason and a way back to the unit or the queue; nothing was changed.
 */
async function refused(data: Record<string, unknown>, run: () => Promise<CardReply>): Promise<CardReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const period = str(data.period);
    const unitId = str(data.unitId);
    const back = unitId && calendarMonth.safeParse(period).success ? executeAction(reviewBotText.queue.open, REVIEW_OPEN, { unitId, period }) : executeAction(reviewBotText.unit.back, REVIEW_QUEUE, {});
    return card([heading(error.code === 'forbidden' ? reviewBotText.notEti.title : reviewBotText.refused), text(error.message)], error.code === 'forbidden' ? [] : [back]);
  }
}

const queue = (actor: Actor<Deps>, period?: string) =>
  actor.deps.monthReview.queue(actor.person, period || undefined).then((q) => reviewQueueCard(q, actor.deps.tabUrl(undefined, { view: 'revision' })));

export const reviewQueueAction: CardAction<Deps> = {
  verb: REVIEW_QUEUE,
  run: (actor, data) => refused(data, () => queue(actor, month(data.period))),
};

export const reviewOpenAction: CardAction<Deps> = {
  verb: REVIEW_OPEN,
  run: (actor, data) =>
    refused(data, async () => {
      const view = await actor.deps.monthReview.unitMonth(actor.person, str(data.unitId), month(data.period));
      return unitReviewCard(view, reviewMonthLink(actor.deps.tabUrl, view.unit.id, view.period));
    }),
};

export const reviewCloseAction: CardAction<Deps> = {
  verb: REVIEW_CLOSE,
  run: (actor, data) =>
    refused(data, async () => {
      const { review } = await actor.deps.monthReview.decide(actor.person, { unitId: str(data.unitId), period: parseInput(calendarMonth, data.period), action: 'close', expectedVersion: version(data.version), note: note(data[NOTE_INPUT]) });
      return monthClosedCard(review);
    }),
};

export const reviewRequestAction: CardAction<Deps> = {
  verb: REVIEW_REQUEST,
  run: (actor, data) =>
    refused(data, async () => {
      const prefix = observationInput('');
      const observations: ReviewObservation[] = Object.entries(data)
        .filter(([key, value]) => key.startsWith(prefix) && str(value).trim() !== '')
        .map(([key, value]) => ({ keyResultId: key.slice(prefix.length), text: parseInput(userText(REVIEW_LIMITS.observationMax), str(value)) }));
      const { review, notified } = await actor.deps.monthReview.decide(actor.person, {
        unitId: str(data.unitId),
        period: parseInput(calendarMonth, data.period),
        action: 'request_correction',
        expectedVersion: version(data.version),
        note: note(data[NOTE_INPUT]),
        observations,
      });
      return correctionRequestedCard(review, notified);
    }),
};

export const reviewBulkAction: CardAction<Deps> = {
  verb: REVIEW_BULK,
  run: (actor, data) => refused(data, async () => bulkConfirmCard(await actor.deps.monthReview.queue(actor.person, month(data.period)))),
};

export const reviewBulkConfirmAction: CardAction<Deps> = {
  verb: REVIEW_BULK_CONFIRM,
  run: (actor, data) =>
    refused(data, async () => {
      const period = parseInput(calendarMonth, data.period);
      const unitIds = str(data.unitIds).split(',').filter((id) => id !== '');
      const { closed } = await actor.deps.monthReview.closeConsistent(actor.person, period, unitIds);
      return bulkDoneCard(period, closed.length);
    }),
};

export const reviewActions = [reviewQueueAction, reviewOpenAction, reviewCloseAction, reviewRequestAction, reviewBulkAction, reviewBulkConfirmAction];
