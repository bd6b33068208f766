import type { Actor, CardAction, Command } from '../handlers.js';
import type { ActaService } from '../../services/actas.js';
import { COMMITMENT_IMPACT_INPUT, COMMITMENT_NOTE_INPUT, COMMITMENT_STATUS_INPUT, COMMITMENT_UPDATE, commitmentsCard, type TypedFollowUp } from '../cards/commitmentsCard.js';
import { Refusal } from '../../services/refusal.js';
import { actasBotText, type CommitmentStatus } from '@okr/core';

const STATUSES: readonly CommitmentStatus[] = ['abierto', 'en_curso', 'cumplido', 'cancelado'];

async function myCommitments(actor: Actor<{ actas: ActaService }>, opts: { notice?: string; warning?: string; updatedId?: string; typed?: TypedFollowUp } = {}) {
  const list = await actor.deps.actas.commitments.mine(actor.person, { openOnly: true });
  return commitmentsCard(list, { ...opts, tabUrl: actor.deps.tabUrl(undefined, { view: 'compromisos' }) });
}

/** `compromisos`: the person's open commitments, to follow them up from the chat. */
export const commitmentsCommand: Command<{ actas: ActaService }> = {
  phrases: ['compromisos', 'compromiso', 'mis compromisos', 'tareas'],
  help: actasBotText.commands.commitments,
  run: (actor) => myCommitments(actor),
};

/** «Guardar» under a commitment: its new status, a follow-up note, its impact. */
export const updateCommitmentAction: CardAction<{ actas: ActaService }> = {
  verb: COMMITMENT_UPDATE,
  async run(actor, data) {
    const id = String(data.commitmentId ?? '');
    const field = (name: string) => (typeof data[`${name}-${id}`] === 'string' ? (data[`${name}-${id}`] as string) : undefined);
    const status = field(COMMITMENT_STATUS_INPUT) as CommitmentStatus | undefined;
    if (!status || !STATUSES.includes(status)) return myCommitments(actor, { warning: actasBotText.commitments.chooseStatus });
    try {
      const saved = await actor.deps.actas.commitments.update(actor.person, id, Number(data.version), { status, note: field(COMMITMENT_NOTE_INPUT), impact: field(COMMITMENT_IMPACT_INPUT) });
      return myCommitments(actor, { notice: actasBotText.commitments.updated(saved.task, status), updatedId: id });
    } catch (error) {
      // Refused (no impact to close it, no note to cancel it…): the form comes back open with what was typed.
      if (error instanceof Refusal) return myCommitments(actor, { warning: error.message, updatedId: id, typed: { status, note: field(COMMITMENT_NOTE_INPUT), impact: field(COMMITMENT_IMPACT_INPUT) } });
      throw error;
    }
  },
};
