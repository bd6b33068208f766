/**
 * Charts drawn as plain SVG (no charting library: a few rectangles do): a chart's card and one
 * horizontal bar split by category with its text legend, so colour is never the only cue and
 * screen readers get the numbers. The dashboard and the quarter close draw theirs with these.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useSurfaceStyles } from './surfaceStyles.js';

const useStyles = makeStyles({
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
});

export interface Segment {
  key: string;
  label: string;
  value: number;
  fill: string;
}

/** A chart's card under its title, which names the figure (`${testId}-title`). */
export function ChartCard({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
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

/** One horizontal bar split by category, with its legend; `itemLabel` reads one category for screen readers. */
export function StackedBar({ title, segments, testId, itemLabel }: { title: string; segments: Segment[]; testId: string; itemLabel: (label: string, n: number) => string }) {
  const styles = useStyles();
  const total = segments.reduce((n, s) => n + s.value, 0);
  let x = 0;
  const summary = segments.filter((s) => s.value > 0).map((s) => itemLabel(s.label, s.value)).join('; ');
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

/** The fills of the five statuses, of a set being formulated and of «sin set» (the dashboard's and the quarter close's charts). */
export const STATUS_FILL = {
  completado: tokens.colorPaletteGreenBackground3,
  en_curso: tokens.colorBrandBackground,
  atrasado: tokens.colorPaletteMarigoldBackground3,
  en_riesgo: tokens.colorPaletteRedBackground3,
  no_iniciado: tokens.colorNeutralStrokeAccessible,
  en_formulacion: tokens.colorPaletteLavenderBackground2,
  sin_set: tokens.colorNeutralStroke2,
} as const;
