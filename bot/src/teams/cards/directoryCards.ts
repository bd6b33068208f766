import { directoryBotText, formatDate, quarterLabel, periodLabel, roleLabels, setStateLabels, type OkrSetState, type Person, type QuarterId } from '@okr/core';
import { card, heading, openUrl, text, type AdaptiveCard } from './elements.js';

/** What the welcome card lists as pending for the unit. */
export interface WelcomePending {
  quarter: QuarterId;
  setState: OkrSetState | null;
  period: string;
  /** Key results of the active set without this month's check-in (null: no active set). */
  missingCheckIns: { missing: number; total: number } | null;
}

/** The welcome card of a new enlace: their role and unit since when, what is pending, a link to the unit's OKRs. */
export function enlaceWelcomeCard(person: Person, unitName: string, from: string, pending: WelcomePending, tabUrl: string): AdaptiveCard {
  const t = directoryBotText.welcome;
  const lines = [
    pending.setState ? t.set(quarterLabel(pending.quarter), setStateLabels[pending.setState]) : t.noSet(quarterLabel(pending.quarter)),
    ...(pending.missingCheckIns && pending.missingCheckIns.missing > 0 ? [t.missingCheckIns(periodLabel(pending.period), pending.missingCheckIns.missing, pending.missingCheckIns.total)] : []),
  ];
  return card(
    [
      heading(t.title(person.name.split(' ')[0]!)),
      text(t.intro(roleLabels.enlace, unitName, formatDate(from))),
      text(t.pendingTitle, { weight: 'Bolder' }),
      text(lines.map((l) => `• ${l}`).join('\n\n')),
      text(t.commands),
    ],
    [openUrl(t.openTab, tabUrl)],
  );
}
