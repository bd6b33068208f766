import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useSurfaceStyles } from './surfaceStyles.js';

const useStyles = makeStyles({
  tiles: { display: 'grid', gap: tokens.spacingHorizontalM, margin: 0 },
  tile: { display: 'flex', flexDirection: 'column-reverse', justifyContent: 'flex-end', gap: tokens.spacingVerticalXXS },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  value: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
});

/** One figure: its key (for the tile's test id), its label and its value. */
export type Stat = readonly [key: string, label: string, value: string | number];

export interface StatTilesProps {
  stats: readonly Stat[];
  /** The grid's columns (`gridTemplateColumns`): how narrow a tile may get before they wrap. */
  className: string;
  testId: string;
  tileTestId: (key: string) => string;
}

/** A view's key figures as a row of cards, each its big value over its label (a `<dl>`: the label names the value). */
export function StatTiles({ stats, className, testId, tileTestId }: StatTilesProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  return (
    <dl className={mergeClasses(styles.tiles, className)} data-testid={testId}>
      {stats.map(([key, label, value]) => (
        <div key={key} className={mergeClasses(surface.card, styles.tile)} data-testid={tileTestId(key)}>
          <dd className={styles.value}>{value}</dd>
          <dt className={styles.label}>{label}</dt>
        </div>
      ))}
    </dl>
  );
}
