import type { MonthReview } from '@okr/core';
import type { ReviewPort } from '../../ports/review.js';
import { monthReviewId } from '../../rules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

const toMonthReview = (r: Row): MonthReview => ({
  unitId: r.unit_id as string,
  period: r.period as string,
  state: r.state as MonthReview['state'],
  actorId: r.actor_id as string,
  at: r.at as string,
  note: (r.note as string | null) ?? null,
});

/** The ETI team's review of each unit's month. */
export const reviewSqlite: SqliteModule<ReviewPort> = {
  name: 'review',
  migrations: [
    {
      version: 1,
      legacy: 2,
      name: 'monthly review of each unit by the ETI team (closed / correction requested)',
      sql: `
      CREATE TABLE month_reviews (
        unit_id TEXT NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('closed','correction_requested')),
        actor_id TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        PRIMARY KEY (unit_id, period)
      );`,
    },
  ],
  tables: { month_reviews: 'monthReview' },

  repository: (db: SqliteDb): ReviewPort => {
    const find = (unitId: string, period: string) => db.one(toMonthReview, 'SELECT * FROM month_reviews WHERE unit_id = ? AND period = ?', unitId, period);
    return {
      async getMonthReview(unitId, period) {
        return find(unitId, period);
      },
      async saveMonthReview(review) {
        db.tx(() => {
          const before = find(review.unitId, review.period);
          db.run(
            `INSERT INTO month_reviews (unit_id, period, state, actor_id, at, note) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(unit_id, period) DO UPDATE SET state = excluded.state, actor_id = excluded.actor_id, at = excluded.at, note = excluded.note`,
            review.unitId, review.period, review.state, review.actorId, review.at, review.note,
          );
          db.audit(review.actorId, 'monthReview', monthReviewId(review.unitId, review.period), before ? 'update' : 'create', before, review);
        });
      },
    };
  },
};
