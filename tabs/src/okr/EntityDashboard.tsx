import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { DashboardBucket, DashboardUnitRow, QuarterId } from '@okr/core';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { OkrApi } from '../api/okr.js';
import type { ReviewApi } from '../api/review.js';
import { dashboardBucket, formatPercent, periodLabel, quarterLabel, quarterRange, statusLabels, formatDate } from '../core.js';
import { okrText as t } from './strings.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { StatTiles, type Stat } from '../ui/StatTiles.js';
import { DashboardTable } from './DashboardTable.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
// With the dashboard's chunk: a chunk of its own was one more round trip before the page settled.
import DashboardCharts from './DashboardCharts.js';

const QuarterCloseBanner = lazy(() => import('../review/QuarterCloseBanner.js'));

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, alignItems: 'flex-end' },
  filter: { flex: '0 1 260px', minWidth: 0 },
  summary: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))' },
  hint: { color: tokens.colorNeutralForeground3 },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center', color: tokens.colorNeutralForeground2 },
});

type KindFilter = 'all' | 'central' | 'alcaldia';
type StatusFilter = 'all' | DashboardBucket;
const STATUS_FILTERS: StatusFilter[] = ['all', 'en_riesgo', 'atrasado', 'en_curso', 'completado', 'no_iniciado', 'en_formulacion', 'sin_set'];


const statusFilterLabel = (s: StatusFilter) => (s === 'all' ? t.dashboard.statusAll : s === 'sin_set' ? t.dashboard.noSet : s === 'en_formulacion' ? t.dashboard.formulating : statusLabels[s]);
const kindLabel: Record<KindFilter, string> = { all: t.dashboard.kindAll, central: t.dashboard.kindCentral, alcaldia: t.dashboard.kindAlcaldia };
const KIND_FILTERS = Object.keys(kindLabel) as KindFilter[];

/** Rows that pass the filters (pure, exported for tests). */
export function filterRows(rows: readonly DashboardUnitRow[], kind: KindFilter, status: StatusFilter): DashboardUnitRow[] {
  return rows.filter((r) => (kind === 'all' || r.unit.kind === kind) && (status === 'all' || dashboardBucket(r) === status));
}

function Summary({ rows, total, period }: { rows: DashboardUnitRow[]; total: number; period: string }) {
  const styles = useStyles();
  // Only loaded sets: a set being formulated has objectives but nothing to report yet.
  const withStrategic = rows.filter((r) => r.strategic && !['en_formulacion', 'sin_set'].includes(dashboardBucket(r)));
  const avg = withStrategic.length === 0 ? null : withStrategic.reduce((n, r) => n + r.strategic!.displayProgress, 0) / withStrategic.length;
  const due = rows.filter((r) => r.compliance?.month);
  const complete = due.filter((r) => r.compliance!.month!.reported >= r.compliance!.month!.total).length;
  const quarter = rows.reduce((acc, r) => ({ reported: acc.reported + (r.compliance?.quarter.reported ?? 0), total: acc.total + (r.compliance?.quarter.total ?? 0) }), { reported: 0, total: 0 });
  const behind = withStrategic.filter((r) => r.strategic!.status === 'en_riesgo' || r.strategic!.status === 'atrasado').length;
  const stats: Stat[] = [
    ['units', t.dashboard.unitsLabel, rows.length === total ? String(total) : t.dashboard.ofUnits(rows.length, total)],
    ['avg', t.dashboard.avgProgress, avg === null ? '—' : formatPercent(avg)],
    ['month', t.dashboard.monthComplete(periodLabel(period)), due.length === 0 ? '—' : t.dashboard.ofUnits(complete, due.length)],
    ['quarter', t.dashboard.quarterCompliance, quarter.total === 0 ? '—' : formatPercent(quarter.reported / quarter.total)],
    ['behind', t.dashboard.atRisk, t.dashboard.ofUnits(behind, withStrategic.length)],
  ];
  return <StatTiles stats={stats} className={styles.summary} testId="dashboard-summary" tileTestId={(key) => `stat-${key}`} />;
}

export interface EntityDashboardProps {
  api: OkrApi & Pick<ReviewApi, 'quarterClose' | 'downloadQuarterClose'>;
  quarter: QuarterId;
  onOpenUnit: (unitId: string) => void;
}

/** "Tablero de la entidad": all units of a quarter — filters, summary, charts and a table. */
export default function EntityDashboard({ api, quarter, onOpenUnit }: EntityDashboardProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const load = useLoad((signal) => api.dashboard(quarter, signal), [api, quarter]);
  const [kind, setKind] = useState<KindFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');

  const rows = useMemo(() => (load.state === 'ready' ? filterRows(load.data.units, kind, status) : []), [load, kind, status]);

  if (load.state === 'loading') {
    return <Loading label={t.dashboard.loading} />;
  }
  if (load.state === 'error') {
    return <LoadError title={t.dashboard.errorTitle} message={load.message} onRetry={load.retry} testId="dashboard-error" />;
  }
  const d = load.data;
  const month = periodLabel(d.period);
  // A past quarter comes as of its last day: its months and statuses then, and its close.
  const ended = d.asOf === quarterRange(d.quarter).end;
  return (
    <ViewSection titleId="dashboard-title" title={t.dashboard.title(quarterLabel(d.quarter))} intro={ended ? t.dashboard.introEnded(formatDate(d.asOf)) : t.dashboard.intro(month)} testId="entity-dashboard">
      {ended && (
        <Suspense fallback={null}>
          <QuarterCloseBanner api={api} quarter={d.quarter} />
        </Suspense>
      )}
      <div className={styles.filters} role="group" aria-label={t.dashboard.filtersLabel}>
        <ChoiceDropdown label={t.dashboard.kindLabel} className={styles.filter} value={kind} options={KIND_FILTERS} optionLabel={(k) => kindLabel[k]} onChange={setKind} testId="filter-kind" />
        <ChoiceDropdown label={t.dashboard.statusLabel} className={styles.filter} value={status} options={STATUS_FILTERS} optionLabel={statusFilterLabel} onChange={setStatus} testId="filter-status" />
      </div>

      <Summary rows={rows} total={d.units.length} period={d.period} />

      <DashboardCharts rows={rows} period={d.period} />

      <div>
        <Caption1 className={styles.hint} id="dashboard-table-hint">
          {t.dashboard.tableHint}
        </Caption1>
      </div>
      <div className={surface.frame}>
        {rows.length === 0 ? (
          <p className={styles.empty} data-testid="dashboard-empty">
            {t.dashboard.empty}
          </p>
        ) : (
          <DashboardTable rows={rows} period={d.period} onOpenUnit={onOpenUnit} describedBy="dashboard-table-hint" />
        )}
      </div>
    </ViewSection>
  );
}
