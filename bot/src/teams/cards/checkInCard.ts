import { formatPercent, periodLabel, type CheckInError } from '@okr/core';
import type { CheckInForm } from '../../services/checkIns.js';
import { attention, card, container, executeAction, heading, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
import { describeKeyResult, formatValue } from './format.js';

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

  const body: CardElement[] = [
    heading(`Check-in de ${periodLabel(period)}`),
    text(unit.name, { weight: 'Bolder', spacing: 'None' }),
    subtle(`Progreso esperado hoy: ${formatPercent(tree.expected)} del trimestre. Puedes guardar cada resultado clave por separado; lo que guardes no se pierde.`),
    text(
      missing.length === 0
        ? `Ya reportaste los ${krCount} resultados clave este mes; puedes corregirlos hasta que el equipo ETI cierre el mes.`
        : `Faltan ${missing.length} de ${krCount} resultados clave por reportar este mes.`,
      { weight: 'Bolder', color: missing.length === 0 ? 'Good' : 'Warning', id: 'missingSummary' },
    ),
  ];
  if (opts.notice) body.push(container([text(opts.notice, { color: 'Good', weight: 'Bolder' })], { style: 'good', id: 'notice' }));
  if (form.review?.state === 'correction_requested') {
    body.push(container([text(`El equipo ETI pidió una corrección: ${form.review.note ?? 'revisa los reportes del mes.'}`, { color: 'Warning' })], { style: 'warning' }));
  }
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
      const last = previous.get(kr.id);
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
              value: current(ids.value, stored?.value ?? last?.value ?? 0),
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
            subtle(`${describeKeyResult(kr)}${kr.kind === 'milestone' ? '' : ` · esperado hoy: ${formatValue(kr, expectedValue(kr, tree.expected))}`}`),
            subtle(last ? `Último reporte (${periodLabel(last.period)}): ${formatValue(kr, last.value)} — «${clip(last.comment, 140)}»` : 'Sin reporte del mes anterior.'),
            stored
              ? text(`✅ Reportado este mes: ${formatValue(kr, stored.value)}${stored.version > 1 ? ` (editado ${stored.version - 1} ${stored.version === 2 ? 'vez' : 'veces'})` : ''}`, { color: 'Good', size: 'Small' })
              : text('Pendiente este mes', { color: 'Warning', size: 'Small' }),
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
              maxLength: 2048,
              value: current(ids.evidenceUrl, stored?.evidenceUrl),
            },
            ...errorFor('evidenceUrl'),
            { type: 'ActionSet', actions: [executeAction('Guardar este resultado', CHECK_IN_SAVE_ONE, { unitId: unit.id, period, keyResultId: kr.id })] },
          ],
          { spacing: 'Medium', id: `kr:${kr.id}`, ...(fieldErrors.length > 0 ? { style: 'attention' } : {}) },
        ),
      );
    }
  }

  return card(body, [executeAction('Guardar todo', CHECK_IN_SUBMIT, { unitId: unit.id, period }, { style: 'positive' })]);
}
