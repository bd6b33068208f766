import { actasBotText, previousQuarter } from '@okr/core';
import type { Command } from '../handlers.js';
import type { ActaSigningService } from '../../services/actaSigning.js';
import { today } from '../../services/clock.js';
import { actaCardFor } from '../cardActions/actaActions.js';
import { messageCard } from '../cards/simpleCards.js';

/** `actas`: the actas waiting for this person's signature (this quarter and the last), each as its sign-off card. */
export const actasCommand: Command<{ actaSigning: ActaSigningService }> = {
  phrases: ['actas', 'firmar', 'firmas', 'actas por firmar', 'por firmar'],
  help: actasBotText.commands.actas,
  async run(actor) {
    const { quarter } = today(actor.deps.clock);
    const waiting = await actor.deps.actaSigning.awaitingSignature(actor.person.id, [previousQuarter(quarter), quarter]);
    if (waiting.length === 0) return messageCard(actasBotText.nothingToSign.title, actasBotText.nothingToSign.text);
    return Promise.all(waiting.slice(0, 10).map((w) => actaCardFor(actor.deps, actor.person, w.record)));
  },
};
