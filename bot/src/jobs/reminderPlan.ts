import {
  bogotaClock,
  DEFAULT_REMINDER_SETTINGS,
  dueReminders,
  etiDigest,
  isCancelled,
  periodOf,
  previousPeriodOf,
  previousQuarter,
  quarterOf,
  reminderKeyString,
  SNOOZE_ONLY_KINDS,
  storedPlenariaProblem,
  unitMonth,
  waitingDigests,
  weeklyDigestDay,
  whatWaits,
  type DigestWaiting,
  type DueReminder,
  type IsoDate,
  type Period,
  type ReminderKey,
  type ReminderSettings,
  type RoleAssignment,
  type Unit,
  type UnitMonthStatus,
} from '@okr/core';
import type { Logger } from 'pino';
import type { ActasPort, DirectoryPort, EntityQuarterData, OkrPort, ReminderLogEntry, ReviewPort, Store } from '../store/Store.js';
import { REMINDER_SOURCES } from './reminderSources.js';

/** What the reminder plan reads (and the scheduler and the reminders service, which run it, use): every module's ports, for the modules' reminder sources. */
export type ReminderPlanStore = Store;

/** Snoozed reminders come back with a new key: the step moves by this much per snooze. */
export const SNOOZE_STEP = 100;

/** The key a reminder snoozed `count` times comes back with. */
export const snoozedKey = (key: ReminderKey, count: number): ReminderKey => ({ ...key, step: baseStep(key.step) + SNOOZE_STEP * count });
/** The reminder a (possibly snoozed) key belongs to. */
export const baseKey = (key: ReminderKey): ReminderKey => ({ ...key, step: baseStep(key.step) });
const baseStep = (step: number) => step % SNOOZE_STEP;

/** A reminder due now, with what the planner knows about it. */
export interface PlannedReminder extends DueReminder {
  id: string;
  /** Back from a «Recordarme mañana». */
  snoozed: boolean;
  /** Muted by the person. */
  muted: boolean;
  /** The bot has a conversation reference for the person. */
  reachable: boolean;
  /** Its entry in the log, if a scheduler already took it. */
  log: ReminderLogEntry | null;
}

export interface ReminderPlan {
  today: IsoDate;
  reminders: PlannedReminder[];
}

/**
 * Units' reporting state for the current and the previous month, read from the store (with the
 * units and roles it read): what is missing, whether the ETI closed it, and whether it waits for
 * the ETI's review (core's `unitMonth`).
 */
export async function loadUnitMonthStatuses(store: DirectoryPort & OkrPort & ReviewPort, today: IsoDate): Promise<{ statuses: UnitMonthStatus[]; etiIds: string[]; units: Unit[]; roles: RoleAssignment[] }> {
  const current = periodOf(today);
  const periods: Period[] = [previousPeriodOf(current), current];
  const [units, roles, reviews] = await Promise.all([store.listUnits(), store.listRoles(), store.listMonthReviews({ periods })]);
  const quarters = new Map<string, EntityQuarterData>();
  for (const p of periods) {
    const q = quarterOf(`${p}-01`);
    if (!quarters.has(q)) quarters.set(q, await store.loadEntityQuarter(q));
  }
  const statuses: UnitMonthStatus[] = [];
  for (const period of periods) {
    const data = quarters.get(quarterOf(`${period}-01`))!;
    for (const unit of units) {
      const bundle = data.bundles.find((b) => b.set.unitId === unit.id);
      if (!bundle || bundle.set.state !== 'active') continue;
      const mine = data.checkIns.filter((c) => c.unitId === unit.id && c.period === period);
      const reported = new Set(mine.map((c) => c.keyResultId));
      const missing = bundle.keyResults.filter((kr) => !reported.has(kr.id)).map((kr) => kr.title);
      const review = reviews.find((r) => r.unitId === unit.id && r.period === period) ?? null;
      const month = unitMonth(bundle.keyResults.map((kr) => kr.id), mine, review);
      const ready = month.state === 'por_revisar' || month.state === 'corregido';
      const holders = (role: string) => [...new Set(roles.filter((r) => r.role === role && r.unitId === unit.id).map((r) => r.personId))];
      statuses.push({
        unitId: unit.id,
        unitName: unit.name,
        period,
        missing,
        total: bundle.keyResults.length,
        closed: month.state === 'cerrado',
        readyForReview: ready ? month.waitingSince : null,
        corrected: month.state === 'corregido',
        enlaceIds: holders('enlace'),
        liderIds: holders('lider'),
      });
    }
  }
  const etiIds = [...new Set(roles.filter((r) => r.role === 'eti').map((r) => r.personId))];
  return { statuses, etiIds, units, roles };
}

/**
 * What waits for líderes, signers, coaches and the OAP (the weekly digests): the sets in review or
 * approval, and the plenarias of the previous and current quarter with their actas — each list read
 * once, and only on a business day (core's `whatWaits` decides who waits for what).
 */
export async function loadWaiting(
  store: OkrPort & ActasPort,
  today: IsoDate,
  directory: Promise<{ units: Unit[]; roles: RoleAssignment[] }>,
  log?: Pick<Logger, 'warn'>,
): Promise<DigestWaiting[]> {
  if (!weeklyDigestDay(today)) return [];
  const quarter = quarterOf(today);
  const quarters = [previousQuarter(quarter), quarter];
  const [sets, plenarias, actas, { units, roles }] = await Promise.all([
    store.listSetsByState(['leader_approval', 'coach_review']),
    store.listPlenarias({ quarters }),
    store.listActas({ quarters }),
    directory,
  ]);
  // One plenaria stored with an impossible date must not stop every reminder: it is logged and left out, as are cancelled ones.
  const sound = plenarias.filter((p) => {
    const problem = storedPlenariaProblem(p);
    if (problem) log?.warn({ plenariaId: p.id, date: p.date, startTime: p.startTime }, 'plenaria left out of the reminders: its stored date or time is not valid');
    return !problem && !isCancelled(p);
  });
  const ids = new Set(sound.map((p) => p.id));
  return whatWaits({ today, units, roles, sets, plenarias: sound, actas: actas.filter((a) => ids.has(a.plenariaId)) });
}

/**
 * What is due at `now`: core's calendar rules on the store's data, plus snoozes that have come
 * back, each marked muted / reachable and with its log entry. Shared by the scheduler and the cards.
 */
export async function planReminders(store: ReminderPlanStore, now: Date, settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS, logger?: Pick<Logger, 'warn'>): Promise<ReminderPlan> {
  const today = bogotaClock(now).date;
  const monthly = loadUnitMonthStatuses(store, today);
  const logRead = store.listReminderLog({ periods: [previousPeriodOf(periodOf(today)), periodOf(today)], limit: 100_000 });
  // What the sources get: what the planner already read (each list once per plan).
  const read = Promise.all([monthly, logRead]).then(([m, log]) => ({ ...m, log }));
  const [{ statuses, etiIds }, waiting, fromSources, snoozes, prefs, reachable, log] = await Promise.all([
    monthly,
    loadWaiting(store, today, monthly, logger),
    Promise.all(REMINDER_SOURCES.map(async (s) => s.due(store, today, settings, await read))),
    store.listReminderSnoozes(),
    store.listReminderPreferences(),
    store.listConversationPersonIds(),
    logRead,
  ]);
  const due = [...dueReminders(today, statuses, settings), ...etiDigest(today, statuses, etiIds), ...waitingDigests(today, waiting), ...fromSources.flat()];
  const byId = new Map(due.map((d) => [reminderKeyString(d.key), d]));
  const withSnoozes: Array<DueReminder & { snoozed: boolean }> = due.map((d) => ({ ...d, snoozed: false }));
  for (const s of snoozes) {
    const original = byId.get(reminderKeyString(baseKey(s.key)));
    // Back only while what it is about is still due (a unit that reported meanwhile is not nagged).
    if (original && Date.parse(s.until) <= now.getTime()) withSnoozes.push({ ...original, key: snoozedKey(s.key, s.count), snoozed: true });
  }
  const muted = new Map(prefs.map((p) => [p.personId, new Set(p.mutedKinds)]));
  const reach = new Set(reachable);
  const logById = new Map(log.map((e) => [e.key, e]));
  return {
    today,
    reminders: withSnoozes.map((d) => {
      const id = reminderKeyString(d.key);
      // A mute stored before overdue reminders became snooze-only does not silence them.
      return { ...d, id, muted: !SNOOZE_ONLY_KINDS.has(d.key.kind) && (muted.get(d.key.personId)?.has(d.key.kind) ?? false), reachable: reach.has(d.key.personId), log: logById.get(id) ?? null };
    }),
  };
}
