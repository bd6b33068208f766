/**
 * The tab's API client: each module's client (one file per module in this folder) on the one
 * request core (`http.ts`). A view's props name only the module clients it calls.
 */
import { actasApi } from './actas.js';
import { directoryApi } from './directory.js';
import { formulationApi } from './formulation.js';
import { createHttp, type Http, type HttpOptions, type Identity } from './http.js';
import { okrApi } from './okr.js';
import { peiApi } from './pei.js';
import { planApi } from './plan.js';
import { proposalsApi } from './proposals.js';
import { reviewApi } from './review.js';
import { shellApi } from './shell.js';

/** One entry per module; no two may name the same method (index.test.ts checks). */
export const MODULE_CLIENTS = [shellApi, okrApi, formulationApi, actasApi, planApi, reviewApi, directoryApi, peiApi, proposalsApi] as const;

/** `A | B` → `A & B`: the client has every module's methods. */
type AllOf<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type ApiClient = AllOf<ReturnType<(typeof MODULE_CLIENTS)[number]>>;

/** The client; with `preload`, its GETs are kept for the views that will ask for the same (shell/firstView.ts). */
export function createApiClient(identity: Identity, fetchImpl?: typeof fetch, options?: HttpOptions): ApiClient {
  const http: Http = createHttp(identity, fetchImpl, options);
  return Object.assign({}, ...MODULE_CLIENTS.map((client) => client(http)));
}
