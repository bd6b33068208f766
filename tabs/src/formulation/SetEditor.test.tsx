// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse, OkrSetState, SetViewResponse } from '@okr/core';
import type { FormulationApi } from '../api/formulation.js';
import { sampleBundle } from '../../../core/src/testing/sampleSet.js';
import { click, waitFor } from '../testing/dom.js';
import { render } from '../testing/render.js';
import SetEditor from './SetEditor.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const me: MeResponse = {
  person: { id: 'enlace-al-usaquen', aadObjectId: 'x', name: 'Andrés Gómez Torres', email: 'a@x', jobTitle: 'Enlace OKR' },
  roles: [{ personId: 'enlace-al-usaquen', role: 'enlace', unitId: 'al-usaquen' }],
  units: [],
  currentQuarter: '2026-Q4',
  currentPeriod: '2026-11',
  devIdentity: true,
};

const viewIn = (state: OkrSetState): SetViewResponse => {
  const bundle = sampleBundle();
  return { bundle: { ...bundle, set: { ...bundle.set, state } }, unitName: 'Alcaldía Local de Usaquén', events: [], alerts: [] };
};

async function show(api: Partial<FormulationApi>) {
  const full = { institutionalObjectives: async () => [{ id: 'oe1', code: 'OE1', title: 'Gobernabilidad local' }], ...api } as FormulationApi;
  const r = await render(<SetEditor api={full} me={me} unitId="al-usaquen" quarter="2026-Q4" />);
  cleanups.push(r.unmount);
  await waitFor(() => r.container.querySelector('[data-testid="set-editor"]'));
  return r.container;
}

describe('SetEditor', () => {
  it('after «Enviar de nuevo al líder» says the líder reviews it, not the OKR Coach (issue 14, item 5)', async () => {
    const rejected = viewIn('rejected');
    const act = vi.fn(async () => viewIn('leader_approval'));
    const el = await show({ setView: async () => rejected, saveDraft: async () => rejected, act });
    await click(await waitFor(() => [...el.querySelectorAll('button')].find((b) => b.textContent === 'Enviar de nuevo al líder') ?? null));
    await waitFor(() => (act.mock.calls.length ? el : null));
    expect(act).toHaveBeenCalledWith(rejected.bundle.set.id, 'resubmit', rejected.bundle.set.version);
    await waitFor(() => (el.textContent?.includes('Enviado de nuevo') ? el : null));
    expect(el.textContent).toContain('Enviado de nuevo. El líder lo revisará para aprobarlo');
    expect(el.textContent).not.toContain('El OKR Coach lo revisará');
  });

  it('a set in review reads as such, not as a loaded set (issue 14, item 6)', async () => {
    for (const [state, expected] of [
      ['coach_review', 'Mientras el OKR Coach lo revisa no se edita'],
      ['leader_approval', 'Mientras el líder decide no se edita'],
      ['active', 'Para cambiar un set cargado se inicia un nuevo ciclo de formulación.'],
    ] as const) {
      const el = await show({ setView: async () => viewIn(state) });
      await waitFor(() => (el.textContent?.includes('solo se puede leer') ? el : null));
      expect(el.textContent, state).toContain(expected);
      if (state !== 'active') expect(el.textContent, state).not.toContain('set cargado');
      await cleanups.pop()!();
    }
  });

  it('names an owner per key result from the unit’s people, and saves it (issue 14, item 11)', async () => {
    const view = { ...viewIn('draft'), unitPeople: [{ id: 'miembro-al-usaquen', name: 'Óscar Téllez Rojas', jobTitle: 'Profesional' }] };
    const saveDraft = vi.fn(async () => view);
    const el = await show({ setView: async () => view, saveDraft });
    const owner = await waitFor(() => el.querySelector<HTMLElement>('[data-testid="kr-owner-1-1"]'));
    expect(owner.textContent).toContain('Sin responsable');
    await click(owner);
    await click(await waitFor(() => [...document.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent === 'Óscar Téllez Rojas') ?? null));
    await click(await waitFor(() => [...el.querySelectorAll('button')].find((b) => b.textContent === 'Guardar borrador') ?? null));
    await waitFor(() => (saveDraft.mock.calls.length ? el : null));
    const content = (saveDraft.mock.calls[0] as unknown[])[3] as { keyResults: Array<{ ownerId: string | null }> };
    expect(content.keyResults[0]!.ownerId).toBe('miembro-al-usaquen');
    expect(content.keyResults.slice(1).every((k) => k.ownerId === null)).toBe(true);
  });
});
