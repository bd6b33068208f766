import { okrBotText } from '@okr/core';
import type { Actor, Command } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { checkInCard } from '../cards/checkInCard.js';
import { chooseUnitCard, messageCard } from '../cards/simpleCards.js';
import type { AdaptiveCard } from '../cards/elements.js';

/**
 * Opens the check-in card of a unit: of `period` when given (a reminder names its month), else of
 * the month to report now (a correction pending, else the earliest month with something missing);
 * or explains why it cannot.
 */
export async function openCheckIn(actor: Actor<{ checkIns: CheckInService }>, unitId: string, period?: string): Promise<AdaptiveCard> {
  const result = period ? await actor.deps.checkIns.editableForm(actor.person, unitId, period) : await actor.deps.checkIns.form(actor.person, unitId);
  return result.ok ? checkInCard(result.form, { tabUrl: actor.deps.tabUrl(unitId) }) : messageCard(okrBotText.cannotOpen, result.message);
}

/** `check-in` / `reportar` / `avance`: the check-in card of the month to report (choosing the unit first if there are several). */
export const checkInCommand: Command<{ checkIns: CheckInService }> = {
  phrases: ['check-in', 'checkin', 'check in', 'reportar', 'reporte', 'avance', 'avances'],
  help: okrBotText.commands.checkIn,
  async run(actor) {
    const units = await actor.deps.checkIns.reportingUnits(actor.person);
    if (units.length === 0) return messageCard(okrBotText.noUnits.title, okrBotText.noUnits.text);
    if (units.length > 1) return chooseUnitCard(units);
    return openCheckIn(actor, units[0]!.id);
  },
};
