import { isVivaSet } from '../../../core/src/vivaSet.js';
import {
  Badge,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { KeyResultView, ObjectiveView, OkrTreeView, Status } from '@okr/core';
import type { ReactNode } from 'react';
import { formatPercent, quarterLabel } from '../core.js';
import { formatIsoDate } from './format.js';
import { okrText as t } from './strings.js';
import { KeyResultRow } from './KeyResultRow.js';
import { ProgressWithMarker } from './ProgressWithMarker.js';
import { StatusBadge } from './StatusBadge.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';

const useStyles = makeStyles({
  tree: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  card: { boxShadow: tokens.shadow4, overflow: 'hidden' },
  strategic: {
    borderTop: `4px solid ${tokens.colorBrandStroke1}`,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    '@media (max-width: 640px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  },
  eyebrowRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  eyebrow: {
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textTransform: 'uppercase',
    letterSpacing: '0.04em',
  },
  strategicTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    '@media (max-width: 640px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  },
  alignment: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground2 },
  alignmentCode: { flexShrink: 0, marginTop: '1px' },
  summary: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    '@media (max-width: 640px)': { gridTemplateColumns: 'auto minmax(0, 1fr)' },
  },
  bigPercent: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
    '@media (max-width: 640px)': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
  },
  summaryBar: { minWidth: 0, '@media (max-width: 640px)': { gridColumn: '1 / -1', gridRow: 2 } },
  summaryBadge: { justifySelf: 'end', display: 'flex' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3 },
  tacticalList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  tacticalHead: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(200px, 280px)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground3,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr)', paddingInline: tokens.spacingHorizontalM },
  },
  tacticalTitle: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  headText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  headProgress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  headProgressTop: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  percent: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  krList: { listStyle: 'none', margin: 0, padding: 0 },
  issues: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
  empty: {
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    textAlign: 'center',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
  },
  emptyText: { maxWidth: '56ch', color: tokens.colorNeutralForeground2 },
});

const STATUS_ORDER: Status[] = ['completado', 'en_curso', 'atrasado', 'en_riesgo', 'no_iniciado'];

function allKeyResults(strategic: ObjectiveView): KeyResultView[] {
  return [...strategic.keyResults, ...strategic.children.flatMap((c) => allKeyResults(c))];
}

function StatusCounts({ keyResults }: { keyResults: KeyResultView[] }) {
  const styles = useStyles();
  const counts = new Map<Status, number>();
  for (const kr of keyResults) counts.set(kr.status, (counts.get(kr.status) ?? 0) + 1);
  return (
    <div className={styles.counts} role="group" aria-label={t.statusSummaryLabel}>
      <Caption1 className={styles.note}>{t.keyResultsCount(keyResults.length)}:</Caption1>
      {STATUS_ORDER.filter((s) => counts.has(s)).map((s) => (
        <StatusBadge key={s} status={s} size="small" count={counts.get(s)!} />
      ))}
    </div>
  );
}

function StrategicCard({ tree, objective }: { tree: OkrTreeView; objective: ObjectiveView }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const io = tree.institutionalObjective;
  const titleId = `objective-title-${objective.id}`;
  return (
    <section className={mergeClasses(surface.surface, styles.card, styles.strategic)} data-testid={`objective-${objective.id}`} aria-labelledby={titleId}>
      <div className={styles.eyebrowRow}>
        <Caption1 className={styles.eyebrow}>
          {t.strategicEyebrow} · {quarterLabel(tree.quarter)}
        </Caption1>
        {tree.set && (
          <Badge appearance="outline" shape="rounded" color={tree.set.state === 'active' ? 'informative' : 'important'}>
            {t.setState[tree.set.state]}
          </Badge>
        )}
        {tree.set && isVivaSet(tree.set.id) && (
          <Badge appearance="tint" shape="rounded" color="subtle" data-testid="set-imported">
            {t.importedFromViva}
          </Badge>
        )}
      </div>
      <h2 id={titleId} className={styles.strategicTitle}>
        {objective.title}
      </h2>
      {io && (
        <div className={styles.alignment}>
          <Badge appearance="filled" color="brand" shape="rounded" className={styles.alignmentCode}>
            {io.code}
          </Badge>
          <Text size={300}>
            {t.alignedWith}: {io.title}
          </Text>
        </div>
      )}
      <div className={styles.summary}>
        <span className={styles.bigPercent}>{formatPercent(objective.displayProgress)}</span>
        <div className={styles.summaryBar}>
          <ProgressWithMarker value={objective.displayProgress} expected={tree.expected} status={objective.status} label={t.progressAria(objective.title)} />
        </div>
        <span className={styles.summaryBadge}>
          <StatusBadge status={objective.status} size="large" />
        </span>
      </div>
      <StatusCounts keyResults={allKeyResults(objective)} />
      <Caption1 className={styles.note}>
        {t.asOf(formatIsoDate(tree.asOf))} · {t.expectedToday(formatPercent(tree.expected))}. {t.markerLegend}
      </Caption1>
    </section>
  );
}

type KrExtras = { onReport?: ((kr: KeyResultView) => void) | undefined; historyOf?: ((kr: KeyResultView) => ReactNode) | undefined };

function TacticalCard({ objective, index, expected, onReport, historyOf }: { objective: ObjectiveView; index: number; expected: number } & KrExtras) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const titleId = `objective-title-${objective.id}`;
  return (
    <li>
      <section className={mergeClasses(surface.surface, styles.card)} data-testid={`objective-${objective.id}`} aria-labelledby={titleId}>
        <div className={styles.tacticalHead}>
          <div className={styles.headText}>
            <Caption1 className={styles.eyebrow}>{t.tacticalEyebrow(index + 1)}</Caption1>
            <h3 id={titleId} className={styles.tacticalTitle}>
              {objective.title}
            </h3>
          </div>
          <div className={styles.headProgress}>
            <div className={styles.headProgressTop}>
              <span className={styles.percent}>{formatPercent(objective.displayProgress)}</span>
              <StatusBadge status={objective.status} />
            </div>
            <ProgressWithMarker value={objective.displayProgress} expected={expected} status={objective.status} label={t.progressAria(objective.title)} />
          </div>
        </div>
        {objective.keyResults.length > 0 && (
          <ul className={styles.krList}>
            {objective.keyResults.map((kr) => (
              <KeyResultRow key={kr.id} kr={kr} expected={expected} onReport={onReport} historyOf={historyOf} />
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}

/** A unit's quarter: strategic objective → tactical objectives → key results (with «Reportar avance» and «Historial» when given). */
export function OkrTree({ tree, onReport, historyOf }: { tree: OkrTreeView } & KrExtras) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  if (!tree.set) {
    return (
      <div className={mergeClasses(surface.surface, styles.card, styles.empty)} data-testid="okr-empty">
        <Subtitle2 as="h2">{t.emptyTitle(quarterLabel(tree.quarter))}</Subtitle2>
        <Text className={styles.emptyText}>{t.emptyBody(tree.unit.name)}</Text>
      </div>
    );
  }
  const issues = tree.shape?.issues ?? [];
  const strategic = tree.strategic;
  return (
    <div className={styles.tree} data-testid="okr-tree">
      {issues.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="shape-issues">
          <MessageBarBody>
            <MessageBarTitle>{t.shapeTitle}</MessageBarTitle>
            {t.shapeIntro}
            <ul className={styles.issues}>
              {issues.map((issue) => (
                <li key={`${issue.code}-${issue.objectiveId ?? ''}`}>{issue.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {strategic ? (
        <>
          <StrategicCard tree={tree} objective={strategic} />
          {strategic.children.length > 0 && (
            <ol className={styles.tacticalList}>
              {strategic.children.map((child, i) => (
                <TacticalCard key={child.id} objective={child} index={i} expected={tree.expected} onReport={onReport} historyOf={historyOf} />
              ))}
            </ol>
          )}
        </>
      ) : (
        <MessageBar intent="info">
          <MessageBarBody>{t.noStrategic}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
