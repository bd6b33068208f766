import { actaContentKey, formatClock, formatDate, formatDateAndClock, formatDateTime, actaState, actaStateLabels, actasBotText, modalityLabels, msg, oapStatusLabels, plenariaKindLabels, signatureRoleLabels, type SignatureRole } from '@okr/core';
import type { ActaRecord, PlenariaChangeNotice } from '../../services/actas.js';
import { card, container, executeAction, facts, heading, openUrl, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';

export const ACTA_SIGN = 'acta.sign';
export const ACTA_SEND_OAP = 'acta.sendOap';
export const ACTA_REFRESH = 'acta.refresh';

const SHOWN = 8;

const t = actasBotText.card;

/** The card shows the essentials as previews: the whole acta is in the tab and its .docx. */
const ITEM_PREVIEW = 280;
const OBJECTIVE_PREVIEW = 600;

const bullets = (title: string, items: string[]): CardElement[] =>
  items.length === 0
    ? []
    : [text(title, { weight: 'Bolder', spacing: 'Medium' }), ...items.slice(0, SHOWN).map((i) => subtle(`• ${preview(i, ITEM_PREVIEW)}`, { isSubtle: false })), ...(items.length > SHOWN ? [subtle(t.more(items.length - SHOWN))] : [])];

export interface ActaCardViewer {
  /** Parts this viewer may sign now. */
  parts: SignatureRole[];
  /** The viewer may record the copy sent to the OAP. */
  maySendToOap: boolean;
}

export const NO_ACTIONS: ActaCardViewer = { parts: [], maySendToOap: false };

/**
 * An acta to sign, as the secretary and the presiding líder see it in Teams: what it records (the
 * essentials; the full text in the tab and the .docx), who has signed, the copy to the OAP, and the
 * buttons this viewer may use now. `refresh` makes Teams ask again whenever one of them opens it,
 * so each sees their own buttons and nobody signs a stale version (Universal Actions).
 */
export function actaCard(record: ActaRecord, viewer: ActaCardViewer, opts: { notice?: string; warning?: string; refreshUserIds?: string[]; tabUrl?: string } = {}): AdaptiveCard {
  const { plenaria, latest: acta } = record;
  const state = acta ? actaState(acta.signatures) : null;
  const body: CardElement[] = [
    heading(state === 'signed' ? t.signed : t.toSign),
    text(`${plenariaKindLabels[plenaria.kind]} · ${record.unitName}`, { weight: 'Bolder', spacing: 'None' }),
    text(t.state(state ? actaStateLabels[state] : actaStateLabels.none, acta?.documentVersion ?? 1), {
      color: state === 'signed' ? 'Good' : 'Accent',
      spacing: 'Small',
      id: 'actaState',
    }),
  ];
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention', weight: 'Bolder' })], { style: 'attention' }));
  if (plenaria.cancelled) body.push(container([text(msg.actas.cancelledActa(preview(plenaria.cancelled.reason, ITEM_PREVIEW)), { color: 'Attention', weight: 'Bolder' })], { style: 'attention', id: 'cancelled' }));
  const signedBy = (part: SignatureRole) => {
    const s = acta?.signatures[part];
    return s ? t.signedOn(formatDateTime(s.at)) : t.pending;
  };
  body.push(
    facts([
      [t.date, `${formatDate(plenaria.date, 'weekday')} · ${formatClock(acta?.draft.startTime ?? plenaria.startTime)}${acta ? ` a ${formatClock(acta.draft.endTime)}` : ''}`],
      [t.modality, `${modalityLabels[plenaria.modality]} · ${preview(plenaria.location, 200)}`],
      [`${signatureRoleLabels.presiding}`, `${record.presiding.name} — ${signedBy('presiding')}`],
      [`${signatureRoleLabels.secretary}`, `${record.secretary.name} — ${signedBy('secretary')}`],
      [t.copy, record.oap.sentOn ? t.copySent(oapStatusLabels[record.oap.oapStatus], formatDate(record.oap.sentOn)) : t.copyDue(oapStatusLabels[record.oap.oapStatus], formatDate(record.oap.deadline))],
    ]),
  );
  if (acta) {
    if (acta.correctionReason) body.push(subtle(t.correction(acta.documentVersion - 1, preview(acta.correctionReason, ITEM_PREVIEW)), { spacing: 'Small' }));
    body.push(text(t.objective, { weight: 'Bolder', spacing: 'Medium', separator: true }), subtle(preview(acta.draft.objective, OBJECTIVE_PREVIEW), { isSubtle: false }));
    body.push(...bullets(t.decisions, acta.draft.decisions));
    body.push(...bullets(t.commitments, acta.draft.commitments.map((c) => `${c.task} — ${record.names.get(c.ownerId) ?? c.ownerId}, ${formatDate(c.due)}`)));
    if (plenaria.kind === 'dialogo') body.push(...bullets(t.proposals, acta.draft.proposals));
    if (acta.draft.recognitions.length) body.push(subtle(t.recognitions(acta.draft.recognitions.length), { spacing: 'Small' }));
    if (record.missing.length) body.push(container([text(msg.actas.notReady(record.missing.join(', ')), { color: 'Warning', size: 'Small' })], { style: 'warning' }));
    if (record.signingClosed && state !== 'signed') body.push(container([text(record.signingClosed, { size: 'Small' })], { style: 'emphasis', id: 'signingClosed' }));
  }
  const actions: CardElement[] = [];
  if (acta) {
    for (const part of viewer.parts) {
      actions.push(executeAction(part === 'secretary' ? t.signAsSecretary : t.signAsPresiding, ACTA_SIGN, { plenariaId: plenaria.id, documentVersion: acta.documentVersion, content: actaContentKey(acta), part }, { style: 'positive' }));
    }
    if (viewer.maySendToOap) actions.push(executeAction(t.sendToOap, ACTA_SEND_OAP, { plenariaId: plenaria.id, documentVersion: acta.documentVersion }));
  }
  if (opts.tabUrl) actions.push(openUrl(t.viewFull, opts.tabUrl));
  const result = card(body, actions);
  if (opts.refreshUserIds && opts.refreshUserIds.length > 0) {
    result.refresh = { action: { type: 'Action.Execute', verb: ACTA_REFRESH, data: { plenariaId: plenaria.id } }, userIds: opts.refreshUserIds.slice(0, 60) };
  }
  return result;
}

/** To the people of a plenaria that was moved or cancelled: what changed, who did it and why, and the tab. */
export function plenariaChangedCard(record: ActaRecord, change: PlenariaChangeNotice, tabUrl: string): AdaptiveCard {
  const { plenaria } = record;
  const c = actasBotText.changed;
  const when = formatDateAndClock(plenaria.date, plenaria.startTime);
  return card(
    [
      heading(change.kind === 'cancel' ? c.cancelledTitle : c.rescheduledTitle),
      text(`${plenariaKindLabels[plenaria.kind]} · ${record.unitName}`, { weight: 'Bolder', spacing: 'None' }),
      text(change.kind === 'cancel' ? c.cancelled(change.byName, when) : c.rescheduled(change.byName, change.from ? formatDateAndClock(change.from.date, change.from.startTime) : '', when)),
      facts([
        [c.reason, preview(change.reason, ITEM_PREVIEW)],
        ...(change.kind === 'cancel' ? [] : ([[t.modality, `${modalityLabels[plenaria.modality]} · ${preview(plenaria.location, 200)}`]] as Array<[string, string]>)),
        [signatureRoleLabels.presiding, record.presiding.name],
        [signatureRoleLabels.secretary, record.secretary.name],
      ]),
      ...(change.kind === 'cancel' ? [] : [subtle(c.actaFollows)]),
    ],
    [openUrl(c.open, tabUrl)],
  );
}
