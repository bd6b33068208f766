// The real HTTP server (bot endpoint, REST API) on a given store, for the benchmarks that count
// Microsoft Graph requests per user action (graph-actions, plenaria-mayor): development identity,
// the app's modules as `npm start` composes them, a fixed clock, no tab files.
import type { AddressInfo } from 'node:net';
import { isProduction, loadConfig } from '../bot/src/config.js';
import { createServer } from '../bot/src/server.js';
import { createAdapter } from '../bot/src/teams/adapter.js';
import { createApp } from '../bot/src/app.js';
import { fixedClock } from '../bot/src/services/clock.js';
import type { Store } from '../bot/src/store/Store.js';
import { silentLog } from '../bot/src/testing/harness.js';
import { RecordingProactiveCards } from '../bot/src/services/proactiveCards.js';

export interface ApiServer {
  /** GET (without `body`) or POST a JSON body as a person (`x-dev-person-id`); throws unless 200. */
  call(path: string, as: string, body?: unknown): Promise<unknown>;
  close(): void;
}

export async function startApiServer(store: Store, now: string): Promise<ApiServer> {
  const config = loadConfig({ DEV_IDENTITY: 'true' });
  const app = createApp({ store, clock: fixedClock(now), config, log: silentLog, proactive: new RecordingProactiveCards() });
  const server = createServer({
    adapter: createAdapter(config, silentLog),
    bot: app.bot,
    api: { store, devIdentity: true, sso: null, log: silentLog, routes: app.routes },
    tabsDist: '/nonexistent',
    log: silentLog,
    production: isProduction(config),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async call(path, as, body) {
      const res = await fetch(`${base}${path}`, {
        method: body ? 'POST' : 'GET',
        headers: { 'x-dev-person-id': as, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      if (res.status !== 200) throw new Error(`${path} as ${as}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    close: () => server.close(),
  };
}
