/** The OKR module's API client: a unit's tree, its check-ins and the entity dashboard. */
import type { CheckInDraft, CheckInMonthsResponse, EntityDashboard, OkrTreeView, QuarterId } from '@okr/core';
import { path, type Http } from './http.js';

export interface OkrApi {
  tree(unitId: string, quarter: QuarterId, signal?: AbortSignal): Promise<OkrTreeView>;
  /** Reports a key result's check-in for a month; the server validates it again and answers with the updated tree. */
  checkIn(unitId: string, period: string, draft: CheckInDraft): Promise<{ tree: OkrTreeView }>;
  /** The months the person may report for a unit, with what is stored and the ETI's correction (enlaces and líderes). */
  checkInMonths(unitId: string, signal?: AbortSignal): Promise<CheckInMonthsResponse>;
  /** The entity dashboard of a quarter (ETI, OAP, coaches and leadership only; 403 for others). */
  dashboard(quarter: QuarterId, signal?: AbortSignal): Promise<EntityDashboard>;
}

export function okrApi(http: Http): OkrApi {
  return {
    tree: (unitId, quarter, signal) => http.get(path`/api/units/${unitId}/tree?quarter=${quarter}`, signal),
    checkIn: (unitId, period, draft) => http.post(path`/api/units/${unitId}/check-ins`, { period, checkIns: [draft] }),
    checkInMonths: (unitId, signal) => http.get(path`/api/units/${unitId}/check-in-months`, signal),
    dashboard: (quarter, signal) => http.get(path`/api/dashboard?quarter=${quarter}`, signal),
  };
}
