import { describe, expect, it } from 'vitest';
import type { KeyResult, Objective } from './types.js';
import { checkShape, STANDARD_SHAPE } from './shape.js';
import { sampleBundle } from './testing/sampleSet.js';

const extraKr = (objectiveId: string, id: string): KeyResult => ({
  id,
  setId: 's',
  objectiveId,
  title: `Extra ${id}`,
  kind: 'number',
  unitOfMeasure: 'trámites',
  baseline: 0,
  target: 10,
  direction: 'increase',
  ownerId: null,
  order: 9,
});

describe('1 / 3 / 9 shape check', () => {
  it('accepts the standard shape', () => {
    expect(STANDARD_SHAPE).toEqual({ strategic: 1, tactical: 3, keyResultsPerTactical: 3 });
    const { objectives, keyResults } = sampleBundle();
    expect(checkShape(objectives, keyResults)).toEqual({ ok: true, strategic: 1, tactical: 3, keyResults: 9, issues: [] });
  });

  it('reports a missing tactical objective in Spanish', () => {
    const { objectives, keyResults } = sampleBundle();
    const check = checkShape(
      objectives.filter((o) => o.id !== 'ot3'),
      keyResults.filter((k) => k.objectiveId !== 'ot3'),
    );
    expect(check).toMatchObject({ ok: false, strategic: 1, tactical: 2, keyResults: 6 });
    expect(check.issues).toEqual([{ code: 'tactical_count', message: 'El set tiene 2 objetivos tácticos; el estándar es 3.' }]);
  });

  it('names the tactical objective with 2 or 4 key results', () => {
    const { objectives, keyResults } = sampleBundle();
    const check = checkShape(objectives, [...keyResults.filter((k) => k.id !== 'kr23'), extraKr('ot3', 'kr34')]);
    expect(check.ok).toBe(false);
    expect(check.keyResults).toBe(9);
    expect(check.issues).toEqual([
      { code: 'kr_count', objectiveId: 'ot2', message: '«Táctico 2» tiene 2 resultados clave; el estándar es 3.' },
      { code: 'kr_count', objectiveId: 'ot3', message: '«Táctico 3» tiene 4 resultados clave; el estándar es 3.' },
    ]);
  });

  it('reports a missing or a second strategic objective', () => {
    const { objectives, keyResults } = sampleBundle();
    expect(checkShape(objectives.filter((o) => o.level !== 'strategic'), keyResults).issues.map((i) => i.message)).toEqual([
      'El set tiene 0 objetivos estratégicos; el estándar es 1.',
    ]);
    const second: Objective = { id: 'oe2', setId: 's', parentId: null, level: 'strategic', title: 'Otro', order: 9 };
    expect(checkShape([...objectives, second], keyResults).issues).toEqual([
      { code: 'strategic_count', message: 'El set tiene 2 objetivos estratégicos; el estándar es 1.' },
    ]);
  });

  it('reports every deviation of an empty set', () => {
    expect(checkShape([], []).issues.map((i) => i.code)).toEqual(['strategic_count', 'tactical_count']);
  });
});
