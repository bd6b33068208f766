import { describe, expect, it } from 'vitest';
import { formatCompliance } from './format.js';
import { PROGRAMMING, metaFigures } from './programming.js';

/** Worked examples of the four programming types, written out: what the OAP would compute by hand. */
describe('programming types: cumulative figures and compliance', () => {
  it('suma — seed 002’s 144,52 %: PQRS received by other channels, 208.446 in the year, 104.220 programmed at June, 150.623 executed', () => {
    // Programmed 52.110 + 52.110 + 52.113 + 52.113 = 208.446; at Q2 the programming adds up to 104.220.
    const programmed = [52110, 52110, 52113, 52113] as const;
    expect(PROGRAMMING.suma.check([...programmed], 208446)).toEqual([]);
    // Executed 75.000 in Q1 and 75.623 in Q2: the running sum is 150.623.
    const f = metaFigures('suma', [...programmed], 208446, [75000, 75623, null, null], 2);
    expect(f.programmedCumulative).toBe(104220);
    expect(f.executedCumulative).toBe(150623);
    // 150.623 / 104.220 = 1,44524… — uncapped: over-execution is reported as it is.
    expect(formatCompliance(f.cumulativeCompliance)).toBe('144,52 %');
    // The quarter alone: 75.623 / 52.110 = 145,12 %.
    expect(formatCompliance(f.quarterCompliance)).toBe('145,12 %');
    // Against the year's 208.446: 72,26 %.
    expect(formatCompliance(f.yearCompliance)).toBe('72,26 %');
    expect(f.behind).toBe(false);
  });

  it('suma: quarters that do not add up to the total are refused, and nothing programmed yet is no compliance', () => {
    expect(PROGRAMMING.suma.check([10, 10, 10, 5], 40)).toEqual(['sum_differs']);
    expect(PROGRAMMING.suma.check([10, null, 20, 10], 40)).toEqual([]);
    expect(PROGRAMMING.suma.check([10, -5, 25, 10], 40)).toEqual(['negative']);
    expect(PROGRAMMING.suma.check([null, null, null, null], 0)).toEqual(['nothing_programmed']);
    const f = metaFigures('suma', [null, null, 20, 20], 40, [null, null, null, null], 2);
    expect(f.programmedCumulative).toBeNull();
    expect(f.cumulativeCompliance).toBeNull();
  });

  it('constante with a missing quarter — 100 % of PQRS answered on time every quarter; Q2 not reported', () => {
    const programmed: [number, number, number, number] = [100, 100, 100, 100];
    expect(PROGRAMMING.constante.check(programmed, 100)).toEqual([]);
    expect(PROGRAMMING.constante.check([100, 90, 100, 100], 100)).toEqual(['constant_differs']);
    // Q1 95, Q2 missing, Q3 85: the cumulative is the average of the quarters reported, (95 + 85) / 2 = 90.
    const q3 = metaFigures('constante', programmed, 100, [95, null, 85, null], 3);
    expect(q3.executedCumulative).toBe(90);
    expect(q3.programmedCumulative).toBe(100);
    expect(formatCompliance(q3.cumulativeCompliance)).toBe('90,00 %');
    expect(formatCompliance(q3.quarterCompliance)).toBe('85,00 %');
    expect(q3.behind).toBe(true);
    // At Q2 only Q1 counts: 95 %; the quarter itself has no compliance (nothing reported).
    const q2 = metaFigures('constante', programmed, 100, [95, null, 85, null], 2);
    expect(q2.executedCumulative).toBe(95);
    expect(q2.quarterCompliance).toBeNull();
  });

  it('creciente whose execution goes down — expedientes digitalizados 20, 40, 60, 80 %; reported 22, 41, then 38', () => {
    const programmed: [number, number, number, number] = [20, 40, 60, 80];
    expect(PROGRAMMING.creciente.check(programmed, 80)).toEqual([]);
    expect(PROGRAMMING.creciente.check([20, 40, 30, 80], 80)).toEqual(['goes_down']);
    expect(PROGRAMMING.creciente.check([20, 40, 60, 70], 80)).toEqual(['last_differs']);
    const f = metaFigures('creciente', programmed, 80, [22, 41, 38, null], 3);
    // The cumulative is the latest level, 38, against the level programmed at Q3, 60: 63,33 %.
    expect(f.executedCumulative).toBe(38);
    expect(f.programmedCumulative).toBe(60);
    expect(formatCompliance(f.cumulativeCompliance)).toBe('63,33 %');
    expect(f.wrongWay).toBe(true);
    expect(f.behind).toBe(true);
    // Q2 was on track: 41 / 40 = 102,50 %, and going up is the right way.
    const q2 = metaFigures('creciente', programmed, 80, [22, 41, 38, null], 2);
    expect(formatCompliance(q2.cumulativeCompliance)).toBe('102,50 %');
    expect(q2.wrongWay).toBe(false);
  });

  it('decreciente — average days to answer a PQRS, from 15 down to 10; less is better', () => {
    const programmed: [number, number, number, number] = [15, 13, 12, 10];
    expect(PROGRAMMING.decreciente.check(programmed, 10)).toEqual([]);
    expect(PROGRAMMING.decreciente.check([15, 16, 12, 10], 10)).toEqual(['goes_up']);
    // Q1: 14 days against 15 programmed: (2·15 − 14) / 15 = 16/15 = 106,67 %.
    expect(formatCompliance(metaFigures('decreciente', programmed, 10, [14, null, null, null], 1).cumulativeCompliance)).toBe('106,67 %');
    // Q3: the latest level, 11 days, against 12: (24 − 11) / 12 = 108,33 %; against the year's 10: (20 − 11) / 10 = 90 %.
    const q3 = metaFigures('decreciente', programmed, 10, [14, 13, 11, null], 3);
    expect(q3.executedCumulative).toBe(11);
    expect(formatCompliance(q3.cumulativeCompliance)).toBe('108,33 %');
    expect(formatCompliance(q3.yearCompliance)).toBe('90,00 %');
    expect(q3.behind).toBe(false);
    // 18 days against 12 is behind: (24 − 18) / 12 = 50 %; twice the level or worse is 0 %, never negative.
    expect(formatCompliance(metaFigures('decreciente', programmed, 10, [14, 13, 18, null], 3).cumulativeCompliance)).toBe('50,00 %');
    expect(metaFigures('decreciente', programmed, 10, [14, 13, 30, null], 3).cumulativeCompliance).toBe(0);
    // Going up is the wrong way for a decreciente meta.
    expect(metaFigures('decreciente', programmed, 10, [14, 16, null, null], 2).wrongWay).toBe(true);
    // Nothing reported is 0 %, not 200 %.
    expect(metaFigures('decreciente', programmed, 10, [null, null, null, null], 1).cumulativeCompliance).toBe(0);
    // A level of 0 to reach: 0 reached is 100 %, anything else 0 %.
    expect(PROGRAMMING.decreciente.compliance(0, 0)).toBe(1);
    expect(PROGRAMMING.decreciente.compliance(2, 0)).toBe(0);
  });
});
