// A plenaria mayor on SharePoint's budget (issue 20): 2,000 distinct people open the OKR tab within
// one minute — the entity's directivos and coaches the dashboard (`/api/me` and `/api/dashboard`),
// everyone else their unit's tree (`/api/me`, the tree, the recognitions: the tab's first load) —
// through the real HTTP server on the SharePoint store over the Graph fake (demo's 44 units plus
// 2,000 servidores, 100,000 check-ins), with the read cache as the server runs it (checked every
// 5 s), while the 44 enlaces each save a check-in through the API. The minute is simulated for the
// cache (request i starts at i × 30 ms, 50 in flight); the server and Graph fake run for real.
//
// Prints ru_plenaria_mayor_2000 (goal ≤ 600: half the 1,250 RU a minute of a tenant of up to 1,000
// licences), graph_requests_plenaria_mayor_2000, plenaria_mayor_p95_ms (real time per person's
// first load on this machine) and plenaria_mayor_max_staleness_s (the oldest data served: time
// since its list was last checked; goal ≤ 30).
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { checkInHistory, fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';
import { TEST_NOW } from '../bot/src/testing/harness.js';
import { startApiServer } from './apiServer.js';

const PEOPLE = 2_000;
const MINUTE_MS = 60_000;
const IN_FLIGHT = 50;
const today = TEST_NOW.slice(0, 10);
const seed = buildDemoSeed(today);
const units = seed.units.map((u) => u.id);
// 2,000 servidores and contratistas, each a member of one unit; one in twenty is a directivo of the entity (dashboard).
for (let i = 0; i < PEOPLE; i++) {
  const id = `servidor-${i}`;
  seed.people.push({ id, aadObjectId: `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Servidor ${i}`, email: `servidor${i}@gobiernobogota.gov.co`, jobTitle: 'Profesional' });
  seed.roles.push({ personId: id, role: 'miembro', unitId: units[i % units.length]!, from: '2026-01-02' });
  if (i % 20 === 0) seed.roles.push({ personId: id, role: 'secretario', unitId: null, from: '2026-01-02' });
}

let simMs = 0;
const h = fakeSharePoint({ now: () => new Date(TEST_NOW), checkInHistory: checkInHistory(units), cache: { maxAgeMs: 5_000, now: () => simMs } });
await h.store.seed(seed);
const server = await startApiServer(h.store, TEST_NOW);
const call = server.call;

// The server has been running (site and lists resolved); the minute starts now.
await h.store.getPerson('eti-1');
h.fake.resetStats();
h.store.engine.cache!.resetStats();

const keyResults = new Map<string, string>();
for (const set of seed.sets) if (set.quarter === '2026-Q4') keyResults.set(set.unitId, seed.keyResults.find((k) => k.setId === set.id)!.id);

type Job = () => Promise<unknown>;
const jobs: Array<{ at: number; run: Job; person: boolean }> = [];
for (let i = 0; i < PEOPLE; i++) {
  const id = `servidor-${i}`;
  const unit = units[i % units.length]!;
  const run: Job =
    i % 20 === 0
      ? () => Promise.all([call('/api/me', id), call('/api/dashboard?quarter=2026-Q4', id)])
      : () => Promise.all([call('/api/me', id), call(`/api/units/${unit}/tree?quarter=2026-Q4`, id), call(`/api/units/${unit}/recognitions`, id)]);
  jobs.push({ at: (i * MINUTE_MS) / PEOPLE, run, person: true });
}
units.forEach((unit, k) => {
  const kr = keyResults.get(unit);
  if (!kr) return;
  // Based on the month's check-in the enlace sees (compare-and-set), none when the month has none.
  const version = seed.checkIns.find((c) => c.keyResultId === kr && c.period === today.slice(0, 7))?.version ?? null;
  const draft = { keyResultId: kr, value: 1, comment: 'Avance reportado durante la plenaria.', evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/${unit}/plenaria`, version };
  jobs.push({ at: ((k + 0.5) * MINUTE_MS) / units.length, run: () => call(`/api/units/${unit}/check-ins`, `enlace-${unit}`, { period: today.slice(0, 7), checkIns: [draft] }), person: false });
});
jobs.sort((a, b) => a.at - b.at);

const times: number[] = [];
let next = 0;
const worker = async () => {
  for (let job = jobs[next++]; job; job = jobs[next++]) {
    simMs = Math.max(simMs, job.at);
    const started = performance.now();
    await job.run();
    if (job.person) times.push(performance.now() - started);
  }
};
const wall = performance.now();
await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
const wallMs = performance.now() - wall;
times.sort((a, b) => a - b);
const { ru, requests, throttled, thresholdErrors } = h.fake.stats;
if (throttled > 0 || thresholdErrors > 0) throw new Error(`unexpected ${JSON.stringify(h.fake.stats)}`);
const cache = h.store.engine.cache!.stats;
console.log(`ru_plenaria_mayor_2000 ${ru}`);
console.log(`graph_requests_plenaria_mayor_2000 ${requests}`);
console.log(`plenaria_mayor_p95_ms ${times[Math.floor(times.length * 0.95)]!.toFixed(0)}`);
console.log(`plenaria_mayor_max_staleness_s ${(cache.maxStalenessMs / 1000).toFixed(1)}`);
console.error(`# ${times.length} first loads and ${jobs.length - times.length} check-ins in ${(wallMs / 1000).toFixed(1)} s real time; cache ${JSON.stringify(cache)}`);
server.close();
