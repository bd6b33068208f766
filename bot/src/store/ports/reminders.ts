import type { Period, ReminderKey, ReminderKind } from '@okr/core';

/**
 * One reminder in the log, by its key (`reminderKeyString`). `claimed`: a scheduler took it and is
 * sending it (or crashed meanwhile: after a while the administrator sees it as «incierto»);
 * `sent`: Teams accepted it; `failed`: Teams refused it for sure — it is claimed again on a later
 * run, up to REMINDER_MAX_ATTEMPTS times. See docs/adr/0003-reminders.md.
 */
export type ReminderLogState = 'claimed' | 'sent' | 'failed';

export interface ReminderLogEntry {
  key: string;
  kind: ReminderKind;
  personId: string;
  subject: string;
  period: Period;
  step: number;
  state: ReminderLogState;
  /** The scheduler instance that holds (or last held) the claim. */
  owner: string;
  claimedAt: string;
  sentAt: string | null;
  error: string | null;
  attempts: number;
}

/** Claims a failed reminder gets before it is left for the administrator. */
export const REMINDER_MAX_ATTEMPTS = 3;

/** The global switch of all reminders (holiday season, migrations), with who flipped it last. */
export interface ReminderControl {
  paused: boolean;
  actorId: string | null;
  at: string | null;
}

/** «Recordarme mañana»: the reminder with this key comes back at `until`; `count` snoozes so far. */
export interface ReminderSnooze {
  key: ReminderKey;
  until: string;
  count: number;
}

/** A person's own reminder settings: the kinds they muted. */
export interface ReminderPreferences {
  personId: string;
  mutedKinds: ReminderKind[];
}

/**
 * Reminders: the log is keyed by `reminderKeyString(key)`. `claimReminder` is atomic: of any
 * number of schedulers claiming the same key, exactly one gets true — the one that inserted it,
 * or that took over a `failed` entry with attempts left. A claimed entry is never claimed again.
 */
export interface RemindersPort {
  claimReminder(key: ReminderKey, owner: string, at: string): Promise<boolean>;
  /** Teams accepted the message. Only the claim's owner can confirm it. */
  markReminderSent(key: string, owner: string, at: string): Promise<void>;
  /** Teams refused it for sure (nothing was delivered): a later run may claim it again. */
  markReminderFailed(key: string, owner: string, at: string, error: string): Promise<void>;
  /** The administrator's «Reenviar» of an uncertain or failed reminder: claimable again, audited. */
  retryReminder(key: string, actorId: string): Promise<boolean>;
  /** Newest first; `periods`: the months the reminders are about (the scheduler reads the current and previous). */
  listReminderLog(filter?: { personId?: string; states?: readonly ReminderLogState[]; periods?: readonly Period[]; limit?: number }): Promise<ReminderLogEntry[]>;
  getReminderControl(): Promise<ReminderControl>;
  /** Pauses or resumes every reminder; audited. */
  setRemindersPaused(paused: boolean, actorId: string): Promise<ReminderControl>;
  /** Snoozes a reminder until `until` (one entry per key; snoozing again moves it and counts). */
  snoozeReminder(key: ReminderKey, until: string): Promise<ReminderSnooze>;
  listReminderSnoozes(filter?: { personId?: string }): Promise<ReminderSnooze[]>;
  /** Everyone's reminder settings, or one person's (people who never changed them are absent). */
  listReminderPreferences(personId?: string): Promise<ReminderPreferences[]>;
  /** Replaces a person's muted kinds; audited. */
  setReminderPreferences(prefs: ReminderPreferences, actorId: string): Promise<void>;
}
