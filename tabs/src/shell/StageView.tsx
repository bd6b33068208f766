import { Badge, Button, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowLeft24Regular, ArrowRight24Regular } from '@fluentui/react-icons';
import type { KeyResultView, ObjectiveView, OkrTreeView } from '@okr/core';
import { useEffect, useMemo } from 'react';
import type { OkrApi } from '../api/okr.js';
import type { ShellApi } from '../api/shell.js';
import { formatPercent, periodLabel, quarterLabel } from '../core.js';
import { formatKrValue } from '../okr/format.js';
import type { Host } from './host.js';
import type { DeepLink } from './location.js';
import { okrText as o } from '../okr/strings.js';
import { t } from '../strings.js';
import { useUnitQuarter } from './useUnitQuarter.js';
import { LoadError } from '../ui/LoadStatus.js';
import { ProgressWithMarker } from '../okr/ProgressWithMarker.js';
import { StatusBadge } from '../okr/StatusBadge.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { shownStep, stageStatus, type StageStatus } from './stageSync.js';
import { stageText } from './stageStrings.js';
import { stageSessionOpener, useStageSession, type OpenStageSession } from './useStageSession.js';

/**
 * The meeting stage (and any wide screen): large type that scales with the width, up to a 1920 px
 * stage, one step at a time — the quarter's overview, then each tactical objective with its key results.
 * In a meeting the presenter's steps move everyone's stage (useStageSession.ts).
 */
const useStyles = makeStyles({
  stage: {
    boxSizing: 'border-box',
    minHeight: '100vh',
    display: 'flex',
    flexDirection: 'column',
    gap: 'clamp(12px, 1.6vw, 32px)',
    padding: 'clamp(16px, 3vw, 64px) clamp(16px, 4vw, 96px)',
    fontSize: 'clamp(16px, 1.25vw, 26px)',
    lineHeight: 1.35,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  top: { display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: '1em', flexWrap: 'wrap' },
  unit: { margin: 0, fontSize: '1.2em', fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  step: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  body: { flex: '1 1 auto', display: 'flex', flexDirection: 'column', gap: '1em', minWidth: 0 },
  eyebrow: { color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, textTransform: 'uppercase', letterSpacing: '0.05em', fontSize: '0.85em' },
  title: { margin: 0, fontSize: '2.2em', lineHeight: 1.15, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', maxWidth: '40ch' },
  headline: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', alignItems: 'center', gap: '1em' },
  big: { fontSize: '3.2em', lineHeight: 1, fontWeight: tokens.fontWeightBold, fontVariantNumeric: 'tabular-nums' },
  alignment: { color: tokens.colorNeutralForeground2, display: 'flex', gap: '0.5em', alignItems: 'baseline' },
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16em), 1fr))', gap: '1em', listStyle: 'none', margin: 0, padding: 0 },
  card: { padding: '0.9em 1.1em', display: 'flex', flexDirection: 'column', gap: '0.5em', minWidth: 0 },
  cardTitle: { margin: 0, fontSize: '1.1em', fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  cardRow: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '0.5em', flexWrap: 'wrap' },
  percent: { fontSize: '1.6em', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  krValue: { color: tokens.colorNeutralForeground2 },
  footer: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: '1em', flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: '0.8em' },
  footerMiddle: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: '0.3em', textAlign: 'center', flex: '1 1 20em' },
  navButton: { fontSize: 'clamp(14px, 1vw, 20px)', minHeight: '2.6em', paddingInline: '1.2em' },
  center: { display: 'flex', justifyContent: 'center', paddingTop: '20vh' },
  status: { display: 'flex', alignItems: 'center', gap: '0.5em', color: tokens.colorNeutralForeground3, fontSize: '0.8em' },
  dot: { width: '0.6em', height: '0.6em', borderRadius: '50%', flexShrink: 0, backgroundColor: tokens.colorNeutralStroke1 },
  dotLive: { backgroundColor: tokens.colorPaletteGreenBorderActive },
  browsing: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '1em',
    flexWrap: 'wrap',
    padding: '0.6em 1em',
    borderRadius: tokens.borderRadiusLarge,
    border: `1px solid ${tokens.colorPaletteMarigoldBorderActive}`,
    backgroundColor: tokens.colorPaletteMarigoldBackground1,
    color: tokens.colorNeutralForeground1,
  },
  // Fluent's badges have fixed pixel sizes: on the stage they grow with the type.
  badge: { fontSize: '0.75em', lineHeight: 1.2, height: 'auto', minHeight: '1.8em', paddingInline: '0.6em', gap: '0.35em', '& svg': { width: '1.1em', height: '1.1em' } },
});

function Headline({ objective, expected }: { objective: ObjectiveView; expected: number }) {
  const styles = useStyles();
  return (
    <div className={styles.headline}>
      <span className={styles.big}>{formatPercent(objective.displayProgress)}</span>
      <ProgressWithMarker value={objective.displayProgress} expected={expected} status={objective.status} label={o.progressAria(objective.title)} />
      <StatusBadge status={objective.status} size="extra-large" className={styles.badge} />
    </div>
  );
}

function Overview({ tree, strategic }: { tree: OkrTreeView; strategic: ObjectiveView }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const io = tree.institutionalObjective;
  return (
    <>
      <span className={styles.eyebrow}>
        {o.strategicEyebrow} · {quarterLabel(tree.quarter)}
      </span>
      <h2 className={styles.title}>{strategic.title}</h2>
      {io && (
        <div className={styles.alignment}>
          <Badge appearance="filled" color="brand" shape="rounded" size="large">
            {io.code}
          </Badge>
          <span>
            {o.alignedWith}: {io.title}
          </span>
        </div>
      )}
      <Headline objective={strategic} expected={tree.expected} />
      <ol className={styles.cards}>
        {strategic.children.map((child, i) => (
          <li key={child.id} className={mergeClasses(surface.surface, styles.card)}>
            <span className={styles.eyebrow}>{o.tacticalEyebrow(i + 1)}</span>
            <h3 className={styles.cardTitle}>{child.title}</h3>
            <div className={styles.cardRow}>
              <span className={styles.percent}>{formatPercent(child.displayProgress)}</span>
              <StatusBadge status={child.status} size="large" className={styles.badge} />
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

function KeyResultCard({ kr, expected }: { kr: KeyResultView; expected: number }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  return (
    <li className={mergeClasses(surface.surface, styles.card)} data-testid={`stage-kr-${kr.id}`}>
      <h3 className={styles.cardTitle}>{kr.title}</h3>
      <div className={styles.cardRow}>
        <span className={styles.percent}>{kr.progress === null ? '—' : formatPercent(kr.displayProgress)}</span>
        <StatusBadge status={kr.status} size="large" className={styles.badge} />
      </div>
      <ProgressWithMarker value={kr.displayProgress} expected={expected} status={kr.status} label={o.progressAria(kr.title)} />
      <span className={styles.krValue}>
        {kr.latest ? `${o.latestValue(formatKrValue(kr, kr.latest.value))} · ${t.meeting.reported(periodLabel(kr.latest.period))}` : o.noReports}
      </span>
    </li>
  );
}

function TacticalStep({ objective, index, expected }: { objective: ObjectiveView; index: number; expected: number }) {
  const styles = useStyles();
  return (
    <>
      <span className={styles.eyebrow}>{o.tacticalEyebrow(index + 1)}</span>
      <h2 className={styles.title}>{objective.title}</h2>
      <Headline objective={objective} expected={expected} />
      <ul className={styles.cards}>
        {objective.keyResults.map((kr) => (
          <KeyResultCard key={kr.id} kr={kr} expected={expected} />
        ))}
      </ul>
    </>
  );
}

/** Which of the steps to show, moved by the keyboard (← → PageUp PageDown Home End) or the buttons. */
export function nextStep(current: number, total: number, key: string): number {
  if (key === 'ArrowRight' || key === 'PageDown' || key === ' ') return Math.min(total - 1, current + 1);
  if (key === 'ArrowLeft' || key === 'PageUp') return Math.max(0, current - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return total - 1;
  return current;
}

/** What the stage tells about the session: a quiet line, or, while browsing alone, where the presentation is and the way back. */
function SessionStatus({ status, presented, total, onBack }: { status: StageStatus; presented: number; total: number; onBack: () => void }) {
  const styles = useStyles();
  if (status === 'browsing') {
    return (
      <div className={styles.browsing} role="status" data-testid="stage-sync" data-status={status}>
        <span>{stageText.browsing(presented + 1, total)}</span>
        <Button appearance="primary" size="large" className={styles.navButton} onClick={onBack} data-testid="stage-back">
          {stageText.backToPresentation}
        </Button>
      </div>
    );
  }
  const live = status === 'presenting' || status === 'following' || status === 'waiting';
  return (
    <span className={styles.status} role="status" data-testid="stage-sync" data-status={status}>
      <span className={mergeClasses(styles.dot, live && styles.dotLive)} aria-hidden="true" />
      {stageText[status]}
    </span>
  );
}

/** The stage's slides; `openSession` joins the meeting's session (none: the stage moves alone). */
export function StageSlides({ tree, openSession = null }: { tree: OkrTreeView; openSession?: OpenStageSession | null }) {
  const styles = useStyles();
  const strategic = tree.strategic;
  const total = strategic ? 1 + strategic.children.length : 1;
  const { sync, move, back } = useStageSession(openSession, `${tree.unit.id}|${tree.quarter}`, total);
  const step = shownStep(sync, total);
  const status = stageStatus(sync);
  const go = (key: string) => move(nextStep(step, total, key));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      if (e.key === ' ' && target?.tagName === 'BUTTON') return; // Space presses the focused button
      if (['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'Home', 'End', ' '].includes(e.key)) {
        e.preventDefault();
        go(e.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <main className={styles.stage} aria-label={t.meeting.stageLabel(tree.unit.name)} data-testid="stage-view" data-step={step}>
      <div className={styles.top}>
        <h1 className={styles.unit}>{tree.unit.name}</h1>
        <span className={styles.step} aria-live="polite" data-testid="stage-step">
          {t.meeting.stepOf(step + 1, total)} · {step === 0 ? t.meeting.overview : o.tacticalEyebrow(step)}
        </span>
      </div>
      {status === 'browsing' ? <SessionStatus status={status} presented={sync.presented ?? 0} total={total} onBack={back} /> : null}
      <section className={styles.body} data-testid={`stage-step-${step}`}>
        {!tree.set || !strategic ? (
          <h2 className={styles.title}>{o.emptyTitle(quarterLabel(tree.quarter))}</h2>
        ) : step === 0 ? (
          <Overview tree={tree} strategic={strategic} />
        ) : (
          <TacticalStep objective={strategic.children[step - 1]!} index={step - 1} expected={tree.expected} />
        )}
      </section>
      <footer className={styles.footer}>
        <Button className={styles.navButton} size="large" icon={<ArrowLeft24Regular />} disabled={step === 0} onClick={() => go('ArrowLeft')} data-testid="stage-prev">
          {t.meeting.previous}
        </Button>
        <div className={styles.footerMiddle}>
          {status !== 'browsing' ? <SessionStatus status={status} presented={sync.presented ?? 0} total={total} onBack={back} /> : null}
          <span className={styles.hint}>
            {t.meeting.keysHint} {o.asOf(tree.asOf)} · {o.expectedToday(formatPercent(tree.expected))}
          </span>
        </div>
        <Button
          className={styles.navButton}
          size="large"
          appearance="primary"
          icon={<ArrowRight24Regular />}
          iconPosition="after"
          disabled={step === total - 1}
          onClick={() => go('ArrowRight')}
          data-testid="stage-next"
        >
          {t.meeting.next}
        </Button>
      </footer>
    </main>
  );
}

export default function StageView({ api, deepLink, host }: { api: ShellApi & OkrApi; deepLink: DeepLink; host: Pick<Host, 'mode' | 'frame'> }) {
  const styles = useStyles();
  const { me, tree, retry } = useUnitQuarter(api, deepLink);
  const { mode, frame } = host;
  const openSession = useMemo(() => stageSessionOpener({ mode, frame }, window.location.search), [mode, frame]);
  if (me.state === 'error' || tree.state === 'error') {
    return (
      <div className={styles.stage}>
        <LoadError message={me.state === 'error' ? me.message : tree.state === 'error' ? tree.message : ''} onRetry={retry} testId="stage-error" />
      </div>
    );
  }
  if (tree.state !== 'ready') {
    return (
      <div className={styles.center}>
        <Spinner size="large" label={o.loadingTree} />
      </div>
    );
  }
  return <StageSlides tree={tree.data} openSession={openSession} />;
}
