/** The review module's API client: the ETI's monthly review, a key result's history, the quarter close and its .xlsx. */
import type {
  KeyResultHistoryResponse,
  MonthReviewAction,
  QuarterCloseResponse,
  QuarterId,
  ReviewObservation,
  ReviewQueueResponse,
  UnitMonthReviewResponse,
} from '@okr/core';
import { path, type DownloadedFile, type Http } from './http.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ReviewDecision {
  period: string;
  action: MonthReviewAction;
  /** The review's version the ETI read (null: none yet); 409 when someone decided since. */
  version: number | null;
  note?: string;
  observations?: ReviewObservation[];
}

export interface ReviewApi {
  /** The ETI's queue of a month (the month being reported when absent); 403 for anyone else. */
  reviewQueue(period: string | null, signal?: AbortSignal): Promise<ReviewQueueResponse>;
  /** A unit's month as the ETI reviews it (its own people read it too). */
  reviewUnit(unitId: string, period: string, signal?: AbortSignal): Promise<UnitMonthReviewResponse>;
  /** Closes the month or asks for a correction; answers the month as it is now and who was told. */
  decideReview(unitId: string, decision: ReviewDecision): Promise<{ review: UnitMonthReviewResponse; notified: string[] }>;
  /** Closes at once the consistent months the ETI confirmed; 409 if one of them changed. */
  closeConsistent(period: string, unitIds: string[]): Promise<{ closed: string[] }>;
  /** A key result's months in a quarter, with who reported them and earlier values. */
  keyResultHistory(unitId: string, keyResultId: string, quarter: QuarterId, signal?: AbortSignal): Promise<KeyResultHistoryResponse>;
  /** A quarter's close, or what a close would freeze now (entity-wide roles). */
  quarterClose(quarter: QuarterId, signal?: AbortSignal): Promise<QuarterCloseResponse>;
  /** «Cerrar el trimestre» (ETI). */
  closeQuarter(quarter: QuarterId): Promise<QuarterCloseResponse>;
  /** «Compartir» (ETI): the cards to the Subsecretaría and the líderes. */
  shareQuarterClose(quarter: QuarterId, version: number): Promise<{ view: QuarterCloseResponse; sent: number; unreachable: number }>;
  /** The closed quarter's report as .xlsx. */
  downloadQuarterClose(quarter: QuarterId): Promise<DownloadedFile>;
}

export function reviewApi(http: Http): ReviewApi {
  return {
    reviewQueue: (period, signal) => http.get(period ? path`/api/review/queue?period=${period}` : '/api/review/queue', signal),
    reviewUnit: (unitId, period, signal) => http.get(path`/api/review/units/${unitId}?period=${period}`, signal),
    decideReview: (unitId, decision) => http.post(path`/api/review/units/${unitId}/decision`, decision),
    closeConsistent: (period, unitIds) => http.post('/api/review/close-consistent', { period, unitIds }),
    keyResultHistory: (unitId, keyResultId, quarter, signal) => http.get(path`/api/units/${unitId}/key-results/${keyResultId}/history?quarter=${quarter}`, signal),
    quarterClose: (quarter, signal) => http.get(path`/api/reports/quarter-close?quarter=${quarter}`, signal),
    closeQuarter: (quarter) => http.post('/api/reports/quarter-close', { quarter }),
    shareQuarterClose: (quarter, version) => http.post('/api/reports/quarter-close/share', { quarter, version }),
    downloadQuarterClose: (quarter) => http.download(path`/api/reports/quarter-close.xlsx?quarter=${quarter}`, `Cierre_OKR_${quarter}.xlsx`, XLSX_TYPE),
  };
}
