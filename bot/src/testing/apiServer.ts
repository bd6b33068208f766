import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { isProduction, loadConfig } from '../config.js';
import { createServer } from '../server.js';
import { liveShareOrigins } from '../http/securityHeaders.js';
import { createAdapter } from '../teams/adapter.js';
import { createApp } from '../app.js';
import { movableClock } from '../services/clock.js';
import { TEST_NOW, seededStore, silentLog } from './harness.js';
import type { SsoValidator } from '../api/sso.js';
import { RecordingProactiveCards } from '../services/proactiveCards.js';
import type { Store } from '../store/Store.js';
import type { SqliteStore } from '../store/sqlite/SqliteStore.js';

const servers: Array<{ close(): void }> = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** The real HTTP server on a free port over a seeded in-memory store; `call` acts as a seeded person. */
/** `now`: the server's clock; `seededOn`: when the demo was made (by default, `now`); `env`: extra configuration; `store`: an already seeded store instead. */
export async function startApi<S extends Store = SqliteStore>(
  devIdentity = true,
  options: { sso?: SsoValidator | null; now?: string; seededOn?: string; env?: Record<string, string>; store?: S } = {},
) {
  const store = (options.store ?? (await seededStore(options.seededOn ?? options.now))) as S;
  const clock = movableClock(options.now ?? TEST_NOW);
  const config = loadConfig({ DEV_IDENTITY: String(devIdentity), ...options.env });
  const proactive = new RecordingProactiveCards((personId) => personId !== 'lider-al-usme');
  const { bot, routes } = createApp({ store, clock, config, log: silentLog, proactive });
  const server = createServer({
    adapter: createAdapter(config, silentLog),
    bot,
    api: { store, devIdentity, sso: options.sso ?? null, log: silentLog, routes },
    tabsDist: '/nonexistent',
    log: silentLog,
    production: isProduction(config),
    liveShare: liveShareOrigins(config),
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  servers.push(server);
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (path: string, as?: string, init: RequestInit = {}) => {
    const res = await fetch(`${base}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(as ? { 'x-dev-person-id': as } : {}), ...(init.headers as Record<string, string>) },
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };
  return { store, call, base, proactive, config, clock };
}
