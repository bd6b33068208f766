/**
 * TEST CODE ONLY — the storage of the Graph fake (see FakeGraph.ts): sites, lists with their
 * columns, indexes and items, document libraries' drives, and the errors Graph answers with.
 */
import { randomUUID } from 'node:crypto';

const TEXT_MAX = 255;
/** Multiple lines of plain text hold at most 63,999 characters. */
const NOTE_MAX = 63_999;

export type FakeFields = Record<string, unknown>;

export interface FakeColumn {
  id: string;
  name: string;
  displayName: string;
  description: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  readOnly: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number; textType?: string; linesForEditing?: number };
  number?: Record<string, unknown>;
}

export interface FakeItem {
  id: number;
  version: number;
  created: string;
  modified: string;
  fields: FakeFields;
}

/** What "Graph" answers: a status, headers, and a JSON body or a file's bytes. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A file's bytes (drive content), instead of a JSON body. */
  bytes?: Buffer;
}

export const error = (status: number, code: string, message: string, headers?: Record<string, string>): Answer => ({ status, body: { error: { code, message } }, ...(headers ? { headers } : {}) });

export class HttpError extends Error {
  constructor(readonly answer: Answer) {
    super(String((answer.body as { error?: { message?: string } })?.error?.message ?? answer.status));
  }
}
export const fail = (status: number, code: string, message: string): never => {
  throw new HttpError(error(status, code, message));
};

/**
 * Rows put in with `bulkInsert` into an empty list become a shared, read-only base layer (ids
 * 1..n) with indexes built once per process and column; the list keeps its own changes on top
 * (new items, replaced items, deleted ids). A 100,000-item list then costs nothing per test.
 */
interface Base {
  rows: readonly FakeFields[];
  at: string;
  indexes: Map<string, Map<string, number[]>>;
}
const bases = new WeakMap<readonly FakeFields[], Base>();

function baseIndex(base: Base, column: string): Map<string, number[]> {
  let index = base.indexes.get(column);
  if (!index) {
    index = new Map();
    base.rows.forEach((fields, i) => {
      const v = normalise(fields[column]);
      if (v === null) return;
      const ids = index!.get(v);
      if (ids) ids.push(i + 1);
      else index!.set(v, [i + 1]);
    });
    base.indexes.set(column, index);
  }
  return index;
}

export interface FakeFile {
  id: string;
  /** Folder path and name as first written, e.g. "al-suba/acta.docx". */
  path: string;
  name: string;
  bytes: Buffer;
  version: number;
  created: string;
  modified: string;
}

/** Characters SharePoint refuses in file and folder names. */
const INVALID_NAME = /["*:<>?\\|]/;

/** The drive of a document library: files by path (case-insensitive, as SharePoint's URLs). */
export class FakeDrive {
  readonly id = `b!${randomUUID().replace(/-/g, '')}`;
  private readonly files = new Map<string, FakeFile>();
  private nextId = 1;

  /** The file at this path ("folder/name.docx"), or undefined. */
  file(path: string): FakeFile | undefined {
    return this.files.get(path.toLowerCase());
  }

  byId(id: string): FakeFile | undefined {
    return [...this.files.values()].find((f) => f.id === id);
  }

  /** Every file, in upload order (for assertions). */
  all(): FakeFile[] {
    return [...this.files.values()];
  }

  /** Creates the file (and its folders) or replaces its content; `created` says which. */
  put(path: string, bytes: Buffer, at = new Date().toISOString()): { file: FakeFile; created: boolean } {
    const segments = path.split('/');
    if (segments.some((seg) => seg.trim() === '' || seg !== seg.trim() || INVALID_NAME.test(seg))) {
      fail(400, 'invalidRequest', `The provided name contains characters that are not allowed: '${path}'`);
    }
    const existing = this.file(path);
    if (existing) {
      const next = { ...existing, bytes: Buffer.from(bytes), version: existing.version + 1, modified: at };
      this.files.set(path.toLowerCase(), next);
      return { file: next, created: false };
    }
    const file: FakeFile = { id: `01FAKE${String(this.nextId++).padStart(8, '0')}`, path, name: segments.at(-1)!, bytes: Buffer.from(bytes), version: 1, created: at, modified: at };
    this.files.set(path.toLowerCase(), file);
    return { file, created: true };
  }

  delete(id: string): boolean {
    const file = this.byId(id);
    if (!file) return false;
    this.files.delete(file.path.toLowerCase());
    return true;
  }
}

export type FakeListTemplate = 'genericList' | 'documentLibrary';

/** A SharePoint list in the fake, with indexes kept for its indexed columns. */
export class FakeList {
  readonly id = randomUUID();
  readonly columns = new Map<string, FakeColumn>();
  /** The files of a document library; null for a generic list. */
  readonly drive: FakeDrive | null;
  private base: Base | null = null;
  /** Items created or replaced since the base layer (or all items when there is none). */
  private readonly own = new Map<number, FakeItem>();
  private readonly removed = new Set<number>();
  private nextId = 1;
  private count = 0;
  /** indexed column → normalised value → ids, over the list's own items */
  private readonly indexes = new Map<string, Map<string, Set<number>>>();
  /** The change feed of `items/delta`: item id → sequence number of its last change (creates, updates, deletes), oldest first. */
  private readonly changes = new Map<number, number>();
  private seq = 0;
  /** Delta tokens of an older epoch are expired (`expireDeltaTokens`). */
  deltaEpoch = 1;

  constructor(
    readonly name: string,
    readonly displayName: string,
    readonly description: string,
    readonly template: FakeListTemplate = 'genericList',
  ) {
    this.drive = template === 'documentLibrary' ? new FakeDrive() : null;
    this.addColumn({ name: 'Title', text: { allowMultipleLines: false, maxLength: TEXT_MAX } });
    for (const name of ['Created', 'Modified']) this.addColumn({ name, readOnly: true, dateTime: {} } as Record<string, unknown>);
  }

  get size(): number {
    return this.count;
  }

  /** The sequence number of the latest change: what a delta token remembers. */
  get changeSeq(): number {
    return this.seq;
  }

  /** Ids changed after `since` (up to now), in the order of their last change, with that change's number. */
  *changedSince(since: number): Generator<{ id: number; seq: number }> {
    for (const [id, seq] of this.changes) if (seq > since) yield { id, seq };
  }

  /** Makes every delta token given so far unusable (Graph answers 410 with a fresh enumeration). */
  expireDeltaTokens(): void {
    this.deltaEpoch++;
  }

  private touch(id: number): void {
    this.changes.delete(id);
    this.changes.set(id, ++this.seq);
  }

  get(id: number): FakeItem | undefined {
    if (this.removed.has(id)) return undefined;
    const own = this.own.get(id);
    if (own) return own;
    const base = this.base;
    if (!base || id < 1 || id > base.rows.length) return undefined;
    return { id, version: 1, created: base.at, modified: base.at, fields: base.rows[id - 1]! };
  }

  /** Every item, in id order. */
  *all(): Generator<FakeItem> {
    const baseCount = this.base?.rows.length ?? 0;
    for (let id = 1; id <= baseCount; id++) {
      const item = this.get(id);
      if (item) yield item;
    }
    for (const [id, item] of this.own) if (id > baseCount) yield item;
  }

  etag(item: FakeItem): string {
    return `"${this.id.slice(0, 24)}${item.id.toString(16).padStart(12, '0')},${item.version}"`;
  }

  addColumn(definition: Record<string, unknown>): FakeColumn {
    const name = String(definition.name ?? '');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) fail(400, 'invalidRequest', `Invalid column name '${name}'`);
    if (this.columns.has(name.toLowerCase())) fail(409, 'nameAlreadyExists', `A column named '${name}' already exists`);
    const column: FakeColumn = {
      id: randomUUID(),
      name,
      displayName: String(definition.displayName ?? name),
      description: String(definition.description ?? ''),
      indexed: Boolean(definition.indexed),
      enforceUniqueValues: Boolean(definition.enforceUniqueValues),
      readOnly: Boolean(definition.readOnly),
      ...(definition.text ? { text: definition.text as FakeColumn['text'] } : {}),
      ...(definition.number ? { number: definition.number as Record<string, unknown> } : {}),
    };
    if (column.enforceUniqueValues && !column.indexed) fail(400, 'invalidRequest', 'A column that enforces unique values must be indexed');
    this.columns.set(name.toLowerCase(), column);
    this.exactCache = null;
    if (column.indexed) this.buildIndex(column);
    return column;
  }

  updateColumn(column: FakeColumn, patch: Record<string, unknown>): FakeColumn {
    const next = { ...column };
    if ('indexed' in patch) next.indexed = Boolean(patch.indexed);
    if ('enforceUniqueValues' in patch) next.enforceUniqueValues = Boolean(patch.enforceUniqueValues);
    if ('description' in patch) next.description = String(patch.description);
    if ('displayName' in patch) next.displayName = String(patch.displayName);
    if (next.enforceUniqueValues && !next.indexed) fail(400, 'invalidRequest', 'A column that enforces unique values must be indexed');
    if (next.enforceUniqueValues && !column.enforceUniqueValues) {
      const seen = new Set<string>();
      for (const item of this.all()) {
        const v = normalise(item.fields[column.name]);
        if (v === null) continue;
        if (seen.has(v)) fail(400, 'invalidRequest', `Column '${column.name}' has duplicate values`);
        seen.add(v);
      }
    }
    this.columns.set(column.name.toLowerCase(), next);
    this.exactCache = null;
    if (next.indexed && !column.indexed) this.buildIndex(next);
    if (!next.indexed) this.indexes.delete(column.name);
    return next;
  }

  /** Removes a column (tests that make a list drift from the schema). */
  dropColumn(name: string): void {
    const column = this.column(name);
    if (!column) return;
    this.columns.delete(name.toLowerCase());
    this.exactCache = null;
    this.indexes.delete(column.name);
  }

  column(name: string): FakeColumn | undefined {
    return this.columns.get(name.toLowerCase());
  }

  /** Columns by their exact name (the fast path of field checks). */
  private get exact(): Map<string, FakeColumn> {
    this.exactCache ??= new Map([...this.columns.values()].map((c) => [c.name, c]));
    return this.exactCache;
  }
  private exactCache: Map<string, FakeColumn> | null = null;

  private buildIndex(column: FakeColumn): void {
    const index = new Map<string, Set<number>>();
    for (const item of this.own.values()) if (!this.removed.has(item.id)) addTo(index, normalise(item.fields[column.name]), item.id);
    this.indexes.set(column.name, index);
  }

  /** Ids of the live items whose value in an indexed column equals `value`; undefined when not indexed. */
  indexLookup(column: string, value: unknown): number[] | undefined {
    const name = this.column(column)?.name ?? column;
    const index = this.indexes.get(name);
    if (!index) return undefined;
    const v = normalise(value) ?? '';
    const ids = [...(index.get(v) ?? [])];
    if (this.base) {
      for (const id of baseIndex(this.base, name).get(v) ?? []) if (!this.removed.has(id) && !this.own.has(id)) ids.push(id);
    }
    return ids.sort((a, b) => a - b);
  }

  /** Checks and normalises the fields of a create or an update (SharePoint drops empty values). */
  private clean(fields: FakeFields, partial: boolean): FakeFields {
    const out: FakeFields = {};
    for (const key in fields) {
      const raw = fields[key];
      if (key.startsWith('@odata')) continue;
      const column = this.exact.get(key) ?? this.column(key);
      if (!column || column.readOnly) fail(400, 'invalidRequest', `Field '${key}' is not recognized`);
      const c = column!;
      if (raw === null || raw === undefined || raw === '') {
        if (partial) out[c.name] = null;
        continue;
      }
      if (c.number) {
        const n = typeof raw === 'number' ? raw : Number(raw);
        if (!Number.isFinite(n)) fail(400, 'invalidRequest', `Field '${key}' expects a number`);
        out[c.name] = n;
      } else {
        const s = String(raw);
        if (!c.text?.allowMultipleLines && s.length > TEXT_MAX) fail(400, 'invalidRequest', `The value of field '${key}' exceeds ${TEXT_MAX} characters`);
        if (c.text?.allowMultipleLines && s.length > NOTE_MAX) fail(400, 'invalidRequest', `The value of field '${key}' exceeds ${NOTE_MAX} characters`);
        out[c.name] = s;
      }
    }
    return out;
  }

  private checkUnique(fields: FakeFields, selfId: number | null): void {
    for (const column of this.columns.values()) {
      if (!column.enforceUniqueValues || fields[column.name] === null || fields[column.name] === undefined) continue;
      if (this.taken(column.name, fields[column.name], selfId)) {
        fail(409, 'nameAlreadyExists', 'The list item could not be added or updated because duplicate values were found in one or more fields in the list.');
      }
    }
  }

  /** Whether another live item holds this value in an indexed column. */
  private taken(name: string, value: unknown, selfId: number | null): boolean {
    const v = normalise(value) ?? '';
    for (const id of this.indexes.get(name)?.get(v) ?? []) if (id !== selfId) return true;
    if (this.base) for (const id of baseIndex(this.base, name).get(v) ?? []) if (id !== selfId && !this.removed.has(id) && !this.own.has(id)) return true;
    return false;
  }

  private index(item: FakeItem, remove: boolean): void {
    for (const [name, index] of this.indexes) {
      const v = normalise(item.fields[name]);
      if (remove) index.get(v ?? '')?.delete(item.id);
      else addTo(index, v, item.id);
    }
  }

  create(fields: FakeFields, at = new Date().toISOString()): FakeItem {
    const clean = this.clean(fields, false);
    this.checkUnique(clean, null);
    const item: FakeItem = { id: this.nextId++, version: 1, created: at, modified: at, fields: clean };
    this.own.set(item.id, item);
    this.count++;
    this.index(item, false);
    this.touch(item.id);
    return item;
  }

  update(item: FakeItem, fields: FakeFields, at = new Date().toISOString()): FakeItem {
    const clean = this.clean(fields, true);
    const merged: FakeFields = { ...item.fields };
    for (const [k, v] of Object.entries(clean)) {
      if (v === null) delete merged[k];
      else merged[k] = v;
    }
    this.checkUnique(merged, item.id);
    if (this.own.has(item.id)) this.index(item, true);
    const next: FakeItem = { ...item, fields: merged, version: item.version + 1, modified: at };
    this.own.set(item.id, next);
    this.index(next, false);
    this.touch(item.id);
    return next;
  }

  delete(item: FakeItem): void {
    if (this.own.has(item.id)) this.index(item, true);
    this.own.delete(item.id);
    this.removed.add(item.id);
    this.count--;
    this.touch(item.id);
  }

  /**
   * Fills an empty list straight into storage, without HTTP, counters or checks (large-list tests:
   * 100,000 items). The same rows array given to several lists is shared, indexes included: pass
   * rows nobody mutates (the list replaces, never mutates, an item's fields on update).
   */
  bulkInsert(rows: readonly FakeFields[], at = '2020-01-01T00:00:00.000Z'): void {
    if (this.count > 0 || this.nextId > 1) {
      for (const fields of rows) this.create(fields, at);
      return;
    }
    let base = bases.get(rows);
    if (!base) bases.set(rows, (base = { rows, at, indexes: new Map() }));
    this.base = base;
    this.nextId = rows.length + 1;
    this.count = rows.length;
  }

  /** The fields of every item, in id order (for assertions). */
  rows(): FakeFields[] {
    return [...this.all()].map((i) => ({ ...i.fields }));
  }
}

export function normalise(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value.toLowerCase() : String(value);
}

function addTo(index: Map<string, Set<number>>, value: string | null, id: number): void {
  if (value === null) return;
  let set = index.get(value);
  if (!set) index.set(value, (set = new Set()));
  set.add(id);
}

export class FakeSite {
  readonly lists = new Map<string, FakeList>();
  constructor(
    readonly id: string,
    readonly hostname: string,
    readonly path: string,
  ) {}

  /** By id, or by name (Graph accepts a list's title in the URL too). */
  list(ref: string): FakeList | undefined {
    const direct = this.lists.get(ref);
    if (direct) return direct;
    const lower = decodeURIComponent(ref).toLowerCase();
    return [...this.lists.values()].find((l) => l.name.toLowerCase() === lower || l.displayName.toLowerCase() === lower);
  }

  /** Creates a list directly in storage (tests that start from a provisioned site). */
  createList(displayName: string, description = '', columns: ReadonlyArray<Record<string, unknown>> = [], template: FakeListTemplate = 'genericList'): FakeList {
    if (this.list(displayName)) fail(409, 'nameAlreadyExists', `A list named '${displayName}' already exists`);
    const list = new FakeList(displayName.replace(/\s+/g, ''), displayName, description, template);
    for (const c of columns) list.addColumn(c);
    this.lists.set(list.id, list);
    return list;
  }
}
