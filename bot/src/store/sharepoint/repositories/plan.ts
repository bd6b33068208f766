import type { ManagementPlan, Meta, MetaReport, ModificationRequest, PlanEvent, PlanQuarter, PlanVigencia } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { PlanPort, StoredMeta } from '../../ports/plan.js';
import { byTime, byVersion, eventId, expectPlan, metaKey, metasOf, nextModification, nextQuarter, planKey, quarterKey, reportKey, stored, transitioned } from '../../planRules.js';
import type { Item, SharePointEngine, SharePointModule, WriteOp } from '../engine.js';
import { binary, byNumericId } from './itemTools.js';
import { noteJson, num, numOrNull, str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, number, recordKey, text, type ColumnSpec, type ListSpec } from '../schema.js';
import { DIRECTORY_LISTS, institutionalObjectivesOf, unitsOf } from './directory.js';
import { OKR_LISTS } from './okr.js';

/**
 * The plan de gestión's lists. Every item carries its plan's unit and vigencia (`UnitVigencia`,
 * `Vigencia`, indexed): a unit's plan screen and the entity's year are each one batch of indexed
 * queries, and so is what the open-data feed reads. A meta, a report or a request is one JSON note
 * beside the columns the queries use (their fields change with the formats; the lists need not).
 */
const unitVigencia: ColumnSpec = indexed('UnitVigencia', 'Unidad y vigencia, p. ej. al-usaquen|2026');
const vigencia: ColumnSpec = indexed('Vigencia', 'Año de la vigencia, p. ej. 2026');

export const PLAN_LISTS = {
  planVigencias: {
    name: 'OkrPlanVigencias',
    description: 'Vigencias del plan de gestión abiertas por la OAP, con su nota metodológica y fechas',
    columns: [recordKey('año'), idempotencyKey, note('MethodologyNote', 'nota metodológica'), text('FormulationDue', 'fecha límite de envío de los planes'), text('OpenedBy', 'quién la abrió'), text('OpenedAt', 'cuándo (ISO 8601)'), number('RecordVersion', 'versión')],
    audit: 'planVigencia',
    small: true,
  },
  plans: {
    name: 'OkrPlanes',
    description: 'Plan de gestión de cada proceso o alcaldía local por vigencia',
    columns: [
      recordKey('id del plan'),
      idempotencyKey,
      { ...unitVigencia, unique: true },
      vigencia,
      text('UnitId', 'id de la unidad'),
      indexed('State', 'estado del plan'),
      number('PlanVersion', 'versión del documento (sube con cada modificación aprobada)'),
      text('HolaCase', 'caso HOLA que oficializó la versión vigente'),
      number('PublishedVersion', 'última versión oficializada (la publicada)'),
      number('RecordVersion', 'versión del registro (compare-and-set)'),
      text('CreatedAt', 'creado (ISO 8601)'),
      text('UpdatedAt', 'última edición (ISO 8601)'),
    ],
    audit: 'plan',
  },
  planMetas: {
    name: 'OkrPlanMetas',
    description: 'Metas de cada versión de cada plan de gestión',
    columns: [recordKey('plan|versión|meta'), idempotencyKey, unitVigencia, vigencia, text('PlanId', 'id del plan'), number('PlanVersion', 'versión del plan'), text('MetaId', 'id de la meta'), note('MetaJson', 'la meta (JSON)')],
    // The content of a plan's version: written only with the plan's own audit entry.
    audit: 'plan',
  },
  planEvents: {
    name: 'OkrPlanEventos',
    description: 'Historia de la formulación y revisión de cada plan (quién, cuándo, qué dijo)',
    columns: [recordKey('id del evento'), idempotencyKey, unitVigencia, text('PlanId', 'id del plan'), text('At', 'cuándo (ISO 8601)'), note('EventJson', 'el evento (JSON)')],
    audit: 'plan',
  },
  metaReports: {
    name: 'OkrPlanReportes',
    description: 'Reporte trimestral de cada meta (uno por meta y trimestre)',
    columns: [recordKey('plan|meta|trimestre'), idempotencyKey, unitVigencia, vigencia, indexed('VigenciaTrimestre', 'vigencia y trimestre, p. ej. 2026-Q3'), text('PlanId', 'id del plan'), note('ReportJson', 'el reporte (JSON)')],
    audit: 'planReport',
  },
  planQuarters: {
    name: 'OkrPlanTrimestres',
    description: 'Estado del reporte trimestral de cada plan (enviado, aclaración, revisado)',
    columns: [recordKey('plan|trimestre'), idempotencyKey, unitVigencia, vigencia, indexed('VigenciaTrimestre', 'vigencia y trimestre, p. ej. 2026-Q3'), text('State', 'estado del reporte'), number('RecordVersion', 'versión'), note('QuarterJson', 'el trimestre (JSON)')],
    audit: 'planReport',
  },
  modifications: {
    name: 'OkrPlanModificaciones',
    description: 'Solicitudes de modificación o eliminación de metas del plan de gestión',
    columns: [recordKey('id de la solicitud'), idempotencyKey, unitVigencia, vigencia, indexed('State', 'estado de la solicitud'), number('RecordVersion', 'versión'), note('RequestJson', 'la solicitud (JSON)')],
    audit: 'planModification',
  },
} satisfies Record<string, ListSpec>;

const { planVigencias, plans, planMetas, planEvents, metaReports, planQuarters, modifications } = PLAN_LISTS;
const readJson = <T>(f: Fields, name: string): T => JSON.parse(str(f, name)) as T;

const vigenciaFields = (v: PlanVigencia): Fields => ({
  RecordKey: String(v.year),
  Title: title(`Vigencia ${v.year}`),
  MethodologyNote: v.methodologyNote,
  FormulationDue: v.formulationDue,
  OpenedBy: v.openedBy,
  OpenedAt: v.openedAt,
  RecordVersion: v.version,
});
const toVigencia = (f: Fields): PlanVigencia => ({
  year: Number(str(f, 'RecordKey')),
  methodologyNote: str(f, 'MethodologyNote'),
  formulationDue: str(f, 'FormulationDue'),
  openedBy: str(f, 'OpenedBy'),
  openedAt: str(f, 'OpenedAt'),
  version: num(f, 'RecordVersion'),
});

const planFields = (p: ManagementPlan): Fields => ({
  RecordKey: p.id,
  Title: title(`Plan de gestión ${p.year} ${p.unitId}`),
  UnitVigencia: planKey(p.unitId, p.year),
  Vigencia: String(p.year),
  UnitId: p.unitId,
  State: p.state,
  PlanVersion: p.planVersion,
  HolaCase: p.holaCase,
  PublishedVersion: p.publishedVersion,
  RecordVersion: p.version,
  CreatedAt: p.createdAt,
  UpdatedAt: p.updatedAt,
});
const toPlan = (f: Fields): ManagementPlan => {
  const [unitId, year] = str(f, 'UnitVigencia').split('|') as [string, string];
  return {
    id: str(f, 'RecordKey'),
    unitId,
    year: Number(year),
    state: str(f, 'State') as ManagementPlan['state'],
    planVersion: num(f, 'PlanVersion'),
    holaCase: strOrNull(f, 'HolaCase'),
    publishedVersion: numOrNull(f, 'PublishedVersion'),
    version: num(f, 'RecordVersion'),
    createdAt: str(f, 'CreatedAt'),
    updatedAt: str(f, 'UpdatedAt'),
  };
};
const place = (p: Pick<ManagementPlan, 'unitId' | 'year'>): Fields => ({ UnitVigencia: planKey(p.unitId, p.year), Vigencia: String(p.year) });

const metaFields = (m: StoredMeta, at: Pick<ManagementPlan, 'unitId' | 'year'>): Fields => {
  const { planId, planVersion, ...meta } = m;
  return { RecordKey: metaKey(m), Title: title(meta.statement), ...place(at), PlanId: planId, PlanVersion: planVersion, MetaId: meta.id, MetaJson: noteJson(meta, `Meta ${meta.id}`) };
};
const toMeta = (f: Fields): StoredMeta => ({ ...readJson<Meta>(f, 'MetaJson'), planId: str(f, 'PlanId'), planVersion: num(f, 'PlanVersion') });

const eventFields = (e: PlanEvent, at: Pick<ManagementPlan, 'unitId' | 'year'>): Fields => ({
  RecordKey: e.id,
  IdempotencyKey: e.id,
  Title: title(`${e.action} ${e.planId}`),
  UnitVigencia: planKey(at.unitId, at.year),
  PlanId: e.planId,
  At: e.at,
  EventJson: noteJson(e, `Evento ${e.id}`),
});
const toEvent = (f: Fields): PlanEvent => readJson<PlanEvent>(f, 'EventJson');

const reportFields = (r: MetaReport, at: Pick<ManagementPlan, 'unitId' | 'year'>): Fields => ({
  RecordKey: reportKey(r),
  Title: title(`${r.metaId} T${r.quarter}`),
  ...place(at),
  VigenciaTrimestre: `${at.year}-Q${r.quarter}`,
  PlanId: r.planId,
  ReportJson: noteJson(r, `Reporte ${reportKey(r)}`),
});
const toReport = (f: Fields): MetaReport => readJson<MetaReport>(f, 'ReportJson');

const quarterFields = (q: PlanQuarter): Fields => ({
  RecordKey: quarterKey(q),
  Title: title(`${q.unitId} ${q.year}-T${q.quarter}`),
  ...place(q),
  VigenciaTrimestre: `${q.year}-Q${q.quarter}`,
  State: q.state,
  RecordVersion: q.version,
  QuarterJson: noteJson(q, `Trimestre ${quarterKey(q)}`),
});
const toQuarter = (f: Fields): PlanQuarter => readJson<PlanQuarter>(f, 'QuarterJson');

const modificationFields = (r: ModificationRequest): Fields => ({
  RecordKey: r.id,
  Title: title(`Modificación ${r.metaId} ${r.unitId}`),
  ...place(r),
  State: r.state,
  RecordVersion: r.version,
  RequestJson: noteJson(r, `Solicitud ${r.id}`),
});
const toModification = (f: Fields): ModificationRequest => readJson<ModificationRequest>(f, 'RequestJson');

const all = <T>(items: readonly Item[], map: (f: Fields) => T): T[] => items.slice().sort(byNumericId).map((i) => map(i.fields));
const byPlanVersion = (a: StoredMeta, b: StoredMeta) => binary(a.planId, b.planId) || byVersion(a, b);

function newEvent(engine: SharePointEngine, recordVersion: number, e: Omit<PlanEvent, 'id' | 'at'>): PlanEvent {
  return { ...e, id: eventId(e.planId, recordVersion), at: engine.now().toISOString() };
}

/** The plan with this id and the items of its current version's metas: one batch. */
async function readPlan(engine: SharePointEngine, planId: string) {
  const item = await engine.item(plans, planId);
  if (!item) return null;
  const plan = toPlan(item.fields);
  const metaItems = (await engine.readOne({ list: planMetas, where: ['UnitVigencia', planKey(plan.unitId, plan.year)] })).filter(
    (i) => str(i.fields, 'PlanId') === plan.id && num(i.fields, 'PlanVersion') === plan.planVersion,
  );
  return { item, plan, metaItems, metas: metasOf(metaItems.map((i) => toMeta(i.fields)), plan.id, plan.planVersion) };
}

export const planSharePoint: SharePointModule<PlanPort, typeof PLAN_LISTS> = {
  lists: PLAN_LISTS,

  seed(engine, data) {
    const planOf = new Map((data.plans ?? []).map((p) => [p.id, p]));
    const at = (planId: string) => {
      const p = planOf.get(planId);
      if (!p) throw new Error(`seed: plan ${planId} is not in the seed`);
      return p;
    };
    return [
      ...(data.planVigencias ?? []).map((v) => engine.create(planVigencias, vigenciaFields(v))),
      ...(data.plans ?? []).map((p) => engine.create(plans, planFields(p))),
      ...(data.planMetas ?? []).map((m) => engine.create(planMetas, metaFields(m, at(m.planId)))),
      ...(data.planEvents ?? []).map((e) => engine.create(planEvents, eventFields(e, at(e.planId)))),
      ...(data.metaReports ?? []).map((r) => engine.create(metaReports, reportFields(r, at(r.planId)))),
      ...(data.planQuarters ?? []).map((q) => engine.create(planQuarters, quarterFields(q))),
      ...(data.modifications ?? []).map((r) => engine.create(modifications, modificationFields(r))),
    ];
  },

  repository: (engine): PlanPort => ({
    async getPlanVigencia(year) {
      const item = await engine.item(planVigencias, String(year));
      return item ? toVigencia(item.fields) : null;
    },

    async openPlanVigencia(v, actorId) {
      // The unique RecordKey refuses a second vigencia of the same year (a 409 is a ConflictError).
      await engine.write([engine.create(planVigencias, vigenciaFields(v)), engine.audit({ actorId, entity: 'planVigencia', entityId: String(v.year), action: 'create', before: null, after: v })]);
    },

    async loadPlanScreen(unitId, year) {
      const uv = planKey(unitId, year);
      const [v, p, m, e, r, q, mods, ios, units, ...sets] = await engine.read([
        { list: planVigencias, where: ['RecordKey', String(year)] },
        { list: plans, where: ['UnitVigencia', uv] },
        { list: planMetas, where: ['UnitVigencia', uv] },
        { list: planEvents, where: ['UnitVigencia', uv] },
        { list: metaReports, where: ['UnitVigencia', uv] },
        { list: planQuarters, where: ['UnitVigencia', uv] },
        { list: modifications, where: ['UnitVigencia', uv] },
        { list: DIRECTORY_LISTS.institutionalObjectives },
        { list: DIRECTORY_LISTS.units },
        ...[1, 2, 3, 4].map((n) => ({ list: OKR_LISTS.sets, where: ['UnitQuarter', `${unitId}|${year}-Q${n}`] as [string, string] })),
      ]);
      const plan = p![0] ? toPlan(p![0].fields) : null;
      const versions = all(m!, toMeta).sort(byVersion);
      return {
        vigencia: v![0] ? toVigencia(v![0].fields) : null,
        bundle: plan ? { plan, metas: metasOf(versions, plan.id, plan.planVersion) } : null,
        versions,
        events: all(e!, toEvent).sort(byTime),
        reports: all(r!, toReport).sort((a, b) => a.quarter - b.quarter || binary(a.metaId, b.metaId)),
        quarters: all(q!, toQuarter).sort((a, b) => a.quarter - b.quarter),
        modifications: all(mods!, toModification).sort((a, b) => binary(a.id, b.id)),
        okrSets: sets.flat().map((i) => ({
          id: str(i.fields, 'RecordKey'),
          unitId: str(i.fields, 'UnitId'),
          quarter: str(i.fields, 'Quarter') as `${number}-Q${1 | 2 | 3 | 4}`,
          state: str(i.fields, 'State') as 'active',
          institutionalObjectiveId: str(i.fields, 'InstitutionalObjectiveId'),
          version: num(i.fields, 'SetVersion'),
        })),
        institutionalObjectives: institutionalObjectivesOf(ios!),
        units: unitsOf(units!),
      };
    },

    async loadPlanYear(year) {
      const y = String(year);
      const [v, units, p, m, r, q, mods, ios] = await engine.read([
        { list: planVigencias, where: ['RecordKey', y] },
        { list: DIRECTORY_LISTS.units },
        { list: plans, where: ['Vigencia', y] },
        { list: planMetas, where: ['Vigencia', y] },
        { list: metaReports, where: ['Vigencia', y] },
        { list: planQuarters, where: ['Vigencia', y] },
        { list: modifications, where: ['Vigencia', y] },
        { list: DIRECTORY_LISTS.institutionalObjectives },
      ]);
      return {
        vigencia: v![0] ? toVigencia(v![0].fields) : null,
        units: unitsOf(units!),
        plans: all(p!, toPlan).sort((a, b) => binary(a.unitId, b.unitId)),
        metas: all(m!, toMeta).sort(byPlanVersion),
        reports: all(r!, toReport).sort((a, b) => binary(a.planId, b.planId) || a.quarter - b.quarter || binary(a.metaId, b.metaId)),
        quarters: all(q!, toQuarter).sort((a, b) => binary(a.planId, b.planId) || a.quarter - b.quarter),
        modifications: all(mods!, toModification).sort((a, b) => binary(a.id, b.id)),
        institutionalObjectives: institutionalObjectivesOf(ios!),
      };
    },

    async getPlanById(planId) {
      const found = await readPlan(engine, planId);
      return found ? { plan: found.plan, metas: found.metas } : null;
    },

    async createPlan(args) {
      const { plan } = args;
      const event = newEvent(engine, plan.version, { planId: plan.id, actorId: args.actorId, action: args.action, fromState: plan.state, toState: plan.state, comment: null, observations: [], holaCase: null, planVersion: plan.planVersion });
      const bundle = { plan, metas: args.metas };
      // The plan goes first: its unique UnitVigencia refuses a second plan of the year (409) before anything else is written.
      await engine.write([
        engine.create(plans, planFields(plan)),
        ...stored(plan.id, plan.planVersion, args.metas).map((m) => engine.create(planMetas, metaFields(m, plan))),
        engine.create(planEvents, eventFields(event, plan)),
        engine.audit({ actorId: args.actorId, entity: 'plan', entityId: plan.id, action: 'create', before: null, after: bundle }),
      ]);
      return bundle;
    },

    async replacePlanMetas(args) {
      const current = await readPlan(engine, args.planId);
      const before = expectPlan(current?.plan ?? null, args.expectedVersion);
      const plan = { ...before, version: before.version + 1, updatedAt: engine.now().toISOString() };
      const event = newEvent(engine, plan.version, { planId: plan.id, actorId: args.actorId, action: args.action, fromState: plan.state, toState: plan.state, comment: null, observations: [], holaCase: null, planVersion: plan.planVersion });
      const after = { plan, metas: args.metas };
      // The plan's own If-Match update goes first: the compare-and-set a concurrent editor loses.
      await engine.write([
        engine.update(plans, current!.item, { RecordVersion: plan.version, UpdatedAt: plan.updatedAt }),
        ...current!.metaItems.map((i) => engine.remove(planMetas, i)),
        ...stored(plan.id, plan.planVersion, args.metas).map((m) => engine.create(planMetas, metaFields(m, plan))),
        engine.create(planEvents, eventFields(event, plan)),
        engine.audit({ actorId: args.actorId, entity: 'plan', entityId: plan.id, action: 'update', before: { plan: before, metas: current!.metas }, after }),
      ]);
      return after;
    },

    async transitionPlan(args) {
      const item = await engine.item(plans, args.planId);
      const current = expectPlan(item ? toPlan(item.fields) : null, args.expectedVersion);
      if (current.state !== args.from) throw new ConflictError('plan moved');
      const next = transitioned(current, args.to, args.holaCase, engine.now().toISOString());
      const event = newEvent(engine, next.version, { planId: next.id, actorId: args.actorId, action: args.action, fromState: args.from, toState: args.to, comment: args.comment, observations: args.observations, holaCase: args.holaCase, planVersion: next.planVersion });
      await engine.write([
        engine.update(plans, item!, { State: next.state, RecordVersion: next.version, HolaCase: next.holaCase, PublishedVersion: next.publishedVersion, UpdatedAt: next.updatedAt }),
        engine.create(planEvents, eventFields(event, next)),
        engine.audit({
          actorId: args.actorId,
          entity: 'plan',
          entityId: next.id,
          action: 'update',
          before: { state: current.state, version: current.version },
          after: { state: next.state, version: next.version, action: args.action, comment: args.comment, observations: args.observations, holaCase: args.holaCase },
        }),
      ]);
      return next;
    },

    async saveReport(write) {
      const q = write.quarter;
      const [headers, existing] = await engine.read([
        { list: planQuarters, where: ['RecordKey', quarterKey(q)] },
        { list: metaReports, where: ['UnitVigencia', planKey(q.unitId, q.year)] },
      ]);
      const headerItem = headers![0];
      const before = headerItem ? toQuarter(headerItem.fields) : null;
      const quarter = nextQuarter(before, q, write.expectedVersion);
      const byKey = new Map(existing!.map((i) => [str(i.fields, "RecordKey"), i]));
      const previous = write.entries.map((e) => {
        const i = byKey.get(reportKey(e));
        return i ? toReport(i.fields) : null;
      });
      const ops: WriteOp[] = [headerItem ? engine.update(planQuarters, headerItem, quarterFields(quarter)) : engine.create(planQuarters, quarterFields(quarter))];
      for (const e of write.entries) {
        const item = byKey.get(reportKey(e));
        ops.push(item ? engine.update(metaReports, item, reportFields(e, q)) : engine.create(metaReports, reportFields(e, q)));
      }
      ops.push(engine.audit({ actorId: write.actorId, entity: 'planReport', entityId: quarterKey(quarter), action: before ? 'update' : 'create', before: before ? { quarter: before, entries: previous } : null, after: { quarter, entries: write.entries } }));
      await engine.write(ops);
      const written = new Map(write.entries.map((e) => [reportKey(e), e]));
      const reports = [...existing!.map((i) => toReport(i.fields)).filter((r) => r.planId === q.planId && r.quarter === q.quarter && !written.has(reportKey(r))), ...write.entries];
      return { quarter, reports: reports.sort((a, b) => binary(a.metaId, b.metaId)) };
    },

    async getModification(id) {
      const item = await engine.item(modifications, id);
      return item ? toModification(item.fields) : null;
    },

    async writeModification(write) {
      const item = await engine.item(modifications, write.request.id);
      const before = item ? toModification(item.fields) : null;
      const request = nextModification(before, write.request, write.expectedVersion);
      await engine.write([
        item ? engine.update(modifications, item, modificationFields(request)) : engine.create(modifications, modificationFields(request)),
        engine.audit({ actorId: write.actorId, entity: 'planModification', entityId: request.id, action: before ? 'update' : 'create', before, after: request }),
      ]);
      return request;
    },

    async applyModification(args) {
      const [requestItem, current] = await Promise.all([engine.item(modifications, args.request.id), readPlan(engine, args.planId)]);
      const beforeRequest = requestItem ? toModification(requestItem.fields) : null;
      const request = nextModification(beforeRequest, args.request, args.expectedRequestVersion);
      const before = expectPlan(current?.plan ?? null, args.expectedPlanVersion);
      const plan: ManagementPlan = { ...before, state: 'endorsed', planVersion: before.planVersion + 1, holaCase: null, version: before.version + 1, updatedAt: engine.now().toISOString() };
      const done = { ...request, resultingVersion: plan.planVersion };
      const event = newEvent(engine, plan.version, { planId: plan.id, actorId: args.actorId, action: 'modify', fromState: before.state, toState: plan.state, comment: args.comment, observations: [], holaCase: null, planVersion: plan.planVersion });
      await engine.write([
        engine.update(plans, current!.item, { State: plan.state, PlanVersion: plan.planVersion, HolaCase: null, RecordVersion: plan.version, UpdatedAt: plan.updatedAt }),
        engine.update(modifications, requestItem!, modificationFields(done)),
        ...stored(plan.id, plan.planVersion, args.metas).map((m) => engine.create(planMetas, metaFields(m, plan))),
        engine.create(planEvents, eventFields(event, plan)),
        engine.audit({ actorId: args.actorId, entity: 'planModification', entityId: request.id, action: 'update', before: beforeRequest, after: done }),
        engine.audit({ actorId: args.actorId, entity: 'plan', entityId: plan.id, action: 'update', before: { planVersion: before.planVersion, state: before.state }, after: { planVersion: plan.planVersion, state: plan.state, modification: request.id } }),
      ]);
      return { plan, metas: args.metas };
    },
  }),
};
