// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeiApi } from '../api/pei.js';
import { roundItem } from '../testing/fixturePei.js';
import { click, type, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import { ValueDialog } from './ValueDialog.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function open(item = roundItem()) {
  const api = { saveValue: vi.fn(async () => item) };
  const onSaved = vi.fn();
  const r = await render(<ValueDialog api={api as unknown as PeiApi} item={item} onClose={() => {}} onSaved={onSaved} />);
  cleanups.push(r.unmount);
  const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
  const field = (label: string) => [...dialog.querySelectorAll('label')].find((l) => l.textContent === label)!.control as HTMLInputElement;
  return { api, onSaved, dialog, field };
}

describe('the area’s figure at the cut-off', () => {
  it('computes the % as one types, numbers written as in Colombia («9.450»)', async () => {
    const { dialog } = await open();
    await type(byTestId(dialog, 'value-executed'), '9.450');
    expect(byTestId(dialog, 'value-computed').textContent).toContain('105,00 %');
  });

  it('sends the figure as it was typed and stored: «8.760» is 8760, never 8,76 (a stored figure opened and saved again keeps its value)', async () => {
    const stored = roundItem({ state: 'returned', version: 2, figures: { executed: 8760, numerator: null, denominator: null, localities: { Usaquén: 8760 }, differential: { sexo: { Mujer: 4380, Hombre: 4380 } } } });
    const { api, dialog } = await open(stored);
    expect((byTestId(dialog, 'value-executed') as HTMLInputElement).value).toBe('8.760');
    await click(byTestId(dialog, 'value-submit'));
    await waitFor(() => api.saveValue.mock.calls.length > 0);
    expect(api.saveValue).toHaveBeenCalledWith('sdg-i02', '2026-09-30', expect.objectContaining({ expectedVersion: 2, figures: expect.objectContaining({ executed: 8760, localities: { Usaquén: 8760 }, differential: { sexo: { Mujer: 4380, Hombre: 4380 } } }) }));
  });

  it('refuses what is not a number, in the field it is in, and sends nothing', async () => {
    const { api, dialog, field } = await open();
    await type(byTestId(dialog, 'value-executed'), 'ocho mil');
    await click(byTestId(dialog, 'value-submit'));
    expect((await waitFor(() => document.querySelector('[data-testid="value-error"]'))).textContent).toContain('debe ser un número');
    await type(byTestId(dialog, 'value-executed'), '8760');
    await type(field('Usaquén'), 'diez');
    await click(byTestId(dialog, 'value-submit'));
    expect((await waitFor(() => document.querySelector('[data-testid="value-error"]')?.textContent?.includes('Usaquén') && document.querySelector('[data-testid="value-error"]'))).textContent).toContain('Usaquén');
    expect(api.saveValue).not.toHaveBeenCalled();
  });
});
