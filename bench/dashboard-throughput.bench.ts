// The entity dashboard's throughput on the embedded SQLite store (issue 20): the real server in its
// own process on a fresh database file, 50 connections at once for 3 s on `/api/me`, then 3 s on
// `/api/dashboard`, in the same run. Prints dashboard_vs_me_throughput (the dashboard's requests/s
// divided by `/api/me`'s; goal ≥ 0.5: the dashboard served from what is already computed), the
// same with 200 units (`_200_units`: the demo's 44 units copied until there are 200, with their sets
// and check-ins), and each side's requests/s and p99.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SeedData } from '../bot/src/store/Store.js';
import { SqliteStore } from '../bot/src/store/sqlite/SqliteStore.js';
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { freePort } from './tabServer.js';
// @ts-expect-error plain JS module shared with `npm start`
import { readEnvFile, startBot } from '../scripts/launch.mjs';

const NOW = '2026-11-23T15:00:00.000Z';
const CONNECTIONS = 50;
const SECONDS = 3;

/** The demo with its units copied (sets, objectives, key results, check-ins) until there are `count`. */
function withUnits(seed: SeedData, count: number): SeedData {
  const out: SeedData = { ...seed, units: [...seed.units], sets: [...seed.sets], objectives: [...seed.objectives], keyResults: [...seed.keyResults], checkIns: [...seed.checkIns] };
  for (let n = seed.units.length; n < count; n++) {
    const unit = seed.units[n % seed.units.length]!;
    const copy = `-copia${Math.floor(n / seed.units.length)}`;
    const id = (x: string) => `${x}${copy}`;
    out.units.push({ ...unit, id: id(unit.id), name: `${unit.name} (copia ${Math.floor(n / seed.units.length)})` });
    const sets = seed.sets.filter((s) => s.unitId === unit.id);
    const setIds = new Set(sets.map((s) => s.id));
    out.sets.push(...sets.map((s) => ({ ...s, id: id(s.id), unitId: id(unit.id) })));
    out.objectives.push(...seed.objectives.filter((o) => setIds.has(o.setId)).map((o) => ({ ...o, id: id(o.id), setId: id(o.setId), parentId: o.parentId === null ? null : id(o.parentId) })));
    const krs = seed.keyResults.filter((k) => setIds.has(k.setId));
    const krIds = new Set(krs.map((k) => k.id));
    out.keyResults.push(...krs.map((k) => ({ ...k, id: id(k.id), setId: id(k.setId), objectiveId: id(k.objectiveId) })));
    out.checkIns.push(...seed.checkIns.filter((c) => krIds.has(c.keyResultId)).map((c) => ({ ...c, id: id(c.id), keyResultId: id(c.keyResultId), unitId: id(unit.id) })));
  }
  return out;
}

/** `CONNECTIONS` loops asking `path` for `SECONDS`: requests per second and p99 in ms. */
async function load(base: string, path: string, as: string): Promise<{ rps: number; p99: number }> {
  const times: number[] = [];
  const end = performance.now() + SECONDS * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const t = performance.now();
      // A kept-alive connection the server closes as it is reused: asked again, not counted.
      const res = await fetch(`${base}${path}`, { headers: { 'x-dev-person-id': as, 'accept-encoding': 'gzip, br' } }).catch((error: Error & { cause?: { code?: string } }) => {
        if (error.cause?.code === 'ECONNRESET') return null;
        throw error;
      });
      if (!res) continue;
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, loop));
  const elapsed = (performance.now() - start) / 1000;
  times.sort((a, b) => a - b);
  return { rps: times.length / elapsed, p99: times[Math.floor(times.length * 0.99)]! };
}

for (const units of [44, 200]) {
  const dir = mkdtempSync(join(tmpdir(), 'okr-bench-dashboard-'));
  const path = join(dir, 'okr.db');
  const store = new SqliteStore({ path, now: () => new Date(NOW) });
  await store.seed(withUnits(buildDemoSeed(NOW.slice(0, 10)), units));
  await store.close();
  const port = await freePort();
  const env = { ...process.env, ...readEnvFile('.env.local'), SQLITE_PATH: path, PLAYGROUND_CONFIG_PATH: join(dir, 'playground.yml'), OKR_NOW: NOW, LOG_LEVEL: 'warn', REMINDERS_ENABLED: 'false' };
  const bot = await startBot({ env, port });
  try {
    const base = `http://127.0.0.1:${port}`;
    await load(base, '/api/me', 'eti-1'); // warm-up of both, shorter figures discarded
    const me = await load(base, '/api/me', 'eti-1');
    const dashboard = await load(base, '/api/dashboard?quarter=2026-Q4', 'eti-1');
    const suffix = units === 44 ? '' : `_${units}_units`;
    console.log(`dashboard_vs_me_throughput${suffix} ${(dashboard.rps / me.rps).toFixed(3)}`);
    console.log(`dashboard_rps${suffix} ${dashboard.rps.toFixed(0)}`);
    console.log(`dashboard_p99_ms${suffix} ${dashboard.p99.toFixed(0)}`);
    console.log(`me_rps${suffix} ${me.rps.toFixed(0)}`);
    console.log(`me_p99_ms${suffix} ${me.p99.toFixed(0)}`);
  } finally {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
