import type { OkrSetState, Role } from '@okr/core';
import type { SetView } from '../services/formulation.js';
import type { ProactiveCards } from '../services/proactiveCards.js';
import type { Store } from '../store/Store.js';
import { setCard } from './cards/setCard.js';

/** Who is asked to act next, and with which of their roles, when a set reaches a state. */
const NEXT: Partial<Record<OkrSetState, Role>> = {
  coach_review: 'coach',
  leader_approval: 'lider',
  returned: 'enlace',
  rejected: 'enlace',
  active: 'enlace',
};

/**
 * After every workflow step: the people who must act next get the set's card in their chat (the
 * coaches on submission, the líder once the form is approved, the enlace when it comes back or is
 * approved), and every card sent earlier about the set is updated to its current state, without
 * buttons, so nobody acts on an old one.
 */
export function formulationNotices(store: Store, cards: ProactiveCards) {
  return async (view: SetView): Promise<void> => {
    const { set } = view.bundle;
    for (const old of await store.listCardMessages(set.id)) {
      await cards.update({ activityId: old.activityId, reference: old.reference }, setCard(view, []));
    }
    const role = NEXT[set.state];
    if (!role) return;
    const roles = await store.listRoles();
    const people = [...new Set(roles.filter((r) => r.role === role && (role === 'coach' ? true : r.unitId === set.unitId)).map((r) => r.personId))];
    for (const personId of people) {
      const sent = await cards.send(personId, setCard(view, [role]));
      if (sent) await store.saveCardMessage({ subjectId: set.id, purpose: set.state, personId, activityId: sent.activityId, reference: sent.reference });
    }
  };
}
