import { describe, expect, it } from 'vitest';
import { assignmentProblems, foldText, type Assignment } from '@okr/core';
import { buildDemoDirectory } from './demoDirectory.js';

describe('the demo directory', () => {
  const d = buildDemoDirectory();
  const assignments: Assignment[] = d.roles.map((r, i) => ({ id: String(i), personId: r.personId, role: r.role, unitId: r.unitId, from: r.from!, to: r.to ?? null, version: 1 }));

  it('has one distinct person per role, with Colombian naming: one or two given names and two surnames', () => {
    expect(d.people).toHaveLength(44 * 3 + 8);
    expect(new Set(d.people.map((p) => p.name)).size).toBe(d.people.length);
    expect(new Set(d.people.map((p) => p.email)).size).toBe(d.people.length);
    for (const p of d.people) expect(p.name.split(' ').length, p.name).toBeGreaterThanOrEqual(3);
    expect(d.people.filter((p) => p.name.split(' ').length === 4).length).toBeGreaterThan(30);
  });

  it('gives each person the e-mail the entity would: given name and first surname, without accents', () => {
    for (const p of d.people) {
      const [first, ...rest] = p.name.split(' ');
      const surnames = rest.slice(-2);
      expect(p.email, p.name).toMatch(new RegExp(`^${foldText(first!)}\\.${foldText(surnames[0]!).replace(/ /g, '-')}(\\.[a-z])?@gobiernobogota\\.gov\\.co$`));
    }
  });

  it('keeps the seeded ids, the Secretario is not an alcalde, and no one is alcalde of two localidades', () => {
    for (const id of ['enlace-al-usaquen', 'lider-al-usaquen', 'miembro-al-usaquen', 'coach-1', 'eti-1', 'oap-1', 'dti-1', 'enlace-dgth']) expect(d.people.some((p) => p.id === id), id).toBe(true);
    const secretario = d.roles.find((r) => r.role === 'secretario')!.personId;
    expect(d.roles.some((r) => r.personId === secretario && r.role === 'lider' && r.unitId?.startsWith('al-'))).toBe(false);
    expect(d.people.find((p) => p.id === secretario)!.jobTitle).toMatch(/^Secretari[oa] Distrital de Gobierno/);
    const alcaldes = d.roles.filter((r) => r.role === 'lider' && r.unitId?.startsWith('al-')).map((r) => r.personId);
    expect(new Set(alcaldes).size).toBe(20);
    for (const a of alcaldes) expect(d.people.find((p) => p.id === a)!.jobTitle).toMatch(/^Alcalde(sa)? Local — Alcaldía Local de /);
  });

  it('dates every assignment believably: after the administration took office, none in the future, none overlapping', () => {
    for (const a of assignments) {
      expect(a.from >= '2024-01-01' && a.from <= '2026-09-30', `${a.personId} ${a.role} ${a.from}`).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${a.from}T12:00:00Z`).getUTCDay());
    }
    expect(assignmentProblems({ units: d.units.map((u) => ({ ...u, active: true, version: 1 })), people: d.people.map((p) => ({ ...p, phone: '', active: true, version: 1 })), assignments })).toEqual([]);
    // Some enlaces were members of the team before: that history is there, ended the day before.
    expect(assignments.filter((a) => a.role === 'miembro' && a.to !== null).length).toBeGreaterThanOrEqual(5);
  });
});
