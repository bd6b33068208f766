/**
 * TEST AND DEVELOPMENT CODE ONLY — a SharePointStore wired to the Graph fake, for the tests, the bench and `npm run start:sharepoint`.
 */
import { quarterOf } from '@okr/core';
import { GraphGateway } from '../graph.js';
import { ACTA_LIBRARY } from '../repositories/actas.js';
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

let history: FakeFields[] | null = null;

/**
 * 100,000 check-ins of the 44 units' key results, month after month from January 2000 (about 21
 * years): what the list holds after two decades. Built once per process and shared (the fake
 * keeps rows as given and replaces, never mutates, them on update).
 */
export function checkInHistory(unitIds: readonly string[], count = 100_000): readonly FakeFields[] {
  if (history && history.length === count) return history;
  const rows: FakeFields[] = [];
  const perMonth = unitIds.length * 9;
  // Repeated values share one string (the rows stay in memory for the whole test file).
  const strings = new Map<string, string>();
  const intern = (v: string) => strings.get(v) ?? (strings.set(v, v), v);
  for (let i = 0; i < count; i++) {
    const unitId = unitIds[i % unitIds.length]!;
    const kr = Math.floor(i / unitIds.length) % 9;
    const monthIndex = Math.floor(i / perMonth);
    const year = 2000 + Math.floor(monthIndex / 12);
    const period = intern(`${year}-${String((monthIndex % 12) + 1).padStart(2, '0')}`);
    const quarter = intern(quarterOf(`${period}-01`));
    const keyResultId = intern(`hist-${unitId}-${year}-kr${kr + 1}`);
    const recordKey = `${keyResultId}|${period}`;
    const at = intern(`${period}-25T15:00:00.000Z`);
    rows.push(
      Object.freeze({
        RecordKey: recordKey,
        Title: recordKey,
        UnitQuarter: intern(`${unitId}|${quarter}`),
        Quarter: quarter,
        CheckInId: recordKey,
        KeyResultId: keyResultId,
        UnitId: unitId,
        Period: period,
        Value: i % 100,
        CommentText: 'Reporte histórico.',
        EvidenceUrl: intern(`https://gobiernobogota.sharepoint.com/sites/OKR/${unitId}/Evidencias/${period}`),
        AuthorId: intern(`enlace-${unitId}`),
        CreatedAt: at,
        UpdatedAt: at,
        RecordVersion: 1,
      }),
    );
  }
  history = rows;
  return rows;
}
