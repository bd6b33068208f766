import { peiBotText } from '@okr/core';
import type { Command } from '../handlers.js';
import type { PeiService } from '../../services/pei.js';
import type { AdaptiveCard } from '../cards/elements.js';
import { messageCard } from '../cards/simpleCards.js';
import { awaitingCard, returnedOkrCard, returnedValueCard } from '../cards/peiCards.js';

const MAX_CARDS = 8;

/** `validacion`: the figures this person must report, confirm (the area) or validate (the OAP) in the current round. */
export const validationCommand: Command<{ pei: PeiService }> = {
  phrases: ['validacion', 'validar', 'validacion de cifras', 'cifras'],
  help: peiBotText.command,
  async run(actor) {
    const a = await actor.deps.pei.awaiting(actor.person);
    const tabUrl = actor.deps.tabUrl(undefined, { view: 'validacion' });
    if (!a.toReport.length && !a.toConfirm.length && !a.toValidate.length && !a.okrToConfirm.length) return messageCard(peiBotText.listTitle, peiBotText.nothing);
    const cards: AdaptiveCard[] = [awaitingCard(a.label, { toReport: a.toReport.length, toConfirm: a.toConfirm.length + a.okrToConfirm.length, toValidate: a.toValidate.length }, tabUrl)];
    for (const item of a.toConfirm) cards.push(returnedValueCard(item, { tabUrl, canConfirm: true }));
    for (const row of a.okrToConfirm) cards.push(returnedOkrCard(row, { tabUrl, canConfirm: true }));
    return cards.length === 1 ? cards[0]! : cards.slice(0, MAX_CARDS);
  },
};
