import type { IsoDate, Period } from './types.js';
import { businessDaysBetween, isBusinessDay, lastBusinessDaysOfMonth, nextBusinessDay } from './calendar.js';
import { monthEnd, periodOf } from './quarter.js';

/**
 * Which reminders are due, from the procedure's calendar (seed 000, activities 6–7) and the
 * Colombian business days. Pure: the scheduler passes what the store knows and sends what comes back.
 *
 * Every reminder has a key — kind, person, subject, period, step — that the store records when it
 * is sent; a key is sent at most once, so a restart, a crash or two schedulers never double-send,
 * and a day missed while the server was down is caught up once (rules say "on or after").
 */
export type ReminderKind = 'checkin_window' | 'checkin_missing' | 'leader_escalation' | 'eti_digest' | DigestKind | ModuleReminderKind;

/** The kinds of the modules' reminder sources (bot/src/jobs/reminderSources.ts): a module with a reminder adds its kind here. */
export type ModuleReminderKind = 'plan_report' | 'review_digest';

/**
 * Reminders that can be postponed («Recordarme mañana») but not silenced: a month left unreported
 * is followed up until it is reported, and the líder's escalation goes out whatever the enlace does.
 */
export const SNOOZE_ONLY_KINDS: ReadonlySet<ReminderKind> = new Set(['checkin_missing', 'leader_escalation']);

/**
 * Weekly digests of what waits for a person (issue 7): líderes and signers (sets to approve, actas
 * to sign), coaches (sets to review), the OAP (actas' copies late or falling due, units without a
 * plenaria menor). See `waitingDigests`.
 */
export type DigestKind = 'approvals_digest' | 'coach_digest' | 'oap_digest';
export const DIGEST_KINDS: readonly DigestKind[] = ['approvals_digest', 'coach_digest', 'oap_digest'];

/** What a digest's items are about, so its card offers the right buttons. */
export type DigestTopic = 'sets_to_approve' | 'actas_to_sign' | 'sets_to_review' | 'oap_copies' | 'units_without_menor';

export interface ReminderKey {
  kind: ReminderKind;
  personId: string;
  /** The unit it is about, or "entity" for digests. */
  subject: string;
  period: Period;
  step: number;
}

export const reminderKeyString = (k: ReminderKey): string => [k.kind, k.personId, k.subject, k.period, k.step].join('|');

export interface ReminderSettings {
  /** The monthly check-in window: the last N business days of the month. */
  checkInWindowBusinessDays: number;
  /** Escalate to the líder when the unit is this many business days late. */
  escalationBusinessDays: number;
  /** Sending hours in America/Bogota, [from, until). */
  sendFromHour: number;
  sendUntilHour: number;
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  checkInWindowBusinessDays: 3,
  escalationBusinessDays: 3,
  sendFromHour: 8,
  sendUntilHour: 17,
};

/** A unit's reporting state for one month, as the scheduler reads it from the store. */
export interface UnitMonthStatus {
  unitId: string;
  unitName: string;
  period: Period;
  /** Titles of the key results with no check-in for the month. */
  missing: string[];
  total: number;
  /** Closed by the ETI: nothing more to ask. */
  closed: boolean;
  /** Since when it waits for the ETI's review (complete and not reviewed, or corrected); null otherwise. */
  readyForReview: string | null;
  /** What waits for the ETI is a correction (not a first review). */
  corrected: boolean;
  enlaceIds: string[];
  liderIds: string[];
}

export interface DueReminder {
  key: ReminderKey;
  /** What the message says is pending (KR titles or unit names). */
  items: string[];
  unitName: string | null;
  /** Digests: what the items are about (the card's buttons follow). */
  topics?: DigestTopic[];
}

/** Hour and date in Bogotá (UTC−5 all year) of an instant. */
export function bogotaClock(instant: Date): { date: IsoDate; hour: number; minute: number } {
  const local = new Date(instant.getTime() - 5 * 3_600_000);
  return { date: local.toISOString().slice(0, 10), hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

/** Reminders go out only on Colombian business days, between 08:00 and 17:00 in Bogotá. */
export function isSendingTime(instant: Date, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): boolean {
  const { date, hour } = bogotaClock(instant);
  return isBusinessDay(date) && hour >= settings.sendFromHour && hour < settings.sendUntilHour;
}

/** The next instant reminders may be sent (now if within hours), for snoozes and the admin view. */
export function nextSendingTime(instant: Date, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): Date {
  if (isSendingTime(instant, settings)) return instant;
  const { date, hour } = bogotaClock(instant);
  const day = isBusinessDay(date) && hour < settings.sendFromHour ? date : nextBusinessDay(date);
  return new Date(`${day}T${String(settings.sendFromHour + 5).padStart(2, '0')}:00:00.000Z`);
}

/** The business day a "Recordarme mañana" snooze wakes on: the next business day, at the opening hour. */
export function snoozeUntil(instant: Date, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): Date {
  const { date } = bogotaClock(instant);
  return new Date(`${nextBusinessDay(date)}T${String(settings.sendFromHour + 5).padStart(2, '0')}:00:00.000Z`);
}

export function previousPeriodOf(period: Period): Period {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The month being reported on `today`: the current month once its check-in window (its last
 * `windowDays` business days) has opened, else the previous month — whose reports are still
 * coming in. Before its window a month is not due: nothing shows it as missing.
 */
export function reportingPeriod(today: IsoDate, windowDays: number): Period {
  const current = today.slice(0, 7);
  const window = lastBusinessDaysOfMonth(current, windowDays);
  if (window[0] !== undefined && today >= window[0]) return current;
  const [y, m] = current.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The reminders due on `today` (a business day) for the current month's window and the previous
 * month's missing reports. `statuses` holds the units' state for the current and previous month.
 */
export function dueReminders(today: IsoDate, statuses: readonly UnitMonthStatus[], settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS): DueReminder[] {
  if (!isBusinessDay(today)) return [];
  const current = periodOf(today);
  const previous = previousPeriodOf(current);
  const due: DueReminder[] = [];

  // 1. The check-in window of the current month is open: enlaces of units with something missing.
  const window = lastBusinessDaysOfMonth(current, settings.checkInWindowBusinessDays);
  if (window[0] !== undefined && today >= window[0]) {
    for (const s of statuses.filter((x) => x.period === current && !x.closed && x.missing.length > 0)) {
      for (const personId of s.enlaceIds) {
        due.push({ key: { kind: 'checkin_window', personId, subject: s.unitId, period: current, step: 0 }, items: s.missing, unitName: s.unitName });
      }
    }
  }

  // 2. The previous month ended with reports missing: enlaces from its first business day after,
  //    the líder once the unit is N business days late, and one digest for each ETI member.
  const late = businessDaysBetween(monthEnd(previous), today);
  const behind = statuses.filter((x) => x.period === previous && !x.closed && x.missing.length > 0);
  if (late >= 1) {
    for (const s of behind) {
      for (const personId of s.enlaceIds) {
        due.push({ key: { kind: 'checkin_missing', personId, subject: s.unitId, period: previous, step: 1 }, items: s.missing, unitName: s.unitName });
      }
    }
  }
  if (late >= settings.escalationBusinessDays) {
    for (const s of behind) {
      for (const personId of s.liderIds) {
        due.push({ key: { kind: 'leader_escalation', personId, subject: s.unitId, period: previous, step: 2 }, items: s.missing, unitName: s.unitName });
      }
    }
  }
  return due;
}

/** The ETI digest: units still missing reports of the previous month, once per ETI member and month. */
export function etiDigest(today: IsoDate, statuses: readonly UnitMonthStatus[], etiIds: readonly string[]): DueReminder[] {
  if (!isBusinessDay(today)) return [];
  const previous = previousPeriodOf(periodOf(today));
  if (businessDaysBetween(monthEnd(previous), today) < 1) return [];
  const behind = statuses.filter((x) => x.period === previous && !x.closed && x.missing.length > 0).map((s) => `${s.unitName} (faltan ${s.missing.length} de ${s.total})`);
  if (behind.length === 0) return [];
  return etiIds.map((personId) => ({ key: { kind: 'eti_digest', personId, subject: 'entity', period: previous, step: 0 }, items: behind, unitName: null }));
}

/** Day number of the week, Monday 0 … Sunday 6. */
const weekdayIndex = (date: IsoDate): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

/**
 * The day a weekly digest is due in the week (Monday to Sunday) of `today`: the week's first business
 * day — Monday, or the next business day when Monday is a holiday. Null on a day that is not a
 * business day, and in a week with no business day at all.
 */
export function weeklyDigestDay(today: IsoDate): IsoDate | null {
  if (!isBusinessDay(today)) return null;
  const monday = new Date(Date.parse(`${today}T00:00:00Z`) - weekdayIndex(today) * 86_400_000).toISOString().slice(0, 10);
  const first = isBusinessDay(monday) ? monday : nextBusinessDay(monday);
  return first <= today ? first : null;
}

/** What waits for one person, as the planner gathers it for a digest. */
export interface DigestWaiting {
  kind: DigestKind;
  personId: string;
  /** One short line per thing that waits ("Set de OKR 2027-T1 de …: por aprobar"). */
  items: string[];
  topics: DigestTopic[];
}

/**
 * The weekly digests due on `today`: once a week, on the week's first business day, and — "on or
 * after", like the other reminders — on any later business day of the same week that has not sent
 * it yet (a server down on Monday sends it on Tuesday, once). The key's period is the month of that
 * first business day and its step its day of the month, so each week has its own key and it falls
 * in the current or previous month the scheduler reads from the log. An empty digest is never due.
 */
export function waitingDigests(today: IsoDate, waiting: readonly DigestWaiting[]): DueReminder[] {
  const day = weeklyDigestDay(today);
  if (!day) return [];
  const period = periodOf(day);
  const step = Number(day.slice(8, 10));
  return waiting
    .filter((w) => w.items.length > 0)
    .map((w) => ({ key: { kind: w.kind, personId: w.personId, subject: 'entity', period, step }, items: w.items, unitName: null, topics: w.topics }));
}
