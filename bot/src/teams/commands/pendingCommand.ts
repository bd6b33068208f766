import type { Command } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { messageCard } from '../cards/simpleCards.js';
import { pendingCard } from '../cards/summaryCards.js';

/** `pendientes`: the KRs still missing this month for each unit the person reports for. */
export const pendingCommand: Command<{ checkIns: CheckInService }> = {
  phrases: ['pendientes', 'pendiente', 'que falta', 'faltantes'],
  help: 'Lo que falta por reportar este mes en cada unidad que reportas.',
  async run(actor) {
    const pending = await actor.deps.checkIns.pending(actor.person);
    if (pending.length === 0) return messageCard('Sin pendientes', 'No reportas avances de ninguna unidad: solo el enlace OKR o el líder de una unidad lo hacen.');
    return pendingCard(pending);
  },
};
