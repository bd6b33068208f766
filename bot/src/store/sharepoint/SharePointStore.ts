import { randomUUID } from 'node:crypto';
import {
  quarterOf,
  reminderKeyString,
  type Acta,
  type AuditEntry,
  type CheckIn,
  type Commitment,
  type Plenaria,
  type InstitutionalObjective,
  type MonthReview,
  type OkrSet,
  type OkrSetBundle,
  type OkrSetState,
  type Period,
  type Person,
  type QuarterId,
  type ReminderKey,
  type RoleAssignment,
  type Unit,
} from '@okr/core';
import {
  ConflictError,
  REMINDER_MAX_ATTEMPTS,
  type ActaFile,
  type ActaWrite,
  type CardMessage,
  type CheckInWrite,
  type EntityQuarterData,
  type ReminderControl,
  type ReminderLogEntry,
  type ReminderLogState,
  type ReminderPreferences,
  type ReminderSnooze,
  type SavedCheckIn,
  type SeedData,
  type SetContent,
  type SetCreation,
  type SetReplacement,
  type SetTransition,
  type SetEvent,
  type Store,
  type UnitQuarterData,
} from '../Store.js';
import { answerError, BATCH_LIMIT, odataString, type GraphAnswer, type GraphCall, type GraphGateway } from './graph.js';
import {
  actaFields,
  actaFileFields,
  actaKey,
  auditFields,
  cardMessageFields,
  cardMessageKey,
  checkInFields,
  checkInKey,
  commitmentFields,
  institutionalObjectiveFields,
  keyResultFields,
  monthReviewFields,
  monthReviewKey,
  objectiveFields,
  personFields,
  plenariaFields,
  reminderLogFields,
  roleFields,
  sameFields,
  setEventFields,
  setFields,
  snoozeFields,
  toActa,
  toActaFileRecord,
  toAudit,
  toCardMessage,
  toCheckIn,
  toCommitment,
  toInstitutionalObjective,
  toKeyResult,
  toMonthReview,
  toObjective,
  toPerson,
  toPlenaria,
  toReminderLog,
  toRole,
  toSet,
  toSetEvent,
  toSnooze,
  toUnit,
  unitFields,
  unitQuarterKey,
  type AuditDraft,
  type Fields,
  type SetPlace,
} from './records.js';
import { ACTA_LIBRARY, columnsOf, isIndexed, LIST_KEYS, LISTS, type ListKey } from './schema.js';
import { GraphUnavailableError, isThrottled } from './throttling.js';

/** Where the store lives: the site id, or its URL (https://tenant.sharepoint.com/sites/OKR). */
export type SiteRef = { id: string } | { url: string };

export interface SharePointStoreOptions {
  gateway: GraphGateway;
  site: SiteRef;
  now?: () => Date;
  /** `$top` of list queries. 5,000 is SharePoint's largest page; Graph may serve less and page. */
  pageSize?: number;
}

/** The site or its lists are not as `npm run provision` leaves them. */
export class SharePointSchemaError extends Error {
  constructor(message: string) {
    super(`${message}. Run \`npm run provision\` against the site (see README, "SharePoint store").`);
    this.name = 'SharePointSchemaError';
  }
}

interface Item {
  id: string;
  eTag: string | null;
  fields: Fields;
}

interface Ctx {
  siteId: string;
  lists: Record<ListKey, string>;
  /** The «ActasOKR» document library (a list with the documentLibrary template). */
  libraryId: string;
  /** Its drive, looked up the first time a file is read or written. */
  driveId?: Promise<string>;
}

interface Query {
  list: ListKey;
  /** One indexed column, `eq` (the only filter shape that is safe past 5,000 items). */
  where?: [column: string, value: string];
}

/** One change of one list item, with what is needed to undo it. */
type WriteOp =
  | { kind: 'create'; list: ListKey; fields: Fields }
  | { kind: 'update'; list: ListKey; itemId: string; eTag: string | null; fields: Fields; previous: Fields }
  | { kind: 'delete'; list: ListKey; itemId: string; eTag: string | null; previous: Fields };

interface Applied {
  op: WriteOp;
  itemId: string;
  eTag: string | null;
}

const byNumericId = (a: Item, b: Item) => Number(a.id) - Number(b.id);
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The production store: one SharePoint list per entity in the entity's own site, through Microsoft
 * Graph. What makes it cheap: every screen's reads go out as ONE `$batch` of queries on indexed
 * columns (a unit's tree, the whole entity's quarter), and every change goes out as one `$batch`
 * too — the item writes and their audit entries in sequence, so the first failure stops the rest.
 * What makes it safe: writes carry `If-Match` (a 412 is a ConflictError, never an overwrite),
 * creates carry a unique natural key and an idempotency key (a retried create cannot duplicate),
 * throttled requests wait for Retry-After inside batches too, and a change that fails half-way is
 * undone, audit entries included, before the error goes up — as a SQLite transaction would.
 * The signed .docx of the actas are files in a document library (see `saveActaFile`).
 */
export class SharePointStore implements Store {
  readonly kind = 'sharepoint' as const;
  private readonly gateway: GraphGateway;
  private readonly site: SiteRef;
  private readonly now: () => Date;
  private readonly pageSize: number;
  private ready: Promise<Ctx> | null = null;

  constructor(options: SharePointStoreOptions) {
    this.gateway = options.gateway;
    this.site = options.site;
    this.now = options.now ?? (() => new Date());
    this.pageSize = options.pageSize ?? 5000;
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
    const [lists] = await this.gateway.queryAll([`/sites/${siteId}/lists?$select=id,name,displayName,list&$top=${this.pageSize}`]);
    const byName = new Map((lists ?? []).map((l) => [String(l.name), l]));
    const ids = {} as Record<ListKey, string>;
    const missing: string[] = [];
    for (const key of LIST_KEYS) {
      const list = byName.get(LISTS[key].name);
      if (list) ids[key] = String(list.id);
      else missing.push(LISTS[key].name);
    }
    const library = byName.get(ACTA_LIBRARY.name);
    if (!library) missing.push(`${ACTA_LIBRARY.name} (document library)`);
    if (missing.length > 0) throw new SharePointSchemaError(`Missing SharePoint lists: ${missing.join(', ')}`);
    if ((library!.list as { template?: string } | undefined)?.template !== 'documentLibrary') {
      throw new SharePointSchemaError(`${ACTA_LIBRARY.name} is a list, not a document library`);
    }
    const columns = await this.gateway.queryAll(LIST_KEYS.map((k) => `/sites/${siteId}/lists/${ids[k]}/columns?$select=name,indexed,enforceUniqueValues`));
    const problems: string[] = [];
    LIST_KEYS.forEach((key, i) => {
      const have = new Map((columns[i] ?? []).map((c) => [String(c.name), c]));
      for (const column of LISTS[key].columns) {
        const found = have.get(column.name);
        if (!found) problems.push(`${LISTS[key].name}.${column.name} is missing`);
        else if (isIndexed(column) && found.indexed !== true) problems.push(`${LISTS[key].name}.${column.name} is not indexed`);
      }
    });
    if (problems.length > 0) throw new SharePointSchemaError(`SharePoint lists differ from the schema: ${problems.join('; ')}`);
    return { siteId, lists: ids, libraryId: String(library!.id) };
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────────────

  private itemsUrl(ctx: Ctx, q: Query, top = this.pageSize): string {
    const base = `/sites/${ctx.siteId}/lists/${ctx.lists[q.list]}/items?$select=id,eTag&$expand=fields($select=${columnsOf(q.list).join(',')})&$top=${top}`;
    if (!q.where) return base;
    const [column, value] = q.where;
    const spec = LISTS[q.list].columns.find((c) => c.name === column);
    // A filter on a column that is not indexed fails once a list passes 5,000 items: never send one.
    if (!spec || !isIndexed(spec)) throw new Error(`${LISTS[q.list].name}.${column} is not an indexed column`);
    return `${base}&$filter=${encodeURIComponent(`fields/${column} eq ${odataString(value)}`)}`;
  }

  /** Runs the queries together (one `$batch`, plus one per further page) and returns their items. */
  private async read(queries: readonly Query[]): Promise<Item[][]> {
    if (queries.length === 0) return [];
    const ctx = await this.ctx();
    const pages = await this.gateway.queryAll(queries.map((q) => this.itemsUrl(ctx, q)));
    return pages.map((items) => items.map(toItem));
  }

  private async readOne(query: Query): Promise<Item[]> {
    return (await this.read([query]))[0]!;
  }

  async isEmpty(): Promise<boolean> {
    const ctx = await this.ctx();
    const [answer] = await this.gateway.batch([{ method: 'GET', url: this.itemsUrl(ctx, { list: 'units' }, 1) }], { mode: 'parallel' });
    if (answer!.status !== 200) throw answerError('GET units', answer!);
    return ((answer!.body?.value as unknown[] | undefined) ?? []).length === 0;
  }

  async listUnits(): Promise<Unit[]> {
    return (await this.readOne({ list: 'units' })).map((i) => toUnit(i.fields)).sort((a, b) => binary(a.name, b.name));
  }

  async getUnit(id: string): Promise<Unit | null> {
    const [item] = await this.readOne({ list: 'units', where: ['RecordKey', id] });
    return item ? toUnit(item.fields) : null;
  }

  async listPeople(): Promise<Person[]> {
    return (await this.readOne({ list: 'people' })).map((i) => toPerson(i.fields)).sort((a, b) => binary(a.name, b.name));
  }

  async getPerson(id: string): Promise<Person | null> {
    const [item] = await this.readOne({ list: 'people', where: ['RecordKey', id] });
    return item ? toPerson(item.fields) : null;
  }

  async findPersonByAadObjectId(aadObjectId: string): Promise<Person | null> {
    const [item] = await this.readOne({ list: 'people', where: ['AadKey', aadObjectId.toLowerCase()] });
    return item ? toPerson(item.fields) : null;
  }

  async listRoles(): Promise<RoleAssignment[]> {
    return (await this.readOne({ list: 'roles' })).sort(byNumericId).map((i) => toRole(i.fields));
  }

  async rolesOf(personId: string): Promise<RoleAssignment[]> {
    return (await this.readOne({ list: 'roles', where: ['PersonId', personId] })).sort(byNumericId).map((i) => toRole(i.fields));
  }

  async listInstitutionalObjectives(): Promise<InstitutionalObjective[]> {
    return institutional(await this.readOne({ list: 'institutionalObjectives' }));
  }

  async getSet(unitId: string, quarter: QuarterId): Promise<OkrSetBundle | null> {
    const uq = unitQuarterKey(unitId, quarter);
    const [sets, objectives, keyResults] = await this.read([
      { list: 'sets', where: ['UnitQuarter', uq] },
      { list: 'objectives', where: ['UnitQuarter', uq] },
      { list: 'keyResults', where: ['UnitQuarter', uq] },
    ]);
    return bundleOf(sets![0], objectives!, keyResults!);
  }

  async getSetById(setId: string): Promise<OkrSetBundle | null> {
    const [sets, objectives, keyResults] = await this.read([
      { list: 'sets', where: ['RecordKey', setId] },
      { list: 'objectives', where: ['SetId', setId] },
      { list: 'keyResults', where: ['SetId', setId] },
    ]);
    return bundleOf(sets![0], objectives!, keyResults!);
  }

  async listSetsByState(states: readonly OkrSetState[]): Promise<OkrSet[]> {
    const pages = await this.read([...new Set(states)].map((s) => ({ list: 'sets' as const, where: ['State', s] as [string, string] })));
    return pages
      .flat()
      .map((i) => toSet(i.fields))
      .sort((a, b) => binary(a.quarter, b.quarter) || binary(a.unitId, b.unitId));
  }

  async loadUnitQuarter(unitId: string, quarter: QuarterId): Promise<UnitQuarterData> {
    const uq = unitQuarterKey(unitId, quarter);
    const [sets, objectives, keyResults, checkIns, ios] = await this.read([
      { list: 'sets', where: ['UnitQuarter', uq] },
      { list: 'objectives', where: ['UnitQuarter', uq] },
      { list: 'keyResults', where: ['UnitQuarter', uq] },
      { list: 'checkIns', where: ['UnitQuarter', uq] },
      { list: 'institutionalObjectives' },
    ]);
    return { bundle: bundleOf(sets![0], objectives!, keyResults!), checkIns: checkInsOf(checkIns!), institutionalObjectives: institutional(ios!) };
  }

  async loadEntityQuarter(quarter: QuarterId): Promise<EntityQuarterData> {
    const [units, sets, objectives, keyResults, checkIns, ios] = await this.read([
      { list: 'units' },
      { list: 'sets', where: ['Quarter', quarter] },
      { list: 'objectives', where: ['Quarter', quarter] },
      { list: 'keyResults', where: ['Quarter', quarter] },
      { list: 'checkIns', where: ['Quarter', quarter] },
      { list: 'institutionalObjectives' },
    ]);
    const objectivesBySet = groupBy(objectives!, (i) => String(i.fields.SetId));
    const keyResultsBySet = groupBy(keyResults!, (i) => String(i.fields.SetId));
    const bundles = sets!
      .map((s) => bundleOf(s, objectivesBySet.get(String(s.fields.RecordKey)) ?? [], keyResultsBySet.get(String(s.fields.RecordKey)) ?? [])!)
      .sort((a, b) => binary(a.set.unitId, b.set.unitId));
    return {
      units: units!.map((i) => toUnit(i.fields)).sort((a, b) => binary(a.name, b.name)),
      bundles,
      checkIns: checkInsOf(checkIns!).sort((a, b) => binary(a.unitId, b.unitId) || binary(a.period, b.period)),
      institutionalObjectives: institutional(ios!),
    };
  }

  async listCheckIns(unitId: string, periods: readonly Period[]): Promise<CheckIn[]> {
    if (periods.length === 0) return [];
    const wanted = new Set(periods);
    const quarters = [...new Set(periods.map((p) => quarterOf(`${p}-01`)))];
    const pages = await this.read(quarters.map((q) => ({ list: 'checkIns' as const, where: ['UnitQuarter', unitQuarterKey(unitId, q)] as [string, string] })));
    return checkInsOf(pages.flat()).filter((c) => wanted.has(c.period));
  }

  async getMonthReview(unitId: string, period: Period): Promise<MonthReview | null> {
    const [item] = await this.readOne({ list: 'monthReviews', where: ['RecordKey', monthReviewKey(unitId, period)] });
    return item ? toMonthReview(item.fields) : null;
  }

  async getConversationReference(personId: string): Promise<unknown | null> {
    const [item] = await this.readOne({ list: 'conversationRefs', where: ['RecordKey', personId] });
    return item && typeof item.fields.Reference === 'string' ? JSON.parse(item.fields.Reference) : null;
  }

  async listSetEvents(setId: string): Promise<SetEvent[]> {
    return (await this.readOne({ list: 'setEvents', where: ['SetId', setId] })).sort(byNumericId).map((i) => toSetEvent(Number(i.id), i.fields));
  }

  async listCardMessages(subjectId: string): Promise<CardMessage[]> {
    return (await this.readOne({ list: 'cardMessages', where: ['SubjectId', subjectId] }))
      .sort((a, b) => binary(String(a.fields.At ?? ''), String(b.fields.At ?? '')) || byNumericId(a, b))
      .map((i) => toCardMessage(i.fields));
  }

  /**
   * The audit trail, newest first. By entity id: one indexed query. Otherwise month by month
   * backwards (`Month` / `EntityMonth` are indexed, and no month holds 5,000 changes), up to 20
   * months per request, until `limit` entries are found or the oldest month is passed.
   */
  async listAudit(filter: { entity?: string; entityId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const limit = filter.limit ?? 100;
    const newestFirst = (items: Item[]) => items.map((i) => toAudit(Number(i.id), i.fields)).sort((a, b) => b.id - a.id);
    if (filter.entityId) {
      const items = await this.readOne({ list: 'audit', where: ['EntityId', filter.entityId] });
      return newestFirst(items)
        .filter((a) => !filter.entity || a.entity === filter.entity)
        .slice(0, limit);
    }
    const items = await this.walkMonths('audit', 'Month', (m) => (filter.entity ? ['EntityMonth', `${filter.entity}|${m}`] : ['Month', m]), limit);
    return newestFirst(items).slice(0, limit);
  }

  /**
   * Reads a large, month-partitioned list newest month first: from next month back to the month of
   * the list's oldest item, up to 20 months per request, until `wanted` items are found — and then
   * one month more, for items of an earlier month written later.
   */
  private async walkMonths(list: ListKey, monthField: string, where: (month: string) => [string, string], wanted: number): Promise<Item[]> {
    const ctx = await this.ctx();
    const [first] = await this.gateway.batch([{ method: 'GET', url: this.itemsUrl(ctx, { list }, 1) }], { mode: 'parallel' });
    if (first!.status !== 200) throw answerError(`GET ${LISTS[list].name}`, first!);
    const oldest = (first!.body?.value as Array<Record<string, unknown>> | undefined)?.[0];
    if (!oldest) return [];
    const months = monthsBack(nextMonth(this.now().toISOString().slice(0, 7)), String(toItem(oldest).fields[monthField] ?? ''));
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

  // ── writes ────────────────────────────────────────────────────────────────────────────────────

  private audit(draft: Omit<AuditDraft, 'at'>): WriteOp {
    const key = randomUUID();
    return { kind: 'create', list: 'audit', fields: auditFields(key, { ...draft, at: this.now().toISOString() }) };
  }

  private create(list: ListKey, fields: Fields): WriteOp {
    return { kind: 'create', list, fields: { ...fields, IdempotencyKey: randomUUID() } };
  }

  private update(list: ListKey, item: Item, fields: Fields, ifMatch = true): WriteOp {
    const previous = Object.fromEntries(Object.keys(fields).map((k) => [k, item.fields[k] ?? null]));
    return { kind: 'update', list, itemId: item.id, eTag: ifMatch ? item.eTag : null, fields, previous };
  }

  private remove(list: ListKey, item: Item): WriteOp {
    const previous = Object.fromEntries(Object.entries(item.fields).filter(([k]) => !k.startsWith('@odata') && k !== 'id'));
    return { kind: 'delete', list, itemId: item.id, eTag: item.eTag, previous };
  }

  private call(ctx: Ctx, op: WriteOp): GraphCall {
    const items = `/sites/${ctx.siteId}/lists/${ctx.lists[op.list]}/items`;
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
   * Applies the changes in order, as sequential `$batch` requests (20 per request). A failure is
   * first checked against what is stored — our own earlier attempt whose answer was lost counts as
   * done — and otherwise everything applied so far is undone, newest first, and the error (a
   * ConflictError for a 409/412 that is someone else's) goes up.
   */
  private async write(ops: readonly WriteOp[]): Promise<Applied[]> {
    if (ops.length === 0) return [];
    const ctx = await this.ctx();
    const applied: Applied[] = [];
    let i = 0;
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
      const [item] = await this.readOne({ list: op.list, where: ['RecordKey', String(op.fields.RecordKey)] });
      if (item && item.fields.IdempotencyKey === op.fields.IdempotencyKey) return { op, itemId: item.id, eTag: item.eTag };
      return new ConflictError(`${LISTS[op.list].name} ${String(op.fields.RecordKey)} already exists`);
    }
    if (op.kind !== 'create' && (answer.status === 412 || answer.status === 404)) {
      const current = await this.readItem(ctx, op.list, op.itemId);
      if (op.kind === 'delete' && current === null) return { op, itemId: op.itemId, eTag: null };
      if (op.kind === 'update' && current && sameFields(current.fields, op.fields)) return { op, itemId: op.itemId, eTag: current.eTag };
      return new ConflictError(`${LISTS[op.list].name} item ${op.itemId} was changed by someone else (${answer.status})`);
    }
    if (isThrottled(answer.status)) return new GraphUnavailableError(`SharePoint is throttling this app; ${LISTS[op.list].name} was not changed`, answer.status);
    return answerError(`${op.kind} ${LISTS[op.list].name}`, answer);
  }

  /** Of changes sent in sequence whose answer was lost, the ones that are stored (a prefix). */
  private async appliedPrefix(ctx: Ctx, ops: readonly WriteOp[]): Promise<Applied[]> {
    const out: Applied[] = [];
    for (const op of ops) {
      let settled: Applied | null = null;
      if (op.kind === 'create') {
        const [item] = await this.readOne({ list: op.list, where: ['RecordKey', String(op.fields.RecordKey)] });
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

  private async readItem(ctx: Ctx, list: ListKey, itemId: string): Promise<Item | null> {
    const url = `/sites/${ctx.siteId}/lists/${ctx.lists[list]}/items/${itemId}?$select=id,eTag&$expand=fields($select=${columnsOf(list).join(',')})`;
    const [answer] = await this.gateway.batch([{ method: 'GET', url }], { mode: 'parallel' });
    if (answer!.status === 404) return null;
    if (answer!.status !== 200) throw answerError(`GET ${LISTS[list].name}/${itemId}`, answer!);
    return toItem(answer!.body);
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

  async seed(data: SeedData): Promise<void> {
    const places = new Map<string, SetPlace>(data.sets.map((s) => [s.id, { unitId: s.unitId, quarter: s.quarter }]));
    const place = (setId: string): SetPlace => {
      const p = places.get(setId);
      if (!p) throw new Error(`seed: set ${setId} is not in the seed`);
      return p;
    };
    const plenarias = new Map((data.plenarias ?? []).map((p) => [p.id, p]));
    const plenariaOf = (id: string): Plenaria => {
      const p = plenarias.get(id);
      if (!p) throw new Error(`seed: plenaria ${id} is not in the seed`);
      return p;
    };
    const ctx = await this.ctx();
    // Units go last: isEmpty() looks at units, so a seed cut short is simply run again, and the
    // unique RecordKey makes what was already written answer 409 instead of duplicating.
    const first: WriteOp[] = [
      ...data.people.map((p) => this.create('people', personFields(p))),
      ...data.roles.map((r) => this.create('roles', roleFields(r))),
      ...data.institutionalObjectives.map((o) => this.create('institutionalObjectives', institutionalObjectiveFields(o))),
      ...data.sets.map((s) => this.create('sets', setFields(s))),
      ...data.objectives.map((o) => this.create('objectives', objectiveFields(o, place(o.setId)))),
      ...data.keyResults.map((k) => this.create('keyResults', keyResultFields(k, place(k.setId)))),
      ...data.checkIns.map((c) => this.create('checkIns', checkInFields(c))),
      ...(data.plenarias ?? []).map((p) => this.create('plenarias', plenariaFields(p))),
      ...(data.actas ?? []).map((a) => this.create('actas', actaFields(a, plenariaOf(a.plenariaId)))),
      ...(data.commitments ?? []).map((c) => this.create('commitments', commitmentFields(c))),
    ];
    const last: WriteOp[] = [
      ...data.units.map((u) => this.create('units', unitFields(u))),
      this.audit({
        actorId: 'system',
        entity: 'store',
        entityId: 'seed',
        action: 'create',
        before: null,
        after: {
          units: data.units.length,
          people: data.people.length,
          sets: data.sets.length,
          checkIns: data.checkIns.length,
          ...(data.plenarias ? { plenarias: data.plenarias.length, actas: data.actas?.length ?? 0, commitments: data.commitments?.length ?? 0 } : {}),
        },
      }),
    ];
    for (const ops of [first, last]) {
      const answers = await this.gateway.batch(
        ops.map((op) => this.call(ctx, op)),
        { mode: 'parallel' },
      );
      const failed = answers.map((a, i) => [a, ops[i]!] as const).find(([a]) => a.status >= 300 && a.status !== 409);
      if (failed) throw answerError(`seed ${LISTS[failed[1].list].name}`, failed[0]);
    }
  }

  async close(): Promise<void> {
    this.ready = null;
  }

  async saveCheckIns(write: CheckInWrite): Promise<SavedCheckIn[]> {
    if (write.checkIns.length === 0) return [];
    const seen = new Set<string>();
    for (const c of write.checkIns) {
      if (seen.has(c.keyResultId)) throw new Error(`saveCheckIns: key result ${c.keyResultId} appears twice`);
      seen.add(c.keyResultId);
    }
    const uq = unitQuarterKey(write.unitId, quarterOf(`${write.period}-01`));
    // The one read: this unit's check-ins and key results of the quarter, in one batch.
    const [stored, keyResults] = await this.read([
      { list: 'checkIns', where: ['UnitQuarter', uq] },
      { list: 'keyResults', where: ['UnitQuarter', uq] },
    ]);
    const known = new Set(keyResults!.map((k) => String(k.fields.RecordKey)));
    const unknown = write.checkIns.filter((c) => !known.has(c.keyResultId)).map((c) => c.keyResultId);
    if (unknown.length > 0) throw new Error(`saveCheckIns: unknown key results for ${uq}: ${unknown.join(', ')}`);
    const byKey = new Map(stored!.map((i) => [String(i.fields.RecordKey), i]));
    const at = this.now().toISOString();
    const ops: WriteOp[] = [];
    const saved = write.checkIns.map((c): SavedCheckIn => {
      const item = byKey.get(checkInKey(c.keyResultId, write.period));
      if (!item) {
        const created: CheckIn = {
          id: randomUUID(),
          keyResultId: c.keyResultId,
          unitId: write.unitId,
          period: write.period,
          value: c.value,
          comment: c.comment,
          evidenceUrl: c.evidenceUrl,
          authorId: write.actorId,
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        ops.push(this.create('checkIns', checkInFields(created)));
        ops.push(this.audit({ actorId: write.actorId, entity: 'checkIn', entityId: created.id, action: 'create', before: null, after: created }));
        return { checkIn: created, outcome: 'created' };
      }
      const existing = toCheckIn(item.fields);
      if (existing.value === c.value && existing.comment === c.comment && existing.evidenceUrl === c.evidenceUrl) return { checkIn: existing, outcome: 'unchanged' };
      const updated: CheckIn = { ...existing, value: c.value, comment: c.comment, evidenceUrl: c.evidenceUrl, authorId: write.actorId, updatedAt: at, version: existing.version + 1 };
      ops.push(
        this.update('checkIns', item, {
          Value: updated.value,
          CommentText: updated.comment,
          EvidenceUrl: updated.evidenceUrl,
          AuthorId: updated.authorId,
          UpdatedAt: updated.updatedAt,
          RecordVersion: updated.version,
        }),
      );
      ops.push(this.audit({ actorId: write.actorId, entity: 'checkIn', entityId: existing.id, action: 'update', before: existing, after: updated }));
      return { checkIn: updated, outcome: 'updated' };
    });
    await this.write(ops);
    return saved;
  }

  async saveMonthReview(review: MonthReview): Promise<void> {
    const [item] = await this.readOne({ list: 'monthReviews', where: ['RecordKey', monthReviewKey(review.unitId, review.period)] });
    const fields = monthReviewFields(review);
    const before = item ? toMonthReview(item.fields) : null;
    await this.write([
      item ? this.update('monthReviews', item, fields) : this.create('monthReviews', fields),
      this.audit({ actorId: review.actorId, entity: 'monthReview', entityId: `${review.unitId}/${review.period}`, action: before ? 'update' : 'create', before, after: review }),
    ]);
  }

  /** Technical data for proactive messages: last writer wins, no audit (as in the SQLite store). */
  async saveConversationReference(personId: string, reference: unknown): Promise<void> {
    const [item] = await this.readOne({ list: 'conversationRefs', where: ['RecordKey', personId] });
    const fields = { RecordKey: personId, Title: personId, Reference: JSON.stringify(reference), UpdatedAt: this.now().toISOString() };
    await this.write([item ? this.update('conversationRefs', item, fields, false) : this.create('conversationRefs', fields)]);
  }

  /** Technical data for updating cards in place: last writer wins, no audit (as in the SQLite store). */
  async saveCardMessage(card: CardMessage): Promise<void> {
    const [item] = await this.readOne({ list: 'cardMessages', where: ['RecordKey', cardMessageKey(card)] });
    const fields = cardMessageFields(card, this.now().toISOString());
    await this.write([item ? this.update('cardMessages', item, fields, false) : this.create('cardMessages', fields)]);
  }

  private contentOps(setId: string, place: SetPlace, content: SetContent): { ops: WriteOp[]; objectives: Fields[]; keyResults: Fields[] } {
    const objectives = content.objectives.map((o) => objectiveFields({ ...o, setId }, place));
    const keyResults = content.keyResults.map((k) => keyResultFields({ ...k, setId }, place));
    return {
      ops: [...objectives.map((f) => this.create('objectives', f)), ...keyResults.map((f) => this.create('keyResults', f))],
      objectives,
      keyResults,
    };
  }

  private event(e: Omit<SetEvent, 'id' | 'at'>): WriteOp {
    const key = randomUUID();
    return { kind: 'create', list: 'setEvents', fields: setEventFields(key, { ...e, at: this.now().toISOString() }) };
  }

  async createSet(args: SetCreation): Promise<OkrSetBundle> {
    const set: OkrSet = { id: args.setId, unitId: args.unitId, quarter: args.quarter, state: 'draft', institutionalObjectiveId: args.content.institutionalObjectiveId, version: 1 };
    const content = this.contentOps(args.setId, args, args.content);
    const bundle = bundleFromFields(setFields(set), content.objectives, content.keyResults);
    // The set goes first: its unique UnitQuarter refuses a second set for the quarter (409) before
    // anything else is written.
    await this.write([
      this.create('sets', setFields(set)),
      ...content.ops,
      this.event({ setId: args.setId, actorId: args.actorId, action: 'create', fromState: 'draft', toState: 'draft', setVersion: 1, comment: null }),
      this.audit({ actorId: args.actorId, entity: 'okrSet', entityId: args.setId, action: 'create', before: null, after: bundle }),
    ]);
    return bundle;
  }

  async replaceSetContent(args: SetReplacement): Promise<OkrSetBundle> {
    const [sets, objectives, keyResults] = await this.read([
      { list: 'sets', where: ['RecordKey', args.setId] },
      { list: 'objectives', where: ['SetId', args.setId] },
      { list: 'keyResults', where: ['SetId', args.setId] },
    ]);
    const setItem = sets![0];
    if (!setItem || Number(setItem.fields.SetVersion) !== args.expectedVersion) throw new ConflictError('stale set');
    const before = bundleOf(setItem, objectives!, keyResults!)!;
    const set: OkrSet = { ...before.set, institutionalObjectiveId: args.content.institutionalObjectiveId, version: before.set.version + 1 };
    const content = this.contentOps(set.id, set, args.content);
    const after = bundleFromFields(setFields(set), content.objectives, content.keyResults);
    // The set's own If-Match update goes first: it is the compare-and-set that a concurrent editor loses.
    await this.write([
      this.update('sets', setItem, { InstitutionalObjectiveId: set.institutionalObjectiveId, SetVersion: set.version }),
      ...keyResults!.map((i) => this.remove('keyResults', i)),
      ...objectives!.map((i) => this.remove('objectives', i)),
      ...content.ops,
      this.event({ setId: set.id, actorId: args.actorId, action: 'edit', fromState: before.set.state, toState: set.state, setVersion: set.version, comment: null }),
      this.audit({ actorId: args.actorId, entity: 'okrSet', entityId: set.id, action: 'update', before, after }),
    ]);
    return after;
  }

  async transitionSet(args: SetTransition): Promise<OkrSet> {
    const [item] = await this.readOne({ list: 'sets', where: ['RecordKey', args.setId] });
    if (!item) throw new ConflictError('set changed');
    const current = toSet(item.fields);
    if (current.state !== args.from || current.version !== args.expectedVersion) throw new ConflictError('set changed');
    const next: OkrSet = { ...current, state: args.to, version: current.version + 1 };
    await this.write([
      this.update('sets', item, { State: next.state, SetVersion: next.version }),
      this.event({ setId: args.setId, actorId: args.actorId, action: args.action, fromState: args.from, toState: args.to, setVersion: next.version, comment: args.comment }),
      this.audit({
        actorId: args.actorId,
        entity: 'okrSet',
        entityId: args.setId,
        action: 'update',
        before: { state: args.from, version: args.expectedVersion },
        after: { state: args.to, version: next.version, action: args.action, comment: args.comment },
      }),
    ]);
    return next;
  }

  // ── plenarias, actas, commitments ─────────────────────────────────────────────────────────────

  /** The unique RecordKey refuses a second plenaria with the same id (409 → ConflictError), before the audit entry. */
  async createPlenaria(plenaria: Plenaria, actorId: string): Promise<void> {
    await this.write([
      this.create('plenarias', plenariaFields(plenaria)),
      this.audit({ actorId, entity: 'plenaria', entityId: plenaria.id, action: 'create', before: null, after: plenaria }),
    ]);
  }

  async getPlenaria(id: string): Promise<Plenaria | null> {
    const [item] = await this.readOne({ list: 'plenarias', where: ['RecordKey', id] });
    return item ? toPlenaria(item.fields) : null;
  }

  /**
   * By unit: one query on the indexed UnitId (a unit holds about four a year); otherwise one per
   * quarter on the indexed Quarter, in one batch. The other filter is applied here. With no filter,
   * the whole list (about 200 a year; an unfiltered read pages by id, never hits the threshold).
   */
  async listPlenarias(filter: { quarters?: readonly QuarterId[]; unitId?: string }): Promise<Plenaria[]> {
    if (filter.quarters?.length === 0) return [];
    const quarters = filter.quarters ? new Set<string>(filter.quarters) : null;
    let items: Item[];
    if (filter.unitId !== undefined) items = await this.readOne({ list: 'plenarias', where: ['UnitId', filter.unitId] });
    else if (quarters) items = (await this.read([...quarters].map((q) => ({ list: 'plenarias' as const, where: ['Quarter', q] as [string, string] })))).flat();
    else items = await this.readOne({ list: 'plenarias' });
    return items
      .filter((i) => (filter.unitId === undefined || i.fields.UnitId === filter.unitId) && (!quarters || quarters.has(String(i.fields.Quarter))))
      .map((i) => toPlenaria(i.fields))
      .sort(byPlenariaTime);
  }

  /**
   * Every version of the actas asked for, oldest first. Actas carry their plenaria's quarter and
   * unit, so each filter is an indexed one: a few plenarias by PlenariaId, else the unit by UnitId,
   * else the quarters by Quarter, else many plenarias by PlenariaId; the rest is applied here.
   */
  async listActas(filter: { plenariaIds?: readonly string[]; quarters?: readonly QuarterId[]; unitId?: string }): Promise<Acta[]> {
    if (filter.plenariaIds?.length === 0 || filter.quarters?.length === 0) return [];
    const ids = filter.plenariaIds ? [...new Set(filter.plenariaIds)] : null;
    const quarters = filter.quarters ? [...new Set<string>(filter.quarters)] : null;
    const by = (column: string, values: readonly string[]) => values.map((v) => ({ list: 'actas' as const, where: [column, v] as [string, string] }));
    let queries: Query[];
    if (ids && ids.length <= 3) queries = by('PlenariaId', ids);
    else if (filter.unitId !== undefined) queries = by('UnitId', [filter.unitId]);
    else if (quarters && (!ids || quarters.length <= ids.length)) queries = by('Quarter', quarters);
    else if (ids) queries = by('PlenariaId', ids);
    else queries = [{ list: 'actas' }];
    const wantedIds = ids ? new Set(ids) : null;
    const wantedQuarters = quarters ? new Set(quarters) : null;
    const seen = new Set<string>();
    return (await this.read(queries))
      .flat()
      .filter((i) => {
        const f = i.fields;
        if (seen.has(i.id)) return false;
        seen.add(i.id);
        return (
          (!wantedIds || wantedIds.has(String(f.PlenariaId))) &&
          (!wantedQuarters || wantedQuarters.has(String(f.Quarter))) &&
          (filter.unitId === undefined || f.UnitId === filter.unitId)
        );
      })
      .map((i) => toActa(i.fields))
      .sort((a, b) => binary(a.plenariaId, b.plenariaId) || a.version - b.version);
  }

  /**
   * Creates a version (its unique RecordKey refuses a second create: 409 → ConflictError) or
   * replaces it compare-and-set: the stored RecordRevision must be the expected one, and the write
   * carries If-Match with the eTag read, so a save between our read and our write is a 412 →
   * ConflictError too. The plenaria is read in the same batch: its quarter and unit go on the acta.
   */
  async writeActa(write: ActaWrite): Promise<Acta> {
    const { plenariaId, version } = write.acta;
    const key = actaKey(plenariaId, version);
    const [plenarias, actas] = await this.read([
      { list: 'plenarias', where: ['RecordKey', plenariaId] },
      { list: 'actas', where: ['RecordKey', key] },
    ]);
    const plenariaItem = plenarias![0];
    if (!plenariaItem) throw new Error(`writeActa: no plenaria ${plenariaId}`);
    const plenaria = toPlenaria(plenariaItem.fields);
    const item = actas![0];
    const before = item ? toActa(item.fields) : null;
    let stored: Acta;
    let op: WriteOp;
    if (write.expectedRevision === null) {
      if (before) throw new ConflictError(`acta ${key} exists`);
      stored = write.acta;
      op = this.create('actas', actaFields(stored, plenaria));
    } else {
      if (!item || before!.revision !== write.expectedRevision) throw new ConflictError(`acta ${key} changed`);
      stored = { ...write.acta, revision: write.expectedRevision + 1 };
      op = this.update('actas', item, actaFields(stored, plenaria));
    }
    await this.write([op, this.audit({ actorId: write.actorId, entity: 'acta', entityId: key, action: before ? 'update' : 'create', before, after: { action: write.action, ...stored } })]);
    return stored;
  }

  /** The drive of the acta library, looked up once per process. */
  private driveOf(ctx: Ctx): Promise<string> {
    ctx.driveId ??= (async () => {
      const answer = await this.gateway.call({ method: 'GET', url: `/sites/${ctx.siteId}/lists/${ctx.libraryId}/drive?$select=id` });
      if (answer.status !== 200 || !answer.body?.id) throw answerError(`GET ${ACTA_LIBRARY.name} drive`, answer);
      return String(answer.body.id);
    })().catch((error: unknown) => {
      delete ctx.driveId; // a transient failure must not stick
      throw error;
    });
    return ctx.driveId;
  }

  /**
   * Uploads the .docx to the unit's folder of the «ActasOKR» library ("entidad" for entity-wide
   * plenarias) with Graph's simple upload — one PUT, right for files under 250 MB; an acta is under
   * 100 KB — which creates the folder if needed and replaces a file of the same name. Then records
   * which file belongs to the version (OkrActasArchivos) with its audit entry. Not one transaction:
   * the file goes first, so the record never points at a file that is not there; if the record's
   * write fails, the file stays in the folder (replaced, or new and unreferenced) and the error goes
   * up. A replaced version whose file had another name has its old file removed.
   */
  async saveActaFile(file: ActaFile, actorId: string): Promise<void> {
    const key = actaKey(file.plenariaId, file.version);
    if (!file.fileName || file.fileName !== file.fileName.trim() || /["*:<>?/\\|]/.test(file.fileName)) {
      throw new Error(`saveActaFile: invalid file name «${file.fileName}»`);
    }
    const [plenarias, actas, records] = await this.read([
      { list: 'plenarias', where: ['RecordKey', file.plenariaId] },
      { list: 'actas', where: ['RecordKey', key] },
      { list: 'actaFiles', where: ['RecordKey', key] },
    ]);
    if (!plenarias![0] || !actas![0]) throw new Error(`saveActaFile: no acta ${key}`);
    const plenaria = toPlenaria(plenarias![0].fields);
    const ctx = await this.ctx();
    const driveId = await this.driveOf(ctx);
    const folderPath = plenaria.unitId ?? 'entidad';
    const put = await this.gateway.content({
      method: 'PUT',
      url: `/drives/${driveId}/root:/${encodeURIComponent(folderPath)}/${encodeURIComponent(file.fileName)}:/content`,
      bytes: file.bytes,
      contentType: mediaTypeOf(file.fileName),
    });
    if (put.status !== 200 && put.status !== 201) throw answerError(`PUT ${ACTA_LIBRARY.name}/${folderPath}/${file.fileName}`, put);
    const record = { plenariaId: file.plenariaId, version: file.version, fileName: file.fileName, folderPath, driveItemId: String(put.body?.id ?? ''), size: file.bytes.length, savedBy: actorId, savedAt: this.now().toISOString() };
    const item = records![0];
    const previous = item ? toActaFileRecord(item.fields) : null;
    await this.write([
      item ? this.update('actaFiles', item, actaFileFields(record), false) : this.create('actaFiles', actaFileFields(record)),
      this.audit({
        actorId,
        entity: 'actaFile',
        entityId: key,
        action: previous ? 'update' : 'create',
        before: previous ? { fileName: previous.fileName, size: previous.size } : null,
        after: { fileName: record.fileName, size: record.size, folder: `${ACTA_LIBRARY.name}/${folderPath}` },
      }),
    ]);
    if (previous && previous.driveItemId && previous.driveItemId !== record.driveItemId) {
      // Best effort: an old file left behind is harmless (nothing points at it any more).
      await this.gateway.content({ method: 'DELETE', url: `/drives/${driveId}/items/${encodeURIComponent(previous.driveItemId)}` }).catch(() => undefined);
    }
  }

  /**
   * The stored .docx: by the file's id (which survives someone renaming or moving it in the
   * library), else by its path; null when none was saved or the file is gone.
   */
  async getActaFile(plenariaId: string, version: number): Promise<ActaFile | null> {
    const [item] = await this.readOne({ list: 'actaFiles', where: ['RecordKey', actaKey(plenariaId, version)] });
    if (!item) return null;
    const record = toActaFileRecord(item.fields);
    const driveId = await this.driveOf(await this.ctx());
    const urls = [
      ...(record.driveItemId ? [`/drives/${driveId}/items/${encodeURIComponent(record.driveItemId)}/content`] : []),
      `/drives/${driveId}/root:/${encodeURIComponent(record.folderPath)}/${encodeURIComponent(record.fileName)}:/content`,
    ];
    for (const url of urls) {
      const answer = await this.gateway.content({ method: 'GET', url });
      if (answer.status === 200 && answer.bytes) return { plenariaId, version, fileName: record.fileName, bytes: answer.bytes };
      if (answer.status !== 404) throw answerError(`GET ${url}`, answer);
    }
    return null;
  }

  /**
   * Commitments by the most selective indexed column given — plenaria, then owner, then unit —
   * with the other filters applied here; soonest due first.
   */
  async listCommitments(filter: { ownerId?: string; plenariaId?: string; unitId?: string }): Promise<Commitment[]> {
    const where: [string, string] | undefined =
      filter.plenariaId !== undefined
        ? ['PlenariaId', filter.plenariaId]
        : filter.ownerId !== undefined
          ? ['OwnerId', filter.ownerId]
          : filter.unitId !== undefined
            ? ['UnitId', filter.unitId]
            : undefined;
    const items = await this.readOne(where ? { list: 'commitments', where } : { list: 'commitments' });
    return items
      .map((i) => toCommitment(i.fields))
      .filter((c) => (filter.plenariaId === undefined || c.plenariaId === filter.plenariaId) && (filter.ownerId === undefined || c.ownerId === filter.ownerId) && (filter.unitId === undefined || c.unitId === filter.unitId))
      .sort((a, b) => binary(a.due, b.due) || binary(a.id, b.id));
  }

  /**
   * All or nothing, as far as SharePoint allows: the plenarias' commitments are read in one batch
   * and every write is checked first (a create whose id exists, an update not at its expected
   * revision: ConflictError, nothing written); then the items and their audit entries go out in
   * sequence, creates guarded by the unique RecordKey and updates by If-Match, and a failure half-way
   * undoes what was written before the error goes up (see `write`). What SharePoint cannot give is
   * isolation: a reader in those few hundred milliseconds may see part of the batch, and if the
   * undo itself fails the error says the lists may hold a partial change.
   */
  async writeCommitments(writes: ReadonlyArray<{ commitment: Commitment; expectedRevision: number | null }>, actorId: string): Promise<Commitment[]> {
    if (writes.length === 0) return [];
    const ids = new Set<string>();
    for (const w of writes) {
      if (ids.has(w.commitment.id)) throw new Error(`writeCommitments: commitment ${w.commitment.id} appears twice`);
      ids.add(w.commitment.id);
    }
    const plenariaIds = [...new Set(writes.map((w) => w.commitment.plenariaId))];
    const pages = await this.read([
      ...plenariaIds.map((p) => ({ list: 'plenarias' as const, where: ['RecordKey', p] as [string, string] })),
      ...plenariaIds.map((p) => ({ list: 'commitments' as const, where: ['PlenariaId', p] as [string, string] })),
    ]);
    const missing = plenariaIds.filter((_, i) => pages[i]!.length === 0);
    if (missing.length > 0) throw new Error(`writeCommitments: no plenaria ${missing.join(', ')}`);
    const stored = new Map(pages.slice(plenariaIds.length).flat().map((i) => [String(i.fields.RecordKey), i]));
    const ops: WriteOp[] = [];
    const out = writes.map(({ commitment, expectedRevision }): Commitment => {
      const item = stored.get(commitment.id);
      const before = item ? toCommitment(item.fields) : null;
      if (expectedRevision === null) {
        if (before) throw new ConflictError(`commitment ${commitment.id} exists`);
        ops.push(this.create('commitments', commitmentFields(commitment)));
        ops.push(this.audit({ actorId, entity: 'commitment', entityId: commitment.id, action: 'create', before: null, after: commitment }));
        return commitment;
      }
      if (!item || before!.revision !== expectedRevision) throw new ConflictError(`commitment ${commitment.id} changed`);
      const next: Commitment = { ...commitment, revision: expectedRevision + 1 };
      ops.push(this.update('commitments', item, commitmentFields(next)));
      ops.push(this.audit({ actorId, entity: 'commitment', entityId: commitment.id, action: 'update', before, after: next }));
      return next;
    });
    await this.write(ops);
    return out;
  }

  // ── reminders ─────────────────────────────────────────────────────────────────────────────────

  async listConversationPersonIds(): Promise<string[]> {
    return (await this.readOne({ list: 'conversationRefs' })).map((i) => String(i.fields.RecordKey)).sort(binary);
  }

  /**
   * Re-reads the item with this key and, if `decide` returns fields, writes them with If-Match
   * (and an audit entry when asked). A 412 means someone changed it meanwhile: read and decide
   * again, so the outcome is that of a conditional UPDATE. False when there is no item or nothing to do.
   */
  private async changeWhere(
    list: ListKey,
    key: string,
    decide: (fields: Fields) => Fields | null,
    audit?: (before: Fields, after: Fields) => Omit<AuditDraft, 'at'>,
  ): Promise<boolean> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [item] = await this.readOne({ list, where: ['RecordKey', key] });
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
    throw new ConflictError(`${LISTS[list].name} ${key} keeps changing`);
  }

  /** Exactly one claimer wins: the create of the unique key, or the If-Match takeover of a failed entry. */
  async claimReminder(key: ReminderKey, owner: string, at: string): Promise<boolean> {
    const entry = { ...key, state: 'claimed' as const, owner, claimedAt: at, sentAt: null, error: null, attempts: 1 };
    try {
      await this.write([this.create('reminderLog', reminderLogFields(entry))]);
      return true;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    return this.changeWhere('reminderLog', reminderKeyString(key), (f) =>
      f.State === 'failed' && Number(f.Attempts) < REMINDER_MAX_ATTEMPTS ? { State: 'claimed', Owner: owner, ClaimedAt: at, Attempts: Number(f.Attempts) + 1 } : null,
    );
  }

  async markReminderSent(key: string, owner: string, at: string): Promise<void> {
    await this.changeWhere('reminderLog', key, (f) => (f.Owner === owner && f.State === 'claimed' ? { State: 'sent', SentAt: at, ErrorText: null } : null));
  }

  async markReminderFailed(key: string, owner: string, at: string, error: string): Promise<void> {
    await this.changeWhere('reminderLog', key, (f) => (f.Owner === owner && f.State === 'claimed' ? { State: 'failed', ErrorText: error.slice(0, 500), ClaimedAt: at } : null));
  }

  async retryReminder(key: string, actorId: string): Promise<boolean> {
    return this.changeWhere(
      'reminderLog',
      key,
      (f) => (f.State === 'sent' ? null : { State: 'failed', Attempts: 0, Owner: actorId, ErrorText: 'reenvío pedido' }),
      (before, after) => ({ actorId, entity: 'reminder', entityId: key, action: 'update', before: toReminderLog(before), after: toReminderLog(after) }),
    );
  }

  /**
   * Newest first. By person or by month: indexed queries. By state: the `claimed` and `failed`
   * entries are few (indexed `State`); `sent` ones pile up, so without person or month the log is
   * read month by month, newest first, like the audit trail.
   */
  async listReminderLog(filter: { personId?: string; states?: readonly ReminderLogState[]; periods?: readonly Period[]; limit?: number } = {}): Promise<ReminderLogEntry[]> {
    const limit = filter.limit ?? 200;
    if (filter.states?.length === 0 || filter.periods?.length === 0) return [];
    let items: Item[];
    if (filter.personId) items = await this.readOne({ list: 'reminderLog', where: ['PersonId', filter.personId] });
    else if (filter.periods) items = (await this.read([...new Set(filter.periods)].map((p) => ({ list: 'reminderLog' as const, where: ['Period', p] as [string, string] })))).flat();
    else if (filter.states && !filter.states.includes('sent')) {
      items = (await this.read([...new Set(filter.states)].map((st) => ({ list: 'reminderLog' as const, where: ['State', st] as [string, string] })))).flat();
    } else items = await this.walkMonths('reminderLog', 'Period', (m) => ['Period', m], limit);
    const states = filter.states ? new Set<string>(filter.states) : null;
    const periods = filter.periods ? new Set(filter.periods) : null;
    return items
      .map((i) => toReminderLog(i.fields))
      .filter((e) => (!filter.personId || e.personId === filter.personId) && (!states || states.has(e.state)) && (!periods || periods.has(e.period)))
      .sort((a, b) => binary(b.sentAt ?? b.claimedAt, a.sentAt ?? a.claimedAt) || binary(a.key, b.key))
      .slice(0, limit);
  }

  async getReminderControl(): Promise<ReminderControl> {
    const [item] = await this.readOne({ list: 'reminderControl', where: ['RecordKey', 'global'] });
    return item ? controlOf(item.fields) : { paused: false, actorId: null, at: null };
  }

  async setRemindersPaused(paused: boolean, actorId: string): Promise<ReminderControl> {
    const [item] = await this.readOne({ list: 'reminderControl', where: ['RecordKey', 'global'] });
    const after: ReminderControl = { paused, actorId, at: this.now().toISOString() };
    const fields = { RecordKey: 'global', Title: 'global', Paused: paused ? 1 : 0, ActorId: actorId, At: after.at };
    const before = item ? controlOf(item.fields) : null;
    await this.write([
      item ? this.update('reminderControl', item, fields, false) : this.create('reminderControl', fields),
      this.audit({ actorId, entity: 'reminderControl', entityId: 'global', action: before ? 'update' : 'create', before, after }),
    ]);
    return after;
  }

  async snoozeReminder(key: ReminderKey, until: string): Promise<ReminderSnooze> {
    const id = reminderKeyString(key);
    for (let attempt = 0; attempt < 3; attempt++) {
      const [item] = await this.readOne({ list: 'reminderSnoozes', where: ['RecordKey', id] });
      const count = item ? Number(item.fields.SnoozeCount ?? 0) + 1 : 1;
      try {
        await this.write([item ? this.update('reminderSnoozes', item, { Until: until, SnoozeCount: count }) : this.create('reminderSnoozes', snoozeFields(key, until, count))]);
        return toSnooze(snoozeFields(key, until, count));
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error; // someone snoozed it meanwhile: count again
      }
    }
    throw new ConflictError(`snooze ${id} keeps changing`);
  }

  async listReminderSnoozes(filter: { personId?: string } = {}): Promise<ReminderSnooze[]> {
    const items = await this.readOne(filter.personId ? { list: 'reminderSnoozes', where: ['PersonId', filter.personId] } : { list: 'reminderSnoozes' });
    return items.map((i) => toSnooze(i.fields)).sort((a, b) => binary(a.until, b.until) || binary(reminderKeyString(a.key), reminderKeyString(b.key)));
  }

  async listReminderPreferences(personId?: string): Promise<ReminderPreferences[]> {
    const items = await this.readOne(personId ? { list: 'reminderPreferences', where: ['RecordKey', personId] } : { list: 'reminderPreferences' });
    return items.map((i) => preferencesOf(i.fields)).sort((a, b) => binary(a.personId, b.personId));
  }

  async setReminderPreferences(prefs: ReminderPreferences, actorId: string): Promise<void> {
    const [item] = await this.readOne({ list: 'reminderPreferences', where: ['RecordKey', prefs.personId] });
    const mutedKinds = [...new Set(prefs.mutedKinds)].sort();
    const fields = { RecordKey: prefs.personId, Title: prefs.personId, MutedKinds: JSON.stringify(mutedKinds), UpdatedAt: this.now().toISOString() };
    await this.write([
      item ? this.update('reminderPreferences', item, fields, false) : this.create('reminderPreferences', fields),
      this.audit({
        actorId,
        entity: 'reminderPreferences',
        entityId: prefs.personId,
        action: item ? 'update' : 'create',
        before: item ? preferencesOf(item.fields) : null,
        after: { personId: prefs.personId, mutedKinds },
      }),
    ]);
  }
}

const byPlenariaTime = (a: Plenaria, b: Plenaria) => binary(a.date, b.date) || binary(a.startTime, b.startTime) || binary(a.id, b.id);

/** The media type SharePoint serves the file with. */
function mediaTypeOf(fileName: string): string {
  return /\.docx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : /\.pdf$/i.test(fileName) ? 'application/pdf' : 'application/octet-stream';
}

function controlOf(f: Fields): ReminderControl {
  return { paused: Number(f.Paused ?? 0) === 1, actorId: (f.ActorId as string | undefined) ?? null, at: (f.At as string | undefined) ?? null };
}

function preferencesOf(f: Fields): ReminderPreferences {
  return { personId: String(f.RecordKey), mutedKinds: JSON.parse(String(f.MutedKinds ?? '[]')) };
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────────────

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

/** SharePoint keeps no empty values: a create leaves them out. */
function withoutEmpty(fields: Fields): Fields {
  const out: Fields = {};
  for (const k in fields) {
    const v = fields[k];
    if (v !== null && v !== undefined && v !== '') out[k] = v;
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const byOrder = <T extends { order: number }>(items: T[]): T[] => items.map((t, i) => [t, i] as const).sort(([a, i], [b, j]) => a.order - b.order || i - j).map(([t]) => t);

function bundleOf(set: Item | undefined, objectives: readonly Item[], keyResults: readonly Item[]): OkrSetBundle | null {
  if (!set) return null;
  const setId = String(set.fields.RecordKey);
  const mine = (items: readonly Item[]) => items.filter((i) => String(i.fields.SetId) === setId).sort(byNumericId);
  return bundleFromFields(
    set.fields,
    mine(objectives).map((i) => i.fields),
    mine(keyResults).map((i) => i.fields),
  );
}

function bundleFromFields(set: Fields, objectives: readonly Fields[], keyResults: readonly Fields[]): OkrSetBundle {
  return { set: toSet(set), objectives: byOrder(objectives.map(toObjective)), keyResults: byOrder(keyResults.map(toKeyResult)) };
}

function checkInsOf(items: readonly Item[]): CheckIn[] {
  return items
    .slice()
    .sort(byNumericId)
    .map((i) => toCheckIn(i.fields))
    .map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => binary(a.period, b.period) || i - j)
    .map(([c]) => c);
}

function institutional(items: readonly Item[]): InstitutionalObjective[] {
  return items.map((i) => toInstitutionalObjective(i.fields)).sort((a, b) => binary(a.code, b.code));
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

