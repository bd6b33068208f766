import { okrBotText, roleLabels, shellBotText, type Person, type RoleAssignment, type Unit } from '@okr/core';
import type { HelpLine } from '../handlers.js';
import { card, executeAction, facts, heading, subtle, text, unitChoice, type AdaptiveCard } from './elements.js';

export const CHECK_IN_OPEN = 'checkin.open';

/** What the bot understands, for `ayuda`: the help lines every module's commands declare. */
export function helpCard(lines: readonly HelpLine[]): AdaptiveCard {
  const t = shellBotText.help;
  return card([heading(t.title), text(t.intro), facts(lines.map((l): [string, string] => [l.command, l.description])), subtle(t.footer)]);
}

export function welcomeCard(person: Person | null, roles: RoleAssignment[], units: Unit[]): AdaptiveCard {
  if (!person) return notRegisteredCard();
  const t = shellBotText.welcome;
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? id) : null);
  const lines = roles.map((r) => t.role(roleLabels[r.role], unitName(r.unitId), t.whatIDo[r.role]));
  return card([heading(t.hello(person.name.split(' ')[0]!)), text(t.intro), text(t.roles(lines)), text(t.next)]);
}

export function notRegisteredCard(): AdaptiveCard {
  const t = shellBotText.notRegistered;
  return card([heading(t.title), text(t.who), text(t.what)]);
}

export function messageCard(title: string, message: string): AdaptiveCard {
  return card([heading(title), text(message)]);
}

/** A person who reports for several units picks one first. */
export function chooseUnitCard(units: Unit[]): AdaptiveCard {
  const t = okrBotText.chooseUnit;
  const choice = unitChoice(units, (u) => (u ? executeAction(u.name, CHECK_IN_OPEN, { unitId: u.id }) : executeAction(t.open, CHECK_IN_OPEN, {}, { style: 'positive' })), t.unitLabel);
  return card([heading(t.title), text(t.text), ...choice.body], choice.actions);
}
