import { expect, it } from 'vitest';
import type { ContractContext } from './fixtures.js';

/** SPIKE (issue 12). */
export function notesContract({ seeded }: ContractContext): void {
  it('keeps notes on a unit, oldest first, audited', async () => {
    const store = await seeded();
    await store.addNote({ id: 'n2', unitId: 'al-usaquen', text: 'Segunda', authorId: 'eti-1', at: '2026-11-23T16:00:00.000Z' });
    await store.addNote({ id: 'n1', unitId: 'al-usaquen', text: 'Primera', authorId: 'eti-1', at: '2026-11-23T15:00:00.000Z' });
    expect((await store.listNotes('al-usaquen')).map((n) => n.text)).toEqual(['Primera', 'Segunda']);
    expect(await store.listNotes('al-suba')).toEqual([]);
    expect((await store.listAudit({ entity: 'unitNote' })).map((a) => a.entityId)).toEqual(['n1', 'n2']);
    await store.close();
  });
}
