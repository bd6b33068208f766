import { msg, okrBotText, type CheckIn, type CheckInDraft, type KeyResult } from '@okr/core';
import { calendarMonth } from '../../input/schemas.js';
import type { Actor, CardAction } from '../handlers.js';
import type { CheckInService } from '../../services/checkIns.js';
import { CHECK_IN_SAVE_ONE, CHECK_IN_SUBMIT, checkInCard, inputIds, keptOnCard } from '../cards/checkInCard.js';
import { preview } from '../cards/elements.js';
import { checkInSavedCard } from '../cards/checkInSavedCard.js';
import { messageCard } from '../cards/simpleCards.js';
import type { AdaptiveCard } from '../cards/elements.js';

const blank = (v: unknown) => v === undefined || v === null || String(v).trim() === '';

/** A KR counts as typed when any of its own fields has content (a milestone's choice alone does not). */
function typedFor(kr: KeyResult, data: Record<string, unknown>): boolean {
  const ids = inputIds(kr.id);
  return !blank(data[ids.comment]) || !blank(data[ids.evidenceUrl]) || (kr.kind !== 'milestone' && !blank(data[ids.value]));
}

/** The version of a KR's check-in the card showed (compare-and-set): `version` on its own button, `versions` on «Guardar todo»; null: none. */
function versionOf(kr: KeyResult, data: Record<string, unknown>, only: string | null): number | null {
  const raw = only ? data.version : (data.versions as Record<string, unknown> | undefined)?.[kr.id];
  return typeof raw === 'number' && Number.isInteger(raw) && raw > 0 ? raw : null;
}

/** A KR's check-in as typed on the card; a stored comment or link too long for the card (shown as a preview) stays when its field is left empty. */
function draftOf(kr: KeyResult, data: Record<string, unknown>, stored: CheckIn | undefined, version: number | null): CheckInDraft {
  const ids = inputIds(kr.id);
  const keep = (field: 'comment' | 'evidenceUrl', typed: unknown) => (blank(typed) && stored && keptOnCard(field, stored[field]) ? stored[field] : typed);
  return { keyResultId: kr.id, value: data[ids.value], comment: keep('comment', data[ids.comment]), evidenceUrl: keep('evidenceUrl', data[ids.evidenceUrl]), version };
}

/**
 * Saves check-ins from the card: one KR ("Guardar este resultado") or every KR with something typed
 * ("Guardar todo"). Errors come back on the same card with what was typed; once the month is
 * complete the card becomes the confirmation.
 */
async function save(actor: Actor<{ checkIns: CheckInService }>, data: Record<string, unknown>, only: string | null): Promise<AdaptiveCard> {
  const unitId = String(data.unitId ?? '');
  const t = okrBotText.save;
  // The month the card is for: the same schema as the REST API's (a month that exists, of the years the app takes).
  const month = calendarMonth.safeParse(data.period);
  if (!month.success) return messageCard(t.notSaved, msg.errors.monthFormat(String(data.period ?? '')));
  const period = month.data;
  const service = actor.deps.checkIns;
  const formResult = await service.editableForm(actor.person, unitId, period);
  if (!formResult.ok) return messageCard(t.notSaved, formResult.message);
  const krs = formResult.form.bundle.keyResults;
  const chosen = only ? krs.filter((kr) => kr.id === only) : krs.filter((kr) => typedFor(kr, data));
  if (only && chosen.length === 0) return messageCard(t.notSaved, t.keyResultGone);
  // The form read here is the one the save goes on from, and the answer is built from it and what was written.
  const result = await service.submitTo(actor.person, formResult.form, chosen.map((kr) => draftOf(kr, data, formResult.form.thisMonth.get(kr.id), versionOf(kr, data, only))));
  const tabUrl = actor.deps.tabUrl(unitId);
  switch (result.kind) {
    case 'invalid':
      return checkInCard(formResult.form, { errors: result.errors, typed: data, tabUrl });
    case 'refused':
      return messageCard(t.notSaved, result.message);
    case 'stale':
      // The card as the month is now (its versions too), with what this person typed and, per key result, who saved what meanwhile.
      return checkInCard(result.form, { errors: result.errors, typed: data, tabUrl });
    case 'saved': {
      actor.deps.log.info({ person: actor.person.id, unitId, period, saved: result.saved.map((s) => s.outcome) }, 'check-ins saved');
      const { form } = result;
      const missing = form.bundle.keyResults.filter((kr) => !form.thisMonth.has(kr.id)).length;
      if (missing === 0) return checkInSavedCard({ form, saved: result.saved, tabUrl });
      const changed = result.saved.filter((s) => s.outcome !== 'unchanged').length;
      const notice = changed === 0 ? t.unchanged : t.saved(chosen.map((kr) => preview(kr.title, 80)), missing);
      // Keep what the person typed in the other KRs: the card is rebuilt from the store plus the typed values.
      const typed = Object.fromEntries(Object.entries(data).filter(([key]) => !chosen.some((kr) => key.endsWith(`:${kr.id}`))));
      return checkInCard(form, { notice, typed, tabUrl });
    }
  }
}

// A save checks with SharePoint only what decides it (store/freshness.ts); the month's compare-and-set does the rest.
export const submitCheckInAction: CardAction<{ checkIns: CheckInService }> = {
  verb: CHECK_IN_SUBMIT,
  run: (actor, data) => save(actor, data, null),
  write: 'checkInSave',
};

export const saveOneCheckInAction: CardAction<{ checkIns: CheckInService }> = {
  verb: CHECK_IN_SAVE_ONE,
  run: (actor, data) => save(actor, data, String(data.keyResultId ?? '')),
  write: 'checkInSave',
};
