import { planBotText as t, planWorkflowLabels, type ModificationView, type PlanWorkflowAction } from '@okr/core';
import type { Actor, CardAction } from '../handlers.js';
import type { PlanService } from '../../services/plan.js';
import type { PlanModificationService } from '../../services/planModifications.js';
import { Refusal } from '../../services/refusal.js';
import { PLAN_ACT, PLAN_COMMENT_INPUT, PLAN_CONSENT, PLAN_DECIDE, PLAN_REFRESH, REQUEST_COMMENT_INPUT, consentCard, decisionCard, planReviewCard } from '../cards/planCards.js';
import type { AdaptiveCard } from '../cards/elements.js';
import { messageCard } from '../cards/simpleCards.js';
import { teamsUserIds } from '../teamsUserIds.js';

type Deps = { plan: PlanService; planModifications: PlanModificationService };

/** The OAP and the plan's líder and team, as Teams ids the card refreshes for. */
async function involved(actor: Actor<Deps>, unitId: string): Promise<string[]> {
  const roles = await actor.deps.store.listRoles();
  return teamsUserIds(actor.deps.store, roles.filter((r) => r.role === 'oap' || (r.unitId === unitId && ['lider', 'enlace', 'promotor'].includes(r.role))).map((r) => r.personId));
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

async function reviewCardFor(actor: Actor<Deps>, unitId: string, year: number, extra: { notice?: string; warning?: string } = {}) {
  const view = await actor.deps.plan.planView(actor.person, unitId, year);
  const canReview = (await actor.deps.plan.rolesOn(actor.person, unitId)).includes('oap');
  return { view, card: planReviewCard(view, { canReview, tabUrl: actor.deps.tabUrl(unitId, { view: 'plan' }), refreshUserIds: await involved(actor, unitId), ...extra }) };
}

/** «Aprobar el plan» / «Devolver con observaciones» from the OAP's review card. */
export const planActAction: CardAction<Deps> = {
  verb: PLAN_ACT,
  async run(actor, data) {
    const planId = str(data.planId);
    const action = str(data.planAction) as PlanWorkflowAction;
    const bundle = await actor.deps.store.getPlanById(planId);
    if (!bundle || !(action in planWorkflowLabels)) return messageCard(t.notFound.title, t.notFound.text);
    const { unitId, year } = bundle.plan;
    const observations = Object.entries(data)
      .filter(([k, v]) => k.startsWith('obs:') && typeof v === 'string' && v.trim())
      .map(([k, v]) => ({ metaId: k.slice(4), text: String(v) }));
    try {
      await actor.deps.plan.act(actor.person, planId, { action, version: Number(data.version), comment: str(data[PLAN_COMMENT_INPUT]) || null, observations });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return (await reviewCardFor(actor, unitId, year, { warning: error.message })).card;
    }
    actor.deps.log.info({ person: actor.person.id, planId, action }, 'plan workflow step');
    const { view, card } = await reviewCardFor(actor, unitId, year, { notice: t.done(planWorkflowLabels[action]) });
    return { card, everyone: planReviewCard(view, { canReview: false, tabUrl: actor.deps.tabUrl(unitId, { view: 'plan' }), refreshUserIds: await involved(actor, unitId) }) };
  },
};

/** Universal Actions refresh: the plan's current card, with the buttons of whoever is looking. */
export const planRefreshAction: CardAction<Deps> = {
  verb: PLAN_REFRESH,
  async run(actor, data) {
    const bundle = await actor.deps.store.getPlanById(str(data.planId));
    if (!bundle) return messageCard(t.notFound.title, t.notFound.text);
    try {
      return (await reviewCardFor(actor, bundle.plan.unitId, bundle.plan.year)).card;
    } catch (error) {
      if (error instanceof Refusal) return messageCard(t.notDone, error.message);
      throw error;
    }
  },
};

type RequestCard = (r: ModificationView, opts: { tabUrl: string; notice?: string; warning?: string }) => AdaptiveCard;

/**
 * A step on a modification request from its card: the card again after it, with what was done; if
 * refused, the request as it is now with the reason (or just the reason, when it cannot be read).
 */
async function requestStep(actor: Actor<Deps>, data: Record<string, unknown>, card: RequestCard, step: (id: string) => Promise<ModificationView>, done: string) {
  const id = str(data.requestId);
  const request = await actor.deps.store.getModification(id);
  if (!request) return messageCard(t.notFound.title, t.notFound.text);
  const tabUrl = actor.deps.tabUrl(request.unitId, { view: 'plan-modificaciones' });
  try {
    return card(await step(id), { tabUrl, notice: t.done(done) });
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const view = (await actor.deps.planModifications.modificationsView(actor.person, request.unitId, request.year).catch(() => null))?.requests.find((r) => r.id === id);
    return view ? card(view, { tabUrl, warning: error.message }) : messageCard(t.notDone, error.message);
  }
}

/** «Concepto favorable» / «Concepto desfavorable» of the lead process or the supervising unit. */
export const planConsentAction: CardAction<Deps> = {
  verb: PLAN_CONSENT,
  async run(actor, data) {
    const favorable = data.favorable === true || data.favorable === 'true';
    return requestStep(actor, data, consentCard, (id) => actor.deps.planModifications.consent(actor.person, id, favorable, str(data[REQUEST_COMMENT_INPUT]) || null, Number(data.version)), favorable ? t.consent.favorable : t.consent.unfavorable);
  },
};

/** «Aprobar la modificación» / «Negar la modificación» of the OAP. */
export const planDecideAction: CardAction<Deps> = {
  verb: PLAN_DECIDE,
  async run(actor, data) {
    const approve = data.approve === true || data.approve === 'true';
    return requestStep(actor, data, decisionCard, (id) => actor.deps.planModifications.decide(actor.person, id, approve, str(data[REQUEST_COMMENT_INPUT]) || null, Number(data.version)), approve ? t.decision.approve : t.decision.deny);
  },
};

export const planCardActions = [planActAction, planRefreshAction, planConsentAction, planDecideAction];
