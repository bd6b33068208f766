import {
  formatDate,
  PLAN_IN_FORCE,
  expectedIn,
  isBusinessDay,
  ledElsewhere,
  planBotText,
  planReportReminders,
  quarterLabel,
  reportDueDate,
  reportedQuarter,
  type DueReminder,
  type PlanReportPending,
} from '@okr/core';
import type { ReminderSource } from '../jobs/reminderSources.js';
import { metasOf } from '../store/planRules.js';

const t = planBotText.reminder;
const about = (r: DueReminder) => {
  const { year, quarter } = reportedQuarter(`${r.key.period}-01`);
  // The key's period is the month of the due date, which follows the reported quarter.
  return { year, quarter, label: quarterLabel(`${year}-Q${quarter}` as const), due: formatDate(reportDueDate(year, quarter), 'weekdayNoYear') };
};

/**
 * The plan de gestión's quarterly report on the reminder machinery: plans in force whose quarter's
 * report is not sent yet (no report, or a draft), with the metas still without an execution; the
 * team (promotor de mejora and enlace) and then the líder (core's `planReportReminders`).
 */
export const planReminderSource: ReminderSource = {
  kinds: [{ kind: 'plan_report', roles: ['promotor', 'enlace', 'lider'], label: t.label }],

  async due(store, today, settings, { units, roles }) {
    if (!isBusinessDay(today)) return [];
    const { year, quarter } = reportedQuarter(today);
    const data = await store.loadPlanYear(year);
    const pending: PlanReportPending[] = [];
    for (const plan of data.plans.filter((p) => PLAN_IN_FORCE.has(p.state))) {
      const state = data.quarters.find((q) => q.planId === plan.id && q.quarter === quarter)?.state ?? null;
      if (state !== null && state !== 'draft') continue;
      const metas = metasOf(data.metas, plan.id, plan.planVersion).filter((m) => expectedIn(m, quarter) && !ledElsewhere(m, plan.unitId));
      const reported = new Set(data.reports.filter((r) => r.planId === plan.id && r.quarter === quarter && r.executed !== null).map((r) => r.metaId));
      const missing = metas.filter((m) => !reported.has(m.id)).map((m) => m.statement);
      if (metas.length === 0) continue;
      const holders = (...wanted: string[]) => [...new Set(roles.filter((r) => wanted.includes(r.role) && r.unitId === plan.unitId).map((r) => r.personId))];
      pending.push({
        unitId: plan.unitId,
        unitName: units.find((u) => u.id === plan.unitId)?.name ?? plan.unitId,
        missing: missing.length ? missing : [t.label.title],
        teamIds: holders('promotor', 'enlace'),
        liderIds: holders('lider'),
      });
    }
    return planReportReminders(today, pending, settings);
  },

  opening(r) {
    const { label, due } = about(r);
    const unit = r.unitName ?? r.key.subject;
    return r.key.step % 100 === 0 ? t.window(label, unit, due) : r.key.step % 100 === 1 ? t.overdue(label, unit, due) : t.escalation(label, unit, due);
  },

  open(r, tabUrl) {
    const { year, quarter } = about(r);
    return { title: t.open, url: tabUrl(r.key.subject, { view: 'plan-reporte', quarter: `${year}-Q${quarter}` }) };
  },
};
