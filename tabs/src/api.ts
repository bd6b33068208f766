/**
 * The tab's client of the server's REST API (same origin, under /api). Adds who is asking and
 * turns the API's error bodies (`ApiError`) into thrown errors carrying their Spanish message.
 */
import type { ApiError, CheckInDraft, DevPerson, EntityDashboard, InstitutionalObjective, MeResponse, OkrTreeView, QuarterId, SetViewResponse, WorkflowAction } from '@okr/core';
import type { SetContentInput } from './setDraft.js';
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
}

export function createApiClient(identity: Identity, fetchImpl: typeof fetch = (...args) => fetch(...args)): ApiClient {
  async function headers(withIdentity: boolean): Promise<Record<string, string>> {
    const h: Record<string, string> = { accept: 'application/json' };
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

  async function request<T>(path: string, signal: AbortSignal | undefined, withIdentity = true, payload?: unknown, method = 'POST'): Promise<T> {
    const init: RequestInit = { headers: await headers(withIdentity), credentials: 'same-origin' };
    if (payload !== undefined) {
      init.method = method;
      init.body = JSON.stringify(payload);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    if (signal) init.signal = signal;
    let res: Response;
    try {
      res = await fetchImpl(path, init);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new ApiRequestError(0, 'network', t.networkError);
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return body as T;
    if (isApiError(body)) throw new ApiRequestError(res.status, body.code, body.message);
    const [code, message] = FALLBACK_BY_STATUS[res.status] ?? ['internal', msg.errors.internal];
    throw new ApiRequestError(res.status, code, message);
  }

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
  };
}
