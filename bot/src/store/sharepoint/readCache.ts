import { noteDataAge } from '../dataAge.js';
import { currentAction, currentWrite, type ActionScope, type DecidedWrite } from '../freshness.js';
import type { Fields } from './fields.js';
import type { ListSpec } from './schema.js';

/**
 * The SharePoint store's read cache (issue 20): the answers of the engine's list queries (one
 * indexed column `eq` a value, or a list's first item), kept per list in memory and kept fresh with
 * Microsoft Graph delta queries (`…/lists/{id}/items/delta`, 1 RU with a token).
 *
 * - A list's cached answers are served as they are while its last check is younger than `maxAgeMs`;
 *   after that the next read first asks the list's delta (one request for every list of that read,
 *   batched) and applies what changed — each changed item is put into (or taken out of) every cached
 *   answer whose filter it matches, deleted items are taken out — so no answer is older than
 *   `maxAgeMs` plus one request while Graph answers. Inside an action (an API request, a bot turn:
 *   store/freshness.ts) the first read also checks the lists the action's kind read last time, so
 *   its later store calls ask nothing, on an idle server too.
 * - The app's own writes are applied at once (the writer sees them in its next read, with the new
 *   eTags); an update of an item the cache does not hold makes the list's next read check first.
 * - A list is first used with `token=latest` (no enumeration of a 100,000-item list) and its queries
 *   then read as usual; a delta token that expired (410) drops the list's answers, which are read
 *   again once.
 * - An answer read while a change of its list was being applied is returned but not kept (it may
 *   predate the change). Identical misses in flight are asked once.
 * - When Graph cannot be reached for a check (throttled past the retries, network) the cached
 *   answers are served; their age is kept in `stats.maxStalenessMs` and noted for the request or
 *   bot turn they are served to (`store/dataAge.ts`), which tells the person past a minute.
 *
 * The cache knows nothing of who reads: access is decided by the services on what it returns, on
 * every request, exactly as without it. With several server instances each keeps its own cache; a
 * write on one is seen by the others with their next check (within `maxAgeMs`).
 */

export interface CachedItem {
  id: string;
  eTag: string | null;
  fields: Fields;
}

export interface CacheQuery {
  list: ListSpec;
  where?: [column: string, value: string];
  /** The list's first item only (by id). */
  first?: boolean;
}

export interface ReadCacheOptions {
  /** How long a list's answers are served before its delta is asked again (ms). */
  maxAgeMs: number;
  /** Time for freshness, in ms (real time: the app's clock may be fixed in tests and demos). */
  now?: () => number;
  /** Answers kept per list (least recently used go first). */
  maxEntriesPerList?: number;
}

/** What the cache asks the engine to do on Graph. */
export interface CacheSource {
  /** Reads the queries (a miss) without the cache. */
  fetch(queries: readonly CacheQuery[]): Promise<CachedItem[][]>;
  /**
   * Asks each list's delta — from its deltaLink, or `token=latest` when `link` is null — following
   * nextLinks; per list the changed items (raw Graph listItems) and the new deltaLink, or 'expired'
   * on a 410. Throws when Graph cannot be reached.
   */
  delta(calls: ReadonlyArray<{ list: ListSpec; link: string | null }>): Promise<Array<{ items: Array<Record<string, unknown>>; link: string } | 'expired'>>;
  /** A raw Graph listItem as the engine's item. */
  toItem(raw: Record<string, unknown>): CachedItem;
}

export interface ReadCacheStats {
  hits: number;
  misses: number;
  deltaChecks: number;
  /** Changed items applied from delta answers. */
  changesApplied: number;
  /** Tokens that had expired (410). */
  expired: number;
  /** The oldest data served so far: time since its list was last checked, at the moment it was served (ms). */
  maxStalenessMs: number;
}

interface Entry {
  query: CacheQuery;
  items: CachedItem[];
  /** Its items by the (normalised) value of a column, built when first asked (forgotten with any change of the list). */
  narrowed: Map<string, Map<string | null, CachedItem[]>>;
}

interface ListState {
  list: ListSpec;
  /** When the list was last read (ms). */
  usedAt: number;
  /** The deltaLink to ask next; null before the first check. */
  link: string | null;
  /** When the list was last checked (ms), or -Infinity. */
  checkedAt: number;
  /** Bumped whenever a change is applied: a miss read across a change is not kept. */
  generation: number;
  /** A change the cache could not apply itself: check before the next read. */
  dirty: boolean;
  entries: Map<string, Entry>;
  checking: Promise<void> | null;
  pending: Map<string, Promise<CachedItem[]>>;
}

/** A list read within this time (ms) is in use: it is checked together with the lists a read needs. */
const IN_USE_MS = 60_000;

/** Kinds of action whose lists are remembered (least recently done go first). */
const MAX_KINDS = 500;

/** What the cache keeps for one action (store/freshness.ts) while it runs. */
interface ActionState {
  /** The lists it read so far. */
  read: Map<string, ListSpec>;
  /** Its first check was planned: the lists its kind read last time went with it. */
  planned: boolean;
  /** Its kind was done before: its checks take along what the kind reads, not the other lists in use. */
  known: boolean;
}

/** Whether the list's items decide this kind of write (ListSpec.decides). */
const decides = (list: ListSpec, write: DecidedWrite): boolean => list.decides?.includes(write) ?? false;

const emptyStats = (): ReadCacheStats => ({ hits: 0, misses: 0, deltaChecks: 0, changesApplied: 0, expired: 0, maxStalenessMs: 0 });

/** SharePoint compares text case-insensitively; numbers as their text. */
const norm = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v.toLowerCase() : String(v));

const keyOf = (q: CacheQuery): string => (q.first ? '\u0000first' : q.where ? `${q.where[0]}\u0000${norm(q.where[1]) ?? ''}` : '\u0000all');

function matches(q: CacheQuery, item: CachedItem): boolean {
  if (!q.where) return true;
  return norm(item.fields[q.where[0]]) === norm(q.where[1]);
}

/** The entry's items by their value in a column (an index built once per change of the list). */
function byValue(entry: Entry, column: string): Map<string | null, CachedItem[]> {
  let index = entry.narrowed.get(column);
  if (!index) {
    index = new Map();
    for (const item of entry.items) {
      const v = norm(item.fields[column]);
      const same = index.get(v);
      if (same) same.push(item);
      else index.set(v, [item]);
    }
    entry.narrowed.set(column, index);
  }
  return index;
}

/** What the cache reads and keeps for a query: the whole of a small list, the wider filter of a narrower one, or the query itself. */
function wider(q: CacheQuery): CacheQuery {
  if (q.list.small) return { list: q.list };
  const widen = q.where && q.list.within?.[q.where[0]];
  return widen ? { list: q.list, where: widen(q.where![1]) } : q;
}

/** Inserts (or replaces) by numeric id, keeping SharePoint's default order. */
function upsert(items: CachedItem[], item: CachedItem): void {
  const id = Number(item.id);
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (Number(items[mid]!.id) < id) lo = mid + 1;
    else hi = mid;
  }
  if (items[lo] && items[lo]!.id === item.id) items[lo] = item;
  else items.splice(lo, 0, item);
}

function removeId(items: CachedItem[], id: string): void {
  const i = items.findIndex((x) => x.id === id);
  if (i >= 0) items.splice(i, 1);
}

const frozen = (item: CachedItem): CachedItem => Object.freeze({ ...item, fields: Object.freeze({ ...item.fields }) });

export class ReadCache {
  stats: ReadCacheStats = emptyStats();
  /** Bumped with every change of what the cache answers (applied, dropped, evicted): the store's revision. */
  revision = 0;
  private readonly lists = new Map<string, ListState>();
  /** Per kind of action, the lists it read the last time it was done. */
  private readonly learned = new Map<string, ListSpec[]>();
  /** The check being gathered (store calls of this turn of the event loop join it). */
  private gathering: { lists: ListSpec[]; run: Promise<void> } | null = null;
  private readonly now: () => number;
  private readonly maxEntries: number;

  constructor(
    private readonly source: CacheSource,
    private readonly options: ReadCacheOptions,
  ) {
    this.now = options.now ?? (() => performance.now());
    this.maxEntries = options.maxEntriesPerList ?? 1_000;
  }

  resetStats(): void {
    this.stats = emptyStats();
  }

  /** Forgets everything (a seed, a reset of the engine). */
  clear(): void {
    this.lists.clear();
    this.learned.clear();
    this.revision++;
  }

  private bump(s: ListState): void {
    s.generation++;
    this.revision++;
  }

  private state(list: ListSpec): ListState {
    let s = this.lists.get(list.name);
    if (!s) this.lists.set(list.name, (s = { list, usedAt: -Infinity, link: null, checkedAt: -Infinity, generation: 0, dirty: false, entries: new Map(), checking: null, pending: new Map() }));
    return s;
  }

  /** The answers of the queries, from the cache where it holds them, after checking lists that are due. */
  async read(queries: readonly CacheQuery[]): Promise<CachedItem[][]> {
    const lists = [...new Map(queries.map((q) => [q.list.name, q.list])).values()];
    await this.check(lists);
    const now = this.now();
    const write = currentWrite();
    for (const list of lists) {
      const s = this.state(list);
      if (!Number.isFinite(s.checkedAt)) continue;
      this.stats.maxStalenessMs = Math.max(this.stats.maxStalenessMs, now - s.checkedAt);
      // The request or bot turn this read is for says how old its data is (store/dataAge.ts) —
      // except, in a write, what the write does not check by choice (it is as the person saw it).
      if (!write || decides(list, write)) noteDataAge(now - s.checkedAt);
    }
    const answers: Array<Promise<CachedItem[]>> = [];
    // What must be read from Graph, once per list and key (a second ask waits on the list's `pending`).
    const misses: Array<{ query: CacheQuery; key: string; resolve(items: CachedItem[]): void; reject(e: unknown): void }> = [];
    for (const asked of queries) {
      // A small list is held whole, and a filter within a wider one is read as the wider one: both
      // are answered by filtering what the cache holds.
      const query = wider(asked);
      const pick = (items: CachedItem[]) => (query === asked ? items.slice() : asked.first ? items.slice(0, 1) : items.filter((i) => matches(asked, i)));
      const s = this.state(query.list);
      const key = keyOf(query);
      const entry = s.entries.get(key);
      if (entry) {
        this.stats.hits++;
        s.entries.delete(key); // least recently used go first
        s.entries.set(key, entry);
        answers.push(Promise.resolve(query === asked || !asked.where ? pick(entry.items) : (byValue(entry, asked.where[0]).get(norm(asked.where[1])) ?? []).slice()));
        continue;
      }
      const inFlight = s.pending.get(key);
      if (inFlight) {
        this.stats.hits++;
        answers.push(inFlight.then(pick));
        continue;
      }
      let resolve!: (items: CachedItem[]) => void;
      let reject!: (e: unknown) => void;
      const done = new Promise<CachedItem[]>((res, rej) => ((resolve = res), (reject = rej)));
      misses.push({ query, key, resolve, reject });
      s.pending.set(key, done);
      answers.push(done.then(pick));
    }
    if (misses.length > 0) {
      const wanted = misses;
      this.stats.misses += wanted.length;
      const generations = new Map(lists.map((l) => [l.name, this.state(l).generation]));
      try {
        const pages = (await this.source.fetch(wanted.map((m) => m.query))).map((page) => page.map(frozen));
        wanted.forEach((m, k) => {
          const s = this.state(m.query.list);
          // Kept only when no change of the list was applied while it was read, and the list has a token.
          if (s.generation === generations.get(m.query.list.name) && s.link !== null) this.keep(s, m.key, { query: m.query, items: pages[k]!, narrowed: new Map() });
          m.resolve(pages[k]!);
        });
      } catch (error) {
        for (const m of wanted) m.reject(error);
      } finally {
        for (const m of wanted) this.state(m.query.list).pending.delete(m.key);
      }
    }
    return Promise.all(answers);
  }

  private keep(s: ListState, key: string, entry: Entry): void {
    s.entries.set(key, entry);
    while (s.entries.size > this.maxEntries) {
      s.entries.delete(s.entries.keys().next().value!);
      this.revision++;
    }
  }

  /** What the cache keeps for the action running now; at its end, the lists it read are learned for its kind. */
  private actionState(action: ActionScope): ActionState {
    let mine = action.local.get(this) as ActionState | undefined;
    if (!mine) {
      const state: ActionState = { read: new Map(), planned: false, known: false };
      action.local.set(this, state);
      action.ends.push(() => {
        if (state.read.size === 0) return;
        this.learned.delete(action.kind);
        this.learned.set(action.kind, [...state.read.values()]);
        if (this.learned.size > MAX_KINDS) this.learned.delete(this.learned.keys().next().value!);
      });
      mine = state;
    }
    return mine;
  }

  /**
   * Asks the delta of every list that is due (one batch), or waits for a check already under way.
   * In a write (store/freshness.ts) only the lists that decide it are due by age; a list the cache
   * holds nothing of, or could not follow (`dirty`), is checked whatever the write. In any other
   * action, its first check takes along the lists its kind read last time that are due (and only
   * those: what the action does not read is not checked for it); outside an action, or the first
   * time a kind is done, the other lists in use that are nearly due. Checks that come in the same
   * turn of the event loop go out as one request.
   */
  private async check(lists: readonly ListSpec[]): Promise<void> {
    const now = this.now();
    const action = currentAction();
    const write = action?.write ?? null;
    const mine = action ? this.actionState(action) : null;
    let expected: readonly ListSpec[] | null = null;
    if (mine && !write && !mine.planned) {
      mine.planned = true;
      expected = this.learned.get(action!.kind) ?? null;
      mine.known = expected !== null;
    }
    const waiting: Promise<void>[] = [];
    const due: ListSpec[] = [];
    const isDue = (list: ListSpec, s: ListState) => s.dirty || s.link === null || (now - s.checkedAt >= this.options.maxAgeMs && (!write || decides(list, write)));
    for (const list of lists) {
      const s = this.state(list);
      s.usedAt = now;
      mine?.read.set(list.name, list);
      if (s.checking) waiting.push(s.checking);
      else if (isDue(list, s)) due.push(list);
    }
    const nearly = (name: string, s: ListState) => !s.checking && s.link !== null && !due.some((l) => l.name === name) && now - s.checkedAt >= this.options.maxAgeMs / 2;
    if (expected) {
      // The action's first check: what its kind read last time and is due goes out with it, so the
      // store calls that come next find their lists just checked (used lately or not). Lists only
      // nearly due are left for their own time: taken along, lists checked for different kinds
      // drift apart and are asked for more often.
      for (const list of expected) {
        const s = this.state(list);
        if (!s.checking && !due.some((l) => l.name === list.name) && isDue(list, s)) due.push(list);
      }
    }
    if (due.length > 0) {
      if (!mine || !mine.known || write) {
        // The other lists in use that would be due soon go in the same request: the reads of one
        // screen or card then cost one check, not one per list as each comes up. In a write, the
        // other lists that decide it (used or not lately), and no others.
        for (const [name, s] of this.lists) {
          if (!nearly(name, s)) continue;
          if (write ? !decides(s.list, write) : now - s.usedAt > IN_USE_MS) continue;
          due.push(s.list);
        }
      }
      const batch = this.gathering ?? this.gather();
      batch.lists.push(...due);
      for (const list of due) this.state(list).checking = batch.run;
      waiting.push(batch.run);
    }
    await Promise.all(waiting);
  }

  /** A check that gathers the lists due until the end of this turn of the event loop, then goes out as one request. */
  private gather(): { lists: ListSpec[]; run: Promise<void> } {
    const lists: ListSpec[] = [];
    const run = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      this.gathering = null;
      return this.runCheck(lists);
    });
    this.gathering = { lists, run };
    return this.gathering;
  }

  private async runCheck(lists: readonly ListSpec[]): Promise<void> {
    const startedAt = this.now();
    try {
      this.stats.deltaChecks += lists.length;
      const answers = await this.source.delta(lists.map((list) => ({ list, link: this.state(list).link })));
      const expired: ListSpec[] = [];
      answers.forEach((answer, i) => {
        const list = lists[i]!;
        const s = this.state(list);
        if (answer === 'expired') {
          this.stats.expired++;
          s.entries.clear();
          s.link = null;
          this.bump(s);
          expired.push(list);
          return;
        }
        this.apply(s, answer.items);
        s.link = answer.link;
        s.dirty = false;
        s.checkedAt = startedAt;
      });
      // A list whose token expired starts again from now: its answers are read again on demand.
      if (expired.length > 0) {
        const fresh = await this.source.delta(expired.map((list) => ({ list, link: null })));
        fresh.forEach((answer, i) => {
          const s = this.state(expired[i]!);
          if (answer === 'expired') return;
          s.link = answer.link;
          s.checkedAt = startedAt;
        });
      }
    } catch (error) {
      // Graph unreachable: the cached answers are served as they are (their age shows in the stats);
      // a list without any token has nothing cached, and its reads go to Graph and fail there.
      void error;
    } finally {
      for (const list of lists) this.state(list).checking = null;
    }
  }

  /** Applies delta items (latest state of each; the last occurrence wins) to the list's answers. */
  private apply(s: ListState, raws: ReadonlyArray<Record<string, unknown>>): void {
    if (raws.length === 0) return;
    this.bump(s);
    this.stats.changesApplied += raws.length;
    for (const raw of raws) {
      if (raw.deleted || raw['@removed']) this.removed(s, String(raw.id));
      else this.put(s, frozen(this.source.toItem(raw)));
    }
  }

  private put(s: ListState, item: CachedItem): void {
    for (const [key, entry] of s.entries) {
      entry.narrowed.clear();
      if (entry.query.first) {
        // Ids only grow: a new item is never the first, unless the list was empty.
        if (entry.items.length === 0 || entry.items[0]!.id === item.id) entry.items = [item];
        else if (Number(item.id) < Number(entry.items[0]!.id)) s.entries.delete(key);
        continue;
      }
      removeId(entry.items, item.id);
      if (matches(entry.query, item)) upsert(entry.items, item);
    }
  }

  private removed(s: ListState, id: string): void {
    for (const [key, entry] of s.entries) {
      entry.narrowed.clear();
      if (entry.query.first) {
        if (entry.items[0]?.id === id) s.entries.delete(key);
        continue;
      }
      removeId(entry.items, id);
    }
  }

  /** An item the app created (its fields as SharePoint stores them). */
  created(list: ListSpec, item: CachedItem): void {
    const s = this.state(list);
    this.bump(s);
    this.put(s, frozen(item));
  }

  /** An item the app updated: merged into what the cache holds; when it holds nothing of it, the list is checked before its next read. */
  updated(list: ListSpec, id: string, eTag: string | null, fields: Fields): void {
    const s = this.state(list);
    this.bump(s);
    const known = [...s.entries.values()].flatMap((e) => e.items).find((i) => i.id === id);
    if (!known) {
      s.dirty = true;
      return;
    }
    const merged: Fields = { ...known.fields };
    for (const [k, v] of Object.entries(fields)) {
      if (v === null || v === undefined || v === '') delete merged[k];
      else merged[k] = v;
    }
    this.put(s, frozen({ id, eTag, fields: merged }));
  }

  deleted(list: ListSpec, id: string): void {
    const s = this.state(list);
    this.bump(s);
    this.removed(s, id);
  }

  /** Something changed that the cache cannot follow (a failed write, a conflict): check the list first next time. */
  invalidate(list: ListSpec): void {
    const s = this.state(list);
    this.bump(s);
    s.dirty = true;
  }
}
