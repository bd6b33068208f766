import {
  PLAN_EDITABLE,
  PLAN_IN_FORCE,
  QUARTERS,
  RANKING_RULES,
  availablePlanSteps,
  entryErrors,
  executions,
  expectedIn,
  figuresOf,
  holaCaseNumber,
  isPlanTeam,
  ledElsewhere,
  metaChecks,
  planStateLabels,
  quarterEnd,
  planContentErrors,
  planMessages,
  planStep,
  rankQuarter,
  reportDueDate,
  reportStatus,
  reviewAlerts,
  submitErrors,
  weightsCheck,
  type LeadFiguresRequest,
  type ManagementPlan,
  type Meta,
  type MetaReport,
  type ModificationView,
  type Person,
  type PlanActRequest,
  type PlanBundle,
  type PlanQuarter,
  type PlanView,
  type QuarterNumber,
  type RankingView,
  type ReportSaveRequest,
  type ReportView,
  type ReviewOverview,
  type ReviewRequest,
  type Role,
  type Unit,
} from '@okr/core';
import { ConflictError, type PlanScreenData, type PlanYearData } from '../store/Store.js';
import { metasOf, planIdOf } from '../store/planRules.js';
import { seesWholeEntity } from './access.js';
import { today } from './clock.js';
import { PlanServiceBase, conflict, guarded, metaContext, planNotFound, ref, refuse } from './planAccess.js';
import { modificationView, type ModificationNotices } from './planModifications.js';
import { Refusal } from './refusal.js';
import { cb0404Workbook, planWorkbook, rankingWorkbook, readPlanWorkbook, XlsxLayoutError } from '../plan/planXlsx.js';
import type { PublishedPlan } from '../plan/publicPage.js';

const m = planMessages;

/** What the service tells the bot after a step took effect (cards to the next people). */
export interface PlanNotices extends ModificationNotices {
  planStepped(view: PlanView): Promise<void>;
}

/**
 * The plan de gestión's use cases (seed 001) for the tab, the cards and the outputs: formulation and
 * the OAP's review, the quarterly report and its review, the ranking (modification requests are
 * `PlanModificationService`'s). Every read checks who may see it; every change is decided by core
 * and refused in Spanish.
 */
export class PlanService extends PlanServiceBase<PlanNotices> {
  /** The person's roles that apply to a unit: theirs on the unit, and their entity-wide ones. */
  rolesOn(person: Person, unitId: string): Promise<Role[]> {
    return this.access.rolesOn(person, unitId);
  }

  // ── the vigencia ──────────────────────────────────────────────────────────────────────────────

  async openVigencia(person: Person, input: { year: number; methodologyNote: string; formulationDue: string }) {
    if (!(await this.access.isOap(person))) throw new Refusal('forbidden', m.workflow.onlyOap);
    const vigencia = { ...input, methodologyNote: input.methodologyNote.trim(), openedBy: person.id, openedAt: this.clock.now().toISOString(), version: 1 };
    try {
      await this.store.openPlanVigencia(vigencia, person.id);
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', m.workflow.vigenciaExists(input.year));
      throw error;
    }
    return vigencia;
  }

  // ── the plan and its formulation ──────────────────────────────────────────────────────────────

  async planView(person: Person, unitId: string, year: number): Promise<PlanView> {
    const unit = await this.access.mustSee(person, unitId);
    return this.buildPlanView(person, unit, year, await this.store.loadPlanScreen(unitId, year));
  }

  private async buildPlanView(person: Person, unit: Unit, year: number, data: PlanScreenData): Promise<PlanView> {
    const roles = await this.rolesOn(person, unit.id);
    const plan = data.bundle?.plan ?? null;
    const lastReturn = [...data.events].reverse().find((e) => e.action === 'return') ?? null;
    const returnedNow = plan?.state === 'returned' || plan?.state === 'in_review' ? lastReturn : null;
    const names = await this.access.names(data.events.map((e) => e.actorId));
    const metas = (data.bundle?.metas ?? []).map((meta) => ({
      ...meta,
      checks: metaChecks(meta, unit.kind),
      observations: returnedNow ? returnedNow.observations.filter((o) => o.metaId === meta.id).map((o) => o.text) : [],
    }));
    const versions = [...new Set(data.versions.map((v) => v.planVersion))].map((planVersion) => ({
      planVersion,
      metas: data.versions.filter((v) => v.planVersion === planVersion).length,
      holaCase: [...data.events].reverse().find((e) => e.action === 'formalize' && e.planVersion === planVersion)?.holaCase ?? null,
    }));
    return {
      unit: ref(unit),
      year,
      vigencia: data.vigencia,
      plan,
      metas,
      weights: weightsCheck(data.bundle?.metas ?? []),
      events: data.events.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? e.actorId })),
      returned: returnedNow ? { comment: returnedNow.comment, by: names.get(returnedNow.actorId) ?? returnedNow.actorId, at: returnedNow.at } : null,
      actions: plan ? availablePlanSteps(plan.state, roles) : [],
      canEdit: isPlanTeam(roles) && (plan ? PLAN_EDITABLE.has(plan.state) : data.vigencia !== null),
      canRequestChange: roles.includes('lider') && plan !== null && PLAN_IN_FORCE.has(plan.state),
      objectives: data.institutionalObjectives,
      units: data.units.map(ref),
      links: data.institutionalObjectives.map((objective) => ({
        objective,
        metaIds: (data.bundle?.metas ?? []).filter((x) => x.strategicObjectiveId === objective.id && !x.eliminated).map((x) => x.id),
        okrSets: data.okrSets.filter((s) => s.institutionalObjectiveId === objective.id).map((s) => ({ setId: s.id, quarter: s.quarter, state: s.state })),
      })).filter((l) => l.metaIds.length > 0 || l.okrSets.length > 0),
      versions,
      dueDates: QUARTERS.map((q) => ({ quarter: q, due: reportDueDate(year, q) })),
    };
  }

  /**
   * The team's draft: created on the first save (the vigencia must be open), then replaced while
   * editable (draft, returned). Bad content is refused whole, in Spanish.
   */
  async saveDraft(person: Person, unitId: string, year: number, metas: Array<Omit<Meta, 'eliminated' | 'modifiedInVersion'>>, expectedVersion: number | null, action: 'edit' | 'import' = 'edit'): Promise<PlanView> {
    const unit = await this.access.mustSee(person, unitId);
    const roles = await this.rolesOn(person, unitId);
    if (!isPlanTeam(roles)) throw new Refusal('forbidden', m.workflow.onlyTeam(unit.name));
    const data = await this.store.loadPlanScreen(unitId, year);
    if (!data.vigencia) throw new Refusal('invalid', m.workflow.vigenciaClosed(year));
    const full: Meta[] = metas.map((x, i) => ({ ...x, order: i + 1, eliminated: false, modifiedInVersion: null }));
    const errors = planContentErrors(full, metaContext(data));
    if (errors.length) throw refuse(errors);
    const existing = data.bundle?.plan ?? null;
    if (existing && !PLAN_EDITABLE.has(existing.state)) throw new Refusal('invalid', m.workflow.locked(planStateLabels[existing.state]));
    await guarded(async () => {
      if (!existing) {
        if (expectedVersion !== null) throw conflict();
        const at = this.clock.now().toISOString();
        const plan: ManagementPlan = { id: planIdOf(unitId, year), unitId, year, state: 'draft', planVersion: 1, holaCase: null, publishedVersion: null, version: 1, createdAt: at, updatedAt: at };
        await this.store.createPlan({ actorId: person.id, plan, metas: full, action: action === 'import' ? 'import' : 'create' });
      } else {
        if (expectedVersion !== existing.version) throw conflict();
        await this.store.replacePlanMetas({ actorId: person.id, planId: existing.id, expectedVersion, metas: full, action });
      }
    });
    return this.planView(person, unitId, year);
  }

  async act(person: Person, planId: string, request: PlanActRequest): Promise<PlanView> {
    const bundle = await this.store.getPlanById(planId);
    if (!bundle) throw planNotFound();
    const { plan } = bundle;
    const unit = await this.access.mustSee(person, plan.unitId);
    if (plan.version !== request.version) throw conflict();
    const observations = (request.observations ?? []).map((o) => ({ metaId: o.metaId, text: o.text.trim() })).filter((o) => o.text && bundle.metas.some((x) => x.id === o.metaId));
    const comment = request.comment?.trim() || null;
    const decision = planStep(plan.state, request.action, await this.rolesOn(person, plan.unitId), { observations: observations.length + (comment ? 1 : 0), holaCase: request.holaCase ?? null });
    if (!decision.ok) throw new Refusal('forbidden', decision.message);
    await guarded(() =>
      this.store.transitionPlan({
        actorId: person.id,
        planId,
        expectedVersion: plan.version,
        from: plan.state,
        to: decision.to,
        action: request.action,
        comment,
        observations: request.action === 'return' ? observations : [],
        holaCase: request.action === 'formalize' ? holaCaseNumber(request.holaCase) : null,
      }),
    );
    const view = await this.buildPlanView(person, unit, plan.year, await this.store.loadPlanScreen(plan.unitId, plan.year));
    await this.notices?.planStepped(view);
    return view;
  }

  /** Plans waiting for this person: the OAP reviews; líderes formalize or adjust what came back. */
  async awaiting(person: Person): Promise<{ plans: PlanView[]; requests: ModificationView[] }> {
    const roles = await this.store.rolesOf(person.id);
    const oap = roles.some((r) => r.role === 'oap');
    const lider = new Set(roles.filter((r) => r.role === 'lider').map((r) => r.unitId));
    const years = [...new Set([today(this.clock).date.slice(0, 4), String(Number(today(this.clock).date.slice(0, 4)) + 1)].map(Number))];
    const plans: PlanView[] = [];
    const requests: ModificationView[] = [];
    for (const year of years) {
      const data = await this.store.loadPlanYear(year);
      for (const p of data.plans) {
        if ((oap && p.state === 'in_review') || (lider.has(p.unitId) && (p.state === 'returned' || p.state === 'endorsed'))) plans.push(await this.planView(person, p.unitId, year));
      }
      for (const r of data.modifications) {
        const view = await modificationView(this.access, person, r, data);
        if (view.canConsent || view.canDecide) requests.push(view);
      }
    }
    return { plans, requests };
  }

  // ── the quarterly report and its review ───────────────────────────────────────────────────────

  async reportView(person: Person, unitId: string, year: number, quarter: QuarterNumber): Promise<ReportView> {
    const unit = await this.access.mustSee(person, unitId);
    return this.buildReportView(person, unit, year, quarter, await this.store.loadPlanYear(year));
  }

  private async buildReportView(person: Person, unit: Unit, year: number, q: QuarterNumber, data: PlanYearData): Promise<ReportView> {
    const roles = await this.rolesOn(person, unit.id);
    const plan = data.plans.find((p) => p.unitId === unit.id) ?? null;
    const metas = plan ? metasOf(data.metas, plan.id, plan.planVersion) : [];
    const reports = plan ? data.reports.filter((r) => r.planId === plan.id) : [];
    const record = plan ? (data.quarters.find((x) => x.planId === plan.id && x.quarter === q) ?? null) : null;
    const units = new Map(data.units.map((u) => [u.id, u]));
    const now = today(this.clock).date;
    const inForce = plan !== null && PLAN_IN_FORCE.has(plan.state);
    const editableState = record === null || record.state === 'draft' || record.state === 'clarification';
    const leadTasks = data.plans.flatMap((p) =>
      metasOf(data.metas, p.id, p.planVersion)
        .filter((x) => ledElsewhere(x, p.unitId) && x.leadUnitId === unit.id && expectedIn(x, q))
        .map((x) => ({
          planId: p.id,
          unit: ref(units.get(p.unitId) ?? { id: p.unitId, name: p.unitId, kind: 'alcaldia', level: 'alcaldia', parentId: null }),
          meta: x,
          report: data.reports.find((r) => r.planId === p.id && r.metaId === x.id && r.quarter === q) ?? null,
          closed: data.quarters.some((h) => h.planId === p.id && h.quarter === q && h.state === 'closed'),
        })),
    );
    const names = await this.access.names([record?.submittedBy, record?.closedBy].filter((x): x is string => Boolean(x)));
    return {
      unit: ref(unit),
      year,
      quarter: q,
      due: reportDueDate(year, q),
      status: reportStatus(year, q, record, now),
      plan,
      record,
      metas: metas.map((meta) => {
        const lead = ledElsewhere(meta, unit.id) && meta.leadUnitId ? units.get(meta.leadUnitId) : undefined;
        return {
          meta,
          expected: expectedIn(meta, q),
          ledBy: lead ? ref(lead) : null,
          report: reports.find((r) => r.metaId === meta.id && r.quarter === q) ?? null,
          executions: executions(meta.id, reports),
          figures: figuresOf(meta, reports, q),
          alerts: reviewAlerts(meta, unit.id, reports, q),
        };
      }),
      canEdit: inForce && isPlanTeam(roles) && editableState,
      canReview: inForce && roles.includes('oap') && record !== null && record.state !== 'draft',
      missing: plan ? submitErrors(unit.id, metas, reports, q) : [],
      leadTasks: inForce || leadTasks.length ? leadTasks : [],
      submittedBy: record?.submittedBy ? (names.get(record.submittedBy) ?? null) : null,
      closedBy: record?.closedBy ? (names.get(record.closedBy) ?? null) : null,
    };
  }

  /** Loads what a write on a plan's quarter needs, and checks it is in force and the quarter is writable. */
  private async quarterContext(planId: string, q: QuarterNumber) {
    const bundle = await this.store.getPlanById(planId);
    if (!bundle) throw planNotFound();
    const data = await this.store.loadPlanYear(bundle.plan.year);
    const unit = data.units.find((u) => u.id === bundle.plan.unitId)!;
    const record = data.quarters.find((x) => x.planId === planId && x.quarter === q) ?? null;
    const reports = data.reports.filter((r) => r.planId === planId);
    return { bundle, data, unit, record, reports };
  }

  private header(bundle: PlanBundle, q: QuarterNumber, record: PlanQuarter | null, change: Partial<PlanQuarter>): PlanQuarter {
    const base: PlanQuarter = record ?? { planId: bundle.plan.id, unitId: bundle.plan.unitId, year: bundle.plan.year, quarter: q, state: 'draft', submittedAt: null, submittedBy: null, clarification: null, closedAt: null, closedBy: null, version: 0 };
    return { ...base, ...change };
  }

  /** The team saves the quarter's report (a draft), or sends it to the OAP with `submit`. */
  async saveReport(person: Person, planId: string, q: QuarterNumber, request: ReportSaveRequest): Promise<ReportView> {
    const { bundle, data, unit, record, reports } = await this.quarterContext(planId, q);
    const { plan, metas } = bundle;
    const roles = await this.rolesOn(person, plan.unitId);
    if (!isPlanTeam(roles)) throw new Refusal('forbidden', m.report.onlyTeam(unit.name));
    if (!PLAN_IN_FORCE.has(plan.state)) throw new Refusal('invalid', m.report.noPlan(unit.name, plan.year));
    if (record?.state === 'closed') throw new Refusal('invalid', m.report.closed(`T${q} ${plan.year}`));
    if (record?.state === 'submitted') throw new Refusal('invalid', m.report.submittedLocked(`T${q}`));
    if ((record?.version ?? null) !== request.expectedVersion) throw conflict();
    const errors: string[] = [];
    const at = this.clock.now().toISOString();
    const entries: MetaReport[] = [];
    for (const entry of request.entries) {
      const meta = metas.find((x) => x.id === entry.metaId);
      if (!meta) {
        errors.push(m.report.unknownMeta);
        continue;
      }
      if (ledElsewhere(meta, plan.unitId)) {
        errors.push(m.report.localMeta(meta.statement, data.units.find((u) => u.id === meta.leadUnitId)?.name ?? meta.leadUnitId ?? ''));
        continue;
      }
      errors.push(...entryErrors(meta, entry));
      const before = reports.find((r) => r.metaId === meta.id && r.quarter === q);
      entries.push({
        planId,
        metaId: meta.id,
        quarter: q,
        executed: entry.executed,
        analysis: entry.analysis.trim(),
        evidenceUrl: entry.evidenceUrl.trim(),
        cumulativeAnalysis: entry.cumulativeAnalysis.trim(),
        correction: before?.correction ?? null,
        lead: before?.lead ?? null,
        completedByOap: false,
        updatedBy: person.id,
        updatedAt: at,
      });
    }
    if (request.submit) {
      if (today(this.clock).date <= quarterEnd(plan.year, q)) throw new Refusal('invalid', m.report.notYet(`T${q} ${plan.year}`, quarterEnd(plan.year, q)));
      const merged = [...reports.filter((r) => !(r.quarter === q && entries.some((e) => e.metaId === r.metaId))), ...entries];
      errors.push(...submitErrors(plan.unitId, metas, merged, q));
    }
    if (errors.length) throw refuse([...new Set(errors)]);
    const next = this.header(bundle, q, record, request.submit ? { state: 'submitted', submittedAt: at, submittedBy: person.id, clarification: null } : {});
    await guarded(() => this.store.saveReport({ actorId: person.id, quarter: next, expectedVersion: request.expectedVersion, entries }));
    return this.reportView(person, plan.unitId, plan.year, q);
  }

  /** The central area that leads a local or transversal meta reports its figures for a plan (policy 8). */
  async saveLeadFigures(person: Person, planId: string, q: QuarterNumber, metaId: string, figures: LeadFiguresRequest): Promise<ReportView> {
    const { bundle, record, reports } = await this.quarterContext(planId, q);
    const meta = bundle.metas.find((x) => x.id === metaId);
    if (!meta || !ledElsewhere(meta, bundle.plan.unitId) || !meta.leadUnitId) throw new Refusal('invalid', m.report.unknownMeta);
    const roles = await this.rolesOn(person, meta.leadUnitId);
    if (!isPlanTeam(roles)) throw new Refusal('forbidden', m.report.leadOnly(meta.statement));
    if (record?.state === 'closed') throw new Refusal('invalid', m.report.closed(`T${q} ${bundle.plan.year}`));
    if (!(figures.denominator > 0)) throw new Refusal('invalid', m.report.leadDenominator);
    if (!Number.isFinite(figures.result) || !Number.isFinite(figures.numerator) || figures.result < 0 || figures.numerator < 0) throw new Refusal('invalid', m.report.leadResult);
    if (figures.observations.length > 2000) throw new Refusal('invalid', m.tooLong(meta.statement, 'las observaciones', 2000));
    const before = reports.find((r) => r.metaId === metaId && r.quarter === q);
    const at = this.clock.now().toISOString();
    const entry: MetaReport = {
      ...(before ?? { planId, metaId, quarter: q, executed: null, analysis: '', evidenceUrl: '', cumulativeAnalysis: '', correction: null, completedByOap: false }),
      lead: { ...figures, observations: figures.observations.trim(), by: person.id, at },
      updatedBy: person.id,
      updatedAt: at,
    } as MetaReport;
    await guarded(() => this.store.saveReport({ actorId: person.id, quarter: this.header(bundle, q, record, {}), expectedVersion: record?.version ?? null, entries: [entry] }));
    return this.reportView(person, meta.leadUnitId, bundle.plan.year, q);
  }

  /** The OAP's review of a submitted report (activity 10): correct a figure, complete a local meta, ask for clarification, close. */
  async review(person: Person, planId: string, q: QuarterNumber, request: ReviewRequest): Promise<ReportView> {
    const { bundle, record, reports } = await this.quarterContext(planId, q);
    if (!(await this.access.isOap(person))) throw new Refusal('forbidden', m.workflow.onlyOap);
    if (!record || record.state === 'draft') throw new Refusal('invalid', m.report.notSubmitted);
    if (record.state === 'closed') throw new Refusal('invalid', m.report.closed(`T${q} ${bundle.plan.year}`));
    if (record.version !== request.expectedVersion) throw conflict();
    const at = this.clock.now().toISOString();
    let entries: MetaReport[] = [];
    let change: Partial<PlanQuarter> = {};
    const metaOf = (id: string) => {
      const meta = bundle.metas.find((x) => x.id === id);
      if (!meta) throw new Refusal('invalid', m.report.unknownMeta);
      return meta;
    };
    const base = (metaId: string): MetaReport =>
      reports.find((r) => r.metaId === metaId && r.quarter === q) ?? { planId, metaId, quarter: q, executed: null, analysis: '', evidenceUrl: '', cumulativeAnalysis: '', correction: null, lead: null, completedByOap: false, updatedBy: person.id, updatedAt: at };
    switch (request.action) {
      case 'correct': {
        const meta = metaOf(request.metaId);
        if (!Number.isFinite(request.corrected) || request.corrected < 0) throw new Refusal('invalid', m.report.negative(meta.statement));
        if (request.reason.trim().length < 10) throw new Refusal('invalid', m.report.correctionReason);
        const r = base(meta.id);
        // The original stays: the first correction keeps what the team reported.
        entries = [{ ...r, correction: { field: 'executed', original: r.correction?.original ?? r.executed, corrected: request.corrected, reason: request.reason.trim(), by: person.id, at }, updatedBy: person.id, updatedAt: at }];
        break;
      }
      case 'complete': {
        const meta = metaOf(request.metaId);
        const r = base(meta.id);
        if (!r.lead) throw new Refusal('invalid', m.report.nothingToComplete(meta.statement));
        entries = [{ ...r, executed: r.lead.result, analysis: r.lead.observations, cumulativeAnalysis: r.cumulativeAnalysis || r.lead.observations, evidenceUrl: r.evidenceUrl, completedByOap: true, updatedBy: person.id, updatedAt: at }];
        break;
      }
      case 'clarify':
        if (request.text.trim().length < 10) throw new Refusal('invalid', m.report.clarificationText);
        change = { state: 'clarification', clarification: request.text.trim() };
        break;
      case 'close':
        change = { state: 'closed', closedAt: at, closedBy: person.id, clarification: null };
        break;
    }
    await guarded(() => this.store.saveReport({ actorId: person.id, quarter: this.header(bundle, q, record, change), expectedVersion: record.version, entries }));
    return this.reportView(person, bundle.plan.unitId, bundle.plan.year, q);
  }

  /** The OAP's desk for a quarter: the plans of the vigencia by state, the quarter's reports, the requests. */
  async reviewOverview(person: Person, year: number, q: QuarterNumber): Promise<ReviewOverview> {
    if (!seesWholeEntity(await this.store.rolesOf(person.id))) throw new Refusal('forbidden', m.workflow.onlyOap);
    const data = await this.store.loadPlanYear(year);
    const now = today(this.clock).date;
    const units = data.units;
    const plans = units.map((u) => {
      const p = data.plans.find((x) => x.unitId === u.id) ?? null;
      const metas = p ? metasOf(data.metas, p.id, p.planVersion) : [];
      return { unit: ref(u), planId: p?.id ?? null, state: p?.state ?? null, metas: metas.length, failedChecks: metas.reduce((n, x) => n + metaChecks(x, u.kind).filter((c) => !c.ok).length, 0) };
    });
    const reports = data.plans
      .filter((p) => PLAN_IN_FORCE.has(p.state))
      .map((p) => {
        const record = data.quarters.find((x) => x.planId === p.id && x.quarter === q) ?? null;
        const metas = metasOf(data.metas, p.id, p.planVersion);
        const rs = data.reports.filter((r) => r.planId === p.id);
        return {
          unit: ref(units.find((u) => u.id === p.unitId)!),
          planId: p.id,
          status: reportStatus(year, q, record, now),
          submittedAt: record?.submittedAt ?? null,
          alerts: record && record.state !== 'draft' ? metas.reduce((n, x) => n + reviewAlerts(x, p.unitId, rs, q).length, 0) : 0,
        };
      });
    const modifications = await Promise.all(data.modifications.map((r) => modificationView(this.access, person, r, data)));
    return { year, quarter: q, vigencia: data.vigencia, plans, reports, modifications, due: reportDueDate(year, q) };
  }

  // ── outputs ───────────────────────────────────────────────────────────────────────────────────

  /** The plan as F017/F018, formulation and follow-up; for whoever may see the unit. */
  async planXlsx(person: Person, unitId: string, year: number) {
    const unit = await this.access.mustSee(person, unitId);
    const data = await this.store.loadPlanScreen(unitId, year);
    if (!data.bundle) throw new Refusal('not_found', m.report.noPlan(unit.name, year));
    const { plan, metas } = data.bundle;
    return planWorkbook({ unit, year, planVersion: plan.planVersion, holaCase: plan.holaCase, stateLabel: planStateLabels[plan.state], metas, reports: data.reports, objectives: data.institutionalObjectives, units: data.units });
  }

  /** The team uploads its plan in the F017/F018 layout: read, checked like a draft, saved whole or not at all. */
  async importXlsx(person: Person, unitId: string, year: number, bytes: Buffer, expectedVersion: number | null): Promise<PlanView> {
    const unit = await this.access.mustSee(person, unitId);
    if (!isPlanTeam(await this.rolesOn(person, unitId))) throw new Refusal('forbidden', m.workflow.onlyTeam(unit.name));
    const data = await this.store.loadPlanScreen(unitId, year);
    let metas;
    try {
      metas = await readPlanWorkbook(bytes, { objectives: data.institutionalObjectives, units: data.units, planUnitId: unitId });
    } catch (error) {
      if (error instanceof XlsxLayoutError) throw new Refusal('invalid', error.message);
      throw error;
    }
    if (metas.length === 0) throw new Refusal('invalid', m.noMetas);
    return this.saveDraft(person, unitId, year, metas, expectedVersion, 'import');
  }

  async rankingXlsx(person: Person, year: number, q: QuarterNumber, comite: boolean) {
    if (comite && !seesWholeEntity(await this.store.rolesOf(person.id))) throw new Refusal('forbidden', m.workflow.onlyOap);
    return rankingWorkbook(await this.ranking(person, year, q), { comite });
  }

  /** The year's CB-0404 consolidation (activity 14): the OAP and the entity-wide roles. */
  async cb0404(person: Person, year: number) {
    if (!seesWholeEntity(await this.store.rolesOf(person.id))) throw new Refusal('forbidden', m.workflow.onlyOap);
    const data = await this.store.loadPlanYear(year);
    const rows = data.plans
      .filter((p) => PLAN_IN_FORCE.has(p.state))
      .flatMap((p) => {
        const unit = data.units.find((u) => u.id === p.unitId)!;
        const reports = data.reports.filter((r) => r.planId === p.id);
        return metasOf(data.metas, p.id, p.planVersion).map((meta) => {
          const o = data.institutionalObjectives.find((x) => x.id === meta.strategicObjectiveId);
          return { unit, meta, reports, objective: o ? `${o.code} ${o.title}` : '' };
        });
      })
      .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'es') || a.meta.order - b.meta.order);
    return cb0404Workbook(year, rows);
  }

  /** What /publico/ shows of a vigencia: plans made official, their published version, the quarters the OAP closed. */
  async published(year: number): Promise<{ plans: PublishedPlan[]; objectives: PlanYearData['institutionalObjectives'] }> {
    const data = await this.store.loadPlanYear(year);
    const plans = data.plans
      .filter((p) => p.publishedVersion !== null)
      .map((p) => {
        const closedQuarters = data.quarters.filter((x) => x.planId === p.id && x.state === 'closed').map((x) => x.quarter).sort();
        return {
          unit: data.units.find((u) => u.id === p.unitId)!,
          planVersion: p.publishedVersion!,
          holaCase: p.planVersion === p.publishedVersion ? p.holaCase : null,
          metas: metasOf(data.metas, p.id, p.publishedVersion!),
          reports: data.reports.filter((r) => r.planId === p.id && closedQuarters.includes(r.quarter)),
          closedQuarters,
        };
      })
      .filter((p) => p.unit);
    return { plans, objectives: data.institutionalObjectives };
  }

  /** The metas of a unit's plan for a quarter's year that serve an institutional objective (the OKR tree's link). */
  async metasServing(person: Person, unitId: string, year: number, objectiveId: string): Promise<{ year: number; state: ManagementPlan['state'] | null; metas: Array<Pick<Meta, 'id' | 'order' | 'statement'> & { indicator: string }> }> {
    await this.access.mustSee(person, unitId);
    const data = await this.store.loadPlanScreen(unitId, year);
    const metas = (data.bundle?.metas ?? []).filter((x) => x.strategicObjectiveId === objectiveId && !x.eliminated);
    return { year, state: data.bundle?.plan.state ?? null, metas: metas.map((x) => ({ id: x.id, order: x.order, statement: x.statement, indicator: x.indicator.name })) };
  }

  // ── the ranking ───────────────────────────────────────────────────────────────────────────────

  async ranking(person: Person, year: number, q: QuarterNumber): Promise<RankingView> {
    void person;
    return rankingOf(await this.store.loadPlanYear(year), year, q);
  }
}
/** The ranking of a quarter from the year's data (the tab, the .xlsx and the Comité's workbook). */
export function rankingOf(data: PlanYearData, year: number, q: QuarterNumber): RankingView {
  const inForce = data.plans.filter((p) => PLAN_IN_FORCE.has(p.state));
  const rows = rankQuarter(
    inForce.map((p) => {
      const unit = data.units.find((u) => u.id === p.unitId);
      return {
        unitId: p.unitId,
        unitName: unit?.name ?? p.unitId,
        unitKind: unit?.kind ?? 'central',
        metas: metasOf(data.metas, p.id, p.planVersion),
        reports: data.reports.filter((r) => r.planId === p.id),
        quarterState: data.quarters.find((x) => x.planId === p.id && x.quarter === q)?.state ?? null,
      };
    }),
    q,
  );
  return { year, quarter: q, cap: RANKING_RULES.overExecutionCap, rows, plans: inForce.length, closed: rows.filter((r) => r.quarterState === 'closed').length };
}
