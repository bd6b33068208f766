import { z } from 'zod';
import { peiBotText as t } from '@okr/core';
import type { Actor, CardAction } from '../handlers.js';
import type { PeiService } from '../../services/pei.js';
import { Refusal } from '../../services/refusal.js';
import { calendarDate, parseInput, quarterId } from '../../input/schemas.js';
import { PEI_CONFIRM, PEI_CONFIRM_OKR, returnedOkrCard, returnedValueCard } from '../cards/peiCards.js';
import { messageCard } from '../cards/simpleCards.js';

type Deps = { pei: PeiService };
const esDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const link = (actor: Actor<Deps>) => actor.deps.tabUrl(undefined, { view: 'validacion' });

/** What the cards' buttons carry, checked like the REST API's bodies (a stale or forged card is told so in Spanish). */
const version = z.number().int().positive();
const confirmData = z.object({ indicatorId: z.string().min(1).max(80), cutoff: calendarDate, version });
const confirmOkrData = z.object({ unitId: z.string().min(1).max(80), quarter: quarterId, version });

/** «Confirmar la cifra» on the card of a figure the OAP returned: the area confirms it and it is published. */
export const peiConfirmAction: CardAction<Deps> = {
  verb: PEI_CONFIRM,
  async run(actor, data) {
    let asked: z.infer<typeof confirmData>;
    try {
      asked = parseInput(confirmData, data);
    } catch (error) {
      if (error instanceof Refusal) return messageCard(t.returnedTitle, error.message);
      throw error;
    }
    const { indicatorId, cutoff } = asked;
    try {
      const item = await actor.deps.pei.confirmValue(actor.person, indicatorId, cutoff, asked.version);
      actor.deps.log.info({ person: actor.person.id, indicatorId, cutoff }, 'pei figure confirmed');
      const confirmed = returnedValueCard(item, { tabUrl: link(actor), canConfirm: false, notice: t.confirmed(esDate(item.validatedAt!.slice(0, 10))) });
      return { card: confirmed, everyone: returnedValueCard(item, { tabUrl: link(actor), canConfirm: false }) };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      // The figure as this person may see it (none when they may not: the refusal alone).
      const item = await actor.deps.pei.item(actor.person, indicatorId, cutoff).catch(() => null);
      if (!item) return messageCard(t.returnedTitle, error.message);
      const warning = item.state === 'validated' && item.validatedAt ? t.alreadyValidated(esDate(item.validatedAt.slice(0, 10))) : item.state !== 'returned' ? t.notReturnedNow : error.message;
      return returnedValueCard(item, { tabUrl: link(actor), canConfirm: item.canConfirm, warning });
    }
  },
};

/** «Confirmar la cifra» on the card of a unit's quarter of OKR results. */
export const peiConfirmOkrAction: CardAction<Deps> = {
  verb: PEI_CONFIRM_OKR,
  async run(actor, data) {
    try {
      const { unitId, quarter, version: v } = parseInput(confirmOkrData, data);
      const row = await actor.deps.pei.confirmOkr(actor.person, unitId, quarter, v);
      return returnedOkrCard(row, { tabUrl: link(actor), canConfirm: false, notice: t.confirmed(esDate(row.validatedAt!.slice(0, 10))) });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return messageCard(t.returnedTitle, error.message);
    }
  },
};

export const peiCardActions = [peiConfirmAction, peiConfirmOkrAction];
