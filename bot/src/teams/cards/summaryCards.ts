import { formatPercent, okrBotText, periodLabel, periodTitle, quarterLabel, statusLabels, type OkrTreeView } from '@okr/core';
import type { PendingForUnit } from '../../services/checkIns.js';
import { card, container, executeAction, heading, openUrl, subtle, text, type AdaptiveCard, type CardElement, statusColor } from './elements.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

/** Adaptive Cards show at most 6 top-level actions. */
const MAX_ACTIONS = 6;

/** `pendientes`: for each unit the person reports for, every open month with something missing or a correction pending. */
export function pendingCard(pending: PendingForUnit[]): AdaptiveCard {
  const t = okrBotText.pending;
  const body: CardElement[] = [heading(t.title)];
  const actions: CardElement[] = [];
  for (const p of pending) {
    const items: CardElement[] = [text(p.unit.name, { weight: 'Bolder', size: 'Medium' })];
    if (p.note) items.push(subtle(p.note, { isSubtle: false }));
    else if (p.months.length === 0) items.push(text(t.upToDate, { color: 'Good' }));
    for (const m of p.months) {
      const month = periodTitle(m.period);
      if (m.month.state === 'correccion_pedida') items.push(text(t.correction(month), { color: 'Attention', spacing: 'Small' }));
      if (m.missing.length > 0) {
        items.push(text(t.month(month, m.missing.length, m.month.total), { color: 'Warning', spacing: 'Small' }));
        items.push(...m.missing.map((kr) => text(`• ${kr.title}`, { spacing: 'None', size: 'Small' })));
      }
      const label = pending.length > 1 ? t.reportFor(periodLabel(m.period), p.unit.name) : t.report(periodLabel(m.period));
      if (actions.length < MAX_ACTIONS) actions.push(executeAction(label, CHECK_IN_OPEN, { unitId: p.unit.id, period: m.period }));
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
