/**
 * The request core every module's API client is written on: same origin, under /api. Adds who is
 * asking (the Teams SSO token, or the development identity) and turns the API's error bodies
 * (`ApiError`) into thrown errors carrying their Spanish message.
 */
import type { ApiError } from '@okr/core';
// Straight from its file, not through ../core.js: this module is in the first load, and core.js
// would bring the whole catalogue with it.
import { errorMessages } from '../../../core/src/i18n/es-CO/shared.js';
import { t } from '../strings.js';
import { noteDataAge } from './dataAge.js';

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
    /** What the API said beyond the message (`details` of its error body), e.g. the current values after a conflict. */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** What a module's client calls: JSON in and out, or a file. */
export interface Http {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  /** A GET that sends no identity (the development directory, which comes before choosing one). */
  getAnonymous<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** A binary download: the identity travels in a header, so the file comes through fetch, not a link. */
  download(path: string, fallbackName: string, accept: string): Promise<DownloadedFile>;
  /** A file sent as the raw body (application/octet-stream); JSON back. */
  upload<T>(path: string, file: Blob): Promise<T>;
}

/** A path whose interpolated parts are URI-encoded: path`/api/units/${unitId}/tree?quarter=${quarter}`. */
export function path(parts: TemplateStringsArray, ...values: Array<string | number>): string {
  return parts.reduce((out, part, i) => out + part + (i < values.length ? encodeURIComponent(values[i]!) : ''), '');
}

const FALLBACK_BY_STATUS: Record<number, [ApiError['code'], string]> = {
  401: ['unauthenticated', errorMessages.unauthenticated],
  403: ['forbidden', errorMessages.forbidden],
  404: ['not_found', errorMessages.notFound],
  409: ['conflict', errorMessages.conflict],
  422: ['invalid', errorMessages.invalidRequest],
};

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && typeof (body as ApiError).message === 'string' && typeof (body as ApiError).code === 'string';
}

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

/** A GET's outcome, read: what `request` turns into the body or the error. */
interface Answer {
  ok: boolean;
  status: number;
  body: unknown;
}

/**
 * GETs started ahead of the view that needs them (the first view's data, with the page: see
 * shell/firstView.ts), by identity and URL; the view's own request takes one instead of asking
 * again. Unclaimed ones go after a few seconds (the view may never ask).
 */
const early = new Map<string, Promise<Answer>>();
const EARLY_KEPT_MS = 15_000;

function earlyKey(identity: Identity, url: string): string | null {
  if (identity.kind === 'none') return null;
  return `${identity.kind === 'dev' ? `dev:${identity.personId}` : 'sso'} ${url}`;
}

export interface HttpOptions {
  /** Its GETs are kept for the view that will ask for the same (see `early`). */
  preload?: boolean;
}

export function createHttp(identity: Identity, fetchImpl: typeof fetch = (...args) => fetch(...args), options: HttpOptions = {}): Http {
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

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetchImpl(url, init);
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error;
      throw new ApiRequestError(0, 'network', t.networkError);
    }
  }

  function failure(res: { status: number }, body: unknown): ApiRequestError {
    if (isApiError(body)) return new ApiRequestError(res.status, body.code, body.message, body.details);
    const [code, message] = FALLBACK_BY_STATUS[res.status] ?? ['internal', errorMessages.internal];
    return new ApiRequestError(res.status, code, message);
  }

  async function exchange(url: string, call: { signal?: AbortSignal; withIdentity?: boolean; method?: 'POST' | 'PUT'; body?: unknown }): Promise<Answer> {
    const init: RequestInit = { headers: await headers(call.withIdentity ?? true), credentials: 'same-origin' };
    if (call.method) {
      init.method = call.method;
      init.body = JSON.stringify(call.body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    if (call.signal) init.signal = call.signal;
    const res = await send(url, init);
    noteDataAge(res.headers);
    return { ok: res.ok, status: res.status, body: await res.json().catch(() => null) };
  }

  async function request<T>(url: string, call: { signal?: AbortSignal; withIdentity?: boolean; method?: 'POST' | 'PUT'; body?: unknown }): Promise<T> {
    const key = !call.method && call.withIdentity !== false ? earlyKey(identity, url) : null;
    let pending: Promise<Answer>;
    if (key && options.preload) {
      // Started now without the view's signal: the view that takes it may come later.
      pending = exchange(url, { withIdentity: true });
      early.set(key, pending);
      setTimeout(() => early.get(key) === pending && early.delete(key), EARLY_KEPT_MS);
    } else if (key && early.has(key)) {
      pending = early.get(key)!;
      early.delete(key);
    } else {
      pending = exchange(url, call);
    }
    const answer = await pending;
    if (answer.ok) return answer.body as T;
    throw failure(answer, answer.body);
  }

  return {
    get: (url, signal) => request(url, signal ? { signal } : {}),
    getAnonymous: (url, signal) => request(url, { withIdentity: false, ...(signal ? { signal } : {}) }),
    post: (url, body) => request(url, { method: 'POST', body }),
    put: (url, body) => request(url, { method: 'PUT', body }),
    async upload(url, file) {
      const init: RequestInit = { method: 'POST', headers: { ...(await headers(true)), 'content-type': 'application/octet-stream' }, body: file, credentials: 'same-origin' };
      const res = await send(url, init);
      const body: unknown = await res.json().catch(() => null);
      if (res.ok) return body as never;
      throw failure(res, body);
    },
    async download(url, fallbackName, accept) {
      const res = await send(url, { headers: await headers(true, `${accept}, application/json`), credentials: 'same-origin' });
      if (!res.ok) throw failure(res, await res.json().catch(() => null));
      return { blob: await res.blob(), fileName: fileNameFromDisposition(res.headers.get('content-disposition'), fallbackName) };
    },
  };
}
