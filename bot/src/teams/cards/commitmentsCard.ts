import { actasBotText, commitmentStatusLabels, plenariaKindLabels, type CommitmentView } from '@okr/core';
import { card, container, executeAction, heading, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';

export const COMMITMENT_UPDATE = 'commitment.update';
export const COMMITMENT_STATUS_INPUT = 'commitmentStatus';
export const COMMITMENT_NOTE_INPUT = 'commitmentNote';
export const COMMITMENT_IMPACT_INPUT = 'commitmentImpact';

const SHOWN = 10;
/** Texts are previews on the card (the whole follow-up is in the tab); an impact too long for the form is kept when its field is left empty. */
const PREVIEW = 240;
const IMPACT_PREFILL_MAX = 300;
const t = actasBotText.commitments;

/** What a person typed in a commitment's form that was refused: shown again, open, so nothing is lost. */
export interface TypedFollowUp {
  status: string;
  note?: string | undefined;
  impact?: string | undefined;
}

/** One commitment with an «Actualizar» form folded under it (status, note, impact to close it); open with what was typed after a refusal. */
function commitmentBlock(c: CommitmentView, highlight: boolean, typed?: TypedFollowUp): CardElement {
  const suffix = `-${c.id}`;
  const items: CardElement[] = [
    text(preview(c.task, PREVIEW), { weight: 'Bolder' }),
    subtle(t.line(commitmentStatusLabels[c.status], c.due, c.overdue, plenariaKindLabels[c.plenariaKind], c.unitName, c.plenariaDate), {
      ...(c.overdue ? { color: 'Attention', isSubtle: false } : {}),
    }),
  ];
  const last = c.notes.at(-1);
  if (last) items.push(subtle(t.lastFollowUp(preview(last.text, PREVIEW), last.byName)));
  if (c.impact) items.push(subtle(t.impact(preview(c.impact, PREVIEW))));
  if (c.canUpdate) {
    const form: CardElement[] = [
      {
        type: 'Input.ChoiceSet',
        id: `${COMMITMENT_STATUS_INPUT}${suffix}`,
        label: t.statusLabel,
        value: typed?.status ?? c.status,
        choices: Object.entries(commitmentStatusLabels).map(([value, title]) => ({ title, value })),
      },
      { type: 'Input.Text', id: `${COMMITMENT_NOTE_INPUT}${suffix}`, label: t.noteLabel, isMultiline: true, maxLength: 2000, ...(typed?.note ? { value: typed.note } : {}) },
      {
        type: 'Input.Text',
        id: `${COMMITMENT_IMPACT_INPUT}${suffix}`,
        label: t.impactLabel,
        isMultiline: true,
        maxLength: 2000,
        ...(typed?.impact !== undefined ? { value: typed.impact } : c.impact && c.impact.length > IMPACT_PREFILL_MAX ? { placeholder: t.impactKept } : { value: c.impact ?? '' }),
      },
    ];
    const save = executeAction(t.save, COMMITMENT_UPDATE, { commitmentId: c.id, version: c.version }, { style: 'positive' });
    if (typed) items.push(...form, { type: 'ActionSet', actions: [save] });
    else items.push({ type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: t.update, card: { type: 'AdaptiveCard', body: form, actions: [save] } }] });
  }
  return container(items, { separator: true, spacing: 'Medium', ...(highlight ? { style: 'emphasis' } : {}) });
}

/**
 * `compromisos`: the person's open commitments from actas and dialogue sessions, overdue first,
 * each with its last follow-up and a form to update it (seed 004: follow up and measure impact).
 */
export function commitmentsCard(list: readonly CommitmentView[], opts: { notice?: string; warning?: string; tabUrl?: string; updatedId?: string; typed?: TypedFollowUp } = {}): AdaptiveCard {
  const open = list.filter((c) => c.status === 'abierto' || c.status === 'en_curso');
  const overdue = open.filter((c) => c.overdue).length;
  const body: CardElement[] = [heading(t.title)];
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  if (open.length === 0) {
    body.push(text(t.none));
  } else {
    body.push(text(t.count(open.length, overdue), { spacing: 'None', ...(overdue ? { color: 'Attention' } : {}) }));
    for (const c of open.slice(0, SHOWN)) body.push(commitmentBlock(c, c.id === opts.updatedId, c.id === opts.updatedId ? opts.typed : undefined));
    if (open.length > SHOWN) body.push(subtle(t.more(open.length - SHOWN)));
  }
  return card(body, opts.tabUrl ? [{ type: 'Action.OpenUrl', title: t.viewAll, url: opts.tabUrl }] : []);
}
