import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ViewTabList } from '../ui/ViewTabList.js';
import { Open16Regular, ShareScreenStart20Regular, Board20Regular } from '@fluentui/react-icons';
import type { ObjectiveView, OkrTreeView } from '@okr/core';
import { Suspense, lazy, useState } from 'react';
import type { ApiClient } from '../api/index.js';
import { formatPercent, quarterLabel } from '../core.js';
import type { Host } from './host.js';
import type { DeepLink } from './location.js';
import { okrText as o } from '../okr/strings.js';
import { t } from '../strings.js';
import { useUnitQuarter } from './useUnitQuarter.js';
import { LoadError } from '../ui/LoadStatus.js';
import { ProgressWithMarker } from '../okr/ProgressWithMarker.js';
import { StatusBadge } from '../okr/StatusBadge.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';

const MeetingActa = lazy(() => import('../actas/MeetingActa.js'));

/** Teams' side panel is 320 px wide: one column, compact type, nothing wider than the panel. */
const useStyles = makeStyles({
  panel: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '480px',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    overflowWrap: 'anywhere',
  },
  h1: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  card: {
    borderRadius: tokens.borderRadiusLarge,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  strategic: { borderTop: `3px solid ${tokens.colorBrandStroke1}` },
  eyebrow: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, textTransform: 'uppercase', letterSpacing: '0.04em' },
  objTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  percent: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  links: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'stretch' },
  linkRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

function ObjectiveCard({ objective, eyebrow, expected, strategic }: { objective: ObjectiveView; eyebrow: string; expected: number; strategic?: boolean }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  return (
    <div className={mergeClasses(surface.surface, styles.card, strategic && styles.strategic)} data-testid={`panel-objective-${objective.id}`}>
      <Caption1 className={styles.eyebrow}>{eyebrow}</Caption1>
      <p className={styles.objTitle}>{objective.title}</p>
      <div className={styles.row}>
        <span className={styles.percent}>{formatPercent(objective.displayProgress)}</span>
        <StatusBadge status={objective.status} size="small" />
      </div>
      <ProgressWithMarker value={objective.displayProgress} expected={expected} status={objective.status} label={o.progressAria(objective.title)} thickness="medium" />
    </div>
  );
}

/** The full tree of the unit, in Teams (a deep link to the personal tab) or in this window. */
function treeLink(host: Host, tree: OkrTreeView): { href: string; teams: boolean } {
  const sub = `unit=${tree.unit.id}&quarter=${tree.quarter}`;
  if (host.mode === 'teams' && host.appId && host.openLink) {
    const context = encodeURIComponent(JSON.stringify({ subEntityId: sub }));
    return { href: `https://teams.microsoft.com/l/entity/${host.appId}/misokr?context=${context}`, teams: true };
  }
  return { href: `/?${sub}`, teams: false };
}

export interface MeetingSidePanelProps {
  api: ApiClient;
  host: Host;
  deepLink: DeepLink;
  /** Outside a meeting: show the stage view in this window (preview). */
  onPreviewStage: (unitId: string, quarter: string) => void;
}

/** The meeting side panel: the unit's objectives at a glance and quick links, with "Compartir en pantalla". */
export default function MeetingSidePanel({ api, host, deepLink, onPreviewStage }: MeetingSidePanelProps) {
  const styles = useStyles();
  const { me, tree, retry } = useUnitQuarter(api, deepLink);
  const [share, setShare] = useState<'idle' | 'sharing' | 'shared' | 'failed'>('idle');
  const [pane, setPane] = useState<'okr' | 'acta'>('okr');

  if (me.state === 'error' || tree.state === 'error') {
    const message = me.state === 'error' ? me.message : tree.state === 'error' ? tree.message : '';
    return (
      <main className={styles.panel}>
        <LoadError message={message} onRetry={retry} testId="panel-error" />
      </main>
    );
  }
  if (me.state === 'loading' || tree.state === 'loading') {
    return (
      <main className={styles.panel}>
        <Spinner size="small" label={o.loadingTree} />
      </main>
    );
  }
  const data = tree.data;
  const strategic = data.strategic;
  const stageUrl = `${window.location.origin}/?unit=${encodeURIComponent(data.unit.id)}&quarter=${data.quarter}`;
  const link = treeLink(host, data);

  const shareToStage = async () => {
    if (!host.shareToStage) return;
    setShare('sharing');
    try {
      await host.shareToStage(stageUrl);
      setShare('shared');
    } catch {
      setShare('failed');
    }
  };

  return (
    <main className={styles.panel} aria-label={t.meeting.panelLabel(data.unit.name)} data-testid="meeting-side-panel">
      <header>
        <h1 className={styles.h1}>{data.unit.name}</h1>
        <Caption1 className={styles.muted}>{quarterLabel(data.quarter)}</Caption1>
      </header>

      <ViewTabList size="small" selectedValue={pane} onTabSelect={(_, d) => setPane(d.value as 'okr' | 'acta')} aria-label={t.meeting.panelViews} data-testid="panel-views">
        <Tab value="okr" data-testid="panel-view-okr">
          {t.meeting.panelOkr}
        </Tab>
        <Tab value="acta" data-testid="panel-view-acta">
          {t.meeting.panelActa}
        </Tab>
      </ViewTabList>

      {pane === 'acta' && (
        <Suspense fallback={<Spinner size="small" label={t.meeting.loadingActa} />}>
          <MeetingActa api={api} unitId={data.unit.id} unitName={data.unit.name} quarter={me.data.currentQuarter} />
        </Suspense>
      )}

      {pane === 'okr' && (
      <>

      <section className={styles.links} aria-labelledby="panel-links-title">
        <h2 id="panel-links-title" className={styles.h2}>
          {t.meeting.quickLinks}
        </h2>
        {host.shareToStage ? (
          <Button appearance="primary" icon={<ShareScreenStart20Regular />} onClick={shareToStage} disabled={share === 'sharing'} data-testid="share-to-stage">
            {share === 'sharing' ? t.meeting.sharing : t.meeting.shareToStage}
          </Button>
        ) : (
          <Button appearance="primary" icon={<ShareScreenStart20Regular />} onClick={() => onPreviewStage(data.unit.id, data.quarter)} data-testid="preview-stage">
            {t.meeting.previewStage}
          </Button>
        )}
        <Caption1 className={styles.muted}>{host.shareToStage ? t.meeting.shareHint : t.meeting.previewHint}</Caption1>
        {share === 'shared' && (
          <MessageBar intent="success">
            <MessageBarBody>{t.meeting.shared}</MessageBarBody>
          </MessageBar>
        )}
        {share === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{t.meeting.shareFailed}</MessageBarBody>
          </MessageBar>
        )}
        <span className={styles.linkRow}>
          <Open16Regular aria-hidden="true" />
          <Link
            href={link.href}
            data-testid="panel-open-tree"
            onClick={(e) => {
              if (link.teams && host.openLink) {
                e.preventDefault();
                void host.openLink(link.href);
              }
            }}
          >
            {t.meeting.openTree}
          </Link>
        </span>
        {me.data.entityWide && (
          <span className={styles.linkRow}>
            <Board20Regular aria-hidden="true" />
            <Link href={`/?view=tablero&quarter=${data.quarter}`} data-testid="panel-open-dashboard">
              {t.meeting.openDashboard}
            </Link>
          </span>
        )}
      </section>

      <section aria-labelledby="panel-objectives-title" className={styles.links}>
        <h2 id="panel-objectives-title" className={styles.h2}>
          {t.meeting.objectives}
        </h2>
        {!data.set || !strategic ? (
          <Caption1 data-testid="panel-empty">{t.meeting.noSet(quarterLabel(data.quarter))}</Caption1>
        ) : (
          <>
            <ObjectiveCard objective={strategic} eyebrow={o.strategicEyebrow} expected={data.expected} strategic />
            <ol className={styles.list}>
              {strategic.children.map((child, i) => (
                <li key={child.id}>
                  <ObjectiveCard objective={child} eyebrow={o.tacticalEyebrow(i + 1)} expected={data.expected} />
                </li>
              ))}
            </ol>
            <Caption1 className={styles.muted}>{o.expectedToday(formatPercent(data.expected))}</Caption1>
          </>
        )}
      </section>
      </>
      )}
    </main>
  );
}
