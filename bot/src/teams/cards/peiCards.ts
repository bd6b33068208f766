import { formatCompliance, formatNumber, peiBotText as t, validationCheckLabels, validationStateLabels, type OkrRoundRow, type ValidationItemView } from '@okr/core';
import { attention, card, container, executeAction, facts, heading, openUrl, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';

export const PEI_CONFIRM = 'pei.confirm';
export const PEI_CONFIRM_OKR = 'pei.confirmOkr';

const esDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const num = (v: number | null) => (v === null ? '—' : formatNumber(v));
/** Echoed text on a card is a preview (the whole of it is in the tab): the OAP's observations, and each check's message (it may list what the area typed). */
const OBSERVATIONS_MAX = 600;
const CHECK_MAX = 400;

function checkLines(checks: ValidationItemView['checks']): CardElement[] {
  if (!checks.length) return [];
  return [text(t.checks, { weight: 'Bolder', spacing: 'Medium' }), ...checks.map((c) => (c.ok ? subtle(`✓ ${validationCheckLabels[c.code]}: ${preview(c.message, CHECK_MAX)}`) : attention(`✗ ${validationCheckLabels[c.code]}: ${preview(c.message, CHECK_MAX)}`)))];
}

/**
 * The card the OAP's return brings to the producing area (seed 003: «se remite información al área
 * técnica para confirmación»): the figure as reported and as the OAP left it, the observations and
 * the checks, with «Confirmar la cifra» — or «Ajustar en la pestaña». Once acted on it shows the
 * outcome without buttons.
 */
export function returnedValueCard(item: ValidationItemView, opts: { tabUrl: string; canConfirm: boolean; notice?: string; warning?: string }): AdaptiveCard {
  const r = item.oapReturn;
  const unit = item.indicator.unitOfMeasure === '%' ? ' %' : ` ${item.indicator.unitOfMeasure}`;
  const body: CardElement[] = [
    heading(t.returnedTitle),
    text(t.returnedIntro(item.indicator.responsibleArea, esDate(item.cutoff)), { spacing: 'Small' }),
    text(`${item.indicator.reference}: ${item.indicator.name}`, { weight: 'Bolder', spacing: 'Medium' }),
    facts([
      [t.reported, `${num(item.figures.executed)}${unit}`],
      ...(r?.executed !== null && r?.executed !== undefined ? ([[t.oapVersion, `${num(r.executed)}${unit}`]] as Array<[string, string]>) : []),
      [t.percent, item.computed.percent === null ? '—' : formatCompliance(item.computed.percent)],
      [t.status, item.state === 'validated' && item.validatedAt ? t.confirmed(esDate(item.validatedAt.slice(0, 10))) : validationStateLabels[item.state]],
    ]),
  ];
  if (r) body.push(text(t.observations, { weight: 'Bolder', spacing: 'Medium' }), text(preview(r.observations, OBSERVATIONS_MAX), { spacing: 'Small' }));
  body.push(...checkLines(item.checks));
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good', spacing: 'Medium' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention' })], { style: 'attention', spacing: 'Medium' }));
  const actions: CardElement[] = [];
  if (opts.canConfirm && item.state === 'returned' && item.version !== null) actions.push(executeAction(t.confirm, PEI_CONFIRM, { indicatorId: item.indicator.id, cutoff: item.cutoff, version: item.version }, { style: 'positive' }));
  actions.push(openUrl(opts.canConfirm && item.state === 'returned' ? t.adjust : t.open, opts.tabUrl));
  return card(body, actions);
}

/** The same for a unit's quarter of OKR results. */
export function returnedOkrCard(row: OkrRoundRow, opts: { tabUrl: string; canConfirm: boolean; notice?: string; warning?: string }): AdaptiveCard {
  const body: CardElement[] = [
    heading(t.returnedTitle),
    text(t.okrReturnedIntro(row.unitName, `T${row.quarter.slice(-1)} ${row.quarter.slice(0, 4)}`), { spacing: 'Small' }),
    facts([[t.status, row.state === 'validated' && row.validatedAt ? t.confirmed(esDate(row.validatedAt.slice(0, 10))) : validationStateLabels[row.state]]]),
  ];
  if (row.oapReturn) body.push(text(t.observations, { weight: 'Bolder', spacing: 'Medium' }), text(preview(row.oapReturn.observations, OBSERVATIONS_MAX), { spacing: 'Small' }));
  body.push(...checkLines(row.checks));
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good', spacing: 'Medium' }));
  if (opts.warning) body.push(container([text(opts.warning, { color: 'Attention' })], { style: 'attention', spacing: 'Medium' }));
  const actions: CardElement[] = [];
  if (opts.canConfirm && row.state === 'returned' && row.version !== null) actions.push(executeAction(t.confirm, PEI_CONFIRM_OKR, { unitId: row.unitId, quarter: row.quarter, version: row.version }, { style: 'positive' }));
  actions.push(openUrl(opts.canConfirm && row.state === 'returned' ? t.adjust : t.open, opts.tabUrl));
  return card(body, actions);
}

/** `validacion`: what waits for this person in the round, with a link to the tab. */
export function awaitingCard(label: string, counts: { toReport: number; toConfirm: number; toValidate: number }, tabUrl: string): AdaptiveCard {
  const lines = [counts.toReport ? t.toReport(counts.toReport) : null, counts.toConfirm ? t.toConfirm(counts.toConfirm) : null, counts.toValidate ? t.toValidate(counts.toValidate) : null].filter((x): x is string => x !== null);
  return card([heading(`${t.listTitle} · ${label}`), ...lines.map((l) => text(`• ${l}`, { spacing: 'Small' }))], [openUrl(t.open, tabUrl)]);
}
