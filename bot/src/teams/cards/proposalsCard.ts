import { PROPOSAL_STATUSES, proposalStatusLabels, proposalsBotText as t, type ProposalView } from '@okr/core';
import { card, container, executeAction, heading, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';

export const PROPOSAL_UPDATE = 'proposals.update';
export const PROPOSAL_STATUS_INPUT = 'proposalStatus';
export const PROPOSAL_NOTE_INPUT = 'proposalNote';
export const PROPOSAL_IMPACT_INPUT = 'proposalImpact';

const SHOWN = 8;
const PREVIEW = 240;
const IMPACT_PREFILL_MAX = 300;

/** What a person typed in a proposal's form that was refused: shown again, open, so nothing is lost. */
export interface TypedProposalFollowUp {
  status: string;
  note?: string | undefined;
  impact?: string | undefined;
}

/** One proposal with an «Actualizar» form under it (status, note, impact to close it); open with what was typed after a refusal. */
function proposalBlock(p: ProposalView, highlight: boolean, typed?: TypedProposalFollowUp): CardElement {
  const suffix = `-${p.id}`;
  const items: CardElement[] = [text(preview(p.text, PREVIEW), { weight: 'Bolder' }), subtle(t.line(p.status, p.sessionDate))];
  const last = p.notes.at(-1);
  if (last) items.push(subtle(t.lastNote(preview(last.text, PREVIEW), last.byName, last.at)));
  if (p.impact) items.push(subtle(t.impact(preview(p.impact, PREVIEW))));
  if (p.canUpdate) {
    const form: CardElement[] = [
      { type: 'Input.ChoiceSet', id: `${PROPOSAL_STATUS_INPUT}${suffix}`, label: t.statusLabel, value: typed?.status ?? p.status, choices: PROPOSAL_STATUSES.map((value) => ({ title: proposalStatusLabels[value], value })) },
      { type: 'Input.Text', id: `${PROPOSAL_NOTE_INPUT}${suffix}`, label: t.noteLabel, isMultiline: true, maxLength: 2000, ...(typed?.note ? { value: typed.note } : {}) },
      {
        type: 'Input.Text',
        id: `${PROPOSAL_IMPACT_INPUT}${suffix}`,
        label: t.impactLabel,
        isMultiline: true,
        maxLength: 2000,
        ...(typed?.impact !== undefined ? { value: typed.impact } : p.impact && p.impact.length > IMPACT_PREFILL_MAX ? {} : { value: p.impact ?? '' }),
      },
    ];
    const save = executeAction(t.save, PROPOSAL_UPDATE, { proposalId: p.id, version: p.version }, { style: 'positive' });
    if (typed) items.push(...form, { type: 'ActionSet', actions: [save] });
    else items.push({ type: 'ActionSet', actions: [{ type: 'Action.ShowCard', title: t.update, card: { type: 'AdaptiveCard', body: form, actions: [save] } }] });
  }
  return container(items, { separator: true, spacing: 'Medium', ...(highlight ? { style: 'emphasis' } : {}) });
}

/**
 * `propuestas`: the open proposals of the dialogue sessions this person takes, each with its last
 * follow-up and a form to update it (seed 004: follow the proposals up and measure their impact).
 */
export function proposalsCard(list: readonly ProposalView[], opts: { notice?: string; warning?: string; tabUrl?: string; updatedId?: string; typed?: TypedProposalFollowUp; title?: string } = {}): AdaptiveCard {
  const body: CardElement[] = [heading(opts.title ?? t.title)];
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  if (list.length === 0) body.push(text(t.none));
  else {
    // A card about one proposal (the assignment notice) has a title of its own and no count.
    if (!opts.title) body.push(text(t.count(list.length), { spacing: 'None' }));
    for (const p of list.slice(0, SHOWN)) body.push(proposalBlock(p, p.id === opts.updatedId, p.id === opts.updatedId ? opts.typed : undefined));
    if (list.length > SHOWN) body.push(subtle(t.more(list.length - SHOWN)));
  }
  return card(body, opts.tabUrl ? [{ type: 'Action.OpenUrl', title: t.viewAll, url: opts.tabUrl }] : []);
}
