import { proposalsBotText as t } from '@okr/core';
import type { ProactiveCards } from '../services/proactiveCards.js';
import type { ProposalNotices } from '../services/proposals.js';
import { proposalsCard } from './cards/proposalsCard.js';
import type { TabLinks } from './tabLinks.js';

/** What the proposals send in Teams: the card of a proposal to the person who now takes it, to update it from the chat. */
export function proposalNotices(ctx: { tabUrl: TabLinks }, cards: ProactiveCards): ProposalNotices {
  return {
    async assigned(view, responsibleId, byName) {
      await cards.send(responsibleId, proposalsCard([view], { title: t.assigned.title, notice: t.assigned.text(byName, view.sessionDate), tabUrl: ctx.tabUrl(undefined, { view: 'propuestas' }) }));
    },
  };
}
