import { expectedKeyResultValue, formatPercent, milestoneLabels, okrBotText, periodLabel, typedNumber, unitMonthStateForUnit, type CheckInError } from '@okr/core';
import type { CheckInForm } from '../../services/checkIns.js';
import { CARD_MAX_BYTES, attention, card, cardBytes, container, executeAction, heading, openUrl, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
import { describeKeyResult, formatValue } from './format.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

/** "Guardar todo": every KR with something typed. */
export const CHECK_IN_SUBMIT = 'checkin.submit';
/** "Guardar este resultado": one KR. */
export const CHECK_IN_SAVE_ONE = 'checkin.saveOne';

/** Input ids of one KR's fields on the card. */
export const inputIds = (keyResultId: string) => ({
  value: `value:${keyResultId}`,
  comment: `comment:${keyResultId}`,
  evidenceUrl: `evidence:${keyResultId}`,
});

/** What the person typed, keyed by input id, to put back on the card after an error. */
export type TypedValues = Record<string, unknown>;

/** What an input shows: a stored number as a person types it in es-CO («1234,5», never «1.234» that would read as two numbers). */
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : typeof v === 'number' ? typedNumber(v) : String(v));

/**
 * What the card's own inputs take: shorter than what the tab takes (CHECK_IN_LIMITS), so that nine
 * key results with everything typed still fit in one card (CARD_MAX_BYTES). A longer comment or link
 * is written in the tab; on the card it shows as a preview and is kept when the field is left empty.
 */
export const CARD_INPUT_LIMITS = { comment: 700, evidenceUrl: 400 } as const;

/** How long titles and echoed texts are on the card; the whole of them is in the tab. */
const TITLE_PREVIEW = 160;
const MESSAGE_PREVIEW = 160;
const STORED_PREVIEW = 140;
/** Errors listed on top; each is also shown under its field. */
const ERRORS_LISTED = 3;


export interface CheckInCardOptions {
  errors?: CheckInError[];
  typed?: TypedValues;
  /** A success line shown on top after a partial save. */
  notice?: string;
  /** The unit's OKR tab, where whole texts are read and written. */
  tabUrl?: string;
}

/** A stored text the card cannot hold in its input: kept as it is when the field is left empty. */
export const keptOnCard = (field: 'comment' | 'evidenceUrl', stored: string | undefined): boolean => stored !== undefined && stored.length > CARD_INPUT_LIMITS[field];

/**
 * How much of the card is spelled out, so that it stays under CARD_MAX_BYTES. 0: everything;
 * 1: key results already reported this month (and not touched now) fold into one line each, «Guardar
 * este resultado» gives way to «Guardar todo», last month's comment is a shorter preview; 2: what
 * was typed in key results without an error is not put back (only when the longest typing would not
 * fit otherwise; the card says so and points to the tab); 3: nothing typed is put back (a card
 * cannot send that much: only a forged submission gets here).
 */
type Detail = 0 | 1 | 2 | 3;

/**
 * The monthly check-in card: the unit's key results grouped by tactical objective, each with its
 * target, last month's report, whether it is already reported this month, its three inputs and its
 * own save button; "Guardar todo" saves every KR with something typed. Laid out in one column so
 * it reads on Teams mobile. Built again with `errors` and the typed values when validation fails.
 */
export function checkInCard(form: CheckInForm, opts: CheckInCardOptions = {}): AdaptiveCard {
  for (const detail of [0, 1, 2, 3] as const) {
    const built = buildCheckInCard(form, opts, detail);
    if (cardBytes(built) < CARD_MAX_BYTES) return built;
  }
  // A set far beyond the 1/3/9 shape: the tab takes it.
  const t = okrBotText.card;
  return card([heading(t.title(periodLabel(form.period))), text(form.unit.name, { weight: 'Bolder', spacing: 'None' }), text(t.tooBigForCard(form.bundle.keyResults.length))], opts.tabUrl ? [openUrl(t.openTab, opts.tabUrl)] : []);
}

function buildCheckInCard(form: CheckInForm, opts: CheckInCardOptions, detail: Detail): AdaptiveCard {
  const { unit, period, tree, thisMonth, previous } = form;
  const errors = opts.errors ?? [];
  const typed = opts.typed ?? {};
  const krCount = form.bundle.keyResults.length;
  const missing = form.bundle.keyResults.filter((kr) => !thisMonth.has(kr.id));
  const t = okrBotText.card;

  const body: CardElement[] = [
    heading(t.title(periodLabel(period))),
    text(unit.name, { weight: 'Bolder', spacing: 'None' }),
    subtle(t.expectedHint(formatPercent(tree.expected))),
    text(
      missing.length === 0 ? t.allReported(krCount) : t.missing(missing.length, krCount),
      { weight: 'Bolder', color: missing.length === 0 ? 'Good' : 'Warning', id: 'missingSummary' },
    ),
  ];
  const state = form.month.state;
  if (state === 'por_revisar' || state === 'corregido') body.push(text(unitMonthStateForUnit[state], { color: 'Accent', spacing: 'Small', id: 'reviewState' }));
  // Other open months with something to do: one click to their card.
  const others = form.openMonths.filter((m) => m.period !== period && (m.missing.length > 0 || m.month.state === 'correccion_pedida')).slice(0, 3);
  if (others.length > 0) {
    body.push(subtle(t.otherMonths, { spacing: 'Small' }), {
      type: 'ActionSet',
      actions: others.map((m) => executeAction(t.openMonth(periodLabel(m.period)), CHECK_IN_OPEN, { unitId: unit.id, period: m.period })),
    });
  }
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good', id: 'notice' }));
  const correction = form.review?.state === 'correction_requested' ? form.review : null;
  if (correction) {
    body.push(container([text(t.correctionRequested(correction.note && preview(correction.note, MESSAGE_PREVIEW)), { color: 'Warning' })], { style: 'warning', id: 'correction' }));
  }
  if (errors.length > 0) {
    body.push(
      container(
        [
          text(t.reviewFields(errors.length), { weight: 'Bolder', color: 'Attention' }),
          ...errors.slice(0, ERRORS_LISTED).map((e) => attention(`• ${preview(e.message, MESSAGE_PREVIEW)}`, { spacing: 'Small' })),
          ...(errors.length > ERRORS_LISTED ? [subtle(t.moreErrors(errors.length - ERRORS_LISTED))] : []),
        ],
        { style: 'attention', id: 'errorSummary' },
      ),
    );
  }

  // The ETI's observation on a key result: never folded away, previewed (the whole of it is in the tab).
  const observationOn = (keyResultId: string) => correction?.observations.find((x) => x.keyResultId === keyResultId);
  const observationOf = (keyResultId: string): CardElement[] => {
    const o = observationOn(keyResultId);
    return o ? [text(t.observation(preview(o.text, MESSAGE_PREVIEW)), { color: 'Attention', size: 'Small', weight: 'Bolder' })] : [];
  };

  let clipped = false;
  for (const objective of tree.strategic?.children ?? []) {
    body.push(text(preview(objective.title, TITLE_PREVIEW), { size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Large' }));
    for (const kr of objective.keyResults) {
      const ids = inputIds(kr.id);
      const stored = thisMonth.get(kr.id);
      const last = previous.get(kr.id);
      const fieldErrors = errors.filter((e) => e.keyResultId === kr.id);
      const touched = fieldErrors.length > 0 || Object.keys(typed).some((key) => key.endsWith(`:${kr.id}`));
      if (detail >= 1 && stored && !touched && !observationOn(kr.id)) {
        body.push(
          container([text(preview(kr.title, TITLE_PREVIEW), { weight: 'Bolder' }), text(t.reported(formatValue(kr, stored.value), stored.version - 1), { color: 'Good', size: 'Small', spacing: 'None' })], {
            spacing: 'Small',
            id: `kr:${kr.id}`,
          }),
        );
        continue;
      }
      const errorFor = (field: CheckInError['field']) => fieldErrors.filter((e) => e.field === field).map((e) => attention(preview(e.message, MESSAGE_PREVIEW), { spacing: 'None' }));
      /** What goes in a text input: what was typed (as much as the input takes), else what is stored if it fits. */
      const current = (id: string, fallback: unknown, field?: 'comment' | 'evidenceUrl') => {
        const value = str(id in typed ? typed[id] : fallback);
        if (value === undefined || !field) return value;
        if (!(id in typed)) return keptOnCard(field, value) ? undefined : value;
        if ((detail >= 2 && fieldErrors.length === 0 && value.length > 80) || detail >= 3) {
          clipped = true;
          return undefined;
        }
        return value.slice(0, CARD_INPUT_LIMITS[field]);
      };
      const kept = (field: 'comment' | 'evidenceUrl') => (stored && keptOnCard(field, stored[field]) && !(ids[field] in typed) ? [subtle(t.keptInTab(preview(stored[field], STORED_PREVIEW)))] : []);
      const valueInput: CardElement =
        kr.kind === 'milestone'
          ? {
              type: 'Input.ChoiceSet',
              id: ids.value,
              label: t.milestoneLabel,
              style: 'compact',
              value: current(ids.value, stored?.value ?? last?.value ?? 0),
              choices: [
                { title: milestoneLabels.done, value: '1' },
                { title: milestoneLabels.notDone, value: '0' },
              ],
            }
          : {
              type: 'Input.Text',
              id: ids.value,
              label: kr.kind === 'percentage' ? t.percentageLabel : t.valueLabel(kr.unitOfMeasure),
              placeholder: kr.kind === 'percentage' ? t.percentagePlaceholder : t.valuePlaceholder(kr.unitOfMeasure, kr.target),
              value: current(ids.value, stored?.value),
            };
      body.push(
        container(
          [
            text(preview(kr.title, TITLE_PREVIEW), { weight: 'Bolder' }),
            subtle(`${describeKeyResult(kr)}${kr.kind === 'milestone' ? '' : t.expectedToday(formatValue(kr, expectedKeyResultValue(kr, tree.expected)))}`),
            subtle(last ? t.lastReport(periodLabel(last.period), formatValue(kr, last.value), preview(last.comment, detail >= 1 ? 60 : STORED_PREVIEW)) : t.noLastReport),
            stored
              ? text(t.reported(formatValue(kr, stored.value), stored.version - 1), { color: 'Good', size: 'Small' })
              : text(t.pending, { color: 'Warning', size: 'Small' }),
            ...observationOf(kr.id),
            ...(form.month.corrected.includes(kr.id) ? [text(t.corrected, { color: 'Good', size: 'Small', spacing: 'None' })] : []),
            valueInput,
            ...errorFor('value'),
            {
              type: 'Input.Text',
              id: ids.comment,
              label: t.commentLabel,
              placeholder: t.commentPlaceholder,
              isMultiline: true,
              maxLength: CARD_INPUT_LIMITS.comment,
              value: current(ids.comment, stored?.comment, 'comment'),
            },
            ...kept('comment'),
            ...errorFor('comment'),
            {
              type: 'Input.Text',
              id: ids.evidenceUrl,
              label: t.evidenceLabel,
              placeholder: t.evidencePlaceholder,
              style: 'Url',
              maxLength: CARD_INPUT_LIMITS.evidenceUrl,
              value: current(ids.evidenceUrl, stored?.evidenceUrl, 'evidenceUrl'),
            },
            ...kept('evidenceUrl'),
            ...errorFor('evidenceUrl'),
            ...(detail >= 1 ? [] : [{ type: 'ActionSet', actions: [executeAction(t.saveOne, CHECK_IN_SAVE_ONE, { unitId: unit.id, period, keyResultId: kr.id, version: stored?.version ?? null })] }]),
          ],
          { spacing: 'Medium', id: `kr:${kr.id}`, ...(fieldErrors.length > 0 ? { style: 'attention' } : {}) },
        ),
      );
    }
  }

  if (detail >= 1) body.push(container([text(clipped ? t.typedTooLong : t.foldedReported, { color: clipped ? 'Warning' : 'Default', size: 'Small' })], { separator: true }));
  // The versions this card shows (compare-and-set): a save based on them is refused if someone saved meanwhile.
  const versions = Object.fromEntries([...thisMonth].map(([id, c]) => [id, c.version]));
  return card(body, [executeAction(t.saveAll, CHECK_IN_SUBMIT, { unitId: unit.id, period, versions }, { style: 'positive' }), ...(opts.tabUrl ? [openUrl(t.openTab, opts.tabUrl)] : [])]);
}
