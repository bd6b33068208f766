/**
 * The dashboard's charts, drawn as plain SVG (no charting library: a few rectangles do, and the
 * chunk stays a few kilobytes). Loaded lazily by EntityDashboard. Every chart has a text legend with
 * the figures, so colour is never the only cue and screen readers get the numbers.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ComplianceBand, DashboardUnitRow, Status } from '@okr/core';
import type { ReactNode } from 'react';
import { complianceDistribution, formatMonthName, formatPercent, periodLabel, statusDistribution, statusLabels } from '../core.js';
import { okrText as t } from './strings.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';

const useStyles = makeStyles({
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  svg: { display: 'block', width: '100%', height: '28px', borderRadius: tokens.borderRadiusMedium, overflow: 'hidden' },
  legend: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  swatch: {
    width: '12px',
    height: '12px',
    borderRadius: '3px',
    flexShrink: 0,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    '@media (forced-colors: active)': { forcedColorAdjust: 'none' },
  },
  count: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1, fontVariantNumeric: 'tabular-nums' },
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

type StatusKey = Status | 'sin_set';

const STATUS_ORDER: StatusKey[] = ['completado', 'en_curso', 'atrasado', 'en_riesgo', 'no_iniciado', 'sin_set'];
const STATUS_FILL: Record<StatusKey, string> = {
  completado: tokens.colorPaletteGreenBackground3,
  en_curso: tokens.colorBrandBackground,
  atrasado: tokens.colorPaletteMarigoldBackground3,
  en_riesgo: tokens.colorPaletteRedBackground3,
  no_iniciado: tokens.colorNeutralStrokeAccessible,
  sin_set: tokens.colorNeutralStroke2,
};
const BAND_ORDER: ComplianceBand[] = ['completo', 'parcial', 'ninguno', 'no_aplica'];
const BAND_FILL: Record<ComplianceBand, string> = {
  completo: tokens.colorPaletteGreenBackground3,
  parcial: tokens.colorPaletteMarigoldBackground3,
  ninguno: tokens.colorPaletteRedBackground3,
  no_aplica: tokens.colorNeutralStroke2,
};

interface Segment {
  key: string;
  label: string;
  value: number;
  fill: string;
}

/** A chart's card under its title, which names the figure (`${testId}-title`). */
function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const titleId = `${testId}-title`;
  return (
    <figure className={mergeClasses(surface.card, styles.card)} data-testid={testId} aria-labelledby={titleId} style={{ margin: 0 }}>
      <h3 id={titleId} className={styles.title}>
        {title}
      </h3>
      {children}
    </figure>
  );
}

/** One horizontal bar split by category, with its legend. */
function StackedBar({ title, segments, testId }: { title: string; segments: Segment[]; testId: string }) {
  const styles = useStyles();
  const total = segments.reduce((n, s) => n + s.value, 0);
  let x = 0;
  const summary = segments.filter((s) => s.value > 0).map((s) => t.dashboard.chartItem(s.label, s.value)).join('; ');
  return (
    <ChartCard title={title} testId={testId}>
      <svg className={styles.svg} viewBox="0 0 1000 28" preserveAspectRatio="none" role="img" aria-label={`${title}: ${summary}`}>
        {total === 0 ? (
          <rect x={0} y={0} width={1000} height={28} style={{ fill: tokens.colorNeutralStroke2 }} />
        ) : (
          segments
            .filter((s) => s.value > 0)
            .map((s) => {
              const width = (s.value / total) * 1000;
              const rect = <rect key={s.key} x={x} y={0} width={width} height={28} style={{ fill: s.fill }} data-segment={s.key} />;
              x += width;
              return rect;
            })
        )}
      </svg>
      <ul className={styles.legend}>
        {segments.map((s) => (
          <li key={s.key} className={styles.legendItem}>
            <span className={styles.swatch} style={{ backgroundColor: s.fill }} aria-hidden="true" />
            {s.label} <span className={styles.count}>{s.value}</span>
          </li>
        ))}
      </ul>
    </ChartCard>
  );
}

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
          const month = formatMonthName(period);
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
        testId="chart-status"
        title={t.dashboard.statusChartTitle}
        segments={STATUS_ORDER.map((s) => ({ key: s, label: s === 'sin_set' ? t.dashboard.noSet : statusLabels[s], value: statuses[s], fill: STATUS_FILL[s] }))}
      />
      <StackedBar
        testId="chart-compliance"
        title={t.dashboard.complianceChartTitle(periodLabel(period))}
        segments={BAND_ORDER.map((b) => ({ key: b, label: t.dashboard.complianceBands[b], value: bands[b], fill: BAND_FILL[b] }))}
      />
      <MonthlyColumns rows={rows} />
    </div>
  );
}
