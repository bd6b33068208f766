import type { ManagementPlan, Meta, MetaReport, ModificationRequest, PlanEvent, PlanQuarter } from '@okr/core';
import { ConflictError } from './errors.js';
import type { PlanScreenData, StoredMeta } from './ports/plan.js';

/** Rules of the plan de gestión's store that both adapters apply the same way. */

export const planKey = (unitId: string, year: number): string => `${unitId}|${year}`;
export const planIdOf = (unitId: string, year: number): string => `plan-${unitId}-${year}`;
export const reportKey = (r: Pick<MetaReport, 'planId' | 'metaId' | 'quarter'>): string => `${r.planId}|${r.metaId}|${r.quarter}`;
export const quarterKey = (q: Pick<PlanQuarter, 'planId' | 'quarter'>): string => `${q.planId}|${q.quarter}`;
export const metaKey = (m: Pick<StoredMeta, 'planId' | 'planVersion' | 'id'>): string => `${m.planId}|${m.planVersion}|${m.id}`;

/** The metas of one version of a plan, in order. */
export function metasOf(metas: readonly StoredMeta[], planId: string, planVersion: number): Meta[] {
  return metas
    .filter((m) => m.planId === planId && m.planVersion === planVersion)
    .sort((a, b) => a.order - b.order)
    .map(({ planId: _p, planVersion: _v, ...meta }) => meta);
}

export const stored = (planId: string, planVersion: number, metas: readonly Meta[]): StoredMeta[] => metas.map((m) => ({ ...m, planId, planVersion }));

/** Versions oldest first, then metas in order. */
export const byVersion = (a: StoredMeta, b: StoredMeta): number => a.planVersion - b.planVersion || a.order - b.order;

/** The plan must still be at `expectedVersion`. */
export function expectPlan(plan: ManagementPlan | null, expectedVersion: number): ManagementPlan {
  if (!plan || plan.version !== expectedVersion) throw new ConflictError('plan changed');
  return plan;
}

/** The quarter's header as stored after a write: created at version 1, or the next version of the stored one. */
export function nextQuarter(before: PlanQuarter | null, quarter: PlanQuarter, expectedVersion: number | null): PlanQuarter {
  if (expectedVersion === null) {
    if (before) throw new ConflictError('report exists');
    return { ...quarter, version: 1 };
  }
  if (!before || before.version !== expectedVersion) throw new ConflictError('report changed');
  return { ...quarter, version: expectedVersion + 1 };
}

export function nextModification(before: ModificationRequest | null, request: ModificationRequest, expectedVersion: number | null): ModificationRequest {
  if (expectedVersion === null) {
    if (before) throw new ConflictError('request exists');
    return { ...request, version: 1 };
  }
  if (!before || before.version !== expectedVersion) throw new ConflictError('request changed');
  return { ...request, version: expectedVersion + 1 };
}

/**
 * An event's id: its plan and the plan's record version after the step (every step bumps it), so
 * ids are unique and sort in the order the steps happened, whatever the clock says.
 */
export const eventId = (planId: string, recordVersion: number): string => `${planId}#${String(recordVersion).padStart(6, '0')}`;
/** Events oldest first. */
export const byTime = (a: PlanEvent, b: PlanEvent): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** What a plan transition changes on the plan. */
export function transitioned(plan: ManagementPlan, to: ManagementPlan['state'], holaCase: string | null, at: string): ManagementPlan {
  const formalized = to === 'official';
  return { ...plan, state: to, version: plan.version + 1, updatedAt: at, ...(formalized ? { holaCase, publishedVersion: plan.planVersion } : {}) };
}

export const emptyScreen = (): Omit<PlanScreenData, 'units' | 'institutionalObjectives' | 'okrSets' | 'vigencia'> => ({ bundle: null, versions: [], events: [], reports: [], quarters: [], modifications: [] });
