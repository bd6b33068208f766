import type { Actor, Command } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { checkInCard } from '../cards/checkInCard.js';
import { chooseUnitCard, messageCard } from '../cards/simpleCards.js';
import type { AdaptiveCard } from '../cards/elements.js';

/** Opens the check-in card of a unit for the current month, or explains why it cannot. */
export async function openCheckIn(actor: Actor<{ checkIns: CheckInService }>, unitId: string): Promise<AdaptiveCard> {
  const result = await actor.deps.checkIns.form(actor.person, unitId);
  return result.ok ? checkInCard(result.form) : messageCard('No se puede abrir el check-in', result.message);
}

/** `check-in` / `reportar` / `avance`: the month's check-in card (choosing the unit first if there are several). */
export const checkInCommand: Command<{ checkIns: CheckInService }> = {
  phrases: ['check-in', 'checkin', 'check in', 'reportar', 'reporte', 'avance', 'avances'],
  help: 'Reporta el avance mensual de los resultados clave de tu unidad (también «reportar» o «avance»).',
  async run(actor) {
    const units = await actor.deps.checkIns.reportingUnits(actor.person);
    if (units.length === 0) {
      return messageCard(
        'No tienes unidades para reportar',
        'Solo el enlace OKR o el líder de una unidad pueden reportar sus avances. Si debes reportar, pide al equipo ETI que te registre como enlace de tu unidad.',
      );
    }
    if (units.length > 1) return chooseUnitCard(units);
    return openCheckIn(actor, units[0]!.id);
  },
};
