/**
 * The tab's API client: each module's client (one file per module in this folder) on the one
 * request core (`http.ts`). A view's props name only the module clients it calls.
 */
import { actasApi } from './actas.js';
import { formulationApi } from './formulation.js';
import { createHttp, type Identity } from './http.js';
import { okrApi } from './okr.js';
import { shellApi } from './shell.js';

export function createApiClient(identity: Identity, fetchImpl?: typeof fetch) {
  const http = createHttp(identity, fetchImpl);
  return { ...shellApi(http), ...okrApi(http), ...formulationApi(http), ...actasApi(http) };
}

export type ApiClient = ReturnType<typeof createApiClient>;
