import { quarterMonths, quarterOf, type MonthReview, type MonthReviewEvent, type QuarterId, type QuarterSnapshot, type QuarterSummary, type SnapshotUnit } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { MonthReviewWrite, QuarterCloseRecord, ReviewPort, StoredQuarterClose } from '../../ports/review.js';
import { monthReviewId } from '../../rules.js';
import type { Item, Query, SharePointEngine, SharePointModule, WriteOp } from '../engine.js';
import { binary, byNumericId } from './itemTools.js';
import { noteJson, num, str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, NOTE_MAX, number, quarter, recordKey, text, type ListSpec } from '../schema.js';
import { DIRECTORY_LISTS, peopleOf, unitsOf } from './directory.js';
import { entityQuarterFrom, entityQuarterQueries, OKR_LISTS, setTransitionOps, unitQuarterFrom, unitQuarterQueries } from './okr.js';

/**
 * The review module's lists. A month's review is one item per unit and month (`Period` indexed, so
 * the queue reads a month's 44 in one query); its history, one item per step (`UnitPeriod`). A
 * quarter's close is one item, and its snapshot one item per unit — a unit's snapshot in JSON, split
 * in parts of at most `PART_MAX` characters when its comments are long (a note column holds 63,999) —
 * all read by `Quarter` in one query.
 */
export const REVIEW_LISTS = {
  monthReviews: {
    name: 'OkrRevisionesMes',
    description: 'Revisión del ETI del mes de cada unidad (cerrado o corrección solicitada)',
    columns: [
      recordKey('unidad|mes'),
      idempotencyKey,
      text('UnitId', 'id de la unidad'),
      indexed('Period', 'mes'),
      text('State', 'closed o correction_requested'),
      text('ActorId', 'quien revisó'),
      text('ReviewedAt', 'cuándo (ISO 8601)'),
      note('ReviewNote', 'observación general'),
      note('Observations', 'observaciones por resultado clave (JSON)'),
      note('CheckInVersions', 'versión de cada check-in del mes al pedir la corrección (JSON)'),
      number('RecordVersion', 'versión; sube con cada decisión'),
    ],
    audit: 'monthReview',
    // Whether the ETI closed the month or asks for a correction.
    decides: ['checkInSave'],
    // A unit's month (`unidad|mes`) is within the month: the read cache answers every unit's from one read.
    within: { RecordKey: (key: string): [string, string] => ['Period', key.slice(key.lastIndexOf('|') + 1)] },
  },
  monthReviewEvents: {
    name: 'OkrEventosRevision',
    description: 'Historia de la revisión del mes de cada unidad: cada cierre y cada corrección pedida',
    columns: [
      recordKey('id del paso'),
      idempotencyKey,
      indexed('UnitPeriod', 'unidad|mes'),
      text('UnitId', 'id de la unidad'),
      text('Period', 'mes'),
      text('ReviewAction', 'close, request_correction o corrected'),
      text('ActorId', 'quién'),
      text('At', 'cuándo (ISO 8601)'),
      note('ReviewNote', 'observación general'),
      note('Observations', 'observaciones por resultado clave (JSON)'),
    ],
    // A month's history: written only with its review's own audit entry.
    audit: 'monthReview',
  },
  quarterCloses: {
    name: 'OkrCierresTrimestre',
    description: 'Cierre de cada trimestre por el equipo ETI: cuándo, quién, cifras y cuándo se compartió',
    columns: [
      recordKey('trimestre'),
      idempotencyKey,
      quarter,
      text('ClosedAt', 'cuándo se cerró (ISO 8601)'),
      text('ClosedBy', 'quién lo cerró'),
      text('ClosedByName', 'nombre de quien lo cerró, al cerrarlo'),
      text('AsOf', 'fecha de corte de los estados'),
      text('SharedAt', 'cuándo se compartió (ISO 8601)'),
      text('SharedBy', 'quién lo compartió'),
      note('Summary', 'cifras del cierre (JSON)'),
      number('RecordVersion', 'versión; sube al compartir'),
    ],
    audit: 'quarterClose',
  },
  quarterCloseUnits: {
    name: 'OkrCierresTrimestreUnidades',
    description: 'Foto congelada de cada unidad al cierre del trimestre (JSON, en partes si es larga)',
    columns: [
      recordKey('trimestre|unidad|parte'),
      idempotencyKey,
      quarter,
      text('UnitId', 'id de la unidad'),
      number('SortOrder', 'orden de la unidad en el reporte'),
      number('Part', 'parte del JSON (0, 1, …)'),
      note('Payload', 'la foto de la unidad (JSON), o una parte'),
    ],
    // A snapshot is written once, with its close's audit entry.
    audit: 'quarterClose',
  },
} satisfies Record<string, ListSpec>;

const { monthReviews, monthReviewEvents, quarterCloses, quarterCloseUnits } = REVIEW_LISTS;

/** Longest part of a unit's snapshot JSON in one item (a note column holds NOTE_MAX characters). */
export const PART_MAX = NOTE_MAX - 999;

const monthReviewKey = (unitId: string, period: string): string => `${unitId}|${period}`;

const monthReviewFields = (r: MonthReview): Fields => ({
  RecordKey: monthReviewKey(r.unitId, r.period),
  Title: title(`${r.unitId} ${r.period}`),
  UnitId: r.unitId,
  Period: r.period,
  State: r.state,
  ActorId: r.actorId,
  ReviewedAt: r.at,
  ReviewNote: r.note,
  Observations: noteJson(r.observations, 'observaciones'),
  CheckInVersions: noteJson(r.checkInVersions, 'versiones de los check-ins'),
  RecordVersion: r.version,
});
const toMonthReview = (f: Fields): MonthReview => ({
  unitId: str(f, 'UnitId'),
  period: str(f, 'Period'),
  state: str(f, 'State') as MonthReview['state'],
  actorId: str(f, 'ActorId'),
  at: str(f, 'ReviewedAt'),
  note: strOrNull(f, 'ReviewNote'),
  // Items written before observations and versions existed read as a first decision without any.
  observations: strOrNull(f, 'Observations') ? JSON.parse(str(f, 'Observations')) : [],
  checkInVersions: strOrNull(f, 'CheckInVersions') ? JSON.parse(str(f, 'CheckInVersions')) : {},
  version: num(f, 'RecordVersion') || 1,
});

const eventFields = (e: MonthReviewEvent): Fields => ({
  RecordKey: e.id,
  IdempotencyKey: e.id,
  Title: title(`${e.action} ${e.unitId} ${e.period}`),
  UnitPeriod: monthReviewKey(e.unitId, e.period),
  UnitId: e.unitId,
  Period: e.period,
  ReviewAction: e.action,
  ActorId: e.actorId,
  At: e.at,
  ReviewNote: e.note,
  Observations: noteJson(e.observations, 'observaciones'),
});
const toEvent = (f: Fields): MonthReviewEvent => ({
  id: str(f, 'RecordKey'),
  unitId: str(f, 'UnitId'),
  period: str(f, 'Period'),
  action: str(f, 'ReviewAction') as MonthReviewEvent['action'],
  actorId: str(f, 'ActorId'),
  at: str(f, 'At'),
  note: strOrNull(f, 'ReviewNote'),
  observations: strOrNull(f, 'Observations') ? JSON.parse(str(f, 'Observations')) : [],
});
/** A month's steps oldest first (two at the same instant in the order they were written). */
const eventsOf = (items: readonly Item[]): MonthReviewEvent[] => items.slice().sort((a, b) => binary(str(a.fields, 'At'), str(b.fields, 'At')) || byNumericId(a, b)).map((i) => toEvent(i.fields));

const closeFields = (r: QuarterCloseRecord, s: QuarterSnapshot): Fields => ({
  RecordKey: r.quarter,
  Title: title(`Cierre ${r.quarter}`),
  Quarter: r.quarter,
  ClosedAt: r.closedAt,
  ClosedBy: r.closedBy,
  ClosedByName: title(s.closedByName),
  AsOf: s.asOf,
  SharedAt: r.sharedAt,
  SharedBy: r.sharedBy,
  Summary: noteJson(s.summary, 'cifras del cierre'),
  RecordVersion: r.version,
});
const toCloseRecord = (f: Fields): QuarterCloseRecord => ({
  quarter: str(f, 'Quarter') as QuarterId,
  closedAt: str(f, 'ClosedAt'),
  closedBy: str(f, 'ClosedBy'),
  sharedAt: strOrNull(f, 'SharedAt'),
  sharedBy: strOrNull(f, 'SharedBy'),
  version: num(f, 'RecordVersion'),
});

/** A unit's snapshot as items: its JSON in parts of at most PART_MAX characters. */
function unitParts(q: QuarterId, unit: SnapshotUnit, order: number): Fields[] {
  const json = JSON.stringify(unit);
  const parts: Fields[] = [];
  for (let part = 0, at = 0; at < json.length || part === 0; part++, at += PART_MAX) {
    parts.push({ RecordKey: `${q}|${unit.unitId}|${part}`, Title: title(`${q} ${unit.unitName}`), Quarter: q, UnitId: unit.unitId, SortOrder: order, Part: part, Payload: json.slice(at, at + PART_MAX) });
  }
  return parts;
}

/** The stored close from its item and its units' parts (null without the item). */
function closeOf(head: Item | undefined, parts: readonly Item[]): StoredQuarterClose | null {
  if (!head) return null;
  const record = toCloseRecord(head.fields);
  const byUnit = new Map<string, Fields[]>();
  for (const p of parts) byUnit.set(str(p.fields, 'UnitId'), [...(byUnit.get(str(p.fields, 'UnitId')) ?? []), p.fields]);
  const units = [...byUnit.values()]
    .map((fields) => fields.sort((a, b) => num(a, 'Part') - num(b, 'Part')))
    .sort((a, b) => num(a[0]!, 'SortOrder') - num(b[0]!, 'SortOrder'))
    .map((fields) => JSON.parse(fields.map((f) => str(f, 'Payload')).join('')) as SnapshotUnit);
  const snapshot: QuarterSnapshot = {
    quarter: record.quarter,
    asOf: str(head.fields, 'AsOf'),
    closedAt: record.closedAt,
    closedBy: record.closedBy,
    closedByName: str(head.fields, 'ClosedByName'),
    summary: JSON.parse(str(head.fields, 'Summary')) as QuarterSummary,
    units,
  };
  return { record, snapshot };
}

const closeQueries = (q: QuarterId): Query[] => [
  { list: quarterCloses, where: ['RecordKey', q] },
  { list: quarterCloseUnits, where: ['Quarter', q] },
];
const periodQueries = (periods: readonly string[]): Query[] => periods.map((p) => ({ list: monthReviews, where: ['Period', p] }));
const reviewsOf = (pages: readonly Item[][]): MonthReview[] =>
  pages.flat().map((i) => toMonthReview(i.fields)).sort((a, b) => binary(a.period, b.period) || binary(a.unitId, b.unitId));

/** The ETI team's review of each unit's month with its history, and the quarter closes with their snapshots. */
export const reviewSharePoint: SharePointModule<ReviewPort, typeof REVIEW_LISTS> = {
  lists: REVIEW_LISTS,

  seed(engine, data) {
    const ops: WriteOp[] = [];
    for (const r of data.monthReviews ?? []) ops.push(engine.create(monthReviews, monthReviewFields(r)));
    for (const e of data.monthReviewEvents ?? []) ops.push({ kind: 'create', list: monthReviewEvents, fields: eventFields(e) });
    for (const c of data.quarterCloses ?? []) {
      ops.push(engine.create(quarterCloses, closeFields(c.record, c.snapshot)));
      c.snapshot.units.forEach((u, i) => ops.push(...unitParts(c.record.quarter, u, i).map((f) => engine.create(quarterCloseUnits, f))));
    }
    return ops;
  },

  repository: (engine: SharePointEngine): ReviewPort => {
    /** Decisions in one all-or-nothing write, after one read of their current items. */
    const saveAll = async (writes: readonly MonthReviewWrite[]): Promise<MonthReview[]> => {
      if (writes.length === 0) return [];
      const pages = await engine.read(writes.map((w) => ({ list: monthReviews, where: ['RecordKey', monthReviewKey(w.review.unitId, w.review.period)] })));
      const ops: WriteOp[] = [];
      const stored = writes.map(({ review, expectedVersion, event }, i) => {
        const item = pages[i]![0];
        const before = item ? toMonthReview(item.fields) : null;
        if ((before?.version ?? null) !== expectedVersion) throw new ConflictError(`month review ${review.unitId} ${review.period} changed`);
        const next: MonthReview = { ...review, version: (expectedVersion ?? 0) + 1 };
        ops.push(
          item ? engine.update(monthReviews, item, monthReviewFields(next)) : engine.create(monthReviews, monthReviewFields(next)),
          { kind: 'create', list: monthReviewEvents, fields: eventFields(event) },
          engine.audit({ actorId: next.actorId, entity: 'monthReview', entityId: monthReviewId(next.unitId, next.period), action: before ? 'update' : 'create', before, after: next }),
        );
        return next;
      });
      await engine.write(ops);
      return stored;
    };

    return {
      async getMonthReview(unitId, period) {
        const item = await engine.item(monthReviews, monthReviewKey(unitId, period));
        return item ? toMonthReview(item.fields) : null;
      },
      async listMonthReviews({ periods, unitId }) {
        if (periods.length === 0) return [];
        // One unit: its items by key; every unit: each month's items (at most 44 per month).
        const queries: Query[] = unitId ? periods.map((p) => ({ list: monthReviews, where: ['RecordKey', monthReviewKey(unitId, p)] })) : periodQueries(periods);
        return reviewsOf(await engine.read(queries));
      },
      async saveMonthReview(write) {
        return (await saveAll([write]))[0]!;
      },
      saveMonthReviews: saveAll,
      async listMonthReviewEvents(unitId, period) {
        return eventsOf(await engine.readOne({ list: monthReviewEvents, where: ['UnitPeriod', monthReviewKey(unitId, period)] }));
      },
      async recordMonthReviewEvent(e) {
        await engine.write([
          { kind: 'create', list: monthReviewEvents, fields: eventFields(e) },
          engine.audit({ actorId: e.actorId, entity: 'monthReview', entityId: monthReviewId(e.unitId, e.period), action: 'update', before: null, after: e }),
        ]);
      },

      async loadReviewQueue(period) {
        const pages = await engine.read([...entityQuarterQueries(quarterOf(`${period}-01`)), ...periodQueries([period]), { list: DIRECTORY_LISTS.people }]);
        return { ...entityQuarterFrom(pages), reviews: reviewsOf(pages.slice(6, 7)), people: peopleOf(pages[7]!) };
      },
      async loadUnitReview(unitId, period) {
        const key = monthReviewKey(unitId, period);
        const pages = await engine.read([
          ...unitQuarterQueries(unitId, quarterOf(`${period}-01`)),
          { list: DIRECTORY_LISTS.units, where: ['RecordKey', unitId] },
          { list: monthReviews, where: ['RecordKey', key] },
          { list: monthReviewEvents, where: ['UnitPeriod', key] },
          { list: DIRECTORY_LISTS.people },
        ]);
        const [unit, review, events, people] = pages.slice(5);
        return {
          ...unitQuarterFrom(pages),
          unit: unitsOf(unit!)[0] ?? null,
          review: review![0] ? toMonthReview(review![0].fields) : null,
          events: eventsOf(events!),
          people: peopleOf(people!),
        };
      },
      async loadQuarterClose(q) {
        const pages = await engine.read([...entityQuarterQueries(q), ...closeQueries(q), ...periodQueries(quarterMonths(q)), { list: DIRECTORY_LISTS.people }]);
        const [head, parts] = pages.slice(6, 8);
        return { ...entityQuarterFrom(pages), close: closeOf(head![0], parts!), reviews: reviewsOf(pages.slice(8, 11)), people: peopleOf(pages[11]!) };
      },

      async getQuarterClose(q) {
        const [head, parts] = await engine.read(closeQueries(q));
        return closeOf(head![0], parts!);
      },
      async closeQuarter({ actorId, snapshot, sets }) {
        const q = snapshot.quarter;
        const [head, stored] = await engine.read([
          { list: quarterCloses, where: ['RecordKey', q] },
          { list: OKR_LISTS.sets, where: ['Quarter', q] },
        ]);
        if (head![0]) throw new ConflictError(`quarter ${q} already closed`);
        const setItems = new Map(stored!.map((i) => [str(i.fields, 'RecordKey'), i]));
        const record: QuarterCloseRecord = { quarter: q, closedAt: snapshot.closedAt, closedBy: actorId, sharedAt: null, sharedBy: null, version: 1 };
        const setOps = sets.flatMap((s) => {
          const item = setItems.get(s.setId);
          if (!item) throw new ConflictError(`set ${s.setId} changed`);
          return setTransitionOps(engine, item, { actorId, setId: s.setId, action: 'close', from: 'active', to: 'closed', expectedVersion: s.version, comment: null }).ops;
        });
        // The close's item goes first: its unique RecordKey refuses a second close of the quarter
        // before anything else is written; everything after it is undone if one change fails.
        await engine.write([
          engine.create(quarterCloses, closeFields(record, snapshot)),
          ...snapshot.units.flatMap((u, i) => unitParts(q, u, i).map((f) => engine.create(quarterCloseUnits, f))),
          ...setOps,
          engine.audit({ actorId, entity: 'quarterClose', entityId: q, action: 'create', before: null, after: { ...record, summary: snapshot.summary, sets: sets.length } }),
        ]);
        return record;
      },
      async markQuarterShared(q, actorId, expectedVersion) {
        const item = await engine.item(quarterCloses, q);
        if (!item || num(item.fields, 'RecordVersion') !== expectedVersion) throw new ConflictError(`quarter close ${q} changed`);
        const before = toCloseRecord(item.fields);
        const after: QuarterCloseRecord = { ...before, sharedAt: engine.now().toISOString(), sharedBy: actorId, version: before.version + 1 };
        await engine.write([
          engine.update(quarterCloses, item, { SharedAt: after.sharedAt, SharedBy: after.sharedBy, RecordVersion: after.version }),
          engine.audit({ actorId, entity: 'quarterClose', entityId: q, action: 'update', before, after }),
        ]);
        return after;
      },
    };
  },
};
