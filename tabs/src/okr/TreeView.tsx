import { isVivaSet } from '../../../core/src/vivaSet.js';
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { KeyResultView, MeResponse, OkrTreeView, QuarterId } from '@okr/core';
import { Suspense, lazy, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import type { OkrApi } from '../api/okr.js';
import type { PlanApi } from '../api/plan.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useLoad } from '../useLoad.js';
import { OkrTree } from './OkrTree.js';
import { okrText as t } from './strings.js';

const CheckInDialog = lazy(() => import('./CheckInDialog.js'));
const Recognitions = lazy(() => import('../actas/Recognitions.js'));
const PlanLinks = lazy(() => import('../plan/PlanLinks.js'));

export interface TreeViewProps {
  api: OkrApi & Pick<ActasApi, 'recognitions'> & Pick<PlanApi, 'servingMetas'>;
  me: MeResponse;
  unitId: string;
  quarter: QuarterId;
}

/** «Árbol de OKR»: the unit's tree for the quarter, «Reportar avance» on each key result, and the unit's recognitions. */
export default function TreeView({ api, me, unitId, quarter }: TreeViewProps) {
  const tree = useLoad((signal) => api.tree(unitId, quarter, signal), [api, unitId, quarter]);
  const [reporting, setReporting] = useState<KeyResultView | null>(null);
  const [savedNotice, setSavedNotice] = useState<string | null>(null);

  return (
    <section aria-busy={tree.state === 'loading'}>
      {tree.state === 'loading' && <Loading label={t.loadingTree} />}
      {tree.state === 'error' && <LoadError title={t.treeErrorTitle} message={tree.message} onRetry={tree.retry} testId="tree-error" />}
      {savedNotice && (
        <MessageBar intent="success" data-testid="checkin-saved">
          <MessageBarBody>{savedNotice}</MessageBarBody>
        </MessageBar>
      )}
      {tree.state === 'ready' && (
        <OkrTree
          tree={tree.data}
          onReport={
            canReport(me, tree.data)
              ? (kr) => {
                  setSavedNotice(null);
                  setReporting(kr);
                }
              : undefined
          }
        />
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
      {reporting && tree.state === 'ready' && (
        <Suspense fallback={null}>
          <CheckInDialog
            api={api}
            unitId={tree.data.unit.id}
            period={me.currentPeriod}
            kr={reporting}
            expected={tree.data.expected}
            onClose={() => setReporting(null)}
            onSaved={(updated) => {
              tree.set(updated);
              setSavedNotice(t.reportSaved(reporting.title));
              setReporting(null);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}

/** Enlaces and líderes report for their unit, on the current quarter's active set; the server checks again. */
function canReport(me: MeResponse, tree: OkrTreeView): boolean {
  return (
    tree.quarter === me.currentQuarter &&
    tree.set?.state === 'active' &&
    !isVivaSet(tree.set.id) &&
    me.roles.some((r) => (r.role === 'enlace' || r.role === 'lider') && r.unitId === tree.unit.id)
  );
}
