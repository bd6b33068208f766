import { describe, expect, it } from 'vitest';
import { sampleMeta, sampleReport } from '../testing/samplePlan.js';
import { RANKING_RULES, rankQuarter, type RankingInput } from './ranking.js';

const unit = (unitId: string, unitName: string, metas: RankingInput['metas'], reports: RankingInput['reports'], quarterState: RankingInput['quarterState'] = 'closed'): RankingInput => ({
  unitId,
  unitName,
  unitKind: 'central',
  metas,
  reports,
  quarterState,
});

describe('the ranking of a quarter (activity 12)', () => {
  it('weights each meta’s capped cumulative compliance by its weight, leaving out eliminated metas', () => {
    // A: 60 % weight at 144,52 % (counted as 100 %) and 40 % weight at 50 % → 0,6·1 + 0,4·0,5 = 80 %.
    const a = unit(
      'a',
      'Dirección A',
      [sampleMeta({ id: 'x', weight: 60, programmed: [25, 25, 25, 25], totalMagnitude: 100 }), sampleMeta({ id: 'y', order: 2, weight: 40 }), sampleMeta({ id: 'z', order: 3, weight: 10, eliminated: true })],
      [sampleReport('x', 1, 36.13), sampleReport('y', 1, 5), sampleReport('z', 1, 0)],
    );
    // B: one meta at 90 %.
    const b = unit('b', 'Dirección B', [sampleMeta({ weight: 100 })], [sampleReport('m1', 1, 9)]);
    const [first, second] = rankQuarter([a, b], 1);
    expect(RANKING_RULES.overExecutionCap).toBe(1);
    expect(first).toMatchObject({ position: 1, unitId: 'b', score: 0.9 });
    expect(second!.position).toBe(2);
    expect(second!.score).toBeCloseTo(0.8, 10);
    expect(second!.metas.map((m) => [m.metaId, m.compliance === null ? null : Math.round(m.compliance * 10000) / 100, m.counted, m.excluded])).toEqual([
      ['x', 144.52, 1, null],
      ['y', 50, 0.5, null],
      ['z', null, null, 'eliminated'],
    ]);
    expect(second!.weightCounted).toBe(100);
  });

  it('shares positions on ties, and lists plans whose quarter is not closed after the ranked ones', () => {
    const meta = sampleMeta({ weight: 100 });
    const rows = rankQuarter(
      [
        unit('c', 'Alcaldía C', [meta], [sampleReport('m1', 1, 10)]),
        unit('a', 'Alcaldía A', [meta], [sampleReport('m1', 1, 10)]),
        unit('d', 'Alcaldía D', [meta], [sampleReport('m1', 1, 5)]),
        unit('b', 'Alcaldía B', [meta], [sampleReport('m1', 1, 10)], 'submitted'),
      ],
      1,
    );
    expect(rows.map((r) => [r.unitId, r.position])).toEqual([
      ['a', 1],
      ['c', 1],
      ['d', 3],
      ['b', null],
    ]);
  });

  it('leaves out metas with nothing programmed yet, and a plan with none is unranked', () => {
    const late = sampleMeta({ programmed: [null, null, 20, 20] });
    const [row] = rankQuarter([unit('a', 'A', [late], [])], 1);
    expect(row).toMatchObject({ position: null, score: null });
    expect(row!.metas[0]!.excluded).toBe('not_programmed');
  });
});
