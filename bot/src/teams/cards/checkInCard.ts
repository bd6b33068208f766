import { formatPercent, periodLabel, type CheckInError } from '@okr/core';
import type { CheckInForm } from '../../services/checkIns.js';
import { attention, card, container, executeAction, heading, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
import { describeKeyResult, describeLast } from './format.js';

export const CHECK_IN_SUBMIT = 'checkin.submit';

/** Input ids of one KR's fields on the card. */
export const inputIds = (keyResultId: string) => ({
  value: `value:${keyResultId}`,
  comment: `comment:${keyResultId}`,
  evidenceUrl: `evidence:${keyResultId}`,
});

/** What the person typed, keyed by input id, to put back on the card after an error. */
export type TypedValues = Record<string, unknown>;

function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  return String(v);
}

/**
 * The monthly check-in card: the unit's key results grouped by tactical objective, each with its
 * target, last report and expected progress, and three inputs (value, comment, evidence link).
 * Built again with `errors` and the typed values when validation fails.
 */
export function checkInCard(form: CheckInForm, opts: { errors?: CheckInError[]; typed?: TypedValues } = {}): AdaptiveCard {
  const { unit, period, tree, thisMonth } = form;
  const errors = opts.errors ?? [];
  const typed = opts.typed ?? {};
  const krCount = form.bundle.keyResults.length;
  const missing = form.bundle.keyResults.filter((kr) => !thisMonth.has(kr.id)).length;

  const body: CardElement[] = [
    heading(`Check-in de ${periodLabel(period)}`),
    text(unit.name, { weight: 'Bolder', spacing: 'None' }),
    subtle(
      missing === 0
        ? `Ya reportaste los ${krCount} resultados clave este mes; puedes corregirlos antes del cierre.`
        : `Faltan ${missing} de ${krCount} resultados clave por reportar este mes. Progreso esperado hoy: ${formatPercent(tree.expected)}.`,
    ),
  ];
  if (errors.length > 0) {
    body.push(
      container(
        [
          text(`Revisa ${errors.length === 1 ? 'un campo' : `${errors.length} campos`} antes de guardar. No se guardó nada.`, { weight: 'Bolder', color: 'Attention' }),
          ...errors.map((e) => attention(`• ${e.message}`, { spacing: 'Small' })),
        ],
        { style: 'attention', id: 'errorSummary' },
      ),
    );
  }

  for (const objective of tree.strategic?.children ?? []) {
    body.push(text(objective.title, { size: 'Medium', weight: 'Bolder', separator: true, spacing: 'Large' }));
    for (const kr of objective.keyResults) {
      const ids = inputIds(kr.id);
      const stored = thisMonth.get(kr.id);
      const fieldErrors = errors.filter((e) => e.keyResultId === kr.id);
      const errorFor = (field: CheckInError['field']) => fieldErrors.filter((e) => e.field === field).map((e) => attention(e.message, { spacing: 'None' }));
      const current = (id: string, fallback: unknown) => str(id in typed ? typed[id] : fallback);
      const valueInput: CardElement =
        kr.kind === 'milestone'
          ? {
              type: 'Input.ChoiceSet',
              id: ids.value,
              label: 'Estado del hito',
              style: 'compact',
              value: current(ids.value, stored?.value ?? kr.latest?.value ?? 0),
              choices: [
                { title: 'Cumplido', value: '1' },
                { title: 'No cumplido', value: '0' },
              ],
            }
          : {
              type: 'Input.Text',
              id: ids.value,
              label: kr.kind === 'percentage' ? 'Avance (%)' : `Avance (${kr.unitOfMeasure})`,
              placeholder: kr.kind === 'percentage' ? 'Entre 0 y 100, p. ej. 45' : `Valor en ${kr.unitOfMeasure}, p. ej. ${kr.target}`,
              value: current(ids.value, stored?.value),
            };
      body.push(
        container(
          [
            text(kr.title, { weight: 'Bolder' }),
            subtle(`${describeKeyResult(kr)} · ${describeLast(kr, kr.latest)}`),
            valueInput,
            ...errorFor('value'),
            {
              type: 'Input.Text',
              id: ids.comment,
              label: 'Comentario del avance',
              placeholder: 'Qué se logró este mes, con cifras',
              isMultiline: true,
              maxLength: 2000,
              value: current(ids.comment, stored?.comment),
            },
            ...errorFor('comment'),
            {
              type: 'Input.Text',
              id: ids.evidenceUrl,
              label: 'Enlace a la evidencia (https)',
              placeholder: 'https://…sharepoint.com/…',
              style: 'Url',
              value: current(ids.evidenceUrl, stored?.evidenceUrl),
            },
            ...errorFor('evidenceUrl'),
          ],
          { spacing: 'Medium', ...(fieldErrors.length > 0 ? { style: 'attention' } : {}) },
        ),
      );
    }
  }

  return card(body, [executeAction('Guardar check-in', CHECK_IN_SUBMIT, { unitId: unit.id, period }, { style: 'positive' })]);
}
