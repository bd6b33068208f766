// Microsoft Graph requests and SharePoint resource units per whole user action (issue 20): through
// the real bot (botbuilder's TestAdapter) and the real HTTP API, on the SharePoint store over the
// Graph fake with the demo's 44 units and 100,000 check-ins, warm (site and list ids resolved, as on
// a running server that has served a first request). Prints `graph_requests_<action>` and
// `graph_ru_<action>`. Goals: a card check-in (open and save) ≤ 3 requests and ≤ 20 RU, the tab's
// first load ≤ 2 requests, a bot message that needs nothing else ≤ 1.
import type { AddressInfo } from 'node:net';
import { isProduction, loadConfig } from '../bot/src/config.js';
import { createServer } from '../bot/src/server.js';
import { createAdapter } from '../bot/src/teams/adapter.js';
import { createApp } from '../bot/src/app.js';
import { ReminderScheduler } from '../bot/src/jobs/reminderScheduler.js';
import { fixedClock } from '../bot/src/services/clock.js';
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { checkInHistory, fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';
import { botHarness, silentLog, TEST_NOW } from '../bot/src/testing/harness.js';
import { CHECK_IN_SUBMIT, inputIds } from '../bot/src/teams/cards/checkInCard.js';
import { ACTA_SIGN } from '../bot/src/teams/cards/actaCard.js';
import { RecordingProactiveCards } from '../bot/src/services/proactiveCards.js';

const today = TEST_NOW.slice(0, 10);
const UNIT = 'al-usaquen';
const ENLACE = `enlace-${UNIT}`;
const seed = buildDemoSeed(today);
const h = fakeSharePoint({ now: () => new Date(TEST_NOW), checkInHistory: checkInHistory(seed.units.map((u) => u.id)) });
await h.store.seed(seed);
const bot = await botHarness(TEST_NOW, undefined, h.store);

const config = loadConfig({ DEV_IDENTITY: 'true' });
const app = createApp({ store: h.store, clock: fixedClock(TEST_NOW), config, log: silentLog, proactive: new RecordingProactiveCards() });
const server = createServer({
  adapter: createAdapter(config, silentLog),
  bot: app.bot,
  api: { store: h.store, devIdentity: true, sso: null, log: silentLog, routes: app.routes },
  tabsDist: '/nonexistent',
  log: silentLog,
  production: isProduction(config),
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const get = async (path: string, as: string) => {
  const res = await fetch(`${base}${path}`, { headers: { 'x-dev-person-id': as } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
};

/** Runs the action once after the caches it may fill are warm for someone else, and prints what it cost. */
async function measure(name: string, run: () => Promise<unknown>): Promise<void> {
  h.fake.resetStats();
  await run();
  const { requests, ru, thresholdErrors, throttled } = h.fake.stats;
  if (thresholdErrors > 0 || throttled > 0) throw new Error(`${name}: unexpected ${JSON.stringify(h.fake.stats)}`);
  console.log(`graph_requests_${name} ${requests}`);
  console.log(`graph_ru_${name} ${ru}`);
}

// Warm: the site and list ids are resolved by a first request, as on a server that is running.
await h.store.getPerson('eti-1');
await measure('bot_message_help', () => bot.say(ENLACE, 'ayuda'));

const set = (await h.store.getSet(UNIT, '2026-Q4'))!;
await measure('checkin_card_open', () => bot.say(ENLACE, 'check-in'));
const filled: Record<string, unknown> = { unitId: UNIT, period: today.slice(0, 7) };
for (const kr of set.keyResults) {
  const ids = inputIds(kr.id);
  filled[ids.value] = kr.kind === 'milestone' ? '1' : kr.kind === 'percentage' ? '60' : String(kr.target);
  filled[ids.comment] = `Se avanzó en ${kr.title.toLowerCase()} según el plan.`;
  filled[ids.evidenceUrl] = `https://gobiernobogota.sharepoint.com/sites/OKR/${UNIT}/${kr.id}`;
}
await measure('checkin_card', () => bot.execute(ENLACE, CHECK_IN_SUBMIT, filled));

await measure('tab_first_load', () => Promise.all([get('/api/me', 'enlace-al-suba'), get('/api/units/al-suba/tree?quarter=2026-Q4', 'enlace-al-suba'), get('/api/units/al-suba/recognitions', 'enlace-al-suba')]));
await measure('dashboard', () => get('/api/dashboard?quarter=2026-Q4', 'eti-1'));

// An acta ready to sign: Usaquén's plenaria menor of today, written by its enlace.
const { actas } = bot.deps;
const enlace = await bot.as(ENLACE);
const { plenaria } = await actas.schedule(enlace, {
  kind: 'menor',
  unitId: UNIT,
  date: today,
  startTime: '09:00',
  modality: 'virtual',
  location: 'https://teams.microsoft.com/l/meetup-join/usaquen',
  presidingId: `lider-${UNIT}`,
  secretaryId: ENLACE,
});
const started = await actas.start(enlace, plenaria.plenaria.id);
const draft = {
  ...started.acta!.draft,
  development: 'Se revisó el avance de los nueve resultados clave del trimestre.',
  conversations: 'El equipo conversó sobre la meta de trámites en línea.',
  decisions: ['Priorizar la digitalización de trámites en diciembre.'],
  commitments: [{ id: 'c1', task: 'Publicar el tablero de trámites', ownerId: `miembro-${UNIT}`, due: '2026-12-11' }],
};
const saved = await actas.save(enlace, plenaria.plenaria.id, 1, started.acta!.version, draft);
await measure('acta', () => get(`/api/plenarias/${plenaria.plenaria.id}/acta`, ENLACE));
await measure('acta_sign', () => bot.execute(ENLACE, ACTA_SIGN, { plenariaId: plenaria.plenaria.id, part: 'secretary', documentVersion: 1, version: saved.acta!.version }));

// The reminder run of a day in the check-in window (26 Nov 2026, 09:00 Bogotá): every reachable
// enlace of the 44 units gets the card; the sender always succeeds.
for (const unit of seed.units) await h.store.saveConversationReference(`enlace-${unit.id}`, { conversation: { id: `a:enlace-${unit.id}` } });
const runAt = new Date('2026-11-26T14:00:00.000Z');
const scheduler = new ReminderScheduler({
  store: h.store,
  notifier: { send: async () => ({ activityId: 'sent' }), update: async () => undefined },
  clock: { now: () => runAt },
  render: (r) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: r.id }] }),
  log: silentLog,
  owner: 'bench',
});
let sent = 0;
await measure('reminder_run_44_units', async () => (sent = (await scheduler.runOnce()).sent.length));
console.error(`# reminder run: ${sent} cards sent`);
server.close();
