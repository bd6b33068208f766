import type { CardAction } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { CHECK_IN_OPEN } from '../cards/simpleCards.js';
import { openCheckIn } from '../commands/checkInCommand.js';

/** A unit chosen on the "¿De qué unidad…?" card: opens that unit's check-in. */
export const openCheckInAction: CardAction<{ checkIns: CheckInService }> = {
  verb: CHECK_IN_OPEN,
  async run(actor, data) {
    return openCheckIn(actor, String(data.unitId ?? ''));
  },
};
