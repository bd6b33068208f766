// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeResponse } from '@okr/core';
import type { ApiClient } from '../api/index.js';
import { actaView, commitment, oapResponse, plenariasResponse } from '../testing/fixtureActas.js';
import { fixtureQueue, fixtureUnitMonth } from '../testing/fixtureReview.js';
import { fixtureTree, FIXTURE_UNIT } from '../testing/fixtureTree.js';
import { click, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import MisOkr, { describeRoles } from './MisOkr.js';

const cleanups: Array<() => Promise<void>> = [];
beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const me = (over: Partial<MeResponse> = {}): MeResponse => ({
  person: { id: 'enlace-al-usaquen', aadObjectId: 'x', name: 'Andrés Gómez Torres', email: 'a@x', jobTitle: 'Enlace OKR' },
  roles: [{ personId: 'enlace-al-usaquen', role: 'enlace', unitId: FIXTURE_UNIT.id }],
  units: [FIXTURE_UNIT as unknown as MeResponse['units'][number]],
  currentQuarter: '2026-Q4',
  currentPeriod: '2026-11',
  devIdentity: true,
  ...over,
});

function fakeApi(over: Partial<MeResponse> = {}) {
  return {
    me: async () => me(over),
    tree: async () => fixtureTree(),
    recognitions: vi.fn(async () => [{ id: 'r1', to: 'Luisa Fernanda Díaz', reason: 'Lideró las mesas locales', plenariaId: 'pl-q3', kind: 'menor' as const, date: '2026-09-18' }]),
    plenarias: vi.fn(async () => plenariasResponse()),
    acta: vi.fn(async () => actaView()),
    commitments: vi.fn(async () => ({ commitments: [commitment()] })),
    oapActas: vi.fn(async () => oapResponse()),
    checkInMonths: vi.fn(async () => ({ months: [], suggested: null })),
    reviewUnit: vi.fn(async () => { throw new Error('no review in these tests'); }),
    peiPlans: async () => [],
    servingMetas: vi.fn(async () => ({ year: 2026, state: 'official' as const, metas: [{ id: 'm1', order: 1, statement: 'Realizar 36 operativos de control al espacio público', indicator: 'Operativos realizados' }] })),
  };
}

async function show(api: ReturnType<typeof fakeApi>, deepLink: Parameters<typeof MisOkr>[0]['deepLink'] = { unitId: null, quarter: null }) {
  const r = await render(<MisOkr api={api as unknown as ApiClient} deepLink={deepLink} onSwitchIdentity={null} onUnauthenticated={() => {}} />);
  cleanups.push(r.unmount);
  return r.container;
}

describe('the roles under the greeting', () => {
  it('says a unit once: the OAP’s role and its office are not repeated (issue 14, item 14)', () => {
    const oap = { id: 'oap', name: 'Oficina Asesora de Planeación' };
    expect(describeRoles({ units: [oap], roles: [{ role: 'miembro', unitId: 'oap' }, { role: 'oap', unitId: null }] } as unknown as MeResponse)).toBe('Integrante · Oficina Asesora de Planeación');
    const sgi = { id: 'sgi', name: 'Subsecretaría de Gestión Institucional' };
    expect(describeRoles({ units: [sgi], roles: [{ role: 'eti', unitId: null }, { role: 'miembro', unitId: 'sgi' }] } as unknown as MeResponse)).toBe('Equipo ETI — Integrante · Subsecretaría de Gestión Institucional');
  });
});

describe('Mis OKR: plenarias, commitments, recognitions and the OAP view', () => {
  it('shows the unit’s recognitions under the tree', async () => {
    const api = fakeApi();
    const el = await show(api);
    const list = await waitFor(() => el.querySelector('[data-testid="recognitions-list"]'));
    expect(list.textContent).toContain('Luisa Fernanda Díaz');
    expect(api.recognitions).toHaveBeenCalledWith('al-usaquen', expect.any(AbortSignal));
    // The plan de gestión's metas that serve the set's strategic objective.
    const links = await waitFor(() => el.querySelector('[data-testid="tree-plan-links"]'));
    expect(links.textContent).toContain('Realizar 36 operativos de control al espacio público');
  });

  it('opens «Plenarias» and an acta, keeping the address in step', async () => {
    const api = fakeApi();
    const el = await show(api);
    await click(await waitFor(() => el.querySelector('[data-testid="view-plenarias"]')));
    await click(await waitFor(() => el.querySelector('[data-testid="plenaria-open-pl-usaquen-q4"]')));
    await waitFor(() => el.querySelector('[data-testid="acta-editor"]'));
    const params = new URL(window.location.href).searchParams;
    expect(params.get('view')).toBe('plenarias');
    expect(params.get('acta')).toBe('pl-usaquen-q4');
    await click(byTestId(el, 'acta-back'));
    await waitFor(() => el.querySelector('[data-testid="plenarias-list"]'));
    expect(new URL(window.location.href).searchParams.get('acta')).toBeNull();
    await click(byTestId(el, 'view-commitments'));
    await waitFor(() => el.querySelector('[data-testid="commitments-open"]'));
    expect(new URL(window.location.href).searchParams.get('view')).toBe('compromisos');
    await click(byTestId(el, 'view-tree'));
    await waitFor(() => el.querySelector('[data-testid="recognitions"]'));
    expect(new URL(window.location.href).searchParams.get('view')).toBeNull();
  });

  it('opens a unit’s month of the monthly review from the address, with the queue behind it; only for the ETI', async () => {
    const eti = { person: { id: 'eti-1', aadObjectId: 'x', name: 'Equipo ETI Uno', email: 'e@x', jobTitle: 'ETI' }, roles: [{ personId: 'eti-1', role: 'eti' as const, unitId: null }] };
    const link = { unitId: 'dfin', quarter: '2026-Q4' as const, view: 'revision' as const, month: '2026-11' };
    const api = { ...fakeApi(eti), reviewQueue: vi.fn(async () => fixtureQueue()), reviewUnit: vi.fn(async (_unitId: string, _period: string) => fixtureUnitMonth()) };
    const el = await show(api as unknown as ReturnType<typeof fakeApi>, link);
    const unit = await waitFor(() => el.querySelector('[data-testid="review-unit"]'));
    expect(unit.textContent).toContain('Dirección Financiera · noviembre de 2026');
    expect(api.reviewUnit).toHaveBeenCalledWith('dfin', '2026-11', expect.any(AbortSignal));
    expect(byTestId(el, 'area-review').getAttribute('aria-selected')).toBe('true');
    let params = new URL(window.location.href).searchParams;
    expect([params.get('view'), params.get('unit'), params.get('month')]).toEqual(['revision', 'dfin', '2026-11']);
    // «Volver a la cola»: the queue of that month, and the address no longer names the unit's month.
    await click(byTestId(el, 'review-back'));
    await waitFor(() => el.querySelector('[data-testid="review-table"]'));
    params = new URL(window.location.href).searchParams;
    expect([params.get('view'), params.get('month')]).toEqual(['revision', null]);
    // Esc goes back too.
    await click(byTestId(el, 'review-open-al-suba'));
    await waitFor(() => el.querySelector('[data-testid="review-unit"]'));
    expect(new URL(window.location.href).searchParams.get('month')).toBe('2026-11');
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitFor(() => el.querySelector('[data-testid="review-table"]'));
    await cleanups.splice(0)[0]!();

    // A unit the review does not know, a month outside the quarter: the queue, with why.
    const unknown = await show(api as unknown as ReturnType<typeof fakeApi>, { ...link, unitId: 'no-existe' });
    expect((await waitFor(() => unknown.querySelector('[data-testid="review-link-problem"]'))).textContent).toBe('El vínculo que abriste pide la unidad «no-existe», que no está en la revisión de noviembre de 2026. Se muestra la cola.');
    expect(unknown.querySelector('[data-testid="review-table"]')).not.toBeNull();
    await cleanups.splice(0)[0]!();
    const outside = await show(api as unknown as ReturnType<typeof fakeApi>, { ...link, quarter: '2026-Q3' as const });
    expect(api.reviewUnit).toHaveBeenCalledTimes(2); // dfin from the address, al-suba from its row: neither link opened a unit
    expect((await waitFor(() => outside.querySelector('[data-testid="review-link-problem"]'))).textContent).toBe('El vínculo que abriste pide el mes de noviembre de 2026, que no se puede revisar en T3 2026 (julio–septiembre). Se muestra la cola del trimestre.');
    await cleanups.splice(0)[0]!();

    // Not the ETI: no review at all — the person's own views, and nothing of the review asked for.
    const enlace = { ...fakeApi(), reviewQueue: vi.fn() };
    const other = await show(enlace, link);
    await waitFor(() => other.querySelector('[data-testid="view-tree"]'));
    expect(other.querySelector('[data-testid="area-review"]')).toBeNull();
    expect(other.querySelector('[data-testid="review-unit"]')).toBeNull();
    expect(enlace.reviewQueue).not.toHaveBeenCalled();
    expect(enlace.reviewUnit).not.toHaveBeenCalledWith('dfin', expect.anything(), expect.anything());
  });

  it('opens a deep-linked acta directly', async () => {
    const api = fakeApi();
    const el = await show(api, { unitId: null, quarter: null, view: 'plenarias', acta: 'pl-usaquen-q4' });
    await waitFor(() => el.querySelector('[data-testid="acta-editor"]'));
    expect(api.acta).toHaveBeenCalledWith('pl-usaquen-q4', expect.any(AbortSignal));
  });

  it('offers «Actas (OAP)» only to entity-wide roles', async () => {
    const el = await show(fakeApi());
    await waitFor(() => el.querySelector('[data-testid="view-plenarias"]'));
    expect(el.querySelector('[data-testid="area-oap"]')).toBeNull();
    await cleanups.splice(0)[0]!();
    const api = fakeApi({ entityWide: true });
    const wide = await show(api);
    await click(await waitFor(() => wide.querySelector('[data-testid="area-oap"]')));
    await waitFor(() => wide.querySelector('[data-testid="oap-table"]'));
    expect(wide.querySelector('[data-testid="unit-picker"]')).toBeNull();
    expect(new URL(window.location.href).searchParams.get('view')).toBe('actas-oap');
    // The quarter applies there; the PEI picks its own cut-off, so no quarter picker above it.
    expect(wide.querySelector('[data-testid="quarter-picker"]')).not.toBeNull();
    await click(byTestId(wide, 'area-pei'));
    await waitFor(() => wide.querySelector('[data-testid="pei-empty"]'));
    expect(wide.querySelector('[data-testid="quarter-picker"]')).toBeNull();
    expect(wide.querySelector('[role="search"]')).toBeNull();
  });

  it('shows no quarter picker where the quarter means nothing: the Directorio, the unit’s team and its commitments', async () => {
    const el = await show(fakeApi({ entityWide: true }));
    await waitFor(() => el.querySelector('[data-testid="quarter-picker"]'));
    await click(byTestId(el, 'area-directory'));
    await waitFor(() => new URL(window.location.href).searchParams.get('view') === 'directorio' || null);
    expect(el.querySelector('[data-testid="quarter-picker"]')).toBeNull();
    expect(el.querySelector('[role="search"]')).toBeNull();
    // The unit's views: the unit picker stays, the quarter goes where it does not apply.
    await click(byTestId(el, 'area-mine'));
    await waitFor(() => el.querySelector('[data-testid="quarter-picker"]'));
    for (const view of ['team', 'commitments']) {
      await click(byTestId(el, `view-${view}`));
      await waitFor(() => (el.querySelector('[data-testid="quarter-picker"]') === null ? true : null));
      expect(el.querySelector('[data-testid="unit-picker"]')).not.toBeNull();
    }
    await click(byTestId(el, 'view-plenarias'));
    await waitFor(() => el.querySelector('[data-testid="quarter-picker"]'));
  });
});
