import type { MonthReview } from '@okr/core';
import type { ReviewPort } from '../../ports/review.js';
import { monthReviewId } from '../../rules.js';
import type { SharePointModule } from '../engine.js';
import { str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, note, recordKey, text, type ListSpec } from '../schema.js';

export const REVIEW_LISTS = {
  monthReviews: {
    name: 'OkrRevisionesMes',
    description: 'Revisión del ETI del mes de cada unidad (cerrado o corrección solicitada)',
    columns: [
      recordKey('unidad|mes'),
      idempotencyKey,
      text('UnitId', 'id de la unidad'),
      text('Period', 'mes'),
      text('State', 'closed o correction_requested'),
      text('ActorId', 'quien revisó'),
      text('ReviewedAt', 'cuándo (ISO 8601)'),
      note('ReviewNote', 'observación'),
    ],
    audit: 'monthReview',
  },
} satisfies Record<string, ListSpec>;

const monthReviewKey = (unitId: string, period: string): string => `${unitId}|${period}`;

const monthReviewFields = (r: MonthReview): Fields => ({
  RecordKey: monthReviewKey(r.unitId, r.period),
  Title: title(`${r.unitId} ${r.period}`),
  UnitId: r.unitId,
  Period: r.period,
  State: r.state,
  ActorId: r.actorId,
  ReviewedAt: r.at,
  ReviewNote: r.note,
});
const toMonthReview = (f: Fields): MonthReview => ({
  unitId: str(f, 'UnitId'),
  period: str(f, 'Period'),
  state: str(f, 'State') as MonthReview['state'],
  actorId: str(f, 'ActorId'),
  at: str(f, 'ReviewedAt'),
  note: strOrNull(f, 'ReviewNote'),
});

/** The ETI team's review of each unit's month. */
export const reviewSharePoint: SharePointModule<ReviewPort, typeof REVIEW_LISTS> = {
  lists: REVIEW_LISTS,
  repository: (engine): ReviewPort => {
    const list = REVIEW_LISTS.monthReviews;
    return {
      async getMonthReview(unitId, period) {
        const item = await engine.item(list, monthReviewKey(unitId, period));
        return item ? toMonthReview(item.fields) : null;
      },
      async saveMonthReview(review) {
        const item = await engine.item(list, monthReviewKey(review.unitId, review.period));
        const fields = monthReviewFields(review);
        const before = item ? toMonthReview(item.fields) : null;
        await engine.write([
          item ? engine.update(list, item, fields) : engine.create(list, fields),
          engine.audit({ actorId: review.actorId, entity: 'monthReview', entityId: monthReviewId(review.unitId, review.period), action: before ? 'update' : 'create', before, after: review }),
        ]);
      },
    };
  },
};
