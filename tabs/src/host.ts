/**
 * Where the tab runs: inside Microsoft Teams (teams-js answers) or in a plain browser (local
 * development, tests). teams-js is loaded on demand, so a plain browser never downloads it.
 */
export type ThemeName = 'default' | 'dark' | 'contrast';

export interface Host {
  mode: 'teams' | 'browser';
  theme: ThemeName;
  /** Deep-link payload from Teams (`subEntityId`), e.g. "unit=al-usaquen&quarter=2026-Q4". */
  subPageId: string | null;
  /** Calls back with the new theme whenever Teams switches it. */
  onThemeChange(handler: (theme: ThemeName) => void): void;
  /** The Teams SSO token for our API (only inside Teams). */
  getAuthToken: (() => Promise<string>) | null;
}

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

function browserHost(search: URLSearchParams): Host {
  return {
    mode: 'browser',
    theme: toThemeName(search.get('theme')),
    subPageId: null,
    onThemeChange: () => {},
    getAuthToken: null,
  };
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('teams-js initialisation timed out')), ms));
}

async function teamsHost(timeoutMs: number): Promise<Host> {
  const { app, authentication } = await import('./teamsSdk.js');
  // Outside Teams, inside some other frame, initialize() never settles: give it a short time.
  await Promise.race([app.initialize(), timeout(timeoutMs)]);
  const context = await Promise.race([app.getContext(), timeout(timeoutMs)]);
  app.notifySuccess();
  return {
    mode: 'teams',
    theme: toThemeName(context.app.theme),
    subPageId: context.page.subPageId ?? null,
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(toThemeName(theme))),
    getAuthToken: () => authentication.getAuthToken(),
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
