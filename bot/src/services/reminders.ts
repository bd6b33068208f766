import {
  DEFAULT_REMINDER_SETTINGS,
  nextSendingTime,
  reminderKindLabels,
  remindersBotText,
  SNOOZE_ONLY_KINDS,
  snoozeUntil,
  type Person,
  type ReminderKey,
  type ModuleReminderKind,
  type ReminderKind,
  type ReminderSettings,
} from '@okr/core';
import { baseKey, planReminders, type PlannedReminder, type ReminderPlanStore } from '../jobs/reminderPlan.js';
import type { ReminderControl, ReminderLogEntry, ReminderSnooze } from '../store/Store.js';
import type { Clock } from './clock.js';
import { sourceKinds } from '../jobs/reminderSources.js';

type BuiltInKind = Exclude<ReminderKind, ModuleReminderKind>;
const BUILT_IN: readonly BuiltInKind[] = ['checkin_window', 'checkin_missing', 'leader_escalation', 'eti_digest', 'approvals_digest', 'coach_digest', 'oap_digest'];
/** Every kind: the check-in's and the digests, then the modules' reminder sources'. */
export const REMINDER_KINDS: readonly ReminderKind[] = [...BUILT_IN, ...sourceKinds().map((k) => k.kind)];

/** The role a kind is for (approvals_digest also reaches whoever presides or is secretary of a plenaria). */
const KIND_ROLE: Record<BuiltInKind, string> = {
  checkin_window: 'enlace',
  checkin_missing: 'enlace',
  leader_escalation: 'lider',
  eti_digest: 'eti',
  approvals_digest: 'lider',
  coach_digest: 'coach',
  oap_digest: 'oap',
};

/** A claim older than this with no confirmation is shown as «incierto» (the run that held it died). */
export const UNCERTAIN_AFTER_MS = 15 * 60_000;

export interface PersonRemindersView {
  person: Person;
  /** Kinds that apply to the person's roles. */
  kinds: ReminderKind[];
  muted: ReminderKind[];
  /** Due now (or at the next sending time) and not sent yet. */
  upcoming: PlannedReminder[];
  snoozes: ReminderSnooze[];
  recent: ReminderLogEntry[];
  nextSendingAt: Date;
}

export interface AdminRemindersView {
  control: ReminderControl;
  nextSendingAt: Date;
  upcoming: PlannedReminder[];
  recent: ReminderLogEntry[];
  uncertain: ReminderLogEntry[];
  failed: ReminderLogEntry[];
  unreachable: Person[];
}

export type RemindersResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** The reminders use cases behind `recordatorios`, the reminder card's buttons and the ETI's view. */
export class ReminderService {
  constructor(
    private readonly store: ReminderPlanStore,
    private readonly clock: Clock,
    private readonly settings: ReminderSettings = DEFAULT_REMINDER_SETTINGS,
  ) {}

  async isAdmin(person: Person): Promise<boolean> {
    return (await this.store.rolesOf(person.id)).some((r) => r.role === 'eti');
  }

  async personView(person: Person): Promise<PersonRemindersView> {
    const now = this.clock.now();
    const [roles, plan, prefs, snoozes, recent] = await Promise.all([
      this.store.rolesOf(person.id),
      planReminders(this.store, nextSendingTime(now, this.settings), this.settings),
      this.store.listReminderPreferences(person.id),
      this.store.listReminderSnoozes({ personId: person.id }),
      this.store.listReminderLog({ personId: person.id, limit: 5 }),
    ]);
    const has = (role: string) => roles.some((r) => r.role === role);
    const mine = plan.reminders.filter((r) => r.key.personId === person.id);
    const muted = prefs[0]?.mutedKinds ?? [];
    // A kind shows when the person's roles get it — or when one is on its way or was sent (a secretary's actas to sign), or muted.
    const forRoles = (k: ReminderKind) => (k in KIND_ROLE ? has(KIND_ROLE[k as BuiltInKind]) : sourceKinds().some((s) => s.kind === k && s.roles.some(has)));
    const kinds = REMINDER_KINDS.filter((k) => forRoles(k) || mine.some((r) => r.key.kind === k) || recent.some((e) => e.kind === k) || muted.includes(k));
    return {
      person,
      kinds,
      muted,
      upcoming: mine.filter((r) => !r.log),
      snoozes: snoozes.filter((s) => Date.parse(s.until) > now.getTime()),
      recent,
      nextSendingAt: nextSendingTime(now, this.settings),
    };
  }

  async adminView(): Promise<AdminRemindersView> {
    const now = this.clock.now();
    const nextSendingAt = nextSendingTime(now, this.settings);
    const [control, plan, recent, claimed, failed, people] = await Promise.all([
      this.store.getReminderControl(),
      planReminders(this.store, nextSendingAt, this.settings),
      this.store.listReminderLog({ states: ['sent'], limit: 10 }),
      this.store.listReminderLog({ states: ['claimed'] }),
      this.store.listReminderLog({ states: ['failed'] }),
      this.store.listPeople(),
    ]);
    const upcoming = plan.reminders.filter((r) => !r.log && !r.muted);
    const unreachableIds = new Set(upcoming.filter((r) => !r.reachable).map((r) => r.key.personId));
    return {
      control,
      nextSendingAt,
      upcoming,
      recent,
      uncertain: claimed.filter((e) => now.getTime() - Date.parse(e.claimedAt) > UNCERTAIN_AFTER_MS),
      failed,
      unreachable: people.filter((p) => unreachableIds.has(p.id)),
    };
  }

  /** «Recordarme mañana»: the reminder comes back on the next business day at the opening hour. */
  async snooze(person: Person, key: ReminderKey): Promise<RemindersResult<Date>> {
    if (key.personId !== person.id) return { ok: false, message: remindersBotText.notYours };
    const until = snoozeUntil(this.clock.now(), this.settings);
    await this.store.snoozeReminder(baseKey(key), until.toISOString());
    return { ok: true, value: until };
  }

  /** «Silenciar» / «Activar» a kind; an overdue check-in and the líder's escalation are postponed, never silenced. */
  async setMuted(person: Person, kind: ReminderKind, muted: boolean): Promise<RemindersResult<null>> {
    if (muted && SNOOZE_ONLY_KINDS.has(kind)) return { ok: false, message: remindersBotText.mine.cannotMute(reminderKindLabels[kind as 'checkin_missing' | 'leader_escalation'].title) };
    const current = (await this.store.listReminderPreferences(person.id))[0]?.mutedKinds ?? [];
    const next = muted ? [...new Set([...current, kind])] : current.filter((k) => k !== kind);
    await this.store.setReminderPreferences({ personId: person.id, mutedKinds: next }, person.id);
    return { ok: true, value: null };
  }

  async setPaused(person: Person, paused: boolean): Promise<RemindersResult<ReminderControl>> {
    if (!(await this.isAdmin(person))) return { ok: false, message: remindersBotText.onlyEtiAdmin };
    return { ok: true, value: await this.store.setRemindersPaused(paused, person.id) };
  }

  async retry(person: Person, key: string): Promise<RemindersResult<boolean>> {
    if (!(await this.isAdmin(person))) return { ok: false, message: remindersBotText.onlyEtiAdmin };
    return { ok: true, value: await this.store.retryReminder(key, person.id) };
  }
}
