// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/index.js';
import { ApiRequestError } from '../api/http.js';
import { waitFor } from '../testing/dom.js';
import { fixtureDashboard } from '../testing/fixtureDashboard.js';
import { byTestId, render } from '../testing/render.js';
import EntityDashboard, { filterRows } from './EntityDashboard.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function show(api: Partial<ApiClient>) {
  const onOpenUnit = vi.fn();
  const r = await render(<EntityDashboard api={api as ApiClient} quarter="2026-Q4" onOpenUnit={onOpenUnit} />);
  cleanups.push(r.unmount);
  return { el: r.container, onOpenUnit };
}

describe('EntityDashboard', () => {
  it('shows every unit with its strategic status and this month’s and this quarter’s reporting, and a summary', async () => {
    const dashboard = vi.fn(async () => fixtureDashboard());
    const { el } = await show({ dashboard });
    const table = await waitFor(() => el.querySelector('[data-testid="dashboard-table"]'));
    expect(dashboard).toHaveBeenCalledWith('2026-Q4', expect.any(AbortSignal));
    expect(table.querySelectorAll('tbody tr')).toHaveLength(4);
    const dgth = byTestId(el, 'dashboard-row-dgth').textContent!;
    expect(dgth).toContain('Dirección de Gestión del Talento Humano');
    expect(dgth).toContain('En curso');
    expect(dgth).toContain('9 de 9');
    expect(dgth).toContain('18 de 18');
    const usaquen = byTestId(el, 'dashboard-row-al-usaquen');
    expect(usaquen.textContent).toContain('En riesgo');
    expect(usaquen.textContent).toContain('4 de 9');
    expect(usaquen.textContent).toContain('13 de 18');
    expect(usaquen.querySelector('[aria-label="4 de 9 resultados clave reportados en noviembre de 2026"]')).not.toBeNull();
    expect(usaquen.textContent).toContain('Táctico 1: En riesgo');
    expect(byTestId(el, 'dashboard-row-oap').textContent).toContain('La dependencia no tiene set para este trimestre.');
    expect(byTestId(el, 'dashboard-row-al-suba').textContent).toContain('No aplica');
    expect(byTestId(el, 'stat-units').textContent).toContain('4');
    expect(byTestId(el, 'stat-month').textContent).toContain('1 de 2'); // DGTH complete, Usaquén partial; Suba (draft) and OAP not due
    expect(byTestId(el, 'stat-quarter').textContent).toContain('86 %'); // (18 + 13) / 36
    // Of the loaded sets: Suba's is still being formulated.
    expect(byTestId(el, 'stat-behind').textContent).toContain('1 de 2');
    expect(byTestId(el, 'formulating-al-suba').textContent).toBe('En formulación · Borrador');
  });

  it('draws the charts lazily, with the figures in text', async () => {
    const { el } = await show({ dashboard: async () => fixtureDashboard() });
    const status = await waitFor(() => el.querySelector('[data-testid="chart-status"]'));
    expect(status.querySelector('svg[role="img"]')!.getAttribute('aria-label')).toBe(
      'Dependencias por estado del objetivo estratégico: En curso: 1 dependencia; En riesgo: 1 dependencia; En formulación: 1 dependencia; Sin set: 1 dependencia',
    );
    expect(status.querySelectorAll('rect')).toHaveLength(4);
    const compliance = byTestId(el, 'chart-compliance').textContent!;
    expect(compliance).toContain('Reporte de noviembre de 2026');
    expect(compliance).toContain('Completo 1');
    expect(compliance).toContain('Parcial 1');
    expect(compliance).toContain('No aplica 2');
    expect(byTestId(el, 'chart-months').textContent).toContain('octubre');
  });

  it('opens a unit’s tree from its name, from a click on the row, and with Enter on a cell', async () => {
    const { el, onOpenUnit } = await show({ dashboard: async () => fixtureDashboard() });
    await waitFor(() => el.querySelector('[data-testid="dashboard-table"]'));
    const button = byTestId(el, 'open-unit-al-usaquen');
    expect(button.getAttribute('aria-label')).toBe('Abrir el árbol de OKR de Alcaldía Local de Usaquén');
    await act(async () => button.click());
    expect(onOpenUnit).toHaveBeenLastCalledWith('al-usaquen');
    await act(async () => (byTestId(el, 'dashboard-row-dgth').querySelectorAll('td')[2] as HTMLElement).click());
    expect(onOpenUnit).toHaveBeenLastCalledWith('dgth');
    const cell = byTestId(el, 'dashboard-row-al-suba').querySelectorAll('td')[1] as HTMLElement;
    // Reachable from the keyboard: the table is one tab stop and the arrows move to the cell.
    expect(cell.hasAttribute('tabindex')).toBe(true);
    await act(async () => cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })));
    expect(onOpenUnit).toHaveBeenLastCalledWith('al-suba');
    expect(onOpenUnit).toHaveBeenCalledTimes(3);
  });

  it('filters by level and by status', () => {
    const rows = fixtureDashboard().units;
    expect(filterRows(rows, 'central', 'all').map((r) => r.unit.id)).toEqual(['dgth', 'oap']);
    expect(filterRows(rows, 'alcaldia', 'en_riesgo').map((r) => r.unit.id)).toEqual(['al-usaquen']);
    expect(filterRows(rows, 'all', 'sin_set').map((r) => r.unit.id)).toEqual(['oap']);
    expect(filterRows(rows, 'central', 'completado')).toEqual([]);
  });

  it('explains a refusal in Spanish and offers to retry', async () => {
    const dashboard = vi.fn(async () => {
      throw new ApiRequestError(403, 'forbidden', 'El tablero de la entidad es para el equipo ETI.');
    });
    const { el } = await show({ dashboard });
    const error = await waitFor(() => el.querySelector('[data-testid="dashboard-error"]'));
    expect(error.textContent).toContain('No pudimos cargar el tablero');
    expect(error.textContent).toContain('El tablero de la entidad es para el equipo ETI.');
  });
});
