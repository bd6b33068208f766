/**
 * The dashboard's charts, drawn as plain SVG (ui/StackedBar.tsx; no charting library, so the chunk
 * stays a few kilobytes). Loaded lazily by EntityDashboard. Every chart has a text legend with the
 * figures, so colour is never the only cue and screen readers get the numbers.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ComplianceBand, DashboardBucket, DashboardUnitRow } from '@okr/core';
import { complianceDistribution, formatPercent, periodLabel, statusDistribution, statusLabels } from '../core.js';
import { okrText as t } from './strings.js';
import { ChartCard, STATUS_FILL, StackedBar } from '../ui/StackedBar.js';

const useStyles = makeStyles({
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  columns: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, height: '96px', paddingTop: tokens.spacingVerticalXS },
  column: { flex: '1 1 0', display: 'flex', flexDirection: 'column', alignItems: 'center', gap: tokens.spacingVerticalXXS, height: '100%', justifyContent: 'flex-end' },
  columnBar: {
    width: '100%',
    maxWidth: '64px',
    minHeight: '2px',
    borderRadius: `${tokens.borderRadiusMedium} ${tokens.borderRadiusMedium} 0 0`,
    backgroundColor: tokens.colorBrandBackground,
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText' },
  },
  columnValue: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  columnLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const STATUS_ORDER: DashboardBucket[] = ['completado', 'en_curso', 'atrasado', 'en_riesgo', 'no_iniciado', 'en_formulacion', 'sin_set'];
const bucketLabel = (s: DashboardBucket) => (s === 'sin_set' ? t.dashboard.noSet : s === 'en_formulacion' ? t.dashboard.formulating : statusLabels[s]);
const BAND_ORDER: ComplianceBand[] = ['completo', 'parcial', 'ninguno', 'no_aplica'];
const BAND_FILL: Record<ComplianceBand, string> = {
  completo: tokens.colorPaletteGreenBackground3,
  parcial: tokens.colorPaletteMarigoldBackground3,
  ninguno: tokens.colorPaletteRedBackground3,
  no_aplica: tokens.colorNeutralStroke2,
};


/** Share of due key results reported, month by month, over the units shown. */
function MonthlyColumns({ rows }: { rows: readonly DashboardUnitRow[] }) {
  const styles = useStyles();
  const byMonth = new Map<string, { reported: number; total: number }>();
  for (const r of rows) {
    for (const m of r.compliance?.months ?? []) {
      const acc = byMonth.get(m.period) ?? { reported: 0, total: 0 };
      acc.reported += m.reported;
      acc.total += m.total;
      byMonth.set(m.period, acc);
    }
  }
  const months = [...byMonth.entries()].sort(([a], [b]) => a.localeCompare(b));
  if (months.length === 0) return null;
  return (
    <ChartCard title={t.dashboard.quarterCompliance} testId="chart-months">
      <div className={styles.columns}>
        {months.map(([period, v]) => {
          const share = v.total === 0 ? 0 : v.reported / v.total;
          const month = periodLabel(period).split(' ')[0]!;
          return (
            <div key={period} className={styles.column}>
              <span className={styles.columnValue}>{formatPercent(share)}</span>
              <div className={styles.columnBar} style={{ height: `${Math.max(2, share * 60)}px` }} aria-hidden="true" />
              <span className={styles.columnLabel}>{month}</span>
            </div>
          );
        })}
      </div>
    </ChartCard>
  );
}

export default function DashboardCharts({ rows, period }: { rows: readonly DashboardUnitRow[]; period: string }) {
  const styles = useStyles();
  const statuses = statusDistribution(rows);
  const bands = complianceDistribution(rows);
  return (
    <div className={styles.charts} data-testid="dashboard-charts">
      <StackedBar
        itemLabel={t.dashboard.chartItem}
        testId="chart-status"
        title={t.dashboard.statusChartTitle}
        segments={STATUS_ORDER.map((s) => ({ key: s, label: bucketLabel(s), value: statuses[s], fill: STATUS_FILL[s] }))}
      />
      <StackedBar
        itemLabel={t.dashboard.chartItem}
        testId="chart-compliance"
        title={t.dashboard.complianceChartTitle(periodLabel(period))}
        segments={BAND_ORDER.map((b) => ({ key: b, label: t.dashboard.complianceBands[b], value: bands[b], fill: BAND_FILL[b] }))}
      />
      <MonthlyColumns rows={rows} />
    </div>
  );
}
