/**
 * TEST AND DEVELOPMENT CODE ONLY — a SharePointStore wired to the Graph fake, for the tests, the bench and `npm run start:sharepoint`.
 */
import type { CheckIn } from '@okr/core';
import { GraphGateway } from '../graph.js';
import { ACTA_LIBRARY } from '../repositories/actas.js';
import { checkInMonthFields } from '../repositories/okr.js';
import { legacyCheckInFields } from '../migrations.js';
import { columnDefinition } from '../schema.js';
import { LIBRARIES, LISTS, SharePointStore, type ListKey } from '../SharePointStore.js';
import type { ReadCacheOptions } from '../readCache.js';
import { FakeGraph, type FakeDrive, type FakeFields, type FakeGraphOptions, type FakeList, type FakeSite } from './FakeGraph.js';

export const SITE_URL = 'https://gobiernobogota.sharepoint.com/sites/OKR';

export interface FakeSharePoint {
  fake: FakeGraph;
  site: FakeSite;
  store: SharePointStore;
  gateway: GraphGateway;
  /** Every wait the store asked for (Retry-After or backoff), in ms; nothing really waits. */
  waits: number[];
  list(key: ListKey): FakeList;
  /** The drive of the «ActasOKR» document library. */
  library(): FakeDrive;
}

export interface FakeSharePointOptions extends FakeGraphOptions {
  now?: () => Date;
  /** Create the lists as `npm run provision` would (default true). */
  provisioned?: boolean;
  /** Rows put straight into the check-in list before the store starts. */
  checkInHistory?: readonly FakeFields[];
  /** The store's `$top` (default 5000, SharePoint's largest page). */
  storePageSize?: number;
  maxRetries?: number;
  /** The store's read cache (off unless given). */
  cache?: ReadCacheOptions;
}

/** A fake SharePoint site with the store's lists, and the store over it. */
export function fakeSharePoint(options: FakeSharePointOptions = {}): FakeSharePoint {
  const fake = new FakeGraph(options);
  const site = fake.addSite(SITE_URL);
  if (options.provisioned !== false) {
    for (const spec of Object.values(LISTS)) site.createList(spec.name, spec.description, spec.columns.map(columnDefinition));
    for (const spec of LIBRARIES) site.createList(spec.name, spec.description, [], 'documentLibrary');
  }
  const list = (key: ListKey) => {
    const l = site.list(LISTS[key].name);
    if (!l) throw new Error(`list ${LISTS[key].name} is not provisioned`);
    return l;
  };
  if (options.checkInHistory) list('checkIns').bulkInsert(options.checkInHistory);
  const waits: number[] = [];
  const gateway = new GraphGateway({
    tokenProvider: async () => 'fake-token',
    transport: fake.transport(),
    retry: {
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...(options.maxRetries !== undefined ? { maxRetries: options.maxRetries } : {}),
    },
  });
  const store = new SharePointStore({
    gateway,
    site: { url: SITE_URL },
    ...(options.now ? { now: options.now } : {}),
    ...(options.storePageSize ? { pageSize: options.storePageSize } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const library = () => {
    const drive = site.list(ACTA_LIBRARY.name)?.drive;
    if (!drive) throw new Error(`library ${ACTA_LIBRARY.name} is not provisioned`);
    return drive;
  };
  return { fake, site, store, gateway, waits, list, library };
}

let history: { count: number; checkIns: CheckIn[] } | null = null;
const shaped = new Map<string, readonly FakeFields[]>();

/**
 * 100,000 check-ins of the 44 units' key results (9 each), month after month from January 2000
 * (about 21 years): what the store holds after two decades. Built once per process and shared.
 */
function historicCheckIns(unitIds: readonly string[], count: number): CheckIn[] {
  if (history && history.count === count) return history.checkIns;
  const checkIns: CheckIn[] = [];
  const perMonth = unitIds.length * 9;
  for (let i = 0; i < count; i++) {
    const unitId = unitIds[i % unitIds.length]!;
    const kr = Math.floor(i / unitIds.length) % 9;
    const monthIndex = Math.floor(i / perMonth);
    const year = 2000 + Math.floor(monthIndex / 12);
    const period = `${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}`;
    const keyResultId = `hist-${unitId}-${year}-kr${kr + 1}`;
    const at = `${period}-25T15:00:00.000Z`;
    checkIns.push({
      id: `${keyResultId}|${period}`,
      keyResultId,
      unitId,
      period,
      value: i % 100,
      comment: 'Reporte histórico.',
      evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/${unitId}/Evidencias/${period}`,
      authorId: `enlace-${unitId}`,
      createdAt: at,
      updatedAt: at,
      version: 1,
    });
  }
  history = { count, checkIns };
  return checkIns;
}

/**
 * The check-in list after two decades (`historicCheckIns`): one item per unit and month
 * (`OkrCheckInsMes`), about 11,100 items — past the 5,000-item list view threshold. Shared rows
 * (the fake replaces, never mutates, an item's fields on update).
 */
export function checkInHistory(unitIds: readonly string[], count = 100_000): readonly FakeFields[] {
  const key = `month|${count}|${unitIds.join(',')}`;
  let rows = shaped.get(key);
  if (!rows) {
    const months = new Map<string, CheckIn[]>();
    for (const c of historicCheckIns(unitIds, count)) {
      const k = `${c.unitId}|${c.period}`;
      const month = months.get(k);
      if (month) month.push(c);
      else months.set(k, [c]);
    }
    rows = [...months.values()].map((cs) => Object.freeze(checkInMonthFields(cs[0]!.unitId, cs[0]!.period, cs)));
    shaped.set(key, rows);
  }
  return rows;
}

/**
 * The same history as the list held it before check-ins went one item per unit and month: the
 * legacy `OkrCheckIns`, one item per key result and month (`LEGACY_CHECK_INS`, for the migration).
 */
export function legacyCheckInHistory(unitIds: readonly string[], count = 100_000): readonly FakeFields[] {
  const key = `legacy|${count}|${unitIds.join(',')}`;
  let rows = shaped.get(key);
  if (!rows) {
    rows = historicCheckIns(unitIds, count).map((c) => Object.freeze(legacyCheckInFields(c)));
    shaped.set(key, rows);
  }
  return rows;
}
