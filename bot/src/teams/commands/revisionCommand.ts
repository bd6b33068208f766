import { reviewBotText } from '@okr/core';
import type { Command } from '../handlers.js';
import { Refusal } from '../../services/refusal.js';
import type { ReviewService } from '../../services/review.js';
import { reviewQueueCard } from '../cards/reviewCards.js';
import { messageCard } from '../cards/simpleCards.js';

/**
 * `revisión` (also `revision mensual`, `cerrar mes`): the ETI's review queue of the month being
 * reported. Distinct from `revisar`, the formulation's sets waiting for the coach or the líder.
 */
export const revisionCommand: Command<{ monthReview: ReviewService }> = {
  phrases: ['revision', 'revision mensual', 'revision del mes', 'cerrar mes', 'cerrar el mes', 'cola de revision'],
  help: reviewBotText.command,
  async run(actor) {
    try {
      return reviewQueueCard(await actor.deps.monthReview.queue(actor.person), actor.deps.tabUrl(undefined, { view: 'revision' }));
    } catch (error) {
      if (error instanceof Refusal && error.code === 'forbidden') return messageCard(reviewBotText.notEti.title, reviewBotText.notEti.text);
      throw error;
    }
  },
};
