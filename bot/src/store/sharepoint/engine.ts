import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@okr/core';
import { ConflictError, UnauditedChangeError } from '../errors.js';
import { SEED_AUDIT_ENTITY } from '../rules.js';
import type { SeedData } from '../Store.js';
import { sameFields, type Fields } from './fields.js';
import { answerError, BATCH_LIMIT, odataString, relativeUrl, type ContentAnswer, type ContentCall, type GraphAnswer, type GraphCall, type GraphGateway } from './graph.js';
import { columnsOf, isIndexed, type LibrarySpec, type ListSpec } from './schema.js';
import { GraphUnavailableError, isThrottled } from './throttling.js';
import { ReadCache, type CacheQuery, type ReadCacheOptions } from './readCache.js';

/** Rounds of a write in a row that SharePoint throttles before any change goes through, before the write gives up. */
const THROTTLED_STALLS = 2;

/** Where the store lives: the site id, or its URL (https://tenant.sharepoint.com/sites/OKR). */
export type SiteRef = { id: string } | { url: string };

export interface SharePointStoreOptions {
  gateway: GraphGateway;
  site: SiteRef;
  now?: () => Date;
  /** `$top` of list queries. 5,000 is SharePoint's largest page; Graph may serve less and page. */
  pageSize?: number;
  /** The read cache kept fresh by delta queries (readCache.ts); off when absent. */
  cache?: ReadCacheOptions;
}

/** The site or its lists are not as `npm run provision` leaves them. */
export class SharePointSchemaError extends Error {
  constructor(message: string) {
    super(`${message}. Run \`npm run provision\` against the site (see README, "SharePoint store").`);
    this.name = 'SharePointSchemaError';
  }
}

export interface Item {
  id: string;
  eTag: string | null;
  fields: Fields;
}

export interface Query {
  list: ListSpec;
  /** One indexed column, `eq` (the only filter shape that is safe past 5,000 items). */
  where?: [column: string, value: string];
}

/** One change of one list item, with what is needed to undo it. */
export type WriteOp =
  | { kind: 'create'; list: ListSpec; fields: Fields }
  | { kind: 'update'; list: ListSpec; itemId: string; eTag: string | null; fields: Fields; previous: Fields }
  | { kind: 'delete'; list: ListSpec; itemId: string; eTag: string | null; previous: Fields };

/** An audit entry before the engine stamps its time. */
export interface AuditDraft {
  actorId: string;
  entity: string;
  entityId: string;
  action: AuditEntry['action'];
  before: unknown;
  after: unknown;
}

/** How the audit trail is kept (the audit module's list and mapper): the engine writes an entry with each audited change. */
export interface AuditTrail {
  list: ListSpec;
  /** The fields of the entry with this key (also its idempotency key), at `at`. */
  fields(key: string, entry: AuditDraft & { at: string }): Fields;
  /** The entity an entry's fields record. */
  entityOf(fields: Fields): string;
}

/** A module's part of the SharePoint store: its lists (and libraries), its seed, its repository. */
export interface SharePointModule<Port, Lists extends Readonly<Record<string, ListSpec>> = Readonly<Record<string, ListSpec>>> {
  /** The module's lists by key (the keys name them in tests and in `LISTS`). */
  lists: Lists;
  libraries?: readonly LibrarySpec[];
  /** The creates of the module's part of a first start. */
  seed?(engine: SharePointEngine, data: SeedData): WriteOp[];
  repository(engine: SharePointEngine): Port;
}

/** What the engine serves: the union of the modules' lists and libraries, and the audit trail. */
export interface SharePointSchema {
  lists: readonly ListSpec[];
  libraries: readonly LibrarySpec[];
  audit: AuditTrail;
  /**
   * Data of an earlier shape that `npm run provision` moves (migrations.ts): when the site still
   * has the `list`, the audit trail must hold the entry whose entity id is `marker` (written by the
   * move once complete), or the store refuses to start — it would serve a half-moved list.
   */
  migrations?: ReadonlyArray<{ list: string; marker: string }>;
}

interface Applied {
  op: WriteOp;
  itemId: string;
  eTag: string | null;
}

interface Ctx {
  siteId: string;
  /** List id by list name. */
  lists: Map<string, string>;
  /** Document library (list) id by name. */
  libraries: Map<string, string>;
  /** Each library's drive, looked up the first time a file is read or written. */
  drives: Map<string, Promise<string>>;
}

/**
 * The generic part of the SharePoint store, which knows lists but no module: resolving the site
 * and checking its lists against the schema, queries on indexed columns (every screen's reads as
 * ONE `$batch`, `@odata.nextLink` pages batched again), changes as sequential `$batch` requests —
 * `If-Match` on updates and deletes (a 412 is a ConflictError, never an overwrite), a unique
 * natural key and an idempotency key on creates (a retried create cannot duplicate), settling a
 * failure by re-reading, undoing what was written before the error goes up, as a SQLite
 * transaction would — month-by-month walks of large lists, and the drives of document libraries.
 * Throttled requests wait for Retry-After (GraphGateway), inside batches too.
 *
 * Audit that cannot be forgotten: `write` refuses (UnauditedChangeError, nothing sent) a change to
 * an audited list without an audit entry of the list's entity in the same batch.
 */
export class SharePointEngine {
  readonly now: () => Date;
  readonly gateway: GraphGateway;
  private readonly site: SiteRef;
  private readonly pageSize: number;
  private readonly schema: SharePointSchema;
  private ready: Promise<Ctx> | null = null;
  /** The read cache, when on: list queries answered from memory, kept fresh by delta queries. */
  readonly cache: ReadCache | null;

  constructor(options: SharePointStoreOptions, schema: SharePointSchema) {
    this.gateway = options.gateway;
    this.site = options.site;
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.pageSize ?? 5000;
    this.schema = schema;
    this.cache = options.cache
      ? new ReadCache(
          {
            fetch: (queries) => this.fetch(queries),
            delta: (calls) => this.delta(calls),
            toItem,
          },
          options.cache,
        )
      : null;
  }

  /** Every list of the schema (an import run's recovery finds the lists of its journal by name). */
  get lists(): readonly ListSpec[] {
    return this.schema.lists;
  }

  // ── set-up ────────────────────────────────────────────────────────────────────────────────────

  /** Resolves the site and the list ids once per process (2–3 requests) and checks the schema. */
  private ctx(): Promise<Ctx> {
    this.ready ??= this.init().catch((error: unknown) => {
      this.ready = null; // a transient failure must not stick
      throw error;
    });
    return this.ready;
  }

  private async init(): Promise<Ctx> {
    const siteId = await resolveSiteId(this.gateway, this.site);
    const { lists: specs, libraries: librarySpecs } = this.schema;
    const [found] = await this.gateway.queryAll([`/sites/${siteId}/lists?$select=id,name,displayName,list&$top=${this.pageSize}`]);
    const byName = new Map((found ?? []).map((l) => [String(l.name), l]));
    const lists = new Map<string, string>();
    const libraries = new Map<string, string>();
    const missing: string[] = [];
    for (const spec of specs) {
      const list = byName.get(spec.name);
      if (list) lists.set(spec.name, String(list.id));
      else missing.push(spec.name);
    }
    for (const spec of librarySpecs) {
      const library = byName.get(spec.name);
      if (library) libraries.set(spec.name, String(library.id));
      else missing.push(`${spec.name} (document library)`);
    }
    if (missing.length > 0) throw new SharePointSchemaError(`Missing SharePoint lists: ${missing.join(', ')}`);
    for (const spec of librarySpecs) {
      if ((byName.get(spec.name)!.list as { template?: string } | undefined)?.template !== 'documentLibrary') {
        throw new SharePointSchemaError(`${spec.name} is a list, not a document library`);
      }
    }
    const columns = await this.gateway.queryAll(specs.map((s) => `/sites/${siteId}/lists/${lists.get(s.name)}/columns?$select=name,indexed,enforceUniqueValues`));
    const problems: string[] = [];
    specs.forEach((spec, i) => {
      const have = new Map((columns[i] ?? []).map((c) => [String(c.name), c]));
      for (const column of spec.columns) {
        const found = have.get(column.name);
        if (!found) problems.push(`${spec.name}.${column.name} is missing`);
        else if (isIndexed(column) && found.indexed !== true) problems.push(`${spec.name}.${column.name} is not indexed`);
      }
    });
    if (problems.length > 0) throw new SharePointSchemaError(`SharePoint lists differ from the schema: ${problems.join('; ')}`);
    const pending = (this.schema.migrations ?? []).filter((m) => byName.has(m.list));
    if (pending.length > 0) {
      const auditUrl = `/sites/${siteId}/lists/${lists.get(this.schema.audit.list.name)}/items?$select=id&$top=1&$filter=`;
      const found = await this.gateway.queryAll(pending.map((m) => auditUrl + encodeURIComponent(`fields/EntityId eq ${odataString(m.marker)}`)));
      const waiting = pending.filter((_, i) => (found[i] ?? []).length === 0).map((m) => m.list);
      if (waiting.length > 0) throw new SharePointSchemaError(`${waiting.join(', ')} still hold data of an earlier shape that was not moved yet`);
    }
    return { siteId, lists, libraries, drives: new Map() };
  }

  private listUrl(ctx: Ctx, list: ListSpec): string {
    const id = ctx.lists.get(list.name);
    if (!id) throw new Error(`${list.name} is not a list of the store's schema`);
    return `/sites/${ctx.siteId}/lists/${id}`;
  }

  /** Forgets the site and lists (the next request resolves them again) and what the cache holds. */
  reset(): void {
    this.ready = null;
    this.cache?.clear();
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────

  private itemsUrl(ctx: Ctx, q: Query, top = this.pageSize): string {
    const base = `${this.listUrl(ctx, q.list)}/items?$select=id,eTag&$expand=fields($select=${columnsOf(q.list).join(',')})&$top=${top}`;
    if (!q.where) return base;
    const [column, value] = q.where;
    const spec = q.list.columns.find((c) => c.name === column);
    // A filter on a column that is not indexed fails once a list passes 5,000 items: never send one.
    if (!spec || !isIndexed(spec)) throw new Error(`${q.list.name}.${column} is not an indexed column`);
    return `${base}&$filter=${encodeURIComponent(`fields/${column} eq ${odataString(value)}`)}`;
  }

  /**
   * The queries' items: from the read cache when it is on (see readCache.ts), otherwise — and with
   * `fresh` — run together on Graph (one `$batch`, plus one per further page).
   */
  async read(queries: readonly Query[], options: { fresh?: boolean } = {}): Promise<Item[][]> {
    if (queries.length === 0) return [];
    if (this.cache && !options.fresh) {
      await this.ctx(); // the schema check comes first, as without the cache
      return this.cache.read(queries);
    }
    return this.fetch(queries);
  }

  private async fetch(queries: readonly CacheQuery[]): Promise<Item[][]> {
    const ctx = await this.ctx();
    const firsts = queries.map((q, i) => (q.first ? i : -1)).filter((i) => i >= 0);
    const rest = queries.map((q, i) => (q.first ? -1 : i)).filter((i) => i >= 0);
    const out: Item[][] = new Array(queries.length);
    const [pages] = await Promise.all([
      rest.length > 0 ? this.gateway.queryAll(rest.map((i) => this.itemsUrl(ctx, queries[i]!))) : [],
      ...firsts.map(async (i) => {
        const first = await this.fetchFirst(ctx, queries[i]!.list);
        out[i] = first ? [first] : [];
      }),
    ]);
    rest.forEach((i, k) => (out[i] = pages[k]!.map(toItem)));
    return out;
  }

  /**
   * Each list's changes since its deltaLink (or, without one, a deltaLink for now: `token=latest`),
   * all lists in one `$batch`, nextLinks followed; 'expired' for a 410 (Graph's resync).
   */
  private async delta(calls: ReadonlyArray<{ list: ListSpec; link: string | null }>): Promise<Array<{ items: Array<Record<string, unknown>>; link: string } | 'expired'>> {
    const ctx = await this.ctx();
    const out: Array<{ items: Array<Record<string, unknown>>; link: string } | 'expired'> = calls.map(() => ({ items: [], link: '' }));
    let pending = calls.map((c, i) => ({
      i,
      url: c.link ?? `${this.listUrl(ctx, c.list)}/items/delta?$select=id,eTag&$expand=fields($select=${columnsOf(c.list).join(',')})&$top=${this.pageSize}&token=latest`,
    }));
    while (pending.length > 0) {
      const answers = await this.gateway.batch(
        pending.map((p) => ({ method: 'GET' as const, url: p.url })),
        { mode: 'parallel' },
      );
      const next: typeof pending = [];
      answers.forEach((answer, k) => {
        const p = pending[k]!;
        if (answer.status === 410) {
          out[p.i] = 'expired';
          return;
        }
        if (answer.status !== 200) throw answerError(`GET ${calls[p.i]!.list.name} delta`, answer);
        const result = out[p.i] as { items: Array<Record<string, unknown>>; link: string };
        result.items.push(...((answer.body?.value ?? []) as Array<Record<string, unknown>>));
        const more = answer.body?.['@odata.nextLink'] as string | undefined;
        if (more) next.push({ i: p.i, url: relativeUrl(more) });
        else result.link = relativeUrl(String(answer.body?.['@odata.deltaLink'] ?? ''));
      });
      pending = next;
    }
    return out;
  }

  async readOne(query: Query, options: { fresh?: boolean } = {}): Promise<Item[]> {
    return (await this.read([query], options))[0]!;
  }

  /** The item with this natural key (`RecordKey`, unique), if there is one; `fresh` skips the cache. */
  async item(list: ListSpec, recordKey: string, options: { fresh?: boolean } = {}): Promise<Item | undefined> {
    return (await this.readOne({ list, where: ['RecordKey', recordKey] }, options))[0];
  }

  /** The first item of a list (by id), or null when the list is empty: one request (none from the cache). */
  async firstItem(list: ListSpec): Promise<Item | null> {
    if (this.cache) return (await this.cache.read([{ list, first: true }]))[0]![0] ?? null;
    return this.fetchFirst(await this.ctx(), list);
  }

  private async fetchFirst(ctx: Ctx, list: ListSpec): Promise<Item | null> {
    const [answer] = await this.gateway.batch([{ method: 'GET', url: this.itemsUrl(ctx, { list }, 1) }], { mode: 'parallel' });
    if (answer!.status !== 200) throw answerError(`GET ${list.name}`, answer!);
    const first = (answer!.body?.value as Array<Record<string, unknown>> | undefined)?.[0];
    return first ? toItem(first) : null;
  }

  private async readItem(ctx: Ctx, list: ListSpec, itemId: string): Promise<Item | null> {
    const url = `${this.listUrl(ctx, list)}/items/${itemId}?$select=id,eTag&$expand=fields($select=${columnsOf(list).join(',')})`;
    const [answer] = await this.gateway.batch([{ method: 'GET', url }], { mode: 'parallel' });
    if (answer!.status === 404) return null;
    if (answer!.status !== 200) throw answerError(`GET ${list.name}/${itemId}`, answer!);
    return toItem(answer!.body);
  }

  /**
   * Reads a large, month-partitioned list newest month first: from next month back to the month of
   * the list's oldest item, up to 20 months per request, until `wanted` items are found — and then
   * one month more, for items of an earlier month written later.
   */
  async walkMonths(list: ListSpec, monthField: string, where: (month: string) => [string, string], wanted: number): Promise<Item[]> {
    const oldest = await this.firstItem(list);
    if (!oldest) return [];
    const months = monthsBack(nextMonth(this.now().toISOString().slice(0, 7)), String(oldest.fields[monthField] ?? ''));
    const found: Item[] = [];
    let k = 0;
    while (k < months.length && found.length < wanted) {
      const group = months.slice(k, k + 20);
      k += group.length;
      for (const page of await this.read(group.map((m) => ({ list, where: where(m) })))) found.push(...page);
    }
    if (k < months.length) for (const page of await this.read([{ list, where: where(months[k]!) }])) found.push(...page);
    return found;
  }

  // ── changes ───────────────────────────────────────────────────────────────────────────────────

  /** The audit entry of a change, stamped now; it goes in the same `write` as the change. */
  audit(draft: AuditDraft): WriteOp {
    const key = randomUUID();
    return { kind: 'create', list: this.schema.audit.list, fields: this.schema.audit.fields(key, { ...draft, at: this.now().toISOString() }) };
  }

  create(list: ListSpec, fields: Fields): WriteOp {
    return { kind: 'create', list, fields: { ...fields, IdempotencyKey: randomUUID() } };
  }

  /** An update of the item's fields; with `ifMatch` false (technical data, last writer wins) it carries no eTag. */
  update(list: ListSpec, item: Item, fields: Fields, ifMatch = true): WriteOp {
    const previous = Object.fromEntries(Object.keys(fields).map((k) => [k, item.fields[k] ?? null]));
    return { kind: 'update', list, itemId: item.id, eTag: ifMatch ? item.eTag : null, fields, previous };
  }

  remove(list: ListSpec, item: Item): WriteOp {
    const previous = Object.fromEntries(Object.entries(item.fields).filter(([k]) => !k.startsWith('@odata') && k !== 'id'));
    return { kind: 'delete', list, itemId: item.id, eTag: item.eTag, previous };
  }

  private call(ctx: Ctx, op: WriteOp): GraphCall {
    const items = `${this.listUrl(ctx, op.list)}/items`;
    const ifMatch = op.kind !== 'create' && op.eTag ? { 'If-Match': op.eTag } : undefined;
    switch (op.kind) {
      case 'create':
        return { method: 'POST', url: items, body: { fields: withoutEmpty(op.fields) } };
      case 'update':
        return { method: 'PATCH', url: `${items}/${op.itemId}/fields`, body: op.fields, ...(ifMatch ? { headers: ifMatch } : {}) };
      case 'delete':
        return { method: 'DELETE', url: `${items}/${op.itemId}`, ...(ifMatch ? { headers: ifMatch } : {}) };
    }
  }

  /**
   * Refuses a change to an audited list that has no audit entry of the list's entity among the
   * same changes (the seed's one summary entry stands for all).
   */
  private checkAudited(ops: readonly WriteOp[]): void {
    const trail = this.schema.audit;
    const entities = new Set(ops.flatMap((op) => (op.kind === 'create' && op.list === trail.list ? [trail.entityOf(op.fields)] : [])));
    if (entities.has(SEED_AUDIT_ENTITY)) return;
    for (const op of ops) {
      if (op.list.audit !== null && !entities.has(op.list.audit)) {
        throw new UnauditedChangeError(`${op.list.name} changed without an audit entry for ${op.list.audit} in the same batch`);
      }
    }
  }

  /**
   * Applies the changes in order, as sequential `$batch` requests (20 per request). A failure is
   * first checked against what is stored — our own earlier attempt whose answer was lost counts as
   * done — and otherwise everything applied so far is undone, newest first, and the error (a
   * ConflictError for a 409/412 that is someone else's) goes up. A change still throttled after
   * the gateway's waits is sent again from where the write stopped, as long as rounds make progress.
   */
  async write(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    this.checkAudited(ops);
    const ctx = await this.ctx();
    let applied: Applied[] = [];
    try {
      applied = await this.apply(ctx, ops);
    } catch (error) {
      for (const op of ops) this.cache?.invalidate(op.list);
      throw error;
    }
    this.remember(applied);
  }

  /** The app's own changes, into the read cache at once (the writer's next read sees them). */
  private remember(applied: readonly Applied[]): void {
    const cache = this.cache;
    if (!cache) return;
    for (const { op, itemId, eTag } of applied) {
      if (op.kind === 'create') cache.created(op.list, { id: itemId, eTag, fields: storedFields(op.list, op.fields) });
      else if (op.kind === 'update') cache.updated(op.list, itemId, eTag, storedFields(op.list, op.fields, true));
      else cache.deleted(op.list, itemId);
    }
  }

  private async apply(ctx: Ctx, ops: readonly WriteOp[]): Promise<Applied[]> {
    const applied: Applied[] = [];
    let i = 0;
    let stalls = 0;
    while (i < ops.length) {
      let answers: GraphAnswer[];
      try {
        answers = await this.gateway.batch(
          ops.slice(i).map((op) => this.call(ctx, op)),
          { mode: 'sequential' },
        );
      } catch (error) {
        // The batch's answer never came (network, or throttled past the bound): find out which of
        // its changes went through before undoing, so nothing is left half-done unknowingly.
        applied.push(...(await this.appliedPrefix(ctx, ops.slice(i, i + BATCH_LIMIT)).catch(() => [])));
        await this.undo(ctx, applied);
        throw error;
      }
      let j = 0;
      for (; j < answers.length && answers[j]!.status < 300; j++) applied.push(appliedFrom(ops[i + j]!, answers[j]!));
      i += j;
      if (i >= ops.length) break;
      // Still throttled after the gateway's waits: a long write (a quarter's close, hundreds of
      // changes) goes on from where it stopped for as long as each round gets further; only
      // THROTTLED_STALLS rounds in a row without progress give up (and undo).
      if (isThrottled(answers[j]!.status)) {
        stalls = j > 0 ? 0 : stalls + 1;
        if (stalls <= THROTTLED_STALLS) continue;
      }
      const settled = await this.settle(ctx, ops[i]!, answers[j]!);
      if (settled instanceof Error) {
        await this.undo(ctx, applied);
        throw settled;
      }
      applied.push(settled);
      i++;
    }
    return applied;
  }

  /** Decides what a failed change means by looking at what is stored now. */
  private async settle(ctx: Ctx, op: WriteOp, answer: GraphAnswer): Promise<Applied | Error> {
    const duplicate = answer.status === 409 || /duplicate values/i.test(String(answer.body?.error?.message ?? ''));
    if (op.kind === 'create' && duplicate) {
      const item = await this.item(op.list, String(op.fields.RecordKey), { fresh: true });
      if (item && item.fields.IdempotencyKey === op.fields.IdempotencyKey) return { op, itemId: item.id, eTag: item.eTag };
      return new ConflictError(`${op.list.name} ${String(op.fields.RecordKey)} already exists`);
    }
    if (op.kind !== 'create' && (answer.status === 412 || answer.status === 404)) {
      const current = await this.readItem(ctx, op.list, op.itemId);
      if (op.kind === 'delete' && current === null) return { op, itemId: op.itemId, eTag: null };
      if (op.kind === 'update' && current && sameFields(current.fields, op.fields)) return { op, itemId: op.itemId, eTag: current.eTag };
      return new ConflictError(`${op.list.name} item ${op.itemId} was changed by someone else (${answer.status})`);
    }
    if (isThrottled(answer.status)) return new GraphUnavailableError(`SharePoint is throttling this app; ${op.list.name} was not changed`, answer.status);
    return answerError(`${op.kind} ${op.list.name}`, answer);
  }

  /** Of changes sent in sequence whose answer was lost, the ones that are stored (a prefix). */
  private async appliedPrefix(ctx: Ctx, ops: readonly WriteOp[]): Promise<Applied[]> {
    const out: Applied[] = [];
    for (const op of ops) {
      let settled: Applied | null = null;
      if (op.kind === 'create') {
        const item = await this.item(op.list, String(op.fields.RecordKey), { fresh: true });
        if (item && item.fields.IdempotencyKey === op.fields.IdempotencyKey) settled = { op, itemId: item.id, eTag: item.eTag };
      } else {
        const current = await this.readItem(ctx, op.list, op.itemId);
        if (op.kind === 'delete' && current === null) settled = { op, itemId: op.itemId, eTag: null };
        if (op.kind === 'update' && current && current.eTag !== op.eTag && sameFields(current.fields, op.fields)) settled = { op, itemId: op.itemId, eTag: current.eTag };
      }
      if (!settled) break;
      out.push(settled);
    }
    return out;
  }

  /** Undoes applied changes, newest first (audit entries of the undone changes go too). */
  private async undo(ctx: Ctx, applied: Applied[]): Promise<void> {
    const inverse: WriteOp[] = applied
      .slice()
      .reverse()
      .map((a): WriteOp => {
        switch (a.op.kind) {
          case 'create':
            return { kind: 'delete', list: a.op.list, itemId: a.itemId, eTag: a.eTag, previous: a.op.fields };
          case 'update':
            return { kind: 'update', list: a.op.list, itemId: a.itemId, eTag: a.eTag, fields: a.op.previous, previous: a.op.fields };
          case 'delete':
            return { kind: 'create', list: a.op.list, fields: { ...a.op.previous, IdempotencyKey: randomUUID() } };
        }
      });
    applied.length = 0;
    if (inverse.length === 0) return;
    try {
      const answers = await this.gateway.batch(
        inverse.map((op) => this.call(ctx, op)),
        { mode: 'parallel' },
      );
      const failed = answers.filter((a) => a.status >= 300 && a.status !== 404);
      if (failed.length > 0) throw new Error(`${failed.length} of ${inverse.length} changes could not be undone`);
    } catch (error) {
      throw new GraphUnavailableError(
        `SharePoint write failed and undoing it failed too (${error instanceof Error ? error.message : String(error)}); the lists may hold a partial change`,
        null,
      );
    }
  }

  /**
   * Re-reads the item with this key and, if `decide` returns fields, writes them with If-Match
   * (and an audit entry when asked). A 412 means someone changed it meanwhile: read and decide
   * again, so the outcome is that of a conditional UPDATE. False when there is no item or nothing to do.
   */
  async changeWhere(list: ListSpec, key: string, decide: (fields: Fields) => Fields | null, audit?: (before: Fields, after: Fields) => AuditDraft): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const item = await this.item(list, key, { fresh: attempt > 0 });
      if (!item) return false;
      const fields = decide(item.fields);
      if (!fields) return false;
      try {
        await this.write([this.update(list, item, fields), ...(audit ? [this.audit(audit(item.fields, { ...item.fields, ...fields }))] : [])]);
        return true;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    throw new ConflictError(`${list.name} ${key} keeps changing`);
  }

  /**
   * A first start: the creates in parallel batches, those on `last` (and the seed's audit entry)
   * after all others — `isEmpty` looks at that list, so a seed cut short is simply run again, and
   * the unique RecordKey makes what was already written answer 409 instead of duplicating.
   */
  async seed(ops: readonly WriteOp[], audit: AuditDraft, last: ListSpec): Promise<void> {
    this.cache?.clear();
    const entry = this.audit(audit);
    this.checkAudited([...ops, entry]);
    const ctx = await this.ctx();
    for (const phase of [ops.filter((op) => op.list !== last), [...ops.filter((op) => op.list === last), entry]]) {
      const answers = await this.gateway.batch(
        phase.map((op) => this.call(ctx, op)),
        { mode: 'parallel' },
      );
      const failed = answers.map((a, i) => [a, phase[i]!] as const).find(([a]) => a.status >= 300 && a.status !== 409);
      if (failed) throw answerError(`seed ${failed[1].list.name}`, failed[0]);
    }
  }

  // ── files ─────────────────────────────────────────────────────────────────────────────────────

  /** The drive of a document library, looked up once per process. */
  async driveOf(library: LibrarySpec): Promise<string> {
    const ctx = await this.ctx();
    let drive = ctx.drives.get(library.name);
    if (!drive) {
      drive = (async () => {
        const answer = await this.gateway.call({ method: 'GET', url: `/sites/${ctx.siteId}/lists/${ctx.libraries.get(library.name)}/drive?$select=id` });
        if (answer.status !== 200 || !answer.body?.id) throw answerError(`GET ${library.name} drive`, answer);
        return String(answer.body.id);
      })().catch((error: unknown) => {
        ctx.drives.delete(library.name); // a transient failure must not stick
        throw error;
      });
      ctx.drives.set(library.name, drive);
    }
    return drive;
  }

  /** A request about a file's content (upload, download, delete), outside `$batch`. */
  content(call: ContentCall): Promise<ContentAnswer> {
    return this.gateway.content(call);
  }
}

/** Finds the site's id from its URL (GET /sites/{hostname}:/{path}), or takes the id as given. */
export async function resolveSiteId(gateway: GraphGateway, site: SiteRef): Promise<string> {
  if ('id' in site) return site.id;
  const url = new URL(site.url);
  const path = url.pathname.replace(/\/+$/, '');
  const answer = await gateway.call({ method: 'GET', url: path ? `/sites/${url.hostname}:${path}?$select=id` : `/sites/${url.hostname}?$select=id` });
  if (answer.status !== 200 || !answer.body?.id) {
    throw new SharePointSchemaError(`SharePoint site ${site.url} not found or not granted to this app (${answer.status} ${answer.body?.error?.message ?? ''})`);
  }
  return String(answer.body.id);
}

function toItem(raw: Record<string, unknown>): Item {
  const fields = (raw.fields ?? {}) as Fields;
  const eTag = (raw.eTag ?? raw['@odata.etag'] ?? fields['@odata.etag'] ?? null) as string | null;
  return { id: String(raw.id ?? fields.id), eTag, fields };
}

function appliedFrom(op: WriteOp, answer: GraphAnswer): Applied {
  const body = (answer.body ?? {}) as Record<string, unknown>;
  switch (op.kind) {
    case 'create':
      return { op, itemId: String(body.id), eTag: (body.eTag ?? body['@odata.etag'] ?? null) as string | null };
    case 'update':
      return { op, itemId: op.itemId, eTag: (body['@odata.etag'] ?? null) as string | null };
    case 'delete':
      return { op, itemId: op.itemId, eTag: null };
  }
}

/**
 * Fields as SharePoint stores and returns them: numbers in number columns, text elsewhere, empty
 * values left out (or, for an update, kept as null: the cache removes them).
 */
function storedFields(list: ListSpec, fields: Fields, partial = false): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === null || v === undefined || v === '') {
      if (partial) out[k] = null;
      continue;
    }
    const column = list.columns.find((c) => c.name === k);
    out[k] = column?.type === 'number' ? Number(v) : String(v);
  }
  return out;
}

/** SharePoint keeps no empty values: a create leaves them out. */
function withoutEmpty(fields: Fields): Fields {
  const out: Fields = {};
  for (const k in fields) {
    const v = fields[k];
    if (v !== null && v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Months from `from` back to `to`, both included, newest first (at most 50 years). */
function monthsBack(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (out.length < 600) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month <= to) break;
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
  }
  return out;
}
