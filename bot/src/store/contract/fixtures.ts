import type { IsoDate, Acta, Commitment, MonthReview, Plenaria } from '@okr/core';
import type { MonthReviewWrite, Store } from '../Store.js';

/** What each module's contract gets: a factory of empty stores whose clock reads 2026-11-23, and one of stores holding the demo seed. */
export interface ContractContext {
  makeStore: () => Promise<Store>;
  seeded: () => Promise<Store>;
}

/** A plenaria menor of a unit (or, with unit null, entity-wide) presided by its líder, written by its enlace. */
export function plenaria(id: string, unitId: string | null, date: IsoDate, startTime: string): Plenaria {
  const unit = unitId ?? 'despacho';
  return {
    id,
    kind: 'menor',
    unitId,
    date,
    startTime,
    modality: 'presencial',
    location: 'Sala de juntas, piso 3',
    presidingId: `lider-${unit}`,
    secretaryId: `enlace-${unit}`,
    createdBy: `enlace-${unit}`,
    createdAt: '2027-01-15T14:00:00.000Z',
  };
}

/** Document version `documentVersion` of a plenaria's acta, in draft, at version 1. */
export function acta(plenariaId: string, documentVersion: number): Acta {
  return {
    plenariaId,
    documentVersion,
    version: 1,
    draft: {
      startTime: '09:00',
      endTime: '11:00',
      objective: 'Revisar en equipo el avance de los OKR del trimestre.',
      attendeeIds: ['lider-al-usaquen', 'enlace-al-usaquen', 'miembro-al-usaquen'],
      guests: ['Invitada de la Secretaría de Planeación'],
      agenda: ['Bienvenida', 'Revisión de los OKR', 'Compromisos'],
      development: '',
      proposals: [],
      conversations: 'El equipo conversó sobre las PQRS represadas: "rezago" y comillas \' incluidas.',
      feedback: 'Reconocer el esfuerzo del equipo territorial.\nSegunda línea.',
      recognitions: [{ id: 'r1', personId: 'miembro-al-usaquen', team: null, reason: 'Depuró el rezago de PQRS.' }],
      decisions: ['Priorizar las PQRS de más de 15 días.'],
      commitments: [{ id: 'c1', task: 'Programar las mesas por UPZ', ownerId: 'miembro-al-usaquen', due: '2027-03-15' }],
    },
    okrResults: [{ objective: 'Agilizar la respuesta', keyResult: 'Responder a tiempo el 95 % de las PQRS', progress: '45 %', status: 'En riesgo' }],
    snapshotAt: '2027-02-10T14:00:00.000Z',
    signatures: { secretary: null, presiding: null },
    sentToOap: null,
    fileName: null,
    correctionReason: null,
    createdBy: 'enlace-al-usaquen',
    createdAt: '2027-02-10T14:00:00.000Z',
    updatedBy: 'enlace-al-usaquen',
    updatedAt: '2027-02-10T14:00:00.000Z',
  };
}

export function commitment(p: Plenaria, id: string, ownerId: string, due: IsoDate): Commitment {
  return {
    id: `${p.id}:${id}`,
    plenariaId: p.id,
    unitId: p.unitId,
    task: `Compromiso ${id} de ${p.id}`,
    ownerId,
    due,
    status: 'abierto',
    notes: [],
    impact: null,
    version: 1,
    createdAt: '2027-02-12T15:00:00.000Z',
    updatedAt: '2027-02-12T15:00:00.000Z',
  };
}

/**
 * An ETI decision on a unit's month, as the review service writes it: the review at the version
 * after `expectedVersion` (null: the month had none), and its history event.
 */
export function monthReviewWrite(
  review: Pick<MonthReview, 'unitId' | 'period' | 'state'> & Partial<MonthReview>,
  expectedVersion: number | null = null,
): MonthReviewWrite {
  const full: MonthReview = { actorId: 'eti-1', at: '2026-11-05T14:00:00.000Z', note: null, observations: [], checkInVersions: {}, ...review, version: (expectedVersion ?? 0) + 1 };
  return {
    review: full,
    expectedVersion,
    event: {
      id: `${full.unitId}|${full.period}|${full.version}`,
      unitId: full.unitId,
      period: full.period,
      action: full.state === 'closed' ? 'close' : 'request_correction',
      actorId: full.actorId,
      at: full.at,
      note: full.note,
      observations: full.observations,
    },
  };
}
