import type { DueReminder, IsoDate, ReminderKind, ReminderSettings, Role, RoleAssignment, Unit, UnitMonthStatus } from '@okr/core';
import { planReminderSource } from '../services/planReminders.js';
import { reviewReminderSource } from '../services/reviewReminders.js';
import type { ReminderLogEntry } from '../store/Store.js';
import type { Store } from '../store/Store.js';
import type { TabLinks } from '../teams/tabLinks.js';

/**
 * A module's reminders on the shared machinery (docs/adr/0003-reminders.md): its kinds and who gets
 * them, what is due on a day, and what its card says and opens. The planner adds what each source
 * makes due to the check-in's reminders and the digests; everything else — keys claimed once, snoozes,
 * muting, sending hours, the rate limits, the administrator's view — is the same for every kind.
 */
export interface ReminderSource {
  kinds: ReadonlyArray<{ kind: ReminderKind; roles: readonly Role[]; label: { title: string; detail: string } }>;
  /** `read`: what the planner already read (each list is read once per plan) — the units and roles, the units' check-in month states, the ETI's members, the reminder log of this month and the previous one. */
  due(store: Store, today: IsoDate, settings: ReminderSettings, read: PlannerRead): Promise<DueReminder[]>;
  /** The card's heading and first line (the items follow). */
  opening(reminder: DueReminder): { title: string; text: string };
  /** The card's main button: a link to the tab. */
  open(reminder: DueReminder, tabUrl: TabLinks): { title: string; url: string };
}

/** What the planner read before asking the sources. */
export interface PlannerRead {
  units: Unit[];
  roles: RoleAssignment[];
  statuses: UnitMonthStatus[];
  etiIds: string[];
  log: ReminderLogEntry[];
}

/** The modules' reminder sources: a module with reminders adds its source here. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [planReminderSource, reviewReminderSource];

export const sourceOf = (kind: ReminderKind): ReminderSource | undefined => REMINDER_SOURCES.find((s) => s.kinds.some((k) => k.kind === kind));
export const sourceKinds = (): ReminderSource['kinds'] => REMINDER_SOURCES.flatMap((s) => s.kinds);
