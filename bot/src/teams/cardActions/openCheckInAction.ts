import type { CardAction } from '../BotDeps.js';
import { CHECK_IN_OPEN } from '../cards/simpleCards.js';
import { openCheckIn } from '../commands/checkInCommand.js';

/** A unit chosen on the "¿De qué unidad…?" card: opens that unit's check-in. */
export const openCheckInAction: CardAction = {
  verb: CHECK_IN_OPEN,
  async run(actor, data) {
    return openCheckIn(actor, String(data.unitId ?? ''));
  },
};
