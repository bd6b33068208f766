import type { CardAction } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { CHECK_IN_OPEN } from '../cards/simpleCards.js';
import { openCheckIn } from '../commands/checkInCommand.js';

/** A unit chosen on the "¿De qué unidad…?" card, or a month named on a reminder, `pendientes` or another card: opens that check-in. */
export const openCheckInAction: CardAction<{ checkIns: CheckInService }> = {
  verb: CHECK_IN_OPEN,
  async run(actor, data) {
    const period = typeof data.period === 'string' && data.period !== '' ? data.period : undefined;
    return openCheckIn(actor, String(data.unitId ?? ''), period);
  },
};
