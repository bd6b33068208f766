// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse, PersonRef } from '@okr/core';
import type { ActasApi } from '../api/actas.js';
import { plenariasResponse } from '../testing/fixtureActas.js';
import { click, type, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import ScheduleDialog from './ScheduleDialog.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** 140 people as the demo has them, alphabetically: «Valentina Rojas Gómez» is far past the 50th. */
const GIVEN = ['Adriana', 'Alejandro', 'Ana', 'Andrés', 'Beatriz', 'Camilo', 'Carolina', 'Claudia', 'Daniel', 'Diana', 'Edwin', 'Esteban', 'Fabián', 'Felipe', 'Gloria', 'Héctor', 'Iván', 'Jairo', 'Johana', 'Jorge'];
const SURNAMES = ['Acosta Ruiz', 'Beltrán Peña', 'Castro Díaz', 'Duarte Mejía', 'Forero Niño', 'Garzón Ortiz', 'Ibáñez Rueda'];
const PEOPLE: PersonRef[] = [
  ...GIVEN.flatMap((g, i) => SURNAMES.map((s, j) => ({ id: `p-${i}-${j}`, name: `${g} ${s}`, jobTitle: 'Profesional' }))),
  { id: 'valentina', name: 'Valentina Rojas Gómez', jobTitle: 'Alcaldesa Local — Alcaldía Local de Usaquén' },
  { id: 'lider-al-usaquen', name: 'Marcela Rincón Páez', jobTitle: 'Alcaldesa Local — Alcaldía Local de Usaquén' },
  { id: 'enlace-al-usaquen', name: 'Andrés Gómez Torres', jobTitle: 'Enlace OKR — Alcaldía Local de Usaquén' },
].sort((a, b) => a.name.localeCompare(b.name, 'es'));

const me: MeResponse = {
  person: { id: 'enlace-al-usaquen', aadObjectId: 'x', name: 'Andrés Gómez Torres', email: 'a@x', jobTitle: 'Enlace OKR' },
  roles: [{ personId: 'enlace-al-usaquen', role: 'enlace', unitId: 'al-usaquen' }],
  units: [{ id: 'al-usaquen', name: 'Alcaldía Local de Usaquén', kind: 'alcaldia', level: 'alcaldia', parentId: 'sgl' }],
  currentQuarter: '2026-Q4',
  currentPeriod: '2026-11',
  devIdentity: true,
};

const options = () => [...document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')].map((o) => o.textContent ?? '');

describe('«Programar plenaria»: who presides and the secretary', () => {
  it('keep what one types and search everyone as one types, not the first 50 alphabetically (issue 14, item 2)', async () => {
    const schedulePlenaria = vi.fn(async () => ({ plenaria: {} as never, warnings: [] }));
    const api = { schedulePlenaria } as unknown as ActasApi;
    const r = await render(<ScheduleDialog api={api} me={me} quarter="2026-Q4" data={plenariasResponse({ people: PEOPLE })} preferredUnitId="al-usaquen" onClose={() => undefined} onSaved={() => undefined} />);
    cleanups.push(r.unmount);
    const presiding = await waitFor(() => document.querySelector<HTMLInputElement>('[data-testid="schedule-presiding"] input, input[data-testid="schedule-presiding"]'));
    await click(presiding);
    // Nothing typed: no alphabetical list of the first people, only what is suggested.
    expect(options().length).toBeLessThanOrEqual(10);
    for (const step of ['V', 'Va', 'Val', 'Vale', 'Valen']) {
      await type(presiding, step);
      expect(presiding.value).toBe(step);
    }
    const found = await waitFor(() => options().find((o) => o.includes('Valentina Rojas Gómez')));
    expect(found).toContain('Alcaldesa Local');
    expect(options().every((o) => /valen/i.test(o.normalize('NFD').replace(/[\u0300-\u036f]/g, '')))).toBe(true);
    await click([...document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')].find((o) => o.textContent?.includes('Valentina'))!);
    expect(presiding.value).toBe('Valentina Rojas Gómez');
    await type(byTestId(document.body, 'schedule-location'), 'Sala de juntas, piso 2');
    await click(byTestId(document.body, 'schedule-save'));
    expect(schedulePlenaria).toHaveBeenCalledWith(expect.objectContaining({ presidingId: 'valentina', secretaryId: 'enlace-al-usaquen' }));
  });

  it('a mixed plenaria asks for the place and the Teams link in two fields, each with its own message (issue 14, item 9)', async () => {
    const schedulePlenaria = vi.fn(async () => ({ plenaria: {} as never, warnings: [] }));
    const api = { schedulePlenaria } as unknown as ActasApi;
    const r = await render(<ScheduleDialog api={api} me={me} quarter="2026-Q4" data={plenariasResponse({ people: PEOPLE })} preferredUnitId="al-usaquen" onClose={() => undefined} onSaved={() => undefined} />);
    cleanups.push(r.unmount);
    const body = document.body;
    await waitFor(() => body.querySelector('[data-testid="schedule-location"]'));
    await type(byTestId(body, 'schedule-location'), 'Salón comunal Verbenal');
    const mixta = byTestId(body, 'schedule-modality-mixta');
    await click(mixta.tagName === 'INPUT' ? mixta : (mixta.querySelector('input') ?? mixta));
    // The place typed stays in its field; the link has a field of its own.
    expect((byTestId(body, 'schedule-location') as HTMLInputElement).value).toBe('Salón comunal Verbenal');
    await click(byTestId(body, 'schedule-save'));
    expect(body.textContent).toContain('Una plenaria virtual o mixta necesita el enlace de la reunión de Teams.');
    expect(schedulePlenaria).not.toHaveBeenCalled();
    await type(byTestId(body, 'schedule-link'), 'https://teams.microsoft.com/l/meetup-join/verbenal');
    expect((byTestId(body, 'schedule-location') as HTMLInputElement).value).toBe('Salón comunal Verbenal');
    await click(byTestId(body, 'schedule-save'));
    expect(schedulePlenaria).toHaveBeenCalledWith(expect.objectContaining({ modality: 'mixta', location: 'Salón comunal Verbenal https://teams.microsoft.com/l/meetup-join/verbenal' }));
  });
});
