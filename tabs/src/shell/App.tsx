import {
  FluentProvider,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import type { Identity } from '../api/http.js';
import { createApiClient } from '../api/index.js';
import { startHost, type Host } from './host.js';
import { TeamsPeopleContext, type TeamsPeople } from '../ui/teamsPeople.js';
import { readDeepLink, readDevPersonId, writeDevPersonId } from './location.js';
import { t } from '../strings.js';
import { ThemeNameContext, type ThemeName } from '../ui/themeName.js';
import { DataAgeNotice } from './DataAgeNotice.js';
import { Loading } from '../ui/LoadStatus.js';

// Both views start downloading at once, in parallel with teams-js, instead of after start-up.
const misOkrModule = import('./MisOkr.js');
// The view the address names (`?view=tablero`, say) starts downloading too, beside `/api/me`.
void misOkrModule.then(({ warmLinkedView }) => warmLinkedView(readDeepLink(window.location.search, null))).catch(() => undefined);
const MisOkr = lazy(() => misOkrModule);
const DevIdentityPicker = lazy(() => import('./DevIdentityPicker.js'));
const MeetingSidePanel = lazy(() => import('./MeetingSidePanel.js'));
const StageView = lazy(() => import('./StageView.js'));
const ConfigPage = lazy(() => import('./ConfigPage.js'));

/** Which surface to show: the configuration page, a meeting side panel or stage, or the tab itself. */
export function surfaceOf(pathname: string, host: Host): 'config' | 'sidePanel' | 'stage' | 'tab' {
  if (pathname.replace(/\/+$/, '') === '/config' || host.frame === 'settings') return 'config';
  if (host.frame === 'sidePanel') return 'sidePanel';
  if (host.frame === 'meetingStage') return 'stage';
  return 'tab';
}

const THEMES: Record<ThemeName, Theme> = {
  default: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  // Where MisOkr's «Cargando tu información…» will be, as index.html's first paint has it.
  splash: {
    display: 'flex',
    justifyContent: 'center',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL} 0`,
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS} 0` },
  },
});

/**
 * While the host starts: the spinner and label index.html painted before the code came, in the same
 * place, so the page does not blink between that first paint and the view's own «Cargando…».
 */
function Splash() {
  const styles = useStyles();
  return (
    <div className={styles.splash}>
      <Loading label={t.loadingMe} />
    </div>
  );
}

export function App() {
  const [host, setHost] = useState<Host | null>(null);
  const [theme, setTheme] = useState<ThemeName>('default');
  const [devPersonId, setDevPersonId] = useState<string | null>(() => readDevPersonId(window.location.search));
  const [picker, setPicker] = useState<{ open: boolean; reason: string | null }>({ open: false, reason: null });

  useEffect(() => {
    let live = true;
    void startHost().then((h) => {
      if (!live) return;
      setHost(h);
      setTheme(h.theme);
      h.onThemeChange((next) => live && setTheme(next));
    });
    return () => {
      live = false;
    };
  }, []);

  const identity = useMemo<Identity>(() => {
    if (host?.mode === 'teams' && host.getAuthToken) return { kind: 'sso', getToken: host.getAuthToken };
    return devPersonId ? { kind: 'dev', personId: devPersonId } : { kind: 'none' };
  }, [host, devPersonId]);
  const api = useMemo(() => createApiClient(identity), [identity]);
  // Inside Teams every person picker also offers Teams' own people picker (ui/PersonPicker).
  const teamsPeople = useMemo<TeamsPeople | null>(
    () => (host?.selectPeople ? { select: host.selectPeople, resolve: (pick) => api.personByEntra(pick.objectId).catch(() => null) } : null),
    [host, api],
  );
  const [search, setSearch] = useState(() => window.location.search);
  const deepLink = useMemo(() => readDeepLink(search, host?.subPageId ?? null), [host, search]);
  const surface = host ? surfaceOf(window.location.pathname, host) : 'tab';
  // The first view's data starts as soon as we know who is asking, beside its code (firstView.ts).
  const preloaded = useRef<string | null>(null);
  useEffect(() => {
    if (!host || surface !== 'tab' || identity.kind === 'none' || (host.mode === 'browser' && picker.open)) return;
    const who = identity.kind === 'dev' ? identity.personId : identity.kind;
    if (preloaded.current === who) return;
    preloaded.current = who;
    const preload = createApiClient(identity, undefined, { preload: true });
    void Promise.all([preload.me(), misOkrModule])
      .then(([me, { preloadFirstView }]) => preloadFirstView(preload, me, deepLink))
      .catch(() => undefined); // the view asks again and shows the error
  }, [host, surface, identity, deepLink, picker.open]);
  // Outside Teams, the side panel's "Vista de presentación" switches this window to the stage view.
  const previewStage = (unitId: string, quarter: string) => {
    const url = new URL(window.location.href);
    url.searchParams.set('unit', unitId);
    url.searchParams.set('quarter', quarter);
    url.searchParams.set('frame', 'meetingStage');
    window.history.pushState(window.history.state, '', url);
    setSearch(url.search);
    setHost((h) => h && { ...h, frame: 'meetingStage' });
  };

  const styles = useStyles();
  let content;
  if (!host) {
    content = <Splash />;
  } else if (host.mode === 'browser' && (!devPersonId || picker.open)) {
    content = (
      <DevIdentityPicker
        api={api}
        currentId={devPersonId}
        reason={picker.reason}
        onChoose={(id) => {
          writeDevPersonId(id);
          setDevPersonId(id);
          setPicker({ open: false, reason: null });
        }}
        onCancel={devPersonId && !picker.reason ? () => setPicker({ open: false, reason: null }) : null}
      />
    );
  } else if (surface === 'config') {
    content = <ConfigPage api={api} config={host.config} />;
  } else if (surface === 'sidePanel') {
    content = <MeetingSidePanel api={api} host={host} deepLink={deepLink} onPreviewStage={previewStage} />;
  } else if (surface === 'stage') {
    content = <StageView api={api} deepLink={deepLink} host={host} />;
  } else {
    content = (
      <MisOkr
        key={identity.kind === 'dev' ? identity.personId : identity.kind}
        api={api}
        deepLink={deepLink}
        onSwitchIdentity={host.mode === 'browser' ? () => setPicker({ open: true, reason: null }) : null}
        onUnauthenticated={(reason) => setPicker({ open: true, reason })}
      />
    );
  }

  return (
    // Page styles sit on an inner element: Fluent copies the provider's classes onto the portal
    // node of popups (dropdown lists), which would then cover the whole page.
    <FluentProvider theme={THEMES[theme]} data-theme={theme}>
      <ThemeNameContext.Provider value={theme}>
        <TeamsPeopleContext.Provider value={teamsPeople}>
          <div className={styles.root}>
            <DataAgeNotice />
            <Suspense fallback={<Splash />}>{content}</Suspense>
          </div>
        </TeamsPeopleContext.Provider>
      </ThemeNameContext.Provider>
    </FluentProvider>
  );
}
