import type { Plenaria } from '../actas.js';

/** A dialogue session «Un café con el Secretario» on 15 October 2026 (a Thursday), mixed, presided by the Secretario. */
export const dialogueSession: Plenaria = {
  id: 'pl-dialogo-2026-10',
  kind: 'dialogo',
  unitId: null,
  date: '2026-10-15',
  startTime: '10:00',
  modality: 'mixta',
  location: 'Auditorio piso 1 https://teams.microsoft.com/l/meetup-join/abc',
  presidingId: 'lider-despacho',
  secretaryId: 'eti-2',
  createdBy: 'eti-2',
  createdAt: '2026-09-20T14:00:00.000Z',
};
