import { buildEntityDashboard, type EntityDashboard, type IsoDate, type Period, type QuarterId } from '@okr/core';
import type { OkrPort, StoreLifecycle } from '../store/Store.js';

type DashboardStore = OkrPort & Pick<StoreLifecycle, 'revision'>;

/** Dashboards already built, per store: by quarter and day, with the store revision they were built at. */
const built = new WeakMap<DashboardStore, Map<string, { revision: string; dashboard: Promise<EntityDashboard> }>>();

/**
 * The entity dashboard of a quarter: every unit's sets and check-ins read together through the
 * Store port (`loadEntityQuarter`: one request on SharePoint, filtered on the indexed `Quarter`),
 * then core builds the rows. The same dashboard is the same for everyone who may see it, so it is
 * built once per store revision (any write gives a new one) and day, and served from memory until
 * then — a plenaria's hundreds of viewers cost one build, not one each.
 */
export function loadDashboard(store: DashboardStore, quarter: QuarterId, asOf: IsoDate, period: Period): Promise<EntityDashboard> {
  const revision = store.revision();
  if (revision === null) return build(store, quarter, asOf, period);
  let byKey = built.get(store);
  if (!byKey) built.set(store, (byKey = new Map()));
  const key = `${quarter}|${asOf}|${period}`;
  const kept = byKey.get(key);
  if (kept && kept.revision === revision) return kept.dashboard;
  // Frozen: shared by every request until the next revision (and its JSON is then encoded once).
  const dashboard = build(store, quarter, asOf, period).then((d) => Object.freeze(d));
  byKey.set(key, { revision, dashboard });
  // A failed build is not kept.
  dashboard.catch(() => {
    if (byKey.get(key)?.dashboard === dashboard) byKey.delete(key);
  });
  return dashboard;
}

async function build(store: OkrPort, quarter: QuarterId, asOf: IsoDate, period: Period): Promise<EntityDashboard> {
  const data = await store.loadEntityQuarter(quarter);
  const order = (kind: string) => (kind === 'central' ? 0 : 1);
  const units = [...data.units].sort((a, b) => order(a.kind) - order(b.kind) || a.name.localeCompare(b.name, 'es'));
  return buildEntityDashboard({ quarter, asOf, period, units, bundles: data.bundles, checkIns: data.checkIns, institutionalObjectives: data.institutionalObjectives });
}
