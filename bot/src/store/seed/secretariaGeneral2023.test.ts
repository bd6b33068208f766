import { describe, expect, it } from 'vitest';
import { cutoffFigures, objectiveCompliance } from '@okr/core';
import { SG_CUTOFF, SG_OBJECTIVES, SG_PROGRAMMING, SG_ROWS, SG_VALUES, SG_WEIGHTS } from './secretariaGeneral2023.js';

/** What seed 002 prints, page by page: each objective's figure, and each indicator's % and status. */
const PRINTED_OBJECTIVES = [98.49, 100, 100, 100, 99.13, 100, 97.5, 100];
const PRINTED_INDICATORS: Record<string, { percent: number; status: string }> = {
  'sg-321': { percent: 98.31, status: 'Rezago 1,69 %' },
  'sg-7871-4': { percent: 100, status: 'En cumplimiento' },
  'sg-464': { percent: 100, status: 'En cumplimiento' },
  'sg-543': { percent: 100, status: 'En cumplimiento' },
  'sg-554': { percent: 100, status: 'En cumplimiento' },
  'sg-552': { percent: 100, status: 'En cumplimiento' },
  'sg-513': { percent: 100, status: 'En cumplimiento' },
  'sg-514': { percent: 100, status: 'En cumplimiento' },
  // Printed «Rezago del 46.27%» and «Sobre ejecución del 44.52%», «Rezago 5%».
  'sg-545': { percent: 53.73, status: 'Rezago 46,27 %' },
  'sg-546': { percent: 144.52, status: 'Sobre ejecución 44,52 %' },
  'sg-551': { percent: 100, status: 'En cumplimiento' },
  'sg-g-presupuesto': { percent: 95, status: 'Rezago 5 %' },
  'sg-g-recursos': { percent: 100, status: 'En cumplimiento' },
  'sg-g-pic': { percent: 100, status: 'En cumplimiento' },
};
/** The one indicator, and the one objective, whose printed figure its magnitudes do not give (ADR 13). */
const IRREPRODUCIBLE_INDICATOR = 'sg-321';
const IRREPRODUCIBLE_OBJECTIVE = 1;

const figuresOf = (id: string) =>
  cutoffFigures(SG_PROGRAMMING.find((p) => p.indicatorId === id), SG_VALUES.find((v) => v.indicatorId === id)!.executed, SG_CUTOFF);
const complianceOf = (objectiveId: string) =>
  objectiveCompliance(SG_WEIGHTS.filter((w) => w.objectiveId === objectiveId).map((w) => ({ indicatorId: w.indicatorId, weight: w.weight, figures: figuresOf(w.indicatorId) })));

describe('seed 002 reproduced from its magnitudes (Secretaría General, 30 June 2023)', () => {
  it('holds every printed row: 8 objectives, 15 rows of 14 indicators, 543 in objectives 2 and 3', () => {
    expect(SG_OBJECTIVES).toHaveLength(8);
    expect(SG_WEIGHTS).toHaveLength(15);
    expect(SG_ROWS).toHaveLength(14);
    expect(SG_WEIGHTS.filter((w) => w.indicatorId === 'sg-543').map((w) => w.objectiveId)).toEqual(['sg-oe2', 'sg-oe3']);
    expect(Object.keys(PRINTED_INDICATORS).sort()).toEqual(SG_ROWS.map((r) => r[1]).sort());
  });

  it('computes every indicator’s % and status text as printed, to 0,01 %', () => {
    for (const [id, printed] of Object.entries(PRINTED_INDICATORS)) {
      if (id === IRREPRODUCIBLE_INDICATOR) continue;
      const f = figuresOf(id);
      expect(Math.abs(f.percent! * 100 - printed.percent), id).toBeLessThanOrEqual(0.005);
      expect(f.status.text, id).toBe(printed.status);
    }
  });

  it('computes every objective’s compliance as printed with equal weights, to 0,01 %', () => {
    PRINTED_OBJECTIVES.forEach((printed, i) => {
      if (i + 1 === IRREPRODUCIBLE_OBJECTIVE) return;
      expect(Math.abs(complianceOf(`sg-oe${i + 1}`).value! * 100 - printed), `objetivo ${i + 1}`).toBeLessThanOrEqual(0.005);
    });
    expect(complianceOf('sg-oe5').value! * 100).toBeCloseTo(99.127, 3); // 53,73 % and 144,52 %, uncapped
  });

  it('cannot reproduce objective 1: its 98,49 % is below both of its indicators’ % from the magnitudes', () => {
    // Indicator 321: 72,50 / 73,50 = 98,64 %, printed 98,31 % (and «Rezago 1,69%»).
    const f321 = figuresOf('sg-321');
    expect(f321.percent! * 100).toBeCloseTo(98.639, 3);
    expect(f321.status.text).toBe('Rezago 1,36 %');
    expect(Math.abs(f321.percent! * 100 - PRINTED_INDICATORS['sg-321']!.percent)).toBeGreaterThan(0.3);
    // The objective: equal weights give 99,32 %; a weighted mean lies between its parts (98,64 % and 100 %), so no weights give 98,49 %.
    const o1 = complianceOf('sg-oe1');
    expect(o1.value! * 100).toBeCloseTo(99.32, 2);
    const lowest = Math.min(...o1.counted.map((c) => figuresOf(c.indicatorId).percent! * 100));
    expect(PRINTED_OBJECTIVES[0]).toBeLessThan(lowest);
    // Not even with the printed 98,31 %: equal weights would give 99,16 %, not 98,49 %.
    expect((98.31 + 100) / 2).toBeCloseTo(99.155, 3);
  });
});
