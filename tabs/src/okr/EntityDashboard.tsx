import { Badge, Caption1, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useGridKeys } from '../ui/useGridKeys.js';
import type { DashboardBucket, DashboardUnitRow, QuarterId } from '@okr/core';
import { Suspense, lazy, memo, startTransition, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import type { OkrApi } from '../api/okr.js';
import type { ReviewApi } from '../api/review.js';
import { dashboardBucket, formatPercent, periodLabel, quarterLabel, quarterRange, setStateLabels, statusLabels, formatDate } from '../core.js';
import { okrText as t } from './strings.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { RowOpenButton } from '../ui/RowOpenButton.js';
import { StatTiles, type Stat } from '../ui/StatTiles.js';
import { StatusBadge, statusAppearance } from './StatusBadge.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
// With the dashboard's chunk: a chunk of its own was one more round trip before the page settled.
import DashboardCharts from './DashboardCharts.js';

const QuarterCloseBanner = lazy(() => import('../review/QuarterCloseBanner.js'));

const useStyles = makeStyles({
  filters: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, alignItems: 'flex-end' },
  filter: { flex: '0 1 260px', minWidth: 0 },
  summary: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))' },
  table: { minWidth: '760px' },
  row: { cursor: 'pointer' },
  unitCell: { minWidth: '220px' },
  kindNote: { color: tokens.colorNeutralForeground3, display: 'block' },
  strategicCell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '180px', paddingBlock: tokens.spacingVerticalXS },
  strategicTop: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  percent: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  tactical: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  compliance: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '110px' },
  muted: { color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorPaletteRedForeground1 },
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

function ComplianceCell({ reported, total, what }: { reported: number; total: number; what: string }) {
  const styles = useStyles();
  const color = reported >= total ? 'success' : reported === 0 ? 'error' : 'warning';
  return (
    <div className={styles.compliance}>
      <span className={mergeClasses(styles.percent, reported === 0 && total > 0 && styles.none)}>{t.dashboard.reported(reported, total)}</span>
      <ProgressBar value={total === 0 ? 0 : reported / total} max={1} color={color} thickness="medium" aria-label={t.dashboard.reportedAria(reported, total, what)} />
    </div>
  );
}

/**
 * How many of the table's rows are drawn: the first ROWS_FIRST at once, then ROWS_MORE more in each
 * later task until all are there. The 44 units' rows in one go (some 2,000 elements, their styles
 * and layout) held the main thread in one long task; in passes the page answers meanwhile.
 */
const ROWS_FIRST = 8;
const ROWS_MORE = 6;

function useRowsDrawn(total: number): number {
  const [drawn, setDrawn] = useState(ROWS_FIRST);
  useEffect(() => {
    if (drawn >= total) return;
    const next = setTimeout(() => startTransition(() => setDrawn((n) => n + ROWS_MORE)), 0);
    return () => clearTimeout(next);
  }, [drawn, total]);
  return drawn;
}

const UnitRow = memo(function UnitRow({ row, period, onOpen }: { row: DashboardUnitRow; period: string; onOpen: (unitId: string) => void }) {
  const styles = useStyles();
  const view = useViewStyles();
  const open = () => onOpen(row.unit.id);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && e.target === e.currentTarget) open();
  };
  const month = row.compliance?.month ?? null;
  const notDue = row.setState ? t.dashboard.notDueHint(setStateLabels[row.setState]) : t.dashboard.noSetHint;
  return (
    <TableRow className={styles.row} onClick={open} data-testid={`dashboard-row-${row.unit.id}`}>
      <TableCell className={styles.unitCell}>
        <RowOpenButton onOpen={open} label={t.dashboard.openUnit(row.unit.name)} testId={`open-unit-${row.unit.id}`}>
          {row.unit.name}
        </RowOpenButton>
        <Caption1 className={styles.kindNote}>{row.unit.kind === 'central' ? t.dashboard.kindCentral : t.dashboard.kindAlcaldia}</Caption1>
      </TableCell>
      <TableCell tabIndex={0} onKeyDown={onKeyDown}>
        {row.setState && dashboardBucket(row) === 'en_formulacion' ? (
          <div className={styles.strategicCell}>
            <Badge appearance="outline" shape="rounded" color="important" data-testid={`formulating-${row.unit.id}`}>
              {t.dashboard.formulatingState(setStateLabels[row.setState])}
            </Badge>
            {row.strategic && <Caption1 className={styles.muted}>{row.strategic.title}</Caption1>}
          </div>
        ) : row.strategic ? (
          <div className={styles.strategicCell}>
            <div className={styles.strategicTop}>
              <span className={styles.percent}>{formatPercent(row.strategic.displayProgress)}</span>
              <StatusBadge status={row.strategic.status} size="small" />
            </div>
            <ProgressBar
              value={row.strategic.displayProgress}
              max={1}
              thickness="medium"
              color={statusAppearance[row.strategic.status].bar}
              aria-label={t.progressAria(row.strategic.title)}
            />
          </div>
        ) : (
          <Caption1 className={styles.muted}>{t.dashboard.noSetHint}</Caption1>
        )}
      </TableCell>
      <TableCell tabIndex={0} onKeyDown={onKeyDown}>
        <div className={styles.tactical}>
          {row.tactical.map((o, i) => (
            <Badge key={o.id} appearance="tint" shape="rounded" color={statusAppearance[o.status].color} icon={statusAppearance[o.status].icon} title={o.title}>
              <span aria-hidden="true">T{i + 1}</span>
              <span className={view.visuallyHidden}>{t.dashboard.tacticalItem(i + 1, statusLabels[o.status])}</span>
            </Badge>
          ))}
        </div>
      </TableCell>
      <TableCell tabIndex={0} onKeyDown={onKeyDown}>
        {month ? <ComplianceCell reported={month.reported} total={month.total} what={periodLabel(period)} /> : <Caption1 className={styles.muted} title={notDue}>{t.dashboard.notDue}</Caption1>}
      </TableCell>
      <TableCell tabIndex={0} onKeyDown={onKeyDown}>
        {row.compliance && row.compliance.quarter.total > 0 ? (
          <ComplianceCell reported={row.compliance.quarter.reported} total={row.compliance.quarter.total} what={t.dashboard.colQuarter.toLowerCase()} />
        ) : (
          <Caption1 className={styles.muted} title={notDue}>{t.dashboard.notDue}</Caption1>
        )}
      </TableCell>
    </TableRow>
  );
});

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
  const grid = useGridKeys();

  const rows = useMemo(() => (load.state === 'ready' ? filterRows(load.data.units, kind, status) : []), [load, kind, status]);
  const drawn = useRowsDrawn(rows.length);

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
          <Table className={mergeClasses(styles.table)} aria-label={t.dashboard.tableLabel} aria-describedby="dashboard-table-hint" data-testid="dashboard-table" {...grid}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.dashboard.colUnit}</TableHeaderCell>
                <TableHeaderCell>{t.dashboard.colStrategic}</TableHeaderCell>
                <TableHeaderCell>{t.dashboard.colTactical}</TableHeaderCell>
                <TableHeaderCell>{t.dashboard.colMonth(month)}</TableHeaderCell>
                <TableHeaderCell>{t.dashboard.colQuarter}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.slice(0, drawn).map((r) => (
                <UnitRow key={r.unit.id} row={r} period={d.period} onOpen={onOpenUnit} />
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </ViewSection>
  );
}
