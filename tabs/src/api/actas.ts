/** The actas module's API client: plenarias, actas (GDI-GPD-F029), commitments, recognitions and the OAP's follow-up. */
import type {
  ActaSaveRequest,
  ActaView,
  CommitmentsResponse,
  CommitmentUpdateRequest,
  CommitmentView,
  OapActasResponse,
  PlenariaChangeResponse,
  PlenariaInput,
  PlenariasResponse,
  RescheduleInput,
  QuarterId,
  RecognitionView,
  ScheduleResponse,
  SignatureRole,
} from '@okr/core';
import { path, type DownloadedFile, type Http } from './http.js';

export interface SignatureRequestResult {
  view: ActaView;
  /** Names of the people the sign-off card reached. */
  sentTo: string[];
  /** Names of the people the bot cannot reach yet (they have not installed the app). */
  unreachable: string[];
}

export type CommitmentsFilter = { scope: 'mine' } | { unitId: string };

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface ActasApi {
  /** The plenarias of a quarter the person sees, with the warnings and what they may schedule. */
  plenarias(quarter: QuarterId, signal?: AbortSignal): Promise<PlenariasResponse>;
  /** Schedules a plenaria; the warnings that come back are notices (it was saved anyway). */
  schedulePlenaria(input: PlenariaInput): Promise<ScheduleResponse>;
  /** Moves a plenaria (its acta follows); the reason stays in the audit trail and goes to the people told. */
  reschedulePlenaria(plenariaId: string, input: RescheduleInput): Promise<PlenariaChangeResponse>;
  /** Cancels a plenaria, with its reason: its acta is closed. */
  cancelPlenaria(plenariaId: string, reason: string): Promise<PlenariaChangeResponse>;
  acta(plenariaId: string, signal?: AbortSignal): Promise<ActaView>;
  /** Starts version 1 of the acta: the draft prefilled and the OKR results frozen. */
  startActa(plenariaId: string): Promise<ActaView>;
  /** Saves the draft; 409 (`conflict`) when someone saved after `version`. */
  saveActa(plenariaId: string, request: ActaSaveRequest): Promise<ActaView>;
  /** Freezes again the unit's OKR results at the plenaria's date (before signing only). */
  refreshActaResults(plenariaId: string, documentVersion: number, version: number): Promise<ActaView>;
  /** Sends the sign-off cards in Teams to the secretary and to who presides. */
  requestSignatures(plenariaId: string, documentVersion: number, version: number): Promise<SignatureRequestResult>;
  signActa(plenariaId: string, documentVersion: number, version: number, part: SignatureRole): Promise<ActaView>;
  /** A new version from a signed one, with the reason for the correction. */
  correctActa(plenariaId: string, documentVersion: number, reason: string): Promise<ActaView>;
  /** «Enviar a la OAP»: records the copy of the signed acta sent today. */
  sendActaToOap(plenariaId: string, documentVersion: number): Promise<ActaView>;
  /** The acta as a .docx (a draft gives a preview marked «Pendiente de firma»). */
  downloadActa(plenariaId: string, documentVersion: number): Promise<DownloadedFile>;
  /** The OAP's follow-up of the copies of the actas of a quarter (entity-wide roles). */
  oapActas(quarter: QuarterId, signal?: AbortSignal): Promise<OapActasResponse>;
  /** The person's own commitments, or those of a unit. */
  commitments(filter: CommitmentsFilter, signal?: AbortSignal): Promise<CommitmentsResponse>;
  updateCommitment(commitmentId: string, request: CommitmentUpdateRequest): Promise<CommitmentView>;
  /** The recognitions of a unit's signed actas, newest first. */
  recognitions(unitId: string, signal?: AbortSignal): Promise<RecognitionView[]>;
}

export function actasApi(http: Http): ActasApi {
  const acta = (plenariaId: string, tail = '') => path`/api/plenarias/${plenariaId}/acta` + tail;
  return {
    plenarias: (quarter, signal) => http.get(path`/api/plenarias?quarter=${quarter}`, signal),
    schedulePlenaria: (input) => http.post('/api/plenarias', input),
    reschedulePlenaria: (plenariaId, input) => http.post(path`/api/plenarias/${plenariaId}/reschedule`, input),
    cancelPlenaria: (plenariaId, reason) => http.post(path`/api/plenarias/${plenariaId}/cancel`, { reason }),
    acta: (plenariaId, signal) => http.get(acta(plenariaId), signal),
    startActa: (plenariaId) => http.post(acta(plenariaId), {}),
    saveActa: (plenariaId, body) => http.put(acta(plenariaId), body),
    refreshActaResults: (plenariaId, documentVersion, version) => http.post(acta(plenariaId, '/snapshot'), { documentVersion, version }),
    requestSignatures: (plenariaId, documentVersion, version) => http.post(acta(plenariaId, '/request-signatures'), { documentVersion, version }),
    signActa: (plenariaId, documentVersion, version, part) => http.post(acta(plenariaId, '/sign'), { documentVersion, version, part }),
    correctActa: (plenariaId, documentVersion, reason) => http.post(acta(plenariaId, '/correct'), { documentVersion, reason }),
    sendActaToOap: (plenariaId, documentVersion) => http.post(acta(plenariaId, '/send-oap'), { documentVersion }),
    downloadActa: (plenariaId, documentVersion) => http.download(acta(plenariaId, path`/docx?documentVersion=${documentVersion}`), `acta-${plenariaId}-v${documentVersion}.docx`, DOCX_TYPE),
    oapActas: (quarter, signal) => http.get(path`/api/oap/actas?quarter=${quarter}`, signal),
    commitments: (filter, signal) => http.get('scope' in filter ? '/api/commitments?scope=mine' : path`/api/commitments?unitId=${filter.unitId}`, signal),
    updateCommitment: (commitmentId, body) => http.post(path`/api/commitments/${commitmentId}`, body),
    recognitions: (unitId, signal) => http.get(path`/api/units/${unitId}/recognitions`, signal),
  };
}
