import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { InstitutionalObjective, QuarterId } from '@okr/core';
import type { PlanApi } from '../api/plan.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { useLoad } from '../useLoad.js';
import { planText as p } from './strings.js';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`, marginTop: tokens.spacingVerticalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Under a unit's OKR tree: the metas of its plan de gestión that serve the set's strategic objective. */
export default function PlanLinks({ api, unitId, quarter, objective }: { api: Pick<PlanApi, 'servingMetas'>; unitId: string; quarter: QuarterId; objective: InstitutionalObjective }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const year = Number(quarter.slice(0, 4));
  const load = useLoad((signal) => api.servingMetas(unitId, year, objective.id, signal), [api, unitId, year, objective.id]);
  if (load.state !== 'ready') return null;
  const t = p.treeLinks;
  return (
    <section className={mergeClasses(surface.surface, styles.root)} aria-labelledby="plan-links-tree" data-testid="tree-plan-links">
      <h2 id="plan-links-tree" className={styles.h2}>
        {t.title}
      </h2>
      {load.data.metas.length === 0 ? (
        <Caption1 className={styles.muted}>{t.none(year)}</Caption1>
      ) : (
        <>
          <Caption1>{t.intro(objective.code, year)}</Caption1>
          <ul className={styles.list}>
            {load.data.metas.map((m) => (
              <li key={m.id}>
                <Caption1>
                  {m.order}. {m.statement} <span className={styles.muted}>({m.indicator})</span>
                </Caption1>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
