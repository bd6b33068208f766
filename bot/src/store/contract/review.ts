import { expect, it } from 'vitest';
import type { ContractContext } from './fixtures.js';

/** The contract of the the ETI's month reviews. */
export function reviewContract({ seeded }: ContractContext): void {
  it('records the monthly review of a unit, replacing it and auditing each change', async () => {
    const store = await seeded();
    expect(await store.getMonthReview('al-usaquen', '2026-10')).toBeNull();
    const review = { unitId: 'al-usaquen', period: '2026-10', state: 'closed' as const, actorId: 'eti-1', at: '2026-11-05T14:00:00.000Z', note: null };
    await store.saveMonthReview(review);
    expect(await store.getMonthReview('al-usaquen', '2026-10')).toEqual(review);
    await store.saveMonthReview({ ...review, state: 'correction_requested', note: 'Falta la evidencia del KR 2.' });
    expect(await store.getMonthReview('al-usaquen', '2026-10')).toMatchObject({ state: 'correction_requested', note: 'Falta la evidencia del KR 2.' });
    expect(await store.getMonthReview('al-usaquen', '2026-11')).toBeNull();
    const audit = await store.listAudit({ entity: 'monthReview', entityId: 'al-usaquen/2026-10' });
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    await store.close();
  });
}
