import type { Command } from '../BotDeps.js';
import { messageCard } from '../cards/simpleCards.js';
import { pendingCard } from '../cards/summaryCards.js';

/** `pendientes`: the KRs still missing this month for each unit the person reports for. */
export const pendingCommand: Command = {
  phrases: ['pendientes', 'pendiente', 'que falta', 'faltantes'],
  async run(actor) {
    const pending = await actor.deps.checkIns.pending(actor.person);
    if (pending.length === 0) return messageCard('Sin pendientes', 'No reportas avances de ninguna unidad: solo el enlace OKR o el líder de una unidad lo hacen.');
    return pendingCard(pending);
  },
};
