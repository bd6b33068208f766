import { describe, expect, it } from 'vitest';
import { buildTree, latestByKeyResult } from './tree.js';
import { checkIn, sampleBundle, unit } from './testing/sampleSet.js';

const objectives = [{ id: 'oe1', code: 'OE1', title: 'Gobernabilidad local' }];

describe('OKR tree', () => {
  it('rolls progress up from key results to tactical to strategic, with a status at every level', () => {
    const bundle = sampleBundle();
    const checkIns = [
      checkIn('kr11', '2026-10', 30),
      checkIn('kr11', '2026-11', 60), // latest month wins
      checkIn('kr12', '2026-11', 12), // 15 → 10 days: 60 %
      checkIn('kr13', '2026-11', 1), // milestone done
      checkIn('kr21', '2026-11', 10),
    ];
    const tree = buildTree({ unit, quarter: '2026-Q4', asOf: '2026-11-23', bundle, checkIns, institutionalObjectives: objectives });
    expect(tree.expected).toBeCloseTo(54 / 92);
    expect(tree.institutionalObjective?.code).toBe('OE1');
    const [t1, t2, t3] = tree.strategic!.children;
    expect(t1!.keyResults.map((k) => [k.id, k.progress, k.status])).toEqual([
      ['kr11', 0.6, 'en_curso'],
      ['kr12', expect.closeTo(0.6), 'en_curso'],
      ['kr13', 1, 'completado'],
    ]);
    expect(t1!.keyResults[0]!.history).toEqual([
      { period: '2026-10', value: 30 },
      { period: '2026-11', value: 60 },
    ]);
    expect(t1!.progress).toBeCloseTo((0.6 + 0.6 + 1) / 3);
    expect(t2!.progress).toBeCloseTo(0.1 / 3);
    expect(t2!.status).toBe('en_riesgo');
    expect(t3!.progress).toBeNull();
    expect(t3!.status).toBe('no_iniciado');
    expect(tree.strategic!.progress).toBeCloseTo(((0.6 + 0.6 + 1) / 3 + 0.1 / 3 + 0) / 3);
    expect(tree.shape?.ok).toBe(true);
  });

  it('marks an objective completado when all its results are complete', () => {
    const bundle = sampleBundle();
    const checkIns = ['kr11', 'kr12', 'kr13'].map((id) => checkIn(id, '2026-11', id === 'kr12' ? 10 : id === 'kr13' ? 1 : 100));
    const tree = buildTree({ unit, quarter: '2026-Q4', asOf: '2026-11-23', bundle, checkIns, institutionalObjectives: objectives });
    expect(tree.strategic!.children[0]!.status).toBe('completado');
  });

  it('is an empty view when the unit has no set for the quarter', () => {
    const tree = buildTree({ unit, quarter: '2027-Q1', asOf: '2026-11-23', bundle: null, checkIns: [], institutionalObjectives: objectives });
    expect(tree).toMatchObject({ set: null, strategic: null, shape: null, expected: 0 });
  });

  it('takes each KR’s latest check-in by month whatever the input order, and weighs the roll-up', () => {
    const bundle = sampleBundle();
    bundle.keyResults = bundle.keyResults.map((k) => (k.id === 'kr11' ? { ...k, weight: 2 } : k));
    const checkIns = [
      checkIn('kr11', '2026-12', 90),
      checkIn('kr11', '2026-10', 20),
      checkIn('kr11', '2026-11', 50),
      checkIn('kr12', '2026-11', 13, 1),
      checkIn('kr12', '2026-11', 11, 2), // a later version of the same month: 80 %
      checkIn('kr12', '2026-11', 14, 1),
    ].reverse();
    const tree = buildTree({ unit, quarter: '2026-Q4', asOf: '2026-12-31', bundle, checkIns, institutionalObjectives: [] });
    const t1 = tree.strategic!.children[0]!;
    const [kr11, kr12, kr13] = t1.keyResults;
    expect(tree.expected).toBe(1);
    expect(kr11).toMatchObject({ progress: 0.9, status: 'en_curso', latest: { period: '2026-12', value: 90 } });
    expect(kr11!.history.map((h) => h.period)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(kr12!.latest?.value).toBe(11);
    expect(kr12!.progress).toBeCloseTo(0.8);
    expect(kr12!.status).toBe('atrasado'); // 20 points behind at the quarter's end
    expect(kr13).toMatchObject({ progress: null, displayProgress: 0, status: 'no_iniciado', latest: null, history: [] });
    expect(t1.progress).toBeCloseTo((2 * 0.9 + 0.8 + 0) / 4);
    expect(t1.status).toBe('en_riesgo');
    expect(tree.institutionalObjective).toBeNull();
  });

  it('takes the latest check-in of each KR by month, then by version', () => {
    const latest = latestByKeyResult([checkIn('a', '2026-11', 1, 1), checkIn('a', '2026-11', 2, 2), checkIn('a', '2026-10', 9, 5)]);
    expect(latest.get('a')?.value).toBe(2);
  });
});
