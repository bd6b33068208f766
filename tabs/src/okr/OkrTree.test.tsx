// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { OkrTree } from './OkrTree.js';
import { formatMonth } from '../core.js';
import { fixtureTree } from '../testing/fixtureTree.js';
import { byTestId, render } from '../testing/render.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
async function show(tree = fixtureTree()) {
  const r = await render(<OkrTree tree={tree} />);
  cleanups.push(r.unmount);
  return r.container;
}

const OT1 = 'set-al-usaquen-2026-Q4-ot1';

describe('OkrTree', () => {
  it('shows the strategic objective, its institutional alignment and rolled-up progress', async () => {
    const tree = fixtureTree();
    const el = await show(tree);
    const strategic = byTestId(el, 'objective-set-al-usaquen-2026-Q4-oe');
    expect(strategic.textContent).toContain('Acercar la gestión de la alcaldía local a la ciudadanía');
    expect(strategic.textContent).toContain('OE1');
    expect(strategic.textContent).toContain('Fortalecer la gobernabilidad democrática local');
    expect(strategic.textContent).toContain('T4 2026 (octubre–diciembre)');
    expect(strategic.textContent).toContain('Corte: 23 de noviembre de 2026');
    expect(strategic.textContent).toContain('Avance esperado a hoy: 59 %');
    const bar = strategic.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe(String(Math.round(tree.strategic!.displayProgress * 100)));
    expect(bar.getAttribute('aria-label')).toContain('Avance de «Acercar la gestión');
    expect(el.querySelectorAll('[data-testid^="objective-"]')).toHaveLength(4);
    expect(el.querySelectorAll('[data-testid^="kr-"]')).toHaveLength(9);
  });

  it('shows a key result row: title, kind, baseline → target, %, status, comment, month and evidence link', async () => {
    const el = await show();
    const row = byTestId(el, `kr-${OT1}-kr2`);
    const text = row.textContent ?? '';
    expect(text).toContain('Responder a tiempo el 95 % de las PQRS del trimestre');
    expect(text).toContain('Porcentaje');
    expect(text).toContain('Línea base 0 % → meta 95 %');
    expect(text).toContain('45 %');
    expect(text).toContain('Atrasado');
    expect(text).toContain('Valor reportado: 42,75 %');
    expect(text).toContain('Reporte de noviembre de 2026');
    expect(text).toContain('El avance es menor al esperado por demoras en la contratación; se ajustó el plan de trabajo.');
    const link = row.querySelector('a')!;
    expect(link.textContent).toBe('Ver evidencia');
    expect(link.getAttribute('href')).toBe('https://gobiernobogota.sharepoint.com/sites/OKR/al-usaquen/Evidencias/2026-11');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    const bar = row.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('45');
    expect(bar.getAttribute('aria-valuetext')).toBe('45 %; esperado a hoy 59 %');
  });

  it('says when a decrease is the goal, when a result has no report yet, and when it went past the target', async () => {
    const el = await show();
    expect(byTestId(el, `kr-${OT1}-kr1`).textContent).toContain('Línea base 15 días → meta 10 días (menos es mejor)');
    const milestone = byTestId(el, 'kr-set-al-usaquen-2026-Q4-ot2-kr3').textContent ?? '';
    expect(milestone).toContain('Hito');
    expect(milestone).toContain('0 %');
    expect(milestone).toContain('No iniciado');
    expect(milestone).toContain('Sin reportes este trimestre');
    const over = byTestId(el, 'kr-set-al-usaquen-2026-Q4-ot3-kr1').textContent ?? '';
    expect(over).toContain('100 %');
    expect(over).toContain('Avance real: 110 %');
    expect(over).toContain('Completado');
    expect(byTestId(el, 'kr-set-al-usaquen-2026-Q4-ot2-kr2').textContent).toContain('En riesgo');
  });

  it('warns gently when the set does not follow the 1 / 3 / 9 shape', async () => {
    const el = await show(fixtureTree({ dropKeyResult: true }));
    const warning = byTestId(el, 'shape-issues');
    expect(warning.textContent).toContain('Este set no sigue la forma estándar');
    expect(warning.textContent).toContain('«Avanzar en la ejecución del Fondo de Desarrollo Local» tiene 2 resultados clave; el estándar es 3.');
    expect(el.querySelector('[data-testid="shape-issues"]')).not.toBeNull();
  });

  it('explains in Spanish when the unit has no set for the quarter', async () => {
    const el = await show(fixtureTree({ empty: true, quarter: '2026-Q3', asOf: '2026-11-23' }));
    const empty = byTestId(el, 'okr-empty');
    expect(empty.textContent).toContain('Sin OKR para T3 2026 (julio–septiembre)');
    expect(empty.textContent).toContain('Alcaldía Local de Usaquén no tiene un set de OKR para este trimestre.');
    expect(el.querySelector('[data-testid^="kr-"]')).toBeNull();
  });

  it('draws each KR’s monthly values when it has two or more, with the values as its text alternative', async () => {
    const tree = fixtureTree();
    const withHistory = tree.strategic!.children.flatMap((c) => c.keyResults).find((k) => k.history.length >= 2)!;
    const el = await show(tree);
    const chart = byTestId(el, `history-${withHistory.id}`).querySelector('svg')!;
    expect(chart.getAttribute('role')).toBe('img');
    // Screen readers hear the months in words («octubre de 2026: 27,4 %»), never their codes («2026-10»).
    expect(chart.getAttribute('aria-label')).toContain(`${formatMonth(withHistory.history[0]!.period)}:`);
    expect(chart.getAttribute('aria-label')).toContain(`${formatMonth(withHistory.history[1]!.period)}:`);
    expect(chart.getAttribute('aria-label')).not.toMatch(/\d{4}-\d{2}/);
    expect(chart.querySelectorAll('circle')).toHaveLength(withHistory.history.length);
    const single = tree.strategic!.children.flatMap((c) => c.keyResults).find((k) => k.history.length < 2);
    if (single) expect(el.querySelector(`[data-testid="history-${single.id}"]`)).toBeNull();
  });
});
