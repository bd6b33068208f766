import { expect, it } from 'vitest';
import { applyChanges, planAssignment, planEnd, planNewUnit, planObjective, planPersonDeactivation, planReplacement, planUnitDeactivation, type DirectoryChange, type DirectoryPerson } from '@okr/core';
import { ConflictError } from '../errors.js';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import type { ContractContext } from './fixtures.js';

/** The store's clock reads 2026-11-23 (Bogotá) in every contract. */

const newPerson = (id: string, extra: Partial<DirectoryPerson> = {}): DirectoryChange => ({
  kind: 'person',
  before: null,
  after: { id, aadObjectId: '', name: 'Yesenia Ñáñez Ruiz', email: `${id}@gobiernobogota.gov.co`, jobTitle: 'Contratista', phone: '601 338 7000 ext. 1234', active: true, version: 1, ...extra },
});

/** The contract of the directory: units, people, roles in force today, and their history. */
export function directoryContract({ makeStore, seeded }: ContractContext): void {
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

  it('gives the roles in force today; history, with its dates, through listAssignments', async () => {
    const store = await seeded();
    const before = await store.loadDirectory();
    const current = before.assignments.find((a) => a.personId === 'enlace-al-usaquen' && a.role === 'enlace')!;
    expect(current.to).toBeNull();
    // The enlace is replaced from tomorrow: today the old one still holds the role.
    await store.applyDirectoryChanges([...planReplacement(before, current.id, 'miembro-al-usaquen', '2026-11-24')], 'eti-1');
    expect(await store.rolesOf('enlace-al-usaquen')).toEqual([{ personId: 'enlace-al-usaquen', role: 'enlace', unitId: 'al-usaquen' }]);
    expect((await store.rolesOf('miembro-al-usaquen')).map((r) => r.role)).not.toContain('enlace');
    const history = await store.listAssignments({ unitId: 'al-usaquen' });
    expect(history.filter((a) => a.role === 'enlace').map((a) => [a.personId, a.from, a.to])).toEqual([
      ['enlace-al-usaquen', current.from, '2026-11-23'],
      ['miembro-al-usaquen', '2026-11-24', null],
    ]);
    expect((await store.listAssignments({ personId: 'miembro-al-usaquen' })).map((a) => a.role).at(-1)).toBe('enlace');
    // Ended yesterday: gone from today's roles, kept in the history.
    const now = await store.loadDirectory();
    const lider = now.assignments.find((a) => a.personId === 'lider-al-usaquen' && a.role === 'lider')!;
    await store.applyDirectoryChanges(planEnd(now, lider.id, '2026-11-22'), 'eti-1');
    expect(await store.rolesOf('lider-al-usaquen')).toEqual([]);
    expect((await store.listRoles()).some((r) => r.personId === 'lider-al-usaquen')).toBe(false);
    expect((await store.listAssignments({ personId: 'lider-al-usaquen' }))[0]).toMatchObject({ to: '2026-11-22', version: 2 });
    await store.close();
  });

  it('creates units, people without an Entra id yet, assignments and objectives, each with its audit entry', async () => {
    const store = await seeded();
    const snap = await store.loadDirectory();
    const unit = planNewUnit(snap, { id: 'ogestion', name: 'Oficina de Gestión del Cambio', kind: 'central', level: 'oficina', parentId: 'despacho' });
    const person = newPerson('yesenia-nanez');
    const withBoth = applyChanges(snap, [...unit, person]);
    const role = planAssignment(withBoth, { personId: 'yesenia-nanez', role: 'enlace', unitId: 'ogestion', from: '2026-11-20' });
    const objective = planObjective(withBoth, { vigencia: 2027, code: 'OE6', title: 'Consolidar la gestión del conocimiento y la innovación pública.', active: true });
    await store.applyDirectoryChanges([...unit, person, ...role, ...objective], 'eti-2');

    expect(await store.getUnit('ogestion')).toEqual({ id: 'ogestion', name: 'Oficina de Gestión del Cambio', kind: 'central', level: 'oficina', parentId: 'despacho' });
    expect(await store.getPerson('yesenia-nanez')).toEqual({ id: 'yesenia-nanez', aadObjectId: '', name: 'Yesenia Ñáñez Ruiz', email: 'yesenia-nanez@gobiernobogota.gov.co', jobTitle: 'Contratista' });
    expect(await store.findPersonByAadObjectId('')).toBeNull();
    expect(await store.rolesOf('yesenia-nanez')).toEqual([{ personId: 'yesenia-nanez', role: 'enlace', unitId: 'ogestion' }]);
    const after = await store.loadDirectory();
    expect(after.people.find((p) => p.id === 'yesenia-nanez')).toMatchObject({ phone: '601 338 7000 ext. 1234', active: true, version: 1 });
    expect(after.objectives.find((o) => o.id === 'oe6-2027')).toEqual({ id: 'oe6-2027', code: 'OE6', title: 'Consolidar la gestión del conocimiento y la innovación pública.', vigencia: 2027, active: true, version: 1 });
    expect((await store.listInstitutionalObjectives()).map((o) => o.code)).toContain('OE6');
    expect((await store.listAudit({ limit: 4 })).map((a) => [a.entity, a.entityId, a.actorId, a.action])).toEqual([
      ['institutionalObjective', 'oe6-2027', 'eti-2', 'create'],
      ['role', 'yesenia-nanez|enlace|ogestion|2026-11-20', 'eti-2', 'create'],
      ['person', 'yesenia-nanez', 'eti-2', 'create'],
      ['unit', 'ogestion', 'eti-2', 'create'],
    ]);

    // Linked to Entra ID at the first sign-in: found by the id from then on.
    const linked = after.people.find((p) => p.id === 'yesenia-nanez')!;
    await store.applyDirectoryChanges([{ kind: 'person', before: linked, after: { ...linked, aadObjectId: '7d1c2b9e-8a4f-4c1d-9e2b-5f6a7b8c9d0e', version: 2 } }], 'system');
    expect((await store.findPersonByAadObjectId('7D1C2B9E-8A4F-4C1D-9E2B-5F6A7B8C9D0E'))?.id).toBe('yesenia-nanez');
    await store.close();
  });

  it('applies a batch of changes all or nothing, compare-and-set on each version', async () => {
    const store = await seeded();
    const snap = await store.loadDirectory();
    const stale = snap.units.find((u) => u.id === 'al-suba')!;
    // Someone renames Suba first; a batch that creates a person then updates the stale Suba stores nothing.
    await store.applyDirectoryChanges([{ kind: 'unit', before: stale, after: { ...stale, name: 'Alcaldía Local de Suba (renombrada)', version: 2 } }], 'eti-1');
    const batch: DirectoryChange[] = [newPerson('nueva-persona'), { kind: 'unit', before: stale, after: { ...stale, name: 'Otra', version: 2 } }];
    await expect(store.applyDirectoryChanges(batch, 'eti-2')).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getPerson('nueva-persona')).toBeNull();
    expect((await store.getUnit('al-suba'))!.name).toBe('Alcaldía Local de Suba (renombrada)');
    expect((await store.listAudit({ entity: 'person' })).map((a) => a.entityId)).not.toContain('nueva-persona');
    // A create of an id that exists is a conflict too.
    await expect(store.applyDirectoryChanges([newPerson('enlace-al-suba')], 'eti-1')).rejects.toBeInstanceOf(ConflictError);
    await store.close();
  });

  it('keeps deactivated units and people for history, out of what the rest of the app lists', async () => {
    const store = await seeded();
    const snap = await store.loadDirectory();
    const leaving = planPersonDeactivation(snap, 'enlace-dgth', '2026-11-22');
    expect(leaving.ended.map((a) => a.unitId).sort()).toEqual(['dgth', 'sgd']);
    await store.applyDirectoryChanges(leaving.changes, 'eti-1');
    expect(await store.rolesOf('enlace-dgth')).toEqual([]);
    expect((await store.getPerson('enlace-dgth'))?.id).toBe('enlace-dgth'); // authors keep their name
    expect((await store.loadDirectory()).people.find((p) => p.id === 'enlace-dgth')!.active).toBe(false);

    const closing = planUnitDeactivation(await store.loadDirectory(), 'sbs', '2026-11-22');
    await store.applyDirectoryChanges(closing.changes, 'eti-1');
    expect((await store.listUnits()).map((u) => u.id)).not.toContain('sbs');
    expect(await store.listUnits()).toHaveLength(43);
    expect((await store.getUnit('sbs'))?.name).toBe('Subdirección de Bienes y Servicios');
    expect((await store.listRoles()).some((r) => r.unitId === 'sbs')).toBe(false);
    expect((await store.listAssignments({ unitId: 'sbs' })).length).toBeGreaterThan(0);
    await store.close();
  });
}

/** The contract of what the imports store: sets from Viva Goals, and the teams → units people confirmed. */
export function importsContract({ seeded }: ContractContext): void {
  it('stores imported sets with their check-ins all or nothing, with an import event and audit entries', async () => {
    const store = await seeded();
    const base = (await store.getSet('al-usaquen', '2026-Q4'))!;
    const imported = (quarter: '2023-Q4' | '2024-Q1' | '2024-Q2' | '2026-Q4', id = `viva-al-usaquen-${quarter}`) => {
      const objectives = base.objectives.map((o) => ({ ...o, id: `${id}-${o.id}`, setId: id, parentId: o.parentId && `${id}-${o.parentId}` }));
      const keyResults = base.keyResults.map((k) => ({ ...k, id: `${id}-${k.id}`, setId: id, objectiveId: `${id}-${k.objectiveId}` }));
      const month = `${quarter.slice(0, 4)}-${String(Number(quarter.slice(-1)) * 3).padStart(2, '0')}`;
      const checkIns = keyResults.map((k) => ({ id: `${k.id}-${month}`, keyResultId: k.id, unitId: 'al-usaquen', period: month, value: 1, comment: 'Viva', evidenceUrl: '', authorId: 'enlace-al-usaquen', createdAt: `${month}-28T17:00:00.000Z`, updatedAt: `${month}-28T17:00:00.000Z`, version: 1 }));
      return { set: { ...base.set, id, quarter, state: 'active' as const, version: 1 }, objectives, keyResults, checkIns };
    };
    await store.importSets({ actorId: 'eti-1', sets: [imported('2024-Q1'), imported('2024-Q2')], comment: 'Importado de Viva Goals.' });
    const q1 = (await store.getSet('al-usaquen', '2024-Q1'))!;
    expect(q1.set).toMatchObject({ id: 'viva-al-usaquen-2024-Q1', state: 'active' });
    expect(q1.keyResults).toHaveLength(base.keyResults.length);
    expect(await store.listCheckIns('al-usaquen', ['2024-06'])).toHaveLength(base.keyResults.length);
    expect((await store.listSetEvents(q1.set.id)).map((e) => [e.action, e.comment])).toEqual([['import', 'Importado de Viva Goals.']]);
    expect((await store.listAudit({ entity: 'okrSet', limit: 2 })).map((a) => a.entityId)).toEqual(['viva-al-usaquen-2024-Q2', 'viva-al-usaquen-2024-Q1']);
    // A quarter the unit already has: nothing of the batch is stored.
    await expect(store.importSets({ actorId: 'eti-1', sets: [imported('2023-Q4'), imported('2026-Q4', 'viva-otra')], comment: 'x' })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getSet('al-usaquen', '2023-Q4')).toBeNull();
    await store.close();
  });

  it('keeps the Viva Goals teams → units the person confirmed, replacing an earlier choice', async () => {
    const store = await seeded();
    expect(await store.vivaTeamMap()).toEqual({});
    await store.saveVivaTeamMap([{ team: 'Talento Humano', unitId: 'sgi' }, { team: 'AL Ciudad Bolívar', unitId: 'al-ciudad-bolivar' }], 'eti-1');
    await store.saveVivaTeamMap([{ team: 'TALENTO HUMANO', unitId: 'dgth' }], 'eti-2');
    expect(await store.vivaTeamMap()).toEqual({ 'talento humano': 'dgth', 'al ciudad bolivar': 'al-ciudad-bolivar' });
    expect((await store.listAudit({ entity: 'vivaTeamMap', limit: 1 }))[0]).toMatchObject({ actorId: 'eti-2', action: 'update', before: { unitId: 'sgi' }, after: { unitId: 'dgth' } });
    await store.close();
  });
}
