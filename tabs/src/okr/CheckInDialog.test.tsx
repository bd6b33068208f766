// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyResultView, OpenMonthView } from '@okr/core';
import type { ApiClient } from '../api/index.js';
import { ApiRequestError } from '../api/http.js';
import { fixtureTree } from '../testing/fixtureTree.js';
import { byTestId, render } from '../testing/render.js';
import CheckInDialog from './CheckInDialog.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Types into an input the way React notices (native value setter + input event). */
async function type(el: HTMLElement, value: string) {
  const input = el as HTMLInputElement | HTMLTextAreaElement;
  const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const month = (period: string, over: Partial<OpenMonthView> = {}): OpenMonthView => ({ period, state: 'sin_reportar', reported: 0, total: 9, correction: null, corrected: [], checkIns: {}, ...over });

async function open(kr: KeyResultView, api: Partial<ApiClient>, months: OpenMonthView[] = [month('2026-11')], initialPeriod = months[0]!.period) {
  const onSaved = vi.fn();
  const r = await render(<CheckInDialog api={api as ApiClient} unitId="al-usaquen" months={months} initialPeriod={initialPeriod} kr={kr} expected={0.5} onClose={() => {}} onSaved={onSaved} />);
  cleanups.push(r.unmount);
  return { onSaved, dialog: document.body };
}

const percentageKr = () => fixtureTree().strategic!.children.flatMap((c) => c.keyResults).find((k) => k.kind === 'percentage')!;

describe('CheckInDialog', () => {
  it('checks the fields with the same validation as the card before sending anything', async () => {
    const checkIn = vi.fn();
    const { dialog } = await open(percentageKr(), { checkIn });
    await type(byTestId(dialog, 'checkin-value'), '150');
    await type(byTestId(dialog, 'checkin-comment'), '');
    await type(byTestId(dialog, 'checkin-evidence'), 'http://intranet/x');
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(dialog.textContent).toContain('Debe estar entre 0 y 100.');
    expect(dialog.textContent).toContain('Escribe un comentario que muestre el avance.');
    expect(dialog.textContent).toContain('Debe ser un enlace https:// válido');
    expect(checkIn).not.toHaveBeenCalled();
  });

  it('sends a valid check-in and hands back the updated tree', async () => {
    const tree = fixtureTree();
    const checkIn = vi.fn().mockResolvedValue({ tree });
    const kr = percentageKr();
    const { dialog, onSaved } = await open(kr, { checkIn });
    await type(byTestId(dialog, 'checkin-value'), '80,5');
    await type(byTestId(dialog, 'checkin-comment'), 'Se respondieron 120 PQRS a tiempo.');
    await type(byTestId(dialog, 'checkin-evidence'), 'https://gobiernobogota.sharepoint.com/e');
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(checkIn).toHaveBeenCalledWith('al-usaquen', '2026-11', {
      keyResultId: kr.id,
      value: '80,5',
      comment: 'Se respondieron 120 PQRS a tiempo.',
      evidenceUrl: 'https://gobiernobogota.sharepoint.com/e',
      // No check-in stored yet for the month: the save is based on none (compare-and-set).
      version: null,
    });
    expect(onSaved).toHaveBeenCalledWith(tree);
  });

  it('shows last month’s value and the value expected today, as the card does (issue 14, item 11)', async () => {
    const { dialog } = await open(percentageKr(), { checkIn: vi.fn() });
    expect(dialog.textContent).toContain('Último reporte (octubre de 2026): 20 %');
    expect(dialog.textContent).toContain('Esperado hoy: 47,5 %');
  });

  it('asks which number was meant when it could be two, and sends nothing (issue 13, item 7)', async () => {
    const checkIn = vi.fn();
    const { dialog } = await open(percentageKr(), { checkIn });
    await type(byTestId(dialog, 'checkin-value'), '1.234');
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(dialog.textContent).toContain('«1.234» se puede leer de dos formas: ¿quisiste decir 1234 o 1,234?');
    expect(checkIn).not.toHaveBeenCalled();
  });

  it('refuses a stale edit with the current value and its author, keeps what was typed, and saves over it knowingly the second time (issue 13, item 5)', async () => {
    const stale = '«Responder a tiempo el 95 % de las PQRS del trimestre» — Avance: otra persona lo guardó mientras lo editabas: ahora dice 50 % (lo guardó Viviana Muñoz). No se guardó tu cambio: revísalo y, si el tuyo es el correcto, guarda de nuevo.';
    const checkIn = vi
      .fn()
      .mockRejectedValueOnce(new ApiRequestError(409, 'conflict', stale, { current: [{ keyResultId: percentageKr().id, value: 50, version: 2, authorId: 'lider-al-usaquen' }] }))
      .mockResolvedValueOnce({ tree: fixtureTree() });
    const stored = { value: 42.75, comment: 'Se respondieron 80 PQRS a tiempo.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version: 1 };
    const { dialog, onSaved } = await open(percentageKr(), { checkIn }, [month('2026-11', { checkIns: { [percentageKr().id]: stored } })]);
    await type(byTestId(dialog, 'checkin-value'), '80');
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(checkIn).toHaveBeenCalledWith('al-usaquen', '2026-11', expect.objectContaining({ value: '80', version: 1 }));
    expect(byTestId(dialog, 'checkin-server-error').textContent).toContain('ahora dice 50 % (lo guardó Viviana Muñoz)');
    expect((byTestId(dialog, 'checkin-value') as HTMLInputElement).value).toBe('80');
    expect(onSaved).not.toHaveBeenCalled();
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(checkIn).toHaveBeenLastCalledWith('al-usaquen', '2026-11', expect.objectContaining({ value: '80', version: 2 }));
    expect(onSaved).toHaveBeenCalled();
  });

  it('shows the server’s Spanish refusal and keeps what was typed', async () => {
    const checkIn = vi.fn().mockRejectedValue(new ApiRequestError(403, 'forbidden', 'El equipo ETI ya cerró el reporte de noviembre de 2026.'));
    const { dialog, onSaved } = await open(percentageKr(), { checkIn });
    await type(byTestId(dialog, 'checkin-value'), '80');
    await type(byTestId(dialog, 'checkin-comment'), 'Avance del mes.');
    await type(byTestId(dialog, 'checkin-evidence'), 'https://gobiernobogota.sharepoint.com/e');
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(byTestId(dialog, 'checkin-server-error').textContent).toContain('ya cerró el reporte');
    expect((byTestId(dialog, 'checkin-value') as HTMLInputElement).value).toBe('80');
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('offers every open month, opens the one asked, shows the ETI’s observation and starts from what that month has', async () => {
    const kr = percentageKr();
    const months = [
      month('2026-10', { state: 'correccion_pedida', reported: 9, correction: { note: null, observations: [{ keyResultId: kr.id, text: 'El 45 % no coincide con el informe.' }] }, checkIns: { [kr.id]: { value: 45.5, comment: 'Avance de octubre.', evidenceUrl: 'https://x.sharepoint.com/oct', version: 1 } } }),
      month('2026-11'),
    ];
    const checkIn = vi.fn().mockResolvedValue({ tree: fixtureTree() });
    const { dialog } = await open(kr, { checkIn }, months, '2026-10');
    expect(dialog.textContent).toContain('Reportar avance de octubre de 2026');
    expect(byTestId(dialog, 'checkin-observation').textContent).toContain('El equipo ETI pidió corregir este resultado clave: El 45 % no coincide con el informe.');
    expect((byTestId(dialog, 'checkin-value') as HTMLInputElement).value).toBe('45,5');
    expect((byTestId(dialog, 'checkin-comment') as HTMLTextAreaElement).value).toBe('Avance de octubre.');
    expect(byTestId(dialog, 'checkin-month').textContent).toContain('Octubre de 2026 · El equipo ETI pidió una corrección');
    await type(byTestId(dialog, 'checkin-value'), '50');
    await act(async () => byTestId(dialog, 'checkin-save').click());
    expect(checkIn).toHaveBeenCalledWith('al-usaquen', '2026-10', expect.objectContaining({ value: '50' }));
  });
});
