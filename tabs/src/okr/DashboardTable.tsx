import { makeStyles, mergeClasses, shorthands, tokens, typographyStyles } from '@fluentui/react-components';
import type { DashboardUnitRow, Status } from '@okr/core';
import { memo, startTransition, useEffect, useState, type KeyboardEvent, type MouseEvent, type ReactElement } from 'react';
import { dashboardBucket, formatPercent, periodLabel, setStateLabels, statusLabels } from '../core.js';
import { useGridKeys } from '../ui/useGridKeys.js';
import { okrText as t } from './strings.js';

/*
 * The dashboard's table of the 44 units, in plain table markup: one static class per element and no
 * component per cell. Drawn with Fluent's Table, Badge, ProgressBar and Button, each row was a dozen
 * components with their own style hooks (some 2,100 elements for the 44 rows), and drawing it was
 * the page's longest task on a phone. It looks as those did (the same tokens: a tint badge, a 2 px
 * bar, a transparent button) and says the same to a screen reader: a table with column headers,
 * each status in words, each bar a `progressbar` with its label.
 */

const pill = {
  // Relative: the visually hidden label inside stays within the table's scrolling frame.
  position: 'relative',
  display: 'inline-flex',
  alignItems: 'center',
  boxSizing: 'border-box',
  height: '20px',
  minWidth: '20px',
  padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
  whiteSpace: 'nowrap',
  ...typographyStyles.caption1Strong,
} as const;

const useStyles = makeStyles({
  table: {
    width: '100%',
    minWidth: '820px',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    ...typographyStyles.body1,
    color: tokens.colorNeutralForeground1,
  },
  colUnit: { width: '22%' },
  colStrategic: { width: '22%' },
  colTactical: { width: '20%' },
  colCompliance: { width: '18%' },
  th: {
    height: '32px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'middle',
    fontWeight: tokens.fontWeightRegular,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: {
    cursor: 'pointer',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':active': { backgroundColor: tokens.colorSubtleBackgroundPressed },
  },
  td: {
    height: '44px',
    padding: `0 ${tokens.spacingHorizontalS}`,
    verticalAlign: 'middle',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`, borderRadius: tokens.borderRadiusMedium },
  },
  open: {
    display: 'block',
    margin: 0,
    padding: '5px 0',
    border: 'none',
    backgroundColor: 'transparent',
    ...typographyStyles.body1Strong,
    fontFamily: 'inherit',
    color: tokens.colorNeutralForeground2,
    textAlign: 'start',
    cursor: 'pointer',
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground2BrandHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  kindNote: { display: 'block', ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, paddingBlock: tokens.spacingVerticalXS },
  strategicTop: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between', flexWrap: 'wrap' },
  percent: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  tactical: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' },
  muted: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3 },
  none: { color: tokens.colorPaletteRedForeground1 },
  visuallyHidden: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  // Fluent's Badge (tint, rounded) in its medium and small sizes, and its outline «important» look.
  pill,
  pillSmall: { ...pill, height: '16px', minWidth: '16px', padding: `0 calc(${tokens.spacingHorizontalXXS} + ${tokens.spacingHorizontalXXS})`, borderRadius: tokens.borderRadiusSmall, ...typographyStyles.caption2Strong },
  icon: { flexShrink: 0, width: '16px', height: '16px', marginLeft: `calc(-1 * ${tokens.spacingHorizontalXXS})`, marginRight: `calc(${tokens.spacingHorizontalXXS} + ${tokens.spacingHorizontalXXS})` },
  completado: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1, ...shorthands.borderColor(tokens.colorPaletteGreenBorder1) },
  en_curso: { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, ...shorthands.borderColor(tokens.colorBrandStroke2) },
  atrasado: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteYellowForeground1, ...shorthands.borderColor(tokens.colorPaletteYellowBorder1) },
  en_riesgo: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, ...shorthands.borderColor(tokens.colorPaletteRedBorder1) },
  no_iniciado: { backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStroke2) },
  formulating: { color: tokens.colorNeutralForeground3, ...shorthands.borderColor(tokens.colorNeutralStrokeAccessible) },
  // Fluent's ProgressBar, medium thickness.
  track: { display: 'block', height: '2px', width: '100%', overflow: 'hidden', borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground6, '@media screen and (forced-colors: active)': { backgroundColor: 'CanvasText' } },
  bar: { height: '100%', borderRadius: 'inherit', '@media screen and (forced-colors: active)': { backgroundColor: 'Highlight' } },
  brand: { backgroundColor: tokens.colorCompoundBrandBackground },
  success: { backgroundColor: tokens.colorPaletteGreenBackground3 },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3 },
  error: { backgroundColor: tokens.colorPaletteRedBackground3 },
});

type Styles = ReturnType<typeof useStyles>;
type Bar = 'brand' | 'success' | 'warning' | 'error';

/** The status icons of StatusBadge (Fluent's 16 px icons), as plain SVG: shape as well as colour. */
const ICON_PATHS: Record<Status, string> = {
  completado: 'M1 8a7 7 0 1 1 14 0A7 7 0 0 1 1 8m9.85-1.15a.5.5 0 0 0-.7-.7l-2.9 2.9-1.4-1.4a.5.5 0 1 0-.7.7L6.9 10.1c.2.2.5.2.7 0z',
  en_curso:
    'M8.5 4h5.04l.09.02.06.02.06.03.06.04.06.05.04.05.04.06.03.08.01.04.01.09V9.5a.5.5 0 0 1-.99.09V5.7l-5.15 5.15a.5.5 0 0 1-.64.06l-.07-.06L5.5 9.21l-2.65 2.64a.5.5 0 0 1-.76-.63l.06-.07 3-3a.5.5 0 0 1 .63-.06l.07.06L7.5 9.79 12.3 5H8.5a.5.5 0 0 1-.5-.41V4.5c0-.28.22-.5.5-.5',
  atrasado: 'M2 8a6 6 0 1 1 12 0A6 6 0 0 1 2 8m6-7a7 7 0 1 0 0 14A7 7 0 0 0 8 1m0 3.5a.5.5 0 0 0-1 0v4c0 .28.22.5.5.5h3a.5.5 0 0 0 0-1H8z',
  en_riesgo: 'M5.82 2.28a2.5 2.5 0 0 1 4.36 0l4.5 8A2.5 2.5 0 0 1 12.5 14h-9a2.5 2.5 0 0 1-2.18-3.72zM8 9.5A.75.75 0 1 0 8 11a.75.75 0 0 0 0-1.5M8 5a.5.5 0 0 0-.5.5V8a.5.5 0 0 0 1 0V5.5A.5.5 0 0 0 8 5',
  no_iniciado: 'M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1m0 1a6 6 0 1 0 0 12A6 6 0 0 0 8 2',
};
const STATUS_BAR: Record<Status, Bar> = { completado: 'success', en_curso: 'brand', atrasado: 'warning', en_riesgo: 'error', no_iniciado: 'brand' };

function Icon({ status, styles }: { status: Status; styles: Styles }): ReactElement {
  return (
    <svg className={styles.icon} viewBox="0 0 16 16" fill="currentColor" aria-hidden="true">
      <path d={ICON_PATHS[status]} />
    </svg>
  );
}

function Meter({ value, color, label, styles }: { value: number; color: Bar; label: string; styles: Styles }) {
  const percent = Math.min(100, Math.max(0, value * 100));
  return (
    <div className={styles.track} role="progressbar" aria-valuemin={0} aria-valuemax={1} aria-valuenow={value} aria-label={label}>
      <div className={mergeClasses(styles.bar, styles[color])} style={{ width: `${percent}%` }} />
    </div>
  );
}

function Compliance({ reported, total, what, styles }: { reported: number; total: number; what: string; styles: Styles }) {
  return (
    <div className={styles.stack}>
      <span className={mergeClasses(styles.percent, reported === 0 && total > 0 && styles.none)}>{t.dashboard.reported(reported, total)}</span>
      <Meter value={total === 0 ? 0 : reported / total} color={reported >= total ? 'success' : reported === 0 ? 'error' : 'warning'} label={t.dashboard.reportedAria(reported, total, what)} styles={styles} />
    </div>
  );
}

const UnitRow = memo(function UnitRow({ row, period, styles }: { row: DashboardUnitRow; period: string; styles: Styles }) {
  const month = row.compliance?.month ?? null;
  const notDue = row.setState ? t.dashboard.notDueHint(setStateLabels[row.setState]) : t.dashboard.noSetHint;
  const notDueCell = (
    <span className={styles.muted} title={notDue}>
      {t.dashboard.notDue}
    </span>
  );
  const s = row.strategic;
  return (
    <tr className={styles.row} data-unit={row.unit.id} data-testid={`dashboard-row-${row.unit.id}`}>
      <td className={styles.td}>
        <button type="button" className={styles.open} aria-label={t.dashboard.openUnit(row.unit.name)} data-testid={`open-unit-${row.unit.id}`}>
          {row.unit.name}
        </button>
        <span className={styles.kindNote}>{row.unit.kind === 'central' ? t.dashboard.kindCentral : t.dashboard.kindAlcaldia}</span>
      </td>
      <td className={styles.td} tabIndex={0}>
        {row.setState && dashboardBucket(row) === 'en_formulacion' ? (
          <div className={styles.stack}>
            <span className={mergeClasses(styles.pill, styles.formulating)} data-testid={`formulating-${row.unit.id}`}>
              {t.dashboard.formulatingState(setStateLabels[row.setState])}
            </span>
            {s && <span className={styles.muted}>{s.title}</span>}
          </div>
        ) : s ? (
          <div className={styles.stack}>
            <div className={styles.strategicTop}>
              <span className={styles.percent}>{formatPercent(s.displayProgress)}</span>
              <span className={mergeClasses(styles.pillSmall, styles[s.status])} data-status={s.status}>
                <Icon status={s.status} styles={styles} />
                {statusLabels[s.status]}
              </span>
            </div>
            <Meter value={s.displayProgress} color={STATUS_BAR[s.status]} label={t.progressAria(s.title)} styles={styles} />
          </div>
        ) : (
          <span className={styles.muted}>{t.dashboard.noSetHint}</span>
        )}
      </td>
      <td className={styles.td} tabIndex={0}>
        <div className={styles.tactical}>
          {row.tactical.map((o, i) => (
            <span key={o.id} className={mergeClasses(styles.pill, styles[o.status])} title={o.title}>
              <Icon status={o.status} styles={styles} />
              <span aria-hidden="true">T{i + 1}</span>
              <span className={styles.visuallyHidden}>{t.dashboard.tacticalItem(i + 1, statusLabels[o.status])}</span>
            </span>
          ))}
        </div>
      </td>
      <td className={styles.td} tabIndex={0}>
        {month ? <Compliance reported={month.reported} total={month.total} what={periodLabel(period)} styles={styles} /> : notDueCell}
      </td>
      <td className={styles.td} tabIndex={0}>
        {row.compliance && row.compliance.quarter.total > 0 ? (
          <Compliance reported={row.compliance.quarter.reported} total={row.compliance.quarter.total} what={t.dashboard.colQuarter.toLowerCase()} styles={styles} />
        ) : (
          notDueCell
        )}
      </td>
    </tr>
  );
});

/**
 * How many rows are drawn: those a screen shows at once, then ROWS_MORE more in each later task, so
 * the page paints its first screen before the rows below it are built and no task holds the main
 * thread long (all 44 units' rows in one go took some 150 ms on a phone-class CPU).
 */
const ROWS_FIRST = 10;
const ROWS_MORE = 12;

function useRowsDrawn(total: number): number {
  const [drawn, setDrawn] = useState(ROWS_FIRST);
  useEffect(() => {
    if (drawn >= total) return;
    const next = setTimeout(() => startTransition(() => setDrawn((n) => n + ROWS_MORE)), 0);
    return () => clearTimeout(next);
  }, [drawn, total]);
  return drawn;
}

/** The row of an event inside the table body, if any. */
const unitOf = (target: EventTarget | null) => (target instanceof Element ? (target.closest('tr[data-unit]')?.getAttribute('data-unit') ?? null) : null);

export interface DashboardTableProps {
  rows: readonly DashboardUnitRow[];
  period: string;
  onOpenUnit: (unitId: string) => void;
  describedBy: string;
}

/**
 * The units' table: a click anywhere on a row, its name's button, or Enter on one of its cells opens
 * the unit's tree; the arrow keys move through the cells (useGridKeys), one tab stop for the table.
 */
export function DashboardTable({ rows, period, onOpenUnit, describedBy }: DashboardTableProps) {
  const styles = useStyles();
  const grid = useGridKeys();
  const drawn = useRowsDrawn(rows.length);
  const month = periodLabel(period);
  // One listener for the body's rows (instead of two per row).
  const onClick = (e: MouseEvent) => {
    const unit = unitOf(e.target);
    if (unit) onOpenUnit(unit);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLTableCellElement)) return;
    const unit = unitOf(e.target);
    if (unit) onOpenUnit(unit);
  };
  return (
    <table className={styles.table} aria-label={t.dashboard.tableLabel} aria-describedby={describedBy} data-testid="dashboard-table" {...grid}>
      <colgroup>
        <col className={styles.colUnit} />
        <col className={styles.colStrategic} />
        <col className={styles.colTactical} />
        <col className={styles.colCompliance} />
        <col className={styles.colCompliance} />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {t.dashboard.colUnit}
          </th>
          <th scope="col" className={styles.th}>
            {t.dashboard.colStrategic}
          </th>
          <th scope="col" className={styles.th}>
            {t.dashboard.colTactical}
          </th>
          <th scope="col" className={styles.th}>
            {t.dashboard.colMonth(month)}
          </th>
          <th scope="col" className={styles.th}>
            {t.dashboard.colQuarter}
          </th>
        </tr>
      </thead>
      <tbody onClick={onClick} onKeyDown={onKeyDown}>
        {rows.slice(0, drawn).map((r) => (
          <UnitRow key={r.unit.id} row={r} period={period} styles={styles} />
        ))}
      </tbody>
    </table>
  );
}
