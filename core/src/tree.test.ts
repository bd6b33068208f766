import { describe, expect, it } from 'vitest';
import { buildTree, latestByKeyResult } from './tree.js';
import { checkShape } from './shape.js';
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

  it('takes the latest check-in of each KR by month, then by version', () => {
    const latest = latestByKeyResult([checkIn('a', '2026-11', 1, 1), checkIn('a', '2026-11', 2, 2), checkIn('a', '2026-10', 9, 5)]);
    expect(latest.get('a')?.value).toBe(2);
  });
});

describe('1 / 3 / 9 shape check', () => {
  it('accepts the standard shape', () => {
    const { objectives: o, keyResults: k } = sampleBundle();
    expect(checkShape(o, k)).toMatchObject({ ok: true, strategic: 1, tactical: 3, keyResults: 9, issues: [] });
  });

  it('reports each deviation in Spanish', () => {
    const { objectives: o, keyResults: k } = sampleBundle();
    const check = checkShape(
      o.filter((x) => x.id !== 'ot3'),
      k.filter((x) => x.objectiveId !== 'ot3' && x.id !== 'kr23'),
    );
    expect(check.ok).toBe(false);
    expect(check.issues.map((i) => i.message)).toEqual([
      'El set tiene 2 objetivos tácticos; el estándar es 3.',
      '«Táctico 2» tiene 2 resultados clave; el estándar es 3.',
    ]);
    expect(checkShape([], []).issues[0]!.message).toBe('El set tiene 0 objetivos estratégicos; el estándar es 1.');
  });
});
