import type { Request, Response, Next, Server } from 'restify';
import { msg, type ApiError } from '@okr/core';

/** The largest request body the server reads (an acta with its 20,000-character fields fits many times). */
export const MAX_BODY_BYTES = 1_000_000;

/** An error for restify's `next(error)`: its status; the text people read comes from `apiErrorOf`. */
class StatusError extends Error {
  constructor(readonly statusCode: number) {
    super(`HTTP ${statusCode}`);
  }
}

const isJson = (contentType: string) => contentType === 'application/json' || /^application\/[\w.+-]*\+json$/.test(contentType);

/**
 * Parses a JSON body after restify's body reader: a leading UTF-8 byte order mark is dropped (some
 * tools write one), malformed JSON is a 400 and a body that is not JSON a 415, both in Spanish.
 */
export function parseJsonBody(req: Request, _res: Response, next: Next): void {
  const raw = req.body as unknown;
  if (typeof raw !== 'string' && !Buffer.isBuffer(raw)) return next();
  const text = String(raw).replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    req.body = undefined;
    return next();
  }
  if (!isJson(req.getContentType())) return next(new StatusError(415));
  try {
    req.body = JSON.parse(text);
  } catch {
    return next(new StatusError(400));
  }
  next();
}

/** Restify's own errors (its English text and shape) as the API's `{code, message}` in Spanish. */
export function apiErrorOf(error: { statusCode?: number }, req: Request): { status: number; body: ApiError } {
  const status = error.statusCode ?? 500;
  const method = req.method ?? 'GET';
  switch (status) {
    case 400:
      return { status, body: { code: 'invalid', message: msg.errors.malformedJson } };
    case 404:
      return { status, body: { code: 'not_found', message: msg.errors.unknownApi(req.path?.() ?? req.url ?? '') } };
    case 405:
      return { status, body: { code: 'method_not_allowed', message: msg.errors.methodNotAllowed(method) } };
    case 413:
      return { status, body: { code: 'too_large', message: msg.errors.bodyTooLarge(Math.round(MAX_BODY_BYTES / 1000)) } };
    case 415:
      return { status, body: { code: 'unsupported_media_type', message: msg.errors.unsupportedMediaType } };
    default:
      return { status: status >= 500 ? status : 400, body: { code: status >= 500 ? 'internal' : 'invalid', message: status >= 500 ? msg.errors.internal : msg.errors.invalidRequest } };
  }
}

/** Every error restify raises itself (body reader, parser, router) answers as `{code, message}` in Spanish. */
export function spanishRestifyErrors(server: Server): void {
  server.on('restifyError', (req: Request, _res: Response, error: { statusCode?: number; toJSON?: () => unknown; toString?: () => string }, callback: () => void) => {
    const { body } = apiErrorOf(error, req);
    error.toJSON = () => body;
    error.toString = () => body.message;
    callback();
  });
}

/** Turns a restify path pattern (`/api/units/:unitId/tree`) into a matcher. */
const matcher = (pattern: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\/:[^/]+/g, '/[^/]+').replace(/\*$/, '.*')}/?$`);

/**
 * `/api/…` that no route answers: a 404 (or, when the path exists for another method, a 405 with
 * `Allow`) as JSON — never the tab's index.html. Registered for every method after all routes.
 */
export function apiFallback(server: Server): void {
  const handler = async (req: Request, res: Response) => {
    const path = req.path();
    const routes = (server.getDebugInfo().routes as Array<{ method: string; path: string }>).filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*');
    const allowed = [...new Set(routes.filter((r) => matcher(r.path).test(path)).map((r) => r.method.toUpperCase()))];
    if (allowed.length > 0) {
      res.header('Allow', allowed.join(', '));
      res.json(405, apiErrorOf({ statusCode: 405 }, req).body);
      return;
    }
    res.json(404, apiErrorOf({ statusCode: 404 }, req).body);
  };
  for (const method of ['get', 'head', 'post', 'put', 'patch', 'del', 'opts'] as const) server[method]('/api/*', handler);
}
