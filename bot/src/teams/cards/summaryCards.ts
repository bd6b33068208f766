import { formatPercent, okrBotText, periodLabel, periodTitle, quarterLabel, statusLabels, type OkrTreeView } from '@okr/core';
import type { PendingForUnit } from '../../services/checkIns.js';
import { MAX_BUTTONS, card, container, executeAction, heading, openUrl, preview, subtle, text, unitChoice, type AdaptiveCard, type CardElement, statusColor } from './elements.js';
import { CHECK_IN_OPEN } from './simpleCards.js';

/** `pendientes`: for each unit the person reports for, every open month with something missing or a correction pending. */
export function pendingCard(pending: PendingForUnit[]): AdaptiveCard {
  const t = okrBotText.pending;
  const body: CardElement[] = [heading(t.title)];
  // Many units: each month's count, without the list of its key results (that is in its check-in).
  const brief = pending.length > MAX_BUTTONS;
  const buttons: CardElement[] = [];
  for (const p of pending) {
    const items: CardElement[] = [text(p.unit.name, { weight: 'Bolder', size: brief ? 'Default' : 'Medium' })];
    if (p.note) items.push(subtle(p.note, { isSubtle: false }));
    else if (p.months.length === 0) items.push(text(t.upToDate, { color: 'Good', spacing: 'None' }));
    for (const m of p.months) {
      const month = periodTitle(m.period);
      if (m.month.state === 'correccion_pedida') items.push(text(t.correction(month), { color: 'Attention', spacing: 'Small' }));
      if (m.missing.length > 0) {
        items.push(text(t.month(month, m.missing.length, m.month.total), { color: 'Warning', spacing: 'Small' }));
        if (!brief) items.push(...m.missing.slice(0, 9).map((kr) => text(`• ${preview(kr.title, 120)}`, { spacing: 'None', size: 'Small' })));
      }
      const label = pending.length > 1 ? t.reportFor(periodLabel(m.period), p.unit.name) : t.report(periodLabel(m.period));
      buttons.push(executeAction(label, CHECK_IN_OPEN, { unitId: p.unit.id, period: m.period }));
    }
    body.push(container(items, { separator: true, spacing: brief ? 'Small' : 'Medium' }));
  }
  if (buttons.length <= MAX_BUTTONS) return card(body, buttons);
  // More months than buttons: the unit is chosen, and its card opens the month to report now, its other open months one click away.
  const toReport = pending.filter((p) => !p.note && p.months.length > 0).map((p) => p.unit);
  const choice = unitChoice(toReport, (u) => (u ? executeAction(t.reportUnit(u.name), CHECK_IN_OPEN, { unitId: u.id }) : executeAction(t.open, CHECK_IN_OPEN, {}, { style: 'positive' })), t.unitLabel);
  return card([...body, ...choice.body], choice.actions);
}

/** `mis okr`: each of the person's units, its objectives with progress and status, and a link to the tab. */
export const MY_OKR_OPEN = 'myokr.open';

export function myOkrCard(trees: OkrTreeView[], tabUrl: (unitId: string) => string): AdaptiveCard {
  const t = okrBotText.myOkr;
  const body: CardElement[] = [heading(t.title)];
  // Many units: each one's strategic objective only; the chosen unit's card has the rest and its link.
  const brief = trees.length > MAX_BUTTONS;
  const line = (title: string, progress: number, status: keyof typeof statusColor, strong: boolean) =>
    text(`${preview(title, brief ? 90 : 160)} — ${formatPercent(progress)} · ${statusLabels[status]}`, { color: statusColor[status], weight: strong ? 'Bolder' : 'Default', spacing: 'Small' });
  for (const tree of trees) {
    const items: CardElement[] = [text(tree.unit.name, { weight: 'Bolder', size: brief ? 'Default' : 'Medium' })];
    if (!brief) items.push(subtle(quarterLabel(tree.quarter)));
    if (!tree.strategic) items.push(text(t.noSet, { isSubtle: true }));
    else {
      if (tree.institutionalObjective && !brief) items.push(subtle(t.aligned(tree.institutionalObjective.code, preview(tree.institutionalObjective.title, 160))));
      items.push(line(tree.strategic.title, tree.strategic.displayProgress, tree.strategic.status, true));
      if (!brief) {
        for (const o of tree.strategic.children) items.push(line(o.title, o.displayProgress, o.status, false));
        items.push(subtle(t.expected(formatPercent(tree.expected))));
      }
    }
    body.push(container(items, { separator: true, spacing: brief ? 'Small' : 'Medium' }));
  }
  if (trees.length === 0) body.push(text(t.noUnits));
  const choice = unitChoice(
    trees.map((tree) => tree.unit),
    (u) => (u ? openUrl(trees.length > 1 ? t.openUnit(u.name) : t.openTab, tabUrl(u.id)) : executeAction(t.openChosen, MY_OKR_OPEN, {}, { style: 'positive' })),
    t.unitLabel,
  );
  return card([...body, ...choice.body], choice.actions);
}
