import { PROPOSAL_STATUSES, proposalsBotText, type ProposalStatus } from '@okr/core';
import type { Actor, CardAction, Command } from '../handlers.js';
import type { ProposalService } from '../../services/proposals.js';
import { Refusal } from '../../services/refusal.js';
import { parseInput, userText } from '../../input/schemas.js';
import { PROPOSAL_IMPACT_INPUT, PROPOSAL_NOTE_INPUT, PROPOSAL_STATUS_INPUT, PROPOSAL_UPDATE, proposalsCard, type TypedProposalFollowUp } from '../cards/proposalsCard.js';

type Deps = { proposals: ProposalService };

async function myProposals(actor: Actor<Deps>, opts: { notice?: string; warning?: string; updatedId?: string; typed?: TypedProposalFollowUp } = {}) {
  const list = await actor.deps.proposals.mine(actor.person);
  return proposalsCard(list, { ...opts, tabUrl: actor.deps.tabUrl(undefined, { view: 'propuestas' }) });
}

/** `propuestas`: the open proposals this person takes, to follow them up from the chat. */
export const proposalsCommand: Command<Deps> = {
  phrases: ['propuestas', 'mis propuestas', 'propuesta'],
  help: proposalsBotText.command,
  run: (actor) => myProposals(actor),
};

/** «Guardar» under a proposal: its new status, a follow-up note, its impact. */
export const updateProposalAction: CardAction<Deps> = {
  verb: PROPOSAL_UPDATE,
  async run(actor, data) {
    const id = typeof data.proposalId === 'string' ? data.proposalId.slice(0, 200) : '';
    const field = (name: string) => (typeof data[`${name}-${id}`] === 'string' ? (data[`${name}-${id}`] as string) : undefined);
    const status = field(PROPOSAL_STATUS_INPUT) as ProposalStatus | undefined;
    if (!status || !PROPOSAL_STATUSES.includes(status)) return myProposals(actor, { warning: proposalsBotText.chooseStatus });
    const typed = { status, note: field(PROPOSAL_NOTE_INPUT), impact: field(PROPOSAL_IMPACT_INPUT) };
    const text = (v: string | undefined) => (v === undefined ? undefined : parseInput(userText(2000), v));
    try {
      const saved = await actor.deps.proposals.update(actor.person, id, Number(data.version), { status, note: text(typed.note), impact: text(typed.impact) });
      return myProposals(actor, { notice: proposalsBotText.updated(saved.status), updatedId: id });
    } catch (error) {
      // Refused (no impact to close it, no note for «no viable», someone else's): the form comes back open with what was typed.
      if (error instanceof Refusal) return myProposals(actor, { warning: error.message, updatedId: id, typed });
      throw error;
    }
  },
};
