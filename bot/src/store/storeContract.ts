import { describe, expect, it } from 'vitest';
import { quarterMonths, reminderKeyString, type Acta, type Commitment, type IsoDate, type Plenaria } from '@okr/core';
import { ConflictError, REMINDER_MAX_ATTEMPTS, type SetContent, type Store } from './Store.js';
import { buildDemoSeed } from './seed/demoOkrs.js';

/** A plenaria menor of a unit (or, with unit null, entity-wide) presided by its líder, written by its enlace. */
function plenaria(id: string, unitId: string | null, date: IsoDate, startTime: string): Plenaria {
  const unit = unitId ?? 'despacho';
  return {
    id,
    kind: 'menor',
    unitId,
    date,
    startTime,
    modality: 'presencial',
    location: 'Sala de juntas, piso 3',
    presidingId: `lider-${unit}`,
    secretaryId: `enlace-${unit}`,
    createdBy: `enlace-${unit}`,
    createdAt: '2027-01-15T14:00:00.000Z',
  };
}

/** Version `version` of a plenaria's acta, in draft, at revision 1. */
function acta(plenariaId: string, version: number): Acta {
  return {
    plenariaId,
    version,
    revision: 1,
    draft: {
      startTime: '09:00',
      endTime: '11:00',
      objective: 'Revisar en equipo el avance de los OKR del trimestre.',
      attendeeIds: ['lider-al-usaquen', 'enlace-al-usaquen', 'miembro-al-usaquen'],
      guests: ['Invitada de la Secretaría de Planeación'],
      agenda: ['Bienvenida', 'Revisión de los OKR', 'Compromisos'],
      development: '',
      proposals: [],
      conversations: 'El equipo conversó sobre las PQRS represadas: "rezago" y comillas \' incluidas.',
      feedback: 'Reconocer el esfuerzo del equipo territorial.\nSegunda línea.',
      recognitions: [{ id: 'r1', personId: 'miembro-al-usaquen', team: null, reason: 'Depuró el rezago de PQRS.' }],
      decisions: ['Priorizar las PQRS de más de 15 días.'],
      commitments: [{ id: 'c1', task: 'Programar las mesas por UPZ', ownerId: 'miembro-al-usaquen', due: '2027-03-15' }],
    },
    okrResults: [{ objective: 'Agilizar la respuesta', keyResult: 'Responder a tiempo el 95 % de las PQRS', progress: '45 %', status: 'En riesgo' }],
    snapshotAt: '2027-02-10T14:00:00.000Z',
    signatures: { secretary: null, presiding: null },
    sentToOap: null,
    fileName: null,
    correctionReason: null,
    createdBy: 'enlace-al-usaquen',
    createdAt: '2027-02-10T14:00:00.000Z',
    updatedBy: 'enlace-al-usaquen',
    updatedAt: '2027-02-10T14:00:00.000Z',
  };
}

function commitment(p: Plenaria, id: string, ownerId: string, due: IsoDate): Commitment {
  return {
    id: `${p.id}:${id}`,
    plenariaId: p.id,
    unitId: p.unitId,
    task: `Compromiso ${id} de ${p.id}`,
    ownerId,
    due,
    status: 'abierto',
    notes: [],
    impact: null,
    revision: 1,
    createdAt: '2027-02-12T15:00:00.000Z',
    updatedAt: '2027-02-12T15:00:00.000Z',
  };
}

/**
 * The behaviour every Store adapter must have. Each adapter's test file calls this with a factory
 * that returns an empty store whose clock reads 2026-11-23.
 */
export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  const seeded = async () => {
    const store = await makeStore();
    await store.seed(buildDemoSeed('2026-11-23'));
    return store;
  };
  const checkIn = (keyResultId: string, value: number) => ({
    keyResultId,
    value,
    comment: 'Avance del mes con soporte.',
    evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/evidencia',
  });

  describe(`Store contract: ${name}`, () => {
    it('starts empty and holds the seeded directory of 44 units', async () => {
      const store = await makeStore();
      expect(await store.isEmpty()).toBe(true);
      await store.seed(buildDemoSeed('2026-11-23'));
      expect(await store.isEmpty()).toBe(false);
      const units = await store.listUnits();
      expect(units).toHaveLength(44);
      expect(units.filter((u) => u.kind === 'alcaldia')).toHaveLength(20);
      expect(units.map((u) => u.name)).toContain('Alcaldía Local de Ciudad Bolívar');
      await store.close();
    });

    it('finds people by id and by Entra object id, with their roles', async () => {
      const store = await seeded();
      const enlace = await store.getPerson('enlace-al-usaquen');
      expect(enlace).not.toBeNull();
      expect(await store.findPersonByAadObjectId(enlace!.aadObjectId.toUpperCase())).toEqual(enlace);
      expect(await store.rolesOf(enlace!.id)).toEqual([{ personId: enlace!.id, role: 'enlace', unitId: 'al-usaquen' }]);
      expect(await store.findPersonByAadObjectId('no-such-id')).toBeNull();
      expect(await store.getPerson('nadie')).toBeNull();
      await store.close();
    });

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
      const write = (value: number) => store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: [checkIn(kr.id, value)] });
      expect((await write(40)).map((s) => s.outcome)).toEqual(['created']);
      expect((await write(40)).map((s) => s.outcome)).toEqual(['unchanged']);
      const [updated] = await write(55);
      expect(updated).toMatchObject({ outcome: 'updated', checkIn: { value: 55, version: 2 } });
      const month = (await store.listCheckIns('al-usaquen', ['2026-11'])).filter((c) => c.keyResultId === kr.id);
      expect(month).toHaveLength(1);
      const audit = await store.listAudit({ entity: 'checkIn', entityId: updated!.checkIn.id });
      expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
      expect(audit[0]).toMatchObject({ actorId: 'enlace-al-usaquen', before: { value: 40 }, after: { value: 55 } });
      await store.close();
    });

    it('lists a unit’s check-ins for the months asked, and nothing for no months', async () => {
      const store = await seeded();
      const october = await store.listCheckIns('al-chapinero', ['2026-10']);
      expect(october.length).toBeGreaterThan(0);
      expect(october.every((c) => c.unitId === 'al-chapinero' && c.period === '2026-10')).toBe(true);
      const quarter = await store.listCheckIns('al-chapinero', quarterMonths('2026-Q4'));
      expect(quarter.length).toBeGreaterThanOrEqual(october.length);
      expect(await store.listCheckIns('al-chapinero', [])).toEqual([]);
      await store.close();
    });

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

    it('remembers the cards sent about a set or an acta, one per subject, purpose and person', async () => {
      const store = await seeded();
      const subjectId = 'set-al-usaquen-2026-Q4';
      await store.saveCardMessage({ subjectId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a1', reference: { c: 1 } });
      await store.saveCardMessage({ subjectId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a2', reference: { c: 2 } });
      await store.saveCardMessage({ subjectId, purpose: 'coach_review', personId: 'coach-1', activityId: 'b1', reference: { c: 3 } });
      // An acta's sign-off cards: the subject is not a set.
      const acta = 'acta:pl-al-usaquen-2027-Q1';
      await store.saveCardMessage({ subjectId: acta, purpose: 'acta_signature', personId: 'lider-al-usaquen', activityId: 'c1', reference: { c: 4 } });
      await store.saveCardMessage({ subjectId: acta, purpose: 'acta_signature', personId: 'enlace-al-usaquen', activityId: 'c2', reference: { c: 5 } });
      const cards = await store.listCardMessages(subjectId);
      expect(cards).toHaveLength(2);
      expect(cards.find((c) => c.purpose === 'leader_approval')).toEqual({ subjectId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a2', reference: { c: 2 } });
      expect((await store.listCardMessages(acta)).map((c) => [c.subjectId, c.personId, c.activityId])).toEqual([
        [acta, 'lider-al-usaquen', 'c1'],
        [acta, 'enlace-al-usaquen', 'c2'],
      ]);
      expect(await store.listCardMessages('acta:nada')).toEqual([]);
      await store.close();
    });

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

    it('writes acta versions compare-and-set: a stale edit is refused and changes nothing; every write is audited with its action', async () => {
      const store = await seeded();
      const p = plenaria('pl-t-acta', 'al-usaquen', '2027-02-10', '09:00');
      await store.createPlenaria(p, 'enlace-al-usaquen');
      const key = `${p.id}#1`;
      const v1 = acta(p.id, 1);
      expect(await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'create', acta: v1, expectedRevision: null })).toEqual(v1);
      await expect(store.writeActa({ actorId: 'enlace-al-usaquen', action: 'create', acta: v1, expectedRevision: null })).rejects.toBeInstanceOf(ConflictError);

      // The incoming revision is ignored: the store counts.
      const edit = { ...v1, revision: 99, draft: { ...v1.draft, development: 'Se revisó el avance de los nueve resultados clave.' }, updatedAt: '2027-02-10T16:00:00.000Z' };
      const edited = await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'edit', acta: edit, expectedRevision: 1 });
      expect(edited).toEqual({ ...edit, revision: 2 });
      // Two people had revision 1 open: the second save is stale.
      const stale = { ...v1, draft: { ...v1.draft, development: 'Texto viejo' } };
      await expect(store.writeActa({ actorId: 'lider-al-usaquen', action: 'edit', acta: stale, expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);
      expect(await store.listActas({ plenariaIds: [p.id] })).toEqual([edited]);
      await expect(store.writeActa({ actorId: 'enlace-al-usaquen', action: 'edit', acta: acta(p.id, 3), expectedRevision: 1 })).rejects.toBeInstanceOf(ConflictError);

      const signed: Acta = {
        ...edited,
        signatures: { secretary: { personId: 'enlace-al-usaquen', at: '2027-02-11T14:00:00.000Z' }, presiding: { personId: 'lider-al-usaquen', at: '2027-02-11T15:00:00.000Z' } },
        fileName: 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1.docx',
        sentToOap: { on: '2027-02-15', by: 'enlace-al-usaquen' },
      };
      expect(await store.writeActa({ actorId: 'lider-al-usaquen', action: 'sign', acta: signed, expectedRevision: 2 })).toEqual({ ...signed, revision: 3 });
      const v2: Acta = { ...acta(p.id, 2), correctionReason: 'Se corrigió la fecha de un compromiso.' };
      await store.writeActa({ actorId: 'enlace-al-usaquen', action: 'correct', acta: v2, expectedRevision: null });
      expect(await store.listActas({ plenariaIds: [p.id] })).toEqual([{ ...signed, revision: 3 }, v2]);

      const audit = await store.listAudit({ entity: 'acta', entityId: key });
      expect(audit.map((a) => [a.action, a.actorId, (a.after as { action: string }).action, (a.after as Acta).revision])).toEqual([
        ['update', 'lider-al-usaquen', 'sign', 3],
        ['update', 'enlace-al-usaquen', 'edit', 2],
        ['create', 'enlace-al-usaquen', 'create', 1],
      ]);
      expect(audit[0]!.before).toEqual(edited);
      expect(await store.listAudit({ entity: 'acta', entityId: `${p.id}#2` })).toHaveLength(1);
      // An acta of a plenaria that does not exist is a programming error, not a conflict.
      const orphan = store.writeActa({ actorId: 'x', action: 'create', acta: acta('pl-nada', 1), expectedRevision: null });
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
      for (const p of [...ps].reverse()) await store.writeActa({ actorId: 'oap-1', action: 'create', acta: acta(p.id, 1), expectedRevision: null });
      await store.writeActa({ actorId: 'oap-1', action: 'correct', acta: acta('pl-t-a', 2), expectedRevision: null });
      const keys = (as: Acta[]) => as.map((a) => `${a.plenariaId}#${a.version}`);
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
        await store.writeActa({ actorId: 'oap-1', action: 'create', acta: acta(x.id, 1), expectedRevision: null });
      }
      expect(await store.getActaFile(p.id, 1)).toBeNull();
      // Every byte value, zeros and invalid UTF-8 included, about 60 KB.
      const bytes = Buffer.from(Array.from({ length: 60_000 }, (_, i) => (i * 7 + (i >> 8)) % 256));
      const name = 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1.docx';
      await store.saveActaFile({ plenariaId: p.id, version: 1, fileName: name, bytes }, 'enlace-al-usaquen');
      const got = await store.getActaFile(p.id, 1);
      expect(got?.fileName).toBe(name);
      expect(got?.bytes.equals(bytes)).toBe(true);

      const again = Buffer.concat([bytes.subarray(0, 1000), Buffer.from([0, 255, 0])]);
      await store.saveActaFile({ plenariaId: p.id, version: 1, fileName: name, bytes: again }, 'enlace-al-usaquen');
      expect((await store.getActaFile(p.id, 1))?.bytes.equals(again)).toBe(true);
      const renamed = 'GDI-GPD-F029_al-usaquen_menor_2027-02-10_v1 (firmada).docx';
      await store.saveActaFile({ plenariaId: p.id, version: 1, fileName: renamed, bytes }, 'lider-al-usaquen');
      expect(await store.getActaFile(p.id, 1)).toEqual({ plenariaId: p.id, version: 1, fileName: renamed, bytes });
      expect(await store.getActaFile(p.id, 2)).toBeNull();

      // An entity-wide plenaria's acta has no unit: it still has a place.
      await store.saveActaFile({ plenariaId: mayor.id, version: 1, fileName: 'mayor.docx', bytes: again }, 'oap-1');
      expect((await store.getActaFile(mayor.id, 1))?.bytes.equals(again)).toBe(true);
      await expect(store.saveActaFile({ plenariaId: p.id, version: 7, fileName: name, bytes }, 'oap-1')).rejects.toThrow();

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
      const created = await store.writeCommitments([c1, c2, c3, c4].map((commitment) => ({ commitment, expectedRevision: null })), 'enlace-al-usaquen');
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
      await expect(store.writeCommitments([{ commitment: c5, expectedRevision: null }, { commitment: c1, expectedRevision: null }], 'enlace-al-usaquen')).rejects.toBeInstanceOf(ConflictError);
      expect(await store.listCommitments({ plenariaId: p.id })).toEqual([c2, c3, c1]);

      const followed: Commitment = {
        ...c1,
        status: 'en_curso',
        notes: [
          { at: '2027-02-20T15:00:00.000Z', by: 'miembro-al-usaquen', text: 'Se programaron las mesas con las juntas de acción comunal.' },
          { at: '2027-03-01T15:00:00.000Z', by: 'enlace-al-usaquen', text: 'Dos de cuatro mesas realizadas.' },
        ],
        revision: 42,
        updatedAt: '2027-03-01T15:00:00.000Z',
      };
      expect(await store.writeCommitments([{ commitment: followed, expectedRevision: 1 }], 'miembro-al-usaquen')).toEqual([{ ...followed, revision: 2 }]);
      // A stale update in a batch with a create: neither is written.
      const c6 = commitment(p, 'c6', 'lider-al-usaquen', '2027-04-02');
      const done = { ...c1, status: 'cumplido' as const, impact: 'Cuatro mesas con 60 participantes.' };
      await expect(store.writeCommitments([{ commitment: c6, expectedRevision: null }, { commitment: done, expectedRevision: 1 }], 'lider-al-usaquen')).rejects.toBeInstanceOf(ConflictError);
      expect(await store.listCommitments({ plenariaId: p.id })).toEqual([c2, c3, { ...followed, revision: 2 }]);
      await expect(store.writeCommitments([{ commitment: commitment(p, 'c9', 'lider-al-usaquen', '2027-04-02'), expectedRevision: 1 }], 'x')).rejects.toBeInstanceOf(ConflictError);
      const closed = await store.writeCommitments([{ commitment: { ...followed, status: 'cumplido', impact: 'Cuatro mesas con 60 participantes.' }, expectedRevision: 2 }], 'lider-al-usaquen');
      expect(closed[0]).toMatchObject({ status: 'cumplido', impact: 'Cuatro mesas con 60 participantes.', revision: 3 });

      const audit = await store.listAudit({ entity: 'commitment', entityId: c1.id });
      expect(audit.map((a) => [a.action, a.actorId])).toEqual([
        ['update', 'lider-al-usaquen'],
        ['update', 'miembro-al-usaquen'],
        ['create', 'enlace-al-usaquen'],
      ]);
      expect(audit[1]).toMatchObject({ before: c1, after: { ...followed, revision: 2 } });
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

    it('keeps conversation references for proactive messages, replacing the old one', async () => {
      const store = await seeded();
      expect(await store.getConversationReference('enlace-al-usaquen')).toBeNull();
      await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'a' } });
      await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'b' } });
      expect(await store.getConversationReference('enlace-al-usaquen')).toEqual({ conversation: { id: 'b' } });
      await store.close();
    });

    it('claims a reminder key exactly once, even when claims race; confirms only for the owner', async () => {
      const store = await seeded();
      const key = { kind: 'checkin_missing' as const, personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-10', step: 1 };
      const id = reminderKeyString(key);
      const claims = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => store.claimReminder(key, owner, '2026-11-23T15:00:00.000Z')));
      expect(claims.filter(Boolean)).toHaveLength(1);
      const [entry] = await store.listReminderLog();
      expect(entry).toMatchObject({ key: id, kind: 'checkin_missing', personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-10', step: 1, state: 'claimed', attempts: 1, sentAt: null });
      const owner = entry!.owner;
      // Someone else cannot confirm it; the owner can, and then nobody can claim it again.
      await store.markReminderSent(id, owner === 'a' ? 'b' : 'a', '2026-11-23T15:00:01.000Z');
      expect((await store.listReminderLog())[0]?.state).toBe('claimed');
      await store.markReminderSent(id, owner, '2026-11-23T15:00:02.000Z');
      expect((await store.listReminderLog())[0]).toMatchObject({ state: 'sent', sentAt: '2026-11-23T15:00:02.000Z' });
      expect(await store.claimReminder(key, 'e', '2026-11-24T15:00:00.000Z')).toBe(false);
      expect(await store.retryReminder(id, 'eti-1')).toBe(false);
      await store.close();
    });

    it('claims a failed reminder again up to the attempt limit, never a claimed one; the administrator can release either', async () => {
      const store = await seeded();
      const key = { kind: 'checkin_window' as const, personId: 'enlace-al-suba', subject: 'al-suba', period: '2026-11', step: 0 };
      const id = reminderKeyString(key);
      expect(await store.claimReminder(key, 'a', '2026-11-26T13:00:00.000Z')).toBe(true);
      // Still claimed (a crash would leave it so): nobody takes it over.
      expect(await store.claimReminder(key, 'b', '2026-11-26T14:00:00.000Z')).toBe(false);
      await store.markReminderFailed(id, 'a', '2026-11-26T13:00:01.000Z', '403 el usuario bloqueó el bot');
      expect((await store.listReminderLog({ states: ['failed'] }))[0]).toMatchObject({ key: id, error: '403 el usuario bloqueó el bot', attempts: 1 });
      for (let attempt = 2; attempt <= REMINDER_MAX_ATTEMPTS; attempt++) {
        expect(await store.claimReminder(key, `r${attempt}`, '2026-11-26T14:00:00.000Z')).toBe(true);
        await store.markReminderFailed(id, `r${attempt}`, '2026-11-26T14:00:01.000Z', 'otra vez');
      }
      expect(await store.claimReminder(key, 'z', '2026-11-26T15:00:00.000Z')).toBe(false);
      expect((await store.listReminderLog({ personId: 'enlace-al-suba' }))[0]).toMatchObject({ state: 'failed', attempts: REMINDER_MAX_ATTEMPTS });
      // «Reenviar»: claimable again, and audited.
      expect(await store.retryReminder(id, 'eti-1')).toBe(true);
      expect(await store.claimReminder(key, 'y', '2026-11-27T13:00:00.000Z')).toBe(true);
      expect(await store.claimReminder(key, 'x', '2026-11-27T13:00:00.000Z')).toBe(false);
      const audit = await store.listAudit({ entity: 'reminder', entityId: id });
      expect(audit[0]).toMatchObject({ actorId: 'eti-1', action: 'update', before: { state: 'failed' }, after: { state: 'failed', attempts: 0 } });
      expect(await store.retryReminder('no|such|key|2026-11|0', 'eti-1')).toBe(false);
      await store.close();
    });

    it('lists the reminder log newest first, by person and state', async () => {
      const store = await seeded();
      const k = (personId: string, step: number) => ({ kind: 'leader_escalation' as const, personId, subject: 'al-bosa', period: '2026-10', step });
      await store.claimReminder(k('lider-al-bosa', 2), 'a', '2026-11-05T13:00:00.000Z');
      await store.markReminderSent(reminderKeyString(k('lider-al-bosa', 2)), 'a', '2026-11-05T13:00:01.000Z');
      await store.claimReminder(k('enlace-al-bosa', 2), 'a', '2026-11-06T13:00:00.000Z');
      expect((await store.listReminderLog()).map((e) => e.personId)).toEqual(['enlace-al-bosa', 'lider-al-bosa']);
      expect((await store.listReminderLog({ personId: 'lider-al-bosa' })).map((e) => e.state)).toEqual(['sent']);
      expect((await store.listReminderLog({ states: ['claimed'] })).map((e) => e.personId)).toEqual(['enlace-al-bosa']);
      expect(await store.listReminderLog({ states: [] })).toEqual([]);
      expect(await store.listReminderLog({ periods: ['2026-11'] })).toEqual([]);
      expect(await store.listReminderLog({ periods: ['2026-09', '2026-10'] })).toHaveLength(2);
      expect(await store.listReminderLog({ limit: 1 })).toHaveLength(1);
      await store.close();
    });

    it('pauses and resumes all reminders, auditing who did it', async () => {
      const store = await seeded();
      expect(await store.getReminderControl()).toEqual({ paused: false, actorId: null, at: null });
      expect(await store.setRemindersPaused(true, 'eti-1')).toMatchObject({ paused: true, actorId: 'eti-1' });
      expect((await store.getReminderControl()).paused).toBe(true);
      await store.setRemindersPaused(false, 'eti-2');
      expect(await store.getReminderControl()).toMatchObject({ paused: false, actorId: 'eti-2' });
      const audit = await store.listAudit({ entity: 'reminderControl' });
      expect(audit.map((a) => [a.action, a.actorId])).toEqual([
        ['update', 'eti-2'],
        ['create', 'eti-1'],
      ]);
      await store.close();
    });

    it('keeps one snooze per reminder, moved and counted when snoozed again', async () => {
      const store = await seeded();
      const key = { kind: 'checkin_window' as const, personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-11', step: 0 };
      expect(await store.snoozeReminder(key, '2026-11-27T13:00:00.000Z')).toEqual({ key, until: '2026-11-27T13:00:00.000Z', count: 1 });
      expect(await store.snoozeReminder(key, '2026-11-30T13:00:00.000Z')).toEqual({ key, until: '2026-11-30T13:00:00.000Z', count: 2 });
      await store.snoozeReminder({ ...key, personId: 'lider-al-usaquen' }, '2026-11-27T13:00:00.000Z');
      expect(await store.listReminderSnoozes({ personId: 'enlace-al-usaquen' })).toEqual([{ key, until: '2026-11-30T13:00:00.000Z', count: 2 }]);
      expect(await store.listReminderSnoozes()).toHaveLength(2);
      await store.close();
    });

    it('keeps each person’s muted reminder kinds, audited', async () => {
      const store = await seeded();
      expect(await store.listReminderPreferences('enlace-al-usaquen')).toEqual([]);
      await store.setReminderPreferences({ personId: 'enlace-al-usaquen', mutedKinds: ['checkin_window', 'checkin_window'] }, 'enlace-al-usaquen');
      await store.setReminderPreferences({ personId: 'eti-1', mutedKinds: ['eti_digest'] }, 'eti-1');
      expect(await store.listReminderPreferences('enlace-al-usaquen')).toEqual([{ personId: 'enlace-al-usaquen', mutedKinds: ['checkin_window'] }]);
      await store.setReminderPreferences({ personId: 'enlace-al-usaquen', mutedKinds: [] }, 'enlace-al-usaquen');
      expect(await store.listReminderPreferences()).toEqual([
        { personId: 'eti-1', mutedKinds: ['eti_digest'] },
        { personId: 'enlace-al-usaquen', mutedKinds: [] },
      ].sort((a, b) => a.personId.localeCompare(b.personId)));
      expect((await store.listAudit({ entity: 'reminderPreferences', entityId: 'enlace-al-usaquen' })).map((a) => a.action)).toEqual(['update', 'create']);
      await store.close();
    });

    it('lists the people the bot can reach proactively', async () => {
      const store = await seeded();
      expect(await store.listConversationPersonIds()).toEqual([]);
      await store.saveConversationReference('lider-al-usaquen', { conversation: { id: 'x' } });
      await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'y' } });
      expect((await store.listConversationPersonIds()).sort()).toEqual(['enlace-al-usaquen', 'lider-al-usaquen']);
      await store.close();
    });
  });
}
