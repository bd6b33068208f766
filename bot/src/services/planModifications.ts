import {
  PLAN_IN_FORCE,
  applyModification,
  checkModification,
  effectiveExecuted,
  measuredQuarters,
  modificationDeadline,
  planMessages,
  stateAfterConsents,
  type ManagementPlan,
  type Meta,
  type ModificationCreateRequest,
  type ModificationRequest,
  type ModificationView,
  type ModificationsView,
  type Person,
  type Unit,
} from '@okr/core';
import { today } from './clock.js';
import { PlanAccess, PlanServiceBase, conflict, guarded, metaContext, planNotFound, ref, refuse } from './planAccess.js';
import { Refusal } from './refusal.js';

const m = planMessages;

/** What the service tells the bot after a request changed (cards to whoever acts next, the outcome to the requester). */
export interface ModificationNotices {
  modificationChanged(request: ModificationView): Promise<void>;
}

/** A request as a person sees it: names for ids, and whether they may give their concept or decide it now. */
export async function modificationView(access: PlanAccess, person: Person, r: ModificationRequest, data: { units: Unit[]; plans: ManagementPlan[]; metas: Array<Meta & { planId: string; planVersion: number }> }): Promise<ModificationView> {
  const roles = await access.store.rolesOf(person.id);
  const plan = data.plans.find((p) => p.id === r.planId);
  const meta = plan ? [...data.metas].reverse().find((x) => x.planId === r.planId && x.id === r.metaId) : undefined;
  const pending = r.consents.find((c) => c.state === 'pending' && roles.some((x) => x.role === 'lider' && x.unitId === c.unitId));
  const names = await access.names([r.requestedBy]);
  return {
    ...r,
    unitName: data.units.find((u) => u.id === r.unitId)?.name ?? r.unitId,
    metaStatement: meta?.statement ?? r.metaId,
    requestedByName: names.get(r.requestedBy) ?? r.requestedBy,
    consentUnits: Object.fromEntries(r.consents.map((c) => [c.unitId, data.units.find((u) => u.id === c.unitId)?.name ?? c.unitId])),
    canConsent: r.state === 'pending_consent' && pending ? pending.unitId : null,
    canDecide: r.state === 'pending_oap' && roles.some((x) => x.role === 'oap'),
  };
}

/**
 * Modification requests of a plan in force (seed 001, policy 9): the líder asks, the lead process or
 * the supervising unit gives its prior concept, the OAP approves (a new version of the plan, the old
 * one kept) or denies. Every read checks who may see it; every change is decided by core.
 */
export class PlanModificationService extends PlanServiceBase<ModificationNotices> {
  async modificationsView(person: Person, unitId: string, year: number): Promise<ModificationsView> {
    const unit = await this.access.mustSee(person, unitId);
    const data = await this.store.loadPlanScreen(unitId, year);
    const roles = await this.access.rolesOn(person, unitId);
    const plan = data.bundle?.plan ?? null;
    const yearish = { units: data.units, plans: plan ? [plan] : [], metas: data.versions };
    return {
      unit: ref(unit),
      year,
      plan,
      metas: data.bundle?.metas ?? [],
      requests: await Promise.all(data.modifications.map((r) => modificationView(this.access, person, r, yearish))),
      canRequest: roles.includes('lider') && plan !== null && PLAN_IN_FORCE.has(plan.state),
      deadline: modificationDeadline(year),
      measured: measuredQuarters(year, today(this.clock).date),
      objectives: data.institutionalObjectives,
      units: data.units.map(ref),
    };
  }

  async requestModification(person: Person, planId: string, input: ModificationCreateRequest): Promise<ModificationView> {
    const bundle = await this.store.getPlanById(planId);
    if (!bundle) throw planNotFound();
    const { plan } = bundle;
    const unit = await this.access.mustSee(person, plan.unitId);
    const data = await this.store.loadPlanScreen(plan.unitId, plan.year);
    const meta = bundle.metas.find((x) => x.id === input.metaId);
    if (!meta) throw new Refusal('invalid', m.report.unknownMeta);
    const proposed = input.kind === 'modify' && input.proposed ? { ...input.proposed, id: input.proposed.id, order: meta.order } : null;
    const decision = checkModification(
      { kind: input.kind, proposed, justification: input.justification, exception: input.exception },
      {
        ...metaContext(data),
        today: today(this.clock).date,
        year: plan.year,
        planState: plan.state,
        planUnitId: plan.unitId,
        planUnitKind: unit.kind,
        roles: await this.access.rolesOn(person, plan.unitId),
        meta,
        previous: data.modifications,
        hasReports: data.reports.some((r) => r.metaId === meta.id && effectiveExecuted(r) !== null),
      },
    );
    if (!decision.ok) throw refuse(decision.reasons);
    const at = this.clock.now().toISOString();
    const request: ModificationRequest = {
      id: `mod-${plan.id}-${meta.id}-${data.modifications.filter((r) => r.metaId === meta.id).length + 1}`,
      planId,
      unitId: plan.unitId,
      year: plan.year,
      metaId: meta.id,
      kind: input.kind,
      proposed,
      justification: input.justification.trim(),
      exception: input.exception ? { ground: input.exception.ground, justification: input.exception.justification.trim() } : null,
      requestedBy: person.id,
      requestedAt: at,
      consents: decision.consents.map((c) => ({ ...c, state: 'pending', by: null, at: null, comment: null })),
      state: decision.consents.length ? 'pending_consent' : 'pending_oap',
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      resultingVersion: null,
      version: 0,
    };
    const saved = await guarded(() => this.store.writeModification({ actorId: person.id, request, expectedVersion: null }));
    return this.afterModification(person, saved, plan);
  }

  private async afterModification(person: Person, request: ModificationRequest, plan: ManagementPlan): Promise<ModificationView> {
    const data = await this.store.loadPlanScreen(plan.unitId, plan.year);
    const fresh = data.modifications.find((r) => r.id === request.id) ?? request;
    const view = await modificationView(this.access, person, fresh, { units: data.units, plans: data.bundle ? [data.bundle.plan] : [plan], metas: data.versions });
    await this.notices?.modificationChanged(view);
    return view;
  }

  /** The consenting unit's líder gives their prior concept (policy 9): favorable, or unfavorable with a reason. */
  async consent(person: Person, requestId: string, favorable: boolean, comment: string | null, expectedVersion: number): Promise<ModificationView> {
    const r = await this.store.getModification(requestId);
    if (!r) throw planNotFound();
    if (r.version !== expectedVersion) throw conflict();
    if (r.state !== 'pending_consent') throw new Refusal('invalid', m.modification.notPendingConsent);
    const roles = await this.store.rolesOf(person.id);
    const consent = r.consents.find((c) => c.state === 'pending' && roles.some((x) => x.role === 'lider' && x.unitId === c.unitId));
    if (!consent) {
      const unit = r.consents.find((c) => c.state === 'pending')?.unitId ?? '';
      throw new Refusal('forbidden', m.modification.onlyConsenter((await this.store.getUnit(unit))?.name ?? unit));
    }
    if (!favorable && !(comment ?? '').trim()) throw new Refusal('invalid', m.modification.decisionComment);
    const at = this.clock.now().toISOString();
    const consents = r.consents.map((c) => (c === consent ? { ...c, state: favorable ? ('favorable' as const) : ('unfavorable' as const), by: person.id, at, comment: comment?.trim() || null } : c));
    const state = stateAfterConsents({ consents });
    const unitName = (await this.store.getUnit(consent.unitId))?.name ?? consent.unitId;
    const next: ModificationRequest = {
      ...r,
      consents,
      state,
      ...(state === 'denied' ? { decidedBy: person.id, decidedAt: at, decisionComment: m.modification.unfavorable(unitName) } : {}),
    };
    const saved = await guarded(() => this.store.writeModification({ actorId: person.id, request: next, expectedVersion }));
    const plan = (await this.store.getPlanById(r.planId))!.plan;
    return this.afterModification(person, saved, plan);
  }

  /** The OAP approves (a new version of the plan, the old one kept) or denies a request. */
  async decide(person: Person, requestId: string, approve: boolean, comment: string | null, expectedVersion: number): Promise<ModificationView> {
    const r = await this.store.getModification(requestId);
    if (!r) throw planNotFound();
    if (!(await this.access.isOap(person))) throw new Refusal('forbidden', m.workflow.onlyOap);
    if (r.version !== expectedVersion) throw conflict();
    if (r.state !== 'pending_oap') throw new Refusal('invalid', m.modification.notPendingOap);
    if (!(comment ?? '').trim()) throw new Refusal('invalid', m.modification.decisionComment);
    const at = this.clock.now().toISOString();
    const decided: ModificationRequest = { ...r, state: approve ? 'approved' : 'denied', decidedBy: person.id, decidedAt: at, decisionComment: comment!.trim() };
    const bundle = (await this.store.getPlanById(r.planId))!;
    if (!approve) {
      const saved = await guarded(() => this.store.writeModification({ actorId: person.id, request: decided, expectedVersion }));
      return this.afterModification(person, saved, bundle.plan);
    }
    const screen = await this.store.loadPlanScreen(bundle.plan.unitId, bundle.plan.year);
    const hasReports = screen.reports.some((x) => x.metaId === r.metaId && effectiveExecuted(x) !== null);
    const metas = applyModification(bundle.metas, r, bundle.plan.planVersion + 1, hasReports);
    await guarded(() => this.store.applyModification({ actorId: person.id, request: decided, expectedRequestVersion: expectedVersion, planId: bundle.plan.id, expectedPlanVersion: bundle.plan.version, metas, comment: decided.decisionComment }));
    return this.afterModification(person, decided, bundle.plan);
  }
}
