import { buildTree, type IsoDate, type OkrTreeView, type QuarterId, type Unit } from '@okr/core';
import type { OkrPort } from '../store/Store.js';

/** Loads what a unit's OKR tree needs from the store (one read; one request on SharePoint) and lets core build it. */
export async function loadTree(store: OkrPort, unit: Unit, quarter: QuarterId, asOf: IsoDate): Promise<OkrTreeView> {
  const { bundle, checkIns, institutionalObjectives } = await store.loadUnitQuarter(unit.id, quarter);
  return buildTree({ unit, quarter, asOf, bundle, checkIns, institutionalObjectives });
}
