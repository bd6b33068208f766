import type { OkrTreeView } from '@okr/core';
import type { OkrApi } from '../api/okr.js';
import type { ShellApi } from '../api/shell.js';
import { t } from '../strings.js';
import { useLoad, type Loaded } from '../useLoad.js';
import { defaultUnit, type DeepLink } from './location.js';

/**
 * Who I am, the unit the address asks for (or my own) and its OKR tree for the asked quarter (or
 * the current one): what the meeting side panel and the stage show.
 */
export function useUnitQuarter(api: ShellApi & OkrApi, deepLink: DeepLink) {
  const me = useLoad((signal) => api.me(signal), [api]);
  const unit = me.state === 'ready' ? defaultUnit(me.data, deepLink.unitId) : null;
  const quarter = me.state === 'ready' ? (deepLink.quarter ?? me.data.currentQuarter) : null;
  const tree = useLoad(unit && quarter ? (signal) => api.tree(unit.id, quarter, signal) : null, [api, unit?.id, quarter]);
  const noUnit: Loaded<OkrTreeView> | null = me.state === 'ready' && !unit ? { state: 'error', message: t.noUnitsBody, status: 0 } : null;
  return { me, tree: noUnit ?? tree, retry: me.state === 'error' ? me.retry : tree.retry };
}
