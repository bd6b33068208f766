import { expect, it } from 'vitest';
import { monthReviewWrite, type ContractContext } from './fixtures.js';

/** The contract of the audit trail. */
export function auditContract({ seeded }: ContractContext): void {
  it('keeps the audit trail newest first, by entity and by entity id, up to the limit asked', async () => {
    const store = await seeded();
    expect((await store.listAudit()).map((a) => [a.entity, a.entityId, a.actorId, a.action])).toEqual([['store', 'seed', 'system', 'create']]);
    const review = { unitId: 'al-usaquen', period: '2026-12', state: 'correction_requested' as const, note: 'Falta la evidencia.' };
    const first = await store.saveMonthReview(monthReviewWrite(review));
    await store.setRemindersPaused(true, 'eti-2');
    await store.saveMonthReview(monthReviewWrite({ ...review, unitId: 'al-suba' }));
    const second = await store.saveMonthReview(monthReviewWrite({ ...review, state: 'closed', note: 'Cerrado con observaciones.' }, 1));
    const all = await store.listAudit();
    expect(all.map((a) => [a.entity, a.entityId])).toEqual([
      ['monthReview', 'al-usaquen/2026-12'],
      ['monthReview', 'al-suba/2026-12'],
      ['reminderControl', 'global'],
      ['monthReview', 'al-usaquen/2026-12'],
      ['store', 'seed'],
    ]);
    expect(all[0]).toMatchObject({ actorId: 'eti-1', action: 'update', before: first, after: second });
    expect(all.map((a) => a.id)).toEqual([...all.map((a) => a.id)].sort((a, b) => b - a));
    expect((await store.listAudit({ limit: 2 })).map((a) => a.entityId)).toEqual(['al-usaquen/2026-12', 'al-suba/2026-12']);
    expect((await store.listAudit({ entity: 'monthReview' })).map((a) => a.entityId)).toEqual(['al-usaquen/2026-12', 'al-suba/2026-12', 'al-usaquen/2026-12']);
    expect((await store.listAudit({ entityId: 'al-usaquen/2026-12', limit: 1 })).map((a) => a.action)).toEqual(['update']);
    expect(await store.listAudit({ entity: 'reminderControl', entityId: 'al-usaquen/2026-12' })).toEqual([]);
    expect(await store.listAudit({ entity: 'nada' })).toEqual([]);
    await store.close();
  });
}
