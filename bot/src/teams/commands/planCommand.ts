import { planBotText } from '@okr/core';
import type { Command } from '../handlers.js';
import type { PlanService } from '../../services/plan.js';
import type { AdaptiveCard } from '../cards/elements.js';
import { messageCard } from '../cards/simpleCards.js';
import { consentCard, decisionCard, planOutcomeCard, planReviewCard } from '../cards/planCards.js';

const MAX_CARDS = 10;

/** `plan`: what waits for this person in the plan de gestión — plans to review and requests to decide (OAP), consents to give, plans back. */
export const planCommand: Command<{ plan: PlanService }> = {
  phrases: ['plan', 'plan de gestion', 'planes', 'plan gestion'],
  help: planBotText.command,
  async run(actor) {
    const { plans, requests } = await actor.deps.plan.awaiting(actor.person);
    const cards: AdaptiveCard[] = [];
    for (const view of plans) {
      const tabUrl = actor.deps.tabUrl(view.unit.id, { view: 'plan' });
      const canReview = view.plan!.state === 'in_review' && (await actor.deps.plan.rolesOn(actor.person, view.unit.id)).includes('oap');
      cards.push(canReview ? planReviewCard(view, { canReview, tabUrl }) : planOutcomeCard(view, tabUrl));
    }
    for (const r of requests) {
      const tabUrl = actor.deps.tabUrl(r.unitId, { view: 'plan-modificaciones' });
      cards.push(r.canDecide ? decisionCard(r, { tabUrl }) : consentCard(r, { tabUrl }));
    }
    if (cards.length === 0) return messageCard(planBotText.nothing.title, planBotText.nothing.text);
    return cards.length === 1 ? cards[0]! : cards.slice(0, MAX_CARDS);
  },
};
