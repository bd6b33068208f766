import {
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft16Regular, Open16Regular } from '@fluentui/react-icons';
import type { UnitMonthReviewResponse } from '@okr/core';
import { Suspense, lazy, useEffect, useState } from 'react';
import type { ReviewApi } from '../api/review.js';
import { formatPercent, periodLabel, formatDateTime } from '../core.js';
import { formatKrValue } from '../okr/format.js';
import { StatusBadge } from '../okr/StatusBadge.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { safeHref } from '../ui/safeHref.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { MonthStateBadge } from './MonthStateBadge.js';
import { reviewText as r } from './strings.js';

const KeyResultHistory = lazy(() => import('./KeyResultHistory.js'));

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  kr: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  krGrid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 3fr) minmax(260px, 2fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalS,
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  flaggedKr: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  krTitle: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  comment: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    whiteSpace: 'pre-line',
    overflowWrap: 'anywhere',
  },
  flags: { margin: 0, paddingInlineStart: '1.25em', color: tokens.colorPaletteRedForeground1 },
  history: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  note: { whiteSpace: 'pre-line', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  value: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
});

export interface UnitMonthReviewProps {
  api: ReviewApi;
  unitId: string;
  period: string;
  /** Back to the queue, with what was done (null: nothing). */
  onBack: (notice: string | null) => void;
}

/**
 * One unit's month under review: its nine key results with the report, who made it and when, last
 * month, the consistency flags, the ETI's observation and the correction; the review's history;
 * and for the ETI the observations and «Cerrar el mes» / «Pedir corrección».
 */
export default function UnitMonthReview({ api, unitId, period, onBack }: UnitMonthReviewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const load = useLoad((signal) => api.reviewUnit(unitId, period, signal), [api, unitId, period]);
  const [observations, setObservations] = useState<Record<string, string>>({});
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'close' | 'request' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [history, setHistory] = useState<string | null>(null);

  // Esc goes back to the queue, as «Volver a la cola» does — not from a field being typed in, nor from a dialog or menu, which close themselves.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (e.key !== 'Escape' || e.defaultPrevented || busy || target?.closest('input, textarea, select, [role="dialog"], [role="listbox"], [role="menu"]')) return;
      onBack(null);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onBack, busy]);

  if (load.state === 'loading') return <Loading label={r.queue.loading} />;
  if (load.state === 'error') return <LoadError title={r.queue.errorTitle} message={load.message} onRetry={load.retry} testId="review-unit-error" />;
  const d: UnitMonthReviewResponse = load.data;
  const month = periodLabel(d.period);

  async function decide(action: 'close' | 'request_correction') {
    setBusy(action === 'close' ? 'close' : 'request');
    setError(null);
    try {
      const typed = Object.entries(observations).filter(([, text]) => text.trim() !== '').map(([keyResultId, text]) => ({ keyResultId, text }));
      const { notified } = await api.decideReview(unitId, { period: d.period, action, version: d.version, note, observations: typed });
      onBack(action === 'close' ? r.unit.closed(d.unit.name, month) : notified.length > 0 ? r.unit.requested(notified.join(', ')) : r.unit.requestedNobody);
    } catch (e) {
      setError((e as Error).message);
      setBusy(null);
      load.retry();
    }
  }

  const canClose = d.canAct && d.state !== 'cerrado' && d.total > 0 && d.reported === d.total;
  const canRequest = d.canAct && d.state !== 'sin_reportar';
  const flags = d.keyResults.reduce((n, k) => n + k.flags.length, 0);

  return (
    <ViewSection
      titleId="review-unit-title"
      title={r.unit.title(d.unit.name, month)}
      intro={`${r.unit.reported(d.reported, d.total)} · ${r.unit.summaryFlags(flags)}`}
      testId="review-unit"
      tools={
        <Button icon={<ArrowLeft16Regular />} onClick={() => onBack(null)} data-testid="review-back">
          {r.unit.back}
        </Button>
      }
    >
      <div className={styles.head}>
        <MonthStateBadge state={d.state} size="large" />
      </div>
      {error && (
        <MessageBar intent="error" layout="multiline" data-testid="review-decision-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {d.review?.state === 'correction_requested' && (d.review.note || d.review.observations.length > 0) && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{r.actions.request_correction}</MessageBarTitle>
            {d.review.note && <span className={styles.note}>{r.unit.observationNow(d.review.note)}</span>}
          </MessageBarBody>
        </MessageBar>
      )}

      <section aria-labelledby="review-history-title" className={mergeClasses(surface.card)}>
        <h3 id="review-history-title" className={view.h3}>
          {r.unit.history}
        </h3>
        {d.history.length === 0 ? (
          <Caption1 className={styles.muted}>{r.unit.noHistory}</Caption1>
        ) : (
          <ol className={styles.history} data-testid="review-history">
            {d.history.map((h, i) => (
              <li key={i}>
                <Text>{r.unit.historyLine(r.actions[h.action], h.actorName, formatDateTime(h.at))}</Text>
                {h.note && <div className={mergeClasses(styles.muted, styles.note)}>{r.unit.generalNote}: {h.note}</div>}
                {h.observations.map((o, j) => (
                  <div key={j} className={mergeClasses(styles.muted, styles.note)}>
                    {r.unit.observationOf(o.keyResultTitle)}: {o.text}
                  </div>
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>

      <ol className={styles.list} aria-label={r.unit.keyResultsLabel}>
        {d.keyResults.map((k) => {
          const c = k.checkIn;
          const href = c ? safeHref(c.evidenceUrl) : null;
          const titleId = `review-kr-${k.id}`;
          return (
            <li key={k.id} className={mergeClasses(surface.card, styles.kr, k.flags.length > 0 && styles.flaggedKr)} aria-labelledby={titleId} data-testid={`review-kr-${k.id}`}>
              <Caption1 className={styles.muted}>{k.objectiveTitle}</Caption1>
              <h4 id={titleId} className={styles.krTitle}>
                {k.title}
              </h4>
              <div className={styles.krGrid}>
                <div className={styles.column}>
                  {c ? (
                    <>
                      <div className={styles.line}>
                        <span className={styles.value}>{formatKrValue(k, c.value)}</span>
                        <span>{r.unit.progress(formatPercent(k.progress ?? 0))}</span>
                        <StatusBadge status={k.status} size="small" />
                        {k.corrected && <MonthStateBadge state="corregido" size="small" />}
                      </div>
                      <Caption1 className={styles.muted}>
                        {r.unit.reportedBy(c.authorName, formatDateTime(c.updatedAt, 'shortNoYear'))}
                        {c.version > 1 ? ` · ${r.unit.edited(c.version - 1)}` : ''}
                      </Caption1>
                      <p className={styles.comment}>{c.comment}</p>
                      {href ? (
                        <Link href={href} target="_blank" rel="noopener noreferrer" aria-label={r.unit.evidenceAria(k.title)}>
                          {r.unit.evidence} <Open16Regular aria-hidden="true" />
                        </Link>
                      ) : (
                        <Caption1 className={styles.muted}>{c.evidenceUrl ? c.evidenceUrl : r.unit.noEvidence}</Caption1>
                      )}
                    </>
                  ) : (
                    <Text className={styles.muted}>{r.unit.notReported}</Text>
                  )}
                  <Caption1 className={styles.muted}>{k.previous ? r.unit.last(periodLabel(k.previous.period), formatKrValue(k, k.previous.value)) : r.unit.noLast}</Caption1>
                  <div>
                    <Button size="small" appearance="subtle" onClick={() => setHistory(history === k.id ? null : k.id)} aria-expanded={history === k.id} aria-label={r.history.toggleAria(history === k.id ? r.history.hide : r.history.show, k.title)}>
                      {history === k.id ? r.history.hide : r.history.show}
                    </Button>
                  </div>
                  {history === k.id && (
                    <Suspense fallback={<Loading label={r.history.loading} />}>
                      <KeyResultHistory api={api} unitId={d.unit.id} keyResultId={k.id} quarter={d.quarter} />
                    </Suspense>
                  )}
                </div>
                <div className={styles.column}>
                  {k.flags.length === 0 ? (
                    <Caption1 className={styles.muted}>{r.unit.noFlags}</Caption1>
                  ) : (
                    <ul className={styles.flags} aria-label={r.unit.flagsLabel(k.title)} data-testid={`review-flags-${k.id}`}>
                      {k.flags.map((f) => (
                        <li key={f.code}>{f.message}</li>
                      ))}
                    </ul>
                  )}
                  {k.observation && (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody className={styles.note}>{r.unit.observationNow(k.observation)}</MessageBarBody>
                    </MessageBar>
                  )}
                  {d.canAct && (
                    <Field label={r.unit.observationLabel}>
                      <Textarea
                        value={observations[k.id] ?? ''}
                        onChange={(_, v) => setObservations((o) => ({ ...o, [k.id]: v.value }))}
                        maxLength={1000}
                        resize="vertical"
                        data-testid={`review-observation-${k.id}`}
                      />
                    </Field>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ol>

      {d.canAct ? (
        <section className={mergeClasses(surface.card, styles.kr)} aria-labelledby="review-decide-title">
          <Subtitle2 as="h3" id="review-decide-title">
            {r.unit.decideTitle(month)}
          </Subtitle2>
          <Field label={r.unit.noteLabel} hint={r.unit.noteHint}>
            <Textarea value={note} onChange={(_, v) => setNote(v.value)} maxLength={2000} resize="vertical" data-testid="review-note" />
          </Field>
          <div className={styles.actions}>
            {canClose && (
              <Button appearance="primary" onClick={() => void decide('close')} disabled={busy !== null} data-testid="review-close">
                {busy === 'close' ? r.unit.closing : r.unit.close}
              </Button>
            )}
            {canRequest && (
              <Button onClick={() => void decide('request_correction')} disabled={busy !== null} data-testid="review-request">
                {busy === 'request' ? r.unit.requesting : r.unit.request}
              </Button>
            )}
          </div>
        </section>
      ) : (
        <Caption1 className={styles.muted}>{d.quarterClosed ? r.queue.quarterClosed : r.unit.readOnly}</Caption1>
      )}
    </ViewSection>
  );
}
