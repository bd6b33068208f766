// The open-data feed (issue 18): Microsoft Graph requests for one page of the OData feed on the
// SharePoint store over the Graph fake (cold: nothing cached; warm: the partition cache holds it),
// and the time to serve 10,000 rows through the feed's server-driven paging (1,000 a page), cold and
// warm, on the SQLite store. The OKR validations of every quarter since 2024 are filled in so the
// monthly progress dataset holds more than 10,000 rows.
import type { QuarterId } from '@okr/core';
import { fixedClock } from '../bot/src/services/clock.js';
import { loadConfig } from '../bot/src/config.js';
import { OpenDataService } from '../bot/src/opendata/openData.js';
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';
import { SqliteStore } from '../bot/src/store/sqlite/SqliteStore.js';
import type { Store } from '../bot/src/store/Store.js';

const now = '2026-11-23T15:00:00.000Z';
const clock = fixedClock(now);
const config = loadConfig({});
const seed = buildDemoSeed(now.slice(0, 10));

// Graph requests of one page.
const h = fakeSharePoint({ now: () => new Date(now) });
await h.store.seed(seed);
const sp = new OpenDataService(h.store, clock, config);
const page = (feed: OpenDataService, set: string, filter?: string) => feed.feed.page({ set, query: filter ? { $filter: filter } : {}, audience: 'public', base: 'http://localhost/odata' });
await sp.context();
h.fake.resetStats();
await page(sp, 'ReportesPlanGestion', "Vigencia eq 2026 and UnidadId eq 'al-kennedy'");
console.log(`graph_requests_odata_page ${h.fake.stats.requests}`);
console.log(`graph_ru_odata_page ${h.fake.stats.ru}`);
h.fake.resetStats();
await page(sp, 'ReportesPlanGestion', "Vigencia eq 2026 and UnidadId eq 'al-kennedy'");
console.log(`graph_requests_odata_page_warm ${h.fake.stats.requests}`);
h.fake.resetStats();
await page(sp, 'CifrasAlCorte', "PlanId eq 'sdg-pei-2024-2027' and Vigencia eq 2026");
console.log(`graph_requests_odata_page_pei ${h.fake.stats.requests}`);

// 10,000 rows through the pages.
const store: Store = new SqliteStore({ path: ':memory:', now: () => new Date(now) });
await store.seed(seed);
const template = (await store.listOkrValidations('2026-Q3')).filter((v) => v.snapshot);
for (const year of [2024, 2025, 2026]) {
  for (const q of [1, 2, 3, 4]) {
    const quarter = `${year}-Q${q}` as QuarterId;
    if (quarter >= '2026-Q3') continue;
    for (const v of template) await store.writeOkrValidation({ validation: { ...v, quarter }, expectedVersion: null, actorId: 'bench' });
  }
}
const feed = new OpenDataService(store, clock, config);
async function serve(rows: number): Promise<{ ms: number; rows: number; pages: number }> {
  const t0 = performance.now();
  let served = 0;
  let pages = 0;
  let token: string | undefined;
  do {
    const answer = await feed.feed.page({ set: 'AvanceMensualOkr', query: token ? { $top: String(rows), $skiptoken: token } : { $top: String(rows) }, audience: 'public', base: 'http://localhost/odata' });
    JSON.stringify(answer.body);
    served += (answer.body.value as unknown[]).length;
    pages++;
    const next = answer.body['@odata.nextLink'] as string | undefined;
    token = next ? new URL(next).searchParams.get('$skiptoken') ?? undefined : undefined;
  } while (token);
  return { ms: performance.now() - t0, rows: served, pages };
}
const cold = await serve(10_000);
const warm = await serve(10_000);
if (cold.rows !== 10_000) throw new Error(`served ${cold.rows} rows`);
console.log(`odata_10000_rows_ms ${cold.ms.toFixed(1)}`);
console.log(`odata_10000_rows_warm_ms ${warm.ms.toFixed(1)}`);
console.log(`odata_10000_rows_pages ${cold.pages}`);
await store.close();
