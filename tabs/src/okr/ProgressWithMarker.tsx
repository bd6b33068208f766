import { ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Status } from '@okr/core';
import { formatPercent } from '../core.js';
import { okrText as t } from './strings.js';
import { useThemeName } from '../ui/themeName.js';
import { statusAppearance } from './StatusBadge.js';

const useStyles = makeStyles({
  root: { position: 'relative', width: '100%', paddingBlock: '4px' },
  track: { backgroundColor: tokens.colorNeutralStroke2 },
  // In high contrast the empty track has the page's colour: outline it so the scale stays visible.
  contrastTrack: { outline: `1px solid ${tokens.colorNeutralStroke1}` },
  // Fluent's "warning" bar is orange-red, too close to "error": behind is amber, at risk is red.
  behind: { backgroundColor: tokens.colorPaletteMarigoldBackground3 },
  marker: {
    position: 'absolute',
    top: '0',
    bottom: '0',
    width: '3px',
    marginLeft: '-1px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralForeground1,
    boxShadow: `0 0 0 1px ${tokens.colorNeutralBackground1}`,
    pointerEvents: 'none',
    '@media (forced-colors: active)': { backgroundColor: 'CanvasText' },
  },
});

export interface ProgressWithMarkerProps {
  /** Progress clamped to 0..1. */
  value: number;
  /** Progress expected today (0..1): drawn as a vertical mark. */
  expected: number;
  status: Status;
  /** What the bar measures, for screen readers. */
  label: string;
  thickness?: 'medium' | 'large';
}

/** A progress bar coloured by status, with a mark where progress should be by today. */
export function ProgressWithMarker({ value, expected, status, label, thickness = 'large' }: ProgressWithMarkerProps) {
  const styles = useStyles();
  // High contrast keeps Fluent's own bar colours: the theme maps them to contrasting ones.
  const custom = useThemeName() !== 'contrast';
  const percent = Math.round(value * 100);
  const expectedText = formatPercent(expected);
  return (
    <div className={styles.root} title={t.expectedToday(expectedText)}>
      <ProgressBar
        value={percent}
        max={100}
        thickness={thickness}
        color={statusAppearance[status].bar}
        className={custom ? styles.track : styles.contrastTrack}
        bar={custom && status === 'atrasado' ? { className: styles.behind } : undefined}
        aria-label={label}
        aria-valuetext={t.progressValueText(formatPercent(value), expectedText)}
      />
      <span aria-hidden="true" className={styles.marker} style={{ left: `${Math.min(100, Math.max(0, expected * 100))}%` }} />
    </div>
  );
}
