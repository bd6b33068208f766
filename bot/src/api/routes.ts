import type { Request, Response, Server } from 'restify';
import { DATA_AGE_HEADER, msg, type Person } from '@okr/core';
import type { Logger } from 'pino';
import type { Clock } from '../services/clock.js';
import { ConflictError, StoreUnavailableError, type Store } from '../store/Store.js';
import { Refusal } from '../services/refusal.js';
import { HttpError } from './errors.js';
import { identify } from './identity.js';
import { sendJson } from '../http/jsonAnswer.js';
import { withDataAge } from '../store/dataAge.js';
import { asAction } from '../store/freshness.js';
import type { SsoValidator } from './sso.js';

type Handler = (req: Request, res: Response) => Promise<unknown>;

/** What every module's routes get: who is calling, and the wrapper that answers JSON and Spanish errors. */
export interface Api {
  /** The directory person behind the request (Teams SSO token, or the dev identity); refuses otherwise. */
  who(req: Request): Promise<Person>;
  /** Wraps a handler: its result as JSON, a refusal as its status and Spanish message, anything else as 500. */
  route(handler: Handler): (req: Request, res: Response) => Promise<void>;
  /** DEV_IDENTITY is on: a browser may act as a seeded person. */
  devIdentity: boolean;
}

/** What every module's routes may use besides the services of their module. */
export interface RouteDeps {
  store: Store;
  clock: Clock;
  log: Logger;
}

/** A module's REST routes: registered with `api` (who is calling, the JSON wrapper), using `deps` and its services `S`. */
export type Routes<S = unknown> = (server: Server, api: Api, deps: RouteDeps & S) => void;

export interface ApiDeps {
  store: Store;
  devIdentity: boolean;
  /** Validates the tab's Teams SSO tokens; null without an Entra app (then only the dev identity works). */
  sso?: SsoValidator | null;
  log: Logger;
  /** Every module's routes (app.ts). */
  routes: ReadonlyArray<(server: Server, api: Api) => void>;
}

/** The kind of action a request is, for the read cache: its method and route (`GET /api/units/:unitId/tree`). */
function actionKind(req: Request): string {
  const path = req.getRoute?.()?.path;
  return `api ${req.method ?? ''} ${typeof path === 'string' ? path : String(path ?? '?')}`;
}

/**
 * Wraps a route: JSON out (compressed when worth it; a GET with its ETag, 304 when the client has
 * it: http/jsonAnswer.ts) with how old its data is (`X-Data-Age`, seconds: store/dataAge.ts; on a
 * 304 too, so the browser's kept answer says the age of now), HttpError → its status and Spanish
 * message, anything else → 500. The request runs as an action of its route (store/freshness.ts): the
 * read cache checks the lists it reads together, in its first store call.
 */
function route(log: Logger, handler: Handler) {
  return async (req: Request, res: Response) => {
    try {
      const { result: body, ageMs } = await withDataAge(() => asAction(actionKind(req), () => handler(req, res)));
      if (res.headersSent) return;
      res.header(DATA_AGE_HEADER, String(Math.floor(ageMs / 1000)));
      sendJson(req, res, 200, body);
    } catch (error) {
      if (error instanceof ConflictError) {
        res.json(409, { code: 'conflict', message: msg.errors.conflict });
        return;
      }
      if (error instanceof StoreUnavailableError) {
        res.json(503, { code: 'internal', message: msg.errors.storeBusy });
        return;
      }
      if (error instanceof Refusal) error = new HttpError(error.code, error.message, error.details);
      if (error instanceof HttpError) {
        res.json(error.status, error.body());
        return;
      }
      log.error({ err: error, url: req.url }, 'api request failed');
      res.json(500, { code: 'internal', message: msg.errors.internal });
    }
  };
}

/** The REST API the tabs call, under /api: every module's routes. Every route checks who may see or change what. */
export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  const { store, log } = deps;
  const api: Api = {
    who: (req) => identify(req, store, { devIdentity: deps.devIdentity, sso: deps.sso ?? null, log }),
    route: (handler) => route(log, handler),
    devIdentity: deps.devIdentity,
  };
  for (const routes of deps.routes) routes(server, api);
}
