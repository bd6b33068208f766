import { formatPercent, periodLabel, statusLabels, type OkrTreeView, type Period } from '@okr/core';
import type { SavedCheckIn } from '../../store/Store.js';
import { card, container, heading, openUrl, subtle, text, type AdaptiveCard, type CardElement, statusColor } from './elements.js';
import { formatValue } from './format.js';

/** Replaces the check-in card once saved: each KR's new progress and status, and the objectives' roll-up. */
export function checkInSavedCard(args: { tree: OkrTreeView; period: Period; saved: SavedCheckIn[]; tabUrl: string }): AdaptiveCard {
  const { tree, period, saved } = args;
  const changed = saved.filter((s) => s.outcome !== 'unchanged').length;
  const savedIds = new Set(saved.map((s) => s.checkIn.keyResultId));
  const body: CardElement[] = [
    heading(`✅ Check-in de ${periodLabel(period)} guardado`),
    text(tree.unit.name, { weight: 'Bolder', spacing: 'None' }),
    subtle(
      changed === 0
        ? 'No había cambios: este check-in ya estaba guardado tal cual.'
        : `Se guardaron ${changed} ${changed === 1 ? 'resultado clave' : 'resultados clave'}. Progreso esperado hoy: ${formatPercent(tree.expected)}.`,
    ),
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
    for (const kr of objective.keyResults.filter((k) => savedIds.has(k.id))) {
      rows.push(
        text(`${kr.title}`, { spacing: 'Small' }),
        subtle(
          `${kr.latest ? formatValue(kr, kr.latest.value) : '—'} · Progreso ${formatPercent(kr.progress ?? 0)} · ${statusLabels[kr.status]}`,
          { color: statusColor[kr.status], isSubtle: false },
        ),
      );
    }
    body.push(container(rows));
  }
  return card(body, [openUrl('Ver el árbol de OKR', args.tabUrl)]);
}
