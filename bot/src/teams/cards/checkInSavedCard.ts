import { formatPercent, okrBotText, periodLabel, statusLabels, unitMonthStateForUnit } from '@okr/core';
import type { CheckInForm } from '../../services/checkIns.js';
import type { SavedCheckIn } from '../../store/Store.js';
import { card, container, executeAction, heading, openUrl, subtle, text, type AdaptiveCard, type CardElement, statusColor } from './elements.js';
import { formatValue } from './format.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

/** Replaces the check-in card once the month is complete: each KR's new progress and status, and the objectives' roll-up. */
export function checkInSavedCard(args: { form: CheckInForm; saved: SavedCheckIn[]; tabUrl: string }): AdaptiveCard {
  const { form, saved } = args;
  const { tree, period, thisMonth } = form;
  const t = okrBotText.saved;
  const changed = saved.filter((s) => s.outcome !== 'unchanged').length;
  const body: CardElement[] = [
    heading(t.title(periodLabel(period))),
    text(tree.unit.name, { weight: 'Bolder', spacing: 'None' }),
    subtle(changed === 0 ? t.unchanged : t.summary(changed, thisMonth.size, formatPercent(tree.expected))),
    // Complete: the ETI reviews it now (seed 000: "el delegado/enlace notificará al equipo ETI").
    text(unitMonthStateForUnit[form.month.state], { color: 'Accent', weight: 'Bolder', id: 'reviewState' }),
  ];
  if (tree.strategic) {
    body.push(
      text(`${tree.strategic.title}: ${formatPercent(tree.strategic.displayProgress)} · ${statusLabels[tree.strategic.status]}`, {
        weight: 'Bolder',
        color: statusColor[tree.strategic.status],
        separator: true,
      }),
    );
  }
  for (const objective of tree.strategic?.children ?? []) {
    const rows: CardElement[] = [
      text(`${objective.title} — ${formatPercent(objective.displayProgress)} · ${statusLabels[objective.status]}`, { weight: 'Bolder', spacing: 'Medium' }),
    ];
    for (const kr of objective.keyResults.filter((k) => thisMonth.has(k.id))) {
      rows.push(
        text(kr.title, { spacing: 'Small' }),
        subtle(t.keyResult(formatValue(kr, thisMonth.get(kr.id)!.value), formatPercent(kr.progress ?? 0), statusLabels[kr.status]), {
          color: statusColor[kr.status],
          isSubtle: false,
        }),
      );
    }
    body.push(container(rows));
  }
  return card(body, [openUrl(t.viewTree, args.tabUrl), executeAction(t.correct, CHECK_IN_OPEN, { unitId: tree.unit.id, period })]);
}
