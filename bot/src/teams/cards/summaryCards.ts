import { formatPercent, okrBotText, periodLabel, quarterLabel, statusLabels, type OkrTreeView } from '@okr/core';
import type { PendingForUnit } from '../../services/checkIns.js';
import { card, container, executeAction, heading, openUrl, subtle, text, type AdaptiveCard, type CardElement, statusColor } from './elements.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

/** `pendientes`: what is still missing this month, per unit the person reports for. */
export function pendingCard(pending: PendingForUnit[]): AdaptiveCard {
  const t = okrBotText.pending;
  const period = pending[0]?.period;
  const body: CardElement[] = [heading(t.title(period ? periodLabel(period) : null))];
  const actions: CardElement[] = [];
  for (const p of pending) {
    const items: CardElement[] = [text(p.unit.name, { weight: 'Bolder', size: 'Medium' })];
    if (p.note) items.push(subtle(p.note, { isSubtle: false }));
    else if (p.missing.length === 0) items.push(text(t.upToDate(p.total), { color: 'Good' }));
    else {
      items.push(text(t.missing(p.missing.length, p.total), { color: 'Warning' }));
      items.push(...p.missing.map((kr) => text(`• ${kr.title}`, { spacing: 'None', size: 'Small' })));
      actions.push(executeAction(pending.length > 1 ? t.reportFor(p.unit.name) : t.open, CHECK_IN_OPEN, { unitId: p.unit.id }));
    }
    body.push(container(items, { separator: true, spacing: 'Medium' }));
  }
  return card(body, actions);
}

/** `mis okr`: each of the person's units, its objectives with progress and status, and a link to the tab. */
export function myOkrCard(trees: OkrTreeView[], tabUrl: (unitId: string) => string): AdaptiveCard {
  const t = okrBotText.myOkr;
  const body: CardElement[] = [heading(t.title)];
  const actions: CardElement[] = [];
  for (const tree of trees) {
    const items: CardElement[] = [text(tree.unit.name, { weight: 'Bolder', size: 'Medium' }), subtle(quarterLabel(tree.quarter))];
    if (!tree.strategic) items.push(text(t.noSet, { isSubtle: true }));
    else {
      if (tree.institutionalObjective) items.push(subtle(t.aligned(tree.institutionalObjective.code, tree.institutionalObjective.title)));
      const line = (title: string, progress: number, status: keyof typeof statusColor, strong: boolean) =>
        text(`${title} — ${formatPercent(progress)} · ${statusLabels[status]}`, { color: statusColor[status], weight: strong ? 'Bolder' : 'Default', spacing: 'Small' });
      items.push(line(tree.strategic.title, tree.strategic.displayProgress, tree.strategic.status, true));
      for (const o of tree.strategic.children) items.push(line(o.title, o.displayProgress, o.status, false));
      items.push(subtle(t.expected(formatPercent(tree.expected))));
    }
    body.push(container(items, { separator: true, spacing: 'Medium' }));
    actions.push(openUrl(trees.length > 1 ? t.openUnit(tree.unit.name) : t.openTab, tabUrl(tree.unit.id)));
  }
  if (trees.length === 0) body.push(text(t.noUnits));
  return card(body, actions);
}
