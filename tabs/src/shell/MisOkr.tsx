import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OptionGroup,
  Spinner,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PersonSwap20Regular } from '@fluentui/react-icons';
import type { KeyResultView, MeResponse, OkrTreeView, QuarterId, Unit } from '@okr/core';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { ApiRequestError } from '../api/http.js';
import type { ApiClient } from '../api/index.js';
import { errorMessage } from '../errorMessage.js';
import { quarterLabel, roleLabels } from '../core.js';
import { defaultUnit, quarterOptions, writeDeepLink, type DeepLink } from './location.js';
import { okrText as o } from '../okr/text.js';
import { t, viewText } from './text.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { OkrTree } from '../okr/OkrTree.js';

const useStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '1240px',
    marginInline: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXXL}` },
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  headerText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  h1: { margin: 0, fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600, fontWeight: tokens.fontWeightBold },
  who: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  unitField: { flex: '1 1 320px', minWidth: 0, maxWidth: '520px' },
  quarterField: { flex: '0 1 280px', minWidth: 0 },
  dropdown: { width: '100%', minWidth: 0 },
  listbox: { maxHeight: 'min(60vh, 440px)' },
  /** Four views: on a narrow screen (the Teams mobile app) they wrap instead of overflowing. */
  viewTabs: { flexWrap: 'wrap' },
});

function describeRoles(me: MeResponse): string {
  const unitName = new Map(me.units.map((u) => [u.id, u.name]));
  return me.roles
    .map((r) => (r.unitId ? `${roleLabels[r.role]} · ${unitName.get(r.unitId) ?? r.unitId}` : roleLabels[r.role]))
    .join(' — ');
}

type Load<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: T };

export interface MisOkrProps {
  api: ApiClient;
  deepLink: DeepLink;
  /** Shown outside Teams: opens the development identity picker. */
  onSwitchIdentity: (() => void) | null;
  /** The server does not know who we are (dev identity missing or stale). */
  onUnauthenticated: (message: string) => void;
}

const CheckInDialog = lazy(() => import('../okr/CheckInDialog.js'));
const SetEditor = lazy(() => import('../formulation/SetEditor.js'));
const EntityDashboard = lazy(() => import('../okr/EntityDashboard.js'));
const PlenariasView = lazy(() => import('../actas/PlenariasView.js'));
const CommitmentsView = lazy(() => import('../actas/CommitmentsView.js'));
const OapActas = lazy(() => import('../actas/OapActas.js'));
const Recognitions = lazy(() => import('../actas/Recognitions.js'));

type Area = 'mine' | 'dashboard' | 'oap';
type Mode = 'tree' | 'formulation' | 'plenarias' | 'commitments';

function initialArea(link: DeepLink): Area {
  return link.view === 'tablero' ? 'dashboard' : link.view === 'actas-oap' ? 'oap' : 'mine';
}

function initialMode(link: DeepLink): Mode {
  if (link.view === 'compromisos') return 'commitments';
  return link.view === 'plenarias' || (link.acta && link.view !== 'actas-oap' && link.view !== 'tablero') ? 'plenarias' : 'tree';
}

/** "Mis OKR": who I am, which unit and quarter, and that unit's OKR tree. */
export default function MisOkr({ api, deepLink, onSwitchIdentity, onUnauthenticated }: MisOkrProps) {
  const styles = useStyles();
  const [me, setMe] = useState<Load<MeResponse>>({ state: 'loading' });
  const [meAttempt, setMeAttempt] = useState(0);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [quarter, setQuarter] = useState<QuarterId | null>(null);
  const [unitNotice, setUnitNotice] = useState<string | null>(null);
  const [tree, setTree] = useState<Load<OkrTreeView>>({ state: 'loading' });
  const [treeAttempt, setTreeAttempt] = useState(0);
  const [reporting, setReporting] = useState<KeyResultView | null>(null);
  const [savedNotice, setSavedNotice] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(() => initialMode(deepLink));
  const [area, setArea] = useState<Area>(() => initialArea(deepLink));
  const [openActa, setOpenActa] = useState<string | null>(deepLink.acta ?? null);

  useEffect(() => {
    const abort = new AbortController();
    setMe({ state: 'loading' });
    api.me(abort.signal).then(
      (data) => {
        const unit = defaultUnit(data, deepLink.unitId);
        setUnitId(unit?.id ?? null);
        setQuarter(deepLink.quarter ?? data.currentQuarter);
        setUnitNotice(deepLink.unitId && unit && unit.id !== deepLink.unitId ? t.requestedUnitUnavailable(deepLink.unitId, unit.name) : null);
        setMe({ state: 'ready', data });
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        if (error instanceof ApiRequestError && error.status === 401 && onSwitchIdentity) onUnauthenticated(error.message);
        else setMe({ state: 'error', message: errorMessage(error) });
      },
    );
    return () => abort.abort();
    // deepLink is read once, when the person's data arrives
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, meAttempt]);

  const entityWide = me.state === 'ready' && me.data.entityWide === true;
  const showDashboard = entityWide && area === 'dashboard';
  const showOap = entityWide && area === 'oap';
  const unitArea = !showDashboard && !showOap;
  const needTree = unitArea && (mode === 'tree' || mode === 'formulation');
  const actaOpen = showOap || (unitArea && mode === 'plenarias') ? openActa : null;

  useEffect(() => {
    if (me.state !== 'ready' || !quarter) return;
    const view = showDashboard ? 'tablero' : showOap ? 'actas-oap' : mode === 'plenarias' ? 'plenarias' : mode === 'commitments' ? 'compromisos' : null;
    writeDeepLink({ unitId, quarter, view, acta: actaOpen });
  }, [me.state, showDashboard, showOap, mode, unitId, quarter, actaOpen]);

  useEffect(() => {
    if (!unitId || !quarter || !needTree) return;
    const abort = new AbortController();
    setTree({ state: 'loading' });
    api.tree(unitId, quarter, abort.signal).then(
      (data) => setTree({ state: 'ready', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setTree({ state: 'error', message: errorMessage(error) });
      },
    );
    return () => abort.abort();
  }, [api, unitId, quarter, treeAttempt, needTree]);

  const meData = me.state === 'ready' ? me.data : null;
  const quarters = useMemo(() => (meData ? quarterOptions(meData.currentQuarter, quarter) : []), [meData, quarter]);
  const groups = useMemo(() => {
    const units = meData?.units ?? [];
    return [
      { label: t.centralGroup, units: units.filter((u) => u.kind === 'central') },
      { label: t.alcaldiasGroup, units: units.filter((u) => u.kind === 'alcaldia') },
    ].filter((g) => g.units.length > 0);
  }, [meData]);

  const switchButton = onSwitchIdentity && (
    <Button appearance="subtle" size="small" icon={<PersonSwap20Regular />} onClick={onSwitchIdentity} data-testid="switch-identity">
      {t.devSwitch}
    </Button>
  );

  if (me.state !== 'ready') {
    return (
      <main className={styles.page}>
        {switchButton && <div className={styles.header}>{switchButton}</div>}
        {me.state === 'loading' ? (
          <Loading label={t.loadingMe} />
        ) : (
          <LoadError title={t.meErrorTitle} message={me.message} onRetry={() => setMeAttempt((n) => n + 1)} />
        )}
      </main>
    );
  }

  const data = me.data;
  const unit = data.units.find((u) => u.id === unitId) ?? null;
  const roles = describeRoles(data);
  const renderOptions = (units: Unit[]) =>
    units.map((u) => (
      <Option key={u.id} value={u.id}>
        {u.name}
      </Option>
    ));

  return (
    <main className={styles.page}>
      <header className={styles.header}>
        <div className={styles.headerText}>
          <h1 className={styles.h1}>{t.appTitle}</h1>
          <Text className={styles.who}>
            <Text weight="semibold" data-testid="person-name">
              {t.greeting(data.person.name)}
            </Text>
            {roles && ` · ${roles}`}
          </Text>
        </div>
        {switchButton}
      </header>

      {entityWide && (
        <TabList
          selectedValue={area}
          onTabSelect={(_, d) => {
            setArea(d.value as Area);
            setOpenActa(null);
          }}
          aria-label={t.areasLabel}
          size="large"
          className={styles.viewTabs}
          data-testid="areas"
        >
          <Tab value="mine" data-testid="area-mine">{t.areaMine}</Tab>
          <Tab value="dashboard" data-testid="area-dashboard">{viewText.dashboard.label}</Tab>
          <Tab value="oap" data-testid="area-oap">{viewText.oap.label}</Tab>
        </TabList>
      )}

      {data.units.length === 0 ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.noUnitsTitle}</MessageBarTitle>
            {t.noUnitsBody}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <div className={styles.filters} role="search">
            {unitArea && <Field label={t.unitLabel} className={styles.unitField}>
              <Dropdown
                className={styles.dropdown}
                listbox={{ className: styles.listbox }}
                data-testid="unit-picker"
                placeholder={t.unitPlaceholder}
                value={unit?.name ?? ''}
                selectedOptions={unitId ? [unitId] : []}
                onOptionSelect={(_, d) => {
                  if (d.optionValue) {
                    setUnitNotice(null);
                    setUnitId(d.optionValue);
                  }
                }}
              >
                {groups.length > 1
                  ? groups.map((g) => (
                      <OptionGroup key={g.label} label={g.label}>
                        {renderOptions(g.units)}
                      </OptionGroup>
                    ))
                  : renderOptions(data.units)}
              </Dropdown>
            </Field>}
            <Field label={t.quarterLabel} className={styles.quarterField}>
              <Dropdown
                className={styles.dropdown}
                data-testid="quarter-picker"
                value={quarter ? quarterLabel(quarter) : ''}
                selectedOptions={quarter ? [quarter] : []}
                onOptionSelect={(_, d) => d.optionValue && setQuarter(d.optionValue as QuarterId)}
              >
                {quarters.map((q) => (
                  <Option key={q} value={q} text={quarterLabel(q)}>
                    {q === data.currentQuarter ? `${quarterLabel(q)} · ${t.currentQuarter}` : q > data.currentQuarter ? `${quarterLabel(q)} · ${t.nextQuarter}` : quarterLabel(q)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </div>

          {showDashboard && quarter && (
            <Suspense fallback={<Loading label={viewText.dashboard.loading} />}>
              <EntityDashboard
                api={api}
                quarter={quarter}
                onOpenUnit={(id) => {
                  setUnitNotice(null);
                  setUnitId(id);
                  setMode('tree');
                  setArea('mine');
                }}
              />
            </Suspense>
          )}

          {showOap && quarter && (
            <Suspense fallback={<Loading label={viewText.oap.loading} />}>
              <OapActas api={api} quarter={quarter} openActa={openActa} onOpenActa={setOpenActa} />
            </Suspense>
          )}

          {unitArea && <TabList
            className={styles.viewTabs}
            selectedValue={mode}
            onTabSelect={(_, d) => {
              setMode(d.value as Mode);
              setOpenActa(null);
            }}
            aria-label={t.viewsLabel}
          >
            <Tab value="tree" data-testid="view-tree">{viewText.tree.label}</Tab>
            <Tab value="formulation" data-testid="view-formulation">{viewText.formulation.label}</Tab>
            <Tab value="plenarias" data-testid="view-plenarias">{viewText.plenarias.label}</Tab>
            <Tab value="commitments" data-testid="view-commitments">{viewText.commitments.label}</Tab>
          </TabList>}

          {unitArea && mode === 'plenarias' && quarter && (
            <Suspense fallback={<Loading label={viewText.plenarias.loading} />}>
              <PlenariasView api={api} me={data} quarter={quarter} unitId={unitId} openActa={openActa} onOpenActa={setOpenActa} />
            </Suspense>
          )}

          {unitArea && mode === 'commitments' && (
            <Suspense fallback={<Loading label={viewText.commitments.loading} />}>
              <CommitmentsView api={api} unitId={unitId} unitName={unit?.name ?? ''} />
            </Suspense>
          )}

          {unitArea && mode === 'formulation' && unitId && quarter && me.state === 'ready' && (
            <Suspense fallback={<Spinner label={o.loadingTree} />}>
              <SetEditor api={api} me={me.data} unitId={unitId} quarter={quarter} />
            </Suspense>
          )}

          {unitArea && mode === 'tree' && unitNotice && (
            <MessageBar intent="info">
              <MessageBarBody>{unitNotice}</MessageBarBody>
            </MessageBar>
          )}

          {unitArea && mode === 'tree' && <section aria-busy={tree.state === 'loading'}>
            {tree.state === 'loading' && <Loading label={o.loadingTree} />}
            {tree.state === 'error' && (
              <LoadError title={o.treeErrorTitle} message={tree.message} onRetry={() => setTreeAttempt((n) => n + 1)} testId="tree-error" />
            )}
            {savedNotice && (
              <MessageBar intent="success" data-testid="checkin-saved">
                <MessageBarBody>{savedNotice}</MessageBarBody>
              </MessageBar>
            )}
            {tree.state === 'ready' && (
              <OkrTree
                tree={tree.data}
                onReport={
                  me.state === 'ready' && canReport(me.data, tree.data) ? (kr) => { setSavedNotice(null); setReporting(kr); } : undefined
                }
              />
            )}
            {tree.state === 'ready' && (
              <Suspense fallback={null}>
                <Recognitions api={api} unitId={tree.data.unit.id} unitName={tree.data.unit.name} />
              </Suspense>
            )}
            {reporting && me.state === 'ready' && tree.state === 'ready' && (
              <Suspense fallback={null}>
                <CheckInDialog
                  api={api}
                  unitId={tree.data.unit.id}
                  period={me.data.currentPeriod}
                  kr={reporting}
                  onClose={() => setReporting(null)}
                  onSaved={(updated) => {
                    setTree({ state: 'ready', data: updated });
                    setSavedNotice(o.reportSaved(reporting.title));
                    setReporting(null);
                  }}
                />
              </Suspense>
            )}
          </section>}
        </>
      )}
    </main>
  );
}

/** Enlaces and líderes report for their unit, on the current quarter's active set; the server checks again. */
function canReport(me: MeResponse, tree: OkrTreeView): boolean {
  return (
    tree.quarter === me.currentQuarter &&
    tree.set?.state === 'active' &&
    me.roles.some((r) => (r.role === 'enlace' || r.role === 'lider') && r.unitId === tree.unit.id)
  );
}
