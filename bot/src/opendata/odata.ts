import { defaultParser } from '@odata/parser';
import { calendarDateProblem } from '@okr/core';
import { DATASETS, datasetByName, type Audience, type Column, type Dataset, type OpenDataContext, type Row } from './datasets.js';
import { PartitionCache } from '../http/publicAccess.js';

/**
 * The OData v4 feed that Power BI Desktop's «OData feed» connector reads (FACTS: it follows server
 * paging, sends `$filter` / `$select`, and takes an API key as a query parameter): the service
 * document, `$metadata` (CSDL XML from the datasets table), and each entity set with `$filter`
 * (`Property eq literal` joined by `and`, on the filterable properties only — each a partition key
 * or an indexed column, so no page scans a list), `$select`, `$top`, `$skip` and server-driven paging
 * (`@odata.nextLink` with a `$skiptoken`). A page reads at most `MAX_PARTITIONS_PER_PAGE` partitions,
 * each ONE indexed read of the store, kept in a `PartitionCache`. Anything else is an OData error
 * body with a 4xx status, never a 500.
 */

export const NAMESPACE = 'SDG.DatosAbiertos';
export const CONTAINER = 'DatosAbiertos';
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 5000;
/** The store reads one page may make (each one batch of indexed queries on SharePoint). */
export const MAX_PARTITIONS_PER_PAGE = 3;
/** Query options the feed answers; any other `$…` is refused. */
const OPTIONS = new Set(['$filter', '$select', '$top', '$skip', '$skiptoken', '$format']);

export class ODataError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly target?: string,
  ) {
    super(message);
  }

  body(): { error: { code: string; message: string; target?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.target ? { target: this.target } : {}) } };
  }
}

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** `$metadata`: one entity type and one entity set per dataset, with their filter, sort and count restrictions. */
export function metadataXml(): string {
  const types = DATASETS.map((d) => {
    const props = d.columns
      .map((c) => `<Property Name="${c.name}" Type="${c.type}" Nullable="${d.keys.includes(c.name) ? 'false' : 'true'}"><Annotation Term="Core.Description" String="${xml(c.description + (c.unit ? ` (${c.unit})` : ''))}"/></Property>`)
      .join('');
    return `<EntityType Name="${d.name}"><Key>${d.keys.map((k) => `<PropertyRef Name="${k}"/>`).join('')}</Key>${props}</EntityType>`;
  }).join('');
  const sets = DATASETS.map((d) => `<EntitySet Name="${d.name}" EntityType="${NAMESPACE}.${d.name}"><Annotation Term="Core.Description" String="${xml(d.title)}"/></EntitySet>`).join('');
  const restrictions = DATASETS.map(
    (d) =>
      `<Annotations Target="${NAMESPACE}.${CONTAINER}/${d.name}">` +
      `<Annotation Term="Capabilities.FilterRestrictions"><Record><PropertyValue Property="Filterable" Bool="true"/><PropertyValue Property="NonFilterableProperties"><Collection>${d.columns.filter((c) => !c.filterable).map((c) => `<PropertyPath>${c.name}</PropertyPath>`).join('')}</Collection></PropertyValue></Record></Annotation>` +
      `<Annotation Term="Capabilities.SortRestrictions"><Record><PropertyValue Property="Sortable" Bool="false"/></Record></Annotation>` +
      `<Annotation Term="Capabilities.CountRestrictions"><Record><PropertyValue Property="Countable" Bool="false"/></Record></Annotation>` +
      `<Annotation Term="Capabilities.ExpandRestrictions"><Record><PropertyValue Property="Expandable" Bool="false"/></Record></Annotation>` +
      `</Annotations>`,
  ).join('');
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">` +
    `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Core.V1.xml"><edmx:Include Namespace="Org.OData.Core.V1" Alias="Core"/></edmx:Reference>` +
    `<edmx:Reference Uri="https://oasis-tcs.github.io/odata-vocabularies/vocabularies/Org.OData.Capabilities.V1.xml"><edmx:Include Namespace="Org.OData.Capabilities.V1" Alias="Capabilities"/></edmx:Reference>` +
    `<edmx:DataServices><Schema Namespace="${NAMESPACE}" xmlns="http://docs.oasis-open.org/odata/ns/edm">${types}<EntityContainer Name="${CONTAINER}">${sets}</EntityContainer>${restrictions}</Schema></edmx:DataServices></edmx:Edmx>`
  );
}

export function serviceDocument(base: string): object {
  return { '@odata.context': `${base}/$metadata`, value: DATASETS.map((d) => ({ name: d.name, kind: 'EntitySet', url: d.name, title: d.title })) };
}

// ── $filter ───────────────────────────────────────────────────────────────────────────────────

export interface Condition {
  column: Column;
  value: string | number | boolean;
}

type Node = { type?: string; value?: unknown; raw?: string };

/** The property a member expression names (a single property, no navigation). */
function propertyOf(node: Node): string | null {
  let n: Node | undefined = node;
  for (let i = 0; i < 6 && n; i++) {
    if (n.type === 'ODataIdentifier') return (n.value as { name?: string })?.name ?? null;
    if (['FirstMemberExpression', 'MemberExpression', 'PropertyPathExpression', 'SingleNavigationExpression'].includes(n.type ?? '')) n = n.value as Node;
    else return null;
  }
  return null;
}

function literalOf(node: Node, column: Column): string | number | boolean {
  const raw = String(node.raw ?? '');
  const bad = () => new ODataError(400, 'BadRequest', `El valor ${raw} no sirve para ${column.name} (${column.type}).`, column.name);
  switch (column.type) {
    case 'Edm.String':
      if (!/^'.*'$/s.test(raw)) throw bad();
      return raw.slice(1, -1).replace(/''/g, "'");
    case 'Edm.Int32':
    case 'Edm.Double': {
      const n = Number(raw);
      if (!Number.isFinite(n) || !/^-?\d+(\.\d+)?$/.test(raw)) throw bad();
      return n;
    }
    case 'Edm.Boolean':
      if (raw !== 'true' && raw !== 'false') throw bad();
      return raw === 'true';
    case 'Edm.Date': {
      // The same check as every date the app takes (a date that exists, of the years it accepts).
      const problem = calendarDateProblem(raw);
      if (problem) throw new ODataError(400, 'BadRequest', problem, column.name);
      return raw;
    }
    default:
      throw bad();
  }
}

/**
 * `$filter` parsed by a real OData v4 parser (@odata/parser), then reduced to what the store can
 * answer by its indexes: equalities of filterable properties, joined by `and`.
 */
export function parseFilter(text: string, dataset: Dataset): Condition[] {
  let ast: Node;
  try {
    ast = defaultParser.filter(text) as unknown as Node;
  } catch {
    throw new ODataError(400, 'BadRequest', `$filter no es una expresión OData válida: ${text}`, '$filter');
  }
  const filterable = dataset.columns.filter((c) => c.filterable).map((c) => c.name);
  const unsupported = () => new ODataError(400, 'NotSupported', `Este conjunto solo se filtra con «Propiedad eq valor», unidas con «and», sobre: ${filterable.join(', ')}.`, '$filter');
  const out: Condition[] = [];
  const walk = (node: Node): void => {
    switch (node.type) {
      case 'CommonExpression':
      case 'BoolCommonExpression':
        return walk(node.value as Node);
      case 'ParenExpression':
      case 'BoolParenExpression':
        return walk(node.value as Node);
      case 'AndExpression': {
        const v = node.value as { left: Node; right: Node };
        walk(v.left);
        return walk(v.right);
      }
      case 'EqualsExpression': {
        const v = node.value as { left: Node; right: Node };
        const [member, literal] = v.right.type === 'Literal' ? [v.left, v.right] : [v.right, v.left];
        const name = propertyOf(member);
        if (!name || literal.type !== 'Literal') throw unsupported();
        const column = dataset.columns.find((c) => c.name === name);
        if (!column) throw new ODataError(400, 'BadRequest', `${dataset.name} no tiene la propiedad «${name}».`, name);
        if (!column.filterable) throw new ODataError(400, 'NotSupported', `«${name}» no se puede filtrar: filtre por ${filterable.join(', ')}.`, name);
        out.push({ column, value: literalOf(literal, column) });
        return;
      }
      default:
        throw unsupported();
    }
  };
  walk(ast);
  return out;
}

const matches = (row: Row, conditions: readonly Condition[]) => conditions.every((c) => row[c.column.name] !== null && String(row[c.column.name]) === String(c.value));

// ── paging ────────────────────────────────────────────────────────────────────────────────────

interface Token {
  /** Partition index, offset of the next row in it (after the filter), rows served so far. */
  p: number;
  o: number;
  n: number;
}

const encodeToken = (t: Token) => Buffer.from(JSON.stringify(t)).toString('base64url');
function decodeToken(s: string): Token {
  try {
    const t = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Token;
    if ([t.p, t.o, t.n].every((x) => Number.isInteger(x) && x >= 0)) return t;
  } catch {
    // fall through
  }
  throw new ODataError(400, 'BadRequest', 'El $skiptoken no es válido: vuelva a pedir la primera página.', '$skiptoken');
}

const nonNegative = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new ODataError(400, 'BadRequest', `${name} debe ser un entero igual o mayor que cero.`, name);
  return Number(v);
};

export interface FeedRequest {
  set: string;
  query: Record<string, string>;
  audience: Audience;
  /** Base URL of the feed («https://okr.gobiernobogota.gov.co/odata»). */
  base: string;
  /** Prefer: odata.maxpagesize. */
  maxPageSize?: number;
}

export interface FeedAnswer {
  body: Record<string, unknown>;
  pageSize: number;
  /** Store reads this page made (cache misses). */
  reads: number;
}

/** Answers the entity sets from the store through the partition cache. */
export class ODataFeed {
  readonly cache: PartitionCache<Row[]>;

  constructor(
    private readonly context: () => Promise<OpenDataContext>,
    cacheSeconds: number,
    now: () => number = Date.now,
  ) {
    this.cache = new PartitionCache<Row[]>(cacheSeconds * 1000, now);
  }

  /** One partition's rows (cached). */
  rows(ctx: OpenDataContext, dataset: Dataset, key: string, audience: Audience): Promise<Row[]> {
    return this.cache.get(`${dataset.name}|${key}|${audience}`, () => dataset.rows(ctx, key, audience));
  }

  async page(req: FeedRequest): Promise<FeedAnswer> {
    const dataset = datasetByName(req.set);
    if (!dataset) throw new ODataError(404, 'NotFound', `No existe el conjunto de entidades «${req.set}». Los conjuntos son: ${DATASETS.map((d) => d.name).join(', ')}.`, req.set);
    for (const k of Object.keys(req.query)) if (k.startsWith('$') && !OPTIONS.has(k)) throw new ODataError(400, 'NotSupported', `La opción ${k} no está disponible en este servicio (use $filter, $select, $top y $skip).`, k);
    if (req.query.$format && !/^(json|application\/json)/i.test(req.query.$format)) throw new ODataError(400, 'NotSupported', 'Este servicio responde solo en JSON.', '$format');
    const conditions = req.query.$filter ? parseFilter(req.query.$filter, dataset) : [];
    const select = req.query.$select ? req.query.$select.split(',').map((s) => s.trim()).filter(Boolean) : null;
    for (const s of select ?? []) if (!dataset.columns.some((c) => c.name === s)) throw new ODataError(400, 'BadRequest', `${dataset.name} no tiene la propiedad «${s}».`, '$select');
    const top = nonNegative('$top', req.query.$top);
    const skip = nonNegative('$skip', req.query.$skip) ?? 0;
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, req.maxPageSize ?? DEFAULT_PAGE_SIZE));
    const token = req.query.$skiptoken ? decodeToken(req.query.$skiptoken) : null;

    const ctx = await this.context();
    const filterMap = new Map(conditions.map((c) => [c.column.name, c.value as string | number]));
    const partitions = dataset.partitions(ctx).filter((p) => p.match(filterMap));
    const state: Token = token ?? { p: 0, o: 0, n: 0 };
    let toSkip = token ? 0 : skip;
    const out: Row[] = [];
    const before = this.cache.misses;
    let touched = 0;
    while (state.p < partitions.length && out.length < pageSize && (top === undefined || state.n + out.length < top)) {
      if (touched >= MAX_PARTITIONS_PER_PAGE) break;
      touched++;
      const rows = (await this.rows(ctx, dataset, partitions[state.p]!.key, req.audience)).filter((r) => matches(r, conditions));
      if (toSkip > 0) {
        const skipped = Math.min(toSkip, rows.length - state.o);
        state.o += skipped;
        toSkip -= skipped;
      }
      const room = Math.min(pageSize - out.length, top === undefined ? Infinity : top - state.n - out.length);
      const taken = rows.slice(state.o, state.o + room);
      out.push(...taken);
      state.o += taken.length;
      if (state.o >= rows.length) {
        state.p++;
        state.o = 0;
      }
    }
    const served = state.n + out.length;
    const more = state.p < partitions.length && (top === undefined || served < top);
    const value = select ? out.map((r) => Object.fromEntries(select.map((s) => [s, r[s] ?? null]))) : out;
    const body: Record<string, unknown> = { '@odata.context': `${req.base}/$metadata#${dataset.name}${select ? `(${select.join(',')})` : ''}`, value };
    if (more) {
      const keep = Object.entries(req.query).filter(([k]) => k !== '$skiptoken' && k !== '$skip');
      const params = new URLSearchParams([...keep, ['$skiptoken', encodeToken({ p: state.p, o: state.o, n: served })]]);
      body['@odata.nextLink'] = `${req.base}/${dataset.name}?${params.toString().replace(/\+/g, '%20')}`;
    }
    return { body, pageSize, reads: this.cache.misses - before };
  }
}
