import { expect, it } from 'vitest';
import { buildQuarterSnapshot, type QuarterSnapshot } from '@okr/core';
import { ConflictError } from '../errors.js';
import type { Store } from '../Store.js';
import { monthReviewWrite, type ContractContext } from './fixtures.js';

/** The snapshot a close of the quarter would freeze now, and the sets it closes (as the review service builds them). */
async function closeOf(store: Store, quarter: '2026-Q4', closedAt = '2027-01-08T15:00:00.000Z') {
  const data = await store.loadQuarterClose(quarter);
  const snapshot = buildQuarterSnapshot({
    quarter,
    closedAt,
    closedBy: 'eti-1',
    names: new Map(data.people.map((p) => [p.id, p.name])),
    units: data.units,
    bundles: data.bundles,
    checkIns: data.checkIns,
    reviews: data.reviews,
    institutionalObjectives: data.institutionalObjectives,
  });
  const sets = data.bundles.filter((b) => b.set.state === 'active').map((b) => ({ setId: b.set.id, version: b.set.version }));
  return { data, snapshot, sets };
}

/** The contract of the ETI's month reviews and the quarter closes. */
export function reviewContract({ seeded }: ContractContext): void {
  it('records the ETI’s decisions on a unit’s month compare-and-set, each with its history event and audit entry', async () => {
    const store = await seeded();
    expect(await store.getMonthReview('al-usaquen', '2026-11')).toBeNull();
    const request = monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'correction_requested', note: 'Revisa las evidencias.', observations: [{ keyResultId: 'kr-x', text: 'El 45 % no coincide.' }] });
    const first = await store.saveMonthReview(request);
    expect(first).toEqual({ ...request.review, version: 1 });
    expect(await store.getMonthReview('al-usaquen', '2026-11')).toEqual(first);
    // A second ETI member acting on what they read before the first decision loses.
    await expect(store.saveMonthReview(monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'closed' }))).rejects.toBeInstanceOf(ConflictError);
    await expect(store.saveMonthReview(monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'closed' }, 2))).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getMonthReview('al-usaquen', '2026-11')).toEqual(first);
    const close = monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'closed', actorId: 'eti-2', at: '2026-12-04T15:00:00.000Z' }, 1);
    const second = await store.saveMonthReview(close);
    expect(second).toMatchObject({ state: 'closed', version: 2, actorId: 'eti-2', observations: [] });
    // The enlace's correction between them: a step of the history that is not a decision.
    const corrected = { id: 'c-1', unitId: 'al-usaquen', period: '2026-11', action: 'corrected' as const, actorId: 'enlace-al-usaquen', at: '2026-12-03T20:00:00.000Z', note: null, observations: [] };
    await store.recordMonthReviewEvent(corrected);
    expect(await store.getMonthReview('al-usaquen', '2026-11')).toEqual(second);
    expect(await store.listMonthReviewEvents('al-usaquen', '2026-11')).toEqual([request.event, corrected, close.event]);
    expect(await store.listMonthReviewEvents('al-suba', '2026-11')).toEqual([]);
    const audit = await store.listAudit({ entity: 'monthReview', entityId: 'al-usaquen/2026-11' });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([['update', 'enlace-al-usaquen'], ['update', 'eti-2'], ['create', 'eti-1']]);
    expect(audit[1]).toMatchObject({ before: first, after: second });
    await store.close();
  });

  it('lists the reviews of months, of every unit or of one', async () => {
    const store = await seeded();
    const before = await store.listMonthReviews({ periods: ['2026-11'] });
    await store.saveMonthReview(monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'closed' }));
    await store.saveMonthReview(monthReviewWrite({ unitId: 'al-suba', period: '2026-11', state: 'correction_requested', note: 'x' }));
    await store.saveMonthReview(monthReviewWrite({ unitId: 'al-suba', period: '2026-10', state: 'closed' }, (await store.getMonthReview('al-suba', '2026-10'))?.version ?? null));
    const november = await store.listMonthReviews({ periods: ['2026-11'] });
    expect(november.length).toBe(before.length + 2);
    expect(november.every((r) => r.period === '2026-11')).toBe(true);
    const suba = await store.listMonthReviews({ periods: ['2026-10', '2026-11', '2026-12'], unitId: 'al-suba' });
    expect(suba.map((r) => [r.period, r.state])).toEqual([['2026-10', 'closed'], ['2026-11', 'correction_requested']]);
    expect(await store.listMonthReviews({ periods: [] })).toEqual([]);
    await store.close();
  });

  it('closes several months at once, all or nothing', async () => {
    const store = await seeded();
    const ok = monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'closed' });
    const stale = monthReviewWrite({ unitId: 'al-suba', period: '2026-11', state: 'closed' }, 7);
    const auditBefore = (await store.listAudit({ entity: 'monthReview', limit: 1000 })).length;
    await expect(store.saveMonthReviews([ok, stale])).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getMonthReview('al-usaquen', '2026-11')).toBeNull();
    expect(await store.listMonthReviewEvents('al-usaquen', '2026-11')).toEqual([]);
    expect((await store.listAudit({ entity: 'monthReview', limit: 1000 })).length).toBe(auditBefore);
    const both = await store.saveMonthReviews([ok, monthReviewWrite({ unitId: 'al-suba', period: '2026-11', state: 'closed' }, (await store.getMonthReview('al-suba', '2026-11'))?.version ?? null)]);
    expect(both.map((r) => [r.unitId, r.state])).toEqual([['al-usaquen', 'closed'], ['al-suba', 'closed']]);
    expect(await store.saveMonthReviews([])).toEqual([]);
    await store.close();
  });

  it('reads each review screen in one go: the queue, one unit’s month, the quarter close', async () => {
    const store = await seeded();
    await store.saveMonthReview(monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'correction_requested', note: 'Revisa.' }));
    const queue = await store.loadReviewQueue('2026-11');
    expect(queue.units).toHaveLength(44);
    expect(queue.bundles.every((b) => b.set.quarter === '2026-Q4')).toBe(true);
    expect(queue.checkIns.length).toBeGreaterThan(0);
    expect(queue.reviews.every((r) => r.period === '2026-11')).toBe(true);
    expect(queue.reviews.find((r) => r.unitId === 'al-usaquen')).toMatchObject({ state: 'correction_requested' });

    const unit = await store.loadUnitReview('al-usaquen', '2026-11');
    expect(unit.unit).toMatchObject({ id: 'al-usaquen' });
    expect(unit.bundle?.keyResults).toHaveLength(9);
    expect(unit.checkIns.every((c) => c.unitId === 'al-usaquen')).toBe(true);
    expect(unit.review).toMatchObject({ state: 'correction_requested', version: 1 });
    expect(unit.events.map((e) => e.action)).toEqual(['request_correction']);
    expect(unit.people.find((p) => p.id === 'eti-1')).toBeDefined();
    expect((await store.loadUnitReview('nope', '2026-11')).unit).toBeNull();

    const close = await store.loadQuarterClose('2026-Q4');
    expect(close.close).toBeNull();
    expect(close.units).toHaveLength(44);
    expect(close.reviews.every((r) => ['2026-10', '2026-11', '2026-12'].includes(r.period))).toBe(true);
    expect(close.reviews.find((r) => r.unitId === 'al-usaquen' && r.period === '2026-11')).toMatchObject({ state: 'correction_requested' });
    expect(close.people.length).toBeGreaterThan(44);
    await store.close();
  });

  it('closes a quarter all or nothing: the frozen snapshot, and every loaded set of the quarter closed with its event', async () => {
    const store = await seeded();
    const { snapshot, sets } = await closeOf(store, '2026-Q4');
    expect(sets.length).toBe(44);
    // A set that changed since it was read: nothing is stored.
    const changed = [{ ...sets[0]!, version: sets[0]!.version + 5 }, ...sets.slice(1)];
    await expect(store.closeQuarter({ actorId: 'eti-1', snapshot, sets: changed })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getQuarterClose('2026-Q4')).toBeNull();
    expect((await store.getSet('al-usaquen', '2026-Q4'))!.set.state).toBe('active');

    const record = await store.closeQuarter({ actorId: 'eti-1', snapshot, sets });
    expect(record).toEqual({ quarter: '2026-Q4', closedAt: snapshot.closedAt, closedBy: 'eti-1', sharedAt: null, sharedBy: null, version: 1 });
    const stored = await store.getQuarterClose('2026-Q4');
    expect(stored).toEqual({ record, snapshot });
    const usaquen = (await store.getSet('al-usaquen', '2026-Q4'))!.set;
    expect(usaquen).toMatchObject({ state: 'closed', version: sets.find((s) => s.setId === usaquen.id)!.version + 1 });
    expect((await store.listSetEvents(usaquen.id)).at(-1)).toMatchObject({ action: 'close', fromState: 'active', toState: 'closed', actorId: 'eti-1' });
    expect(await store.listAudit({ entity: 'quarterClose' })).toEqual([expect.objectContaining({ entityId: '2026-Q4', action: 'create', actorId: 'eti-1' })]);
    // Once closed, it never closes again; later data never changes what was frozen.
    await expect(store.closeQuarter({ actorId: 'eti-2', snapshot: { ...snapshot, closedBy: 'eti-2' }, sets: [] })).rejects.toBeInstanceOf(ConflictError);
    expect((await store.loadQuarterClose('2026-Q4')).close).toEqual({ record, snapshot });

    const shared = await store.markQuarterShared('2026-Q4', 'eti-2', 1);
    expect(shared).toMatchObject({ sharedBy: 'eti-2', version: 2 });
    expect(shared.sharedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await expect(store.markQuarterShared('2026-Q4', 'eti-1', 1)).rejects.toBeInstanceOf(ConflictError);
    await expect(store.markQuarterShared('2027-Q1', 'eti-1', 1)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getQuarterClose('2026-Q4'))!.record).toEqual(shared);
    await store.close();
  });

  it('keeps a snapshot whole however long its comments (a SharePoint note holds 63,999 characters)', async () => {
    const store = await seeded();
    const { snapshot, sets } = await closeOf(store, '2026-Q4');
    const long = (s: string, n: number) => `${s} ${'á«»"\\ '.repeat(n)}`.slice(0, n);
    const big: QuarterSnapshot = {
      ...snapshot,
      units: snapshot.units.map((u, i) =>
        i === 0
          ? { ...u, keyResults: u.keyResults.map((k) => ({ ...k, comment: long(k.comment, 2000), checkIns: k.checkIns.map((c) => ({ ...c, comment: long(c.comment, 2000), evidenceUrl: `https://x.sharepoint.com/${'e'.repeat(2020)}` })) })) }
          : u,
      ),
    };
    expect(JSON.stringify(big.units[0]).length).toBeGreaterThan(64_000);
    await store.closeQuarter({ actorId: 'eti-1', snapshot: big, sets });
    expect((await store.getQuarterClose('2026-Q4'))!.snapshot).toEqual(big);
    await store.close();
  });

  it('the demo holds a closed and shared previous quarter, and month reviews of this one', async () => {
    const store = await seeded();
    const q3 = await store.getQuarterClose('2026-Q3');
    expect(q3?.record).toMatchObject({ quarter: '2026-Q3', closedBy: 'eti-1' });
    expect(q3?.record.sharedAt).not.toBeNull();
    expect(q3?.snapshot.units).toHaveLength(44);
    expect(q3?.snapshot.summary.units).toBe(44);
    const reviews = await store.listMonthReviews({ periods: ['2026-10', '2026-11'] });
    expect(reviews.some((r) => r.state === 'closed')).toBe(true);
    expect(reviews.some((r) => r.state === 'correction_requested')).toBe(true);
    const withEvents = reviews.find((r) => r.state === 'correction_requested')!;
    expect((await store.listMonthReviewEvents(withEvents.unitId, withEvents.period)).at(-1)).toMatchObject({ action: 'request_correction' });
    await store.close();
  });
}
