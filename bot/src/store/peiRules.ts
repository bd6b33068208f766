import type { OkrValidation, PeiValue } from '@okr/core';
import { ConflictError } from './errors.js';

/** Rules of the PEI's store that both adapters apply the same way. */

export const planYearKey = (planId: string, year: number): string => `${planId}|${year}`;
export const valueKey = (v: Pick<PeiValue, 'planId' | 'indicatorId' | 'cutoff'>): string => `${v.planId}|${v.indicatorId}|${v.cutoff}`;
export const okrValidationKey = (v: Pick<OkrValidation, 'unitId' | 'quarter'>): string => `${v.unitId}|${v.quarter}`;

/** A record as stored after a compare-and-set write: created at version 1, or the next version of the stored one. */
export function nextVersion<T extends { version: number }>(before: T | null, record: T, expectedVersion: number | null, what: string): T {
  if (expectedVersion === null) {
    if (before) throw new ConflictError(`${what} exists`);
    return { ...record, version: 1 };
  }
  if (!before || before.version !== expectedVersion) throw new ConflictError(`${what} changed`);
  return { ...record, version: expectedVersion + 1 };
}

/** Figures by indicator, then cut-off. */
export const byIndicatorCutoff = (a: PeiValue, b: PeiValue): number => (a.indicatorId < b.indicatorId ? -1 : a.indicatorId > b.indicatorId ? 1 : a.cutoff < b.cutoff ? -1 : a.cutoff > b.cutoff ? 1 : 0);
