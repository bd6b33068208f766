import { describe, expect, it } from 'vitest';
import type { KeyResult } from './types.js';
import { qualityAlerts } from './setQuality.js';
import { sampleBundle } from './testing/sampleSet.js';

describe('quality alerts for a set being formulated', () => {
  it('has none for a well-formed 1 / 3 / 9 set', () => {
    const { objectives, keyResults } = sampleBundle();
    expect(qualityAlerts(objectives, keyResults)).toEqual([]);
  });

  it('flags each form problem the coach looks at, in Spanish', () => {
    const { objectives, keyResults } = sampleBundle();
    const krs: KeyResult[] = keyResults.map((k) => {
      if (k.id === 'kr11') return { ...k, target: 0 }; // target = baseline
      if (k.id === 'kr21') return { ...k, target: 150 }; // percentage over 100
      if (k.id === 'kr12') return { ...k, direction: 'increase' as const }; // 15 → 10 marked as increase
      if (k.id === 'kr13') return { ...k, title: 'Realizar 12 mesas técnicas' }; // milestone with a number
      if (k.id === 'kr22') return { ...k, title: 'x'.repeat(121) };
      return k;
    });
    const extra: KeyResult = { ...krs[0]!, id: 'kr14', title: 'Cuarto resultado', target: 50 };
    const alerts = qualityAlerts(objectives, [...krs.filter((k) => k.objectiveId !== 'ot3'), extra]);
    expect(alerts.map((a) => [a.code, a.targetId])).toEqual([
      ['shape', 'ot1'],
      ['no_krs', 'ot3'],
      ['target_equals_baseline', 'kr11'],
      ['direction_mismatch', 'kr12'],
      ['milestone_with_number', 'kr13'],
      ['percentage_over_100', 'kr21'],
      ['long_title', 'kr22'],
    ]);
    expect(alerts.find((a) => a.code === 'no_krs')?.message).toBe('«Táctico 3» no tiene resultados clave.');
    // A fourth key result is said once, not by the shape check and the quality check both (issue 14, item 7).
    expect(alerts.filter((a) => a.message.includes('tiene 4 resultados clave'))).toEqual([{ code: 'shape', targetId: 'ot1', message: '«Táctico 1» tiene 4 resultados clave; el estándar es 3.' }]);
    expect(alerts.filter((a) => a.targetId === 'ot3')).toHaveLength(1);
    expect(alerts.find((a) => a.code === 'target_equals_baseline')?.message).toBe('«Resultado 1.1»: la meta es igual a la línea base; no mediría ningún avance.');
  });
});
