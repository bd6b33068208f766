/**
 * What the page address and the browser remember: the development identity (`?as=`, then
 * localStorage `okr.devPersonId`) and the deep link to a unit and quarter (`?unit=&quarter=`, or
 * the same pair in Teams' `subEntityId`), with a view (`?view=`), an acta (`?acta=`) or, in the
 * monthly review, one unit's month (`?view=revision&unit=<unitId>&month=<YYYY-MM>`).
 */
import type { MeResponse, QuarterId, Unit } from '@okr/core';
// Straight from its file, not through ../core.js: the address is read in the first load.
import { isQuarterId, nextQuarter, quarterOf } from '../../../core/src/quarter.js';

export const DEV_PERSON_STORAGE_KEY = 'okr.devPersonId';

/**
 * The `?view=` values an address may carry: the `link` column of the views table (views.ts), which
 * is typed by this list. Kept here rather than read from the table so that the first load, which
 * reads the address, does not carry the table's lazy imports.
 */
export const DEEP_LINK_VIEWS = ['tablero', 'plenarias', 'compromisos', 'actas-oap', 'plan', 'plan-reporte', 'plan-modificaciones', 'plan-revision', 'ranking', 'revision', 'cierre', 'equipo', 'directorio', 'pei', 'validacion', 'propuestas'] as const;
export type DeepLinkView = (typeof DEEP_LINK_VIEWS)[number];

export interface DeepLink {
  unitId: string | null;
  quarter: QuarterId | null;
  /** `?view=`: a view of the views table other than a unit's tree (`tablero`, `plenarias`, `compromisos`, `actas-oap`, `revision`, `cierre`). */
  view?: DeepLinkView | null;
  /** `?acta=<plenariaId>`: that plenaria's acta (in the plenarias view, or the OAP's). Present only when asked. */
  acta?: string | null;
  /**
   * `?month=<YYYY-MM>`: with `?view=revision` and `?unit=`, that unit's month opens in the review.
   * Present only when asked and well formed; a link without `?quarter=` is in the month's quarter.
   */
  month?: string | null;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const isView = (v: string | undefined): v is DeepLinkView => (DEEP_LINK_VIEWS as readonly string[]).includes(v ?? '');

function parseDeepLink(params: URLSearchParams): DeepLink {
  const unit = params.get('unit')?.trim();
  const quarter = params.get('quarter')?.trim();
  const view = params.get('view')?.trim();
  const acta = params.get('acta')?.trim();
  const month = params.get('month')?.trim();
  return { unitId: unit || null, quarter: quarter && isQuarterId(quarter) ? quarter : null, view: isView(view) ? view : null, ...(acta ? { acta } : {}), ...(month && MONTH.test(month) ? { month } : {}) };
}

/** The unit and quarter asked for by the address, else by the Teams deep link. */
export function readDeepLink(search: string, subPageId: string | null): DeepLink {
  const fromUrl = parseDeepLink(new URLSearchParams(search));
  const fromTeams: DeepLink = subPageId ? parseDeepLink(new URLSearchParams(subPageId)) : { unitId: null, quarter: null };
  const acta = fromUrl.acta ?? fromTeams.acta;
  const month = fromUrl.month ?? fromTeams.month;
  const quarter = fromUrl.quarter ?? fromTeams.quarter ?? (month ? quarterOf(`${month}-01`) : null);
  return { unitId: fromUrl.unitId ?? fromTeams.unitId, quarter, view: fromUrl.view ?? fromTeams.view ?? null, ...(acta ? { acta } : {}), ...(month ? { month } : {}) };
}

/** Keeps the address in step with what is on screen, so a reload or a shared link shows the same. */
export function writeDeepLink(link: { unitId: string | null; quarter: QuarterId; view?: DeepLinkView | null; acta?: string | null; month?: string | null }): void {
  const url = new URL(window.location.href);
  if (link.unitId) url.searchParams.set('unit', link.unitId);
  url.searchParams.set('quarter', link.quarter);
  if (link.view) url.searchParams.set('view', link.view);
  else url.searchParams.delete('view');
  if (link.acta) url.searchParams.set('acta', link.acta);
  else url.searchParams.delete('acta');
  if (link.month) url.searchParams.set('month', link.month);
  else url.searchParams.delete('month');
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // blocked storage (privacy settings, sandboxed frame)
  }
}

/** `?as=` wins (and is remembered); otherwise the last person chosen in the picker. */
export function readDevPersonId(search: string): string | null {
  const fromUrl = new URLSearchParams(search).get('as')?.trim();
  if (fromUrl) {
    rememberDevPersonId(fromUrl);
    return fromUrl;
  }
  return storage()?.getItem(DEV_PERSON_STORAGE_KEY) || null;
}

export function rememberDevPersonId(personId: string): void {
  try {
    storage()?.setItem(DEV_PERSON_STORAGE_KEY, personId);
  } catch {
    // quota or privacy mode: the choice lasts for this page only
  }
}

/** After choosing in the picker, drop a stale `?as=` so the address matches the new identity. */
export function writeDevPersonId(personId: string): void {
  rememberDevPersonId(personId);
  const url = new URL(window.location.href);
  if (url.searchParams.has('as')) {
    url.searchParams.set('as', personId);
    window.history.replaceState(window.history.state, '', url);
  }
}

/**
 * The quarters the picker offers, newest first: the next one (being formulated) and the current one,
 * the earlier ones that have data (some unit's set), and a deep-linked one. A quarter where every
 * unit would read «Sin set» is not offered.
 */
export function quarterOptions(current: QuarterId, extra: QuarterId | null, withData: readonly QuarterId[] = []): QuarterId[] {
  const list = new Set<QuarterId>([nextQuarter(current), current, ...withData.filter((q) => q < current)]);
  if (extra) list.add(extra);
  return [...list].sort().reverse();
}

/** The unit shown first: the deep-linked one if the person may see it, else their own unit. */
export function defaultUnit(me: MeResponse, requested: string | null): Unit | null {
  const byId = new Map(me.units.map((u) => [u.id, u]));
  if (requested && byId.has(requested)) return byId.get(requested)!;
  const own = me.roles.map((r) => (r.unitId ? byId.get(r.unitId) : undefined)).find((u) => u !== undefined);
  return own ?? me.units[0] ?? null;
}
