// Microsoft Graph requests and SharePoint resource units per screen, for the SharePoint store over
// the Graph fake (issue 8). The site holds the demo's 44 units and a check-in list that already
// has 100,000 items; pages are Graph's largest (5,000). The store is warm (site and list ids
// resolved once per process, as on a running server). Goals: tree ≤ 2 requests, dashboard ≤ 3,
// one KR's check-in = 1 write request + at most 1 read.
import { quarterOf } from '@okr/core';
import { loadTree } from '../bot/src/services/okrTree.js';
import { ActaService } from '../bot/src/services/actas.js';
import { CheckInService } from '../bot/src/services/checkIns.js';
import { PlanService } from '../bot/src/services/plan.js';
import { fixedClock } from '../bot/src/services/clock.js';
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { checkInHistory, fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';

const today = '2026-11-23';
const quarter = quarterOf(today);
const seed = buildDemoSeed(today);
const h = fakeSharePoint({ now: () => new Date(`${today}T15:00:00.000Z`), checkInHistory: checkInHistory(seed.units.map((u) => u.id)) });
await h.store.seed(seed);
const unit = (await h.store.getUnit('al-usaquen'))!;
const keyResult = (await h.store.getSet(unit.id, quarter))!.keyResults[0]!;

async function measure(name: string, run: () => Promise<unknown>, ru: boolean): Promise<void> {
  h.fake.resetStats();
  await run();
  if (h.fake.stats.thresholdErrors > 0 || h.fake.stats.throttled > 0) throw new Error(`${name}: unexpected ${JSON.stringify(h.fake.stats)}`);
  console.log(`graph_requests_${name} ${h.fake.stats.requests}`);
  if (ru) console.log(`graph_ru_${name} ${h.fake.stats.ru}`);
}

await measure('tree', () => loadTree(h.store, unit, quarter, today), true);
await measure('dashboard', () => h.store.loadEntityQuarter(quarter), true);
await measure(
  'checkin',
  () =>
    h.store.saveCheckIns({
      actorId: `enlace-${unit.id}`,
      unitId: unit.id,
      period: today.slice(0, 7),
      checkIns: [{ keyResultId: keyResult.id, value: 40, comment: 'Avance del mes con soporte.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/evidencia', version: null }],
    }),
  false,
);

// The check-in card's form (what `check-in` shows: the tree, this and last month's reports, the review).
const checkIns = new CheckInService(h.store, fixedClock(`${today}T15:00:00.000Z`));
const usaquenEnlace = (await h.store.getPerson(`enlace-${unit.id}`))!;
await measure('checkin_form', () => checkIns.form(usaquenEnlace, unit.id), true);

// Plenarias and actas (issue 6): the acta screen, the quarter's plenarias, the OAP's list.
const actas = new ActaService(h.store, fixedClock(`${today}T15:00:00.000Z`));
const [signedMenor] = (await h.store.listPlenarias({ quarters: ['2026-Q3'] })).filter((p) => p.kind === 'menor');
const enlace = (await h.store.getPerson(signedMenor!.secretaryId))!;
const oap = (await h.store.getPerson('oap-1'))!;
await measure('acta', () => actas.view(enlace, signedMenor!.id), true);
await measure('plenarias', () => actas.plenarias(enlace, quarter), true);
await measure('oap_actas', () => actas.oapList(oap, quarter), true);

// The plan de gestión (issue 17): a unit's plan screen, its quarterly report form, the quarter's ranking.
const plan = new PlanService(h.store, fixedClock(`${today}T15:00:00.000Z`));
const usaquenLider = (await h.store.getPerson(`lider-${unit.id}`))!;
await measure('plan', () => plan.planView(usaquenLider, unit.id, 2026), true);
await measure('plan_report', () => plan.reportView(usaquenEnlace, unit.id, 2026, 3), true);
await measure('ranking', () => plan.ranking(oap, 2026, 3), true);
