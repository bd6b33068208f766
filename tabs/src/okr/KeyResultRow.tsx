import { Button, Caption1, Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Open16Regular } from '@fluentui/react-icons';
import type { KeyResultView } from '@okr/core';
import { useState, type ReactNode } from 'react';
import { formatPercent, kindLabels, periodLabel } from '../core.js';
import { formatBaselineTarget, formatKrValue } from './format.js';
import { okrText as t } from './strings.js';
import { ProgressWithMarker } from './ProgressWithMarker.js';
import { StatusBadge } from './StatusBadge.js';
import { HistorySparkline } from './HistorySparkline.js';
import { safeHref } from '../ui/safeHref.js';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(200px, 280px)',
    gridTemplateAreas: '"title progress" "details progress"',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
    paddingInline: tokens.spacingHorizontalL,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': {
      gridTemplateColumns: 'minmax(0, 1fr)',
      gridTemplateAreas: '"title" "progress" "details"',
      rowGap: tokens.spacingVerticalS,
      paddingInline: tokens.spacingHorizontalM,
    },
  },
  title: {
    gridArea: 'title',
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  details: { gridArea: 'details', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  meta: { color: tokens.colorNeutralForeground3 },
  comment: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  evidence: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  progress: { gridArea: 'progress', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  progressHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'nowrap' },
  percent: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  real: { color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * One key result; `onReport` (enlaces and líderes, while a month of its quarter is open) adds the
 * "Reportar avance" button, `historyOf` the «Historial» toggle with what it shows.
 */
export function KeyResultRow({ kr, expected, onReport, historyOf }: { kr: KeyResultView; expected: number; onReport?: ((kr: KeyResultView) => void) | undefined; historyOf?: ((kr: KeyResultView) => ReactNode) | undefined }) {
  const styles = useStyles();
  const [showHistory, setShowHistory] = useState(false);
  const titleId = `kr-title-${kr.id}`;
  const percent = formatPercent(kr.displayProgress);
  const showReal = kr.progress !== null && Math.round(kr.progress * 100) !== Math.round(kr.displayProgress * 100);
  const evidence = kr.latest ? safeHref(kr.latest.evidenceUrl) : null;
  return (
    <li className={styles.row} data-testid={`kr-${kr.id}`} aria-labelledby={titleId}>
      <h4 id={titleId} className={styles.title}>
        {kr.title}
      </h4>
      <div className={styles.progress}>
        <div className={styles.progressHead}>
          <span className={styles.percent}>{percent}</span>
          <StatusBadge status={kr.status} />
        </div>
        <ProgressWithMarker value={kr.displayProgress} expected={expected} status={kr.status} label={t.progressAria(kr.title)} />
        {showReal && <Caption1 className={styles.real}>{t.realProgress(formatPercent(kr.progress!))}</Caption1>}
        <HistorySparkline kr={kr} />
      </div>
      <div className={styles.details}>
        <Caption1 className={styles.meta}>
          {kindLabels[kr.kind]} · {formatBaselineTarget(kr)}
        </Caption1>
        {kr.latest ? (
          <>
            {kr.latest.comment && <p className={styles.comment}>{kr.latest.comment}</p>}
            <div className={styles.footer}>
              <Text size={200}>{t.latestValue(formatKrValue(kr, kr.latest.value))}</Text>
              <Caption1 className={styles.muted}>{t.latestMonth(periodLabel(kr.latest.period))}</Caption1>
              {evidence && (
                <Link href={evidence} target="_blank" rel="noopener noreferrer" className={styles.evidence} aria-label={t.evidenceAria(kr.title)}>
                  {t.evidence}
                  <Open16Regular aria-hidden="true" />
                </Link>
              )}
            </div>
          </>
        ) : (
          <Caption1 className={mergeClasses(styles.muted)}>{t.noReports}</Caption1>
        )}
        {(onReport || (historyOf && kr.history.length > 0)) && (
          <div className={styles.footer}>
            {onReport && (
              <Button size="small" appearance="outline" onClick={() => onReport(kr)} aria-label={t.reportAria(kr.title)} data-testid={`report-${kr.id}`}>
                {t.report}
              </Button>
            )}
            {historyOf && kr.history.length > 0 && (
              <Button size="small" appearance="subtle" onClick={() => setShowHistory(!showHistory)} aria-expanded={showHistory} aria-label={t.historyButtonAria(showHistory ? t.historyHide : t.historyShow, kr.title)} data-testid={`kr-history-toggle-${kr.id}`}>
                {showHistory ? t.historyHide : t.historyShow}
              </Button>
            )}
          </div>
        )}
        {historyOf && showHistory && historyOf(kr)}
      </div>
    </li>
  );
}
