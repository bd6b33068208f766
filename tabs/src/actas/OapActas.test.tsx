// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { ApiClient } from '../api/index.js';
import { oapResponse, signedView } from '../testing/fixtureActas.js';
import { click, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import OapActas from './OapActas.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('OapActas', () => {
  it('counts the copies, lists the most urgent first, filters by status and names the units without plenaria', async () => {
    const oapActas = vi.fn(async () => oapResponse());
    const onOpenActa = vi.fn();
    const r = await render(<OapActas api={{ oapActas } as unknown as ApiClient} quarter="2026-Q4" openActa={null} onOpenActa={onOpenActa} />);
    cleanups.push(r.unmount);
    const el = r.container;
    const table = await waitFor(() => el.querySelector('[data-testid="oap-table"]'));
    expect(oapActas).toHaveBeenCalledWith('2026-Q4', expect.any(AbortSignal));
    expect(byTestId(el, 'oap-count-a_tiempo').textContent).toBe('1Recibidas a tiempo');
    expect(byTestId(el, 'oap-count-vencida').textContent).toBe('2Vencidas');
    expect(byTestId(el, 'oap-count-pendiente').textContent).toBe('1Pendientes');
    expect(byTestId(el, 'oap-count-missing').textContent).toBe('1Dependencias sin plenaria menor');
    const order = [...table.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-testid'));
    expect(order).toEqual(['oap-row-pl-al-usme', 'oap-row-pl-al-bosa', 'oap-row-pl-al-kennedy', 'oap-row-pl-al-suba']);
    expect(byTestId(el, 'oap-row-pl-al-suba').textContent).toMatch(/Recibida el 22/);
    expect(byTestId(el, 'oap-missing').textContent).toContain('Alcaldía Local de Sumapaz no tiene plenaria menor en el trimestre.');

    await click(byTestId(el, 'oap-filter'));
    const option = [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent === 'Vencida')!;
    await act(async () => (option as HTMLElement).click());
    expect([...el.querySelectorAll('[data-testid="oap-table"] tbody tr')].map((tr) => tr.getAttribute('data-status'))).toEqual(['vencida', 'vencida']);
    expect(el.querySelector('[data-testid="oap-missing"]')).toBeNull();

    await click(byTestId(el, 'oap-open-pl-al-usme'));
    expect(onOpenActa).toHaveBeenCalledWith('pl-al-usme');
  });

  it('opens an acta read-only', async () => {
    const r = await render(<OapActas api={{ oapActas: async () => oapResponse(), acta: async () => signedView() } as unknown as ApiClient} quarter="2026-Q4" openActa="pl-al-suba" onOpenActa={() => {}} />);
    cleanups.push(r.unmount);
    await waitFor(() => r.container.querySelector('[data-testid="acta-editor"]'));
    expect(r.container.querySelector('[data-testid="acta-send-oap"]')).toBeNull();
    expect(r.container.querySelector('[data-testid="acta-correct"]')).toBeNull();
    expect(byTestId(r.container, 'acta-back').textContent).toBe('Volver al seguimiento de actas');
  });
});
