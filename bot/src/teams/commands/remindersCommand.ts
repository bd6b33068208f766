import { remindersBotText, type Unit } from '@okr/core';
import type { Actor, Command } from '../handlers.js';
import type { ReminderService } from '../../services/reminders.js';
import { messageCard } from '../cards/simpleCards.js';
import { myRemindersCard, remindersAdminCard } from '../cards/reminderCards.js';
import type { AdaptiveCard } from '../cards/elements.js';

const unitNamesOf = (units: readonly Unit[]) => new Map(units.map((u) => [u.id, u.name]));

export async function myRemindersReply(actor: Actor<{ reminders: ReminderService }>): Promise<AdaptiveCard> {
  const { reminders } = actor.deps;
  const [view, isAdmin, units] = await Promise.all([reminders.personView(actor.person), reminders.isAdmin(actor.person), actor.deps.store.listUnits()]);
  return myRemindersCard(view, isAdmin, unitNamesOf(units));
}

export async function remindersAdminReply(actor: Actor<{ reminders: ReminderService }>): Promise<AdaptiveCard> {
  const { reminders, store } = actor.deps;
  if (!(await reminders.isAdmin(actor.person))) return messageCard(remindersBotText.onlyEti.title, remindersBotText.onlyEti.text);
  const [view, people, units] = await Promise.all([reminders.adminView(), store.listPeople(), store.listUnits()]);
  return remindersAdminCard(view, new Map(people.map((p) => [p.id, p.name])), unitNamesOf(units));
}

/** `recordatorios`: the person's reminders, with a switch per kind. */
export const remindersCommand: Command<{ reminders: ReminderService }> = {
  phrases: ['recordatorios', 'mis recordatorios', 'recordatorio'],
  help: remindersBotText.command,
  run: myRemindersReply,
};

/** `recordatorios admin`: the ETI's view of all reminders and the pause switch. */
export const remindersAdminCommand: Command<{ reminders: ReminderService }> = {
  phrases: ['recordatorios admin', 'administrar recordatorios', 'admin recordatorios'],
  run: remindersAdminReply,
};
