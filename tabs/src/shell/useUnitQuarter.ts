import type { MeResponse, OkrTreeView, QuarterId, Unit } from '@okr/core';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../api/http.js';
import type { OkrApi } from '../api/okr.js';
import type { ShellApi } from '../api/shell.js';
import { errorMessage } from '../errorMessage.js';
import { defaultUnit } from './MisOkr.js';
import type { DeepLink } from './location.js';
import { t } from '../strings.js';

export type Load<T> = { state: 'loading' } | { state: 'error'; message: string; status: number } | { state: 'ready'; data: T };

const failure = (error: unknown) => ({
  state: 'error' as const,
  message: errorMessage(error),
  status: error instanceof ApiRequestError ? error.status : 0,
});

/**
 * Who I am, the unit the address asks for (or my own) and its OKR tree for the asked quarter (or
 * the current one): what the meeting side panel and the stage show.
 */
export function useUnitQuarter(api: ShellApi & OkrApi, deepLink: DeepLink) {
  const [me, setMe] = useState<Load<MeResponse>>({ state: 'loading' });
  const [tree, setTree] = useState<Load<OkrTreeView>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [target, setTarget] = useState<{ unit: Unit; quarter: QuarterId } | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setMe({ state: 'loading' });
    api.me(abort.signal).then(
      (data) => {
        setMe({ state: 'ready', data });
        const unit = defaultUnit(data, deepLink.unitId);
        setTarget(unit && { unit, quarter: deepLink.quarter ?? data.currentQuarter });
        if (!unit) setTree({ state: 'error', message: t.noUnitsBody, status: 0 });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setMe(failure(error));
      },
    );
    return () => abort.abort();
  }, [api, deepLink.unitId, deepLink.quarter, attempt]);

  useEffect(() => {
    if (!target) return;
    const abort = new AbortController();
    setTree({ state: 'loading' });
    api.tree(target.unit.id, target.quarter, abort.signal).then(
      (data) => setTree({ state: 'ready', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setTree(failure(error));
      },
    );
    return () => abort.abort();
  }, [api, target]);

  return { me, tree, target, retry: () => setAttempt((n) => n + 1) };
}
