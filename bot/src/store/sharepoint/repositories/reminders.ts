import { reminderKeyString, type ReminderKey, type ReminderKind } from '@okr/core';
import { ConflictError } from '../../errors.js';
import { REMINDER_MAX_ATTEMPTS, type ReminderControl, type ReminderLogEntry, type ReminderPreferences, type RemindersPort, type ReminderSnooze } from '../../ports/reminders.js';
import { errorText, normaliseMutedKinds, RETRY_NOTE } from '../../rules.js';
import type { Item, SharePointModule } from '../engine.js';
import { binary, queriesOf } from './itemTools.js';
import { num, str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, number, recordKey, text, type ListSpec } from '../schema.js';

export const REMINDERS_LISTS = {
  reminderLog: {
    name: 'OkrRecordatorios',
    description: 'Registro de recordatorios: cada clave se reclama una sola vez (exactamente un envío)',
    columns: [
      recordKey('tipo|persona|asunto|mes|paso'),
      idempotencyKey,
      text('Kind', 'tipo de recordatorio'),
      indexed('PersonId', 'a quién'),
      text('Subject', 'unidad, o entity para resúmenes'),
      indexed('Period', 'mes del que trata'),
      number('Step', 'paso de la secuencia'),
      indexed('State', 'claimed, sent o failed'),
      text('Owner', 'instancia del programador que lo reclamó'),
      text('ClaimedAt', 'reclamado (ISO 8601)'),
      text('SentAt', 'enviado (ISO 8601)'),
      note('ErrorText', 'error de Teams'),
      number('Attempts', 'intentos'),
    ],
    // The log is a trail of its own (who claimed, sent or failed what, when); the administrator's
    // «Reenviar» is audited all the same.
    audit: null,
  },
  reminderControl: {
    name: 'OkrControlRecordatorios',
    description: 'Interruptor global de los recordatorios',
    columns: [recordKey('global'), idempotencyKey, number('Paused', '1 = en pausa'), text('ActorId', 'quién lo cambió'), text('At', 'cuándo (ISO 8601)')],
    audit: 'reminderControl',
    small: true,
  },
  reminderSnoozes: {
    name: 'OkrAplazamientos',
    description: '«Recordarme mañana»: recordatorios aplazados',
    columns: [
      recordKey('tipo|persona|asunto|mes|paso'),
      idempotencyKey,
      text('Kind', 'tipo de recordatorio'),
      indexed('PersonId', 'a quién'),
      text('Subject', 'unidad, o entity'),
      text('Period', 'mes'),
      number('Step', 'paso'),
      text('Until', 'vuelve a enviarse desde (ISO 8601)'),
      number('SnoozeCount', 'veces aplazado'),
    ],
    // The person's own «mañana», kept in its entry (as in the SQLite store).
    audit: null,
  },
  reminderPreferences: {
    name: 'OkrPreferenciasRecordatorio',
    description: 'Tipos de recordatorio que cada persona silenció',
    columns: [recordKey('id de la persona'), idempotencyKey, text('MutedKinds', 'tipos silenciados (JSON)'), text('UpdatedAt', 'actualizado (ISO 8601)')],
    audit: 'reminderPreferences',
    small: true,
  },
} satisfies Record<string, ListSpec>;

const reminderLogFields = (e: Omit<ReminderLogEntry, 'key'>): Fields => {
  const key = reminderKeyString(e);
  return {
    RecordKey: key,
    Title: title(key),
    Kind: e.kind,
    PersonId: e.personId,
    Subject: e.subject,
    Period: e.period,
    Step: e.step,
    State: e.state,
    Owner: e.owner,
    ClaimedAt: e.claimedAt,
    SentAt: e.sentAt,
    ErrorText: e.error,
    Attempts: e.attempts,
  };
};
const toReminderLog = (f: Fields): ReminderLogEntry => ({
  key: str(f, 'RecordKey'),
  kind: str(f, 'Kind') as ReminderKind,
  personId: str(f, 'PersonId'),
  subject: str(f, 'Subject'),
  period: str(f, 'Period'),
  step: num(f, 'Step'),
  state: str(f, 'State') as ReminderLogEntry['state'],
  owner: str(f, 'Owner'),
  claimedAt: str(f, 'ClaimedAt'),
  sentAt: strOrNull(f, 'SentAt'),
  error: strOrNull(f, 'ErrorText'),
  attempts: num(f, 'Attempts'),
});

const snoozeFields = (key: ReminderKey, until: string, count: number): Fields => ({
  RecordKey: reminderKeyString(key),
  Title: title(reminderKeyString(key)),
  Kind: key.kind,
  PersonId: key.personId,
  Subject: key.subject,
  Period: key.period,
  Step: key.step,
  Until: until,
  SnoozeCount: count,
});
const toSnooze = (f: Fields): ReminderSnooze => ({
  key: { kind: str(f, 'Kind') as ReminderKind, personId: str(f, 'PersonId'), subject: str(f, 'Subject'), period: str(f, 'Period'), step: num(f, 'Step') },
  until: str(f, 'Until'),
  count: num(f, 'SnoozeCount'),
});

const controlOf = (f: Fields): ReminderControl => ({ paused: Number(f.Paused ?? 0) === 1, actorId: (f.ActorId as string | undefined) ?? null, at: (f.At as string | undefined) ?? null });
const preferencesOf = (f: Fields): ReminderPreferences => ({ personId: String(f.RecordKey), mutedKinds: JSON.parse(String(f.MutedKinds ?? '[]')) });

/** The reminder log (claim once), the global pause, snoozes and each person's muted kinds. */
export const remindersSharePoint: SharePointModule<RemindersPort, typeof REMINDERS_LISTS> = {
  lists: REMINDERS_LISTS,
  repository: (engine): RemindersPort => {
    const { reminderLog, reminderControl, reminderSnoozes, reminderPreferences } = REMINDERS_LISTS;
    return {
      /** Exactly one claimer wins: the create of the unique key, or the If-Match takeover of a failed entry. */
      async claimReminder(key, owner, at) {
        const entry = { ...key, state: 'claimed' as const, owner, claimedAt: at, sentAt: null, error: null, attempts: 1 };
        try {
          await engine.write([engine.create(reminderLog, reminderLogFields(entry))]);
          return true;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
        }
        return engine.changeWhere(reminderLog, reminderKeyString(key), (f) =>
          f.State === 'failed' && Number(f.Attempts) < REMINDER_MAX_ATTEMPTS ? { State: 'claimed', Owner: owner, ClaimedAt: at, Attempts: Number(f.Attempts) + 1 } : null,
        );
      },

      async markReminderSent(key, owner, at) {
        await engine.changeWhere(reminderLog, key, (f) => (f.Owner === owner && f.State === 'claimed' ? { State: 'sent', SentAt: at, ErrorText: null } : null));
      },

      async markReminderFailed(key, owner, at, error) {
        await engine.changeWhere(reminderLog, key, (f) => (f.Owner === owner && f.State === 'claimed' ? { State: 'failed', ErrorText: errorText(error), ClaimedAt: at } : null));
      },

      async retryReminder(key, actorId) {
        return engine.changeWhere(
          reminderLog,
          key,
          (f) => (f.State === 'sent' ? null : { State: 'failed', Attempts: 0, Owner: actorId, ErrorText: RETRY_NOTE }),
          (before, after) => ({ actorId, entity: 'reminder', entityId: key, action: 'update', before: toReminderLog(before), after: toReminderLog(after) }),
        );
      },

      /**
       * Newest first. By person or by month: indexed queries. By state: the `claimed` and `failed`
       * entries are few (indexed `State`); `sent` ones pile up, so without person or month the log is
       * read month by month, newest first, like the audit trail.
       */
      async listReminderLog(filter = {}) {
        const limit = filter.limit ?? 200;
        if (filter.states?.length === 0 || filter.periods?.length === 0) return [];
        let items: Item[];
        if (filter.personId) items = await engine.readOne({ list: reminderLog, where: ['PersonId', filter.personId] });
        else if (filter.periods) items = (await engine.read(queriesOf(reminderLog, 'Period', new Set(filter.periods)))).flat();
        else if (filter.states && !filter.states.includes('sent')) items = (await engine.read(queriesOf(reminderLog, 'State', new Set(filter.states)))).flat();
        else items = await engine.walkMonths(reminderLog, 'Period', (m) => ['Period', m], limit);
        const states = filter.states ? new Set<string>(filter.states) : null;
        const periods = filter.periods ? new Set(filter.periods) : null;
        return items
          .map((i) => toReminderLog(i.fields))
          .filter((e) => (!filter.personId || e.personId === filter.personId) && (!states || states.has(e.state)) && (!periods || periods.has(e.period)))
          .sort((a, b) => binary(b.sentAt ?? b.claimedAt, a.sentAt ?? a.claimedAt) || binary(a.key, b.key))
          .slice(0, limit);
      },

      async getReminderControl() {
        const item = await engine.item(reminderControl, 'global');
        return item ? controlOf(item.fields) : { paused: false, actorId: null, at: null };
      },

      async setRemindersPaused(paused, actorId) {
        const item = await engine.item(reminderControl, 'global');
        const after: ReminderControl = { paused, actorId, at: engine.now().toISOString() };
        const fields = { RecordKey: 'global', Title: 'global', Paused: paused ? 1 : 0, ActorId: actorId, At: after.at };
        const before = item ? controlOf(item.fields) : null;
        await engine.write([
          item ? engine.update(reminderControl, item, fields, false) : engine.create(reminderControl, fields),
          engine.audit({ actorId, entity: 'reminderControl', entityId: 'global', action: before ? 'update' : 'create', before, after }),
        ]);
        return after;
      },

      async snoozeReminder(key, until) {
        const id = reminderKeyString(key);
        for (let attempt = 0; attempt < 3; attempt++) {
          const item = await engine.item(reminderSnoozes, id);
          const count = item ? Number(item.fields.SnoozeCount ?? 0) + 1 : 1;
          try {
            await engine.write([item ? engine.update(reminderSnoozes, item, { Until: until, SnoozeCount: count }) : engine.create(reminderSnoozes, snoozeFields(key, until, count))]);
            return toSnooze(snoozeFields(key, until, count));
          } catch (error) {
            if (!(error instanceof ConflictError)) throw error; // someone snoozed it meanwhile: count again
          }
        }
        throw new ConflictError(`snooze ${id} keeps changing`);
      },

      async listReminderSnoozes(filter = {}) {
        const items = await engine.readOne(filter.personId ? { list: reminderSnoozes, where: ['PersonId', filter.personId] } : { list: reminderSnoozes });
        return items.map((i) => toSnooze(i.fields)).sort((a, b) => binary(a.until, b.until) || binary(reminderKeyString(a.key), reminderKeyString(b.key)));
      },

      async listReminderPreferences(personId) {
        const items = await engine.readOne(personId ? { list: reminderPreferences, where: ['RecordKey', personId] } : { list: reminderPreferences });
        return items.map((i) => preferencesOf(i.fields)).sort((a, b) => binary(a.personId, b.personId));
      },

      async setReminderPreferences(prefs, actorId) {
        const item = await engine.item(reminderPreferences, prefs.personId);
        const mutedKinds = normaliseMutedKinds(prefs.mutedKinds);
        const fields = { RecordKey: prefs.personId, Title: prefs.personId, MutedKinds: JSON.stringify(mutedKinds), UpdatedAt: engine.now().toISOString() };
        await engine.write([
          item ? engine.update(reminderPreferences, item, fields, false) : engine.create(reminderPreferences, fields),
          engine.audit({
            actorId,
            entity: 'reminderPreferences',
            entityId: prefs.personId,
            action: item ? 'update' : 'create',
            before: item ? preferencesOf(item.fields) : null,
            after: { personId: prefs.personId, mutedKinds },
          }),
        ]);
      },
    };
  },
};
