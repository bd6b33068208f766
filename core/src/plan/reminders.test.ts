import { describe, expect, it } from 'vitest';
import { planReportReminders, reportedQuarter } from './reminders.js';

const pending = [{ unitId: 'sgl', unitName: 'Subsecretaría de Gestión Local', missing: ['Meta 1'], teamIds: ['enlace-sgl', 'promotor-sgl'], liderIds: ['lider-sgl'] }];
const settings = { checkInWindowBusinessDays: 3, escalationBusinessDays: 3 };
const steps = (today: string) => planReportReminders(today, pending, settings).map((r) => `${r.key.kind}|${r.key.personId}|${r.key.period}|${r.key.step}`);

describe('the plan de gestión’s report reminder', () => {
  it('asks for the quarter before today’s', () => {
    expect(reportedQuarter('2026-10-05')).toEqual({ year: 2026, quarter: 3 });
    expect(reportedQuarter('2027-01-04')).toEqual({ year: 2026, quarter: 4 });
  });
  it('reminds the team in the last 3 business days before the due date (15 October 2026), then overdue, then the líder', () => {
    // 12 October is a holiday (Día de la Raza): the window is 13, 14 and 15 October.
    expect(steps('2026-10-09')).toEqual([]);
    expect(steps('2026-10-13')).toEqual(['plan_report|enlace-sgl|2026-10|0', 'plan_report|promotor-sgl|2026-10|0']);
    expect(steps('2026-10-15')).toEqual(['plan_report|enlace-sgl|2026-10|0', 'plan_report|promotor-sgl|2026-10|0']);
    expect(steps('2026-10-16')).toEqual(['plan_report|enlace-sgl|2026-10|1', 'plan_report|promotor-sgl|2026-10|1']);
    // Three business days late (16, 19, 20 October): the líder too.
    expect(steps('2026-10-20')).toEqual(['plan_report|enlace-sgl|2026-10|1', 'plan_report|promotor-sgl|2026-10|1', 'plan_report|lider-sgl|2026-10|2']);
    expect(steps('2026-10-18')).toEqual([]);
    // Ten business days after the due date (29 October) they still catch up; from the eleventh, the OAP follows up.
    expect(steps('2026-10-29')).toHaveLength(3);
    expect(steps('2026-10-30')).toEqual([]);
    expect(steps('2026-11-23')).toEqual([]);
  });
});
