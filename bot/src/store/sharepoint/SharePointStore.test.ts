import { describe, expect, it } from 'vitest';
import type { CheckIn, Commitment, Plenaria } from '@okr/core';
import { ConflictError, type SeedData } from '../Store.js';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import { SqliteStore } from '../sqlite/SqliteStore.js';
import { checkInHistory, fakeSharePoint, legacyCheckInHistory, SITE_URL, type FakeSharePointOptions } from './fake/harness.js';
import { LEGACY_CHECK_INS } from './migrations.js';
import { columnDefinition } from './schema.js';
import { contractOverFake } from './fake/contractOverFake.js';
import { monthReviewWrite } from '../contract/fixtures.js';
import { FakeGraph } from './fake/FakeGraph.js';
import { GraphGateway } from './graph.js';
import { describe as describeReport, provision } from './provision.js';
import { ACTA_LIBRARY } from './repositories/actas.js';
import { checkInColumns, checkInsOfMonth } from './repositories/okr.js';
import { LIBRARIES, LISTS, SharePointSchemaError, SharePointStore } from './SharePointStore.js';
import { GraphUnavailableError } from './throttling.js';

const now = () => new Date('2026-11-23T15:00:00.000Z');
const demo = buildDemoSeed('2026-11-23');
const unitIds = demo.units.map((u) => u.id);
/** The demo cut to two units (tests about one unit's writes need no more, and seed 20× faster). */
const twoUnits: SeedData = (() => {
  const keep = new Set(['al-usaquen', 'al-chapinero']);
  const sets = demo.sets.filter((s) => keep.has(s.unitId));
  const setIds = new Set(sets.map((s) => s.id));
  const plenarias = (demo.plenarias ?? []).filter((p) => p.unitId !== null && keep.has(p.unitId));
  const plenariaIds = new Set(plenarias.map((p) => p.id));
  return {
    ...demo,
    units: demo.units.filter((u) => keep.has(u.id)).map((u) => ({ ...u, parentId: null })),
    roles: demo.roles.filter((r) => r.unitId === null || keep.has(r.unitId)),
    sets,
    objectives: demo.objectives.filter((o) => setIds.has(o.setId)),
    keyResults: demo.keyResults.filter((k) => setIds.has(k.setId)),
    checkIns: demo.checkIns.filter((c) => keep.has(c.unitId)),
    plenarias,
    actas: (demo.actas ?? []).filter((a) => plenariaIds.has(a.plenariaId)),
    commitments: (demo.commitments ?? []).filter((c) => plenariaIds.has(c.plenariaId)),
  };
})();

// The unchanged contract over the fake with pages of 7 items (every list read follows
// @odata.nextLink); the throttled and 100,000-item runs are in the *.throttled / *.large test files.
contractOverFake('sharepoint over the Graph fake (pages of 7)', { pageSize: 7 });

const seededPair = async () => {
  const sqlite = new SqliteStore({ path: ':memory:', now });
  const sp = fakeSharePoint({ now, pageSize: 40 });
  await Promise.all([sqlite.seed(demo), sp.store.seed(demo)]);
  return { sqlite, sp };
};
const withoutIds = (c: CheckIn) => ({ ...c, id: '' });

describe('SharePoint store and SQLite store give the same answers', () => {
  it('for every read of the seeded demo, including the one-screen reads', async () => {
    const { sqlite, sp } = await seededPair();
    const store = sp.store;
    expect(await store.listUnits()).toEqual(await sqlite.listUnits());
    expect(await store.listPeople()).toEqual(await sqlite.listPeople());
    expect(await store.listRoles()).toEqual(await sqlite.listRoles());
    expect(await store.listInstitutionalObjectives()).toEqual(await sqlite.listInstitutionalObjectives());
    expect(await store.loadDirectory()).toEqual(await sqlite.loadDirectory());
    expect(await store.listAssignments({ unitId: 'dgth' })).toEqual(await sqlite.listAssignments({ unitId: 'dgth' }));
    expect(await store.listSetsByState(['active', 'closed'])).toEqual(await sqlite.listSetsByState(['active', 'closed']));
    for (const unit of ['al-usaquen', 'dgth', 'sgd', 'al-sumapaz']) {
      expect(await store.getSet(unit, '2026-Q4')).toEqual(await sqlite.getSet(unit, '2026-Q4'));
      expect(await store.loadUnitQuarter(unit, '2026-Q4')).toEqual(await sqlite.loadUnitQuarter(unit, '2026-Q4'));
      expect(await store.listCheckIns(unit, ['2026-09', '2026-10', '2026-11'])).toEqual(await sqlite.listCheckIns(unit, ['2026-09', '2026-10', '2026-11']));
    }
    expect(await store.getSetById('set-al-usaquen-2026-Q3')).toEqual(await sqlite.getSetById('set-al-usaquen-2026-Q3'));
    const entity = await store.loadEntityQuarter('2026-Q4');
    expect(entity).toEqual(await sqlite.loadEntityQuarter('2026-Q4'));
    expect(entity.bundles).toHaveLength(44);
    expect(entity.checkIns.length).toBeGreaterThan(200); // pages of 40: many nextLinks, batched
    expect(await store.findPersonByAadObjectId((await sqlite.listPeople())[3]!.aadObjectId.toUpperCase())).toEqual((await sqlite.listPeople())[3]);
    for (const filter of [{ quarters: ['2026-Q3' as const] }, { quarters: ['2026-Q3' as const, '2026-Q4' as const], unitId: 'dgth' }, {}]) {
      expect(await store.listPlenarias(filter)).toEqual(await sqlite.listPlenarias(filter));
      expect(await store.listActas(filter)).toEqual(await sqlite.listActas(filter));
    }
    expect((await store.listActas({ quarters: ['2026-Q3'] })).length).toBeGreaterThan(40);
    expect(await store.getPlenaria('pl-mayor-2026-S2')).toEqual(await sqlite.getPlenaria('pl-mayor-2026-S2'));
    for (const filter of [{ unitId: 'al-suba' }, { ownerId: 'lider-dgth' }, { plenariaId: 'pl-dialogo-2026-09' }, {}]) {
      expect(await store.listCommitments(filter)).toEqual(await sqlite.listCommitments(filter));
    }
    // The review module's screens and lists.
    const periods = ['2026-09', '2026-10', '2026-11'];
    expect(await store.listMonthReviews({ periods })).toEqual(await sqlite.listMonthReviews({ periods }));
    expect(await store.listMonthReviews({ periods, unitId: 'al-suba' })).toEqual(await sqlite.listMonthReviews({ periods, unitId: 'al-suba' }));
    expect(await store.loadReviewQueue('2026-10')).toEqual(await sqlite.loadReviewQueue('2026-10'));
    for (const unit of ['al-usaquen', 'al-suba', 'dgth']) {
      expect(await store.loadUnitReview(unit, '2026-10')).toEqual(await sqlite.loadUnitReview(unit, '2026-10'));
      expect(await store.listMonthReviewEvents(unit, '2026-10')).toEqual(await sqlite.listMonthReviewEvents(unit, '2026-10'));
    }
    const q3 = await store.getQuarterClose('2026-Q3');
    expect(q3?.snapshot.units).toHaveLength(44);
    expect(q3).toEqual(await sqlite.getQuarterClose('2026-Q3'));
    expect(await store.loadQuarterClose('2026-Q3')).toEqual(await sqlite.loadQuarterClose('2026-Q3'));
    await sqlite.close();
  });

  it('for the same sequence of writes, with the same audit trail', async () => {
    const { sqlite, sp } = await seededPair();
    const kr = (await sqlite.getSet('al-usaquen', '2026-Q4'))!.keyResults;
    const write = (value: number, version: number | null, krs = kr.slice(0, 9)) => ({
      actorId: 'enlace-al-usaquen',
      unitId: 'al-usaquen',
      period: '2026-11',
      checkIns: krs.map((k, i) => ({ keyResultId: k.id, value: value + i, comment: `Avance ${value}`, evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version })),
    });
    for (const w of [write(10, null), write(10, null), write(20, 1, kr.slice(0, 3)), write(20, 1)]) {
      const [a, b] = [await sqlite.saveCheckIns(w), await sp.store.saveCheckIns(w)];
      expect(b.map((s) => [s.outcome, withoutIds(s.checkIn)])).toEqual(a.map((s) => [s.outcome, withoutIds(s.checkIn)]));
    }
    const version = (await sqlite.getMonthReview('al-usaquen', '2026-10'))?.version ?? null;
    const review = { unitId: 'al-usaquen', period: '2026-10', state: 'correction_requested' as const, note: 'Falta soporte.' };
    for (const s of [sqlite, sp.store]) {
      await s.saveMonthReview(monthReviewWrite(review, version));
      await s.saveMonthReview(monthReviewWrite({ ...review, state: 'closed', note: null }, (version ?? 0) + 1));
    }
    expect(await sp.store.getMonthReview('al-usaquen', '2026-10')).toEqual(await sqlite.getMonthReview('al-usaquen', '2026-10'));
    expect((await sp.store.listCheckIns('al-usaquen', ['2026-11'])).map(withoutIds)).toEqual((await sqlite.listCheckIns('al-usaquen', ['2026-11'])).map(withoutIds));
    const trail = async (s: typeof sqlite | typeof sp.store) =>
      (await s.listAudit({ limit: 1000 })).map((a) => ({ ...a, id: 0, before: strip(a.before), after: strip(a.after) }));
    const [a, b] = [await trail(sqlite), await trail(sp.store)];
    expect(b).toEqual(a);
    expect(a.length).toBe(1 + 1 + 1 + 1 + 2); // seed, the save of 9 created, of 3 updated, of 6 updated (one entry each), review ×2
    expect(await sp.store.listAudit({ entity: 'monthReview', limit: 1 })).toHaveLength(1);
    await sqlite.close();
  });
});

/** This unit's November in the list's storage: its one month item. */
const mine = (rows: Array<Record<string, unknown>>) => rows.filter((r) => r.Period === '2026-11' && r.UnitId === 'al-usaquen');
/** The check-ins of this unit's November as stored (the month item's JSON columns). */
const mineOf = (rows: Array<Record<string, unknown>>, unitId: string, period: string) => rows.find((r) => r.Period === period && r.UnitId === unitId);
const stored = (rows: Array<Record<string, unknown>>) => mine(rows).flatMap((r) => checkInsOfMonth(r));

/** Check-in ids differ between stores (random): compare the rest. */
/** An audit entry's check-ins (a save's list of them) without their ids, which each store makes up. */
function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  return v && typeof v === 'object' && 'keyResultId' in v ? { ...(v as object), id: '' } : v;
}

describe('Requests per screen', () => {
  it('a unit’s tree is one request, the 44-unit dashboard one, a check-in one read and one write', async () => {
    const h = fakeSharePoint({ now, checkInHistory: checkInHistory(unitIds) });
    await h.store.seed(demo);
    const kr = (await h.store.getSet('al-usaquen', '2026-Q4'))!.keyResults[0]!;
    h.fake.resetStats();
    const tree = await h.store.loadUnitQuarter('al-usaquen', '2026-Q4');
    expect(tree.bundle?.keyResults).toHaveLength(9);
    expect(h.fake.stats).toMatchObject({ requests: 1, innerRequests: 5, ru: 10 });
    h.fake.resetStats();
    const entity = await h.store.loadEntityQuarter('2026-Q4');
    expect(entity.bundles).toHaveLength(44);
    expect(h.fake.stats).toMatchObject({ requests: 1, innerRequests: 6, ru: 12 });
    h.fake.resetStats();
    const [saved] = await h.store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: [{ keyResultId: kr.id, value: 5, comment: 'ok', evidenceUrl: 'https://x.sharepoint.com/e', version: null }] });
    expect(saved!.outcome).toBe('created');
    expect(h.fake.stats).toMatchObject({ requests: 2, innerRequests: 4, ru: 8 });
    expect(h.fake.stats.thresholdErrors).toBe(0);
  });
});

describe('The audit trail past the list view threshold', () => {
  it('pages month by month on indexed columns, newest first, without scanning the list', async () => {
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const rows = months.flatMap((month) =>
      Array.from({ length: 1000 }, (_, i) => {
        const entity = i % 10 === 0 ? 'monthReview' : 'checkIn';
        return { RecordKey: `${month}-${i}`, Title: 'x', At: `${month}-15T12:00:00.000Z`, ActorId: 'eti-1', Entity: entity, EntityId: `${entity}-${month}-${i}`, AuditAction: 'update', Month: month, EntityMonth: `${entity}|${month}` };
      }),
    );
    const h = fakeSharePoint({ now, pageSize: 500 });
    h.list('audit').bulkInsert(rows);
    await h.store.seed(twoUnits);
    const latest = await h.store.listAudit();
    expect(latest).toHaveLength(100);
    expect(latest[0]).toMatchObject({ entity: 'store', entityId: 'seed' });
    expect(latest[1]).toMatchObject({ entity: 'checkIn', at: '2025-12-15T12:00:00.000Z' });
    const reviews = await h.store.listAudit({ entity: 'monthReview', limit: 150 });
    expect(reviews).toHaveLength(150);
    expect(reviews.every((a) => a.entity === 'monthReview')).toBe(true);
    expect(reviews.map((a) => a.id)).toEqual([...reviews.map((a) => a.id)].sort((a, b) => b - a));
    expect(await h.store.listAudit({ entityId: 'checkIn-2025-03-7' })).toHaveLength(1);
    expect([h.fake.stats.thresholdErrors, h.fake.stats.nonIndexedErrors]).toEqual([0, 0]);
  });
});

describe('Writes under conflict, loss and failure', () => {
  const setup = async (options: FakeSharePointOptions = {}) => {
    const h = fakeSharePoint({ now, ...options });
    await h.store.seed(twoUnits);
    const krs = (await h.store.getSet('al-usaquen', '2026-Q4'))!.keyResults;
    /** `versions`: the version each save is based on (none: the month had no check-in). */
    const write = (values: number[], versions: Array<number | null> = []) =>
      h.store.saveCheckIns({
        actorId: 'enlace-al-usaquen',
        unitId: 'al-usaquen',
        period: '2026-11',
        checkIns: values.map((value, i) => ({ keyResultId: krs[i]!.id, value, comment: 'Avance', evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version: versions[i] ?? null })),
      });
    const checkInsList = h.list('checkIns');
    return { ...h, krs, write, checkInsList, itemsUrl: `/lists/${checkInsList.id}/items` };
  };

  /** Someone else's save of the month between our read and our write: the month item's check-ins changed by `change`. */
  const meanwhile = (h: Awaited<ReturnType<typeof setup>>, method: 'PATCH' | 'POST', change: (checkIns: CheckIn[]) => CheckIn[]) =>
    h.fake.inject({
      kind: 'before',
      method,
      urlIncludes: h.itemsUrl,
      run: () => {
        const item = [...h.checkInsList.all()].find((i) => i.fields.Period === '2026-11' && i.fields.UnitId === 'al-usaquen');
        const next = change(item ? checkInsOfMonth(item.fields) : []);
        if (item) h.checkInsList.update(item, checkInColumns('al-usaquen', '2026-11', next));
        else h.checkInsList.create({ RecordKey: 'al-usaquen|2026-11', Title: 'x', UnitQuarter: 'al-usaquen|2026-Q4', Quarter: '2026-Q4', UnitId: 'al-usaquen', Period: '2026-11', IdempotencyKey: 'someone-else', ...checkInColumns('al-usaquen', '2026-11', next) });
      },
    });
  const theirs = (h: Awaited<ReturnType<typeof setup>>, kr: number, value: number, version = 1): CheckIn => ({
    id: `theirs-${kr}`,
    keyResultId: h.krs[kr]!.id,
    unitId: 'al-usaquen',
    period: '2026-11',
    value,
    comment: 'De otra persona',
    evidenceUrl: 'https://gobiernobogota.sharepoint.com/otra',
    authorId: 'lider-al-usaquen',
    createdAt: '2026-11-23T14:00:00.000Z',
    updatedAt: '2026-11-23T14:00:00.000Z',
    version,
  });

  it('turns someone else’s edit of the same key result between read and write (412) into a ConflictError and writes nothing', async () => {
    const h = await setup();
    await h.write([40]);
    meanwhile(h, 'PATCH', (cs) => cs.map((c) => ({ ...c, value: 41, version: 2 })));
    await expect(h.write([55], [1])).rejects.toBeInstanceOf(ConflictError);
    expect((await h.store.listCheckIns('al-usaquen', ['2026-11']))[0]).toMatchObject({ value: 41, version: 2 });
    expect((await h.store.listAudit({ entity: 'checkIn' })).map((a) => a.action)).toEqual(['create']);
  });

  it('after a 412 for another key result’s save, reads the month again and saves once more, keeping both', async () => {
    const h = await setup();
    await h.write([40]);
    meanwhile(h, 'PATCH', (cs) => [...cs, theirs(h, 1, 7)]);
    const [saved] = await h.write([55], [1]);
    expect(saved).toMatchObject({ outcome: 'updated', checkIn: { value: 55, version: 2 } });
    expect(stored(h.checkInsList.rows()).map((c) => [c.keyResultId, c.value, c.version])).toEqual([
      [h.krs[0]!.id, 55, 2],
      [h.krs[1]!.id, 7, 1],
    ]);
    expect((await h.store.listCheckIns('al-usaquen', ['2026-11'])).map((c) => c.value)).toEqual([55, 7]);
    expect((await h.store.listAudit({ entity: 'checkIn' })).map((a) => a.action)).toEqual(['update', 'create']);
  });

  it('keeps a month at the longest input in one item: what does not fit one text column goes on in the next', async () => {
    const h = await setup();
    const longest = (i: number) => ({ keyResultId: h.krs[i]!.id, value: i, comment: '"\\'.repeat(1000), evidenceUrl: `https://gobiernobogota.sharepoint.com/${'x'.repeat(2000)}/${i}`, version: null });
    const write = { actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: h.krs.map((_, i) => longest(i)) };
    expect(write.checkIns).toHaveLength(9);
    await h.store.saveCheckIns(write);
    const [row] = mine(h.checkInsList.rows());
    expect(String(row!.CheckIns).length).toBeLessThanOrEqual(63_999);
    expect(String(row!.CheckIns2).length).toBeGreaterThan(0);
    expect((await h.store.listCheckIns('al-usaquen', ['2026-11'])).map((c) => [c.keyResultId, c.comment, c.evidenceUrl])).toEqual(write.checkIns.map((c) => [c.keyResultId, c.comment, c.evidenceUrl]));
  });

  it('a create whose answer is lost is retried without a second item (idempotency key)', async () => {
    const h = await setup();
    h.fake.inject({ kind: 'lose-response', method: 'POST', urlIncludes: h.itemsUrl });
    const [saved] = await h.write([40]);
    expect(saved!.outcome).toBe('created');
    expect(mine(h.checkInsList.rows())).toHaveLength(1);
    expect(stored(h.checkInsList.rows())).toHaveLength(1);
    expect(await h.store.listAudit({ entity: 'checkIn' })).toHaveLength(1);
    // An update whose answer is lost: the retry sees its own change (412 on the old eTag) and is fine.
    h.fake.inject({ kind: 'lose-response', method: 'PATCH', urlIncludes: h.itemsUrl });
    const [updated] = await h.write([45], [1]);
    expect(updated).toMatchObject({ outcome: 'updated', checkIn: { value: 45, version: 2 } });
    expect((await h.store.listAudit({ entity: 'checkIn' })).map((a) => a.action)).toEqual(['update', 'create']);
  });

  it('a create that meets someone else’s month with the same key result is a conflict, not an overwrite', async () => {
    const h = await setup();
    meanwhile(h, 'POST', () => [theirs(h, 0, 1)]);
    await expect(h.write([40])).rejects.toBeInstanceOf(ConflictError);
    expect(mine(h.checkInsList.rows())).toHaveLength(1);
    expect(stored(h.checkInsList.rows()).map((c) => c.value)).toEqual([1]);
  });

  it('a create that meets someone else’s month of other key results (409) adds to it', async () => {
    const h = await setup();
    meanwhile(h, 'POST', () => [theirs(h, 1, 7)]);
    const [saved] = await h.write([40]);
    expect(saved!.outcome).toBe('created');
    expect(mine(h.checkInsList.rows())).toHaveLength(1);
    expect(stored(h.checkInsList.rows()).map((c) => c.value)).toEqual([7, 40]);
  });

  it('undoes the changes already made when a later one fails, audit entries included', async () => {
    const h = await setup();
    await h.write([10]);
    // The month's item is written; its audit entry, next in the batch, fails.
    h.fake.inject({ kind: 'status', status: 500, method: 'POST', urlIncludes: `/lists/${h.list('audit').id}/items` });
    await expect(h.write([11, 20, 30], [1])).rejects.toThrow(/500/);
    expect((await h.store.listCheckIns('al-usaquen', ['2026-11'])).map((c) => [c.value, c.version])).toEqual([[10, 1]]);
    expect((await h.store.listAudit({ entity: 'checkIn' })).map((a) => a.action)).toEqual(['create']);
  });

  it('when a batch’s answer never comes, finds what it changed and undoes it before reporting failure', async () => {
    const h = await setup({ maxRetries: 0 });
    h.fake.inject({ kind: 'lose-response', method: 'POST', urlIncludes: h.itemsUrl });
    await expect(h.write([40])).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(mine(h.checkInsList.rows())).toEqual([]);
    expect(await h.store.listAudit({ entity: 'checkIn' })).toEqual([]);
  });

  it('waits what Retry-After says inside a batch and for the whole batch, and gives up past the bound', async () => {
    const h = await setup();
    h.fake.inject({ kind: 'status', status: 429, retryAfter: 7, method: 'POST', urlIncludes: h.itemsUrl });
    h.fake.inject({ kind: 'status', status: 503, retryAfter: 3, method: 'GET', urlIncludes: h.itemsUrl });
    await h.write([40]);
    expect(h.waits).toEqual([3000, 7000]);
    expect(mine(h.checkInsList.rows())).toHaveLength(1);

    const stubborn = await setup({ maxRetries: 2 });
    stubborn.fake.throttleRate = 1;
    await expect(stubborn.write([40])).rejects.toBeInstanceOf(GraphUnavailableError);
    stubborn.fake.throttleRate = 0;
    expect(await stubborn.store.listCheckIns('al-usaquen', ['2026-11'])).toEqual([]);
    expect(await stubborn.store.listAudit({ entity: 'checkIn' })).toEqual([]);
    expect(stubborn.waits).toEqual([2000, 2000]);
  });

  it('bounds the retries of the request that is stuck, not of a long sequence that gets further between waits', async () => {
    const h = await setup({ maxRetries: 1 });
    const list = h.list('commitments');
    const items = `/lists/${list.id}/items`;
    const pl = twoUnits.plenarias!.find((p) => p.unitId === 'al-usaquen')!.id;
    const c = (id: string): Commitment => ({ ...demo.commitments![0]!, id: `${pl}:nuevo-${id}`, plenariaId: pl, unitId: 'al-usaquen', ownerId: 'miembro-al-usaquen', version: 1 });
    const throttleNext = () => h.fake.inject({ kind: 'status', status: 429, retryAfter: 1, method: 'POST', urlIncludes: items });
    // The first change goes through and the second is throttled; retried, it goes through and the third is throttled.
    h.fake.inject({
      kind: 'before',
      method: 'POST',
      urlIncludes: items,
      run: () => {
        throttleNext();
        h.fake.inject({ kind: 'before', method: 'POST', urlIncludes: items, run: () => throttleNext() });
      },
    });
    await h.store.writeCommitments(['c1', 'c2', 'c3'].map((id) => ({ commitment: c(id), expectedVersion: null })), 'enlace-al-usaquen');
    expect(h.waits).toEqual([1000, 1000]);
    expect(list.rows().filter((r) => String(r.RecordKey).startsWith(`${pl}:nuevo-`)).map((r) => r.RecordKey)).toEqual(['c1', 'c2', 'c3'].map((id) => `${pl}:nuevo-${id}`));
  });

  it('sends a set’s replacement (more than 20 changes) as several sequential batches', async () => {
    const h = await setup();
    const bundle = (await h.store.getSet('al-usaquen', '2026-Q4'))!;
    h.fake.resetStats();
    const content = { institutionalObjectiveId: 'oe1', objectives: bundle.objectives, keyResults: bundle.keyResults };
    const after = await h.store.replaceSetContent({ actorId: 'enlace-al-usaquen', setId: bundle.set.id, expectedVersion: 1, content });
    expect(after.set.version).toBe(2);
    expect(after.keyResults.map((k) => k.id)).toEqual(bundle.keyResults.map((k) => k.id));
    expect(h.fake.stats.requests).toBe(3); // 1 read; 1 + 13 deletes + 13 creates + event + audit = 29 writes → 2 batches
    expect(await h.store.getSetById(bundle.set.id)).toEqual(after);
  });
});

describe('Plenarias, actas and their files on SharePoint', () => {
  const plenaria = (id: string, unitId: string | null): Plenaria => ({
    id,
    kind: unitId ? 'menor' : 'mayor',
    unitId,
    date: '2027-02-10',
    startTime: '09:00',
    modality: 'virtual',
    location: 'https://teams.microsoft.com/l/meetup-join/x',
    presidingId: 'lider-al-usaquen',
    secretaryId: 'enlace-al-usaquen',
    createdBy: 'enlace-al-usaquen',
    createdAt: '2027-01-20T15:00:00.000Z',
  });
  const setup = async () => {
    const h = fakeSharePoint({ now });
    await h.store.seed(twoUnits);
    const demoActa = demo.actas![0]!;
    for (const p of [plenaria('pl-x', 'al-usaquen'), plenaria('pl-e', null)]) {
      await h.store.createPlenaria(p, 'enlace-al-usaquen');
      await h.store.writeActa({ actorId: 'enlace-al-usaquen', action: 'create', acta: { ...demoActa, plenariaId: p.id, documentVersion: 1, version: 1 }, expectedVersion: null });
    }
    return h;
  };
  const docx = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31) % 256));

  it('puts the .docx in the unit’s folder of the ActasOKR library (entidad for entity-wide ones): one read, one upload, one write', async () => {
    const h = await setup();
    const name = 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1.docx';
    h.fake.resetStats();
    await h.store.saveActaFile({ plenariaId: 'pl-x', documentVersion: 1, fileName: name, bytes: docx(1000) }, 'enlace-al-usaquen');
    expect(h.fake.stats.requests).toBe(4); // the first file also looks up the library's drive, once per process
    h.fake.resetStats();
    await h.store.saveActaFile({ plenariaId: 'pl-x', documentVersion: 1, fileName: name, bytes: docx(90_000) }, 'enlace-al-usaquen');
    expect(h.fake.stats).toMatchObject({ requests: 3, innerRequests: 5 });
    expect(h.library().all()).toHaveLength(1);
    const stored = h.library().file(`al-usaquen/${name}`);
    expect(stored?.bytes.equals(docx(90_000))).toBe(true);
    h.fake.resetStats();
    expect((await h.store.getActaFile('pl-x', 1))?.bytes.equals(docx(90_000))).toBe(true);
    expect(h.fake.stats).toMatchObject({ requests: 2, ru: 2 + 1 });

    await h.store.saveActaFile({ plenariaId: 'pl-e', documentVersion: 1, fileName: 'mayor.docx', bytes: docx(10) }, 'eti-1');
    expect(h.library().file('entidad/mayor.docx')?.bytes.equals(docx(10))).toBe(true);
    // Saved again under another name: the old file leaves the folder.
    await h.store.saveActaFile({ plenariaId: 'pl-x', documentVersion: 1, fileName: 'acta-v1.docx', bytes: docx(20) }, 'enlace-al-usaquen');
    expect(h.library().all().map((f) => f.path).sort()).toEqual(['al-usaquen/acta-v1.docx', 'entidad/mayor.docx']);
    await expect(h.store.saveActaFile({ plenariaId: 'pl-x', documentVersion: 1, fileName: 'a/b.docx', bytes: docx(1) }, 'x')).rejects.toThrow(/invalid file name/);
  });

  it('finds the file by its id after someone renames it in the library, by its path after someone uploads it again; null once it is gone', async () => {
    const h = await setup();
    await h.store.saveActaFile({ plenariaId: 'pl-x', documentVersion: 1, fileName: 'acta.docx', bytes: docx(100) }, 'enlace-al-usaquen');
    const drive = h.library();
    const original = drive.file('al-usaquen/acta.docx')!;
    // Uploaded again by hand (a new item at the same path): the id is gone, the path is not.
    drive.delete(original.id);
    drive.put('al-usaquen/acta.docx', docx(101));
    expect((await h.store.getActaFile('pl-x', 1))?.bytes.equals(docx(101))).toBe(true);
    drive.delete(drive.file('al-usaquen/acta.docx')!.id);
    expect(await h.store.getActaFile('pl-x', 1)).toBeNull();
  });

  it('a throttled upload waits for Retry-After; an upload that keeps failing saves no record', async () => {
    const h = await setup();
    h.fake.inject({ kind: 'status', status: 429, retryAfter: 5, method: 'PUT' });
    await h.store.saveActaFile({ plenariaId: 'pl-x', documentVersion: 1, fileName: 'acta.docx', bytes: docx(100) }, 'enlace-al-usaquen');
    expect(h.waits).toEqual([5000]);
    h.fake.inject({ kind: 'status', status: 500, method: 'PUT' });
    await expect(h.store.saveActaFile({ plenariaId: 'pl-e', documentVersion: 1, fileName: 'mayor.docx', bytes: docx(100) }, 'eti-1')).rejects.toThrow(/500/);
    expect(await h.store.getActaFile('pl-e', 1)).toBeNull();
    expect(await h.store.listAudit({ entity: 'actaFile', entityId: 'pl-e#1' })).toEqual([]);
  });

  it('an acta saved by someone else between our read and our write (412) is a conflict, and nothing changes', async () => {
    const h = await setup();
    const actas = h.list('actas');
    h.fake.inject({
      kind: 'before',
      method: 'PATCH',
      urlIncludes: `/lists/${actas.id}/items`,
      run: () => {
        const item = [...actas.all()].find((i) => i.fields.PlenariaId === 'pl-x')!;
        actas.update(item, { Draft: JSON.stringify({ ...demo.actas![0]!.draft, development: 'Otra persona' }), RecordRevision: 2 });
      },
    });
    const [current] = await h.store.listActas({ plenariaIds: ['pl-x'] });
    await expect(h.store.writeActa({ actorId: 'lider-al-usaquen', action: 'edit', acta: { ...current!, draft: { ...current!.draft, development: 'Mío' } }, expectedVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect((await h.store.listActas({ plenariaIds: ['pl-x'] }))[0]).toMatchObject({ version: 2, draft: { development: 'Otra persona' } });
    expect((await h.store.listAudit({ entity: 'acta', entityId: 'pl-x#1' })).map((a) => a.action)).toEqual(['create']);
  });

  it('commitments written half-way when one create fails are undone, audit entries included', async () => {
    const h = await setup();
    const list = h.list('commitments');
    const c = (id: string): Commitment => ({ ...demo.commitments![0]!, id: `pl-x:${id}`, plenariaId: 'pl-x', unitId: 'al-usaquen', ownerId: 'miembro-al-usaquen', version: 1 });
    h.fake.inject({
      kind: 'before',
      method: 'POST',
      urlIncludes: `/lists/${list.id}/items`,
      run: () => h.fake.inject({ kind: 'status', status: 500, method: 'POST', urlIncludes: `/lists/${list.id}/items` }),
    });
    await expect(h.store.writeCommitments(['c1', 'c2', 'c3'].map((id) => ({ commitment: c(id), expectedVersion: null })), 'enlace-al-usaquen')).rejects.toThrow(/500/);
    expect(list.rows().filter((r) => String(r.PlenariaId) === 'pl-x')).toEqual([]);
    expect(await h.store.listAudit({ entity: 'commitment' })).toEqual([]);
    expect(await h.store.writeCommitments(['c1', 'c2'].map((id) => ({ commitment: c(id), expectedVersion: null })), 'enlace-al-usaquen')).toHaveLength(2);
    expect((await h.store.listCommitments({ plenariaId: 'pl-x' })).map((x) => x.id)).toEqual(['pl-x:c1', 'pl-x:c2']);
  });
});

describe('The Graph fake behaves like Graph where the adapter depends on it', () => {
  it('refuses filters on columns without index, scans past 5,000 items, and batches over 20', async () => {
    const h = fakeSharePoint({ checkInHistory: checkInHistory(unitIds) });
    await h.store.isEmpty(); // resolves site and lists
    const list = h.list('checkIns');
    const url = (filter: string) => `/sites/${h.site.id}/lists/${list.id}/items?$expand=fields&$top=10&$filter=${encodeURIComponent(filter)}`;
    const [noIndex, prefer, tooWide, fine] = await h.gateway.batch(
      [
        { method: 'GET', url: url("fields/Title eq 'al-usaquen 2001-01'") },
        { method: 'GET', url: url("fields/Title eq 'al-usaquen 2001-01'"), headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
        { method: 'GET', url: url("fields/Title eq 'al-usaquen 2001-01' and fields/UnitId eq 'al-usaquen'"), headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
        { method: 'GET', url: url("fields/Quarter eq '2001-Q1'") },
      ],
      { mode: 'parallel' },
    );
    expect(noIndex!.status).toBe(400);
    expect(noIndex!.body.error.message).toMatch(/HonorNonIndexedQueriesWarningMayFailRandomly/);
    expect([prefer!.status, tooWide!.status]).toEqual([500, 500]);
    expect(prefer!.body.error.message).toMatch(/list view threshold/);
    expect(fine!.status).toBe(200);
    expect(fine!.body['@odata.nextLink']).toContain('$skiptoken=');
    const tooMany = await h.gateway.call({ method: 'POST', url: '/$batch', body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: `/sites/${h.site.id}` })) } });
    expect(tooMany.status).toBe(400);
  });

  it('keeps files in a document library’s drive: created then replaced by path, read back as bytes, 404 when missing', async () => {
    const fake = new FakeGraph();
    const site = fake.addSite(SITE_URL);
    const gateway = new GraphGateway({ tokenProvider: async () => 't', transport: fake.transport() });
    const created = await gateway.call({ method: 'POST', url: `/sites/${site.id}/lists`, body: { displayName: 'Docs', list: { template: 'documentLibrary' } } });
    expect(created.body.list).toEqual({ template: 'documentLibrary' });
    const plain = site.createList('Plain');
    const noDrive = await gateway.call({ method: 'GET', url: `/sites/${site.id}/lists/${plain.id}/drive` });
    expect(noDrive.status).toBe(404);
    const drive = await gateway.call({ method: 'GET', url: `/sites/${site.id}/lists/${created.body.id}/drive?$select=id` });
    const root = `/drives/${drive.body.id}/root:`;
    const bytes = Buffer.from([0, 1, 2, 253, 254, 255]);
    const put = (path: string, b: Buffer) => gateway.content({ method: 'PUT', url: `${root}/${path}:/content`, bytes: b, contentType: 'application/octet-stream' });
    const first = await put('al-suba/acta%201.docx', bytes);
    expect([first.status, first.body.name, first.body.size]).toEqual([201, 'acta 1.docx', 6]);
    expect((await put('AL-SUBA/acta%201.docx', Buffer.from([9]))).status).toBe(200);
    const got = await gateway.content({ method: 'GET', url: `${root}/al-suba/acta%201.docx:/content` });
    expect([got.status, [...got.bytes!]]).toEqual([200, [9]]);
    expect((await gateway.content({ method: 'GET', url: `/drives/${drive.body.id}/items/${first.body.id}/content` })).bytes).toEqual(Buffer.from([9]));
    expect((await gateway.content({ method: 'GET', url: `${root}/al-suba/otra.docx:/content` })).status).toBe(404);
    expect((await put('al-suba/a%3Fb.docx', bytes)).status).toBe(400);
    expect((await gateway.content({ method: 'DELETE', url: `/drives/${drive.body.id}/items/${first.body.id}` })).status).toBe(204);
    expect((await gateway.content({ method: 'GET', url: `${root}/al-suba/acta%201.docx:/content` })).status).toBe(404);
  });

  it('answers 412 for a stale eTag and counts resource units as Microsoft documents them', async () => {
    const fake = new FakeGraph();
    const site = fake.addSite(SITE_URL);
    const list = site.createList('Prueba', '', [{ name: 'RecordKey', text: {}, indexed: true, enforceUniqueValues: true }]);
    const gateway = new GraphGateway({ tokenProvider: async () => 't', transport: fake.transport() });
    const items = `/sites/${site.id}/lists/${list.id}/items`;
    const [created] = await gateway.batch([{ method: 'POST', url: items, body: { fields: { Title: 'a', RecordKey: 'k' } } }], { mode: 'parallel' });
    const eTag = created!.body.eTag as string;
    const [first, second, dup, single] = await gateway.batch(
      [
        { method: 'PATCH', url: `${items}/${created!.body.id}/fields`, headers: { 'If-Match': eTag }, body: { Title: 'b' } },
        { method: 'PATCH', url: `${items}/${created!.body.id}/fields`, headers: { 'If-Match': eTag }, body: { Title: 'c' } },
        { method: 'POST', url: items, body: { fields: { Title: 'd', RecordKey: 'K' } } },
        { method: 'GET', url: `${items}/${created!.body.id}` },
      ],
      { mode: 'parallel' },
    );
    expect([first!.status, second!.status, dup!.status, single!.status]).toEqual([200, 412, 409, 200]);
    expect(fake.stats).toMatchObject({ requests: 2, innerRequests: 5, ru: 2 + 2 + 2 + 2 + 1 });
  });
});

describe('Provisioning', () => {
  const snapshot = (fake: FakeGraph) =>
    JSON.stringify([...fake.sites.values()].map((s) => [...s.lists.values()].map((l) => [l.id, l.name, [...l.columns.values()]])));

  it('creates every list and column once; a second run changes nothing and says so', async () => {
    const h = fakeSharePoint({ provisioned: false });
    await expect(h.store.isEmpty()).rejects.toBeInstanceOf(SharePointSchemaError);
    const dry = await provision(h.gateway, { url: SITE_URL }, { dryRun: true });
    expect(dry.actions.filter((a) => a.action === 'create-list')).toHaveLength(Object.keys(LISTS).length);
    expect(dry.actions.at(-1)).toMatchObject({ action: 'create-library', list: ACTA_LIBRARY.name });
    expect(h.site.lists.size).toBe(0);
    const first = await provision(h.gateway, { url: SITE_URL });
    expect(first.actions.map((a) => a.action)).toEqual([...Object.keys(LISTS).map(() => 'create-list'), ...LIBRARIES.map(() => 'create-library')]);
    expect(h.site.list(ACTA_LIBRARY.name)?.template).toBe('documentLibrary');
    const after = snapshot(h.fake);
    const second = await provision(h.gateway, { url: SITE_URL });
    expect(second).toEqual({ siteId: h.site.id, actions: [], problems: [] });
    expect(describeReport(second)).toEqual([`Sin cambios: las ${Object.keys(LISTS).length} listas, sus columnas y las bibliotecas ${LIBRARIES.map((l) => l.name).join(', ')} ya están como define el esquema.`]);
    expect(snapshot(h.fake)).toBe(after);
    expect(await h.store.isEmpty()).toBe(true);
  });

  it('moves an old site’s check-ins (one item per key result) into one item per unit and month: nothing lost, a second run changes nothing', async () => {
    const h = fakeSharePoint({ provisioned: false, now });
    // A site of the previous version: the legacy list, past the list view threshold.
    const legacy = h.site.createList(LEGACY_CHECK_INS.name, LEGACY_CHECK_INS.description, LEGACY_CHECK_INS.columns.map(columnDefinition));
    const old = legacyCheckInHistory(unitIds, 6_000);
    legacy.bulkInsert(old);
    const asStored = (rows: Array<Record<string, unknown>>) =>
      rows
        .flatMap((r) => checkInsOfMonth(r))
        .map((c) => JSON.stringify([c.unitId, c.period, c.keyResultId, c.id, c.value, c.comment, c.evidenceUrl, c.authorId, c.createdAt, c.updatedAt, c.version]))
        .sort();
    const expected = old
      .map((f) => JSON.stringify([f.UnitId, f.Period, f.KeyResultId, f.CheckInId, f.Value, f.CommentText, f.EvidenceUrl, f.AuthorId, f.CreatedAt, f.UpdatedAt, f.RecordVersion]))
      .sort();

    const dry = await provision(h.gateway, { url: SITE_URL }, { dryRun: true });
    expect(dry.actions.find((a) => a.action === 'migrate')?.detail).toBe('moverá los check-ins de OkrCheckIns a OkrCheckInsMes cuando exista');
    expect(h.site.list('OkrCheckInsMes')).toBeUndefined();
    const first = await provision(h.gateway, { url: SITE_URL });
    const migrate = first.actions.filter((a) => a.action === 'migrate');
    expect(migrate).toEqual([{ list: 'OkrCheckIns', action: 'migrate', detail: `6000 check-ins de OkrCheckIns → OkrCheckInsMes: ${Math.ceil(6000 / 396) * 44} meses nuevos, 0 completados (OkrCheckIns queda como estaba)` }]);
    const months = h.list('checkIns');
    expect(months.size).toBe(Math.ceil(6000 / 396) * 44);
    expect(asStored(months.rows())).toEqual(expected);
    expect(legacy.size).toBe(6000); // nothing deleted
    expect((await h.store.listAudit({ entity: 'store' }))[0]).toMatchObject({ actorId: 'provision', entityId: 'migracion-checkins-por-mes', after: { checkIns: 6000, created: months.size } });
    // The store reads them: a unit's quarter, its months' check-ins, as the legacy list held them.
    const q = await h.store.listCheckIns('al-usaquen', ['2000-01', '2000-02', '2000-03']);
    expect(q).toHaveLength(27);
    expect(q.map((c) => [c.period, c.keyResultId, c.version])).toContainEqual(['2000-02', 'hist-al-usaquen-2000-kr3', 1]);

    const after = JSON.stringify(months.rows());
    expect((await provision(h.gateway, { url: SITE_URL })).actions).toEqual([]);
    expect(JSON.stringify(months.rows())).toBe(after);

    // An old server wrote after the move: a correction (version 2) and a new key result's report. The next run brings both, once.
    const [row] = [...legacy.all()].filter((i) => i.fields.UnitId === 'al-suba' && i.fields.Period === '2000-01');
    legacy.update(row!, { Value: 99, RecordVersion: 2 });
    const first0 = String(old[0]!.UnitId);
    legacy.create({ ...old[0]!, RecordKey: 'hist-extra|2000-01', KeyResultId: 'hist-extra', CheckInId: 'extra' });
    const again = await provision(h.gateway, { url: SITE_URL });
    expect(again.actions.map((a) => a.detail)).toEqual(['2 check-ins de OkrCheckIns → OkrCheckInsMes: 0 meses nuevos, 2 completados (OkrCheckIns queda como estaba)']);
    const suba = checkInsOfMonth(mineOf(months.rows(), 'al-suba', '2000-01')!);
    expect(suba.find((c) => c.keyResultId === row!.fields.KeyResultId)).toMatchObject({ value: 99, version: 2 });
    expect(checkInsOfMonth(mineOf(months.rows(), first0, '2000-01')!).map((c) => c.keyResultId).at(-1)).toBe('hist-extra');
    expect((await provision(h.gateway, { url: SITE_URL })).actions).toEqual([]);
  });

  it('the server refuses a site whose old check-in list was not moved yet, and starts once provisioning moved it', async () => {
    const h = fakeSharePoint({ now });
    await h.store.seed(twoUnits);
    const legacy = h.site.createList(LEGACY_CHECK_INS.name, LEGACY_CHECK_INS.description, LEGACY_CHECK_INS.columns.map(columnDefinition));
    legacy.bulkInsert(legacyCheckInHistory(unitIds, 500));
    const fresh = () => new SharePointStore({ gateway: h.gateway, site: { url: SITE_URL }, now });
    await expect(fresh().listUnits()).rejects.toThrow(/OkrCheckIns still hold data of an earlier shape that was not moved yet.*npm run provision/);
    expect((await provision(h.gateway, { url: SITE_URL })).actions.map((a) => a.action)).toEqual(['migrate']);
    const store = fresh();
    expect((await store.listCheckIns(String(legacyCheckInHistory(unitIds, 500)[0]!.UnitId), ['2000-01'])).length).toBeGreaterThan(0);
    // An old list with nothing left to move is recorded once, and the server starts.
    const empty = fakeSharePoint({ now });
    empty.site.createList(LEGACY_CHECK_INS.name, LEGACY_CHECK_INS.description, LEGACY_CHECK_INS.columns.map(columnDefinition));
    await expect(empty.store.isEmpty()).rejects.toBeInstanceOf(SharePointSchemaError);
    expect((await provision(empty.gateway, { url: SITE_URL })).actions.map((a) => a.detail)).toEqual(['OkrCheckIns y OkrCheckInsMes ya coinciden: queda registrado en la auditoría']);
    expect((await provision(empty.gateway, { url: SITE_URL })).actions).toEqual([]);
    expect(await new SharePointStore({ gateway: empty.gateway, site: { url: SITE_URL }, now }).isEmpty()).toBe(true);
  });

  it('reports a plain list where the acta library should be, and the store refuses to start on it', async () => {
    const h = fakeSharePoint({ provisioned: false });
    h.site.createList(ACTA_LIBRARY.name);
    const report = await provision(h.gateway, { url: SITE_URL });
    expect(report.actions.filter((a) => a.list === ACTA_LIBRARY.name).map((a) => a.action)).not.toContain('create-library');
    expect(report.problems).toEqual([`${ACTA_LIBRARY.name} exists as a list of template genericList, the schema wants a document library: rename or remove it by hand`]);
    await expect(h.store.isEmpty()).rejects.toThrow(/not a document library/);
  });

  it('completes a list that drifted: adds the missing column, indexes the one that lost its index, reports a retyped one', async () => {
    const h = fakeSharePoint();
    const checkIns = h.list('checkIns');
    checkIns.dropColumn('CheckIns2');
    checkIns.updateColumn(checkIns.column('UnitQuarter')!, { indexed: false });
    const people = h.list('people');
    people.dropColumn('JobTitle');
    people.addColumn({ name: 'JobTitle', number: {} });
    const refused = await h.store.isEmpty().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SharePointSchemaError);
    expect(String(refused)).toMatch(/OkrCheckInsMes\.UnitQuarter is not indexed; OkrCheckInsMes\.CheckIns2 is missing/);
    const report = await provision(h.gateway, { url: SITE_URL });
    expect(report.actions.map((a) => `${a.action} ${a.list} ${a.detail}`)).toEqual(['index-column OkrCheckInsMes UnitQuarter', 'create-column OkrCheckInsMes CheckIns2 (note)']);
    expect(report.problems).toEqual(['OkrPersonas.JobTitle is number, the schema wants text: change or remove it by hand']);
    expect(checkIns.column('UnitQuarter')!.indexed).toBe(true);
    expect((await provision(h.gateway, { url: SITE_URL })).actions).toEqual([]);
  });
});

