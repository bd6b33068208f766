import { expect, it } from 'vitest';
import { type Acta, type Commitment, type Plenaria } from '@okr/core';
import { ConflictError } from '../Store.js';
import { acta, commitment, plenaria, type ContractContext } from './fixtures.js';

/** The contract of the plenarias, actas, their files and commitments. */
export function actasContract({ seeded }: ContractContext): void {
  it('schedules plenarias once each, lists them by quarter and unit in date and time order, and audits them', async () => {
    const store = await seeded();
    const usaquen = plenaria('pl-t-usaquen-q1', 'al-usaquen', '2027-02-10', '09:00');
    const usaquenQ2 = plenaria('pl-t-usaquen-q2', 'al-usaquen', '2027-04-15', '14:00');
    const suba = plenaria('pl-t-suba-q1', 'al-suba', '2027-02-10', '08:00');
    const mayor: Plenaria = { ...plenaria('pl-t-mayor', null, '2027-01-25', '08:00'), kind: 'mayor', modality: 'mixta', location: 'Auditorio — https://teams.microsoft.com/l/meetup-join/abc', presidingId: 'lider-despacho', secretaryId: 'enlace-despacho' };
    for (const p of [usaquen, usaquenQ2, suba, mayor]) await store.createPlenaria(p, 'enlace-al-usaquen');
    await expect(store.createPlenaria({ ...usaquen, location: 'Otra sala' }, 'enlace-al-usaquen')).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getPlenaria(usaquen.id)).toEqual(usaquen);
    expect(await store.getPlenaria(mayor.id)).toEqual(mayor);
    expect(await store.getPlenaria('nada')).toBeNull();

    const ids = (ps: Plenaria[]) => ps.map((p) => p.id);
    expect(ids(await store.listPlenarias({ quarters: ['2027-Q1'] }))).toEqual([mayor.id, suba.id, usaquen.id]);
    expect(ids(await store.listPlenarias({ quarters: ['2027-Q2', '2027-Q1'] }))).toEqual([mayor.id, suba.id, usaquen.id, usaquenQ2.id]);
    expect(ids(await store.listPlenarias({ quarters: ['2027-Q1', '2027-Q2'], unitId: 'al-usaquen' }))).toEqual([usaquen.id, usaquenQ2.id]);
    expect(ids(await store.listPlenarias({ quarters: ['2027-Q2'], unitId: 'al-suba' }))).toEqual([]);
    expect(ids(await store.listPlenarias({ unitId: 'al-usaquen' })).filter((id) => id.startsWith('pl-t-'))).toEqual([usaquen.id, usaquenQ2.id]);
    expect(ids(await store.listPlenarias({})).filter((id) => id.startsWith('pl-t-'))).toEqual([mayor.id, suba.id, usaquen.id, usaquenQ2.id]);
    expect(await store.listPlenarias({ quarters: [] })).toEqual([]);

    const audit = await store.listAudit({ entity: 'plenaria', entityId: usaquen.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: 'enlace-al-usaquen', action: 'create', before: null, after: usaquen });
    await store.close();
  });

  it('reschedules and cancels a plenaria compare-and-set, its actas following it to the new quarter, audited with the reason', async () => {
    const store = await seeded();
    const p = plenaria('pl-t-move', 'al-usaquen', '2027-03-30', '09:00');
    await store.createPlenaria(p, 'enlace-al-usaquen');
    await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'create', acta: acta(p.id, 1), expectedVersion: null });
    const moved: Plenaria = { ...p, date: '2027-04-06', startTime: '10:30', rescheduled: { at: '2027-03-20T15:00:00.000Z', by: 'enlace-al-usaquen', reason: 'Cruce con el consejo local', fromDate: p.date, fromStartTime: p.startTime } };
    await store.updatePlenaria({ actorId: 'enlace-al-usaquen', action: 'reschedule', reason: 'Cruce con el consejo local', before: p, after: moved });
    expect(await store.getPlenaria(p.id)).toEqual(moved);
    expect((await store.listPlenarias({ quarters: ['2027-Q1'] })).map((x) => x.id)).not.toContain(p.id);
    expect((await store.listPlenarias({ quarters: ['2027-Q2'] })).map((x) => x.id)).toContain(p.id);
    expect((await store.listActas({ quarters: ['2027-Q2'] })).map((a) => a.plenariaId)).toContain(p.id);
    expect((await store.listActas({ quarters: ['2027-Q1'] })).map((a) => a.plenariaId)).not.toContain(p.id);
    // Someone working on what it was before is refused, and nothing changes.
    await expect(store.updatePlenaria({ actorId: 'lider-al-usaquen', action: 'cancel', reason: 'x', before: p, after: { ...p, cancelled: { at: 'x', by: 'y', reason: 'x' } } })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getPlenaria(p.id)).toEqual(moved);
    const cancelled: Plenaria = { ...moved, cancelled: { at: '2027-03-25T15:00:00.000Z', by: 'lider-al-usaquen', reason: 'Emergencia en la localidad' } };
    await store.updatePlenaria({ actorId: 'lider-al-usaquen', action: 'cancel', reason: 'Emergencia en la localidad', before: moved, after: cancelled });
    expect(await store.getPlenaria(p.id)).toEqual(cancelled);
    const audit = await store.listAudit({ entity: 'plenaria', entityId: p.id });
    const steps = audit.map((e) => [e.actorId, e.action, (e.after as { action?: string }).action ?? null, (e.after as { reason?: string }).reason ?? null]);
    expect(steps).toHaveLength(3);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['enlace-al-usaquen', 'create', null, null],
        ['enlace-al-usaquen', 'update', 'reschedule', 'Cruce con el consejo local'],
        ['lider-al-usaquen', 'update', 'cancel', 'Emergencia en la localidad'],
      ]),
    );
    expect(audit.find((e) => (e.after as { action?: string }).action === 'reschedule')!.before).toEqual(p);
    await store.close();
  });

  it('writes acta versions compare-and-set: a stale edit is refused and changes nothing; every write is audited with its action', async () => {
    const store = await seeded();
    const p = plenaria('pl-t-acta', 'al-usaquen', '2027-02-10', '09:00');
    await store.createPlenaria(p, 'enlace-al-usaquen');
    const key = `${p.id}#1`;
    const v1 = acta(p.id, 1);
    expect(await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'create', acta: v1, expectedVersion: null })).toEqual(v1);
    await expect(store.writeActa({ actorId: 'enlace-al-usaquen', action: 'create', acta: v1, expectedVersion: null })).rejects.toBeInstanceOf(ConflictError);

    // The incoming version is ignored: the store counts.
    const edit = { ...v1, version: 99, draft: { ...v1.draft, development: 'Se revisó el avance de los nueve resultados clave.' }, updatedAt: '2027-02-10T16:00:00.000Z' };
    const edited = await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'edit', acta: edit, expectedVersion: 1 });
    expect(edited).toEqual({ ...edit, version: 2 });
    // Two people had version 1 open: the second save is stale.
    const stale = { ...v1, draft: { ...v1.draft, development: 'Texto viejo' } };
    await expect(store.writeActa({ actorId: 'lider-al-usaquen', action: 'edit', acta: stale, expectedVersion: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listActas({ plenariaIds: [p.id] })).toEqual([edited]);
    await expect(store.writeActa({ actorId: 'enlace-al-usaquen', action: 'edit', acta: acta(p.id, 3), expectedVersion: 1 })).rejects.toBeInstanceOf(ConflictError);

    const signed: Acta = {
      ...edited,
      signatures: { secretary: { personId: 'enlace-al-usaquen', at: '2027-02-11T14:00:00.000Z' }, presiding: { personId: 'lider-al-usaquen', at: '2027-02-11T15:00:00.000Z' } },
      fileName: 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1.docx',
      sentToOap: { on: '2027-02-15', by: 'enlace-al-usaquen' },
    };
    expect(await store.writeActa({ actorId: 'lider-al-usaquen', action: 'sign', acta: signed, expectedVersion: 2 })).toEqual({ ...signed, version: 3 });
    const v2: Acta = { ...acta(p.id, 2), correctionReason: 'Se corrigió la fecha de un compromiso.' };
    await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'correct', acta: v2, expectedVersion: null });
    expect(await store.listActas({ plenariaIds: [p.id] })).toEqual([{ ...signed, version: 3 }, v2]);

    const audit = await store.listAudit({ entity: 'acta', entityId: key });
    expect(audit.map((a) => [a.action, a.actorId, (a.after as { action: string }).action, (a.after as Acta).version])).toEqual([
      ['update', 'lider-al-usaquen', 'sign', 3],
      ['update', 'enlace-al-usaquen', 'edit', 2],
      ['create', 'enlace-al-usaquen', 'create', 1],
    ]);
    expect(audit[0]!.before).toEqual(edited);
    expect(await store.listAudit({ entity: 'acta', entityId: `${p.id}#2` })).toHaveLength(1);
    // An acta of a plenaria that does not exist is a programming error, not a conflict.
    const orphan = store.writeActa({ actorId: 'x', action: 'create', acta: acta('pl-nada', 1), expectedVersion: null });
    await expect(orphan).rejects.toThrow();
    await expect(orphan).rejects.not.toBeInstanceOf(ConflictError);
    await store.close();
  });

  it('lists actas by plenarias, quarters and unit (any filter given must match), oldest version first', async () => {
    const store = await seeded();
    const ps = [
      plenaria('pl-t-a', 'al-usaquen', '2027-02-10', '09:00'),
      plenaria('pl-t-b', 'al-suba', '2027-03-01', '09:00'),
      plenaria('pl-t-c', 'al-usaquen', '2027-05-05', '09:00'),
      plenaria('pl-t-d', null, '2027-01-20', '08:00'),
      plenaria('pl-t-e', 'al-bosa', '2027-06-01', '09:00'),
    ];
    for (const p of ps) await store.createPlenaria(p, 'oap-1');
    for (const p of [...ps].reverse()) await store.writeActa({ actorId: 'oap-1', action: 'create', acta: acta(p.id, 1), expectedVersion: null });
    await store.writeActa({ actorId: 'oap-1', action: 'correct', acta: acta('pl-t-a', 2), expectedVersion: null });
    const keys = (as: Acta[]) => as.map((a) => `${a.plenariaId}#${a.documentVersion}`);
    expect(keys(await store.listActas({ quarters: ['2027-Q1'] }))).toEqual(['pl-t-a#1', 'pl-t-a#2', 'pl-t-b#1', 'pl-t-d#1']);
    expect(keys(await store.listActas({ quarters: ['2027-Q1', '2027-Q2'], unitId: 'al-usaquen' }))).toEqual(['pl-t-a#1', 'pl-t-a#2', 'pl-t-c#1']);
    expect(keys(await store.listActas({ unitId: 'al-usaquen', plenariaIds: ['pl-t-c', 'pl-t-b'] }))).toEqual(['pl-t-c#1']);
    expect(keys(await store.listActas({ plenariaIds: ['pl-t-e', 'pl-t-d', 'pl-t-c', 'pl-t-b', 'pl-t-a'] }))).toEqual(['pl-t-a#1', 'pl-t-a#2', 'pl-t-b#1', 'pl-t-c#1', 'pl-t-d#1', 'pl-t-e#1']);
    expect(keys(await store.listActas({ plenariaIds: ['pl-t-e', 'pl-t-d', 'pl-t-c', 'pl-t-b', 'pl-t-a'], quarters: ['2027-Q2'] }))).toEqual(['pl-t-c#1', 'pl-t-e#1']);
    expect(keys(await store.listActas({ plenariaIds: ['pl-t-a'], quarters: ['2027-Q2'] }))).toEqual([]);
    expect(keys(await store.listActas({})).filter((k) => k.startsWith('pl-t-'))).toHaveLength(6);
    expect(await store.listActas({ plenariaIds: [] })).toEqual([]);
    expect(await store.listActas({ quarters: [] })).toEqual([]);
    await store.close();
  });

  it('keeps an acta’s .docx byte for byte, replaces it, and audits its name and size (never the bytes)', async () => {
    const store = await seeded();
    const p = plenaria('pl-t-file', 'al-usaquen', '2027-02-10', '09:00');
    const mayor = { ...plenaria('pl-t-file-mayor', null, '2027-01-20', '08:00'), kind: 'mayor' as const };
    for (const x of [p, mayor]) {
      await store.createPlenaria(x, 'oap-1');
      await store.writeActa({ actorId: 'oap-1', action: 'create', acta: acta(x.id, 1), expectedVersion: null });
    }
    expect(await store.getActaFile(p.id, 1)).toBeNull();
    // Every byte value, zeros and invalid UTF-8 included, about 60 KB.
    const bytes = Buffer.from(Array.from({ length: 60_000 }, (_, i) => (i * 7 + (i >> 8)) % 256));
    const name = 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1.docx';
    await store.saveActaFile({ plenariaId: p.id, documentVersion: 1, fileName: name, bytes }, 'enlace-al-usaquen');
    const got = await store.getActaFile(p.id, 1);
    expect(got?.fileName).toBe(name);
    expect(got?.bytes.equals(bytes)).toBe(true);

    const again = Buffer.concat([bytes.subarray(0, 1000), Buffer.from([0, 255, 0])]);
    await store.saveActaFile({ plenariaId: p.id, documentVersion: 1, fileName: name, bytes: again }, 'enlace-al-usaquen');
    expect((await store.getActaFile(p.id, 1))?.bytes.equals(again)).toBe(true);
    const renamed = 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1 (firmada).docx';
    await store.saveActaFile({ plenariaId: p.id, documentVersion: 1, fileName: renamed, bytes }, 'lider-al-usaquen');
    expect(await store.getActaFile(p.id, 1)).toEqual({ plenariaId: p.id, documentVersion: 1, fileName: renamed, bytes });
    expect(await store.getActaFile(p.id, 2)).toBeNull();

    // An entity-wide plenaria's acta has no unit: it still has a place.
    await store.saveActaFile({ plenariaId: mayor.id, documentVersion: 1, fileName: 'mayor.docx', bytes: again }, 'oap-1');
    expect((await store.getActaFile(mayor.id, 1))?.bytes.equals(again)).toBe(true);
    await expect(store.saveActaFile({ plenariaId: p.id, documentVersion: 7, fileName: name, bytes }, 'oap-1')).rejects.toThrow();

    const audit = await store.listAudit({ entity: 'actaFile', entityId: `${p.id}#1` });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['update', 'lider-al-usaquen'],
      ['update', 'enlace-al-usaquen'],
      ['create', 'enlace-al-usaquen'],
    ]);
    expect(audit[2]!.after).toMatchObject({ fileName: name, size: 60_000 });
    expect(audit[0]).toMatchObject({ before: { fileName: name, size: 1003 }, after: { fileName: renamed, size: 60_000 } });
    expect(JSON.stringify(audit)).not.toMatch(/bytes|data/);
    await store.close();
  });

  it('tracks commitments: created all or nothing, listed by owner, plenaria and unit soonest due first, updated compare-and-set', async () => {
    const store = await seeded();
    const p = plenaria('pl-t-com', 'al-usaquen', '2027-02-10', '09:00');
    const q = plenaria('pl-t-com2', 'al-suba', '2027-02-11', '09:00');
    for (const x of [p, q]) await store.createPlenaria(x, 'oap-1');
    const c1 = commitment(p, 'c1', 'miembro-al-usaquen', '2027-03-15');
    const c2 = commitment(p, 'c2', 'enlace-al-usaquen', '2027-02-28');
    const c3 = commitment(p, 'c3', 'miembro-al-usaquen', '2027-02-28');
    const c4 = commitment(q, 'c1', 'miembro-al-usaquen', '2027-03-01');
    const created = await store.writeCommitments([c1, c2, c3, c4].map((commitment) => ({ commitment, expectedVersion: null })), 'enlace-al-usaquen');
    expect(created).toEqual([c1, c2, c3, c4]);
    const ours = (cs: Commitment[]) => cs.filter((c) => c.plenariaId.startsWith('pl-t-')).map((c) => c.id);
    expect(await store.listCommitments({ plenariaId: p.id })).toEqual([c2, c3, c1]);
    expect(ours(await store.listCommitments({ ownerId: 'miembro-al-usaquen' }))).toEqual([c3.id, c4.id, c1.id]);
    expect(ours(await store.listCommitments({ ownerId: 'miembro-al-usaquen', unitId: 'al-usaquen' }))).toEqual([c3.id, c1.id]);
    expect(ours(await store.listCommitments({ ownerId: 'miembro-al-usaquen', plenariaId: q.id }))).toEqual([c4.id]);
    expect(ours(await store.listCommitments({ unitId: 'al-suba' }))).toEqual([c4.id]);
    expect(await store.listCommitments({ plenariaId: q.id, unitId: 'al-usaquen' })).toEqual([]);
    expect(ours(await store.listCommitments({}))).toEqual([c2.id, c3.id, c4.id, c1.id]);

    // One create meets an existing id: nothing of the batch is written.
    const c5 = commitment(p, 'c5', 'lider-al-usaquen', '2027-04-01');
    await expect(store.writeCommitments([{ commitment: c5, expectedVersion: null }, { commitment: c1, expectedVersion: null }], 'enlace-al-usaquen')).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listCommitments({ plenariaId: p.id })).toEqual([c2, c3, c1]);

    const followed: Commitment = {
      ...c1,
      status: 'en_curso',
      notes: [
        { at: '2027-02-20T15:00:00.000Z', by: 'miembro-al-usaquen', text: 'Se programaron las mesas con las juntas de acción comunal.' },
        { at: '2027-03-01T15:00:00.000Z', by: 'enlace-al-usaquen', text: 'Dos de cuatro mesas realizadas.' },
      ],
      version: 42,
      updatedAt: '2027-03-01T15:00:00.000Z',
    };
    expect(await store.writeCommitments([{ commitment: followed, expectedVersion: 1 }], 'miembro-al-usaquen')).toEqual([{ ...followed, version: 2 }]);
    // A stale update in a batch with a create: neither is written.
    const c6 = commitment(p, 'c6', 'lider-al-usaquen', '2027-04-02');
    const done = { ...c1, status: 'cumplido' as const, impact: 'Cuatro mesas con 60 participantes.' };
    await expect(store.writeCommitments([{ commitment: c6, expectedVersion: null }, { commitment: done, expectedVersion: 1 }], 'lider-al-usaquen')).rejects.toBeInstanceOf(ConflictError);
    expect(await store.listCommitments({ plenariaId: p.id })).toEqual([c2, c3, { ...followed, version: 2 }]);
    await expect(store.writeCommitments([{ commitment: commitment(p, 'c9', 'lider-al-usaquen', '2027-04-02'), expectedVersion: 1 }], 'x')).rejects.toBeInstanceOf(ConflictError);
    const closed = await store.writeCommitments([{ commitment: { ...followed, status: 'cumplido', impact: 'Cuatro mesas con 60 participantes.' }, expectedVersion: 2 }], 'lider-al-usaquen');
    expect(closed[0]).toMatchObject({ status: 'cumplido', impact: 'Cuatro mesas con 60 participantes.', version: 3 });

    const audit = await store.listAudit({ entity: 'commitment', entityId: c1.id });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['update', 'lider-al-usaquen'],
      ['update', 'miembro-al-usaquen'],
      ['create', 'enlace-al-usaquen'],
    ]);
    expect(audit[1]).toMatchObject({ before: c1, after: { ...followed, version: 2 } });
    expect(await store.listAudit({ entity: 'commitment', entityId: c5.id })).toEqual([]);
    expect(await store.listAudit({ entity: 'commitment', entityId: c6.id })).toEqual([]);
    await store.close();
  });

  it('loads the seeded plenarias with their actas and tracked commitments', async () => {
    const store = await seeded();
    const q3 = await store.listPlenarias({ quarters: ['2026-Q3'] });
    expect(q3.filter((p) => p.kind === 'menor').length).toBeGreaterThanOrEqual(38);
    const actas = await store.listActas({ quarters: ['2026-Q3'] });
    expect(new Set(actas.map((a) => a.plenariaId)).size).toBeGreaterThanOrEqual(38);
    const withCommitments = actas.find((a) => a.draft.commitments.length > 0)!;
    const tracked = await store.listCommitments({ plenariaId: withCommitments.plenariaId });
    expect(tracked.map((c) => c.id).sort()).toEqual(withCommitments.draft.commitments.map((c) => `${withCommitments.plenariaId}:${c.id}`).sort());
    await store.close();
  });
}
