import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  OptionGroup,
  Tab,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ViewTabList } from '../ui/ViewTabList.js';
import { PersonSwap20Regular } from '@fluentui/react-icons';
import type { MeResponse, QuarterId, Unit } from '@okr/core';
import { Suspense, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/index.js';
import { quarterLabel, roleLabels } from '../core.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useLoad } from '../useLoad.js';
import { defaultUnit, quarterOptions, writeDeepLink, type DeepLink } from './location.js';
import { t, viewText } from '../strings.js';
import { openedBy, viewsFor, type ReviewTarget, type ViewId, type ViewProps } from './views.js';

// With the page's frame, so the shell can start the first view's data as soon as it has both.
export { preloadFirstView } from './firstView.js';
export { warmLinkedView } from './views.js';

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

/**
 * The person's roles under the greeting: «Enlace OKR · Alcaldía Local de Usaquén — Equipo ETI». An
 * entity-wide role named like one of the person's units (the OAP's role and its office) is said
 * once: «Integrante · Oficina Asesora de Planeación», not «… — Oficina Asesora de Planeación».
 */
export function describeRoles(me: Pick<MeResponse, 'roles' | 'units'>): string {
  const unitName = new Map(me.units.map((u) => [u.id, u.name]));
  const named = new Set(me.roles.flatMap((r) => (r.unitId ? [unitName.get(r.unitId) ?? r.unitId] : [])));
  const parts = me.roles.flatMap((r) => (r.unitId ? [`${roleLabels[r.role]} · ${unitName.get(r.unitId) ?? r.unitId}`] : named.has(roleLabels[r.role]) ? [] : [roleLabels[r.role]]));
  return [...new Set(parts)].join(' — ');
}

export interface MisOkrProps {
  api: ApiClient;
  deepLink: DeepLink;
  /** Shown outside Teams: opens the development identity picker. */
  onSwitchIdentity: (() => void) | null;
  /** The server does not know who we are (dev identity missing or stale). */
  onUnauthenticated: (message: string) => void;
}

/**
 * "Mis OKR": who I am, which unit and quarter, and the views of the views table (views.ts) this
 * person sees — the unit's views in one tab list, the entity-wide sections beside «Mis OKR».
 */
export default function MisOkr({ api, deepLink, onSwitchIdentity, onUnauthenticated }: MisOkrProps) {
  const styles = useStyles();
  // The address is read once, when the page opens; from then on the page writes it.
  const [link] = useState(deepLink);
  const me = useLoad((signal) => api.me(signal), [api]);
  const [chosenUnit, setChosenUnit] = useState<string | null>(null);
  const [chosenQuarter, setChosenQuarter] = useState<QuarterId | null>(null);
  const [section, setSection] = useState<ViewId | null>(() => openedBy(link).entity);
  const [unitView, setUnitView] = useState<ViewId>(() => openedBy(link).unit);
  const [openActa, setOpenActa] = useState<string | null>(link.acta ?? null);
  const [openReview, setOpenReview] = useState<ReviewTarget | null>(link.view === 'revision' && link.unitId && link.month ? { unitId: link.unitId, month: link.month } : null);

  // A stale development identity: the picker takes over (the spinner stays until it does).
  const unauthenticated = me.state === 'error' && me.status === 401 && onSwitchIdentity ? me.message : null;
  useEffect(() => {
    if (unauthenticated) onUnauthenticated(unauthenticated);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [unauthenticated]);

  const data = me.state === 'ready' ? me.data : null;
  const views = useMemo(() => viewsFor(data), [data]);
  const linked = data ? defaultUnit(data, link.unitId) : null;
  const unitId = chosenUnit ?? linked?.id ?? null;
  const quarter = chosenQuarter ?? link.quarter ?? data?.currentQuarter ?? null;
  const unitNotice = !chosenUnit && link.unitId && linked && linked.id !== link.unitId ? t.requestedUnitUnavailable(link.unitId, linked.name) : null;
  const current = views.entity.find((v) => v.id === section) ?? views.unit.find((v) => v.id === unitView) ?? views.unit[0]!;
  const actaOpen = 'opensActas' in current ? openActa : null;
  const reviewOpen = current.id === 'review' ? openReview : null;

  useEffect(() => {
    if (!data || !quarter) return;
    writeDeepLink({ unitId: reviewOpen?.unitId ?? unitId, quarter, view: 'link' in current ? current.link : null, acta: actaOpen, month: reviewOpen?.month ?? null });
  }, [data, unitId, quarter, current, actaOpen, reviewOpen]);

  const quarters = useMemo(() => (data ? quarterOptions(data.currentQuarter, quarter, data.quartersWithData) : []), [data, quarter]);
  const groups = useMemo(() => {
    const units = data?.units ?? [];
    return [
      { label: t.centralGroup, units: units.filter((u) => u.kind === 'central') },
      { label: t.alcaldiasGroup, units: units.filter((u) => u.kind === 'alcaldia') },
    ].filter((g) => g.units.length > 0);
  }, [data]);

  const switchButton = onSwitchIdentity && (
    <Button appearance="subtle" size="small" icon={<PersonSwap20Regular />} onClick={onSwitchIdentity} data-testid="switch-identity">
      {t.devSwitch}
    </Button>
  );

  if (!data || !quarter) {
    return (
      <main className={styles.page}>
        {switchButton && <div className={styles.header}>{switchButton}</div>}
        {me.state === 'error' && !unauthenticated ? (
          <LoadError title={t.meErrorTitle} message={me.message} onRetry={me.retry} />
        ) : (
          <Loading label={t.loadingMe} />
        )}
      </main>
    );
  }

  const unit = data.units.find((u) => u.id === unitId) ?? null;
  const roles = describeRoles(data);
  const inUnit = current.scope === 'unit';
  /** A view the quarter means nothing to (the directory), or with its own period (the PEI's cut-off), has no quarter picker above it. */
  const quarterPicker = !('noQuarter' in current);
  const renderOptions = (units: Unit[]) =>
    units.map((u) => (
      <Option key={u.id} value={u.id}>
        {u.name}
      </Option>
    ));
  const viewProps: Omit<ViewProps, 'unitId'> = {
    api,
    me: data,
    quarter,
    unitName: unit?.name ?? '',
    openActa: actaOpen,
    onOpenActa: setOpenActa,
    openReview: reviewOpen,
    onOpenReview: setOpenReview,
    onOpenUnit: (id) => {
      setChosenUnit(id);
      setUnitView('tree');
      setSection(null);
    },
  };
  const CurrentView = current.view;

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

      {views.entity.length > 0 && (
        <ViewTabList
          selectedValue={inUnit ? 'mine' : current.id}
          onTabSelect={(_, d) => {
            setSection(d.value === 'mine' ? null : (d.value as ViewId));
            setOpenActa(null);
            setOpenReview(null);
          }}
          aria-label={t.areasLabel}
          size="large"
          className={styles.viewTabs}
          data-testid="areas"
        >
          <Tab value="mine" data-testid="area-mine">{t.areaMine}</Tab>
          {views.entity.map((v) => (
            <Tab key={v.id} value={v.id} data-testid={`area-${v.id}`}>
              {viewText[v.id].label}
            </Tab>
          ))}
        </ViewTabList>
      )}

      {data.units.length === 0 || !unitId ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.noUnitsTitle}</MessageBarTitle>
            {t.noUnitsBody}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {(inUnit || quarterPicker) && <div className={styles.filters} role="search">
            {inUnit && <Field label={t.unitLabel} className={styles.unitField}>
              <Dropdown
                className={styles.dropdown}
                listbox={{ className: styles.listbox }}
                data-testid="unit-picker"
                placeholder={t.unitPlaceholder}
                value={unit?.name ?? ''}
                selectedOptions={[unitId]}
                onOptionSelect={(_, d) => d.optionValue && setChosenUnit(d.optionValue)}
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
            {quarterPicker && <Field label={t.quarterLabel} className={styles.quarterField}>
              <Dropdown
                className={styles.dropdown}
                data-testid="quarter-picker"
                value={quarterLabel(quarter)}
                selectedOptions={[quarter]}
                onOptionSelect={(_, d) => d.optionValue && setChosenQuarter(d.optionValue as QuarterId)}
              >
                {quarters.map((q) => (
                  <Option key={q} value={q} text={quarterLabel(q)}>
                    {q === data.currentQuarter ? `${quarterLabel(q)} · ${t.currentQuarter}` : q > data.currentQuarter ? `${quarterLabel(q)} · ${t.nextQuarter}` : quarterLabel(q)}
                  </Option>
                ))}
              </Dropdown>
            </Field>}
          </div>}

          {inUnit && <ViewTabList
            className={styles.viewTabs}
            selectedValue={current.id}
            onTabSelect={(_, d) => {
              setUnitView(d.value as ViewId);
              setOpenActa(null);
            }}
            aria-label={t.viewsLabel}
          >
            {views.unit.map((v) => (
              <Tab key={v.id} value={v.id} data-testid={`view-${v.id}`}>
                {viewText[v.id].label}
              </Tab>
            ))}
          </ViewTabList>}

          {inUnit && unitNotice && (
            <MessageBar intent="info">
              <MessageBarBody>{unitNotice}</MessageBarBody>
            </MessageBar>
          )}

          <Suspense fallback={<Loading label={viewText[current.id].loading} />}>
            <CurrentView {...viewProps} unitId={unitId} />
          </Suspense>
        </>
      )}
    </main>
  );
}
