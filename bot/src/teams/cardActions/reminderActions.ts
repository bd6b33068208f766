import { REMINDER_KINDS } from '../../services/reminders.js';
import { remindersBotText as t, type ReminderKind } from '@okr/core';
import { calendarMonth } from '../../input/schemas.js';
import type { CardAction } from '../handlers.js';
import type { ReminderService } from '../../services/reminders.js';
import { messageCard } from '../cards/simpleCards.js';
import { REMINDER_SNOOZE, REMINDERS_ADMIN, REMINDERS_MUTE, REMINDERS_PAUSE, REMINDERS_RETRY, snoozedCard } from '../cards/reminderCards.js';
import { myRemindersReply, remindersAdminReply } from '../commands/remindersCommand.js';

const isKind = (v: unknown): v is ReminderKind => REMINDER_KINDS.includes(v as ReminderKind);
const stale = messageCard(t.staleCard.title, t.staleCard.text);

/** «Recordarme mañana» on a reminder card. */
export const snoozeReminderAction: CardAction<{ reminders: ReminderService }> = {
  verb: REMINDER_SNOOZE,
  async run(actor, data) {
    const step = Number(data.step);
    if (!isKind(data.kind) || typeof data.subject !== 'string' || !calendarMonth.safeParse(data.period).success || !Number.isInteger(step)) return stale;
    const result = await actor.deps.reminders.snooze(actor.person, { kind: data.kind, personId: String(data.personId ?? ''), subject: data.subject, period: data.period as string, step });
    return result.ok ? snoozedCard(result.value) : messageCard(t.snoozeFailed, result.message);
  },
};

/** «Silenciar» / «Activar» a kind on the `recordatorios` card. */
export const muteRemindersAction: CardAction<{ reminders: ReminderService }> = {
  verb: REMINDERS_MUTE,
  async run(actor, data) {
    if (!isKind(data.kind)) return stale;
    const result = await actor.deps.reminders.setMuted(actor.person, data.kind, data.muted === true || data.muted === 'true');
    return result.ok ? myRemindersReply(actor) : messageCard(t.mine.title, result.message);
  },
};

/** The ETI's pause / resume switch. */
export const pauseRemindersAction: CardAction<{ reminders: ReminderService }> = {
  verb: REMINDERS_PAUSE,
  async run(actor, data) {
    const result = await actor.deps.reminders.setPaused(actor.person, data.paused === true || data.paused === 'true');
    return result.ok ? remindersAdminReply(actor) : messageCard(t.onlyEti.title, result.message);
  },
};

/** «Reenviar» an uncertain or failed reminder: the next run sends it. */
export const retryReminderAction: CardAction<{ reminders: ReminderService }> = {
  verb: REMINDERS_RETRY,
  async run(actor, data) {
    const result = await actor.deps.reminders.retry(actor.person, String(data.key ?? ''));
    if (!result.ok) return messageCard(t.onlyEti.title, result.message);
    return remindersAdminReply(actor);
  },
};

export const openRemindersAdminAction: CardAction<{ reminders: ReminderService }> = {
  verb: REMINDERS_ADMIN,
  run: (actor) => remindersAdminReply(actor),
};

export const reminderActions: readonly CardAction<{ reminders: ReminderService }>[] = [snoozeReminderAction, muteRemindersAction, pauseRemindersAction, retryReminderAction, openRemindersAdminAction];
