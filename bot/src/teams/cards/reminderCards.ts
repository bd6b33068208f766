import { formatDateTime, DIGEST_KINDS, periodLabel, reminderKindLabels, remindersBotText, SNOOZE_ONLY_KINDS, type DigestKind, type ReminderKind } from '@okr/core';
import type { PlannedReminder } from '../../jobs/reminderPlan.js';
import type { AdminRemindersView, PersonRemindersView } from '../../services/reminders.js';
import type { ReminderLogEntry } from '../../store/Store.js';
import { attention, card, container, executeAction, heading, openUrl, preview, subtle, text, type AdaptiveCard, type CardElement } from './elements.js';
import { CHECK_IN_OPEN } from './simpleCards.js';
import { sourceOf } from '../../jobs/reminderSources.js';
import type { TabLinks } from '../tabLinks.js';

export const REMINDER_SNOOZE = 'reminder.snooze';
export const REMINDERS_MUTE = 'reminders.mute';
export const REMINDERS_PAUSE = 'reminders.pause';
export const REMINDERS_RETRY = 'reminders.retry';
export const REMINDERS_ADMIN = 'reminders.admin';

const bogota = (d: Date | string) => formatDateTime(d, 'weekdayNoYear');

const t = remindersBotText;

/** A kind's name and description: the catalogue's, or its module's reminder source's. */
const kindLabel = (kind: ReminderKind): { title: string; detail: string } =>
  sourceOf(kind)?.kinds.find((k) => k.kind === kind)?.label ?? reminderKindLabels[kind as keyof typeof reminderKindLabels];

const MAX_ITEMS = 9;
/** Digests list a few more lines before «…y N más» (their lines are what the card is for). */
const MAX_DIGEST_ITEMS = 10;
const list = (items: string[], max = MAX_ITEMS): CardElement[] => [
  ...items.slice(0, max).map((i) => text(`• ${preview(i, 200)}`, { spacing: 'None', size: 'Small' })),
  ...(items.length > max ? [subtle(t.reminder.more(items.length - max))] : []),
];
/** At most this many lines per list on the settings and administration cards; «…y N más» after. */
const LISTED = 10;
const capped = <T>(items: readonly T[], line: (item: T) => CardElement): CardElement[] => [...items.slice(0, LISTED).map(line), ...(items.length > LISTED ? [subtle(t.reminder.more(items.length - LISTED))] : [])];

/**
 * A button that does exactly what typing `command` in the chat does (Teams' `imBack`: the text is
 * posted as the person's message, and the bot answers it as any typed command, with all its cards).
 */
export const typedCommandAction = (title: string, command: string): CardElement => ({ type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: command } } });

/**
 * The proactive reminder: what is missing or waiting, the next step one click away, and «Recordarme
 * mañana». `tabUrl`: the OKR tab, for the OAP digest's button; `links`: links to the tab, for a
 * module's reminder (its source says what the card opens).
 */
export function reminderCard(r: PlannedReminder, opts: { tabUrl?: string; links?: TabLinks } = {}): AdaptiveCard {
  const month = periodLabel(r.key.period);
  const said = t.reminder;
  const source = sourceOf(r.key.kind);
  const opening = source ? source.opening(r) : said.kinds[r.key.kind as keyof typeof said.kinds](month, r.unitName ?? '', r.items.length);
  const body: CardElement[] = [heading(opening.title), text(opening.text)];
  const digest = DIGEST_KINDS.includes(r.key.kind as DigestKind);
  body.push(...list(r.items, digest ? MAX_DIGEST_ITEMS : MAX_ITEMS));
  const topics = r.topics ?? [];
  const commands = [topics.includes('sets_to_approve') || topics.includes('sets_to_review') ? 'revisar' : null, topics.includes('actas_to_sign') ? 'actas' : null].filter((c) => c !== null);
  if (commands.length) body.push(subtle(said.alsoType(commands), { spacing: 'Small' }));
  if (r.snoozed) body.push(subtle(said.snoozedAgain));
  body.push(subtle(said.settings));
  const keyData = { kind: r.key.kind, personId: r.key.personId, subject: r.key.subject, period: r.key.period, step: r.key.step };
  const actions: CardElement[] = [];
  if (source) {
    if (opts.links) {
      const open = source.open(r, opts.links);
      actions.push(openUrl(open.title, open.url));
    }
  } else if (r.key.kind === 'eti_digest') actions.push(executeAction(said.viewReminders, REMINDERS_ADMIN, {}));
  else if (digest) {
    if (topics.includes('sets_to_approve')) actions.push(typedCommandAction(said.approveSets, 'revisar'));
    if (topics.includes('sets_to_review')) actions.push(typedCommandAction(said.reviewSets, 'revisar'));
    if (topics.includes('actas_to_sign')) actions.push(typedCommandAction(said.signActas, 'actas'));
    if (r.key.kind === 'oap_digest' && opts.tabUrl) actions.push(openUrl(said.openTab, opts.tabUrl));
  } else actions.push(executeAction(said.openCheckIn, CHECK_IN_OPEN, { unitId: r.key.subject, period: r.key.period }));
  actions.push(executeAction(said.snooze, REMINDER_SNOOZE, keyData));
  return card(body, actions);
}

export function snoozedCard(until: Date): AdaptiveCard {
  return card([heading(t.snoozed.title), text(t.snoozed.text(bogota(until)))]);
}

const describe = (r: Pick<PlannedReminder, 'key' | 'unitName'>) =>
  `${kindLabel(r.key.kind).title}${r.unitName ? ` · ${preview(r.unitName, 80)}` : ''} · ${periodLabel(r.key.period)}`;
/** A sent reminder: its kind, what it was about (the unit's name, not its id) and its month. */
const describeLog = (e: ReminderLogEntry, unitNames: ReadonlyMap<string, string>) =>
  `${kindLabel(e.kind).title} · ${e.subject === 'entity' ? t.wholeEntity : preview(unitNames.get(e.subject) ?? e.subject, 80)} · ${periodLabel(e.period)}`;

/** `recordatorios`: the person's upcoming and recent reminders, and a switch per kind. */
export function myRemindersCard(view: PersonRemindersView, isAdmin: boolean, unitNames: ReadonlyMap<string, string>): AdaptiveCard {
  const said = t.mine;
  const body: CardElement[] = [heading(said.title)];
  const actions: CardElement[] = [];
  if (view.kinds.length === 0) body.push(text(said.noKinds));
  for (const kind of view.kinds) {
    const snoozeOnly = SNOOZE_ONLY_KINDS.has(kind);
    const muted = !snoozeOnly && view.muted.includes(kind);
    body.push(
      container(
        [
          text(said.kind(kindLabel(kind).title, muted), { weight: 'Bolder' }),
          subtle(kindLabel(kind).detail),
          snoozeOnly ? subtle(said.snoozeOnly, { spacing: 'Small' }) : { type: 'ActionSet', actions: [executeAction(muted ? said.activate : said.mute, REMINDERS_MUTE, { kind, muted: !muted })] },
        ],
        { separator: true },
      ),
    );
  }
  body.push(text(said.upcoming, { weight: 'Bolder', spacing: 'Large' }));
  const upcoming = view.upcoming.filter((r) => SNOOZE_ONLY_KINDS.has(r.key.kind) || !view.muted.includes(r.key.kind));
  if (upcoming.length === 0 && view.snoozes.length === 0) body.push(subtle(said.noUpcoming));
  body.push(...capped(upcoming, (r) => text(`• ${describe(r)} — ${bogota(view.nextSendingAt)}`, { size: 'Small', spacing: 'None' })));
  body.push(...capped(view.snoozes, (s) => text(`• ${kindLabel(s.key.kind).title} · ${periodLabel(s.key.period)} — ${said.snoozedUntil(bogota(s.until))}`, { size: 'Small', spacing: 'None' })));
  body.push(text(said.sent, { weight: 'Bolder', spacing: 'Large' }));
  const sent = view.recent.filter((e) => e.state === 'sent');
  if (sent.length === 0) body.push(subtle(said.noneSent));
  body.push(...capped(sent, (e) => text(`• ${describeLog(e, unitNames)} — ${bogota(e.sentAt!)}`, { size: 'Small', spacing: 'None' })));
  if (isAdmin) actions.push(executeAction(said.admin, REMINDERS_ADMIN, {}));
  return card(body, actions);
}

/** The ETI's view: the switch, what goes out next, what went out, who cannot be reached, what is uncertain. */
export function remindersAdminCard(view: AdminRemindersView, names: ReadonlyMap<string, string>, unitNames: ReadonlyMap<string, string>): AdaptiveCard {
  const who = (id: string | null) => preview(id ? names.get(id) ?? id : '', 80);
  const said = t.admin;
  const body: CardElement[] = [heading(said.title)];
  body.push(view.control.paused ? attention(said.paused(who(view.control.actorId), bogota(view.control.at!)), { size: 'Default' }) : text(said.active(bogota(view.nextSendingAt))));
  const section = (title: string, items: CardElement[], empty: string) => {
    body.push(container([text(title, { weight: 'Bolder' }), ...(items.length ? items : [subtle(empty)])], { separator: true, spacing: 'Medium' }));
  };
  const byKind = new Map<ReminderKind, number>();
  for (const r of view.upcoming) byKind.set(r.key.kind, (byKind.get(r.key.kind) ?? 0) + 1);
  section(
    said.toSend(view.upcoming.length),
    [...byKind].map(([kind, n]) => text(`• ${kindLabel(kind).title}: ${n}`, { size: 'Small', spacing: 'None' })),
    said.nothingToSend,
  );
  section(
    said.unreachable(view.unreachable.length),
    capped(view.unreachable, (p) => text(`• ${preview(p.name, 80)} (${preview(p.email, 80)})`, { size: 'Small', spacing: 'None' })).concat(
      view.unreachable.length ? [subtle(said.unreachableHint)] : [],
    ),
    said.allReachable,
  );
  const retryable = (e: ReminderLogEntry, note: string): CardElement =>
    container(
      [
        text(`${who(e.personId)} — ${describeLog(e, unitNames)}`, { size: 'Small' }),
        subtle(note),
        { type: 'ActionSet', actions: [executeAction(said.resend, REMINDERS_RETRY, { key: e.key })] },
      ],
      { spacing: 'Small' },
    );
  section(
    said.uncertain(view.uncertain.length),
    capped(view.uncertain, (e) => retryable(e, said.uncertainNote(bogota(e.claimedAt)))),
    said.none,
  );
  section(
    said.failed(view.failed.length),
    capped(view.failed, (e) => retryable(e, said.failedNote(e.attempts, preview(e.error ?? '', 160)))),
    said.none,
  );
  section(
    said.sent,
    capped(view.recent, (e) => text(`• ${who(e.personId)} — ${describeLog(e, unitNames)} — ${bogota(e.sentAt!)}`, { size: 'Small', spacing: 'None' })),
    said.noneSent,
  );
  return card(body, [
    view.control.paused
      ? executeAction(said.resume, REMINDERS_PAUSE, { paused: false })
      : executeAction(said.pause, REMINDERS_PAUSE, { paused: true }),
    executeAction(said.refresh, REMINDERS_ADMIN, {}),
  ]);
}
