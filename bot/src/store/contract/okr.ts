import { expect, it } from 'vitest';
import { quarterMonths } from '@okr/core';
import { ConflictError, type SetContent } from '../Store.js';
import type { ContractContext } from './fixtures.js';

const checkIn = (keyResultId: string, value: number, version: number | null = null) => ({
  keyResultId,
  value,
  comment: 'Avance del mes con soporte.',
  evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/evidencia',
  version,
});

/** The contract of the OKR sets, their workflow and check-ins. */
export function okrContract({ seeded }: ContractContext): void {
  it('returns a unit’s set for a quarter with its 1 strategic, 3 tactical and 9 key results', async () => {
    const store = await seeded();
    const bundle = await store.getSet('al-kennedy', '2026-Q4');
    expect(bundle?.set).toMatchObject({ unitId: 'al-kennedy', quarter: '2026-Q4', state: 'active' });
    expect(bundle?.objectives.filter((o) => o.level === 'strategic')).toHaveLength(1);
    expect(bundle?.objectives.filter((o) => o.level === 'tactical')).toHaveLength(3);
    expect(bundle?.keyResults).toHaveLength(9);
    expect(await store.getSet('al-kennedy', '2025-Q1')).toBeNull();
    expect((await store.getSet('al-kennedy', '2026-Q3'))?.set.state).toBe('closed');
    await store.close();
  });

  it('saves check-ins once per KR and month: created, unchanged on resubmit, updated with a new version', async () => {
    const store = await seeded();
    const bundle = (await store.getSet('al-usaquen', '2026-Q4'))!;
    const kr = bundle.keyResults[0]!;
    const write = (value: number, version: number | null = null) => store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: [checkIn(kr.id, value, version)] });
    expect((await write(40)).map((s) => s.outcome)).toEqual(['created']);
    expect((await write(40)).map((s) => s.outcome)).toEqual(['unchanged']);
    const [updated] = await write(55, 1);
    expect(updated).toMatchObject({ outcome: 'updated', checkIn: { value: 55, version: 2 } });
    const month = (await store.listCheckIns('al-usaquen', ['2026-11'])).filter((c) => c.keyResultId === kr.id);
    expect(month).toHaveLength(1);
    // One audit entry per save that changed something, under the unit's month (the resubmission wrote none).
    const audit = await store.listAudit({ entity: 'checkIn', entityId: 'al-usaquen/2026-11' });
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]).toMatchObject({ actorId: 'enlace-al-usaquen', before: [{ keyResultId: kr.id, value: 40, version: 1 }], after: [{ keyResultId: kr.id, value: 55, version: 2 }] });
    await store.close();
  });

  it('records one audit entry per save, listing only the key results it created or changed', async () => {
    const store = await seeded();
    const [a, b, c] = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults;
    const save = (...checkIns: ReturnType<typeof checkIn>[]) => store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns });
    await save(checkIn(a!.id, 40), checkIn(b!.id, 7));
    // «a» changed, «b» sent again as it is, «c» new: one entry, «a» before and after, «c» created.
    await save(checkIn(a!.id, 45, 1), checkIn(b!.id, 7), checkIn(c!.id, 1));
    const [second, first, ...older] = await store.listAudit({ entity: 'checkIn', entityId: 'al-usaquen/2026-11' });
    expect(older).toEqual([]);
    expect(first).toMatchObject({ action: 'create', before: null });
    expect((first!.after as Array<{ keyResultId: string }>).map((x) => x.keyResultId)).toEqual([a!.id, b!.id]);
    expect(second).toMatchObject({ action: 'update', before: [{ keyResultId: a!.id, value: 40, version: 1 }] });
    expect((second!.after as Array<{ keyResultId: string; version: number }>).map((x) => [x.keyResultId, x.version])).toEqual([
      [a!.id, 2],
      [c!.id, 1],
    ]);
    await store.close();
  });

  it('refuses a stale check-in save (compare-and-set on its version), writing nothing of the whole save (issue 13, item 5)', async () => {
    const store = await seeded();
    const [a, b] = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults;
    const save = (...checkIns: ReturnType<typeof checkIn>[]) => store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns });
    await save(checkIn(a!.id, 40));
    // Someone else saved «a» first; a save also based on no check-in is refused, and so is «b» with it.
    await expect(save(checkIn(a!.id, 41), checkIn(b!.id, 7))).rejects.toBeInstanceOf(ConflictError);
    await save(checkIn(a!.id, 45, 1));
    // Based on version 1 while 2 is stored: refused; the same content again is not a conflict.
    await expect(save(checkIn(a!.id, 50, 1))).rejects.toBeInstanceOf(ConflictError);
    expect((await save(checkIn(a!.id, 45, 1))).map((s) => s.outcome)).toEqual(['unchanged']);
    const month = await store.listCheckIns('al-usaquen', ['2026-11']);
    expect(month.find((c) => c.keyResultId === a!.id)).toMatchObject({ value: 45, version: 2 });
    expect(month.find((c) => c.keyResultId === b!.id)).toBeUndefined();
    // Parallel saves based on the same version: exactly one is stored, the others are refused.
    const results = await Promise.allSettled([60, 61, 62, 63, 64].map((v) => save(checkIn(a!.id, v, 2))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    expect((await store.listCheckIns('al-usaquen', ['2026-11'])).find((c) => c.keyResultId === a!.id)!.version).toBe(3);
    await store.close();
  });

    it('lists a unit’s check-ins for the months asked, and nothing for no months', async () => {
    const store = await seeded();
    const october = await store.listCheckIns('al-santa-fe', ['2026-10']);
    expect(october.length).toBeGreaterThan(0);
    expect(october.every((c) => c.unitId === 'al-santa-fe' && c.period === '2026-10')).toBe(true);
    const quarter = await store.listCheckIns('al-santa-fe', quarterMonths('2026-Q4'));
    expect(quarter.length).toBeGreaterThanOrEqual(october.length);
    expect(await store.listCheckIns('al-santa-fe', [])).toEqual([]);
    await store.close();
  });

  it('creates a draft set, edits it by version, and moves it along the workflow compare-and-set', async () => {
    const store = await seeded();
    const content = (title: string): SetContent => ({
      institutionalObjectiveId: 'oe1',
      objectives: [
        { id: 'n-oe', parentId: null, level: 'strategic', title, order: 0 },
        { id: 'n-ot1', parentId: 'n-oe', level: 'tactical', title: 'Táctico 1', order: 1 },
      ],
      keyResults: [
        { id: 'n-kr1', objectiveId: 'n-ot1', title: 'KR 1', kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 100, direction: 'increase', ownerId: null, order: 1 },
      ],
    });
    const created = await store.createSet({ actorId: 'enlace-al-usaquen', setId: 'n', unitId: 'al-usaquen', quarter: '2027-Q1', content: content('Primera versión') });
    expect(created.set).toMatchObject({ id: 'n', state: 'draft', version: 1, quarter: '2027-Q1' });
    expect(created.objectives).toHaveLength(2);
    await expect(store.createSet({ actorId: 'enlace-al-usaquen', setId: 'n2', unitId: 'al-usaquen', quarter: '2027-Q1', content: content('x') })).rejects.toBeInstanceOf(ConflictError);

    const edited = await store.replaceSetContent({ actorId: 'enlace-al-usaquen', setId: 'n', expectedVersion: 1, content: content('Segunda versión') });
    expect(edited.set.version).toBe(2);
    expect(edited.objectives.find((o) => o.level === 'strategic')?.title).toBe('Segunda versión');
    await expect(store.replaceSetContent({ actorId: 'enlace-al-usaquen', setId: 'n', expectedVersion: 1, content: content('Tarde') })).rejects.toBeInstanceOf(ConflictError);

    const submitted = await store.transitionSet({ actorId: 'enlace-al-usaquen', setId: 'n', action: 'submit', from: 'draft', to: 'coach_review', expectedVersion: 2, comment: null });
    expect(submitted).toMatchObject({ state: 'coach_review', version: 3 });
    // Two coaches click at once: the second acts on a stale card.
    await store.transitionSet({ actorId: 'coach-1', setId: 'n', action: 'approveForm', from: 'coach_review', to: 'leader_approval', expectedVersion: 3, comment: null });
    await expect(
      store.transitionSet({ actorId: 'coach-2', setId: 'n', action: 'returnToEnlace', from: 'coach_review', to: 'returned', expectedVersion: 3, comment: 'x' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getSetById('n'))?.set).toMatchObject({ state: 'leader_approval', version: 4 });

    const events = await store.listSetEvents('n');
    expect(events.map((e) => [e.action, e.actorId, e.fromState, e.toState])).toEqual([
      ['create', 'enlace-al-usaquen', 'draft', 'draft'],
      ['edit', 'enlace-al-usaquen', 'draft', 'draft'],
      ['submit', 'enlace-al-usaquen', 'draft', 'coach_review'],
      ['approveForm', 'coach-1', 'coach_review', 'leader_approval'],
    ]);
    expect((await store.listAudit({ entity: 'okrSet', entityId: 'n' })).map((a) => a.action)).toEqual(['update', 'update', 'update', 'create']);
    expect(await store.getSetById('nada')).toBeNull();
    expect((await store.listSetsByState(['leader_approval'])).map((s) => s.id)).toEqual(['n']);
    expect(await store.listSetsByState(['coach_review'])).toEqual([]);
    expect((await store.listSetsByState(['active'])).length).toBe(44);
    await store.close();
  });
}
