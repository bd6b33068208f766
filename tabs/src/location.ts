/**
 * What the page address and the browser remember: the development identity (`?as=`, then
 * localStorage `okr.devPersonId`) and the deep link to a unit and quarter (`?unit=&quarter=`, or
 * the same pair in Teams' `subEntityId`).
 */
import type { QuarterId } from '@okr/core';
import { isQuarterId } from './core.js';

export const DEV_PERSON_STORAGE_KEY = 'okr.devPersonId';

/** Views other than a unit's tree that an address can open directly. */
export type DeepLinkView = 'tablero';

export interface DeepLink {
  unitId: string | null;
  quarter: QuarterId | null;
  /** `?view=tablero`: the entity dashboard (for those who may see it). */
  view?: DeepLinkView | null;
}

function parseDeepLink(params: URLSearchParams): DeepLink {
  const unit = params.get('unit')?.trim();
  const quarter = params.get('quarter')?.trim();
  const view = params.get('view')?.trim();
  return { unitId: unit || null, quarter: quarter && isQuarterId(quarter) ? quarter : null, view: view === 'tablero' ? view : null };
}

/** The unit and quarter asked for by the address, else by the Teams deep link. */
export function readDeepLink(search: string, subPageId: string | null): DeepLink {
  const fromUrl = parseDeepLink(new URLSearchParams(search));
  const fromTeams = subPageId ? parseDeepLink(new URLSearchParams(subPageId)) : { unitId: null, quarter: null };
  return { unitId: fromUrl.unitId ?? fromTeams.unitId, quarter: fromUrl.quarter ?? fromTeams.quarter, view: fromUrl.view ?? fromTeams.view ?? null };
}

/** Keeps the address in step with what is on screen, so a reload or a shared link shows the same. */
export function writeDeepLink(link: { unitId: string | null; quarter: QuarterId; view?: DeepLinkView | null }): void {
  const url = new URL(window.location.href);
  if (link.unitId) url.searchParams.set('unit', link.unitId);
  url.searchParams.set('quarter', link.quarter);
  if (link.view) url.searchParams.set('view', link.view);
  else url.searchParams.delete('view');
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
