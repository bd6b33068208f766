import { Badge, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { CoherenceCheck, PlanState } from '@okr/core';
import { planStateLabels, reportStatusLabels } from './core.js';

const useStyles = makeStyles({
  checks: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  check: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  bad: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
});

const STATE_COLOR: Record<PlanState, 'informative' | 'warning' | 'success' | 'brand'> = { draft: 'informative', in_review: 'brand', returned: 'warning', endorsed: 'success', official: 'success' };

export function PlanStateBadge({ state }: { state: PlanState }) {
  return (
    <Badge appearance="tint" color={STATE_COLOR[state]} data-testid="plan-state">
      {planStateLabels[state]}
    </Badge>
  );
}

export type ReportStatusKey = keyof typeof reportStatusLabels;
const REPORT_COLOR: Record<ReportStatusKey, 'informative' | 'warning' | 'success' | 'brand' | 'danger'> = {
  not_due: 'informative',
  open: 'brand',
  draft: 'informative',
  overdue: 'danger',
  submitted: 'brand',
  submitted_late: 'warning',
  clarification: 'warning',
  closed: 'success',
};

export function ReportStatusBadge({ status }: { status: ReportStatusKey }) {
  return (
    <Badge appearance="tint" color={REPORT_COLOR[status]} data-testid="report-status">
      {reportStatusLabels[status]}
    </Badge>
  );
}

/** A meta's coherence checks: what holds and what to attend. */
export function Checks({ checks, testId }: { checks: readonly Pick<CoherenceCheck, 'ok' | 'message'>[]; testId?: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.checks} data-testid={testId}>
      {checks.map((c, i) => (
        <li key={i} className={styles.check}>
          {c.ok ? <CheckmarkCircle16Regular className={styles.ok} aria-label="Cumple" /> : <Warning16Regular className={styles.bad} aria-label="Por atender" />}
          <Caption1>{c.message}</Caption1>
        </li>
      ))}
    </ul>
  );
}

export { saveFile } from '../ui/saveFile.js';

/** The year and quarter number of a quarter id ("2026-Q3"). */
export function yearQuarter(quarter: string): { year: number; q: 1 | 2 | 3 | 4 } {
  return { year: Number(quarter.slice(0, 4)), q: Number(quarter.slice(-1)) as 1 | 2 | 3 | 4 };
}
