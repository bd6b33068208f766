import type { ModificationView, PlanView } from '@okr/core';
import type { PlanNotices } from '../services/plan.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import type { Store } from '../store/Store.js';
import { consentCard, decisionCard, planOutcomeCard, planReviewCard } from './cards/planCards.js';
import type { TabLinks } from './tabLinks.js';

/**
 * After each step of a plan or a request, the people who act next get its card in their chat: the
 * OAP analysts when a plan is sent to them; the líder and the team when it comes back or is
 * approved; the líder of the lead process or of the supervising unit for a consent; the OAP for a
 * decision; the requester for the outcome. Cards sent earlier about the plan are updated to its
 * current state without buttons, so nobody acts on an old one.
 */
export function planNotices(ctx: { store: Store; tabUrl: TabLinks }, cards: ProactiveCards): PlanNotices {
  const { store, tabUrl } = ctx;
  const holders = async (pick: (role: string, unitId: string | null) => boolean) => [...new Set((await store.listRoles()).filter((r) => pick(r.role, r.unitId)).map((r) => r.personId))];
  const sendAll = async (subjectId: string, purpose: string, people: string[], card: object) => {
    for (const personId of people) {
      const sent = await cards.send(personId, card);
      if (sent) await store.saveCardMessage({ subjectId, purpose, personId, activityId: sent.activityId, reference: sent.reference });
    }
  };
  return {
    async planStepped(view: PlanView) {
      const plan = view.plan!;
      const link = tabUrl(view.unit.id, { view: 'plan' });
      for (const old of await store.listCardMessages(plan.id)) await cards.update({ activityId: old.activityId, reference: old.reference }, planReviewCard(view, { canReview: false, tabUrl: link }));
      if (plan.state === 'in_review') await sendAll(plan.id, plan.state, await holders((role) => role === 'oap'), planReviewCard(view, { canReview: true, tabUrl: link }));
      if (plan.state === 'returned') await sendAll(plan.id, plan.state, await holders((role, unitId) => unitId === view.unit.id && ['lider', 'promotor', 'enlace'].includes(role)), planOutcomeCard(view, link));
      if (plan.state === 'endorsed') await sendAll(plan.id, plan.state, await holders((role, unitId) => unitId === view.unit.id && role === 'lider'), planOutcomeCard(view, link));
    },
    async modificationChanged(r: ModificationView) {
      const link = tabUrl(r.unitId, { view: 'plan-modificaciones' });
      if (r.state === 'pending_consent') {
        const units = r.consents.filter((c) => c.state === 'pending').map((c) => c.unitId);
        await sendAll(r.id, r.state, await holders((role, unitId) => role === 'lider' && unitId !== null && units.includes(unitId)), consentCard({ ...r, canConsent: units[0] ?? null }, { tabUrl: link }));
      }
      if (r.state === 'pending_oap') await sendAll(r.id, r.state, await holders((role) => role === 'oap'), decisionCard({ ...r, canDecide: true }, { tabUrl: link }));
      if (r.state === 'approved' || r.state === 'denied') await sendAll(r.id, r.state, [r.requestedBy], decisionCard({ ...r, canDecide: false }, { tabUrl: link }));
    },
  };
}
