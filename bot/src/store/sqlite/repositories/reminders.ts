import { reminderKeyString } from '@okr/core';
import type { ReminderKind } from '@okr/core';
import { REMINDER_MAX_ATTEMPTS, type ReminderControl, type ReminderLogEntry, type ReminderLogState, type RemindersPort, type ReminderSnooze } from '../../ports/reminders.js';
import { errorText, normaliseMutedKinds, RETRY_NOTE } from '../../rules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

const toReminderLog = (r: Row): ReminderLogEntry => ({
  key: r.key as string,
  kind: r.kind as ReminderKind,
  personId: r.person_id as string,
  subject: r.subject as string,
  period: r.period as string,
  step: r.step as number,
  state: r.state as ReminderLogState,
  owner: r.owner as string,
  claimedAt: r.claimed_at as string,
  sentAt: (r.sent_at as string | null) ?? null,
  error: (r.error as string | null) ?? null,
  attempts: r.attempts as number,
});
const toSnooze = (r: Row): ReminderSnooze => ({
  key: { kind: r.kind as ReminderKind, personId: r.person_id as string, subject: r.subject as string, period: r.period as string, step: r.step as number },
  until: r.until as string,
  count: r.count as number,
});
const toControl = (r: Row): ReminderControl => ({ paused: r.paused === 1, actorId: (r.actor_id as string | null) ?? null, at: (r.at as string | null) ?? null });

/** The reminder log (claim once), the global pause, snoozes and each person's muted kinds. */
export const remindersSqlite: SqliteModule<RemindersPort> = {
  name: 'reminders',
  migrations: [
    {
      version: 1,
      legacy: 4,
      name: 'reminders: log keyed by reminder key (claim once), global pause switch, snoozes, preferences',
      sql: `
      CREATE TABLE reminder_log (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        person_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        period TEXT NOT NULL,
        step INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed','sent','failed')),
        owner TEXT NOT NULL,
        claimed_at TEXT NOT NULL,
        sent_at TEXT,
        error TEXT,
        attempts INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX reminder_log_person ON reminder_log(person_id);
      CREATE INDEX reminder_log_state ON reminder_log(state);
      CREATE INDEX reminder_log_period ON reminder_log(period);
      CREATE TABLE reminder_control (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        paused INTEGER NOT NULL,
        actor_id TEXT,
        at TEXT
      );
      CREATE TABLE reminder_snoozes (
        key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        person_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        period TEXT NOT NULL,
        step INTEGER NOT NULL,
        until TEXT NOT NULL,
        count INTEGER NOT NULL
      );
      CREATE INDEX reminder_snoozes_person ON reminder_snoozes(person_id);
      CREATE TABLE reminder_preferences (
        person_id TEXT PRIMARY KEY,
        muted_kinds TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );`,
    },
  ],
  // The log is a trail of its own (who claimed, sent or failed what, when); the administrator's
  // «Reenviar» is audited all the same. A snooze is the person's own «mañana», kept in its entry.
  tables: { reminder_log: null, reminder_snoozes: null, reminder_control: 'reminderControl', reminder_preferences: 'reminderPreferences' },

  repository: (db: SqliteDb): RemindersPort => ({
    async claimReminder(key, owner, at) {
      const id = reminderKeyString(key);
      // One statement each, so two connections (two server instances) can never both win.
      const inserted = db.run(
   `INSERT INTO reminder_log (key, kind, person_id, subject, period, step, state, owner, claimed_at, attempts)
         VALUES (?, ?, ?, ?, ?, ?, 'claimed', ?, ?, 1) ON CONFLICT(key) DO NOTHING`,
   id, key.kind, key.personId, key.subject, key.period, key.step, owner, at,
 );
      if (inserted === 1) return true;
      const retaken = db.run(
   `UPDATE reminder_log SET state = 'claimed', owner = ?, claimed_at = ?, attempts = attempts + 1
         WHERE key = ? AND state = 'failed' AND attempts < ?`,
   owner, at, id, REMINDER_MAX_ATTEMPTS,
 );
      return retaken === 1;
    },

    async markReminderSent(key, owner, at) {
      db.run("UPDATE reminder_log SET state = 'sent', sent_at = ?, error = NULL WHERE key = ? AND owner = ? AND state = 'claimed'", at, key, owner);
    },

    async markReminderFailed(key, owner, at, error) {
      db.run("UPDATE reminder_log SET state = 'failed', error = ?, claimed_at = ? WHERE key = ? AND owner = ? AND state = 'claimed'", errorText(error), at, key, owner);
    },

    async retryReminder(key, actorId) {
      return db.tx(() => {
        const before = db.get('SELECT * FROM reminder_log WHERE key = ?', key);
        if (!before || before.state === 'sent') return false;
        db.run("UPDATE reminder_log SET state = 'failed', attempts = 0, owner = ?, error = ? WHERE key = ?", actorId, RETRY_NOTE, key);
        db.audit(actorId, 'reminder', key, 'update', toReminderLog(before), toReminderLog(db.get('SELECT * FROM reminder_log WHERE key = ?', key)!));
        return true;
      });
    },

    async listReminderLog(filter = {}) {
      if (filter.states?.length === 0 || filter.periods?.length === 0) return [];
      const { where, args } = db.where([['person_id', filter.personId || undefined], ['state', filter.states], ['period', filter.periods]]);
      return db.all(`SELECT * FROM reminder_log ${where} ORDER BY COALESCE(sent_at, claimed_at) DESC, key LIMIT ?`, ...args, filter.limit ?? 200).map(toReminderLog);
    },

    async getReminderControl() {
      const row = db.get('SELECT * FROM reminder_control WHERE id = 1');
      return row ? toControl(row) : { paused: false, actorId: null, at: null };
    },

    async setRemindersPaused(paused, actorId) {
      return db.tx(() => {
        const row = db.get('SELECT * FROM reminder_control WHERE id = 1');
        const after: ReminderControl = { paused, actorId, at: db.now().toISOString() };
        db.run(
          'INSERT INTO reminder_control (id, paused, actor_id, at) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET paused = excluded.paused, actor_id = excluded.actor_id, at = excluded.at',
          paused ? 1 : 0, actorId, after.at,
        );
        db.audit(actorId, 'reminderControl', 'global', row ? 'update' : 'create', row ? toControl(row) : null, after);
        return after;
      });
    },

    async snoozeReminder(key, until) {
      const id = reminderKeyString(key);
      db.run(
        `INSERT INTO reminder_snoozes (key, kind, person_id, subject, period, step, until, count) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT(key) DO UPDATE SET until = excluded.until, count = count + 1`,
        id, key.kind, key.personId, key.subject, key.period, key.step, until,
      );
      return toSnooze(db.get('SELECT * FROM reminder_snoozes WHERE key = ?', id)!);
    },

    async listReminderSnoozes(filter = {}) {
      const rows = filter.personId ? db.all('SELECT * FROM reminder_snoozes WHERE person_id = ? ORDER BY until, key', filter.personId) : db.all('SELECT * FROM reminder_snoozes ORDER BY until, key');
      return rows.map(toSnooze);
    },

    async listReminderPreferences(personId) {
      const rows = personId ? db.all('SELECT * FROM reminder_preferences WHERE person_id = ?', personId) : db.all('SELECT * FROM reminder_preferences ORDER BY person_id');
      return rows.map((r) => ({ personId: r.person_id as string, mutedKinds: JSON.parse(r.muted_kinds as string) as ReminderKind[] }));
    },

    async setReminderPreferences(prefs, actorId) {
      db.tx(() => {
        const row = db.get('SELECT * FROM reminder_preferences WHERE person_id = ?', prefs.personId);
        const mutedKinds = normaliseMutedKinds(prefs.mutedKinds);
        db.run(
          'INSERT INTO reminder_preferences (person_id, muted_kinds, updated_at) VALUES (?, ?, ?) ON CONFLICT(person_id) DO UPDATE SET muted_kinds = excluded.muted_kinds, updated_at = excluded.updated_at',
          prefs.personId, JSON.stringify(mutedKinds), db.now().toISOString(),
        );
        const before = row ? { personId: prefs.personId, mutedKinds: JSON.parse(row.muted_kinds as string) } : null;
        db.audit(actorId, 'reminderPreferences', prefs.personId, row ? 'update' : 'create', before, { personId: prefs.personId, mutedKinds });
      });
    },
  }),
};
