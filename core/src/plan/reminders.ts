/**
 * The plan de gestión's reminder (kind `plan_report`), on the same machinery as the check-in's: the
 * team (promotor de mejora and enlace) in the last business days before the report is due (step
 * 0), on the first business day after it if it was not sent (step 1), and the líder once it is
 * `escalationBusinessDays` late (step 2) — up to PLAN_REMINDER_LAST_BUSINESS_DAY business days after
 * the due date (a day missed meanwhile is caught up once). Each key is sent once (the reminder log's claim).
 */
import { businessDaysBetween, isBusinessDay } from '../calendar.js';
import { parseQuarter, periodOf, previousQuarter, quarterOf } from '../quarter.js';
import type { DueReminder, ReminderSettings } from '../reminders.js';
import type { IsoDate } from '../types.js';
import { reportDueDate } from './report.js';
import type { QuarterNumber } from './types.js';

/** A plan in force whose quarter's report is not sent yet, as the planner reads it from the store. */
export interface PlanReportPending {
  unitId: string;
  unitName: string;
  /** The metas still without an execution. */
  missing: string[];
  teamIds: string[];
  liderIds: string[];
}

/** The quarter whose report is being asked for on `today`: the one before today's quarter. */
export function reportedQuarter(today: IsoDate): { year: number; quarter: QuarterNumber } {
  const { year, quarter } = parseQuarter(previousQuarter(quarterOf(today)));
  return { year, quarter };
}

/**
 * After this many business days past the due date the reminders stop: a report still missing weeks
 * later is the OAP's follow-up (its desk lists it as overdue), not the chat's.
 */
export const PLAN_REMINDER_LAST_BUSINESS_DAY = 10;

export function planReportReminders(today: IsoDate, pending: readonly PlanReportPending[], settings: Pick<ReminderSettings, 'checkInWindowBusinessDays' | 'escalationBusinessDays'>): DueReminder[] {
  if (!isBusinessDay(today)) return [];
  const { year, quarter } = reportedQuarter(today);
  const due = reportDueDate(year, quarter);
  const period = periodOf(due);
  const late = businessDaysBetween(due, today);
  if (late > PLAN_REMINDER_LAST_BUSINESS_DAY) return [];
  const out: DueReminder[] = [];
  const push = (step: number, personId: string, p: PlanReportPending) =>
    out.push({ key: { kind: 'plan_report', personId, subject: p.unitId, period, step }, items: p.missing, unitName: p.unitName });
  for (const p of pending) {
    // The window: the last N business days up to the due date (late ≤ 0 and within N − 1 of it).
    if (late <= 0 && -late < settings.checkInWindowBusinessDays) for (const id of p.teamIds) push(0, id, p);
    if (late >= 1) for (const id of p.teamIds) push(1, id, p);
    if (late >= settings.escalationBusinessDays) for (const id of p.liderIds) push(2, id, p);
  }
  return out;
}
