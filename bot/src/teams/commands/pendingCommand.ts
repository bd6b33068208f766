import { okrBotText } from '@okr/core';
import type { Command } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { messageCard } from '../cards/simpleCards.js';
import { pendingCard } from '../cards/summaryCards.js';

/** `pendientes`: the KRs still missing this month for each unit the person reports for. */
export const pendingCommand: Command<{ checkIns: CheckInService }> = {
  phrases: ['pendientes', 'pendiente', 'que falta', 'faltantes'],
  help: okrBotText.commands.pending,
  async run(actor) {
    const pending = await actor.deps.checkIns.pending(actor.person);
    if (pending.length === 0) return messageCard(okrBotText.pending.none.title, okrBotText.pending.none.text);
    return pendingCard(pending);
  },
};
