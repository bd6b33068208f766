import type { ManagementPlan, Meta, MetaReport, ModificationRequest, OkrSet, PlanEvent, PlanQuarter, PlanVigencia, QuarterId } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { PlanPort, StoredMeta } from '../../ports/plan.js';
import { byTime, byVersion, eventId, expectPlan, metasOf, nextModification, nextQuarter, quarterKey, stored, transitioned } from '../../planRules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';
import { listInstitutionalObjectives, listUnits } from './directory.js';

const json = (v: unknown): string => JSON.stringify(v);
const parse = <T>(v: unknown): T => JSON.parse(v as string) as T;

const toVigencia = (r: Row): PlanVigencia => ({
  year: r.year as number,
  methodologyNote: r.methodology_note as string,
  formulationDue: r.formulation_due as string,
  openedBy: r.opened_by as string,
  openedAt: r.opened_at as string,
  version: r.version as number,
});
const toPlan = (r: Row): ManagementPlan => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  year: r.year as number,
  state: r.state as ManagementPlan['state'],
  planVersion: r.plan_version as number,
  holaCase: (r.hola_case as string | null) ?? null,
  publishedVersion: (r.published_version as number | null) ?? null,
  version: r.version as number,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
});
const toMeta = (r: Row): StoredMeta => ({ ...parse<Meta>(r.meta_json), planId: r.plan_id as string, planVersion: r.plan_version as number });
const toEvent = (r: Row): PlanEvent => ({
  id: r.id as string,
  planId: r.plan_id as string,
  at: r.at as string,
  actorId: r.actor_id as string,
  action: r.action as PlanEvent['action'],
  fromState: r.from_state as PlanEvent['fromState'],
  toState: r.to_state as PlanEvent['toState'],
  comment: (r.comment as string | null) ?? null,
  observations: parse(r.observations_json),
  holaCase: (r.hola_case as string | null) ?? null,
  planVersion: r.plan_version as number,
});
const toReport = (r: Row): MetaReport => parse<MetaReport>(r.report_json);
const toQuarter = (r: Row): PlanQuarter => parse<PlanQuarter>(r.quarter_json);
const toModification = (r: Row): ModificationRequest => parse<ModificationRequest>(r.request_json);
const toOkrSet = (r: Row): OkrSet => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  quarter: r.quarter as QuarterId,
  state: r.state as OkrSet['state'],
  institutionalObjectiveId: r.institutional_objective_id as string,
  version: r.version as number,
});

const PLAN_COLUMNS = 'id, unit_id, year, state, plan_version, hola_case, published_version, version, created_at, updated_at';
const planValues = (p: ManagementPlan): unknown[] => [p.id, p.unitId, p.year, p.state, p.planVersion, p.holaCase, p.publishedVersion, p.version, p.createdAt, p.updatedAt];

/** The plan de gestión's tables. Rich records (a meta, a report, a request) are JSON beside the columns the queries use. */
export const planSqlite: SqliteModule<PlanPort> = {
  name: 'plan',
  migrations: [
    {
      version: 1,
      name: 'plan de gestión: vigencias, plans, metas of every version, events, quarterly reports, modification requests',
      sql: `
      CREATE TABLE plan_vigencias (
        year INTEGER PRIMARY KEY,
        methodology_note TEXT NOT NULL,
        formulation_due TEXT NOT NULL,
        opened_by TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units(id),
        year INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft','in_review','returned','endorsed','official')),
        plan_version INTEGER NOT NULL,
        hola_case TEXT,
        published_version INTEGER,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (unit_id, year)
      );
      CREATE INDEX plans_year ON plans(year);
      CREATE TABLE plan_metas (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        plan_version INTEGER NOT NULL,
        meta_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        meta_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, plan_version, meta_id)
      );
      CREATE INDEX plan_metas_year ON plan_metas(year);
      CREATE TABLE plan_events (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id),
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        comment TEXT,
        observations_json TEXT NOT NULL,
        hola_case TEXT,
        plan_version INTEGER NOT NULL
      );
      CREATE INDEX plan_events_plan ON plan_events(plan_id);
      CREATE TABLE plan_reports (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        meta_id TEXT NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        year INTEGER NOT NULL,
        report_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, meta_id, quarter)
      );
      CREATE INDEX plan_reports_year ON plan_reports(year, quarter);
      CREATE TABLE plan_quarters (
        plan_id TEXT NOT NULL REFERENCES plans(id),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        year INTEGER NOT NULL,
        state TEXT NOT NULL,
        quarter_json TEXT NOT NULL,
        PRIMARY KEY (plan_id, quarter)
      );
      CREATE INDEX plan_quarters_year ON plan_quarters(year, quarter);
      CREATE TABLE plan_modifications (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL REFERENCES plans(id),
        year INTEGER NOT NULL,
        state TEXT NOT NULL,
        request_json TEXT NOT NULL
      );
      CREATE INDEX plan_modifications_plan ON plan_modifications(plan_id);
      CREATE INDEX plan_modifications_year ON plan_modifications(year);`,
    },
  ],
  tables: {
    plan_vigencias: 'planVigencia',
    plans: 'plan',
    // The metas of a version and the workflow's history: written only with the plan's own audit entry.
    plan_metas: 'plan',
    plan_events: 'plan',
    plan_reports: 'planReport',
    plan_quarters: 'planReport',
    plan_modifications: 'planModification',
  },

  seed(db, data) {
    for (const v of data.planVigencias ?? []) insertVigencia(db, v);
    for (const p of data.plans ?? []) db.run(`INSERT INTO plans (${PLAN_COLUMNS}) VALUES (${db.marks(10)})`, ...planValues(p));
    const yearOf = new Map((data.plans ?? []).map((p) => [p.id, p.year]));
    for (const m of data.planMetas ?? []) insertMeta(db, m, yearOf.get(m.planId)!);
    for (const e of data.planEvents ?? []) insertEvent(db, e);
    for (const r of data.metaReports ?? []) upsertReport(db, r, yearOf.get(r.planId)!);
    for (const q of data.planQuarters ?? []) upsertQuarter(db, q);
    for (const r of data.modifications ?? []) upsertModification(db, r);
  },

  repository: (db: SqliteDb): PlanPort => {
    const planById = (id: string) => db.one(toPlan, 'SELECT * FROM plans WHERE id = ?', id);
    const bundleOf = (plan: ManagementPlan | null) =>
      plan ? { plan, metas: metasOf(db.all('SELECT * FROM plan_metas WHERE plan_id = ? AND plan_version = ?', plan.id, plan.planVersion).map(toMeta), plan.id, plan.planVersion) } : null;
    const event = (recordVersion: number, e: Omit<PlanEvent, 'id' | 'at'>): PlanEvent => {
      const full = { ...e, id: eventId(e.planId, recordVersion), at: db.now().toISOString() };
      insertEvent(db, full);
      return full;
    };
    return {
      async getPlanVigencia(year) {
        return db.one(toVigencia, 'SELECT * FROM plan_vigencias WHERE year = ?', year);
      },
      async openPlanVigencia(vigencia, actorId) {
        db.tx(() => {
          if (db.get('SELECT 1 FROM plan_vigencias WHERE year = ?', vigencia.year)) throw new ConflictError('vigencia exists');
          insertVigencia(db, vigencia);
          db.audit(actorId, 'planVigencia', String(vigencia.year), 'create', null, vigencia);
        });
      },

      async loadPlanScreen(unitId, year) {
        const plan = db.one(toPlan, 'SELECT * FROM plans WHERE unit_id = ? AND year = ?', unitId, year);
        const id = plan?.id ?? '';
        return {
          vigencia: db.one(toVigencia, 'SELECT * FROM plan_vigencias WHERE year = ?', year),
          bundle: bundleOf(plan),
          versions: db.all('SELECT * FROM plan_metas WHERE plan_id = ?', id).map(toMeta).sort(byVersion),
          events: db.all('SELECT * FROM plan_events WHERE plan_id = ?', id).map(toEvent).sort(byTime),
          reports: db.all('SELECT * FROM plan_reports WHERE plan_id = ? ORDER BY quarter, meta_id', id).map(toReport),
          quarters: db.all('SELECT * FROM plan_quarters WHERE plan_id = ? ORDER BY quarter', id).map(toQuarter),
          modifications: db.all('SELECT * FROM plan_modifications WHERE plan_id = ? ORDER BY id', id).map(toModification),
          okrSets: db.all(`SELECT * FROM okr_sets WHERE unit_id = ? AND quarter IN (${db.marks(4)}) ORDER BY quarter`, unitId, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`)).map(toOkrSet),
          institutionalObjectives: listInstitutionalObjectives(db),
          units: listUnits(db),
        };
      },

      async loadPlanYear(year) {
        return {
          vigencia: db.one(toVigencia, 'SELECT * FROM plan_vigencias WHERE year = ?', year),
          units: listUnits(db),
          plans: db.all('SELECT * FROM plans WHERE year = ? ORDER BY unit_id', year).map(toPlan),
          metas: db.all('SELECT * FROM plan_metas WHERE year = ?', year).map(toMeta).sort((a, b) => (a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : byVersion(a, b))),
          reports: db.all('SELECT * FROM plan_reports WHERE year = ? ORDER BY plan_id, quarter, meta_id', year).map(toReport),
          quarters: db.all('SELECT * FROM plan_quarters WHERE year = ? ORDER BY plan_id, quarter', year).map(toQuarter),
          modifications: db.all('SELECT * FROM plan_modifications WHERE year = ? ORDER BY id', year).map(toModification),
          institutionalObjectives: listInstitutionalObjectives(db),
        };
      },

      async getPlanById(planId) {
        return bundleOf(planById(planId));
      },

      async createPlan(args) {
        return db.tx(() => {
          const { plan } = args;
          if (db.get('SELECT 1 FROM plans WHERE id = ? OR (unit_id = ? AND year = ?)', plan.id, plan.unitId, plan.year)) throw new ConflictError('plan exists');
          db.run(`INSERT INTO plans (${PLAN_COLUMNS}) VALUES (${db.marks(10)})`, ...planValues(plan));
          for (const m of stored(plan.id, plan.planVersion, args.metas)) insertMeta(db, m, plan.year);
          event(plan.version, { planId: plan.id, actorId: args.actorId, action: args.action, fromState: plan.state, toState: plan.state, comment: null, observations: [], holaCase: null, planVersion: plan.planVersion });
          const bundle = { plan, metas: args.metas };
          db.audit(args.actorId, 'plan', plan.id, 'create', null, bundle);
          return bundle;
        });
      },

      async replacePlanMetas(args) {
        return db.tx(() => {
          const before = bundleOf(expectPlan(planById(args.planId), args.expectedVersion))!;
          const plan = { ...before.plan, version: before.plan.version + 1, updatedAt: db.now().toISOString() };
          db.run('UPDATE plans SET version = ?, updated_at = ? WHERE id = ? AND version = ?', plan.version, plan.updatedAt, plan.id, args.expectedVersion);
          db.run('DELETE FROM plan_metas WHERE plan_id = ? AND plan_version = ?', plan.id, plan.planVersion);
          for (const m of stored(plan.id, plan.planVersion, args.metas)) insertMeta(db, m, plan.year);
          event(plan.version, { planId: plan.id, actorId: args.actorId, action: args.action, fromState: plan.state, toState: plan.state, comment: null, observations: [], holaCase: null, planVersion: plan.planVersion });
          const after = { plan, metas: args.metas };
          db.audit(args.actorId, 'plan', plan.id, 'update', before, after);
          return after;
        });
      },

      async transitionPlan(args) {
        return db.tx(() => {
          const current = expectPlan(planById(args.planId), args.expectedVersion);
          if (current.state !== args.from) throw new ConflictError('plan moved');
          const next = transitioned(current, args.to, args.holaCase, db.now().toISOString());
          db.run('UPDATE plans SET state = ?, version = ?, hola_case = ?, published_version = ?, updated_at = ? WHERE id = ?', next.state, next.version, next.holaCase, next.publishedVersion, next.updatedAt, next.id);
          event(next.version, { planId: next.id, actorId: args.actorId, action: args.action, fromState: args.from, toState: args.to, comment: args.comment, observations: args.observations, holaCase: args.holaCase, planVersion: next.planVersion });
          db.audit(args.actorId, 'plan', next.id, 'update', { state: current.state, version: current.version }, { state: next.state, version: next.version, action: args.action, comment: args.comment, observations: args.observations, holaCase: args.holaCase });
          return next;
        });
      },

      async saveReport(write) {
        return db.tx(() => {
          const before = db.one(toQuarter, 'SELECT * FROM plan_quarters WHERE plan_id = ? AND quarter = ?', write.quarter.planId, write.quarter.quarter);
          const quarter = nextQuarter(before, write.quarter, write.expectedVersion);
          const previous = write.entries.map((e) => db.one(toReport, 'SELECT * FROM plan_reports WHERE plan_id = ? AND meta_id = ? AND quarter = ?', e.planId, e.metaId, e.quarter));
          upsertQuarter(db, quarter);
          for (const e of write.entries) upsertReport(db, e, quarter.year);
          db.audit(write.actorId, 'planReport', quarterKey(quarter), before ? 'update' : 'create', before ? { quarter: before, entries: previous } : null, { quarter, entries: write.entries });
          return { quarter, reports: db.all('SELECT * FROM plan_reports WHERE plan_id = ? AND quarter = ? ORDER BY meta_id', quarter.planId, quarter.quarter).map(toReport) };
        });
      },

      async getModification(id) {
        return db.one(toModification, 'SELECT * FROM plan_modifications WHERE id = ?', id);
      },

      async writeModification(write) {
        return db.tx(() => {
          const before = db.one(toModification, 'SELECT * FROM plan_modifications WHERE id = ?', write.request.id);
          const request = nextModification(before, write.request, write.expectedVersion);
          upsertModification(db, request);
          db.audit(write.actorId, 'planModification', request.id, before ? 'update' : 'create', before, request);
          return request;
        });
      },

      async applyModification(args) {
        return db.tx(() => {
          const beforeRequest = db.one(toModification, 'SELECT * FROM plan_modifications WHERE id = ?', args.request.id);
          const request = nextModification(beforeRequest, args.request, args.expectedRequestVersion);
          const current = expectPlan(planById(args.planId), args.expectedPlanVersion);
          const plan: ManagementPlan = { ...current, state: 'endorsed', planVersion: current.planVersion + 1, holaCase: null, version: current.version + 1, updatedAt: db.now().toISOString() };
          upsertModification(db, { ...request, resultingVersion: plan.planVersion });
          db.run('UPDATE plans SET state = ?, plan_version = ?, hola_case = ?, version = ?, updated_at = ? WHERE id = ?', plan.state, plan.planVersion, plan.holaCase, plan.version, plan.updatedAt, plan.id);
          for (const m of stored(plan.id, plan.planVersion, args.metas)) insertMeta(db, m, plan.year);
          event(plan.version, { planId: plan.id, actorId: args.actorId, action: 'modify', fromState: current.state, toState: plan.state, comment: args.comment, observations: [], holaCase: null, planVersion: plan.planVersion });
          db.audit(args.actorId, 'planModification', request.id, 'update', beforeRequest, { ...request, resultingVersion: plan.planVersion });
          db.audit(args.actorId, 'plan', plan.id, 'update', { planVersion: current.planVersion, state: current.state }, { planVersion: plan.planVersion, state: plan.state, modification: request.id });
          return { plan, metas: args.metas };
        });
      },
    };
  },
};

function insertVigencia(db: SqliteDb, v: PlanVigencia): void {
  db.run('INSERT INTO plan_vigencias (year, methodology_note, formulation_due, opened_by, opened_at, version) VALUES (?, ?, ?, ?, ?, ?)', v.year, v.methodologyNote, v.formulationDue, v.openedBy, v.openedAt, v.version);
}
function insertMeta(db: SqliteDb, m: StoredMeta, year: number): void {
  const { planId, planVersion, ...meta } = m;
  db.run('INSERT INTO plan_metas (plan_id, plan_version, meta_id, year, meta_json) VALUES (?, ?, ?, ?, ?)', planId, planVersion, meta.id, year, json(meta));
}
function insertEvent(db: SqliteDb, e: PlanEvent): void {
  db.run(
    'INSERT INTO plan_events (id, plan_id, at, actor_id, action, from_state, to_state, comment, observations_json, hola_case, plan_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    e.id, e.planId, e.at, e.actorId, e.action, e.fromState, e.toState, e.comment, json(e.observations), e.holaCase, e.planVersion,
  );
}
function upsertReport(db: SqliteDb, r: MetaReport, year: number): void {
  db.run(
    'INSERT INTO plan_reports (plan_id, meta_id, quarter, year, report_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(plan_id, meta_id, quarter) DO UPDATE SET report_json = excluded.report_json',
    r.planId, r.metaId, r.quarter, year, json(r),
  );
}
function upsertQuarter(db: SqliteDb, q: PlanQuarter): void {
  db.run(
    'INSERT INTO plan_quarters (plan_id, quarter, year, state, quarter_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(plan_id, quarter) DO UPDATE SET state = excluded.state, quarter_json = excluded.quarter_json',
    q.planId, q.quarter, q.year, q.state, json(q),
  );
}
function upsertModification(db: SqliteDb, r: ModificationRequest): void {
  db.run(
    'INSERT INTO plan_modifications (id, plan_id, year, state, request_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state, request_json = excluded.request_json',
    r.id, r.planId, r.year, r.state, json(r),
  );
}

