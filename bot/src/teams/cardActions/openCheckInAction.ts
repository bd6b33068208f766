import { msg, okrBotText } from '@okr/core';
import { calendarMonth } from '../../input/schemas.js';
import type { CardAction } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { CHECK_IN_OPEN, messageCard } from '../cards/simpleCards.js';
import { openCheckIn } from '../commands/checkInCommand.js';

/** A unit chosen on the "¿De qué unidad…?" card, or a month named on a reminder, `pendientes` or another card: opens that check-in. */
export const openCheckInAction: CardAction<{ checkIns: CheckInService }> = {
  verb: CHECK_IN_OPEN,
  async run(actor, data) {
    // No month named: the month to report now. A month named goes through the REST API's schema.
    if (data.period === undefined || data.period === '') return openCheckIn(actor, String(data.unitId ?? ''));
    const month = calendarMonth.safeParse(data.period);
    if (!month.success) return messageCard(okrBotText.cannotOpen, msg.errors.monthFormat(String(data.period)));
    return openCheckIn(actor, String(data.unitId ?? ''), month.data);
  },
};
