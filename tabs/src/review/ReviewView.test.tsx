// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/index.js';
import { ApiRequestError } from '../api/http.js';
import { click, type, waitFor } from '../testing/dom.js';
import { fixtureClosedQuarter, fixtureQueue, fixtureUnitMonth } from '../testing/fixtureReview.js';
import { byTestId, render } from '../testing/render.js';
import QuarterCloseView from './QuarterCloseView.js';
import ReviewView, { filterQueue } from './ReviewView.js';
import { useState } from 'react';
import type { ReviewTarget } from '../shell/views.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function show(node: React.ReactNode) {
  const r = await render(node);
  cleanups.push(r.unmount);
  return r.container;
}

describe('«Revisión mensual»', () => {
  it('lists every unit of the month with its state, waiting ones first, and filters them', async () => {
    const reviewQueue = vi.fn(async () => fixtureQueue());
    const el = await show(<ReviewView api={{ reviewQueue } as unknown as ApiClient} quarter="2026-Q4" />);
    const table = await waitFor(() => el.querySelector('[data-testid="review-table"]'));
    expect(reviewQueue).toHaveBeenCalledWith(null, expect.any(AbortSignal));
    expect(el.textContent).toContain('Revisión mensual · noviembre de 2026');
    expect([...table.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-state'))).toEqual(['por_revisar', 'por_revisar', 'corregido', 'correccion_pedida', 'incompleto', 'sin_reportar', 'cerrado']);
    expect(byTestId(el, 'review-row-dfin').textContent).toContain('2 alertas');
    expect(byTestId(el, 'review-count-por_revisar').textContent).toContain('2');
    expect(el.textContent).toContain('Sin set cargado este trimestre (nada que reportar): Oficina Asesora de Comunicaciones.');
    expect(byTestId(el, 'review-bulk').textContent).toBe('Cerrar 2 meses consistentes');
    const rows = fixtureQueue().rows;
    expect(filterQueue(rows, 'all', 'all', true).map((r) => r.unitId)).toEqual(['dfin']);
    expect(filterQueue(rows, 'por_revisar', 'alcaldia', false).map((r) => r.unitId)).toEqual(['al-suba']);
    expect(filterQueue(rows, 'cerrado', 'alcaldia', false)).toEqual([]);
  });

  it('opens a unit: its key results with the flags, and asks for a correction with an observation', async () => {
    const decideReview = vi.fn(async () => ({ review: fixtureUnitMonth({ state: 'correccion_pedida' }), notified: ['Camila Rojas Díaz', 'Jorge Díaz Pardo'] }));
    const reviewUnit = vi.fn(async () => fixtureUnitMonth());
    const reviewQueue = vi.fn(async () => fixtureQueue());
    const el = await show(<ReviewView api={{ reviewQueue, reviewUnit, decideReview } as unknown as ApiClient} quarter="2026-Q4" />);
    await click(await waitFor(() => el.querySelector('[data-testid="review-open-dfin"]')));
    const unit = await waitFor(() => el.querySelector('[data-testid="review-unit"]'));
    expect(reviewUnit).toHaveBeenCalledWith('dfin', '2026-11', expect.any(AbortSignal));
    expect(unit.textContent).toContain('Dirección Financiera · noviembre de 2026');
    expect(byTestId(el, 'review-flags-kr1').textContent).toContain('El comentario menciona 45 %, pero lo reportado es 60 %.');
    expect(unit.textContent).toContain('Reportó Camila Rojas Díaz');
    expect(unit.textContent).toContain('Mes anterior (octubre de 2026): 30 %');
    await type(byTestId(el, 'review-observation-kr1'), 'El 45 % del comentario no coincide.');
    await click(byTestId(el, 'review-request'));
    expect(decideReview).toHaveBeenCalledWith('dfin', { period: '2026-11', action: 'request_correction', version: null, note: '', observations: [{ keyResultId: 'kr1', text: 'El 45 % del comentario no coincide.' }] });
    // Back in the queue, with who was told.
    const notice = await waitFor(() => el.querySelector('[data-testid="review-notice"]'));
    expect(notice.textContent).toBe('Se pidió la corrección. Se avisó a Camila Rojas Díaz, Jorge Díaz Pardo.');
    expect(reviewQueue).toHaveBeenCalledTimes(2);
  });

  it('opens the unit’s month a link names, after loading that month’s queue; a unit without a set shows the queue with why', async () => {
    const reviewQueue = vi.fn(async (period: string | null) => ({ ...fixtureQueue(), period: period ?? '2026-11' }));
    const reviewUnit = vi.fn(async () => fixtureUnitMonth({ period: '2026-10' }));
    const onOpenReview = vi.fn();
    const el = await show(<ReviewView api={{ reviewQueue, reviewUnit } as unknown as ApiClient} quarter="2026-Q4" openReview={{ unitId: 'dfin', month: '2026-10' }} onOpenReview={onOpenReview} />);
    await waitFor(() => el.querySelector('[data-testid="review-unit"]'));
    expect(reviewQueue.mock.calls.map((c) => c[0])).toEqual([null, '2026-10']);
    expect(reviewUnit).toHaveBeenCalledWith('dfin', '2026-10', expect.any(AbortSignal));
    expect(onOpenReview).not.toHaveBeenCalled();
    await click(byTestId(el, 'review-back'));
    expect(onOpenReview).toHaveBeenCalledWith(null);

    // As the shell keeps it: the view's «close» is the state's.
    function Shell() {
      const [open, setOpen] = useState<ReviewTarget | null>({ unitId: 'oac', month: '2026-11' });
      return <ReviewView api={{ reviewQueue, reviewUnit } as unknown as ApiClient} quarter="2026-Q4" openReview={open} onOpenReview={setOpen} />;
    }
    const other = await show(<Shell />);
    expect((await waitFor(() => other.querySelector('[data-testid="review-link-problem"]'))).textContent).toBe('Oficina Asesora de Comunicaciones no tiene set cargado este trimestre: no hay mes que revisar. Se muestra la cola.');
    expect(other.querySelector('[data-testid="review-table"]')).not.toBeNull();
  });

  it('shows why a decision was refused and stays on the unit', async () => {
    const decideReview = vi.fn(async () => {
      throw new ApiRequestError(409, 'conflict', 'Otra persona del equipo ETI actuó sobre este mes mientras tanto.');
    });
    const el = await show(<ReviewView api={{ reviewQueue: async () => fixtureQueue(), reviewUnit: async () => fixtureUnitMonth(), decideReview } as unknown as ApiClient} quarter="2026-Q4" />);
    await click(await waitFor(() => el.querySelector('[data-testid="review-open-dfin"]')));
    await click(await waitFor(() => el.querySelector('[data-testid="review-close"]')));
    expect((await waitFor(() => el.querySelector('[data-testid="review-decision-error"]'))).textContent).toContain('Otra persona del equipo ETI');
  });

  it('closes the consistent months after a confirmation that lists them', async () => {
    const closeConsistent = vi.fn(async () => ({ closed: ['al-suba', 'al-bosa'] }));
    const el = await show(<ReviewView api={{ reviewQueue: async () => fixtureQueue(), closeConsistent } as unknown as ApiClient} quarter="2026-Q4" />);
    await click(await waitFor(() => el.querySelector('[data-testid="review-bulk"]')));
    const list = await waitFor(() => document.body.querySelector('[data-testid="review-bulk-list"]'));
    expect(list.textContent).toBe('Alcaldía Local de SubaAlcaldía Local de Bosa');
    await click(byTestId(document.body, 'review-bulk-confirm'));
    expect(closeConsistent).toHaveBeenCalledWith('2026-11', ['al-suba', 'al-bosa']);
    expect((await waitFor(() => el.querySelector('[data-testid="review-notice"]'))).textContent).toBe('Se cerraron 2 meses de noviembre de 2026.');
  });
});

describe('«Cierre del trimestre»', () => {
  it('shows a closed quarter: who closed and shared it, its figures, its units, the .xlsx and «Compartir»', async () => {
    const blob = new Blob(['x']);
    const downloadQuarterClose = vi.fn(async () => ({ blob, fileName: 'Cierre_OKR_2026-Q3.xlsx' }));
    const shareQuarterClose = vi.fn(async () => ({ view: fixtureClosedQuarter(), sent: 45, unreachable: 1 }));
    (URL as unknown as { createObjectURL: () => string }).createObjectURL = () => 'blob:x';
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => {};
    const el = await show(<QuarterCloseView api={{ quarterClose: async () => fixtureClosedQuarter(), downloadQuarterClose, shareQuarterClose } as unknown as ApiClient} quarter="2026-Q3" />);
    const state = await waitFor(() => el.querySelector('[data-testid="close-state"]'));
    expect(state.textContent).toContain('por Equipo ETI Uno. Las cifras son las del cierre y no cambian.');
    expect(state.textContent).toContain('Compartido el');
    expect(byTestId(el, 'close-figure-average').textContent).toContain('74 %');
    expect(byTestId(el, 'close-chart-status').querySelector('svg')!.getAttribute('aria-label')).toBe('Unidades por estado del objetivo estratégico: En curso: 1; En riesgo: 1');
    expect(byTestId(el, 'close-row-al-suba').textContent).toContain('septiembre de 2026: 9 de 9 · Cerrado');
    await click(byTestId(el, 'close-krs-al-suba'));
    expect(el.textContent).toContain('Responder a tiempo las PQRS — 80 % · 80 % · En curso');
    await click(byTestId(el, 'close-download'));
    expect(downloadQuarterClose).toHaveBeenCalledWith('2026-Q3');
    expect(byTestId(el, 'close-share').textContent).toBe('Compartir de nuevo');
    await click(byTestId(el, 'close-share'));
    await click(await waitFor(() => document.body.querySelector('[data-testid="close-confirm"]')));
    expect(shareQuarterClose).toHaveBeenCalledWith('2026-Q3', 2);
    expect((await waitFor(() => el.querySelector('[data-testid="close-notice"]'))).textContent).toBe('Se enviaron 45 tarjetas. 1 persona no tiene conversación con el asistente.');
  });

  it('while open: the figures a close would freeze, and «Cerrar el trimestre» only once it has ended', async () => {
    const open = { ...fixtureClosedQuarter(), quarter: '2026-Q4' as const, closableFrom: '2027-01-01', closed: null, snapshot: null, preview: { summary: fixtureClosedQuarter().snapshot!.summary, monthsNotClosed: 3 }, canClose: false, canShare: false };
    const el = await show(<QuarterCloseView api={{ quarterClose: async () => open } as unknown as ApiClient} quarter="2026-Q4" />);
    const state = await waitFor(() => el.querySelector('[data-testid="close-state"]'));
    expect(state.textContent).toContain('Vista previa');
    expect(state.textContent).toContain('3 meses de unidades no están cerrados por el equipo ETI');
    expect(state.textContent).toContain('Se podrá cerrar desde el 1 de enero de 2027');
    expect(el.querySelector('[data-testid="close-quarter"]')).toBeNull();
    expect(el.querySelector('[data-testid="close-table"]')).toBeNull();
  });
});
