/**
 * Plenarias, actas and commitments as the API sends them (core/src/api.ts), for component tests
 * and local previews: Alcaldía Local de Usaquén, T4 2026, seen on 23 November 2026.
 */
import type { Acta, ActaDraft, ActaStatus, ActaView, CommitmentView, OapActasResponse, PersonRef, Plenaria, PlenariaSummary, PlenariasResponse } from '@okr/core';

export const PEOPLE: PersonRef[] = [
  { id: 'lider-al-usaquen', name: 'Marcela Rincón Páez', jobTitle: 'Alcalde/sa Local — Alcaldía Local de Usaquén' },
  { id: 'enlace-al-usaquen', name: 'Andrés Gómez Torres', jobTitle: 'Enlace OKR — Alcaldía Local de Usaquén' },
  { id: 'miembro-al-usaquen', name: 'Luisa Fernanda Díaz', jobTitle: 'Profesional — Alcaldía Local de Usaquén' },
  { id: 'lider-despacho', name: 'Camilo Restrepo Niño', jobTitle: 'Secretario Distrital de Gobierno — Despacho' },
  { id: 'oap-1', name: 'Paola Suárez Medina', jobTitle: 'Profesional — Oficina Asesora de Planeación' },
];

export function plenaria(over: Partial<Plenaria> = {}): Plenaria {
  return {
    id: 'pl-usaquen-q4',
    kind: 'menor',
    unitId: 'al-usaquen',
    date: '2026-11-20',
    startTime: '09:00',
    modality: 'mixta',
    location: 'Sala de juntas, piso 2 https://teams.microsoft.com/l/meetup-join/abc',
    presidingId: 'lider-al-usaquen',
    secretaryId: 'enlace-al-usaquen',
    createdBy: 'enlace-al-usaquen',
    createdAt: '2026-11-02T14:00:00.000Z',
    ...over,
  };
}

export function actaStatus(over: Partial<ActaStatus> = {}): ActaStatus {
  return { documentVersion: 1, state: 'draft', deadline: '2026-12-02', oapStatus: 'pendiente', sentOn: null, ...over };
}

export function summary(over: Partial<PlenariaSummary> = {}, p: Partial<Plenaria> = {}): PlenariaSummary {
  return {
    plenaria: plenaria(p),
    unitName: 'Alcaldía Local de Usaquén',
    presidingName: 'Marcela Rincón Páez',
    secretaryName: 'Andrés Gómez Torres',
    acta: actaStatus(),
    canEdit: true,
    canChange: true,
    ...over,
  };
}

export function plenariasResponse(over: Partial<PlenariasResponse> = {}): PlenariasResponse {
  return {
    quarter: '2026-Q4',
    plenarias: [summary()],
    warnings: [],
    unreadable: [],
    canSchedule: { menorUnitIds: ['al-usaquen'], mayorUnitIds: [], entityWide: false, validation: false },
    people: PEOPLE,
    ...over,
  };
}

export function draft(over: Partial<ActaDraft> = {}): ActaDraft {
  return {
    startTime: '09:00',
    endTime: '11:00',
    objective: 'Revisar en equipo el avance de los OKR de Alcaldía Local de Usaquén en el trimestre.',
    attendeeIds: ['lider-al-usaquen', 'enlace-al-usaquen'],
    guests: [],
    agenda: ['Bienvenida y verificación de asistencia', 'Revisión del avance de los OKR del trimestre'],
    development: '',
    proposals: [],
    conversations: '',
    feedback: '',
    recognitions: [],
    decisions: [],
    commitments: [],
    ...over,
  };
}

export function acta(over: Partial<Acta> = {}): Acta {
  return {
    plenariaId: 'pl-usaquen-q4',
    documentVersion: 1,
    version: 3,
    draft: draft(),
    okrResults: [
      { objective: 'Agilizar la respuesta a los requerimientos ciudadanos', keyResult: 'Reducir el tiempo promedio de respuesta a PQRS', progress: '40 %', status: 'En curso' },
      { objective: 'Agilizar la respuesta a los requerimientos ciudadanos', keyResult: 'Responder a tiempo el 95 % de las PQRS', progress: '45 %', status: 'En riesgo' },
    ],
    snapshotAt: '2026-11-20T14:05:00.000Z',
    signatures: { secretary: null, presiding: null },
    sentToOap: null,
    fileName: null,
    correctionReason: null,
    createdBy: 'enlace-al-usaquen',
    createdAt: '2026-11-20T14:05:00.000Z',
    updatedBy: 'enlace-al-usaquen',
    updatedAt: '2026-11-20T16:00:00.000Z',
    ...over,
  };
}

export function actaView(over: Partial<ActaView> = {}): ActaView {
  const a = over.acta === undefined ? acta() : over.acta;
  return {
    plenaria: plenaria(),
    unitName: 'Alcaldía Local de Usaquén',
    presiding: PEOPLE[0]!,
    secretary: PEOPLE[1]!,
    acta: a,
    versions: a ? [{ documentVersion: a.documentVersion, state: 'draft', signedAt: null, correctionReason: null, fileName: null }] : [],
    state: a ? 'draft' : null,
    canEdit: true,
    canSign: [],
    canCorrect: false,
    canSendToOap: false,
    canChange: true,
    missing: [],
    signingClosed: null,
    okrResultsOn: a ? '2026-11-20' : null,
    oap: actaStatus({ documentVersion: a ? a.documentVersion : null, state: a ? 'draft' : null }),
    people: PEOPLE,
    history: [],
    ...over,
  };
}

/** Both signed, nothing sent yet: what the secretary sees before «Enviar a la OAP». */
export function signedView(over: Partial<ActaView> = {}): ActaView {
  const signed = acta({
    draft: draft({ development: 'Se revisó el avance de cada objetivo táctico.', conversations: 'El equipo conversó sobre las PQRS.' }),
    signatures: { secretary: { personId: 'enlace-al-usaquen', at: '2026-11-21T15:00:00.000Z' }, presiding: { personId: 'lider-al-usaquen', at: '2026-11-21T16:00:00.000Z' } },
    fileName: 'GDI-GPD-F029_al-usaquen_menor_2026-11-20_v1.docx',
  });
  return actaView({
    acta: signed,
    state: 'signed',
    versions: [{ documentVersion: 1, state: 'signed', signedAt: '2026-11-21T16:00:00.000Z', correctionReason: null, fileName: signed.fileName }],
    canCorrect: true,
    canSendToOap: true,
    oap: actaStatus({ state: 'signed' }),
    ...over,
  });
}

export function commitment(over: Partial<CommitmentView> = {}): CommitmentView {
  return {
    id: 'pl-usaquen-q3:c-1a2b3c',
    plenariaId: 'pl-usaquen-q3',
    unitId: 'al-usaquen',
    task: 'Publicar el tablero de PQRS en la cartelera de la alcaldía',
    ownerId: 'enlace-al-usaquen',
    ownerName: 'Andrés Gómez Torres',
    unitName: 'Alcaldía Local de Usaquén',
    plenariaKind: 'menor',
    plenariaDate: '2026-09-18',
    due: '2026-10-30',
    status: 'abierto',
    notes: [],
    impact: null,
    version: 1,
    createdAt: '2026-09-21T15:00:00.000Z',
    updatedAt: '2026-09-21T15:00:00.000Z',
    overdue: true,
    canUpdate: true,
    ...over,
  };
}

export function oapResponse(): OapActasResponse {
  const row = (plenariaId: string, unitName: string, date: string, acta: ActaStatus) => ({ plenariaId, kind: 'menor' as const, unitId: plenariaId.replace('pl-', ''), unitName, date, acta });
  return {
    quarter: '2026-Q4',
    rows: [
      row('pl-al-suba', 'Alcaldía Local de Suba', '2026-10-15', actaStatus({ state: 'signed', deadline: '2026-10-27', oapStatus: 'a_tiempo', sentOn: '2026-10-22' })),
      row('pl-al-bosa', 'Alcaldía Local de Bosa', '2026-11-18', actaStatus({ state: 'draft', deadline: '2026-11-30', oapStatus: 'pendiente' })),
      row('pl-al-kennedy', 'Alcaldía Local de Kennedy', '2026-10-20', actaStatus({ state: 'signed', deadline: '2026-10-30', oapStatus: 'vencida', sentOn: '2026-11-05' })),
      row('pl-al-usme', 'Alcaldía Local de Usme', '2026-10-08', actaStatus({ state: 'partially_signed', deadline: '2026-10-21', oapStatus: 'vencida' })),
    ],
    missing: [{ unitId: 'al-sumapaz', unitName: 'Alcaldía Local de Sumapaz', message: 'Alcaldía Local de Sumapaz no tiene plenaria menor en el trimestre.' }],
    counts: { a_tiempo: 1, vencida: 2, pendiente: 1, missing: 1 },
  };
}
