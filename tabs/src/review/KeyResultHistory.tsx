import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { QuarterId } from '@okr/core';
import type { ReviewApi } from '../api/review.js';
import { periodTitle } from '../core.js';
import { formatKrValue } from '../okr/format.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useLoad } from '../useLoad.js';
import { formatShortInstant } from './format.js';
import { reviewText as r } from './strings.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  value: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3, display: 'block' },
  earlier: { color: tokens.colorNeutralForeground3, display: 'block', paddingInlineStart: tokens.spacingHorizontalM },
});

export interface KeyResultHistoryProps {
  api: Pick<ReviewApi, 'keyResultHistory'>;
  unitId: string;
  keyResultId: string;
  quarter: QuarterId;
}

/**
 * A key result's months in the quarter: each value with who reported it and when, and — for a month
 * edited after its first report — the values it had before, from the audit trail. Shown lazily by
 * the tree and by the review.
 */
export default function KeyResultHistory({ api, unitId, keyResultId, quarter }: KeyResultHistoryProps) {
  const styles = useStyles();
  const load = useLoad((signal) => api.keyResultHistory(unitId, keyResultId, quarter, signal), [api, unitId, keyResultId, quarter]);
  if (load.state === 'loading') return <Loading label={r.history.loading} />;
  if (load.state === 'error') return <LoadError title={r.history.errorTitle} message={load.message} onRetry={load.retry} />;
  const { keyResult, months } = load.data;
  if (months.length === 0) return <Caption1 className={styles.muted}>{r.history.empty}</Caption1>;
  return (
    <ol className={styles.list} aria-label={r.history.title(keyResult.title)} data-testid={`kr-history-${keyResultId}`}>
      {months.map((m) => (
        <li key={m.period}>
          <span className={styles.value}>{r.history.month(periodTitle(m.period), formatKrValue(keyResult, m.value))}</span>
          <Caption1 className={styles.muted}>
            {r.history.by(m.authorName, formatShortInstant(m.at))}
            {m.version > 1 ? ` · ${r.history.edited(m.version - 1)}` : ''}
          </Caption1>
          {m.earlier.map((e, i) => (
            <Caption1 key={i} className={styles.earlier}>
              {r.history.before(formatKrValue(keyResult, e.value), e.authorName, formatShortInstant(e.at))}
            </Caption1>
          ))}
        </li>
      ))}
    </ol>
  );
}
