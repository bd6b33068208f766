import type { CheckIn, KeyResult, Objective, OkrSetBundle, Unit } from '../types.js';

/** A small 1 / 3 / 9 set for core tests: Usaquén, T4 2026. */
export const unit: Unit = { id: 'al-usaquen', name: 'Alcaldía Local de Usaquén', kind: 'alcaldia', level: 'alcaldia', parentId: null };

export function sampleBundle(): OkrSetBundle {
  const set = { id: 's', unitId: unit.id, quarter: '2026-Q4' as const, state: 'active' as const, institutionalObjectiveId: 'oe1', version: 1 };
  const objectives: Objective[] = [
    { id: 'oe', setId: 's', parentId: null, level: 'strategic', title: 'Acercar la alcaldía a la ciudadanía', order: 0 },
    ...[1, 2, 3].map((n): Objective => ({ id: `ot${n}`, setId: 's', parentId: 'oe', level: 'tactical', title: `Táctico ${n}`, order: n })),
  ];
  const keyResults: KeyResult[] = [1, 2, 3].flatMap((t) =>
    [1, 2, 3].map(
      (k): KeyResult => ({
        id: `kr${t}${k}`,
        setId: 's',
        objectiveId: `ot${t}`,
        title: `Resultado ${t}.${k}`,
        kind: k === 3 ? 'milestone' : k === 2 ? 'number' : 'percentage',
        unitOfMeasure: k === 2 ? 'días' : k === 3 ? 'hito' : '%',
        baseline: k === 2 ? 15 : 0,
        target: k === 2 ? 10 : k === 3 ? 1 : 100,
        direction: k === 2 ? 'decrease' : 'increase',
        ownerId: null,
        order: k,
      }),
    ),
  );
  return { set, objectives, keyResults };
}

export function checkIn(keyResultId: string, period: string, value: number, version = 1): CheckIn {
  return {
    id: `${keyResultId}-${period}`,
    keyResultId,
    unitId: unit.id,
    period,
    value,
    comment: `Avance de ${period}`,
    evidenceUrl: 'https://gobiernobogota.sharepoint.com/e',
    authorId: 'enlace-al-usaquen',
    createdAt: `${period}-25T15:00:00Z`,
    updatedAt: `${period}-25T15:00:00Z`,
    version,
  };
}
