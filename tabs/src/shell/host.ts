/**
 * Where the tab runs: inside Microsoft Teams (teams-js answers) or in a plain browser (local
 * development, tests). teams-js is loaded on demand, so a plain browser never downloads it.
 */
import type { EntraPick } from '@okr/core';
import type { ThemeName } from '../ui/themeName.js';

/**
 * Where Teams shows the page: a tab's content, a meeting's side panel or stage, or the settings
 * (configuration) page of a channel or chat tab.
 */
export type FrameName = 'content' | 'sidePanel' | 'meetingStage' | 'settings';

/** The configuration page's part of teams-js (`pages.config`). */
export interface TabConfigHost {
  setValid(valid: boolean): void;
  /** Teams calls back when the person presses Save; the page then stores the tab's settings. */
  onSave(handler: (save: { succeed(): void; fail(reason: string): void }) => void): void;
  setConfig(config: { entityId: string; contentUrl: string; websiteUrl: string; suggestedDisplayName: string }): Promise<void>;
}

export interface Host {
  mode: 'teams' | 'browser';
  theme: ThemeName;
  /** Deep-link payload from Teams (`subEntityId`), e.g. "unit=al-usaquen&quarter=2026-Q4". */
  subPageId: string | null;
  /** Calls back with the new theme whenever Teams switches it. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The Teams SSO token for our API (only inside Teams). */
  getAuthToken: (() => Promise<string>) | null;
  /** Where the page is shown; outside Teams `?frame=` can preview a meeting surface. */
  frame: FrameName;
  /** Shares a URL of this app to the meeting stage (meeting side panel with the permission only). */
  shareToStage: ((url: string) => Promise<void>) | null;
  /** Opens a Teams deep link (inside Teams only). */
  openLink: ((url: string) => Promise<void>) | null;
  /** The Teams app id, for deep links to the personal tab (inside Teams only). */
  appId: string | null;
  /** The configuration page's calls (Teams' settings frame only). */
  config: TabConfigHost | null;
  /** Teams' own people picker (teams-js `people.selectPeople`), where the client supports it. */
  selectPeople: SelectPeople | null;
}

/** Opens Teams' people picker; resolves with the people chosen (Entra object id, name, e-mail), none if cancelled. */
export type SelectPeople = (options: { title: string; single: boolean; selected: readonly string[] }) => Promise<EntraPick[]>;

export const TEAMS_INIT_TIMEOUT_MS = 1500;

export function toThemeName(value: string | null | undefined): ThemeName {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/**
 * teams-js itself gives up at once when the page has no parent window, no opener and no native
 * bridge (mobile clients): that is a plain browser tab, and there is no point loading the SDK.
 */
function couldBeInsideTeams(w: Window): boolean {
  return w.parent !== w || Boolean(w.opener) || 'nativeInterface' in w;
}

export function toFrameName(value: string | null | undefined): FrameName {
  return value === 'sidePanel' || value === 'meetingStage' || value === 'settings' ? value : 'content';
}

function browserHost(search: URLSearchParams): Host {
  return {
    mode: 'browser',
    theme: toThemeName(search.get('theme')),
    subPageId: null,
    onThemeChange: () => {},
    getAuthToken: null,
    frame: toFrameName(search.get('frame')),
    shareToStage: null,
    openLink: null,
    appId: null,
    config: null,
    selectPeople: null,
  };
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js initialisation timed out')), ms));
}

async function teamsHost(timeoutMs: number): Promise<Host> {
  const { app, authentication, meeting, pages, people } = await import('./teamsSdk.js');
  // Outside Teams, inside some other frame, initialize() never settles: give it a short time.
  await Promise.race([app.initialize(), timeout(timeoutMs)]);
  const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
  app.notifySuccess();
  const frame = toFrameName(context.page.frameContext);
  const canShare =
    frame === 'sidePanel' && Boolean(context.meeting?.id)
      ? await Promise.race([
          new Promise<boolean>((done) => meeting.getAppContentStageSharingCapabilities((error, caps) => done(!error && Boolean(caps?.doesAppHaveSharePermission)))),
          timeout(timeoutMs).catch(() => false),
        ])
      : false;
  return {
    mode: 'teams',
    theme: toThemeName(context.app.theme),
    subPageId: context.page.subPageId ?? null,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
    getAuthToken: () => authentication.getAuthToken(),
    frame,
    shareToStage: canShare
      ? (url) =>
          new Promise<void>((done, fail) =>
            meeting.shareAppContentToStage((error) => (error ? fail(new Error(error.message ?? String(error.errorCode))) : done()), url),
          )
      : null,
    openLink: (url) => app.openLink(url),
    appId: context.app.appId?.toString() ?? null,
    config:
      frame === 'settings'
        ? {
            setValid: (valid) => pages.config.setValidityState(valid),
            onSave: (handler) =>
              pages.config.registerOnSaveHandler((event) => handler({ succeed: () => event.notifySuccess(), fail: (reason) => event.notifyFailure(reason) })),
            setConfig: (config) => pages.config.setConfig(config),
          }
        : null,
    selectPeople: people.isSupported()
      ? async ({ title, single, selected }) => {
          try {
            const chosen = await people.selectPeople({ title, singleSelect: single, setSelected: [...selected], openOrgWideSearchInChatOrChannel: true });
            return chosen.map((p) => ({ objectId: p.objectId, displayName: p.displayName ?? '', email: p.email ?? '' }));
          } catch {
            return []; // cancelled
          }
        }
      : null,
  };
}

let started: Promise<Host> | undefined;

/** Detects the host once per page (React's strict mode would otherwise initialise twice). */
export function startHost(w: Window = window): Promise<Host> {
  started ??= (async () => {
    const search = new URLSearchParams(w.location.search);
    if (!couldBeInsideTeams(w)) return browserHost(search);
    try {
      return await teamsHost(TEAMS_INIT_TIMEOUT_MS);
    } catch {
      return browserHost(search);
    }
  })();
  return started;
}
