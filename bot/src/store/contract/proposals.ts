import { expect, it } from 'vitest';
import type { Proposal } from '@okr/core';
import { ConflictError } from '../Store.js';
import type { ContractContext } from './fixtures.js';

/** The demo's October dialogue session (seeded with its proposals). */
const SESSION = 'pl-dialogo-2026-10';

const proposal = (n: number, overrides: Partial<Proposal> = {}): Proposal => ({
  id: `${SESSION}:p${n}`,
  plenariaId: SESSION,
  sessionDate: '2026-10-15',
  text: `Propuesta ${n}: "comillas", ñ y tildes — <b>texto</b> tal cual`,
  responsibleId: null,
  status: 'recibida',
  notes: [],
  impact: null,
  version: 0,
  createdAt: '2026-11-23T15:00:00.000Z',
  updatedAt: '2026-11-23T15:00:00.000Z',
  ...overrides,
});

/** The contract of the proposals: by session and by who takes them, compare-and-set, all or nothing, audited. */
export function proposalsContract({ seeded }: ContractContext): void {
  it('proposals: the demo’s sessions bring theirs; read by session, by who takes them, or all', async () => {
    const store = await seeded();
    const all = await store.listProposals();
    expect(all.length).toBeGreaterThanOrEqual(6);
    expect(new Set(all.map((p) => p.plenariaId))).toEqual(new Set(['pl-dialogo-2026-09', 'pl-dialogo-2026-10', 'pl-dialogo-2026-11']));
    const october = await store.listProposals({ plenariaId: SESSION });
    expect(october.map((p) => p.id)).toEqual(all.filter((p) => p.plenariaId === SESSION).map((p) => p.id));
    const someone = all.find((p) => p.responsibleId)!.responsibleId!;
    const theirs = await store.listProposals({ responsibleId: someone });
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((p) => p.responsibleId === someone)).toBe(true);
    expect(await store.listProposals({ plenariaId: SESSION, responsibleId: 'nadie' })).toEqual([]);
    await store.close();
  });

  it('proposals: created once, updated compare-and-set, a stale batch changes nothing, each write audited, text kept literally', async () => {
    const store = await seeded();
    const before = await store.listProposals({ plenariaId: SESSION });
    const [created] = await store.writeProposals([{ proposal: proposal(20), expectedVersion: null }], 'eti-2');
    expect(created).toMatchObject({ id: `${SESSION}:p20`, version: 1 });
    await expect(store.writeProposals([{ proposal: proposal(20), expectedVersion: null }], 'eti-2')).rejects.toBeInstanceOf(ConflictError);

    const taken = { ...created!, responsibleId: 'lider-dgth', status: 'en_estudio' as const, notes: [{ at: '2026-11-24T14:00:00.000Z', by: 'oap-1', text: 'La toma «alguien».' }] };
    const [updated] = await store.writeProposals([{ proposal: taken, expectedVersion: 1 }], 'oap-1');
    expect(updated!.version).toBe(2);
    // A batch whose second write is stale changes nothing, not even the first.
    await expect(
      store.writeProposals(
        [
          { proposal: proposal(21), expectedVersion: null },
          { proposal: { ...updated!, status: 'adoptada' }, expectedVersion: 1 },
        ],
        'oap-1',
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    const after = await store.listProposals({ plenariaId: SESSION });
    expect(after.map((p) => p.id)).toEqual([...before.map((p) => p.id), `${SESSION}:p20`].sort());
    expect(after.find((p) => p.id === `${SESSION}:p20`)).toEqual({ ...taken, version: 2 });
    expect((await store.listProposals({ responsibleId: 'lider-dgth' })).map((p) => p.id)).toContain(`${SESSION}:p20`);

    const audit = await store.listAudit({ entity: 'proposal', entityId: `${SESSION}:p20` });
    // Newest first.
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([
      ['update', 'oap-1'],
      ['create', 'eti-2'],
    ]);
    await store.close();
  });
}
