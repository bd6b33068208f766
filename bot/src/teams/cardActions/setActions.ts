import type { Role, WorkflowAction } from '@okr/core';
import { WORKFLOW, actionLabels, formulationBotText as t } from '@okr/core';
import type { Actor, CardAction } from '../handlers.js';
import type { FormulationService } from '../../services/formulation.js';
import { SET_ACT, SET_COMMENT_INPUT, SET_REFRESH, setCard } from '../cards/setCard.js';
import { messageCard } from '../cards/simpleCards.js';
import { teamsUserIds } from '../teamsUserIds.js';

/** Teams ids of the people involved in a unit's set (enlaces, líder, coaches) known from their chats. */
async function involvedTeamsIds(actor: Actor, unitId: string): Promise<string[]> {
  const roles = await actor.deps.store.listRoles();
  return teamsUserIds(actor.deps.store, roles.filter((r) => (r.unitId === unitId && (r.role === 'enlace' || r.role === 'lider')) || r.role === 'coach').map((r) => r.personId));
}

const NEUTRAL: readonly Role[] = [];

/** "Aprobar forma", "Devolver con observaciones", "Aprobar", "Rechazar", "Enviar…": one workflow step. */
export const setActAction: CardAction<{ formulation: FormulationService }> = {
  verb: SET_ACT,
  async run(actor, data) {
    const setId = String(data.setId ?? '');
    const action = String(data.workflowAction ?? '') as WorkflowAction;
    if (!(action in WORKFLOW)) return messageCard(t.staleCard.title, t.staleCard.text);
    const version = Number(data.version);
    const comment = typeof data[SET_COMMENT_INPUT] === 'string' ? (data[SET_COMMENT_INPUT] as string) : null;
    const result = await actor.deps.formulation.act(actor.person, setId, action, version, comment);
    if (!result.view) return messageCard(t.notDone, result.kind === 'done' ? '' : result.message);
    const unitId = result.view.bundle.set.unitId;
    const roles = await actor.deps.formulation.rolesFor(actor.person, unitId);
    const refreshUserIds = await involvedTeamsIds(actor, unitId);
    if (result.kind === 'done') {
      actor.deps.log.info({ person: actor.person.id, setId, action, state: result.view.bundle.set.state }, 'set workflow step');
      const notice = t.done(actionLabels[action]);
      return { card: setCard(result.view, roles, { notice, refreshUserIds }), everyone: setCard(result.view, NEUTRAL, { refreshUserIds }) };
    }
    // Refused (wrong person, missing comment) or stale (someone acted first): nothing changed.
    return setCard(result.view, roles, { warning: result.message, refreshUserIds });
  },
};

/** Universal Actions refresh: the set's current card, with the buttons of whoever is looking. */
export const setRefreshAction: CardAction<{ formulation: FormulationService }> = {
  verb: SET_REFRESH,
  async run(actor, data) {
    const visible = await actor.deps.formulation.visibleView(actor.person, String(data.setId ?? ''));
    if (!visible.ok) return visible.notFound ? messageCard(t.notFound.title, t.notFound.text) : messageCard(t.notAllowed.title, t.notAllowed.text);
    const { view } = visible;
    const roles = await actor.deps.formulation.rolesFor(actor.person, view.bundle.set.unitId);
    return setCard(view, roles, { refreshUserIds: await involvedTeamsIds(actor, view.bundle.set.unitId) });
  },
};
