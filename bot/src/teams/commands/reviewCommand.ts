import { formulationBotText } from '@okr/core';
import type { Command } from '../handlers.js';
import type { FormulationService } from '../../services/formulation.js';
import { messageCard } from '../cards/simpleCards.js';
import { setCard } from '../cards/setCard.js';
import type { AdaptiveCard } from '../cards/elements.js';

const MAX_CARDS = 10;

/** `revisar`: the sets waiting for this person — coach review, líder approval, or returned to the enlace. */
export const reviewCommand: Command<{ formulation: FormulationService }> = {
  phrases: ['revisar', 'aprobaciones', 'aprobar', 'por aprobar', 'formulacion'],
  help: formulationBotText.command,
  async run(actor) {
    const views = await actor.deps.formulation.awaiting(actor.person);
    if (views.length === 0) return messageCard(formulationBotText.nothingToReview.title, formulationBotText.nothingToReview.text);
    const cards: AdaptiveCard[] = [];
    for (const view of views.slice(0, MAX_CARDS)) cards.push(setCard(view, await actor.deps.formulation.rolesFor(actor.person, view.bundle.set.unitId)));
    return cards.length === 1 ? cards[0]! : cards;
  },
};
