import { describe, expect, it } from 'vitest';
import { cutoffFigures, objectiveCompliance, peiStatus, previousCutoff, programmedAt, programmingMonth, quarterOfCutoff, type WeightedIndicator } from './compliance.js';

const monthly = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => values[i + 1] ?? null);
const prog = (annual: number | null, values: Record<number, number>) => ({ annual, monthly: monthly(values) });
const at = (indicatorId: string, weight: number, p: ReturnType<typeof prog>, executed: number | null, cutoff = '2023-06-30'): WeightedIndicator => ({ indicatorId, weight, figures: cutoffFigures(p, executed, cutoff) });

describe('the % at the cut-off', () => {
  it('is executed over programmed at the cut-off, and never capped', () => {
    const f = cutoffFigures(prog(208446, { 6: 104220, 12: 208446 }), 150623, '2023-06-30');
    expect(f.programmedAtCutoff).toBe(104220);
    expect(f.percent! * 100).toBeCloseTo(144.52, 2);
    expect(f.status).toEqual({ code: 'sobre_ejecucion', gap: 44.52, text: 'Sobre ejecución 44,52 %' });
  });

  it('takes the programming of the last month that ended at the cut-off, carried forward', () => {
    const p = prog(90, { 3: 30, 6: 73.5, 12: 90 });
    expect(programmedAt(p, '2023-06-30')).toBe(73.5);
    expect(programmedAt(p, '2023-08-31')).toBe(73.5);
    expect(programmedAt(p, '2023-06-29')).toBe(30); // June has not ended yet
    expect(programmedAt(p, '2023-01-15')).toBeNull();
    expect(programmingMonth('2024-02-29')).toBe(2);
    expect(programmingMonth('2023-02-28')).toBe(2);
  });

  it('knows the quarterly cut-offs and the previous one', () => {
    expect(quarterOfCutoff('2026-09-30')).toBe(3);
    expect(quarterOfCutoff('2026-09-29')).toBeNull();
    expect(previousCutoff('2026-09-30')).toBe('2026-06-30');
    expect(previousCutoff('2026-03-31')).toBe('2025-12-31');
    expect(previousCutoff('2026-08-15')).toBe('2026-06-30');
  });
});

describe('the status text', () => {
  const status = (executed: number | null, programmed: number | null, programmedInYear = true) => peiStatus({ programmedInYear, programmedAtCutoff: programmed, executed });

  it('is «En cumplimiento» at exactly 100 %, and when the printed % rounds to 100,00', () => {
    expect(status(66.67, 66.67).text).toBe('En cumplimiento');
    expect(status(0.5, 0.5).code).toBe('en_cumplimiento');
    expect(status(99.999, 100).text).toBe('En cumplimiento');
    expect(status(99.99, 100).text).toBe('Rezago 0,01 %');
  });

  it('gives the gap to 100 below and above', () => {
    expect(status(95, 100).text).toBe('Rezago 5 %');
    expect(status(1474056, 2743434)).toEqual({ code: 'rezago', gap: 46.27, text: 'Rezago 46,27 %' });
    expect(status(72.5, 73.5).text).toBe('Rezago 1,36 %');
    expect(status(150623, 104220).text).toBe('Sobre ejecución 44,52 %');
  });

  it('says when nothing is programmed at the cut-off, in the vigencia, or nothing is reported', () => {
    expect(status(0, 0).code).toBe('sin_programacion_corte');
    expect(status(0, 0).text).toBe('Sin programación al corte');
    expect(status(3, 0).text).toBe('Ejecución sin programación al corte');
    expect(status(null, null).text).toBe('Sin programación al corte');
    expect(status(5, 10, false).text).toBe('Sin programación en la vigencia');
    expect(status(null, 10).text).toBe('Sin reporte validado al corte');
  });
});

describe('an objective’s compliance', () => {
  it('is the weighted mean of its indicators, uncapped (seed 002, objective 5: 53,73 % and 144,52 % → 99,13 %)', () => {
    const c = objectiveCompliance([at('545', 1, prog(5486863, { 6: 2743434 }), 1474056), at('546', 1, prog(208446, { 6: 104220 }), 150623)]);
    expect(c.value! * 100).toBeCloseTo(99.127, 3);
    expect(c.counted.map((x) => x.share)).toEqual([0.5, 0.5]);
  });

  it('uses the weights relative to each other', () => {
    const c = objectiveCompliance([at('a', 3, prog(100, { 6: 100 }), 50), at('b', 1, prog(100, { 6: 100 }), 100)]);
    expect(c.value).toBeCloseTo(0.625, 10);
    expect(c.counted.find((x) => x.indicatorId === 'a')!.share).toBe(0.75);
  });

  it('leaves out an indicator with no programming in the vigencia', () => {
    const c = objectiveCompliance([at('a', 1, prog(100, { 6: 100 }), 90), at('b', 1, prog(null, {}), 500), at('c', 1, prog(0, {}), 0)]);
    expect(c.value).toBeCloseTo(0.9, 10);
    expect(c.excluded).toEqual([{ indicatorId: 'b', reason: 'sin_programacion_vigencia' }, { indicatorId: 'c', reason: 'sin_programacion_vigencia' }]);
  });

  it('leaves out, at this cut-off, one with nothing programmed up to it or not yet reported', () => {
    const c = objectiveCompliance([at('a', 1, prog(100, { 12: 100 }), 0), at('b', 1, prog(100, { 6: 50 }), null), at('d', 1, prog(10, { 6: 5 }), 5)]);
    expect(c.value).toBe(1);
    expect(c.excluded.map((x) => x.reason)).toEqual(['sin_programacion_corte', 'sin_reporte']);
  });

  it('is null when no indicator counts', () => {
    expect(objectiveCompliance([at('a', 1, prog(null, {}), 1)]).value).toBeNull();
    expect(objectiveCompliance([]).value).toBeNull();
  });
});
