import { describe, expect, it } from 'vitest';
import {
  applyChanges,
  assignmentProblems,
  directoryWarnings,
  inForce,
  planAssignment,
  planEnd,
  planNewUnit,
  planObjective,
  planPersonDeactivation,
  planReplacement,
  planUnitDeactivation,
  planUnitUpdate,
  rolesOn,
  searchPeople,
  unitTree,
  DirectoryError,
  type Assignment,
  type DirectoryPerson,
  type DirectorySnapshot,
  type DirectoryUnit,
} from './directory.js';

const unit = (id: string, name: string, parentId: string | null, extra: Partial<DirectoryUnit> = {}): DirectoryUnit => ({
  id, name, kind: id.startsWith('al-') ? 'alcaldia' : 'central', level: id.startsWith('al-') ? 'alcaldia' : 'direccion', parentId, active: true, version: 1, ...extra,
});
const person = (id: string, name: string, extra: Partial<DirectoryPerson> = {}): DirectoryPerson => ({
  id, name, aadObjectId: '', email: `${id}@gobiernobogota.gov.co`, jobTitle: '', phone: '', active: true, version: 1, ...extra,
});
const assignment = (personId: string, role: Assignment['role'], unitId: string | null, from: string, to: string | null = null): Assignment => ({
  id: `${personId}|${role}|${unitId ?? '*'}|${from}`, personId, role, unitId, from, to, version: 1,
});

function snapshot(): DirectorySnapshot {
  return {
    units: [unit('despacho', 'Despacho', null, { level: 'despacho' }), unit('sgl', 'Subsecretaría de Gestión Local', 'despacho', { level: 'subsecretaria' }), unit('al-usaquen', 'Alcaldía Local de Usaquén', 'sgl'), unit('al-suba', 'Alcaldía Local de Suba', 'sgl')],
    people: [person('ana', 'Ana María Rincón Peña'), person('beto', 'Alberto Muñoz Cárdenas'), person('caro', 'Carolina Ibáñez Ortiz'), person('dora', 'Dora Patiño Álvarez')],
    assignments: [assignment('ana', 'enlace', 'al-usaquen', '2025-02-03'), assignment('beto', 'lider', 'al-usaquen', '2024-06-01'), assignment('caro', 'lider', 'al-suba', '2024-01-10')],
    objectives: [],
  };
}

describe('assignments over time', () => {
  it('holds from «desde» to «hasta», both days included', () => {
    const a = assignment('ana', 'enlace', 'al-usaquen', '2026-03-01', '2026-11-30');
    expect(inForce(a, '2026-02-28')).toBe(false);
    expect(inForce(a, '2026-03-01')).toBe(true);
    expect(inForce(a, '2026-11-30')).toBe(true);
    expect(inForce(a, '2026-12-01')).toBe(false);
    expect(inForce({ ...a, to: null }, '2040-01-01')).toBe(true);
  });

  it('reads the roles in force on a date, without history', () => {
    const s = snapshot();
    const replaced = applyChanges(s, planReplacement(s, s.assignments[0]!.id, 'dora', '2026-12-01'));
    expect(rolesOn(replaced.assignments, '2026-11-30').filter((r) => r.role === 'enlace')).toEqual([{ personId: 'ana', role: 'enlace', unitId: 'al-usaquen' }]);
    expect(rolesOn(replaced.assignments, '2026-12-01').filter((r) => r.role === 'enlace')).toEqual([{ personId: 'dora', role: 'enlace', unitId: 'al-usaquen' }]);
  });

  it('replaces an enlace: the old assignment ends the day before, the new one starts on the date, both stay', () => {
    const s = snapshot();
    const changes = planReplacement(s, s.assignments[0]!.id, 'dora', '2026-12-01');
    expect(changes).toEqual([
      { kind: 'assignment', before: s.assignments[0], after: { ...s.assignments[0], to: '2026-11-30', version: 2 } },
      { kind: 'assignment', before: null, after: assignment('dora', 'enlace', 'al-usaquen', '2026-12-01') },
    ]);
  });

  it('refuses a replacement on or before the current assignment started, or by the same person', () => {
    const s = snapshot();
    expect(() => planReplacement(s, s.assignments[0]!.id, 'dora', '2025-02-03')).toThrow('después del 3 de febrero de 2025');
    expect(() => planReplacement(s, s.assignments[0]!.id, 'ana', '2026-12-01')).toThrow(DirectoryError);
    expect(() => planReplacement(s, 'nope', 'dora', '2026-12-01')).toThrow('ya no existe');
  });

  it('finds overlapping assignments of one person, and two líderes of a unit at once', () => {
    const s = snapshot();
    s.assignments.push(assignment('ana', 'enlace', 'al-usaquen', '2026-01-01', '2026-06-30'));
    s.assignments.push(assignment('dora', 'lider', 'al-usaquen', '2026-05-01'));
    const problems = assignmentProblems(s).map((p) => p.message);
    expect(problems).toEqual([
      'Ana María Rincón Peña ya es Enlace OKR de Alcaldía Local de Usaquén entre 3 de febrero de 2025 y hoy: las fechas se cruzan.',
      'Alcaldía Local de Usaquén ya tiene Líder entre 1 de junio de 2024 y hoy: Alberto Muñoz Cárdenas. Termina esa asignación o usa «Reemplazar».',
    ]);
  });

  it('allows two enlaces of one unit at once and líderes one after the other', () => {
    const s = snapshot();
    s.assignments.push(assignment('dora', 'enlace', 'al-usaquen', '2026-01-01'));
    s.assignments[1] = { ...s.assignments[1]!, to: '2026-04-30' };
    s.assignments.push(assignment('dora', 'lider', 'al-usaquen', '2026-05-01'));
    expect(assignmentProblems(s)).toEqual([]);
  });

  it('refuses dates out of order, entity roles with a unit and unit roles without one', () => {
    const s = snapshot();
    s.assignments = [assignment('ana', 'enlace', 'al-usaquen', '2026-05-01', '2026-03-01'), assignment('beto', 'eti', 'al-suba', '2026-01-01'), assignment('caro', 'lider', null, '2026-01-01')];
    expect(assignmentProblems(s).map((p) => p.message)).toEqual([
      'La fecha «hasta» (1 de marzo de 2026) es anterior a «desde» (1 de mayo de 2026).',
      'El rol Equipo ETI es de toda la entidad: no lleva unidad.',
      'El rol Líder es de una unidad: indica cuál.',
    ]);
  });

  it('refuses a role on a deactivated unit or for a deactivated person', () => {
    const s = snapshot();
    s.units[3] = { ...s.units[3]!, active: false };
    s.people[3] = { ...s.people[3]!, active: false };
    expect(() => planAssignment(s, { personId: 'beto', role: 'enlace', unitId: 'al-suba', from: '2026-12-01' })).toThrow('Alcaldía Local de Suba está desactivada');
    expect(() => planAssignment(s, { personId: 'dora', role: 'enlace', unitId: 'al-usaquen', from: '2026-12-01' })).toThrow('Dora Patiño Álvarez está desactivada');
    expect(() => planAssignment(s, { personId: 'beto', role: 'enlace', unitId: 'al-usaquen', from: '2026-02-30' })).toThrow('no es una fecha válida');
  });

  it('ends an assignment on a day, never before it started nor twice', () => {
    const s = snapshot();
    const [change] = planEnd(s, s.assignments[0]!.id, '2026-12-15');
    expect(change!.after).toMatchObject({ to: '2026-12-15', version: 2 });
    expect(() => planEnd(s, s.assignments[0]!.id, '2025-01-01')).toThrow('anterior');
    const ended = applyChanges(s, [change!]);
    expect(() => planEnd(ended, s.assignments[0]!.id, '2026-12-20')).toThrow('ya terminó el 15 de diciembre de 2026');
  });

  it('deactivates a person who leaves in one step and lists what they held', () => {
    const s = snapshot();
    s.assignments.push(assignment('ana', 'miembro', 'al-usaquen', '2025-02-03'), assignment('ana', 'enlace', 'al-suba', '2027-01-10'));
    const { changes, ended } = planPersonDeactivation(s, 'ana', '2026-12-31');
    expect(ended.map((a) => `${a.role}@${a.unitId}`)).toEqual(['enlace@al-usaquen', 'miembro@al-usaquen']);
    const after = applyChanges(s, changes);
    expect(after.people.find((p) => p.id === 'ana')!.active).toBe(false);
    expect(rolesOn(after.assignments, '2027-02-01').filter((r) => r.personId === 'ana')).toEqual([]);
    expect(rolesOn(after.assignments, '2026-12-31').filter((r) => r.personId === 'ana')).toHaveLength(2);
    expect(assignmentProblems(after)).toEqual([]);
  });

  it('warns about active units with no enlace or no líder today', () => {
    const s = snapshot();
    const ended = applyChanges(s, planEnd(s, s.assignments[0]!.id, '2026-11-30'));
    expect(directoryWarnings(ended.units, ended.assignments, '2026-11-30').map((w) => [w.unitId, w.missing])).toEqual([['al-suba', ['enlace']], ['despacho', ['enlace', 'lider']], ['sgl', ['enlace', 'lider']]]);
    expect(directoryWarnings(ended.units, ended.assignments, '2026-12-01').find((w) => w.unitId === 'al-usaquen')!.missing).toEqual(['enlace']);
  });
});

describe('the units', () => {
  it('form a tree, alcaldías after the central units', () => {
    const s = snapshot();
    const tree = unitTree(s.units);
    expect(tree.map((n) => n.unit.id)).toEqual(['despacho']);
    expect(tree[0]!.children[0]!.children.map((n) => [n.unit.id, n.depth])).toEqual([['al-suba', 2], ['al-usaquen', 2]]);
  });

  it('move, but never under themselves or one of their own', () => {
    const s = snapshot();
    expect(() => planUnitUpdate(s, 'sgl', { parentId: 'al-usaquen' })).toThrow('depende de');
    expect(planUnitUpdate(s, 'al-suba', { name: ' Alcaldía Local de Suba (Bogotá) ' })[0]!.after).toMatchObject({ name: 'Alcaldía Local de Suba (Bogotá)', version: 2 });
    expect(() => planUnitUpdate(s, 'al-suba', { name: 'Alcaldía Local de Suba' })).toThrow('No hay cambios');
  });

  it('are created with a well-formed id under an existing unit', () => {
    const s = snapshot();
    expect(() => planNewUnit(s, { id: 'Nueva Unidad', name: 'x', kind: 'central', level: 'direccion', parentId: 'despacho' })).toThrow('no sirve como id');
    expect(() => planNewUnit(s, { id: 'al-suba', name: 'x', kind: 'central', level: 'direccion', parentId: 'despacho' })).toThrow('Ya existe');
    expect(() => planNewUnit(s, { id: 'dnueva', name: 'Nueva', kind: 'central', level: 'direccion', parentId: 'otra' })).toThrow('no existe');
  });

  it('are deactivated with their assignments ended, never while they have active units under them', () => {
    const s = snapshot();
    expect(() => planUnitDeactivation(s, 'sgl', '2026-12-31')).toThrow('tiene unidades activas a su cargo');
    const { changes, ended } = planUnitDeactivation(s, 'al-usaquen', '2026-12-31');
    expect(ended).toHaveLength(2);
    const after = applyChanges(s, changes);
    expect(after.units.find((u) => u.id === 'al-usaquen')!.active).toBe(false);
    expect(directoryWarnings(after.units, after.assignments, '2027-01-05').some((w) => w.unitId === 'al-usaquen')).toBe(false);
  });
});

describe('people and objectives', () => {
  it('are searched as one types, accents and case aside, never listing everyone', () => {
    const people = [person('a', 'Ñusta Yáñez Peña'), person('b', 'Valentina Rojas Gómez'), person('c', 'Andrés Valencia Ruiz')];
    expect(searchPeople(people, 'valen').map((p) => p.id)).toEqual(['c', 'b']);
    expect(searchPeople(people, 'NUSTA yanez').map((p) => p.id)).toEqual(['a']);
    expect(searchPeople(people, '  ')).toEqual([]);
  });

  it('objectives are per vigencia, their code unique in it', () => {
    const s = snapshot();
    const [created] = planObjective(s, { vigencia: 2027, code: ' oe1 ', title: 'Fortalecer la gobernabilidad local.', active: true });
    expect(created!.after).toEqual({ id: 'oe1-2027', vigencia: 2027, code: 'OE1', title: 'Fortalecer la gobernabilidad local.', active: true, version: 1 });
    const withOne = applyChanges(s, [created!]);
    expect(() => planObjective(withOne, { vigencia: 2027, code: 'OE1', title: 'Otro', active: true })).toThrow('Ya hay un objetivo OE1 en la vigencia 2027');
    expect(planObjective(withOne, { id: 'oe1-2027', vigencia: 2027, code: 'OE1', title: 'Fortalecer la gobernabilidad local.', active: false })[0]!.after).toMatchObject({ active: false, version: 2 });
    expect(() => planObjective(s, { vigencia: 27, code: 'OE1', title: 'x', active: true })).toThrow('no es una vigencia');
  });
});
