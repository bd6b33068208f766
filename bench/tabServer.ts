// The real server on the embedded store with the demo data, for the benchmarks that load the tab in
// Chromium (tab-first-view, lighthouse). The tab must be built (npm run bench builds it first).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain JS module shared with `npm start`
import { readEnvFile, startBot } from '../scripts/launch.mjs';

/** The pages measured: a unit's OKR tree (Mis OKR) and the entity's dashboard (Tablero). */
export const PAGES = {
  misokr: { path: '/?as=enlace-al-usaquen&unit=al-usaquen', ready: '[data-testid="okr-tree"]' },
  tablero: { path: '/?as=eti-1&view=tablero', ready: '[data-testid^="dashboard-row-"]' },
} as const;

/** Flags for Debian's Chromium on a machine with no outside network. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps'];

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function startTabServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-tab-'));
  const env = { ...process.env, ...readEnvFile('.env.local'), SQLITE_PATH: join(dir, 'okr.db'), PLAYGROUND_CONFIG_PATH: join(dir, 'playground.yml'), OKR_NOW: '2026-11-23T15:00:00.000Z', LOG_LEVEL: 'warn', REMINDERS_ENABLED: 'false' };
  const port = await freePort();
  const bot = await startBot({ env, port });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
