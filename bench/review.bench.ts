// The ETI's month and the quarter close (issue 15) on the SharePoint store over the Graph fake: the
// Graph requests and resource units of each review screen, the time to build and store the
// quarter's frozen snapshot of the 44 units, and the size of its .xlsx. The site holds the demo's
// 44 units and a check-in list with 100,000 items of history (decades of it); the store is warm.
import { buildQuarterSnapshot } from '@okr/core';
import { QuarterCloseService } from '../bot/src/services/quarterClose.js';
import { ReviewService } from '../bot/src/services/review.js';
import { fixedClock } from '../bot/src/services/clock.js';
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { checkInHistory, fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';

// Made on 30 December 2026; measured on 8 January 2027, when T4 may be closed and T3 is.
const seededOn = '2026-12-30';
const now = '2027-01-08T15:00:00.000Z';
const seed = buildDemoSeed(seededOn);
const h = fakeSharePoint({ now: () => new Date(now), checkInHistory: checkInHistory(seed.units.map((u) => u.id)) });
await h.store.seed(seed);
const clock = fixedClock(now);
const review = new ReviewService(h.store, clock);
const quarterClose = new QuarterCloseService(h.store, clock);
const eti = (await h.store.getPerson('eti-1'))!;
await h.store.listUnits(); // warm: site and list ids resolved once per process

async function measure(name: string, run: () => Promise<unknown>): Promise<void> {
  h.fake.resetStats();
  await run();
  if (h.fake.stats.thresholdErrors > 0 || h.fake.stats.nonIndexedErrors > 0 || h.fake.stats.throttled > 0) throw new Error(`${name}: unexpected ${JSON.stringify(h.fake.stats)}`);
  console.log(`graph_requests_${name} ${h.fake.stats.requests}`);
  console.log(`graph_ru_${name} ${h.fake.stats.ru}`);
}

await measure('review_queue', () => review.queue(eti, '2026-12'));
await measure('review_unit', () => review.unitMonth(eti, 'al-suba', '2026-12'));
await measure('quarter_close', () => quarterClose.view(eti, '2026-Q3'));

// The snapshot of the 44 units, built from the quarter's data as the close reads it (median of 5).
const data = await h.store.loadQuarterClose('2026-Q4');
const builds: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  buildQuarterSnapshot({ quarter: '2026-Q4', closedAt: now, closedBy: 'eti-1', names: new Map(data.people.map((p) => [p.id, p.name])), units: data.units, bundles: data.bundles, checkIns: data.checkIns, reviews: data.reviews, institutionalObjectives: data.institutionalObjectives });
  builds.push(performance.now() - t);
}
console.log(`quarter_close_snapshot_build_ms ${builds.sort((a, b) => a - b)[2]!.toFixed(1)}`);

// «Cerrar el trimestre» end to end: one read, the snapshot, and one all-or-nothing write that
// also closes the quarter's 44 sets.
h.fake.resetStats();
const started = performance.now();
const closed = await quarterClose.close(eti, '2026-Q4');
console.log(`quarter_close_write_ms ${(performance.now() - started).toFixed(0)}`);
console.log(`graph_requests_quarter_close_write ${h.fake.stats.requests}`);
console.log(`graph_ru_quarter_close_write ${h.fake.stats.ru}`);
console.log(`quarter_close_snapshot_units ${closed.snapshot!.units.length}`);
console.log(`quarter_close_snapshot_json_kb ${(JSON.stringify(closed.snapshot).length / 1024).toFixed(1)}`);

const t3 = await quarterClose.xlsx(eti, '2026-Q3');
console.log(`quarter_close_xlsx_kb ${(t3.bytes.length / 1024).toFixed(1)}`);
