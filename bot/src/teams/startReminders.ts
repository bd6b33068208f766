import type restify from 'restify';
import type { Logger } from 'pino';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '@okr/core';
import type { Config } from '../config.js';
import type { Clock } from '../services/clock.js';
import type { Store } from '../store/Store.js';
import { GraphAppInstaller } from '../jobs/graphAppInstaller.js';
import type { Notifier } from '../jobs/notifier.js';
import { ReminderScheduler, type ReminderRenderer } from '../jobs/reminderScheduler.js';
import { datedCard } from './cards/dataAge.js';
import { msalTokenProvider } from '../store/sharepoint/auth.js';
import { reminderCard } from './cards/reminderCards.js';
import type { TabLinks } from './tabLinks.js';

/** A reminder's card as it is sent: past a minute of data age, with the line the bot's answers carry (cards/dataAge.ts). */
export function renderReminder(tabUrl: TabLinks): ReminderRenderer {
  return (r, { dataAgeMs }) => datedCard(reminderCard(r, { tabUrl: tabUrl(undefined, { view: 'actas-oap' }), links: tabUrl }), dataAgeMs) as unknown as Record<string, unknown>;
}

export function reminderSettingsFrom(config: Pick<Config, 'REMINDERS_WINDOW_DAYS' | 'REMINDERS_ESCALATION_DAYS'>): ReminderSettings {
  return { ...DEFAULT_REMINDER_SETTINGS, checkInWindowBusinessDays: config.REMINDERS_WINDOW_DAYS, escalationBusinessDays: config.REMINDERS_ESCALATION_DAYS };
}

/**
 * Starts the reminder scheduler (REMINDERS_ENABLED): proactive cards through the process's one
 * notifier, within Teams' rate limits; optionally installing the app for people it cannot reach. With
 * DEV_IDENTITY, `POST /api/dev/reminders/run` runs it once now (demos, end-to-end tests).
 */
export function startReminders(ctx: { config: Config; store: Store; clock: Clock; notifier: Notifier; server: restify.Server; log: Logger; tabUrl: TabLinks }): ReminderScheduler | null {
  const { config, store, clock, notifier, server, log, tabUrl } = ctx;
  if (!config.REMINDERS_ENABLED) return null;
  const installer =
    config.REMINDERS_AUTO_INSTALL && config.TEAMS_APP_CATALOG_ID && config.AZURE_TENANT_ID && config.AZURE_CLIENT_ID
      ? new GraphAppInstaller({
          teamsAppCatalogId: config.TEAMS_APP_CATALOG_ID,
          token: msalTokenProvider({
            tenantId: config.AZURE_TENANT_ID,
            clientId: config.AZURE_CLIENT_ID,
            ...(config.AZURE_CLIENT_SECRET ? { clientSecret: config.AZURE_CLIENT_SECRET } : {}),
            ...(config.AZURE_CLIENT_CERTIFICATE_PATH ? { certificatePath: config.AZURE_CLIENT_CERTIFICATE_PATH } : {}),
            ...(config.AZURE_CLIENT_CERTIFICATE_PASSWORD ? { certificatePassword: config.AZURE_CLIENT_CERTIFICATE_PASSWORD } : {}),
          }),
        })
      : null;
  const scheduler = new ReminderScheduler({
    store,
    clock,
    log,
    installer,
    settings: reminderSettingsFrom(config),
    notifier,
    render: renderReminder(tabUrl),
  });
  scheduler.start(config.REMINDERS_CRON);
  log.info({ cron: config.REMINDERS_CRON, next: scheduler.nextRun(), owner: scheduler.owner }, 'reminder scheduler started');
  if (config.DEV_IDENTITY) {
    server.post('/api/dev/reminders/run', async (_req: restify.Request, res: restify.Response) => {
      try {
        res.json(200, await scheduler.runOnce());
      } catch (error) {
        log.error({ err: error }, 'reminder run failed');
        res.json(500, { error: (error as Error).message });
      }
    });
  }
  if (config.REMINDERS_RUN_ON_START) {
    void scheduler.runOnce().catch((error) => log.error({ err: error }, 'reminder run failed'));
  }
  return scheduler;
}
