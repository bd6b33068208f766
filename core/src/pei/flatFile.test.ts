import { describe, expect, it } from 'vitest';
import { parseNumber, readFlatRows } from './flatFile.js';
import type { PeiIndicator } from './types.js';

const indicator = (id: string, reference: string): PeiIndicator => ({
  id, planId: 'sdg', kind: 'sectorial', reference, name: id, responsibleUnitId: 'dcds', responsibleArea: 'DCDS', unitOfMeasure: 'personas', method: 'magnitud', variables: null, additive: true, breakdown: { locality: true, differential: ['sexo'] }, planMeta: null, note: null,
});
const indicators = [indicator('sdg-a', 'Indicador sectorial 901'), indicator('sdg-b', 'Meta de gestión 7')];
const row = (o: Record<string, string>) => ({ Indicador: '', Corte: '2026-09-30', Desagregación: 'total', Categoría: '', Valor: '', Numerador: '', Denominador: '', Análisis: '', 'Análisis público': '', 'Explicación variación': '', ...o });

describe('the flat file', () => {
  it('reads numbers as Excel writes them in es-CO, or with a decimal point', () => {
    expect(parseNumber('1.474.056', true)).toBe(1474056);
    expect(parseNumber('53,73', true)).toBe(53.73);
    expect(parseNumber('53.73', false)).toBe(53.73);
    expect(parseNumber(' 98 %', false)).toBe(98);
    expect(parseNumber('', true)).toBeNull();
    expect(parseNumber('doce', true)).toBeNaN();
  });

  it('reads totals, variables, texts and breakdowns, by reference or id, headers in any form', () => {
    const { reports, errors } = readFlatRows(
      [
        row({ Indicador: 'Indicador sectorial 901', Valor: '1.200', Análisis: 'Se atendieron 1.200 personas.', 'Análisis público': 'Sí', 'Explicación variación': '' }),
        row({ Indicador: 'indicador sectorial 901', Desagregación: 'Localidad', Categoría: 'Usaquén', Valor: '700' }),
        row({ Indicador: 'sdg-a', Desagregación: 'localidad', Categoría: 'Bosa', Valor: '500' }),
        row({ Indicador: 'sdg-a', Desagregación: 'sexo', Categoría: 'Mujer', Valor: '1.200' }),
        row({ Indicador: 'Meta de gestión 7', Corte: '30/09/2026', Valor: '4' }),
        row({}),
      ].map((r, i) => (i === 5 ? Object.fromEntries(Object.keys(r).map((k) => [k, ''])) : r)),
      indicators,
      { decimalComma: true },
    );
    expect(errors).toEqual([]);
    expect(reports).toEqual([
      { indicatorId: 'sdg-a', cutoff: '2026-09-30', figures: { executed: 1200, numerator: null, denominator: null, localities: { Usaquén: 700, Bosa: 500 }, differential: { sexo: { Mujer: 1200 } } }, analysis: 'Se atendieron 1.200 personas.', analysisPublic: true, jumpExplanation: '' },
      { indicatorId: 'sdg-b', cutoff: '2026-09-30', figures: { executed: 4, numerator: null, denominator: null, localities: null, differential: {} }, analysis: '', analysisPublic: false, jumpExplanation: '' },
    ]);
  });

  it('refuses the whole file with every row’s error', () => {
    const { reports, errors } = readFlatRows(
      [
        row({ Indicador: 'Indicador sectorial 999', Valor: '1' }),
        row({ Indicador: 'sdg-a', Corte: '31/02/2026', Valor: '1' }),
        row({ Indicador: 'sdg-a', Desagregación: 'barrio', Categoría: 'X', Valor: '1' }),
        row({ Indicador: 'sdg-a', Valor: '-3' }),
        row({ Indicador: 'sdg-a', Desagregación: 'sexo', Valor: '2' }),
        row({ Indicador: 'sdg-b', Corte: '2026-06-30', Valor: '2' }),
      ],
      indicators,
      { decimalComma: true },
    );
    expect(reports).toEqual([]);
    expect(errors).toEqual([
      'Fila 2: «Indicador sectorial 999» no es un indicador de este plan.',
      'Fila 3: «31/02/2026» no es una fecha de corte (use 2026-09-30 o 30/09/2026).',
      'Fila 4: «barrio» no es una desagregación (use total, localidad, sexo, grupo_etario, etnia, discapacidad, victima).',
      'Fila 5: «-3» no es un valor válido (un número igual o mayor que cero).',
      'Fila 6: falta la categoría de la desagregación.',
      'Fila 7: un archivo trae las cifras de un solo corte.',
      'Indicador sectorial 901: falta la fila «total» con la magnitud ejecutada.',
    ]);
    expect(readFlatRows([{ indicador: 'sdg-a', valor: '1' }], indicators, { decimalComma: false }).errors[0]).toBe('Al archivo le faltan las columnas corte, desagregacion. El formato tiene las columnas: indicador, corte, desagregacion, categoria, valor, numerador, denominador, analisis, analisis_publico, explicacion_variacion.');
  });
});
