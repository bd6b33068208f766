import { isVivaSet } from '../../../core/src/vivaSet.js';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { KeyResultView, MeResponse, QuarterId } from '@okr/core';
import { Suspense, lazy, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import type { OkrApi } from '../api/okr.js';
import type { PlanApi } from '../api/plan.js';
import type { ReviewApi } from '../api/review.js';
import { quarterOf } from '../core.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useLoad } from '../useLoad.js';
import { OkrTree } from './OkrTree.js';
import { okrText as t } from './strings.js';

const CheckInDialog = lazy(() => import('./CheckInDialog.js'));
const Recognitions = lazy(() => import('../actas/Recognitions.js'));
const KeyResultHistory = lazy(() => import('../review/KeyResultHistory.js'));
const UnitReviewStatus = lazy(() => import('../review/UnitReviewStatus.js'));
const PlanLinks = lazy(() => import('../plan/PlanLinks.js'));

export interface TreeViewProps {
  api: OkrApi & Pick<ActasApi, 'recognitions'> & Pick<PlanApi, 'servingMetas'> & Pick<ReviewApi, 'keyResultHistory' | 'reviewUnit'>;
  me: MeResponse;
  unitId: string;
  quarter: QuarterId;
}

/**
 * «Árbol de OKR»: the unit's tree for the quarter, «Reportar avance» on each key result while a
 * month of its quarter is open (any open month, chosen in the dialog), each key result's history,
 * the ETI's review of the quarter's months and the unit's recognitions.
 */
export default function TreeView({ api, me, unitId, quarter }: TreeViewProps) {
  const tree = useLoad((signal) => api.tree(unitId, quarter, signal), [api, unitId, quarter]);
  const reporter = me.roles.some((r) => (r.role === 'enlace' || r.role === 'lider') && r.unitId === unitId);
  const months = useLoad(reporter ? (signal) => api.checkInMonths(unitId, signal) : null, [api, unitId, reporter]);
  const [reporting, setReporting] = useState<KeyResultView | null>(null);
  const [savedNotice, setSavedNotice] = useState<string | null>(null);

  const open = tree.state === 'ready' && months.state === 'ready' && tree.data.set?.state === 'active' ? months.data.months.filter((m) => quarterOf(`${m.period}-01`) === tree.data.quarter) : [];
  const suggested = months.state === 'ready' && open.some((m) => m.period === months.data.suggested) ? months.data.suggested! : (open[0]?.period ?? null);
  // A set imported from Viva Goals is history (its banner says so): no month of it is open.
  const allClosed =
    tree.state === 'ready' && months.state === 'ready' && tree.data.set?.state === 'active' && !isVivaSet(tree.data.set.id) && tree.data.quarter === me.currentQuarter && open.length === 0;

  return (
    <section aria-busy={tree.state === 'loading'}>
      {tree.state === 'loading' && <Loading label={t.loadingTree} />}
      {tree.state === 'error' && <LoadError title={t.treeErrorTitle} message={tree.message} onRetry={tree.retry} testId="tree-error" />}
      {savedNotice && (
        <MessageBar intent="success" data-testid="checkin-saved">
          <MessageBarBody>{savedNotice}</MessageBarBody>
        </MessageBar>
      )}
      {allClosed && (
        <MessageBar intent="info" data-testid="months-closed">
          <MessageBarBody>{t.monthsClosed}</MessageBarBody>
        </MessageBar>
      )}
      {tree.state === 'ready' && (
        <OkrTree
          tree={tree.data}
          onReport={
            open.length > 0
              ? (kr) => {
                  setSavedNotice(null);
                  setReporting(kr);
                }
              : undefined
          }
          historyOf={(kr) => (
            <Suspense fallback={null}>
              <KeyResultHistory api={api} unitId={tree.data.unit.id} keyResultId={kr.id} quarter={tree.data.quarter} />
            </Suspense>
          )}
        />
      )}
      {tree.state === 'ready' && tree.data.set && (
        <Suspense fallback={null}>
          <UnitReviewStatus api={api} unitId={tree.data.unit.id} quarter={tree.data.quarter} currentPeriod={me.currentPeriod} />
        </Suspense>
      )}
      {tree.state === 'ready' && (
        <Suspense fallback={null}>
          <Recognitions api={api} unitId={tree.data.unit.id} unitName={tree.data.unit.name} />
        </Suspense>
      )}
      {tree.state === 'ready' && tree.data.institutionalObjective && (
        <Suspense fallback={null}>
          <PlanLinks api={api} unitId={tree.data.unit.id} quarter={tree.data.quarter} objective={tree.data.institutionalObjective} />
        </Suspense>
      )}
      {reporting && tree.state === 'ready' && suggested && (
        <Suspense fallback={null}>
          <CheckInDialog
            api={api}
            unitId={tree.data.unit.id}
            months={open}
            initialPeriod={suggested}
            kr={reporting}
            expected={tree.data.expected}
            onClose={() => setReporting(null)}
            onSaved={(updated) => {
              tree.set(updated);
              months.retry();
              setSavedNotice(t.reportSaved(reporting.title));
              setReporting(null);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
