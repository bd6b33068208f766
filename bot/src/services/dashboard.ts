import { buildEntityDashboard, type EntityDashboard, type IsoDate, type Period, type QuarterId } from '@okr/core';
import type { OkrPort } from '../store/Store.js';

/**
 * The entity dashboard of a quarter: every unit's sets and check-ins read together through the
 * Store port (`loadEntityQuarter`: one request on SharePoint, filtered on the indexed `Quarter`),
 * then core builds the rows.
 */
export async function loadDashboard(store: OkrPort, quarter: QuarterId, asOf: IsoDate, period: Period): Promise<EntityDashboard> {
  const data = await store.loadEntityQuarter(quarter);
  const order = (kind: string) => (kind === 'central' ? 0 : 1);
  const units = [...data.units].sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name, 'es'));
  return buildEntityDashboard({ quarter, asOf, period, units, bundles: data.bundles, checkIns: data.checkIns, institutionalObjectives: data.institutionalObjectives });
}
