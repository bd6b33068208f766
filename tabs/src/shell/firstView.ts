import type { MeResponse } from '@okr/core';
import type { ApiClient } from '../api/index.js';
import { defaultUnit, type DeepLink } from './location.js';
import { openedBy, viewsFor } from './views.js';

/**
 * The first view's data, started with the page instead of after its code: the shell (App.tsx)
 * asks `/api/me` at once; with its answer this starts — while the view's chunks may still be on
 * their way — the GETs of the view the address opens (its row's `preload`), for the unit and
 * quarter the page will show (MisOkr's own defaults). `api` is a preloading client: the views' own
 * calls take these answers. A failure is left to the view, which asks again and shows it.
 */
export function preloadFirstView(api: ApiClient, me: MeResponse, link: DeepLink): void {
  const views = viewsFor(me);
  const opened = openedBy(link);
  const view = views.entity.find((v) => v.id === opened.entity) ?? views.unit.find((v) => v.id === opened.unit) ?? views.unit[0];
  if (!view || !('preload' in view)) return;
  view.preload(api, { unitId: defaultUnit(me, link.unitId ?? null)?.id ?? null, quarter: link.quarter ?? me.currentQuarter });
}
