import { randomUUID } from 'node:crypto';
import { quarterOf, type CheckIn, type KeyResult, type Objective, type OkrSet, type OkrSetBundle, type OkrSetState, type QuarterId } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { EntityQuarterData, OkrPort, SavedCheckIn, SetContent, SetEvent, SetTransition, UnitQuarterData } from '../../ports/okr.js';
import { checkInSaveAudit, refuseStaleCheckIns, sameCheckIn } from '../../rules.js';
import type { Item, Query, SharePointEngine, SharePointModule, WriteOp } from '../engine.js';
import { binary, byNumericId, groupBy, queriesOf } from './itemTools.js';
import { num, numOrNull, str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, NOTE_MAX, number, quarter, recordKey, text, type ColumnSpec, type ListSpec } from '../schema.js';
import { DIRECTORY_LISTS, institutionalObjectivesOf, unitsOf } from './directory.js';
import { runAllOrNothing } from '../runs.js';

/**
 * The OKR module's lists and their mappers. Objectives, key results and check-ins carry their
 * set's unit and quarter (`UnitQuarter`, `Quarter`), denormalised for the indexed filters: a unit's
 * tree and the entity's dashboard are each one batch of indexed queries.
 */

const unitQuarter: ColumnSpec = indexed('UnitQuarter', 'Unidad y trimestre, p. ej. al-usaquen|2026-Q4');
/** A unit's quarter is within the quarter (the read cache answers a unit's screen from the quarter's items). */
const withinQuarter = { UnitQuarter: (value: string): [string, string] => ['Quarter', value.slice(value.lastIndexOf('|') + 1)] };
const setId: ColumnSpec = indexed('SetId', 'id del conjunto de OKR');
/**
 * A unit's month of check-ins is ONE item (`OkrCheckInsMes`): its key results' reports as JSON, in
 * the first of these multi-line text columns and, only when it would pass NOTE_MAX, the next ones
 * (each a JSON array of whole reports). 9 reports at the longest input (2,000-character comments,
 * 2,048-character links, every character escaped) take about 75,000 characters: four columns hold
 * 28 such reports, far more than a set has.
 */
export const CHECK_IN_COLUMNS = ['CheckIns', 'CheckIns2', 'CheckIns3', 'CheckIns4'] as const;

export const OKR_LISTS = {
  sets: {
    name: 'OkrConjuntos',
    description: 'Conjunto de OKR de una unidad para un trimestre',
    columns: [
      recordKey('id del conjunto'),
      idempotencyKey,
      { ...unitQuarter, unique: true },
      quarter,
      text('UnitId', 'id de la unidad'),
      indexed('State', 'estado del conjunto en el flujo de formulación'),
      text('InstitutionalObjectiveId', 'objetivo institucional al que aporta'),
      number('SetVersion', 'versión; sube con cada cambio de contenido o de estado'),
    ],
    audit: 'okrSet',
    // Whether the set takes reports (active, not imported).
    decides: ['checkInSave'],
    within: withinQuarter,
  },
  setEvents: {
    name: 'OkrEventosConjunto',
    description: 'Historia del flujo de formulación de cada conjunto',
    columns: [
      recordKey('id del evento'),
      idempotencyKey,
      setId,
      text('At', 'cuándo (ISO 8601)'),
      text('ActorId', 'quién'),
      text('EventAction', 'acción del flujo, create o edit'),
      text('FromState', 'estado anterior'),
      text('ToState', 'estado nuevo'),
      number('SetVersion', 'versión del conjunto tras el evento'),
      note('EventComment', 'observación'),
    ],
    // The set's workflow history: written only with the set's own audit entry.
    audit: 'okrSet',
  },
  objectives: {
    name: 'OkrObjetivos',
    description: 'Objetivos estratégicos y tácticos de cada conjunto',
    columns: [
      recordKey('id del objetivo'),
      idempotencyKey,
      unitQuarter,
      quarter,
      setId,
      text('ParentId', 'objetivo estratégico del que cuelga (tácticos)'),
      text('Level', 'strategic o tactical'),
      note('Statement', 'enunciado completo'),
      number('SortOrder', 'orden de presentación'),
      number('Weight', 'peso en el promedio del padre; vacío = pesos iguales'),
    ],
    audit: 'okrSet',
    within: withinQuarter,
  },
  keyResults: {
    name: 'OkrResultadosClave',
    description: 'Resultados clave de cada objetivo táctico',
    columns: [
      recordKey('id del resultado clave'),
      idempotencyKey,
      unitQuarter,
      quarter,
      setId,
      text('ObjectiveId', 'id del objetivo táctico'),
      note('Statement', 'enunciado completo'),
      text('Kind', 'percentage, number o milestone'),
      text('UnitOfMeasure', 'unidad de medida'),
      number('Baseline', 'línea base'),
      number('Target', 'meta'),
      text('Direction', 'increase o decrease'),
      text('OwnerId', 'persona responsable'),
      number('SortOrder', 'orden de presentación'),
      number('Weight', 'peso en el promedio del objetivo; vacío = pesos iguales'),
    ],
    audit: 'okrSet',
    // What each key result accepts (kind, target) and which are the set’s.
    decides: ['checkInSave'],
    within: withinQuarter,
  },
  checkIns: {
    name: 'OkrCheckInsMes',
    description: 'Reportes mensuales de una unidad: un elemento por unidad y mes, con el reporte de cada resultado clave',
    columns: [
      recordKey('unidad|mes'),
      idempotencyKey,
      unitQuarter,
      quarter,
      indexed('UnitId', 'id de la unidad'),
      indexed('Period', 'mes, p. ej. 2026-11'),
      ...CHECK_IN_COLUMNS.map((name, i) =>
        note(name, i === 0 ? 'reportes del mes, uno por resultado clave (JSON: resultado clave, valor, comentario, evidencia, autor, fechas, versión)' : `continuación de ${CHECK_IN_COLUMNS[0]} cuando no cabe en una columna (JSON)`),
      ),
    ],
    audit: 'checkIn',
    within: withinQuarter,
  },
} satisfies Record<string, ListSpec>;

const unitQuarterKey = (unitId: string, quarter: QuarterId): string => `${unitId}|${quarter}`;
/** The natural key of a unit's month of check-ins. */
const monthKey = (unitId: string, period: string): string => `${unitId}|${period}`;

/** Objectives and key results carry their set's unit and quarter, denormalised for the indexed filters. */
interface SetPlace {
  unitId: string;
  quarter: QuarterId;
}

const setFields = (s: OkrSet): Fields => ({
  RecordKey: s.id,
  Title: title(`${s.unitId} ${s.quarter}`),
  UnitQuarter: unitQuarterKey(s.unitId, s.quarter),
  Quarter: s.quarter,
  UnitId: s.unitId,
  State: s.state,
  InstitutionalObjectiveId: s.institutionalObjectiveId,
  SetVersion: s.version,
});
const toSet = (f: Fields): OkrSet => ({
  id: str(f, 'RecordKey'),
  unitId: str(f, 'UnitId'),
  quarter: str(f, 'Quarter') as QuarterId,
  state: str(f, 'State') as OkrSet['state'],
  institutionalObjectiveId: str(f, 'InstitutionalObjectiveId'),
  version: num(f, 'SetVersion'),
});

const setEventFields = (key: string, e: Omit<SetEvent, 'id'>): Fields => ({
  RecordKey: key,
  IdempotencyKey: key,
  Title: title(`${e.action} ${e.setId}`),
  SetId: e.setId,
  At: e.at,
  ActorId: e.actorId,
  EventAction: e.action,
  FromState: e.fromState,
  ToState: e.toState,
  SetVersion: e.setVersion,
  EventComment: e.comment,
});
const toSetEvent = (id: number, f: Fields): SetEvent => ({
  id,
  setId: str(f, 'SetId'),
  at: str(f, 'At'),
  actorId: str(f, 'ActorId'),
  action: str(f, 'EventAction') as SetEvent['action'],
  fromState: str(f, 'FromState') as OkrSetState,
  toState: str(f, 'ToState') as OkrSetState,
  setVersion: num(f, 'SetVersion'),
  comment: strOrNull(f, 'EventComment'),
});

const objectiveFields = (o: Objective, place: SetPlace): Fields => ({
  RecordKey: o.id,
  Title: title(o.title),
  UnitQuarter: unitQuarterKey(place.unitId, place.quarter),
  Quarter: place.quarter,
  SetId: o.setId,
  ParentId: o.parentId,
  Level: o.level,
  Statement: o.title,
  SortOrder: o.order,
  Weight: o.weight ?? null,
});
const toObjective = (f: Fields): Objective => ({
  id: str(f, 'RecordKey'),
  setId: str(f, 'SetId'),
  parentId: strOrNull(f, 'ParentId'),
  level: str(f, 'Level') as Objective['level'],
  title: str(f, 'Statement'),
  order: num(f, 'SortOrder'),
  weight: numOrNull(f, 'Weight'),
});

const keyResultFields = (k: KeyResult, place: SetPlace): Fields => ({
  RecordKey: k.id,
  Title: title(k.title),
  UnitQuarter: unitQuarterKey(place.unitId, place.quarter),
  Quarter: place.quarter,
  SetId: k.setId,
  ObjectiveId: k.objectiveId,
  Statement: k.title,
  Kind: k.kind,
  UnitOfMeasure: k.unitOfMeasure,
  Baseline: k.baseline,
  Target: k.target,
  Direction: k.direction,
  OwnerId: k.ownerId,
  SortOrder: k.order,
  Weight: k.weight ?? null,
});
const toKeyResult = (f: Fields): KeyResult => ({
  id: str(f, 'RecordKey'),
  setId: str(f, 'SetId'),
  objectiveId: str(f, 'ObjectiveId'),
  title: str(f, 'Statement'),
  kind: str(f, 'Kind') as KeyResult['kind'],
  unitOfMeasure: str(f, 'UnitOfMeasure'),
  baseline: num(f, 'Baseline'),
  target: num(f, 'Target'),
  direction: str(f, 'Direction') as KeyResult['direction'],
  ownerId: strOrNull(f, 'OwnerId'),
  order: num(f, 'SortOrder'),
  weight: numOrNull(f, 'Weight'),
});

/** One key result's report inside its unit's month item (the unit and month are the item's). */
type MonthEntry = Omit<CheckIn, 'unitId' | 'period'>;

const entryOf = (c: CheckIn): MonthEntry => ({
  id: c.id,
  keyResultId: c.keyResultId,
  value: c.value,
  comment: c.comment,
  evidenceUrl: c.evidenceUrl,
  authorId: c.authorId,
  createdAt: c.createdAt,
  updatedAt: c.updatedAt,
  version: c.version,
});

/**
 * The month's reports as the item's JSON columns: whole reports in order, each column a JSON array
 * within NOTE_MAX; unused columns empty (null). Refused with a clear error past the four columns.
 */
export function checkInColumns(unitId: string, period: string, checkIns: readonly CheckIn[]): Fields {
  const chunks: string[][] = [[]];
  let length = 2;
  for (const c of checkIns) {
    const json = JSON.stringify(entryOf(c));
    if (length + json.length + 1 > NOTE_MAX && chunks.at(-1)!.length > 0) {
      chunks.push([]);
      length = 2;
    }
    if (length + json.length + 1 > NOTE_MAX || chunks.length > CHECK_IN_COLUMNS.length) {
      throw new Error(`reportes de ${unitId} ${period}: no caben en las ${CHECK_IN_COLUMNS.length} columnas de texto de SharePoint (${NOTE_MAX} caracteres cada una)`);
    }
    chunks.at(-1)!.push(json);
    length += json.length + 1;
  }
  return Object.fromEntries(CHECK_IN_COLUMNS.map((name, i) => [name, chunks[i]?.length ? `[${chunks[i]!.join(',')}]` : null]));
}

/** The fields of a unit's month item with these check-ins (all of that unit and month). */
export function checkInMonthFields(unitId: string, period: string, checkIns: readonly CheckIn[]): Fields {
  const quarter = quarterOf(`${period}-01`);
  return {
    RecordKey: monthKey(unitId, period),
    Title: title(`${unitId} ${period}`),
    UnitQuarter: unitQuarterKey(unitId, quarter),
    Quarter: quarter,
    UnitId: unitId,
    Period: period,
    ...checkInColumns(unitId, period, checkIns),
  };
}

/** The check-ins a unit's month item holds, in the order they were first saved. */
export function checkInsOfMonth(f: Fields): CheckIn[] {
  const unitId = str(f, 'UnitId');
  const period = str(f, 'Period');
  return CHECK_IN_COLUMNS.flatMap((name) => {
    const json = str(f, name);
    return json === '' ? [] : (JSON.parse(json) as MonthEntry[]).map((e): CheckIn => ({ ...e, unitId, period }));
  });
}

/** Check-ins grouped by unit and month, in their order (the items a seed or an import creates). */
function byUnitMonth(checkIns: readonly CheckIn[]): Map<string, CheckIn[]> {
  return groupBy(checkIns, (c) => monthKey(c.unitId, c.period));
}

const byOrder = <T extends { order: number }>(items: T[]): T[] => items.map((t, i) => [t, i] as const).sort(([a, i], [b, j]) => a.order - b.order || i - j).map(([t]) => t);

/** A set with its objectives and key results from the items read (only those of this set). */
function bundleOf(set: Item | undefined, objectives: readonly Item[], keyResults: readonly Item[]): OkrSetBundle | null {
  if (!set) return null;
  const id = String(set.fields.RecordKey);
  const mine = (items: readonly Item[]) => items.filter((i) => String(i.fields.SetId) === id).sort(byNumericId);
  return bundleFromFields(
    set.fields,
    mine(objectives).map((i) => i.fields),
    mine(keyResults).map((i) => i.fields),
  );
}

function bundleFromFields(set: Fields, objectives: readonly Fields[], keyResults: readonly Fields[]): OkrSetBundle {
  return { set: toSet(set), objectives: byOrder(objectives.map(toObjective)), keyResults: byOrder(keyResults.map(toKeyResult)) };
}

/** Check-ins by month, and in the order they were first saved within a month. */
function checkInsOf(items: readonly Item[]): CheckIn[] {
  return items
    .slice()
    .sort((a, b) => binary(str(a.fields, 'Period'), str(b.fields, 'Period')) || byNumericId(a, b))
    .flatMap((i) => checkInsOfMonth(i.fields));
}

// ── the repository ─────────────────────────────────────────────────────────────────────────────

const { sets, setEvents, objectives, keyResults, checkIns } = OKR_LISTS;

function contentOps(engine: SharePointEngine, setId: string, place: SetPlace, content: SetContent): { ops: WriteOp[]; objectives: Fields[]; keyResults: Fields[] } {
  const o = content.objectives.map((x) => objectiveFields({ ...x, setId }, place));
  const k = content.keyResults.map((x) => keyResultFields({ ...x, setId }, place));
  return { ops: [...o.map((f) => engine.create(objectives, f)), ...k.map((f) => engine.create(keyResults, f))], objectives: o, keyResults: k };
}

function event(engine: SharePointEngine, e: Omit<SetEvent, 'id' | 'at'>): WriteOp {
  const key = randomUUID();
  return { kind: 'create', list: setEvents, fields: setEventFields(key, { ...e, at: engine.now().toISOString() }) };
}

/** A set and its content, by the set's id: one batch of three indexed queries. */
async function readSet(engine: SharePointEngine, setId: string) {
  const [s, o, k] = await engine.read([
    { list: sets, where: ['RecordKey', setId] },
    { list: objectives, where: ['SetId', setId] },
    { list: keyResults, where: ['SetId', setId] },
  ]);
  return { item: s![0], objectives: o!, keyResults: k!, bundle: bundleOf(s![0], o!, k!) };
}

// ── for other modules' screens (the review module batches these with its own queries) ──────────

/** The queries of one unit's quarter (its tree's screen), to run in one batch with others: read them back with `unitQuarterFrom`. */
export function unitQuarterQueries(unitId: string, quarter: QuarterId): Query[] {
  const uq = unitQuarterKey(unitId, quarter);
  return [
    { list: sets, where: ['UnitQuarter', uq] },
    { list: objectives, where: ['UnitQuarter', uq] },
    { list: keyResults, where: ['UnitQuarter', uq] },
    { list: checkIns, where: ['UnitQuarter', uq] },
    { list: DIRECTORY_LISTS.institutionalObjectives },
  ];
}

/** A unit's quarter from the pages of `unitQuarterQueries` (the first five pages given). */
export function unitQuarterFrom(pages: readonly Item[][]): UnitQuarterData {
  const [s, o, k, c, ios] = pages;
  return { bundle: bundleOf(s![0], o!, k!), checkIns: checkInsOf(c!), institutionalObjectives: institutionalObjectivesOf(ios!) };
}

/** The queries of every unit's quarter (the entity dashboard's screen): read them back with `entityQuarterFrom`. */
export function entityQuarterQueries(quarter: QuarterId): Query[] {
  return [
    { list: DIRECTORY_LISTS.units },
    { list: sets, where: ['Quarter', quarter] },
    { list: objectives, where: ['Quarter', quarter] },
    { list: keyResults, where: ['Quarter', quarter] },
    { list: checkIns, where: ['Quarter', quarter] },
    { list: DIRECTORY_LISTS.institutionalObjectives },
  ];
}

/** The entity's quarter from the pages of `entityQuarterQueries` (the first six pages given). */
export function entityQuarterFrom(pages: readonly Item[][]): EntityQuarterData {
  const [units, s, o, k, c, ios] = pages;
  const objectivesBySet = groupBy(o!, (i) => String(i.fields.SetId));
  const keyResultsBySet = groupBy(k!, (i) => String(i.fields.SetId));
  const bundles = s!
    .map((set) => bundleOf(set, objectivesBySet.get(String(set.fields.RecordKey)) ?? [], keyResultsBySet.get(String(set.fields.RecordKey)) ?? [])!)
    .sort((a, b) => binary(a.set.unitId, b.set.unitId));
  return {
    units: unitsOf(units!),
    bundles,
    checkIns: checkInsOf(c!).sort((a, b) => binary(a.unitId, b.unitId) || binary(a.period, b.period)),
    institutionalObjectives: institutionalObjectivesOf(ios!),
  };
}

/**
 * The changes of one workflow step of a set read as `item`, compare-and-set (If-Match, and the
 * state and version checked here): its update, its event and its audit entry. The review module's
 * quarter close writes those of every set of the quarter in its own all-or-nothing write.
 */
export function setTransitionOps(engine: SharePointEngine, item: Item, args: SetTransition): { ops: WriteOp[]; set: OkrSet } {
  const current = toSet(item.fields);
  if (current.state !== args.from || current.version !== args.expectedVersion) throw new ConflictError('set changed');
  const next: OkrSet = { ...current, state: args.to, version: current.version + 1 };
  return {
    set: next,
    ops: [
      engine.update(sets, item, { State: next.state, SetVersion: next.version }),
      event(engine, { setId: args.setId, actorId: args.actorId, action: args.action, fromState: args.from, toState: args.to, setVersion: next.version, comment: args.comment }),
      engine.audit({
        actorId: args.actorId,
        entity: 'okrSet',
        entityId: args.setId,
        action: 'update',
        before: { state: args.from, version: args.expectedVersion },
        after: { state: args.to, version: next.version, action: args.action, comment: args.comment },
      }),
    ],
  };
}

/** OKR sets, their objectives and key results, the formulation workflow's events, and the check-ins. */
export const okrSharePoint: SharePointModule<OkrPort, typeof OKR_LISTS> = {
  lists: OKR_LISTS,

  seed(engine, data) {
    const places = new Map<string, SetPlace>(data.sets.map((s) => [s.id, { unitId: s.unitId, quarter: s.quarter }]));
    const place = (id: string): SetPlace => {
      const p = places.get(id);
      if (!p) throw new Error(`seed: set ${id} is not in the seed`);
      return p;
    };
    return [
      ...data.sets.map((s) => engine.create(sets, setFields(s))),
      ...data.objectives.map((o) => engine.create(objectives, objectiveFields(o, place(o.setId)))),
      ...data.keyResults.map((k) => engine.create(keyResults, keyResultFields(k, place(k.setId)))),
      ...[...byUnitMonth(data.checkIns).values()].map((cs) => engine.create(checkIns, checkInMonthFields(cs[0]!.unitId, cs[0]!.period, cs))),
      ...(data.setEvents ?? []).map((e, i) => engine.create(setEvents, setEventFields(`seed-${e.setId}-${i}`, e))),
    ];
  },

  repository: (engine): OkrPort => ({
    async getSet(unitId, quarter) {
      const uq = unitQuarterKey(unitId, quarter);
      const [s, o, k] = await engine.read([
        { list: sets, where: ['UnitQuarter', uq] },
        { list: objectives, where: ['UnitQuarter', uq] },
        { list: keyResults, where: ['UnitQuarter', uq] },
      ]);
      return bundleOf(s![0], o!, k!);
    },

    async getSetById(setId) {
      return (await readSet(engine, setId)).bundle;
    },

    async listSetsByState(states) {
      const pages = await engine.read(queriesOf(sets, 'State', new Set(states)));
      return pages
        .flat()
        .map((i) => toSet(i.fields))
        .sort((a, b) => binary(a.quarter, b.quarter) || binary(a.unitId, b.unitId));
    },

    async createSet(args) {
      const set: OkrSet = { id: args.setId, unitId: args.unitId, quarter: args.quarter, state: 'draft', institutionalObjectiveId: args.content.institutionalObjectiveId, version: 1 };
      const content = contentOps(engine, args.setId, args, args.content);
      const bundle = bundleFromFields(setFields(set), content.objectives, content.keyResults);
      // The set goes first: its unique UnitQuarter refuses a second set for the quarter (409) before
      // anything else is written.
      await engine.write([
        engine.create(sets, setFields(set)),
        ...content.ops,
        event(engine, { setId: args.setId, actorId: args.actorId, action: 'create', fromState: 'draft', toState: 'draft', setVersion: 1, comment: null }),
        engine.audit({ actorId: args.actorId, entity: 'okrSet', entityId: args.setId, action: 'create', before: null, after: bundle }),
      ]);
      return bundle;
    },

    async importSets(args) {
      const keys = args.sets.map((s) => unitQuarterKey(s.set.unitId, s.set.quarter));
      const found = await engine.read(queriesOf(sets, 'UnitQuarter', keys));
      if (found.some((page) => page.length > 0)) throw new ConflictError('set exists');
      const ops: WriteOp[] = [];
      // One item per unit and month, written with the first set that has check-ins of that month.
      const months = byUnitMonth(args.sets.flatMap((s) => s.checkIns));
      for (const { set, objectives: os, keyResults: ks, checkIns: cs } of args.sets) {
        const place: SetPlace = { unitId: set.unitId, quarter: set.quarter };
        const objectiveItems = os.map((o) => objectiveFields(o, place));
        const keyResultItems = ks.map((k) => keyResultFields(k, place));
        // The set first: its unique UnitQuarter refuses a quarter taken meanwhile before anything else is written.
        ops.push(engine.create(sets, setFields(set)), ...objectiveItems.map((f) => engine.create(objectives, f)), ...keyResultItems.map((f) => engine.create(keyResults, f)));
        for (const key of new Set(cs.map((c) => monthKey(c.unitId, c.period)))) {
          const month = months.get(key);
          if (!month) continue;
          months.delete(key);
          ops.push(engine.create(checkIns, checkInMonthFields(month[0]!.unitId, month[0]!.period, month)));
        }
        ops.push(event(engine, { setId: set.id, actorId: args.actorId, action: 'import', fromState: set.state, toState: set.state, setVersion: set.version, comment: args.comment }));
        ops.push(engine.audit({ actorId: args.actorId, entity: 'okrSet', entityId: set.id, action: 'create', before: null, after: bundleFromFields(setFields(set), objectiveItems, keyResultItems) }));
        if (cs.length > 0) ops.push(engine.audit({ actorId: args.actorId, entity: 'checkIn', entityId: set.id, action: 'create', before: null, after: { imported: cs.length, periods: [...new Set(cs.map((c) => c.period))] } }));
      }
      await runAllOrNothing(engine, ops, { kind: 'viva', actorId: args.actorId });
    },

    async replaceSetContent(args) {
      const current = await readSet(engine, args.setId);
      if (!current.item || Number(current.item.fields.SetVersion) !== args.expectedVersion) throw new ConflictError('stale set');
      const before = current.bundle!;
      const set: OkrSet = { ...before.set, institutionalObjectiveId: args.content.institutionalObjectiveId, version: before.set.version + 1 };
      const content = contentOps(engine, set.id, set, args.content);
      const after = bundleFromFields(setFields(set), content.objectives, content.keyResults);
      // The set's own If-Match update goes first: it is the compare-and-set that a concurrent editor loses.
      await engine.write([
        engine.update(sets, current.item, { InstitutionalObjectiveId: set.institutionalObjectiveId, SetVersion: set.version }),
        ...current.keyResults.map((i) => engine.remove(keyResults, i)),
        ...current.objectives.map((i) => engine.remove(objectives, i)),
        ...content.ops,
        event(engine, { setId: set.id, actorId: args.actorId, action: 'edit', fromState: before.set.state, toState: set.state, setVersion: set.version, comment: null }),
        engine.audit({ actorId: args.actorId, entity: 'okrSet', entityId: set.id, action: 'update', before, after }),
      ]);
      return after;
    },

    async transitionSet(args) {
      const item = await engine.item(sets, args.setId);
      if (!item) throw new ConflictError('set changed');
      const { ops, set } = setTransitionOps(engine, item, args);
      await engine.write(ops);
      return set;
    },

    async listSetEvents(setId) {
      return (await engine.readOne({ list: setEvents, where: ['SetId', setId] })).sort(byNumericId).map((i) => toSetEvent(Number(i.id), i.fields));
    },

    async loadUnitQuarter(unitId, quarter) {
      return unitQuarterFrom(await engine.read(unitQuarterQueries(unitId, quarter)));
    },

    async loadEntityQuarter(quarter) {
      return entityQuarterFrom(await engine.read(entityQuarterQueries(quarter)));
    },

    async listCheckIns(unitId, periods) {
      if (periods.length === 0) return [];
      const wanted = new Set(periods);
      const quarters = new Set(periods.map((p) => unitQuarterKey(unitId, quarterOf(`${p}-01`))));
      const pages = await engine.read(queriesOf(checkIns, 'UnitQuarter', quarters));
      return checkInsOf(pages.flat()).filter((c) => wanted.has(c.period));
    },

    async saveCheckIns(write) {
      if (write.checkIns.length === 0) return [];
      const seen = new Set<string>();
      for (const c of write.checkIns) {
        if (seen.has(c.keyResultId)) throw new Error(`saveCheckIns: key result ${c.keyResultId} appears twice`);
        seen.add(c.keyResultId);
      }
      const uq = unitQuarterKey(write.unitId, quarterOf(`${write.period}-01`));
      const key = monthKey(write.unitId, write.period);
      // The one read: this unit's check-ins and key results of the quarter, in one batch.
      const [stored, krs] = await engine.read([
        { list: checkIns, where: ['UnitQuarter', uq] },
        { list: keyResults, where: ['UnitQuarter', uq] },
      ]);
      const known = new Set(krs!.map((k) => String(k.fields.RecordKey)));
      const unknown = write.checkIns.filter((c) => !known.has(c.keyResultId)).map((c) => c.keyResultId);
      if (unknown.length > 0) throw new Error(`saveCheckIns: unknown key results for ${uq}: ${unknown.join(', ')}`);
      let item = stored!.find((i) => String(i.fields.RecordKey) === key);
      // The month is one item: its eTag is the compare-and-set of the whole save (If-Match; a
      // create meets the unique RecordKey). When someone else wrote the month meanwhile (412/409),
      // it is read again and the save decided once more — it goes on only if the key results it
      // saves still have the versions the card showed (another key result's report is kept).
      for (let attempt = 0; ; attempt++) {
        const before = item ? checkInsOfMonth(item.fields) : [];
        const byKr = new Map(before.map((c) => [c.keyResultId, c]));
        refuseStaleCheckIns(write.checkIns, (keyResultId) => byKr.get(keyResultId) ?? null);
        const at = engine.now().toISOString();
        const after = new Map(byKr);
        const saved = write.checkIns.map((c): SavedCheckIn => {
          const existing = byKr.get(c.keyResultId);
          if (!existing) {
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
            after.set(c.keyResultId, created);
            return { checkIn: created, outcome: 'created' };
          }
          if (sameCheckIn(existing, c)) return { checkIn: existing, outcome: 'unchanged' };
          const updated: CheckIn = { ...existing, value: c.value, comment: c.comment, evidenceUrl: c.evidenceUrl, authorId: write.actorId, updatedAt: at, version: existing.version + 1 };
          after.set(c.keyResultId, updated);
          return { checkIn: updated, outcome: 'updated' };
        });
        // One audit entry for the whole save, in the same batch; nothing to write when nothing changed.
        const audit = checkInSaveAudit(write.unitId, write.period, saved, (keyResultId) => byKr.get(keyResultId) ?? null);
        if (!audit) return saved;
        const month = [...after.values()];
        try {
          await engine.write([
            item ? engine.update(checkIns, item, checkInColumns(write.unitId, write.period, month)) : engine.create(checkIns, checkInMonthFields(write.unitId, write.period, month)),
            engine.audit({ actorId: write.actorId, ...audit }),
          ]);
          return saved;
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt > 0) throw error;
        }
        item = await engine.item(checkIns, key, { fresh: true });
      }
    },
  }),
};
