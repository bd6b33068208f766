// Microsoft Graph requests and SharePoint resource units per whole user action (issue 20): through
// the real bot (botbuilder's TestAdapter) and the real HTTP API, on the SharePoint store over the
// Graph fake with the demo's 44 units and 100,000 check-ins. Each action is done twice: the figures
// are those of the second time, more than 5 s later (so the read cache asks every list it uses for
// its changes: the worst case of a running server), `_cold` those of the first time (the cache
// empty for what it reads). Printed with the read cache on (as the server runs) and off
// (`_no_cache`). `_idle`: the action on a server where nothing was read for two minutes (no list in
// use), the worst case of a quiet entity; `checkin_card_idle` is the save 6 s after that open. Goals: a card check-in (open and save) ≤ 3 requests and ≤ 20 RU, the tab's first
// load ≤ 2 requests, a bot message that needs nothing else ≤ 1.
import { ReminderScheduler } from '../bot/src/jobs/reminderScheduler.js';
import { buildDemoSeed } from '../bot/src/store/seed/demoOkrs.js';
import { checkInHistory, fakeSharePoint } from '../bot/src/store/sharepoint/fake/harness.js';
import { botHarness, silentLog, TEST_NOW } from '../bot/src/testing/harness.js';
import { CHECK_IN_SUBMIT, inputIds } from '../bot/src/teams/cards/checkInCard.js';
import { ACTA_SIGN } from '../bot/src/teams/cards/actaCard.js';
import { startApiServer } from './apiServer.js';

const today = TEST_NOW.slice(0, 10);
const UNIT = 'al-usaquen';
const ENLACE = `enlace-${UNIT}`;
const seed = buildDemoSeed(today);
const history = checkInHistory(seed.units.map((u) => u.id));

for (const cached of [true, false]) await actions(cached);

async function actions(cached: boolean): Promise<void> {
  const suffix = cached ? '' : '_no_cache';
  /** The cache's time (ms): each measured action comes 6 s after the one before. */
  let ms = 0;
  // The store as the server opens it (open.ts): the read cache on, checked every 5 s.
  const h = fakeSharePoint({ now: () => new Date(TEST_NOW), checkInHistory: history, ...(cached ? { cache: { maxAgeMs: 5_000, now: () => ms } } : {}) });
  await h.store.seed(seed);
  const bot = await botHarness(TEST_NOW, undefined, h.store);
  const server = await startApiServer(h.store, TEST_NOW);
  const get = (path: string, as: string) => server.call(path, as);

  const once = async (name: string, run: () => Promise<unknown>, after = 6_000) => {
    ms += after;
    h.fake.resetStats();
    await run();
    const { requests, ru, thresholdErrors, throttled } = h.fake.stats;
    if (thresholdErrors > 0 || throttled > 0) throw new Error(`${name}: unexpected ${JSON.stringify(h.fake.stats)}`);
    console.log(`graph_requests_${name}${suffix} ${requests}`);
    console.log(`graph_ru_${name}${suffix} ${ru}`);
  };
  /** The action on an idle server: nothing read for two minutes, so no list is in use (`_idle`). */
  const idle = (name: string, run: () => Promise<unknown>) => once(`${name}_idle`, run, 120_000);
  /** The action twice: `_cold`, then the figures that count. */
  const measure = async (name: string, first: () => Promise<unknown>, second = first) => {
    await once(`${name}_cold`, first);
    await once(name, second);
  };

  // The site and list ids are resolved by a first request, as on a server that is running.
  await h.store.getPerson('eti-1');
  // Who writes, looked up once here: the harness's own lookup is not part of what the person does.
  const enlace = (await h.store.getPerson(ENLACE))!;
  await measure('bot_message_help', () => bot.say(enlace, 'ayuda'));
  await measure('checkin_card_open', () => bot.say(enlace, 'check-in'));
  const set = (await h.store.getSet(UNIT, '2026-Q4'))!;
  const card = (comment: string) => {
    const data: Record<string, unknown> = { unitId: UNIT, period: today.slice(0, 7) };
    for (const kr of set.keyResults) {
      const ids = inputIds(kr.id);
      data[ids.value] = kr.kind === 'milestone' ? '1' : kr.kind === 'percentage' ? '60' : String(kr.target);
      data[ids.comment] = `${comment} ${kr.title.toLowerCase()} según el plan.`;
      data[ids.evidenceUrl] = `https://gobiernobogota.sharepoint.com/sites/OKR/${UNIT}/${kr.id}`;
    }
    // The versions the card showed (compare-and-set), as «Guardar todo» sends them.
    data.versions = versions;
    return data;
  };
  let versions: Record<string, number> = {};
  const allSaved = async (comment: string) => {
    const now = (await h.store.listCheckIns(UNIT, [today.slice(0, 7)])).filter((c) => c.comment.startsWith(comment));
    if (now.length !== set.keyResults.length) throw new Error(`checkin_card: ${now.length} of ${set.keyResults.length} saved as «${comment}»`);
    versions = Object.fromEntries(now.map((c) => [c.keyResultId, c.version]));
  };
  // Saved, then corrected from the card that shows the saved month: both change all nine key results.
  await once('checkin_card_cold', () => bot.execute(enlace, CHECK_IN_SUBMIT, card('Se avanzó en')));
  await allSaved('Se avanzó en');
  await once('checkin_card', () => bot.execute(enlace, CHECK_IN_SUBMIT, card('Corregido: se avanzó en')));
  await allSaved('Corregido: se avanzó en');
  // The same check-in on an idle server: the card opened after a quiet spell, saved 6 s later.
  await idle('checkin_card_open', () => bot.say(enlace, 'check-in'));
  await once('checkin_card_idle', () => bot.execute(enlace, CHECK_IN_SUBMIT, card('Revisado: se avanzó en')));
  await allSaved('Revisado: se avanzó en');
  const firstLoad = (as: string, unit: string) => () => Promise.all([get('/api/me', as), get(`/api/units/${unit}/tree?quarter=2026-Q4`, as), get(`/api/units/${unit}/recognitions`, as)]);
  await measure('tab_first_load', firstLoad('enlace-al-suba', 'al-suba'), firstLoad('lider-al-suba', 'al-suba'));
  await idle('tab_first_load', firstLoad('miembro-al-suba', 'al-suba'));
  await measure('dashboard', () => get('/api/dashboard?quarter=2026-Q4', 'eti-1'), () => get('/api/dashboard?quarter=2026-Q4', 'oap-1'));
  await idle('dashboard', () => get('/api/dashboard?quarter=2026-Q4', 'eti-1'));

  // An acta ready to sign: Usaquén's plenaria menor of today, written by its enlace.
  const { actas } = bot.deps;
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
  const id = plenaria.plenaria.id;
  // The secretary opens the acta, then signs it from the card (the sign-off is done once: its `_cold` is the view).
  await measure('acta', () => get(`/api/plenarias/${id}/acta`, `lider-${UNIT}`), () => get(`/api/plenarias/${id}/acta`, ENLACE));
  await idle('acta', () => get(`/api/plenarias/${id}/acta`, `lider-${UNIT}`));
  await once('acta_sign', () => bot.execute(enlace, ACTA_SIGN, { plenariaId: id, part: 'secretary', documentVersion: 1, version: saved.acta!.version }));

  // The reminder run of a day in the check-in window (26 Nov 2026, 09:00 Bogotá): every reachable
  // enlace of the 44 units gets the card (the sender always succeeds); `_again` is the next run, a
  // quarter of an hour later, which has nothing new to send (what most runs are).
  for (const unit of seed.units) await h.store.saveConversationReference(`enlace-${unit.id}`, { conversation: { id: `a:enlace-${unit.id}` } });
  let runAt = new Date('2026-11-26T14:00:00.000Z');
  const scheduler = new ReminderScheduler({
    store: h.store,
    notifier: { send: async () => ({ activityId: 'sent' }), update: async () => undefined },
    clock: { now: () => runAt },
    render: (r) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: r.id }] }),
    log: silentLog,
    owner: 'bench',
  });
  let sent = 0;
  await once('reminder_run_44_units', async () => (sent = (await scheduler.runOnce()).sent.length));
  runAt = new Date('2026-11-26T14:15:00.000Z');
  await once('reminder_run_44_units_again', () => scheduler.runOnce());
  console.error(`# reminder run: ${sent} cards sent`);
  server.close();
  await h.store.close();
}
