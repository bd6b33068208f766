import type { CheckInDraft } from '@okr/core';
import type { CardAction } from '../BotDeps.js';
import { CHECK_IN_SUBMIT, checkInCard, inputIds } from '../cards/checkInCard.js';
import { checkInSavedCard } from '../cards/checkInSavedCard.js';
import { messageCard } from '../cards/simpleCards.js';

/** "Guardar check-in": validates every field, stores all or nothing, and answers with the result card. */
export const submitCheckInAction: CardAction = {
  verb: CHECK_IN_SUBMIT,
  async run(actor, data) {
    const unitId = String(data.unitId ?? '');
    const period = String(data.period ?? '');
    const service = actor.deps.checkIns;
    const formResult = await service.form(actor.person, unitId, period);
    if (!formResult.ok) return messageCard('No se guardó el check-in', formResult.message);
    const drafts: CheckInDraft[] = formResult.form.bundle.keyResults.map((kr) => {
      const ids = inputIds(kr.id);
      return { keyResultId: kr.id, value: data[ids.value], comment: data[ids.comment], evidenceUrl: data[ids.evidenceUrl] };
    });
    const result = await service.submit(actor.person, unitId, period, drafts);
    switch (result.kind) {
      case 'invalid':
        return checkInCard(formResult.form, { errors: result.errors, typed: data });
      case 'refused':
        return messageCard('No se guardó el check-in', result.message);
      case 'saved':
        actor.deps.log.info({ person: actor.person.id, unitId, period, saved: result.saved.map((s) => s.outcome) }, 'check-in saved');
        return checkInSavedCard({ tree: result.tree, period: result.period, saved: result.saved, tabUrl: actor.deps.tabUrl(unitId) });
    }
  },
};
