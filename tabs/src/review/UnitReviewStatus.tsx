import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { QuarterId, UnitMonthReviewResponse } from '@okr/core';
import type { ReviewApi } from '../api/review.js';
import { periodTitle, quarterMonths } from '../core.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { formatInstant } from './format.js';
import { MonthStateBadge } from './MonthStateBadge.js';
import { reviewText as r } from './strings.js';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalL },
  months: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  month: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3, whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
});

export interface UnitReviewStatusProps {
  api: Pick<ReviewApi, 'reviewUnit'>;
  unitId: string;
  quarter: QuarterId;
  /** This month in Bogotá ("2026-12"): later months are not shown. */
  currentPeriod: string;
}

/**
 * Under a unit's tree: the ETI's review of each of the quarter's months that has started — its state
 * and every step with who, when and the observations — for everyone who sees the unit. Shown
 * lazily by the okr module's tree.
 */
export default function UnitReviewStatus({ api, unitId, quarter, currentPeriod }: UnitReviewStatusProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const periods = quarterMonths(quarter).filter((p) => p <= currentPeriod);
  const load = useLoad(
    periods.length === 0 ? null : (signal) => Promise.all(periods.map((p) => api.reviewUnit(unitId, p, signal))),
    [api, unitId, quarter, currentPeriod],
  );
  if (periods.length === 0 || load.state !== 'ready') return null;
  const months: UnitMonthReviewResponse[] = load.data.filter((m) => m.total > 0);
  if (months.length === 0) return null;
  return (
    <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="unit-review-title" data-testid="unit-review">
      <h3 id="unit-review-title" className={view.h3}>
        {r.unitReview.title}
      </h3>
      <ol className={styles.months}>
        {months.map((m) => (
          <li key={m.period} className={styles.month} data-testid={`unit-review-${m.period}`}>
            <div className={styles.head}>
              <strong>{periodTitle(m.period)}</strong>
              <MonthStateBadge state={m.state} forUnit size="small" />
            </div>
            {m.history.map((h, i) => (
              <Caption1 key={i} className={styles.muted}>
                {r.unit.historyLine(r.actions[h.action], h.actorName, formatInstant(h.at))}
                {h.note ? `\n${r.unit.generalNote}: ${h.note}` : ''}
                {h.observations.map((o) => `\n${r.unit.observationOf(o.keyResultTitle)}: ${o.text}`).join('')}
              </Caption1>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
