import { newActaDraft, type Acta, type OkrSetState, type Plenaria, type QuarterId, type WorkflowAction } from '@okr/core';
import type { Store } from '../store/Store.js';

/** Test data for what waits for líderes, signers, coaches and the OAP (the weekly digests), on the demo seed. */

/** A unit's set for `quarter`, copied from its demo set of 2026-Q4, moved along the workflow to `state`. */
export async function setIn(store: Store, unitId: string, quarter: QuarterId, state: 'coach_review' | 'leader_approval'): Promise<void> {
  const demo = (await store.getSet(unitId, '2026-Q4'))!;
  const setId = `set-${unitId}-${quarter}`;
  const id = (x: string) => `${x}-${quarter}`;
  await store.createSet({
    actorId: `enlace-${unitId}`,
    setId,
    unitId,
    quarter,
    content: {
      institutionalObjectiveId: demo.set.institutionalObjectiveId,
      objectives: demo.objectives.map(({ setId: _, ...o }) => ({ ...o, id: id(o.id), parentId: o.parentId && id(o.parentId) })),
      keyResults: demo.keyResults.map(({ setId: _, ...k }) => ({ ...k, id: id(k.id), objectiveId: id(k.objectiveId) })),
    },
  });
  const steps: Array<[WorkflowAction, OkrSetState, OkrSetState, string]> = [
    ['submit', 'draft', 'coach_review', `enlace-${unitId}`],
    ['approveForm', 'coach_review', 'leader_approval', 'coach-1'],
  ];
  for (const [action, from, to, actorId] of steps.slice(0, state === 'coach_review' ? 1 : 2)) {
    const set = (await store.getSetById(setId))!.set;
    await store.transitionSet({ actorId, setId, action, from, to, expectedVersion: set.version, comment: null });
  }
}

/** A plenaria menor of a unit (its líder presides, its enlace is secretary) with a complete acta, optionally signed by the secretary. */
export async function plenariaWithActa(store: Store, unitId: string, date: string, opts: { secretarySigned?: boolean; acta?: boolean } = {}): Promise<Plenaria> {
  const plenaria: Plenaria = {
    id: `test-pl-${unitId}-${date}`,
    kind: 'menor',
    unitId,
    date,
    startTime: '09:00',
    modality: 'presencial',
    location: 'Sala de juntas',
    presidingId: `lider-${unitId}`,
    secretaryId: `enlace-${unitId}`,
    createdBy: `enlace-${unitId}`,
    createdAt: `${date}T13:00:00.000Z`,
  };
  await store.createPlenaria(plenaria, plenaria.createdBy);
  if (opts.acta === false) return plenaria;
  const at = `${date}T20:00:00.000Z`;
  const acta: Acta = {
    plenariaId: plenaria.id,
    documentVersion: 1,
    version: 1,
    draft: { ...newActaDraft(plenaria, unitId, [`miembro-${unitId}`]), development: 'Se revisó el avance del trimestre.', conversations: 'Sobre las metas atrasadas.' },
    okrResults: [],
    snapshotAt: at,
    signatures: { secretary: opts.secretarySigned ? { personId: plenaria.secretaryId, at } : null, presiding: null },
    sentToOap: null,
    fileName: null,
    correctionReason: null,
    createdBy: plenaria.secretaryId,
    createdAt: at,
    updatedBy: plenaria.secretaryId,
    updatedAt: at,
  };
  await store.writeActa({ actorId: plenaria.secretaryId, action: 'create', acta, expectedVersion: null });
  return plenaria;
}

