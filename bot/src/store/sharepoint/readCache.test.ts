import { describe, expect, it } from 'vitest';
import type { SeedData } from '../Store.js';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import { fakeSharePoint, SITE_URL } from './fake/harness.js';
import { GraphGateway } from './graph.js';
import { SharePointStore } from './SharePointStore.js';
import { startApi } from '../../testing/apiServer.js';
import { withDataAge } from '../dataAge.js';
import { asAction, asWrite } from '../freshness.js';
import { monthReviewWrite } from '../contract/fixtures.js';

const NOW = '2026-11-23T15:00:00.000Z';
const UNIT = 'al-usaquen';
const demo = buildDemoSeed('2026-11-23');
/** The demo cut to one unit (and the entity-wide roles). */
const oneUnit: SeedData = (() => {
  const sets = demo.sets.filter((s) => s.unitId === UNIT);
  const setIds = new Set(sets.map((s) => s.id));
  return {
    ...demo,
    units: demo.units.filter((u) => u.id === UNIT).map((u) => ({ ...u, parentId: null })),
    roles: demo.roles.filter((r) => r.unitId === null || r.unitId === UNIT),
    sets,
    objectives: demo.objectives.filter((o) => setIds.has(o.setId)),
    keyResults: demo.keyResults.filter((k) => setIds.has(k.setId)),
    checkIns: demo.checkIns.filter((c) => c.unitId === UNIT),
    plenarias: [],
    actas: [],
    commitments: [],
  };
})();

/** A seeded site and a cached store over it, with the cache's time in our hands; `another()` is a second server instance over the same site. */
async function cachedSite() {
  let ms = 0;
  const cache = { maxAgeMs: 5_000, now: () => ms };
  const h = fakeSharePoint({ now: () => new Date(NOW), cache });
  await h.store.seed(oneUnit);
  const another = () => new SharePointStore({ gateway: new GraphGateway({ tokenProvider: async () => 'fake-token', transport: h.fake.transport() }), site: { url: SITE_URL }, now: () => new Date(NOW), cache });
  return { ...h, cache: h.store.engine.cache!, another, later: (by: number) => (ms += by) };
}

/** `version`: the check-in the save is based on (compare-and-set); null when the month has none. */
const checkIn = (keyResultId: string, value: number, comment = 'Avance del mes con soporte.', version: number | null = null) => ({
  keyResultId,
  value,
  comment,
  evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/evidencia',
  version,
});

describe('the SharePoint read cache (delta queries)', () => {
  it('answers a screen read again from memory, and asks Graph only for the lists’ changes once they are due', async () => {
    const h = await cachedSite();
    const first = await h.store.loadUnitQuarter(UNIT, '2026-Q4');
    h.fake.resetStats();
    expect(await h.store.loadUnitQuarter(UNIT, '2026-Q4')).toEqual(first);
    expect(h.fake.stats.requests).toBe(0);
    h.later(6_000);
    expect(await h.store.loadUnitQuarter(UNIT, '2026-Q4')).toEqual(first);
    // One request: the delta of every list the screen reads, in one batch, 1 RU each.
    expect(h.fake.stats.requests).toBe(1);
    expect(h.fake.stats.ru).toBe(h.fake.stats.innerRequests);
  });

  it('reads a unit’s quarter as the whole quarter, so the next unit’s screen costs nothing', async () => {
    const h = fakeSharePoint({ now: () => new Date(NOW), cache: { maxAgeMs: 5_000, now: () => 0 } });
    const twoUnits = { ...demo, units: demo.units.filter((u) => ['al-usaquen', 'al-suba'].includes(u.id)).map((u) => ({ ...u, parentId: null })), plenarias: [], actas: [], commitments: [] };
    twoUnits.sets = demo.sets.filter((s) => ['al-usaquen', 'al-suba'].includes(s.unitId));
    const setIds = new Set(twoUnits.sets.map((s) => s.id));
    twoUnits.objectives = demo.objectives.filter((o) => setIds.has(o.setId));
    twoUnits.keyResults = demo.keyResults.filter((k) => setIds.has(k.setId));
    twoUnits.checkIns = demo.checkIns.filter((c) => ['al-usaquen', 'al-suba'].includes(c.unitId));
    twoUnits.roles = demo.roles.filter((r) => r.unitId === null || ['al-usaquen', 'al-suba'].includes(r.unitId));
    await h.store.seed(twoUnits);
    const usaquen = await h.store.loadUnitQuarter('al-usaquen', '2026-Q4');
    h.fake.resetStats();
    const suba = await h.store.loadUnitQuarter('al-suba', '2026-Q4');
    expect(h.fake.stats.requests).toBe(0);
    expect(suba.bundle!.set.unitId).toBe('al-suba');
    expect(suba.bundle!.keyResults).toHaveLength(9);
    expect(suba.checkIns.every((c) => c.unitId === 'al-suba')).toBe(true);
    expect(usaquen.checkIns.every((c) => c.unitId === 'al-usaquen')).toBe(true);
    // The same answers as without the cache.
    const plain = fakeSharePoint({ now: () => new Date(NOW) });
    await plain.store.seed(twoUnits);
    expect(await plain.store.loadUnitQuarter('al-suba', '2026-Q4')).toEqual(suba);
  });

  it('shows the writer its own change at once, with no request to read it back', async () => {
    const h = await cachedSite();
    const kr = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults[0]!;
    await h.store.listCheckIns(UNIT, ['2026-11']);
    await h.store.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(kr.id, 40)] });
    h.fake.resetStats();
    const [saved] = await h.store.listCheckIns(UNIT, ['2026-11']);
    expect(h.fake.stats.requests).toBe(0);
    expect(saved).toMatchObject({ keyResultId: kr.id, value: 40, version: 1 });
    // Its eTag is the one Graph gave: a correction goes through compare-and-set without a conflict.
    const [corrected] = await h.store.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(kr.id, 45, undefined, 1)] });
    expect(corrected!.checkIn).toMatchObject({ value: 45, version: 2 });
    expect((await h.store.listCheckIns(UNIT, ['2026-11']))[0]).toMatchObject({ value: 45, version: 2 });
  });

  it('in an action, checks together in its first store call what its kind read last time, even with no list in use', async () => {
    const h = await cachedSite();
    // An action of three store calls, each reading other lists.
    const screen = () => asAction('screen', async () => {
      await h.store.getPerson(`enlace-${UNIT}`);
      await h.store.loadUnitQuarter(UNIT, '2026-Q4');
      await h.store.listCheckIns(UNIT, ['2026-11']);
    });
    await screen();
    h.later(6_000);
    await screen();
    // Two minutes with nothing read: no list is in use, and another action reads only the people.
    h.later(120_000);
    await asAction('person', () => h.store.getPerson(`enlace-${UNIT}`));
    h.later(6_000);
    h.fake.resetStats();
    await screen();
    expect(h.fake.stats.requests).toBe(1);
    const screenLists = h.fake.stats.innerRequests;
    // The lists read by a kind are the only ones its check takes along: the person's action checks one.
    h.later(6_000);
    h.fake.resetStats();
    await asAction('person', () => h.store.getPerson(`enlace-${UNIT}`));
    expect(h.fake.stats.requests).toBe(1);
    expect(h.fake.stats.innerRequests).toBeLessThan(screenLists);
  });

  it('sees a write made on another server instance within the freshness bound', async () => {
    const h = await cachedSite();
    const other = h.another();
    const kr = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults[0]!;
    expect(await h.store.listCheckIns(UNIT, ['2026-11'])).toEqual([]);
    await other.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(kr.id, 40)] });
    // Within the bound this instance still answers from memory; once due, it asks the delta and sees it.
    expect(await h.store.listCheckIns(UNIT, ['2026-11'])).toEqual([]);
    h.later(5_000);
    expect((await h.store.listCheckIns(UNIT, ['2026-11'])).map((c) => c.value)).toEqual([40]);
    // A person renamed by someone else (a small list, held whole) shows up the same way.
    expect((await h.store.getPerson(`enlace-${UNIT}`))!.name).not.toBe('Nombre Corregido');
    const people = h.list('people');
    people.update([...people.all()].find((i) => i.fields.RecordKey === `enlace-${UNIT}`)!, { Title: 'Nombre Corregido' });
    expect((await h.store.getPerson(`enlace-${UNIT}`))!.name).not.toBe('Nombre Corregido');
    h.later(5_000);
    expect((await h.store.getPerson(`enlace-${UNIT}`))!.name).toBe('Nombre Corregido');
  });

  it('in a check-in save, checks only what decides it; the month’s compare-and-set catches what the cache missed', async () => {
    const h = await cachedSite();
    const other = h.another();
    const krs = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults;
    await h.store.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(krs[0]!.id, 40)] });
    await h.store.loadUnitQuarter(UNIT, '2026-Q4');
    await h.store.getUnit(UNIT);
    // Another instance saves another key result of the month and renames the unit.
    await other.saveCheckIns({ actorId: `lider-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(krs[1]!.id, 7)] });
    const units = h.list('units');
    units.update([...units.all()].find((i) => i.fields.RecordKey === UNIT)!, { Title: 'Usaquén (nuevo nombre)' });
    h.later(6_000);
    h.fake.resetStats();
    const { result, ageMs } = await withDataAge(() =>
      asWrite('checkInSave', async () => {
        const [unit, quarter] = await Promise.all([h.store.getUnit(UNIT), h.store.loadUnitQuarter(UNIT, '2026-Q4')]);
        const saved = await h.store.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(krs[0]!.id, 45, undefined, 1)] });
        return { unit, quarter, saved };
      }),
    );
    // The delta of the lists that decide a save only (sets, key results; people, roles and reviews when held): not of units, objectives, check-ins.
    expect(h.cache.stats.deltaChecks).toBeGreaterThan(0);
    expect(result.unit!.name).not.toBe('Usaquén (nuevo nombre)'); // shown as it was read: not checked by choice…
    expect(ageMs).toBe(0); // …so the answer does not claim SharePoint could not be reached
    expect(result.quarter.checkIns.map((c) => c.value)).toEqual([40]); // as held…
    expect(result.saved[0]).toMatchObject({ outcome: 'updated', checkIn: { value: 45, version: 2 } });
    // …and the save met the other instance's write (412), read the month again and kept both.
    expect((await h.store.listCheckIns(UNIT, ['2026-11'])).map((c) => [c.value, c.version])).toEqual([
      [45, 2],
      [7, 1],
    ]);
    // Outside a save, everything due is checked as before.
    h.later(6_000);
    expect((await h.store.getUnit(UNIT))!.name).toBe('Usaquén (nuevo nombre)');
  });

  it('in a check-in save, sees at once that the ETI closed the month on another instance', async () => {
    const h = await cachedSite();
    const other = h.another();
    await h.store.listMonthReviews({ periods: ['2026-11'], unitId: UNIT });
    await other.saveMonthReview(monthReviewWrite({ unitId: UNIT, period: '2026-11', state: 'closed', note: null }, null));
    h.later(6_000);
    const seen = await asWrite('checkInSave', () => h.store.getMonthReview(UNIT, '2026-11'));
    expect(seen?.state).toBe('closed');
  });

  it('takes out what another instance deleted', async () => {
    const h = await cachedSite();
    const refs = h.list('conversationRefs');
    await h.store.saveConversationReference('coach-1', { conversation: { id: 'a:coach-1' } });
    expect(await h.store.getConversationReference('coach-1')).toEqual({ conversation: { id: 'a:coach-1' } });
    refs.delete([...refs.all()].find((i) => i.fields.RecordKey === 'coach-1')!);
    h.later(5_000);
    expect(await h.store.getConversationReference('coach-1')).toBeNull();
  });

  it('reads a list again, once, when its delta token has expired (410)', async () => {
    const h = await cachedSite();
    const other = h.another();
    const kr = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults[0]!;
    expect(await h.store.listCheckIns(UNIT, ['2026-11'])).toEqual([]);
    await other.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(kr.id, 40)] });
    h.list('checkIns').expireDeltaTokens();
    h.later(5_000);
    expect((await h.store.listCheckIns(UNIT, ['2026-11'])).map((c) => c.value)).toEqual([40]);
    expect(h.cache.stats.expired).toBe(1);
    h.later(5_000);
    h.fake.resetStats();
    expect((await h.store.listCheckIns(UNIT, ['2026-11'])).map((c) => c.value)).toEqual([40]);
    expect(h.cache.stats.expired).toBe(1);
    expect(h.fake.stats.requests).toBe(1);
  });

  it('serves what it holds when Graph is throttled past the retries, and catches up afterwards', async () => {
    const h = await cachedSite();
    const kr = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults[0]!;
    await h.store.listCheckIns(UNIT, ['2026-11']);
    await h.another().saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [checkIn(kr.id, 40)] });
    h.later(5_000);
    h.fake.throttleRate = 1;
    expect(await h.store.listCheckIns(UNIT, ['2026-11'])).toEqual([]);
    expect(h.cache.stats.maxStalenessMs).toBeGreaterThanOrEqual(5_000);
    h.fake.throttleRate = 0;
    expect((await h.store.listCheckIns(UNIT, ['2026-11'])).map((c) => c.value)).toEqual([40]);
  });
});

describe('how old the data served is (store/dataAge.ts)', () => {
  it('says the age of what it served while Graph cannot be reached or is throttled, and nothing once it answers again', async () => {
    const h = await cachedSite();
    const read = () => withDataAge(() => h.store.loadUnitQuarter(UNIT, '2026-Q4'));
    const first = await read();
    expect(first.ageMs).toBe(0);
    h.later(3_000);
    expect((await read()).ageMs).toBe(3_000); // within the freshness bound: served as it is
    h.later(87_000);
    h.fake.unreachable = true;
    const unreachable = await read();
    expect(unreachable.result).toEqual(first.result);
    expect(unreachable.ageMs).toBe(90_000);
    h.fake.unreachable = false;
    for (let i = 0; i < 40; i++) h.fake.inject({ kind: 'status', status: 429, urlIncludes: 'items/delta', retryAfter: 1 });
    h.later(30_000);
    expect((await read()).ageMs).toBe(120_000); // throttled past the retries: still the data checked two minutes ago
    h.later(1_000);
    expect((await read()).ageMs).toBe(0); // Graph answers: checked now
    // Outside a request or turn nothing is noted, and a read of its own says only its own age.
    expect((await withDataAge(async () => 'nothing read')).ageMs).toBe(0);
  });
});

describe('who may see what, with the cache', () => {
  it('is decided on every request: what one person read is never served to another who may not see it', async () => {
    const h = await cachedSite();
    const { call } = await startApi(true, { store: h.store });
    const dashboard = await call('/api/dashboard?quarter=2026-Q4', 'eti-1');
    expect(dashboard.status).toBe(200);
    expect(JSON.stringify(dashboard.body)).toContain(UNIT);
    h.fake.resetStats();
    const refused = await call('/api/dashboard?quarter=2026-Q4', `miembro-${UNIT}`);
    expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(h.fake.stats.requests).toBe(0); // everything it needed was in the cache, and still refused
  });
});

describe('the meeting surfaces, with the cache', () => {
  it('serve the side panel and the stage of a plenaria from what the first participant read: no Graph request for the others', async () => {
    const h = await cachedSite();
    const { call } = await startApi(true, { store: h.store });
    // What the side panel asks (who I am, the unit's tree, the quarter's plenarias) and the stage (who I am, the tree).
    const surfaces = (as: string) => Promise.all([call('/api/me', as), call(`/api/units/${UNIT}/tree?quarter=2026-Q4`, as), call('/api/plenarias?quarter=2026-Q4', as)]);
    const first = await surfaces(`lider-${UNIT}`);
    expect(first.map((r) => r.status)).toEqual([200, 200, 200]);
    h.fake.resetStats();
    for (const person of [`enlace-${UNIT}`, `miembro-${UNIT}`, 'coach-1', 'eti-1']) {
      const answers = await surfaces(person);
      expect(answers.map((r) => r.status), person).toEqual([200, 200, 200]);
      expect(answers[1]!.body.unit.id).toBe(UNIT);
    }
    expect(h.fake.stats.requests).toBe(0);
  });
});

describe('the Graph fake’s items/delta, as Graph documents it', () => {
  it('enumerates, gives a token for now, then the latest state of what changed (deleted ones with the deleted facet)', async () => {
    const h = fakeSharePoint();
    const list = h.list('conversationRefs');
    const a = list.create({ RecordKey: 'a', Reference: '{}' });
    const b = list.create({ RecordKey: 'b', Reference: '{}' });
    const base = `/sites/${h.site.id}/lists/${list.id}/items/delta?$expand=fields($select=RecordKey)&$top=1`;
    const get = async (url: string) => (await h.gateway.batch([{ method: 'GET', url }], { mode: 'parallel' }))[0]!;
    const relative = (link: string) => link.replace('https://graph.microsoft.com/v1.0', '');

    // No token: the whole list, page by page, then a deltaLink.
    const page1 = await get(base);
    expect(page1.body.value.map((i: { id: string }) => i.id)).toEqual([String(a.id)]);
    const page2 = await get(relative(page1.body['@odata.nextLink']));
    expect(page2.body.value.map((i: { fields: { RecordKey: string } }) => i.fields.RecordKey)).toEqual(['b']);
    const deltaLink = relative(page2.body['@odata.deltaLink']);
    expect(deltaLink).toContain('$expand=fields');

    // token=latest: nothing, and a link for now.
    const latest = await get(`${base}&token=latest`);
    expect(latest.body.value).toEqual([]);

    list.update(a, { Reference: '{"x":1}' });
    list.update(list.get(a.id)!, { Reference: '{"x":2}' });
    list.delete(list.get(b.id)!);
    h.fake.resetStats();
    const changes = await get(deltaLink);
    const more = await get(relative(changes.body['@odata.nextLink']));
    expect([...changes.body.value, ...more.body.value]).toEqual([
      expect.objectContaining({ id: String(a.id), fields: expect.objectContaining({ RecordKey: 'a' }) }),
      { id: String(b.id), deleted: { state: 'deleted' } },
    ]);
    expect(h.fake.stats.ru).toBe(2); // 1 RU per delta request with a token
    expect((await get(relative(latest.body['@odata.deltaLink']))).body.value).toHaveLength(1);

    // An expired token: 410 with a Location that starts a new enumeration.
    list.expireDeltaTokens();
    const gone = await get(relative(more.body['@odata.deltaLink']));
    expect(gone.status).toBe(410);
    expect(gone.headers.location).toContain('/items/delta?');
    expect(gone.headers.location).not.toContain('token=');
  });
});
