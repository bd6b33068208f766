import { quarterMonths, quarterOf, type MonthReview, type MonthReviewEvent, type QuarterSnapshot, type QuarterSummary, type SnapshotUnit } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { MonthReviewWrite, QuarterCloseRecord, ReviewPort, StoredQuarterClose } from '../../ports/review.js';
import { monthReviewId } from '../../rules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';
import { directorySqlite } from './directory.js';
import { okrSqlite, transitionSetNow } from './okr.js';

const toMonthReview = (r: Row): MonthReview => ({
  unitId: r.unit_id as string,
  period: r.period as string,
  state: r.state as MonthReview['state'],
  actorId: r.actor_id as string,
  at: r.at as string,
  note: (r.note as string | null) ?? null,
  observations: JSON.parse(r.observations_json as string),
  checkInVersions: JSON.parse(r.versions_json as string),
  version: r.version as number,
});
const toEvent = (r: Row): MonthReviewEvent => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  period: r.period as string,
  action: r.action as MonthReviewEvent['action'],
  actorId: r.actor_id as string,
  at: r.at as string,
  note: (r.note as string | null) ?? null,
  observations: JSON.parse(r.observations_json as string),
});
const toCloseRecord = (r: Row): QuarterCloseRecord => ({
  quarter: r.quarter as QuarterCloseRecord['quarter'],
  closedAt: r.closed_at as string,
  closedBy: r.closed_by as string,
  sharedAt: (r.shared_at as string | null) ?? null,
  sharedBy: (r.shared_by as string | null) ?? null,
  version: r.version as number,
});

const INSERT_EVENT = 'INSERT INTO month_review_events (id, unit_id, period, action, actor_id, at, note, observations_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const UPSERT_REVIEW = `INSERT INTO month_reviews (unit_id, period, state, actor_id, at, note, observations_json, versions_json, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT(unit_id, period) DO UPDATE SET state = excluded.state, actor_id = excluded.actor_id, at = excluded.at, note = excluded.note,
  observations_json = excluded.observations_json, versions_json = excluded.versions_json, version = excluded.version`;
const upsert = (db: SqliteDb, r: MonthReview) =>
  db.run(UPSERT_REVIEW, r.unitId, r.period, r.state, r.actorId, r.at, r.note, JSON.stringify(r.observations), JSON.stringify(r.checkInVersions), r.version);
const INSERT_CLOSE = 'INSERT INTO quarter_closes (quarter, closed_at, closed_by, shared_at, shared_by, version, as_of, closed_by_name, summary_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_CLOSE_UNIT = 'INSERT INTO quarter_close_units (quarter, unit_id, ord, snapshot_json) VALUES (?, ?, ?, ?)';

function insertClose(db: SqliteDb, record: QuarterCloseRecord, snapshot: QuarterSnapshot): void {
  db.run(INSERT_CLOSE, record.quarter, record.closedAt, record.closedBy, record.sharedAt, record.sharedBy, record.version, snapshot.asOf, snapshot.closedByName, JSON.stringify(snapshot.summary));
  snapshot.units.forEach((u, i) => db.run(INSERT_CLOSE_UNIT, record.quarter, u.unitId, i, JSON.stringify(u)));
}

/** The ETI team's review of each unit's month with its history, and the quarter closes with their snapshots. */
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
    {
      version: 2,
      name: 'month reviews: observations per key result, version, history; quarter closes with their snapshot',
      sql: `
      ALTER TABLE month_reviews ADD COLUMN observations_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE month_reviews ADD COLUMN versions_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE month_reviews ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX month_reviews_period ON month_reviews(period);
      CREATE TABLE month_review_events (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('close','request_correction','corrected')),
        actor_id TEXT NOT NULL,
        at TEXT NOT NULL,
        note TEXT,
        observations_json TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX month_review_events_unit ON month_review_events(unit_id, period);
      CREATE TABLE quarter_closes (
        quarter TEXT PRIMARY KEY,
        closed_at TEXT NOT NULL,
        closed_by TEXT NOT NULL,
        shared_at TEXT,
        shared_by TEXT,
        version INTEGER NOT NULL,
        as_of TEXT NOT NULL,
        closed_by_name TEXT NOT NULL,
        summary_json TEXT NOT NULL
      );
      CREATE TABLE quarter_close_units (
        quarter TEXT NOT NULL REFERENCES quarter_closes(quarter),
        unit_id TEXT NOT NULL,
        ord INTEGER NOT NULL,
        snapshot_json TEXT NOT NULL,
        PRIMARY KEY (quarter, unit_id)
      );`,
    },
  ],
  // A month's history is written only with its review's audit entry; a snapshot's units only with its close's.
  tables: { month_reviews: 'monthReview', month_review_events: 'monthReview', quarter_closes: 'quarterClose', quarter_close_units: 'quarterClose' },

  seed(db, data) {
    for (const r of data.monthReviews ?? []) upsert(db, r);
    for (const e of data.monthReviewEvents ?? []) db.run(INSERT_EVENT, e.id, e.unitId, e.period, e.action, e.actorId, e.at, e.note, JSON.stringify(e.observations));
    for (const c of data.quarterCloses ?? []) insertClose(db, c.record, c.snapshot);
  },

  repository: (db: SqliteDb): ReviewPort => {
    const okr = okrSqlite.repository(db);
    const directory = directorySqlite.repository(db);
    const find = (unitId: string, period: string) => db.one(toMonthReview, 'SELECT * FROM month_reviews WHERE unit_id = ? AND period = ?', unitId, period);
    const events = (unitId: string, period: string) => db.all('SELECT * FROM month_review_events WHERE unit_id = ? AND period = ? ORDER BY at, rowid', unitId, period).map(toEvent);
    const listReviews = (periods: readonly string[], unitId?: string) => {
      const { where, args } = db.where([['period', periods], ['unit_id', unitId]]);
      return periods.length === 0 ? [] : db.all(`SELECT * FROM month_reviews ${where} ORDER BY period, unit_id`, ...args).map(toMonthReview);
    };
    const getClose = (quarter: string): StoredQuarterClose | null => {
      const head = db.get('SELECT * FROM quarter_closes WHERE quarter = ?', quarter);
      if (!head) return null;
      const record = toCloseRecord(head);
      const units = db.all('SELECT snapshot_json FROM quarter_close_units WHERE quarter = ? ORDER BY ord', quarter).map((r) => JSON.parse(r.snapshot_json as string) as SnapshotUnit);
      const snapshot: QuarterSnapshot = {
        quarter: record.quarter,
        asOf: head.as_of as string,
        closedAt: record.closedAt,
        closedBy: record.closedBy,
        closedByName: head.closed_by_name as string,
        summary: JSON.parse(head.summary_json as string) as QuarterSummary,
        units,
      };
      return { record, snapshot };
    };
    const saveAll = (writes: readonly MonthReviewWrite[]): MonthReview[] =>
      db.tx(() =>
        writes.map(({ review, expectedVersion, event }) => {
          const before = find(review.unitId, review.period);
          if ((before?.version ?? null) !== expectedVersion) throw new ConflictError(`month review ${review.unitId} ${review.period} changed`);
          const stored: MonthReview = { ...review, version: (expectedVersion ?? 0) + 1 };
          upsert(db, stored);
          db.run(INSERT_EVENT, event.id, event.unitId, event.period, event.action, event.actorId, event.at, event.note, JSON.stringify(event.observations));
          db.audit(stored.actorId, 'monthReview', monthReviewId(stored.unitId, stored.period), before ? 'update' : 'create', before, stored);
          return stored;
        }),
      );

    return {
      async getMonthReview(unitId, period) {
        return find(unitId, period);
      },
      async listMonthReviews({ periods, unitId }) {
        return listReviews(periods, unitId);
      },
      async saveMonthReview(write) {
        return saveAll([write])[0]!;
      },
      async saveMonthReviews(writes) {
        return saveAll(writes);
      },
      async listMonthReviewEvents(unitId, period) {
        return events(unitId, period);
      },
      async recordMonthReviewEvent(e) {
        db.tx(() => {
          db.run(INSERT_EVENT, e.id, e.unitId, e.period, e.action, e.actorId, e.at, e.note, JSON.stringify(e.observations));
          db.audit(e.actorId, 'monthReview', monthReviewId(e.unitId, e.period), 'update', null, e);
        });
      },

      async loadReviewQueue(period) {
        const [data, people] = await Promise.all([okr.loadEntityQuarter(quarterOf(`${period}-01`)), directory.listPeople()]);
        return { ...data, reviews: listReviews([period]), people };
      },
      async loadUnitReview(unitId, period) {
        const [data, unit, people] = await Promise.all([okr.loadUnitQuarter(unitId, quarterOf(`${period}-01`)), directory.getUnit(unitId), directory.listPeople()]);
        return { ...data, unit, review: find(unitId, period), events: events(unitId, period), people };
      },
      async loadQuarterClose(quarter) {
        const [data, people] = await Promise.all([okr.loadEntityQuarter(quarter), directory.listPeople()]);
        return { ...data, close: getClose(quarter), reviews: listReviews(quarterMonths(quarter)), people };
      },

      async getQuarterClose(quarter) {
        return getClose(quarter);
      },
      async closeQuarter({ actorId, snapshot, sets }) {
        return db.tx(() => {
          if (db.get('SELECT 1 FROM quarter_closes WHERE quarter = ?', snapshot.quarter)) throw new ConflictError(`quarter ${snapshot.quarter} already closed`);
          const record: QuarterCloseRecord = { quarter: snapshot.quarter, closedAt: snapshot.closedAt, closedBy: actorId, sharedAt: null, sharedBy: null, version: 1 };
          insertClose(db, record, snapshot);
          for (const s of sets) transitionSetNow(db, { actorId, setId: s.setId, action: 'close', from: 'active', to: 'closed', expectedVersion: s.version, comment: null });
          db.audit(actorId, 'quarterClose', snapshot.quarter, 'create', null, { ...record, summary: snapshot.summary, sets: sets.length });
          return record;
        });
      },
      async markQuarterShared(quarter, actorId, expectedVersion) {
        return db.tx(() => {
          const head = db.get('SELECT * FROM quarter_closes WHERE quarter = ?', quarter);
          if (!head || head.version !== expectedVersion) throw new ConflictError(`quarter close ${quarter} changed`);
          const before = toCloseRecord(head);
          const after: QuarterCloseRecord = { ...before, sharedAt: db.now().toISOString(), sharedBy: actorId, version: before.version + 1 };
          db.run('UPDATE quarter_closes SET shared_at = ?, shared_by = ?, version = ? WHERE quarter = ?', after.sharedAt, after.sharedBy, after.version, quarter);
          db.audit(actorId, 'quarterClose', quarter, 'update', before, after);
          return after;
        });
      },
    };
  },
};
