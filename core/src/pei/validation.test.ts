import { describe, expect, it } from 'vitest';
import { LOCALIDADES } from './lists.js';
import { figureErrors, standardise, validationChecks, validationStep, type PreviousFigure } from './validation.js';
import type { PeiIndicator, ReportedFigures } from './types.js';

const indicator = (overrides: Partial<PeiIndicator> = {}): PeiIndicator => ({
  id: 'sdg-atenciones',
  planId: 'sdg',
  kind: 'sectorial',
  reference: 'Indicador sectorial 901',
  name: 'Personas atendidas en las casas de justicia',
  responsibleUnitId: 'dcds',
  responsibleArea: 'Dirección de Convivencia y Diálogo Social',
  unitOfMeasure: 'personas',
  method: 'magnitud',
  variables: null,
  additive: true,
  breakdown: { locality: true, differential: ['sexo'] },
  planMeta: null,
  note: null,
  ...overrides,
});
const everyLocality = (each: number) => Object.fromEntries(LOCALIDADES.map((l) => [l, each]));
const figures = (overrides: Partial<ReportedFigures> = {}): ReportedFigures => ({
  executed: 200,
  numerator: null,
  denominator: null,
  localities: everyLocality(10),
  differential: { sexo: { Mujer: 120, Hombre: 80 } },
  ...overrides,
});
const run = (i: PeiIndicator, f: ReportedFigures, previous: PreviousFigure | null = null, jumpExplanation = '', percent: number | null = 1) =>
  validationChecks(i, f, { percent, previous, jumpExplanation });
const failed = (checks: ReturnType<typeof run>) => checks.filter((c) => !c.ok).map((c) => [c.code, c.message]);

describe('the OAP’s checks (seed 003)', () => {
  it('passes a complete, consistent figure', () => {
    const checks = run(indicator(), figures());
    expect(checks.map((c) => c.code)).toEqual(['definicion', 'localidades', 'enfoque_diferencial', 'totales']);
    expect(failed(checks)).toEqual([]);
  });

  it('definition: a percentage must agree with its variables, a count must be whole', () => {
    const pct = indicator({ method: 'porcentaje', variables: { numerator: 'PQRS a tiempo', denominator: 'PQRS recibidas' }, additive: false, breakdown: { locality: false, differential: [] } });
    expect(failed(run(pct, figures({ executed: 80, numerator: null, denominator: null, localities: null, differential: {} })))).toEqual([['definicion', 'Faltan las variables del método de cálculo: PQRS a tiempo (numerador) y PQRS recibidas (denominador).']]);
    expect(failed(run(pct, figures({ executed: 80, numerator: 70, denominator: 100, localities: null, differential: {} })))[0]![1]).toBe('La cifra reportada (80) no coincide con numerador / denominador × 100 = 70.');
    expect(failed(run(pct, figures({ executed: 66.67, numerator: 2, denominator: 3, localities: null, differential: {} })))).toEqual([]);
    expect(failed(run(pct, figures({ executed: 0, numerator: 0, denominator: 0, localities: null, differential: {} })))[0]![1]).toBe('El denominador debe ser mayor que cero.');
    expect(failed(run(indicator(), figures({ executed: 200.5 })))[0]).toEqual(['definicion', 'La cifra cuenta personas o eventos: debe ser un número entero.']);
    expect(failed(run(indicator(), figures({ executed: null })))[0]![1]).toBe('No hay magnitud ejecutada al corte.');
  });

  it('localities: all 20, no other names, accents ignored', () => {
    const { Sumapaz: _s, Bosa: _b, ...eighteen } = everyLocality(10);
    expect(failed(run(indicator(), figures({ localities: { ...eighteen, 'Soacha': 20 } })))[0]).toEqual(['localidades', 'Faltan 2 localidades: Bosa, Sumapaz. No son localidades de Bogotá: «Soacha».']);
    const unaccented = Object.fromEntries(Object.entries(everyLocality(10)).map(([k, v]) => [k.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase(), v]));
    expect(failed(run(indicator(), figures({ localities: unaccented })))).toEqual([]);
    expect(failed(run(indicator(), figures({ localities: { ...everyLocality(9), 'Sin información de localidad': 20 } })))).toEqual([]);
    expect(failed(run(indicator(), figures({ localities: null })))[0]![1]).toBe('Falta la desagregación por localidad.');
  });

  it('differential approach: every declared dimension, categories from the documented list', () => {
    const i = indicator({ breakdown: { locality: false, differential: ['sexo', 'grupo_etario'] } });
    const f = figures({ localities: null, differential: { sexo: { Mujer: 120, Masculino: 80 } } });
    expect(failed(run(i, f))).toEqual([['enfoque_diferencial', 'Sexo: categorías fuera de la lista documentada: «Masculino». Falta la desagregación por grupo etario.']]);
    const extra = figures({ localities: null, differential: { sexo: { Mujer: 200 }, etnia: { Raizal: 200 } } });
    expect(failed(run(indicator({ breakdown: { locality: false, differential: ['sexo'] } }), extra))[0]![1]).toBe('El indicador no se desagrega por pertenencia étnica.');
  });

  it('totals: every breakdown of an additive figure adds up to it', () => {
    const f = figures({ localities: everyLocality(9), differential: { sexo: { Mujer: 100, Hombre: 80 } } });
    expect(failed(run(indicator(), f))).toEqual([['totales', 'La suma por localidad (180) no es igual al total (200). La suma por sexo (180) no es igual al total (200).']]);
    // A non-additive figure (a rate) is not checked against its breakdowns.
    expect(run(indicator({ additive: false }), f).map((c) => c.code)).not.toContain('totales');
  });

  it('jumps against the previous cut-off must be explained', () => {
    const previous: PreviousFigure = { executed: 150, percent: 0.6, label: 'corte 30/06/2026' };
    const jump = run(indicator(), figures(), previous, 'ok', 0.95);
    expect(failed(jump)).toEqual([['variacion', 'El % al corte pasó de 60 % (corte 30/06/2026) a 95 %. El área debe explicar la variación.']]);
    expect(failed(run(indicator(), figures(), previous, 'Se sumaron las jornadas móviles de octubre en Kennedy y Bosa.', 0.95))).toEqual([]);
    const down = run(indicator(), figures({ executed: 140, localities: everyLocality(7), differential: { sexo: { Mujer: 140 } } }), previous, '', 0.62);
    expect(failed(down)).toEqual([['variacion', 'La magnitud acumulada bajó de 150 (corte 30/06/2026) a 140. El área debe explicar la variación.']]);
    expect(failed(run(indicator(), figures(), { ...previous, percent: 0.9 }, '', 0.95))).toEqual([]);
  });

  it('refuses what cannot be stored, and standardises names to the documented lists', () => {
    expect(figureErrors(figures({ executed: -1 }), { analysis: '', jumpExplanation: '' })).toEqual(['Revise la magnitud ejecutada: debe ser un número igual o mayor que cero.']);
    expect(figureErrors(figures({ localities: { Bosa: Number.NaN } }), { analysis: 'x'.repeat(4001), jumpExplanation: '' })).toHaveLength(2);
    expect(standardise(figures({ localities: { 'usaquen ': 3, Usaquén: 2, Soacha: 1 }, differential: { sexo: { MUJER: 4 } } }))).toMatchObject({ localities: { Usaquén: 5, Soacha: 1 }, differential: { sexo: { Mujer: 4 } } });
  });
});

describe('the validation cycle', () => {
  it('area reports → OAP returns → area confirms: validated', () => {
    expect(validationStep(null, 'save', 'area')).toEqual({ ok: true, to: 'draft' });
    expect(validationStep('draft', 'report', 'area')).toEqual({ ok: true, to: 'reported' });
    expect(validationStep('reported', 'return', 'oap')).toEqual({ ok: true, to: 'returned' });
    expect(validationStep('returned', 'confirm', 'area')).toEqual({ ok: true, to: 'validated' });
  });

  it('a returned figure may be adjusted and reported again', () => {
    expect(validationStep('returned', 'save', 'area')).toEqual({ ok: true, to: 'returned' });
    expect(validationStep('returned', 'adjust', 'area')).toEqual({ ok: true, to: 'reported' });
  });

  it('refuses steps out of turn, in Spanish', () => {
    expect(validationStep('reported', 'report', 'area')).toEqual({ ok: false, message: 'La cifra está en validación de la OAP: espere su respuesta para ajustarla.' });
    expect(validationStep('draft', 'return', 'oap')).toMatchObject({ ok: false, message: 'El área aún no ha reportado esta cifra.' });
    expect(validationStep('reported', 'return', 'area')).toMatchObject({ ok: false });
    expect(validationStep('reported', 'confirm', 'area')).toMatchObject({ ok: false, message: 'No hay una cifra devuelta por la OAP para confirmar.' });
    expect(validationStep('returned', 'confirm', 'oap')).toMatchObject({ ok: false });
    expect(validationStep('validated', 'report', 'area')).toMatchObject({ ok: false, message: 'Esta cifra ya está validada y publicada.' });
  });
});
