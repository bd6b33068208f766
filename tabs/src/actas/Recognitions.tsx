import { Button, Caption1, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Trophy20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { actasText as a } from './strings.js';
import { LoadError } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { useLoad } from '../useLoad.js';
import { formatDate } from '../core.js';

const SHOWN = 6;

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalL,
    overflowWrap: 'anywhere',
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 280px), 1fr))', gap: tokens.spacingHorizontalM },
  item: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorderActive}`, paddingInlineStart: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  icon: { color: tokens.colorPaletteMarigoldForeground1 },
});

/** «Reconocimientos» of a unit (CFR), from its signed actas, newest first. */
export default function Recognitions({ api, unitId, unitName }: { api: Pick<ActasApi, 'recognitions'>; unitId: string; unitName: string }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const load = useLoad((signal) => api.recognitions(unitId, signal), [api, unitId]);
  const [all, setAll] = useState(false);
  useEffect(() => setAll(false), [unitId]);

  const items = load.state === 'ready' ? load.data : [];
  const shown = all ? items : items.slice(0, SHOWN);
  return (
    <section className={mergeClasses(surface.surface, styles.root)} aria-labelledby="recognitions-title" data-testid="recognitions">
      <h2 id="recognitions-title" className={styles.h2}>
        <Trophy20Regular aria-hidden="true" className={styles.icon} />
        {a.recognitionsTitle}
      </h2>
      {load.state === 'loading' && <Spinner size="tiny" label={a.loadingRecognitions} />}
      {load.state === 'error' && (
        <LoadError message={load.message} onRetry={load.retry} testId="recognitions-error" />
      )}
      {load.state === 'ready' && items.length === 0 && (
        <Caption1 className={styles.muted} data-testid="recognitions-empty">
          {a.noRecognitions(unitName)}
        </Caption1>
      )}
      {shown.length > 0 && (
        <ul className={styles.list} data-testid="recognitions-list">
          {shown.map((r) => (
            <li key={r.id} className={styles.item}>
              <strong>{r.to}</strong>
              <span>{r.reason}</span>
              <Caption1 className={styles.muted}>{a.recognitionOrigin(a.kindLabels[r.kind], formatDate(r.date, 'short'))}</Caption1>
            </li>
          ))}
        </ul>
      )}
      {items.length > SHOWN && (
        <div>
          <Button appearance="transparent" size="small" onClick={() => setAll((x) => !x)} data-testid="recognitions-more">
            {all ? a.showFewer : a.showAll(items.length)}
          </Button>
        </div>
      )}
    </section>
  );
}
