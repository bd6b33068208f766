// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PeiApi } from '../api/pei.js';
import { peiReport } from '../testing/fixturePei.js';
import { click, type, waitFor } from '../testing/dom.js';
import { byTestId, render } from '../testing/render.js';
import PeiView from './PeiView.js';
import { peiText as p } from './strings.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

function fakeApi(canEditWeights = false) {
  const report = peiReport({ canEditWeights });
  return {
    peiPlans: vi.fn(async () => report.plans),
    peiReport: vi.fn(async () => report),
    savePeiWeights: vi.fn(async (_plan: string, _year: number, body: { weights: Array<{ weight: number }> }) => peiReport({ canEditWeights, objectives: report.objectives.map((o) => ({ ...o, indicators: o.indicators.map((r, i) => ({ ...r, weight: body.weights[i]?.weight ?? r.weight })) })) })),
    downloadPei: vi.fn(),
  };
}

async function show(api: ReturnType<typeof fakeApi>) {
  const r = await render(<PeiView api={api as unknown as PeiApi} />);
  cleanups.push(r.unmount);
  return waitFor(() => r.container.querySelector<HTMLElement>('[data-testid="pei-view"]'));
}

describe('«Plan estratégico»', () => {
  it('shows each objective’s figure, then its indicators: the % uncapped, the status text, the analysis as typed', async () => {
    const el = await show(fakeApi());
    expect(byTestId(el, 'pei-compliance-5').textContent).toBe('99,13 %');
    const over = byTestId(el, 'pei-row-sg-546').textContent!;
    expect(over).toContain('144,52 %');
    expect(over).toContain('Sobre ejecución 44,52 %');
    // Typed text stays literal: no link is made of it.
    expect(over).toContain('[Ver soporte](https://phish.example.com) **ya**');
    expect(el.querySelector('a[href^="https://phish"]')).toBeNull();
    // An objective without validated figures says so; its figure in validation shows its state.
    expect(byTestId(el, 'pei-compliance-9').textContent).toBe(p.noFigure);
    expect(byTestId(el, 'pei-row-sg-900').textContent).toContain('—');
    // Only the OAP changes the weights.
    expect(el.querySelector('[data-testid="pei-weights"]')).toBeNull();
  });

  it('lets the OAP change the vigencia’s weights: a weight that is not a number is refused before anything is sent', async () => {
    const api = fakeApi(true);
    const el = await show(api);
    await click(byTestId(el, 'pei-weights'));
    const dialog = await waitFor(() => document.querySelector<HTMLElement>('[role="dialog"]'));
    const [first] = [...dialog.querySelectorAll<HTMLInputElement>('input')];
    await type(first!, 'dos');
    await type(byTestId(dialog, 'weights-reason'), 'Más peso al sistema de archivos.');
    await click(byTestId(dialog, 'weights-save'));
    expect((await waitFor(() => document.querySelector('[data-testid="weights-error"]'))).textContent).toContain('debe ser un número');
    expect(api.savePeiWeights).not.toHaveBeenCalled();
    await type(first!, '2,5');
    await click(byTestId(dialog, 'weights-save'));
    await waitFor(() => el.querySelector('[data-testid="pei-notice"]'));
    expect(api.savePeiWeights).toHaveBeenCalledWith('sg-pei-2020-2024', 2023, { weights: expect.arrayContaining([expect.objectContaining({ indicatorId: 'sg-545', weight: 2.5 })]), reason: 'Más peso al sistema de archivos.' });
    expect(byTestId(el, 'pei-notice').textContent).toBe(p.weightsSaved);
  });
});
