import { formatPercent, milestoneLabels, okrBotText, periodLabel, unitMonthStateForUnit, type CheckInError } from '@okr/core';
import type { CheckInForm } from '../../services/checkIns.js';
import { attention, card, container, executeAction, heading, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
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

const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The value a KR would show today if it advanced evenly through the quarter, in its own unit. */
function expectedValue(kr: { baseline: number; target: number; kind: string }, expected: number): number {
  const v = kr.baseline + (kr.target - kr.baseline) * expected;
  return kr.kind === 'percentage' ? Math.round(v * 10) / 10 : Math.round(v);
}

export interface CheckInCardOptions {
  errors?: CheckInError[];
  typed?: TypedValues;
  /** A success line shown on top after a partial save. */
  notice?: string;
}

/**
 * The monthly check-in card: the unit's key results grouped by tactical objective, each with its
 * target, last month's report, whether it is already reported this month, its three inputs and its
 * own save button; "Guardar todo" saves every KR with something typed. Laid out in one column so
 * it reads on Teams mobile. Built again with `errors` and the typed values when validation fails.
 */
export function checkInCard(form: CheckInForm, opts: CheckInCardOptions = {}): AdaptiveCard {
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
    body.push(container([text(t.correctionRequested(correction.note), { color: 'Warning' })], { style: 'warning', id: 'correction' }));
  }
  if (errors.length > 0) {
    body.push(
      container(
        [
          text(t.reviewFields(errors.length), { weight: 'Bolder', color: 'Attention' }),
          ...errors.map((e) => attention(`• ${e.message}`, { spacing: 'Small' })),
        ],
        { style: 'attention', id: 'errorSummary' },
      ),
    );
  }

  const observationOf = (keyResultId: string): CardElement[] => {
    const o = correction?.observations.find((x) => x.keyResultId === keyResultId);
    return o ? [text(t.observation(o.text), { color: 'Attention', size: 'Small', weight: 'Bolder' })] : [];
  };

  for (const objective of tree.strategic?.children ?? []) {
    body.push(text(objective.title, { size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Large' }));
    for (const kr of objective.keyResults) {
      const ids = inputIds(kr.id);
      const stored = thisMonth.get(kr.id);
      const last = previous.get(kr.id);
      const fieldErrors = errors.filter((e) => e.keyResultId === kr.id);
      const errorFor = (field: CheckInError['field']) => fieldErrors.filter((e) => e.field === field).map((e) => attention(e.message, { spacing: 'None' }));
      const current = (id: string, fallback: unknown) => str(id in typed ? typed[id] : fallback);
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
            text(kr.title, { weight: 'Bolder' }),
            subtle(`${describeKeyResult(kr)}${kr.kind === 'milestone' ? '' : t.expectedToday(formatValue(kr, expectedValue(kr, tree.expected)))}`),
            subtle(last ? t.lastReport(periodLabel(last.period), formatValue(kr, last.value), clip(last.comment, 140)) : t.noLastReport),
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
              maxLength: 2000,
              value: current(ids.comment, stored?.comment),
            },
            ...errorFor('comment'),
            {
              type: 'Input.Text',
              id: ids.evidenceUrl,
              label: t.evidenceLabel,
              placeholder: t.evidencePlaceholder,
              style: 'Url',
              maxLength: 2048,
              value: current(ids.evidenceUrl, stored?.evidenceUrl),
            },
            ...errorFor('evidenceUrl'),
            { type: 'ActionSet', actions: [executeAction(t.saveOne, CHECK_IN_SAVE_ONE, { unitId: unit.id, period, keyResultId: kr.id })] },
          ],
          { spacing: 'Medium', id: `kr:${kr.id}`, ...(fieldErrors.length > 0 ? { style: 'attention' } : {}) },
        ),
      );
    }
  }

  return card(body, [executeAction(t.saveAll, CHECK_IN_SUBMIT, { unitId: unit.id, period }, { style: 'positive' })]);
}
