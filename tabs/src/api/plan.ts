/** The plan de gestión module's API client: plans, quarterly reports and their review, ranking, modifications, outputs. */
import type {
  LeadFiguresRequest,
  ManagementPlan,
  ModificationCreateRequest,
  ModificationView,
  ModificationsView,
  PlanActRequest,
  PlanSaveRequest,
  PlanView,
  QuarterNumber,
  RankingView,
  ReportSaveRequest,
  ReportView,
  ReviewOverview,
  ReviewRequest,
} from '@okr/core';
import { path, type DownloadedFile, type Http } from './http.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the OKR tree shows of the plan: the metas that serve its set's strategic objective. */
export interface ServingMetas {
  year: number;
  state: ManagementPlan["state"] | null;
  metas: Array<{ id: string; order: number; statement: string; indicator: string }>;
}

export interface PlanApi {
  plan(unitId: string, year: number, signal?: AbortSignal): Promise<PlanView>;
  savePlan(unitId: string, year: number, body: PlanSaveRequest): Promise<PlanView>;
  importPlan(unitId: string, year: number, expectedVersion: number | null, file: File): Promise<PlanView>;
  actOnPlan(planId: string, body: PlanActRequest): Promise<PlanView>;
  downloadPlan(unitId: string, year: number): Promise<DownloadedFile>;
  openVigencia(body: { year: number; methodologyNote: string; formulationDue: string }): Promise<unknown>;
  report(unitId: string, year: number, quarter: QuarterNumber, signal?: AbortSignal): Promise<ReportView>;
  saveReport(planId: string, quarter: QuarterNumber, body: ReportSaveRequest): Promise<ReportView>;
  saveLeadFigures(planId: string, quarter: QuarterNumber, metaId: string, body: LeadFiguresRequest): Promise<ReportView>;
  reviewReport(planId: string, quarter: QuarterNumber, body: ReviewRequest): Promise<ReportView>;
  reviewDesk(year: number, quarter: QuarterNumber, signal?: AbortSignal): Promise<ReviewOverview>;
  ranking(year: number, quarter: QuarterNumber, signal?: AbortSignal): Promise<RankingView>;
  downloadRanking(year: number, quarter: QuarterNumber, comite: boolean): Promise<DownloadedFile>;
  downloadCb0404(year: number): Promise<DownloadedFile>;
  modifications(unitId: string, year: number, signal?: AbortSignal): Promise<ModificationsView>;
  requestModification(planId: string, body: ModificationCreateRequest): Promise<ModificationView>;
  consentModification(requestId: string, favorable: boolean, comment: string | null, version: number): Promise<ModificationView>;
  decideModification(requestId: string, approve: boolean, comment: string | null, version: number): Promise<ModificationView>;
  servingMetas(unitId: string, year: number, objectiveId: string, signal?: AbortSignal): Promise<ServingMetas>;
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function planApi(http: Http): PlanApi {
  const unit = (unitId: string, year: number) => path`/api/plan/units/${unitId}/${year}`;
  const reports = (planId: string, quarter: QuarterNumber) => path`/api/plan/plans/${planId}/reports/${quarter}`;
  return {
    plan: (unitId, year, signal) => http.get(unit(unitId, year), signal),
    savePlan: (unitId, year, body) => http.put(unit(unitId, year), body),
    importPlan: async (unitId, year, expectedVersion, file) => http.post(`${unit(unitId, year)}/import`, { expectedVersion, fileBase64: await base64(file) }),
    actOnPlan: (planId, body) => http.post(path`/api/plan/plans/${planId}/actions`, body),
    downloadPlan: (unitId, year) => http.download(`${unit(unitId, year)}/xlsx`, `plan-${unitId}-${year}.xlsx`, XLSX_TYPE),
    openVigencia: (body) => http.post('/api/plan/vigencias', body),
    report: (unitId, year, quarter, signal) => http.get(path`/api/plan/units/${unitId}/${year}/reports/${quarter}`, signal),
    saveReport: (planId, quarter, body) => http.put(reports(planId, quarter), body),
    saveLeadFigures: (planId, quarter, metaId, body) => http.put(`${reports(planId, quarter)}${path`/lead/${metaId}`}`, body),
    reviewReport: (planId, quarter, body) => http.post(`${reports(planId, quarter)}/review`, body),
    reviewDesk: (year, quarter, signal) => http.get(path`/api/plan/review?year=${year}&quarter=${quarter}`, signal),
    ranking: (year, quarter, signal) => http.get(path`/api/plan/ranking?year=${year}&quarter=${quarter}`, signal),
    downloadRanking: (year, quarter, comite) => http.download(path`/api/plan/ranking/xlsx?year=${year}&quarter=${quarter}` + (comite ? '&comite=1' : ''), `ranking-${year}-T${quarter}.xlsx`, XLSX_TYPE),
    downloadCb0404: (year) => http.download(path`/api/plan/cb0404/${year}`, `CB-0404-${year}.xlsx`, XLSX_TYPE),
    modifications: (unitId, year, signal) => http.get(`${unit(unitId, year)}/modifications`, signal),
    requestModification: (planId, body) => http.post(path`/api/plan/plans/${planId}/modifications`, body),
    consentModification: (requestId, favorable, comment, version) => http.post(path`/api/plan/modifications/${requestId}/consent`, { favorable, comment, version }),
    decideModification: (requestId, approve, comment, version) => http.post(path`/api/plan/modifications/${requestId}/decision`, { approve, comment, version }),
    servingMetas: (unitId, year, objectiveId, signal) => http.get(path`/api/plan/units/${unitId}/${year}/serving/${objectiveId}`, signal),
  };
}
