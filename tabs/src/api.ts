/**
 * The tab's client of the server's REST API (same origin, under /api). Adds who is asking and
 * turns the API's error bodies (`ApiError`) into thrown errors carrying their Spanish message.
 */
import type {
  ActaSaveRequest,
  ActaView,
  ApiError,
  CheckInDraft,
  CommitmentsResponse,
  CommitmentUpdateRequest,
  CommitmentView,
  DevPerson,
  EntityDashboard,
  InstitutionalObjective,
  MeResponse,
  OapActasResponse,
  OkrTreeView,
  PlenariaInput,
  PlenariasResponse,
  QuarterId,
  RecognitionView,
  ScheduleResponse,
  SetViewResponse,
  SignatureRole,
  WorkflowAction,
} from '@okr/core';
import type { SetContentInput } from './formulation/setDraft.js';
import { msg } from './core.js';
import { t } from './strings.js';

export const DEV_PERSON_HEADER = 'x-dev-person-id';

/** How the tab proves who the user is. */
export type Identity =
  /** Inside Teams: the SSO token from teams-js, sent as a bearer token. */
  | { kind: 'sso'; getToken: () => Promise<string> }
  /** Outside Teams, local development only: a seeded person's id. */
  | { kind: 'dev'; personId: string }
  | { kind: 'none' };

export type ApiErrorCode = ApiError['code'] | 'network' | 'sso';

/** A failed API call; `message` is a Spanish sentence ready to show. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

const FALLBACK_BY_STATUS: Record<number, [ApiError['code'], string]> = {
  401: ['unauthenticated', msg.errors.unauthenticated],
  403: ['forbidden', msg.errors.forbidden],
  404: ['not_found', msg.errors.notFound],
  409: ['conflict', msg.errors.conflict],
  422: ['invalid', msg.errors.invalidRequest],
};

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).message === 'string' && typeof (body as ApiError).code === 'string';
}

export interface ApiClient {
  devPeople(signal?: AbortSignal): Promise<DevPerson[]>;
  me(signal?: AbortSignal): Promise<MeResponse>;
  tree(unitId: string, quarter: QuarterId, signal?: AbortSignal): Promise<OkrTreeView>;
  /** Reports a key result's check-in for a month; the server validates it again and answers with the updated tree. */
  checkIn(unitId: string, period: string, draft: CheckInDraft): Promise<{ tree: OkrTreeView }>;
  /** Formulation: the unit's set for a quarter with its history and alerts (null when there is none). */
  setView(unitId: string, quarter: QuarterId): Promise<SetViewResponse | null>;
  saveDraft(unitId: string, quarter: QuarterId, expectedVersion: number | null, content: SetContentInput): Promise<SetViewResponse>;
  reformulate(unitId: string, quarter: QuarterId, from: QuarterId): Promise<SetViewResponse>;
  act(setId: string, action: WorkflowAction, version: number, comment?: string): Promise<SetViewResponse>;
  institutionalObjectives(): Promise<InstitutionalObjective[]>;
  /** The entity dashboard of a quarter (ETI, OAP, coaches and leadership only; 403 for others). */
  dashboard(quarter: QuarterId, signal?: AbortSignal): Promise<EntityDashboard>;

  // Plenarias, actas, commitments and recognitions (issue 6)
  /** The plenarias of a quarter the person sees, with the warnings and what they may schedule. */
  plenarias(quarter: QuarterId, signal?: AbortSignal): Promise<PlenariasResponse>;
  /** Schedules a plenaria; the warnings that come back are notices (it was saved anyway). */
  schedulePlenaria(input: PlenariaInput): Promise<ScheduleResponse>;
  acta(plenariaId: string, signal?: AbortSignal): Promise<ActaView>;
  /** Starts version 1 of the acta: the draft prefilled and the OKR results frozen. */
  startActa(plenariaId: string): Promise<ActaView>;
  /** Saves the draft; 409 (`conflict`) when someone saved after `revision`. */
  saveActa(plenariaId: string, request: ActaSaveRequest): Promise<ActaView>;
  /** Freezes again the unit's OKR results at the plenaria's date (before signing only). */
  refreshActaResults(plenariaId: string, version: number, revision: number): Promise<ActaView>;
  /** Sends the sign-off cards in Teams to the secretary and to who presides. */
  requestSignatures(plenariaId: string, version: number, revision: number): Promise<SignatureRequestResult>;
  signActa(plenariaId: string, version: number, revision: number, part: SignatureRole): Promise<ActaView>;
  /** A new version from a signed one, with the reason for the correction. */
  correctActa(plenariaId: string, version: number, reason: string): Promise<ActaView>;
  /** «Enviar a la OAP»: records the copy of the signed acta sent today. */
  sendActaToOap(plenariaId: string, version: number): Promise<ActaView>;
  /** The acta as a .docx (a draft gives a preview marked «Pendiente de firma»). */
  downloadActa(plenariaId: string, version: number): Promise<DownloadedFile>;
  /** The OAP's follow-up of the copies of the actas of a quarter (entity-wide roles). */
  oapActas(quarter: QuarterId, signal?: AbortSignal): Promise<OapActasResponse>;
  /** The person's own commitments, or those of a unit. */
  commitments(filter: CommitmentsFilter, signal?: AbortSignal): Promise<CommitmentsResponse>;
  updateCommitment(commitmentId: string, request: CommitmentUpdateRequest): Promise<CommitmentView>;
  /** The recognitions of a unit's signed actas, newest first. */
  recognitions(unitId: string, signal?: AbortSignal): Promise<RecognitionView[]>;
}

export interface SignatureRequestResult {
  view: ActaView;
  /** Names of the people the sign-off card reached. */
  sentTo: string[];
  /** Names of the people the bot cannot reach yet (they have not installed the app). */
  unreachable: string[];
}

export type CommitmentsFilter = { scope: 'mine' } | { unitId: string };

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The file name of a `Content-Disposition: attachment` header (RFC 6266, `filename*` first). */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // malformed escape: fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  const name = plain ? (plain[2] ?? plain[1]!).trim() : '';
  return name || fallback;
}

export function createApiClient(identity: Identity, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  async function headers(withIdentity: boolean, accept = 'application/json'): Promise<Record<string, string>> {
    const h: Record<string, string> = { accept };
    if (!withIdentity) return h;
    if (identity.kind === 'dev') h[DEV_PERSON_HEADER] = identity.personId;
    if (identity.kind === 'sso') {
      try {
        h.authorization = `Bearer ${await identity.getToken()}`;
      } catch {
        throw new ApiRequestError(401, 'sso', t.ssoError);
      }
    }
    return h;
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(path, init);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new ApiRequestError(0, 'network', t.networkError);
    }
  }

  function failure(res: Response, body: unknown): ApiRequestError {
    if (isApiError(body)) return new ApiRequestError(res.status, body.code, body.message);
    const [code, message] = FALLBACK_BY_STATUS[res.status] ?? ['internal', msg.errors.internal];
    return new ApiRequestError(res.status, code, message);
  }

  async function request<T>(path: string, signal: AbortSignal | undefined, withIdentity = true, payload?: unknown, method = 'POST'): Promise<T> {
    const init: RequestInit = { headers: await headers(withIdentity), credentials: 'same-origin' };
    if (payload !== undefined) {
      init.method = method;
      init.body = JSON.stringify(payload);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    if (signal) init.signal = signal;
    const res = await send(path, init);
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return body as T;
    throw failure(res, body);
  }

  /** A binary download: the identity travels in a header, so the file comes through fetch, not a link. */
  async function download(path: string, fallbackName: string, accept: string): Promise<DownloadedFile> {
    const res = await send(path, { headers: await headers(true, `${accept}, application/json`), credentials: 'same-origin' });
    if (!res.ok) throw failure(res, await res.json().catch(() => null));
    return { blob: await res.blob(), fileName: fileNameFromDisposition(res.headers.get('content-disposition'), fallbackName) };
  }

  const acta = (plenariaId: string, tail = '') => `/api/plenarias/${encodeURIComponent(plenariaId)}/acta${tail}`;

  return {
    devPeople: (signal) => request<DevPerson[]>('/api/dev/people', signal, false),
    me: (signal) => request<MeResponse>('/api/me', signal),
    tree: (unitId, quarter, signal) =>
      request<OkrTreeView>(`/api/units/${encodeURIComponent(unitId)}/tree?quarter=${encodeURIComponent(quarter)}`, signal),
    checkIn: (unitId, period, draft) =>
      request<{ tree: OkrTreeView }>(`/api/units/${encodeURIComponent(unitId)}/check-ins`, undefined, true, { period, checkIns: [draft] }),
    setView: (unitId, quarter) => request<SetViewResponse | null>(`/api/units/${encodeURIComponent(unitId)}/sets/${quarter}`, undefined),
    saveDraft: (unitId, quarter, expectedVersion, content) =>
      request<SetViewResponse>(`/api/units/${encodeURIComponent(unitId)}/sets/${quarter}`, undefined, true, { expectedVersion, content }, 'PUT'),
    reformulate: (unitId, quarter, from) => request<SetViewResponse>(`/api/units/${encodeURIComponent(unitId)}/sets/${quarter}/reformulate`, undefined, true, { from }),
    act: (setId, action, version, comment) => request<SetViewResponse>(`/api/sets/${encodeURIComponent(setId)}/actions`, undefined, true, { action, version, comment: comment ?? null }),
    institutionalObjectives: () => request<InstitutionalObjective[]>('/api/institutional-objectives', undefined),
    dashboard: (quarter, signal) => request<EntityDashboard>(`/api/dashboard?quarter=${encodeURIComponent(quarter)}`, signal),

    plenarias: (quarter, signal) => request<PlenariasResponse>(`/api/plenarias?quarter=${encodeURIComponent(quarter)}`, signal),
    schedulePlenaria: (input) => request<ScheduleResponse>('/api/plenarias', undefined, true, input),
    acta: (plenariaId, signal) => request<ActaView>(acta(plenariaId), signal),
    startActa: (plenariaId) => request<ActaView>(acta(plenariaId), undefined, true, {}),
    saveActa: (plenariaId, body) => request<ActaView>(acta(plenariaId), undefined, true, body, 'PUT'),
    refreshActaResults: (plenariaId, version, revision) => request<ActaView>(acta(plenariaId, '/snapshot'), undefined, true, { version, revision }),
    requestSignatures: (plenariaId, version, revision) =>
      request<SignatureRequestResult>(acta(plenariaId, '/request-signatures'), undefined, true, { version, revision }),
    signActa: (plenariaId, version, revision, part) => request<ActaView>(acta(plenariaId, '/sign'), undefined, true, { version, revision, part }),
    correctActa: (plenariaId, version, reason) => request<ActaView>(acta(plenariaId, '/correct'), undefined, true, { version, reason }),
    sendActaToOap: (plenariaId, version) => request<ActaView>(acta(plenariaId, '/send-oap'), undefined, true, { version }),
    downloadActa: (plenariaId, version) => download(acta(plenariaId, `/docx?version=${version}`), `acta-${plenariaId}-v${version}.docx`, DOCX_TYPE),
    oapActas: (quarter, signal) => request<OapActasResponse>(`/api/oap/actas?quarter=${encodeURIComponent(quarter)}`, signal),
    commitments: (filter, signal) =>
      request<CommitmentsResponse>('scope' in filter ? '/api/commitments?scope=mine' : `/api/commitments?unitId=${encodeURIComponent(filter.unitId)}`, signal),
    updateCommitment: (commitmentId, body) => request<CommitmentView>(`/api/commitments/${encodeURIComponent(commitmentId)}`, undefined, true, body),
    recognitions: (unitId, signal) => request<RecognitionView[]>(`/api/units/${encodeURIComponent(unitId)}/recognitions`, signal),
  };
}
