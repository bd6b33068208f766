import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import pino from 'pino';
import type { Server } from 'restify';
import { loadConfig, ConfigError, isProduction, type Config } from './config.js';
import type { Clock } from './services/clock.js';
import type { Store } from './store/Store.js';
import { openStore } from './store/openStore.js';
import { fixedClock, systemClock, today } from './services/clock.js';
import { buildDemoSeed } from './store/seed/demoOkrs.js';
import { createAdapter } from './teams/adapter.js';
import { TeamsProactiveCards } from './teams/teamsProactiveCards.js';
import { BotFrameworkSender } from './teams/proactiveSender.js';
import { RateLimitedNotifier } from './jobs/notifier.js';
import { createApp } from './app.js';
import { createServer } from './server.js';
import { liveShareOrigins } from './http/securityHeaders.js';
import { writePlaygroundConfig } from './dev/playgroundConfig.js';
import { SsoValidator, entraSigningKeys, ssoSettingsFrom } from './api/sso.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** What a development entry may put in place of the configured store (`npm run start:sharepoint`). */
export interface MainOverrides {
  /** The store to use instead of the one the configuration opens. */
  store?: (config: Config, clock: Clock) => Store;
  /** Routes of the development entry (after the demo seed, before the server listens). */
  devRoutes?: (server: Server, config: Config) => void;
}

/** Starts the server: configuration, store (seeded with the demo when asked), bot, API, tab, jobs. */
export async function main(overrides: MainOverrides = {}): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const log = pino({ level: config.LOG_LEVEL, base: undefined });
  const clock = config.OKR_NOW ? fixedClock(config.OKR_NOW) : systemClock;
  const store = overrides.store ? overrides.store(config, clock) : openStore(config, clock, root);
  if (config.SEED_DEMO && (await store.isEmpty())) {
    const seed = buildDemoSeed(today(clock).date);
    await store.seed(seed);
    log.info({ units: seed.units.length, people: seed.people.length, checkIns: seed.checkIns.length }, 'demo data seeded');
  }
  if (config.DEV_IDENTITY) {
    await writePlaygroundConfig(store, resolve(root, config.PLAYGROUND_CONFIG_PATH), config.PLAYGROUND_CURRENT_USER);
  }
  const adapter = createAdapter(config, log);
  // One notifier for every proactive message of this process: one budget of Teams' rate limits.
  const notifier = new RateLimitedNotifier(new BotFrameworkSender(adapter, config.MicrosoftAppId));
  const proactive = new TeamsProactiveCards(notifier, store, log);
  const app = createApp({ store, clock, config, log, proactive });
  const ssoSettings = ssoSettingsFrom(config);
  const sso = ssoSettings && new SsoValidator(ssoSettings, entraSigningKeys(ssoSettings.tenantId));
  if (!sso && !config.DEV_IDENTITY) log.warn('no Teams SSO configured (AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID, TAB_DOMAIN) and DEV_IDENTITY is off: the tab API will refuse every request');
  const server = createServer({
    adapter,
    bot: app.bot,
    api: { store, devIdentity: config.DEV_IDENTITY, sso, log, routes: app.routes },
    tabsDist: resolve(root, 'tabs/dist'),
    log,
    production: isProduction(config),
    liveShare: liveShareOrigins(config),
  });
  overrides.devRoutes?.(server, config);
  const jobs = app.start({ server, notifier });
  server.listen(config.PORT, config.HOST, () => log.info({ url: config.PUBLIC_URL }, 'server listening'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    for (const job of jobs) job.stop();
    server.close(() => {
      void store.close().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

