import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@okr/core';
import { changedFields, defaultPlenariaDate, draftFieldText, groupByObjective, joinMixta, locationProblem, mergeDrafts, newItemId, pickMeetingPlenaria, placeAndLink, reloadNotice, sortOapRows, suggestedSigners, todayInBogota } from './actaHelpers.js';
import { PEOPLE, acta, draft, oapResponse, summary } from '../testing/fixtureActas.js';

const me = (roles: MeResponse['roles'], personId = 'enlace-al-usaquen'): Pick<MeResponse, 'person' | 'roles'> => ({
  person: { id: personId, aadObjectId: 'x', name: 'X', email: 'x@x', jobTitle: '' },
  roles,
});

describe('acta helpers', () => {
  it('tells today in Bogotá, whatever the computer’s zone', () => {
    expect(todayInBogota(new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-23');
    expect(todayInBogota(new Date('2026-11-24T05:00:00Z'))).toBe('2026-11-24');
  });

  it('splits a place text into its place and its Teams link, without the separator typed between them', () => {
    const link = 'https://teams.microsoft.com/l/meetup-join/abc';
    expect(placeAndLink(`Salón Rojo, sede principal de la SDG — ${link}`)).toEqual({ place: 'Salón Rojo, sede principal de la SDG', link });
    expect(placeAndLink(`${link} · Sala 3`)).toEqual({ place: 'Sala 3', link });
    expect(placeAndLink(link)).toEqual({ place: '', link });
    expect(placeAndLink('Sala de juntas, piso 2')).toEqual({ place: 'Sala de juntas, piso 2', link: null });
  });

  it('starts the schedule form today when it falls in the quarter, else on the quarter’s first day', () => {
    expect(defaultPlenariaDate('2026-Q4', '2026-11-23')).toBe('2026-11-23');
    expect(defaultPlenariaDate('2027-Q1', '2026-11-23')).toBe('2027-01-01');
  });

  it('merges after a stale save: each side’s changes are kept, and the fields both changed keep the person’s text', () => {
    const base = draft();
    const mine = draft({ objective: 'Mi objetivo', development: 'Mi desarrollo' });
    const theirs = draft({ development: 'Su desarrollo', decisions: ['Su decisión'] });
    const merged = mergeDrafts(base, mine, theirs);
    expect(merged.draft.objective).toBe('Mi objetivo');
    expect(merged.draft.decisions).toEqual(['Su decisión']);
    expect(merged.draft.development).toBe('Mi desarrollo');
    expect(merged.conflicts).toEqual(['development']);
    expect(mergeDrafts(base, mine, base).conflicts).toEqual([]);
    expect(mergeDrafts(base, mine, mine).conflicts).toEqual([]);
  });

  it('tells which fields the person changed, and writes each as text they can copy', () => {
    const nameOf = (id: string) => PEOPLE.find((p) => p.id === id)?.name ?? id;
    const mine = draft({
      agenda: ['Bienvenida', 'Cierre'],
      recognitions: [
        { id: 'r-1', personId: 'miembro-al-usaquen', team: null, reason: 'Buen trabajo' },
        { id: 'r-2', personId: null, team: 'Equipo PQRS', reason: 'A tiempo' },
      ],
      commitments: [{ id: 'c-1', task: 'Publicar el tablero', ownerId: 'enlace-al-usaquen', due: '2026-12-15' }],
    });
    expect(changedFields(draft(), mine)).toEqual(['agenda', 'recognitions', 'commitments']);
    expect(changedFields(draft(), draft())).toEqual([]);
    expect(draftFieldText('attendeeIds', draft({ attendeeIds: ['lider-al-usaquen', 'nadie'] }), nameOf)).toBe('Marcela Rincón Páez; nadie');
    expect(draftFieldText('agenda', mine, nameOf)).toBe('Bienvenida; Cierre');
    expect(draftFieldText('recognitions', mine, nameOf)).toBe('Luisa Fernanda Díaz — Buen trabajo; Equipo PQRS — A tiempo');
    expect(draftFieldText('commitments', mine, nameOf)).toBe('Publicar el tablero (Andrés Gómez Torres, 2026-12-15)');
    expect(draftFieldText('startTime', mine, nameOf)).toBe('09:00');
  });

  it('after reloading over unsaved changes: the text to copy if it was signed, else the fields both changed', () => {
    const nameOf = (id: string) => id;
    const unsaved = { base: draft(), mine: draft({ feedback: 'Mi retroalimentación' }) };
    const signed = reloadNotice(unsaved, true, [], nameOf);
    expect(signed).toMatchObject({ intent: 'warning', items: ['Retroalimentación: Mi retroalimentación'] });
    expect(signed?.text).toContain('Aquí está lo que escribiste');
    expect(reloadNotice(unsaved, false, ['feedback'], nameOf)).toMatchObject({ intent: 'warning', title: 'Revisa antes de guardar', items: ['Retroalimentación'] });
    expect(reloadNotice(unsaved, false, [], nameOf)).toMatchObject({ intent: 'info', text: expect.stringContaining('conservamos lo que escribiste') });
    expect(reloadNotice(null, true, [], nameOf)).toBeNull();
  });

  it('groups the OKR results under their objective, in order', () => {
    const rows = acta().okrResults;
    const other = { objective: 'Otro objetivo', keyResult: 'Otro resultado', progress: '10 %', status: 'En riesgo' };
    expect(groupByObjective([...rows, other]).map((g) => [g.objective, g.rows.length])).toEqual([
      ['Agilizar la respuesta a los requerimientos ciudadanos', 2],
      ['Otro objetivo', 1],
    ]);
    expect(groupByObjective([])).toEqual([]);
  });

  it('asks for a place, or an https meeting link for virtual and mixed plenarias', () => {
    expect(locationProblem('presencial', ' ')).toBe('Escribe el lugar de la plenaria.');
    expect(locationProblem('presencial', 'Sala 3')).toBeNull();
    expect(locationProblem('virtual', '')).toContain('enlace de la reunión');
    expect(locationProblem('virtual', 'http://teams.microsoft.com/x')).toContain('https://');
    expect(locationProblem('mixta', 'Sala 3 https://teams.microsoft.com/l/x')).toBeNull();
  });

  it('suggests the unit’s líder to preside and its enlace as secretary', () => {
    const unit = { id: 'al-usaquen', name: 'Alcaldía Local de Usaquén' };
    expect(suggestedSigners('menor', unit, PEOPLE, me([{ personId: 'enlace-al-usaquen', role: 'enlace', unitId: 'al-usaquen' }]))).toEqual({
      presidingId: 'lider-al-usaquen',
      secretaryId: 'enlace-al-usaquen',
    });
    // Someone else scheduling: job titles tell who is who.
    expect(suggestedSigners('menor', unit, PEOPLE, me([], 'oap-1'))).toEqual({ presidingId: 'lider-al-usaquen', secretaryId: 'enlace-al-usaquen' });
    // Entity-wide: the Secretario/a presides, the person scheduling writes the acta.
    expect(suggestedSigners('dialogo', null, PEOPLE, me([], 'oap-1'))).toEqual({ presidingId: 'lider-despacho', secretaryId: 'oap-1' });
  });

  it('makes distinct commitment ids with the c- prefix', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newItemId('c')));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^c-[0-9a-z]+$/);
  });

  it('puts the most urgent copies first: overdue unsent, pending, sent late, on time', () => {
    expect(sortOapRows(oapResponse().rows).map((r) => r.plenariaId)).toEqual(['pl-al-usme', 'pl-al-bosa', 'pl-al-kennedy', 'pl-al-suba']);
  });

  it('picks the unit’s plenaria of today, else the nearest one, upcoming first on a tie', () => {
    const list = [
      summary({}, { id: 'a', date: '2026-11-10' }),
      summary({}, { id: 'b', date: '2026-11-30' }),
      summary({}, { id: 'c', date: '2026-11-23', unitId: 'al-suba' }),
    ];
    expect(pickMeetingPlenaria(list, 'al-usaquen', '2026-11-29')?.plenaria.id).toBe('b');
    expect(pickMeetingPlenaria(list, 'al-usaquen', '2026-11-20')?.plenaria.id).toBe('b');
    expect(pickMeetingPlenaria(list, 'al-usaquen', '2026-11-12')?.plenaria.id).toBe('a');
    expect(pickMeetingPlenaria(list, 'al-suba', '2026-11-23')?.plenaria.id).toBe('c');
    expect(pickMeetingPlenaria(list, 'al-bosa', '2026-11-23')).toBeNull();
  });
});

describe('a mixed plenaria’s place and link (issue 14, item 9)', () => {
  it('splits the stored text into its two fields and joins them back', () => {
    expect(placeAndLink('Salón comunal Verbenal https://teams.microsoft.com/l/x')).toEqual({ place: 'Salón comunal Verbenal', link: 'https://teams.microsoft.com/l/x' });
    expect(placeAndLink('Auditorio — https://teams.microsoft.com/l/x')).toEqual({ place: 'Auditorio', link: 'https://teams.microsoft.com/l/x' });
    // A link that is not https is still the link field's (where it is refused), not part of the place.
    expect(placeAndLink('Sala 3 http://teams.example/x')).toEqual({ place: 'Sala 3', link: 'http://teams.example/x' });
    expect(placeAndLink('Sala 3')).toEqual({ place: 'Sala 3', link: null });
    expect(joinMixta(' Sala 3 ', ' https://teams.microsoft.com/l/x ')).toBe('Sala 3 https://teams.microsoft.com/l/x');
  });
});
