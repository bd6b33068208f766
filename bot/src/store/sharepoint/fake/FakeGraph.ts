/**
 * TEST AND DEVELOPMENT CODE ONLY — never imported by production code (tests, benches, `npm run start:sharepoint`).
 *
 * An in-process fake of the part of Microsoft Graph the SharePoint store uses, plugged in as the
 * last middleware of the real `@microsoft/microsoft-graph-client` (so URLs, headers and bodies are
 * the client's own). It behaves like Graph/SharePoint Online where it matters for correctness and
 * cost, and nowhere else:
 *
 * - sites by id or by `{hostname}:/{path}`; lists with columns (`columnDefinition`: text, note,
 *   number; `indexed`, `enforceUniqueValues`); list items with `fields`.
 * - `$expand=fields($select=…)`, `$select`, `$top`, `$filter` with `eq` clauses joined by `and`;
 *   text comparison is case-insensitive, as SharePoint's.
 * - a filter on a column that is not indexed answers 400 unless the request carries
 *   `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`; on a list of more than 5,000 items
 *   (the list view threshold) a query whose first clause is not on an indexed column, or whose
 *   indexed clause still matches more than 5,000 items, fails with SharePoint's threshold message
 *   (counted in `stats.thresholdErrors`). Unfiltered queries page by item id and are allowed.
 * - pages of at most `pageSize` items with `@odata.nextLink` (`$skiptoken=Paged=TRUE&p_ID=n`).
 * - eTags that change with every update; `If-Match` mismatches answer 412; unique columns answer
 *   409 on a duplicate; single-line text over 255 characters and unknown fields answer 400. A
 *   create answers the new item's id and eTag (Graph also echoes its fields; nothing reads them).
 * - document libraries (a list created with `list: { template: 'documentLibrary' }`) and their
 *   drive (`GET /sites/{site}/lists/{list}/drive`): simple upload `PUT /drives/{drive}/root:/{path}:/content`
 *   (creates the folders on the way, replaces an existing file: 201 / 200 with the driveItem),
 *   download `GET …/root:/{path}:/content` or `GET /drives/{drive}/items/{id}/content` (the bytes,
 *   as fetch delivers them after following Graph's 302 to the pre-authenticated URL), delete
 *   `DELETE /drives/{drive}/items/{id}`; 404 for a missing file; paths are case-insensitive and
 *   names with characters SharePoint refuses answer 400. Not modelled: upload sessions, versions,
 *   the library's own list items and columns.
 * - `items/delta` (listItem: delta): a first enumeration, `token=latest`, the changes since a
 *   token (latest state of each item, deleted ones with the `deleted` facet), paging, and expired
 *   tokens (`expireDeltaTokens`: 410 with a `Location` that starts again); 1 RU with a token.
 * - not modelled: `$orderby`, other filter operators, lookups, views, permissions.
 * - `$batch`: at most 20 requests (else 400), `dependsOn` (a failed dependency answers 424), a
 *   status per inner request; each inner request can be throttled on its own.
 * - throttling injected at `throttleRate` on every request, outer or inner: 429 or 503 with
 *   `Retry-After` (nothing is applied); one-shot faults (lose the response after applying it,
 *   force a status, run a callback first — a concurrent writer).
 * - counters: HTTP requests, inner requests, and SharePoint resource units as Microsoft documents
 *   them for Graph: 1 for a single-item read, 2 for a multi-item query or any write; requests in a
 *   batch count one by one (the envelope itself costs nothing); throttled requests count too.
 */
import { randomUUID } from 'node:crypto';
import { prng } from '../../seed/prng.js';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { error, fail, FakeDrive, FakeList, FakeSite, HttpError, normalise, type Answer, type FakeFields, type FakeFile, type FakeItem, type FakeListTemplate } from './fakeStorage.js';

export { FakeDrive, FakeList, FakeSite, type FakeColumn, type FakeFields, type FakeFile, type FakeItem, type FakeListTemplate } from './fakeStorage.js';

const ROOT = 'https://graph.microsoft.com/v1.0';
const THRESHOLD_MESSAGE = 'The attempted operation is prohibited because it exceeds the list view threshold.';

export interface FakeGraphOptions {
  /** Largest page the fake serves, whatever `$top` asks (Graph may also serve less than asked). */
  pageSize?: number;
  /** SharePoint's list view threshold. */
  threshold?: number;
  /** Share of requests (outer and inner) answered 429/503 with Retry-After. */
  throttleRate?: number;
  /** Retry-After of injected throttling, in seconds. */
  retryAfterSeconds?: number;
  /** Seed of the fake's random choices (throttling), for repeatable runs. */
  seed?: number;
}

export type Fault =
  /** Apply the matching request, then fail the HTTP exchange as a dropped connection would. */
  | { kind: 'lose-response'; method?: string; urlIncludes?: string }
  /** Answer the matching (inner or outer) request with this status without applying it. */
  | { kind: 'status'; status: number; method?: string; urlIncludes?: string; retryAfter?: number }
  /** Run a callback just before the matching request is handled (e.g. someone else's edit). */
  | { kind: 'before'; method?: string; urlIncludes?: string; run: () => void };

export interface FakeStats {
  /** HTTP requests that reached "Graph" (a `$batch` is one). */
  requests: number;
  /** Requests inside batches. */
  innerRequests: number;
  /** SharePoint resource units. */
  ru: number;
  /** Requests answered 429/503 by injected throttling. */
  throttled: number;
  /** Queries refused for the list view threshold. */
  thresholdErrors: number;
  /** Queries refused for filtering on a column that is not indexed. */
  nonIndexedErrors: number;
}

const emptyStats = (): FakeStats => ({ requests: 0, innerRequests: 0, ru: 0, throttled: 0, thresholdErrors: 0, nonIndexedErrors: 0 });

interface Clause {
  column: string;
  value: string | number;
}

/** `fields/A eq 'x' and fields/B eq 5` → clauses; anything else is a 400, as unsupported. */
function parseFilter(filter: string): Clause[] {
  const clauses: Clause[] = [];
  const re = /^\s*fields\/([A-Za-z_][A-Za-z0-9_]*)\s+eq\s+('(?:[^']|'')*'|-?\d+(?:\.\d+)?)\s*/;
  let rest = filter;
  for (;;) {
    const m = re.exec(rest);
    if (!m) fail(400, 'invalidRequest', `Invalid filter clause: ${filter}`);
    const literal = m![2]!;
    clauses.push({ column: m![1]!, value: literal.startsWith("'") ? literal.slice(1, -1).replace(/''/g, "'") : Number(literal) });
    rest = rest.slice(m![0].length);
    if (rest.trim() === '') return clauses;
    const and = /^and\s+/i.exec(rest);
    if (!and) fail(400, 'invalidRequest', `Invalid filter clause: ${filter}`);
    rest = rest.slice(and![0].length);
  }
}

/** `fields($select=A,B)` → ['A','B']; `fields` → null (all); absent → undefined (no fields). */
function expandedFields(expand: string | undefined): string[] | null | undefined {
  if (expand === undefined) return undefined;
  const m = /^fields(?:\(\$select=([^)]*)\))?$/.exec(expand.trim());
  if (!m) fail(400, 'invalidRequest', `Unsupported $expand: ${expand}`);
  return m![1] === undefined ? null : m![1]!.split(',').map((s) => s.trim()).filter(Boolean);
}

function parseQuery(query: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of query.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const key = decodeURIComponent(i < 0 ? part : part.slice(0, i));
    out[key] = i < 0 ? '' : decodeURIComponent(part.slice(i + 1).replace(/\+/g, ' '));
  }
  return out;
}

export class FakeGraph {
  readonly sites = new Map<string, FakeSite>();
  stats: FakeStats = emptyStats();
  private readonly options: Required<FakeGraphOptions>;
  private readonly random: () => number;
  private faults: Fault[] = [];

  constructor(options: FakeGraphOptions = {}) {
    this.options = { pageSize: 5000, threshold: 5000, throttleRate: 0, retryAfterSeconds: 2, seed: 42, ...options };
    this.random = prng(this.options.seed);
  }

  set throttleRate(rate: number) {
    this.options.throttleRate = rate;
  }

  /** While true, no request reaches "Graph": each fails as fetch does when the network is down. */
  unreachable = false;

  resetStats(): void {
    this.stats = emptyStats();
  }

  addSite(url: string): FakeSite {
    const u = new URL(url);
    const site = new FakeSite(`${u.hostname},${randomUUID()},${randomUUID()}`, u.hostname, u.pathname.replace(/\/+$/, ''));
    this.sites.set(site.id, site);
    return site;
  }

  /** Queues a one-shot fault for the next matching request. */
  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  /** The last middleware of the Graph client: every HTTP request ends here. */
  transport(): Middleware {
    return {
      execute: async (context: Context) => {
        if (this.unreachable) throw new TypeError('fetch failed');
        const request = context.request as string | Request;
        const url = typeof request === 'string' ? request : request.url;
        const options = (context.options ?? {}) as { method?: string; headers?: unknown; body?: unknown };
        const headers = headerRecord(options.headers);
        const raw = options.body;
        // JSON for everything but drive content, whose body is the file's bytes.
        const body =
          raw instanceof Uint8Array
            ? Buffer.from(raw)
            : typeof raw === 'string' && raw !== ''
              ? (headers['content-type'] ?? 'application/json').includes('json') ? JSON.parse(raw) : Buffer.from(raw)
              : undefined;
        const lost = { value: false };
        const answer = this.outer(options.method ?? 'GET', url, headers, body, lost);
        if (lost.value) throw new TypeError('fetch failed (connection reset by the Graph fake)');
        context.response = jsonResponse(answer);
      },
    };
  }

  private takeFault(method: string, url: string): Fault | undefined {
    const i = this.faults.findIndex((f) => (!f.method || f.method === method) && (!f.urlIncludes || decodeURIComponent(url).includes(f.urlIncludes)));
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0];
  }

  private throttle(): Answer | null {
    if (this.options.throttleRate <= 0 || this.random() >= this.options.throttleRate) return null;
    this.stats.throttled++;
    const status = this.random() < 0.5 ? 429 : 503;
    return error(status, status === 429 ? 'activityLimitReached' : 'serviceNotAvailable', 'The request has been throttled', {
      'retry-after': String(this.options.retryAfterSeconds),
    });
  }

  private outer(method: string, url: string, headers: Record<string, string>, body: unknown, lost: { value: boolean }): Answer {
    this.stats.requests++;
    if (!/^Bearer \S+/.test(headers['authorization'] ?? '')) return error(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const path = url.startsWith(ROOT) ? url.slice(ROOT.length) : url;
    if (method === 'POST' && path.split('?')[0] === '/$batch') {
      const throttled = this.throttle();
      if (throttled) return throttled;
      return this.batch(body, lost);
    }
    return this.one(method, path, headers, body, lost);
  }

  /** One request (outer, or inside a batch): faults, throttling, RU, then the route. */
  private one(method: string, path: string, headers: Record<string, string>, body: unknown, lost: { value: boolean }): Answer {
    const fault = this.takeFault(method, path);
    if (fault?.kind === 'before') fault.run();
    const cost = resourceUnits(method, path);
    this.stats.ru += cost;
    if (fault?.kind === 'status') return error(fault.status, 'injected', 'injected failure', fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : undefined);
    const throttled = this.throttle();
    if (throttled) return throttled;
    if (fault?.kind === 'lose-response') lost.value = true;
    try {
      return this.route(method, path, headers, body);
    } catch (e) {
      if (e instanceof HttpError) return e.answer;
      throw e;
    }
  }

  private batch(body: unknown, lost: { value: boolean }): Answer {
    const requests = (body as { requests?: unknown })?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return error(400, 'BadRequest', 'Invalid batch payload.');
    if (requests.length > 20) return error(400, 'BadRequest', 'Number of batch request steps exceeds the maximum of 20.');
    const ids = new Set<string>();
    for (const r of requests as Array<{ id?: unknown }>) {
      const id = String(r.id ?? '');
      if (!id || ids.has(id)) return error(400, 'BadRequest', 'Batch request ids must be unique.');
      ids.add(id);
    }
    const statusById = new Map<string, number>();
    const responses = (requests as Array<{ id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }>).map((r) => {
      this.stats.innerRequests++;
      for (const d of r.dependsOn ?? []) {
        if (!ids.has(d)) return { id: r.id, status: 400, body: error(400, 'BadRequest', `dependsOn '${d}' is not in the batch`).body };
      }
      const blocked = (r.dependsOn ?? []).some((d) => (statusById.get(d) ?? 424) >= 400);
      let answer: Answer;
      if (blocked) answer = error(424, 'FailedDependency', 'A request this one depends on failed.');
      else {
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]));
        const path = r.url.startsWith('/') ? r.url : `/${r.url}`;
        answer = this.one(r.method.toUpperCase(), path, headers, r.body, lost);
      }
      statusById.set(r.id, answer.status);
      // Graph returns a binary body inside a batch as base64.
      if (answer.bytes) return { id: r.id, status: answer.status, headers: { 'content-type': 'application/octet-stream', ...answer.headers }, body: answer.bytes.toString('base64') };
      return { id: r.id, status: answer.status, headers: { 'content-type': 'application/json', ...answer.headers }, ...(answer.status === 204 ? {} : { body: answer.body ?? {} }) };
    });
    return { status: 200, body: { responses } };
  }

  private site(ref: string): FakeSite {
    const site = this.sites.get(decodeURIComponent(ref));
    if (!site) fail(404, 'itemNotFound', 'Requested site could not be found');
    return site!;
  }

  private drive(id: string): FakeDrive {
    for (const site of this.sites.values()) for (const list of site.lists.values()) if (list.drive?.id === id) return list.drive;
    return fail(404, 'itemNotFound', 'The drive could not be found');
  }

  private list(site: FakeSite, ref: string): FakeList {
    const list = site.list(ref);
    if (!list) fail(404, 'itemNotFound', 'The specified list was not found');
    return list!;
  }

  private route(method: string, path: string, headers: Record<string, string>, body: unknown): Answer {
    const [rawPath, rawQuery = ''] = path.split(/\?(.*)/s, 2) as [string, string?];
    const query = parseQuery(rawQuery);
    let m: RegExpExecArray | null;

    // List items first: nearly every request is one.
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/.exec(rawPath))) {
      const list = this.list(this.site(m[1]!), m[2]!);
      if (method === 'GET') return this.query(list, rawPath, query, headers);
      if (method === 'POST') {
        const fields = ((body ?? {}) as { fields?: FakeFields }).fields ?? {};
        const item = list.create(fields);
        // Graph also echoes the item's fields here; the adapter reads only id and eTag, and leaving
        // the echo out halves the JSON of a seed (the tests' main cost).
        return { status: 201, body: itemJson(list, item, null, undefined) };
      }
    }
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/delta$/.exec(rawPath)) && method === 'GET') return this.delta(this.list(this.site(m[1]!), m[2]!), rawPath, query);
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/(\d+)(\/fields)?$/.exec(rawPath))) {
      const list = this.list(this.site(m[1]!), m[2]!);
      const item = list.get(Number(m[3]));
      if (!item) fail(404, 'itemNotFound', 'The requested item was not found');
      const ifMatch = headers['if-match'];
      const matches = () => ifMatch === undefined || ifMatch === '*' || ifMatch === list.etag(item!);
      if (method === 'GET' && !m[4]) return { status: 200, body: itemJson(list, item!, itemSelect(query), expandedFields(query.$expand)) };
      if (method === 'PATCH' && m[4]) {
        if (!matches()) fail(412, 'preconditionFailed', 'The eTag of the item does not match If-Match');
        const next = list.update(item!, (body ?? {}) as FakeFields);
        return { status: 200, body: { '@odata.etag': list.etag(next), ...next.fields } };
      }
      if (method === 'DELETE' && !m[4]) {
        if (!matches()) fail(412, 'preconditionFailed', 'The eTag of the item does not match If-Match');
        list.delete(item!);
        return { status: 204 };
      }
    }
    // GET /sites/{hostname}:/{server-relative-path}
    if ((m = /^\/sites\/([^/:,]+):(\/[^:]*?):?$/.exec(rawPath)) && method === 'GET') {
      const [, host, sitePath] = m as unknown as [string, string, string];
      const site = [...this.sites.values()].find((s) => s.hostname === host && s.path.toLowerCase() === decodeURIComponent(sitePath).replace(/\/+$/, '').toLowerCase());
      if (!site) fail(404, 'itemNotFound', 'Requested site could not be found');
      return { status: 200, body: siteJson(site!) };
    }
    if ((m = /^\/sites\/([^/]+)$/.exec(rawPath)) && method === 'GET') return { status: 200, body: siteJson(this.site(m[1]!)) };

    if ((m = /^\/sites\/([^/]+)\/lists$/.exec(rawPath))) {
      const site = this.site(m[1]!);
      if (method === 'GET') return { status: 200, body: { value: [...site.lists.values()].map(listJson) } };
      if (method === 'POST') {
        const b = (body ?? {}) as { displayName?: string; description?: string; columns?: Array<Record<string, unknown>>; list?: { template?: string } };
        if (!b.displayName) fail(400, 'invalidRequest', 'displayName is required');
        const template = b.list?.template ?? 'genericList';
        if (template !== 'genericList' && template !== 'documentLibrary') fail(400, 'invalidRequest', `The Graph fake does not support the list template '${template}'`);
        const list = site.createList(b.displayName!, b.description ?? '', b.columns ?? [], template as FakeListTemplate);
        return { status: 201, body: listJson(list) };
      }
    }
    // The drive of a document library (a generic list has none).
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)\/drive$/.exec(rawPath)) && method === 'GET') {
      const list = this.list(this.site(m[1]!), m[2]!);
      if (!list.drive) fail(404, 'itemNotFound', 'The list is not a document library');
      return { status: 200, body: { id: list.drive!.id, driveType: 'documentLibrary', name: list.displayName } };
    }
    if ((m = /^\/drives\/([^/]+)\/root:\/(.+):\/content$/.exec(rawPath))) {
      const drive = this.drive(m[1]!);
      const path = m[2]!.split('/').map(decodeURIComponent).join('/');
      if (method === 'PUT') {
        if (!Buffer.isBuffer(body)) fail(400, 'invalidRequest', 'The request body must be the file content');
        const { file, created } = drive.put(path, body as Buffer);
        return { status: created ? 201 : 200, body: driveItemJson(drive, file) };
      }
      if (method === 'GET') {
        const file = drive.file(path);
        if (!file) fail(404, 'itemNotFound', 'The resource could not be found.');
        return { status: 200, bytes: file!.bytes, headers: { 'content-type': 'application/octet-stream' } };
      }
    }
    if ((m = /^\/drives\/([^/]+)\/items\/([^/]+)(\/content)?$/.exec(rawPath))) {
      const drive = this.drive(m[1]!);
      const file = drive.byId(m[2]!);
      if (!file) fail(404, 'itemNotFound', 'The resource could not be found.');
      if (method === 'GET' && m[3]) return { status: 200, bytes: file!.bytes, headers: { 'content-type': 'application/octet-stream' } };
      if (method === 'GET') return { status: 200, body: driveItemJson(drive, file!) };
      if (method === 'DELETE' && !m[3]) {
        drive.delete(file!.id);
        return { status: 204 };
      }
    }
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)$/.exec(rawPath)) && method === 'GET') {
      const list = this.list(this.site(m[1]!), m[2]!);
      return { status: 200, body: { ...listJson(list), ...(query.$expand === 'columns' ? { columns: [...list.columns.values()] } : {}) } };
    }
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/.exec(rawPath))) {
      const list = this.list(this.site(m[1]!), m[2]!);
      if (method === 'GET') return { status: 200, body: { value: [...list.columns.values()] } };
      if (method === 'POST') return { status: 201, body: list.addColumn((body ?? {}) as Record<string, unknown>) };
    }
    if ((m = /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns\/([^/]+)$/.exec(rawPath)) && method === 'PATCH') {
      const list = this.list(this.site(m[1]!), m[2]!);
      const column = [...list.columns.values()].find((c) => c.id === m![3] || c.name === m![3]);
      if (!column) fail(404, 'itemNotFound', 'Column not found');
      return { status: 200, body: list.updateColumn(column!, (body ?? {}) as Record<string, unknown>) };
    }
    return error(400, 'invalidRequest', `The Graph fake does not support ${method} ${rawPath}`);
  }

  /**
   * `GET …/items/delta` as Graph documents it (listItem: delta): without a token, the whole list
   * page by page and then an `@odata.deltaLink`; `token=latest`, no items and a deltaLink for now;
   * with the token of a deltaLink, the latest state of every item changed since (deleted ones with
   * the `deleted` facet), paged with `@odata.nextLink`. `$select`, `$expand` and `$top` are kept
   * in the links. An expired token answers 410 with a `Location` that starts a new enumeration.
   */
  private delta(list: FakeList, path: string, query: Record<string, string>): Answer {
    const pageSize = Math.min(Number(query.$top ?? 200), this.options.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 1) fail(400, 'invalidRequest', 'Invalid $top');
    const keep = Object.entries(query)
      .filter(([k]) => k !== 'token')
      .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    const link = (state: DeltaState | null) => `${ROOT}${path}?${[...keep, ...(state ? [`token=${encodeToken(state)}`] : [])].join('&')}`;
    const select = itemSelect(query);
    const fields = expandedFields(query.$expand);
    if (query.token === 'latest') return { status: 200, body: { value: [], '@odata.deltaLink': link({ e: list.deltaEpoch, s: list.changeSeq }) } };
    const state: DeltaState | null = query.token === undefined ? { e: list.deltaEpoch, s: list.changeSeq, after: 0 } : decodeToken(query.token);
    if (!state) fail(400, 'invalidRequest', 'Invalid delta token');
    if (state!.e !== list.deltaEpoch) {
      return { ...error(410, 'resyncChangesApplyDifferences', 'The delta token is no longer valid; start a new enumeration.'), headers: { location: link(null) } };
    }
    const value: Array<Record<string, unknown>> = [];
    if (state!.after !== undefined) {
      // Enumeration: every live item by id; then the deltaLink holds the sequence number at its start,
      // so what changed during the enumeration comes again with the next call.
      for (const item of list.all()) {
        if (item.id <= state!.after) continue;
        if (value.length === pageSize) return { status: 200, body: { value, '@odata.nextLink': link({ e: state!.e, s: state!.s, after: Number(value.at(-1)!.id) }) } };
        value.push(itemJson(list, item, select, fields));
      }
      return { status: 200, body: { value, '@odata.deltaLink': link({ e: state!.e, s: state!.s }) } };
    }
    let last = state!.s;
    for (const { id, seq } of list.changedSince(state!.s)) {
      if (value.length === pageSize) return { status: 200, body: { value, '@odata.nextLink': link({ e: state!.e, s: last }) } };
      const item = list.get(id);
      value.push(item ? itemJson(list, item, select, fields) : { id: String(id), deleted: { state: 'deleted' } });
      last = seq;
    }
    return { status: 200, body: { value, '@odata.deltaLink': link({ e: state!.e, s: list.changeSeq }) } };
  }

  private query(list: FakeList, path: string, query: Record<string, string>, headers: Record<string, string>): Answer {
    if (query.$orderby) fail(400, 'invalidRequest', 'The Graph fake does not support $orderby (the adapter never needs it)');
    const pageSize = Math.min(Number(query.$top ?? 200), this.options.pageSize);
    if (!Number.isInteger(pageSize) || pageSize < 1) fail(400, 'invalidRequest', 'Invalid $top');
    const clauses = query.$filter ? parseFilter(query.$filter) : [];
    const prefer = (headers['prefer'] ?? '').includes('HonorNonIndexedQueriesWarningMayFailRandomly');
    for (const clause of clauses) {
      const column = list.column(clause.column);
      if (!column) fail(400, 'invalidRequest', `Field '${clause.column}' is not recognized`);
      if (!column!.indexed && !prefer) {
        this.stats.nonIndexedErrors++;
        fail(
          400,
          'invalidRequest',
          `Field '${column!.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
    }
    let candidates: Iterable<number>;
    const first = clauses[0];
    const firstIndexed = first ? list.indexLookup(first.column, first.value) : undefined;
    if (clauses.length > 0 && list.size > this.options.threshold) {
      // Past the threshold SharePoint needs the first clause to be an indexed one that narrows the
      // list below the threshold; anything else would scan the list.
      if (!firstIndexed || firstIndexed.length > this.options.threshold) {
        this.stats.thresholdErrors++;
        fail(500, 'generalException', THRESHOLD_MESSAGE);
      }
    }
    if (firstIndexed) candidates = firstIndexed;
    else candidates = (function* () {
      for (const item of list.all()) yield item.id;
    })();
    const after = Number(/p_ID=(\d+)/.exec(query.$skiptoken ?? '')?.[1] ?? 0);
    const page: FakeItem[] = [];
    let more = false;
    for (const id of candidates) {
      if (id <= after) continue;
      const item = list.get(id);
      if (!item) continue;
      if (!clauses.every((c) => normalise(item.fields[list.column(c.column)!.name]) === normalise(c.value))) continue;
      if (page.length === pageSize) {
        more = true;
        break;
      }
      page.push(item);
    }
    const select = itemSelect(query);
    const fields = expandedFields(query.$expand);
    const body: Record<string, unknown> = { value: page.map((i) => itemJson(list, i, select, fields)) };
    if (more) {
      const rest = Object.entries(query)
        .filter(([k]) => k !== '$skiptoken')
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
      rest.push(`$skiptoken=${encodeURIComponent(`Paged=TRUE&p_ID=${page[page.length - 1]!.id}`)}`);
      body['@odata.nextLink'] = `${ROOT}${path}?${rest.join('&')}`;
    }
    return { status: 200, body };
  }
}

interface DeltaState {
  /** The list's delta epoch when the token was given (an older one is expired). */
  e: number;
  /** Changes up to this sequence number are delivered. */
  s: number;
  /** While enumerating the whole list (no token at the start): the last item id delivered. */
  after?: number;
}

const encodeToken = (state: DeltaState): string => Buffer.from(JSON.stringify(state)).toString('base64url');
function decodeToken(token: string): DeltaState | null {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaState;
    return Number.isInteger(state.e) && Number.isInteger(state.s) ? state : null;
  } catch {
    return null;
  }
}

/**
 * What fetch would return, minus the stream machinery (which costs more than the fake itself): a
 * JSON body still goes through its text, and a file's bytes are a copy, so the client never shares
 * objects or memory with the fake.
 */
function jsonResponse(answer: Answer): Response {
  if (answer.bytes) {
    const bytes = Buffer.from(answer.bytes);
    return fetchResponse(answer, bytes, { 'content-type': 'application/octet-stream', ...answer.headers, 'content-length': String(bytes.length) });
  }
  const text = answer.status === 204 ? '' : JSON.stringify(answer.body ?? {});
  return fetchResponse(answer, Buffer.from(text, 'utf8'), { 'content-type': 'application/json', ...answer.headers });
}

function fetchResponse(answer: Answer, bytes: Buffer, headers: Record<string, string>): Response {
  const type = headers['content-type'];
  const response = {
    status: answer.status,
    ok: answer.status >= 200 && answer.status < 300,
    statusText: String(answer.status),
    headers: new Headers(headers),
    body: null,
    bodyUsed: false,
    json: async () => JSON.parse(bytes.toString('utf8')),
    text: async () => bytes.toString('utf8'),
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length),
    blob: async () => new Blob([bytes], type ? { type } : {}),
    clone: () => jsonResponse(answer),
  };
  return response as unknown as Response;
}

function driveItemJson(drive: FakeDrive, file: FakeFile): Record<string, unknown> {
  const folder = file.path.split('/').slice(0, -1).join('/');
  return {
    id: file.id,
    name: file.name,
    size: file.bytes.length,
    eTag: `"{${file.id}},${file.version}"`,
    createdDateTime: file.created,
    lastModifiedDateTime: file.modified,
    file: { mimeType: 'application/octet-stream' },
    parentReference: { driveId: drive.id, driveType: 'documentLibrary', path: `/drives/${drive.id}/root:${folder ? `/${folder}` : ''}` },
  };
}

function resourceUnits(method: string, path: string): number {
  if (method !== 'GET') return 2;
  const [p, q = ''] = path.split('?') as [string, string?];
  // A delta query with a token costs 1; without one it enumerates the list (a multi-item query).
  if (p.endsWith('/items/delta')) return /(^|&)token=/.test(q) ? 1 : 2;
  // Collections (list items, lists, columns) are multi-item queries; the rest are single items.
  return /\/(items|lists|columns)$/.test(p) ? 2 : 1;
}

function itemSelect(query: Record<string, string>): string[] | null {
  return query.$select ? query.$select.split(',').map((s) => s.trim()) : null;
}

function itemJson(list: FakeList, item: FakeItem, select: string[] | null, fields: string[] | null | undefined): Record<string, unknown> {
  const etag = list.etag(item);
  const all: Record<string, unknown> = {
    '@odata.etag': etag,
    id: String(item.id),
    eTag: etag,
    createdDateTime: item.created,
    lastModifiedDateTime: item.modified,
  };
  const out: Record<string, unknown> = select ? Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || select.includes(k))) : all;
  if (fields !== undefined) {
    const stored = fields ? Object.fromEntries(fields.filter((f) => f in item.fields).map((f) => [f, item.fields[f]])) : { ...item.fields, id: String(item.id), Created: item.created, Modified: item.modified };
    out.fields = { '@odata.etag': etag, ...stored };
  }
  return out;
}

function siteJson(site: FakeSite): Record<string, unknown> {
  return { id: site.id, webUrl: `https://${site.hostname}${site.path}`, displayName: site.path.split('/').pop() || site.hostname };
}

function listJson(list: FakeList): Record<string, unknown> {
  return { id: list.id, name: list.name, displayName: list.displayName, description: list.description, list: { template: list.template } };
}

function headerRecord(headers: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  if (typeof (headers as Headers).forEach === 'function' && !(headers instanceof Array)) {
    (headers as Headers).forEach((v, k) => (out[k.toLowerCase()] = v));
    return out;
  }
  for (const [k, v] of Object.entries(headers as Record<string, string>)) out[k.toLowerCase()] = String(v);
  return out;
}