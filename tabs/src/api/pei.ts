/** The PEI module's API client: the plan at a cut-off and its outputs, weights, the validation round. */
import type { OkrRoundRow, PeiPlanRef, PeiReportView, PeiWeightsRequest, QuarterId, ValidationItemView, ValidationRoundView, ValueReturnRequest, ValueSaveRequest } from '@okr/core';
import { path, type DownloadedFile, type Http } from './http.js';

export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface PeiApi {
  peiPlans(signal?: AbortSignal): Promise<PeiPlanRef[]>;
  peiReport(planId: string, cutoff: string | null, signal?: AbortSignal): Promise<PeiReportView>;
  savePeiWeights(planId: string, year: number, body: PeiWeightsRequest): Promise<PeiReportView>;
  downloadPei(planId: string, cutoff: string, kind: 'xlsx' | 'pptx'): Promise<DownloadedFile>;
  validationRound(cutoff: string | null, signal?: AbortSignal): Promise<ValidationRoundView>;
  saveValue(indicatorId: string, cutoff: string, body: ValueSaveRequest): Promise<ValidationItemView>;
  returnValue(indicatorId: string, cutoff: string, body: ValueReturnRequest): Promise<ValidationItemView>;
  confirmValue(indicatorId: string, cutoff: string, expectedVersion: number): Promise<ValidationItemView>;
  importValues(file: File): Promise<ValidationRoundView>;
  downloadTemplate(cutoff: string): Promise<DownloadedFile>;
  returnOkr(unitId: string, quarter: QuarterId, body: { expectedVersion: number | null; observations: string }): Promise<OkrRoundRow>;
  confirmOkr(unitId: string, quarter: QuarterId, expectedVersion: number): Promise<OkrRoundRow>;
}

async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function peiApi(http: Http): PeiApi {
  const value = (indicatorId: string, cutoff: string) => path`/api/pei/values/${indicatorId}/${cutoff}`;
  const corte = (cutoff: string | null) => (cutoff ? path`?corte=${cutoff}` : '');
  return {
    peiPlans: (signal) => http.get('/api/pei/plans', signal),
    peiReport: (planId, cutoff, signal) => http.get(`${path`/api/pei/plans/${planId}/report`}${corte(cutoff)}`, signal),
    savePeiWeights: (planId, year, body) => http.put(path`/api/pei/plans/${planId}/weights/${year}`, body),
    downloadPei: (planId, cutoff, kind) => http.download(`${path`/api/pei/plans/${planId}/${kind}`}${corte(cutoff)}`, `PEI_${planId}_${cutoff}.${kind}`, kind === 'xlsx' ? XLSX : PPTX_TYPE),
    validationRound: (cutoff, signal) => http.get(`/api/pei/validation${corte(cutoff)}`, signal),
    saveValue: (indicatorId, cutoff, body) => http.put(value(indicatorId, cutoff), body),
    returnValue: (indicatorId, cutoff, body) => http.post(`${value(indicatorId, cutoff)}/return`, body),
    confirmValue: (indicatorId, cutoff, expectedVersion) => http.post(`${value(indicatorId, cutoff)}/confirm`, { expectedVersion }),
    importValues: async (file) => http.post('/api/pei/import', { fileName: file.name, fileBase64: await base64(file) }),
    downloadTemplate: (cutoff) => http.download(`/api/pei/import/plantilla.csv${corte(cutoff)}`, `cifras_${cutoff}.csv`, 'text/csv'),
    returnOkr: (unitId, quarter, body) => http.post(path`/api/pei/okr/${unitId}/${quarter}/return`, body),
    confirmOkr: (unitId, quarter, expectedVersion) => http.post(path`/api/pei/okr/${unitId}/${quarter}/confirm`, { expectedVersion }),
  };
}
