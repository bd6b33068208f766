import { ReminderService } from '../services/reminders.js';
import { reminderActions } from '../teams/cardActions/reminderActions.js';
import { remindersAdminCommand, remindersCommand } from '../teams/commands/remindersCommand.js';
import { reminderSettingsFrom, startReminders } from '../teams/startReminders.js';
import { defineModule } from './module.js';

/** Reminders: the scheduler of the procedure's calendar, `recordatorios` and the ETI's administration. */
export const reminders = defineModule({
  name: 'reminders',
  services: (ctx) => ({ reminders: new ReminderService(ctx.store, ctx.clock, reminderSettingsFrom(ctx.config)) }),
  commands: [remindersCommand, remindersAdminCommand],
  cardActions: reminderActions,
  start: startReminders,
});
