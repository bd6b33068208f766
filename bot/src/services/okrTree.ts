import { buildTree, quarterMonths, type IsoDate, type OkrTreeView, type QuarterId, type Unit } from '@okr/core';
import type { Store } from '../store/Store.js';

/** Loads what a unit's OKR tree needs from the store and lets core build it. */
export async function loadTree(store: Store, unit: Unit, quarter: QuarterId, asOf: IsoDate): Promise<OkrTreeView> {
  const [bundle, checkIns, institutionalObjectives] = await Promise.all([
    store.getSet(unit.id, quarter),
    store.listCheckIns(unit.id, quarterMonths(quarter)),
    store.listInstitutionalObjectives(),
  ]);
  return buildTree({ unit, quarter, asOf, bundle, checkIns, institutionalObjectives });
}
