import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { QuarterId, Quarterly, ReportView as ReportData, ReviewRequest } from '@okr/core';
import { useState } from 'react';
import type { PlanApi } from '../api/plan.js';
import { errorMessage } from '../errorMessage.js';
import { FormDialog } from '../ui/FormDialog.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { formatCompliance, formatNumber, metaFigures, programmingTypeLabels } from './core.js';
import { numberOf } from './metaDraft.js';
import { ReportStatusBadge, yearQuarter } from './planUi.js';
import { planText as p } from './strings.js';
import { formatDate, formatDateTime } from '../core.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  meta: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  figure: { display: 'flex', flexDirection: 'column-reverse', gap: tokens.spacingVerticalXXS },
  figureValue: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  figureLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / -1' },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  muted: { color: tokens.colorNeutralForeground3 },
  alerts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  lead: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

interface Entry {
  executed: string;
  analysis: string;
  evidenceUrl: string;
  cumulativeAnalysis: string;
}

const entriesOf = (d: ReportData): Record<string, Entry> =>
  Object.fromEntries(
    d.metas.map((m) => [
      m.meta.id,
      { executed: m.report?.executed === null || m.report?.executed === undefined ? '' : String(m.report.executed).replace('.', ','), analysis: m.report?.analysis ?? '', evidenceUrl: m.report?.evidenceUrl ?? '', cumulativeAnalysis: m.report?.cumulativeAnalysis ?? '' },
    ]),
  );

export interface ReportViewProps {
  api: PlanApi;
  unitId: string;
  quarter: QuarterId;
  onBack?: () => void;
  backLabel?: string;
}

/**
 * «Reporte trimestral» (activity 9): per meta the quarter's execution, its analysis and evidence and
 * the analysis of the cumulative result; the % of the quarter and the cumulative figures computed by
 * the programming type as they type. The OAP reviews it here (activity 10): corrects a figure, completes
 * a local meta, asks for clarification, closes the quarter. An area that leads local or transversal
 * metas reports their figures for each plan below.
 */
export default function ReportView({ api, unitId, quarter, onBack, backLabel }: ReportViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const { year, q } = yearQuarter(quarter);
  const [entries, setEntriesState] = useState<Record<string, Entry>>({});
  /** Typed since loaded or saved: the server's list of what is missing is no longer current. */
  const [dirty, setDirty] = useState(false);
  const setEntries = (next: Record<string, Entry> | ((all: Record<string, Entry>) => Record<string, Entry>), changed = true) => {
    setEntriesState(next);
    setDirty(changed);
  };
  const load = useLoad((signal) => api.report(unitId, year, q, signal), [api, unitId, year, q], { onData: (d) => setEntries(entriesOf(d), false) });
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [correcting, setCorrecting] = useState<{ metaId: string; order: number } | null>(null);
  const [correction, setCorrection] = useState({ value: '', reason: '' });
  const [clarification, setClarification] = useState('');
  const [lead, setLead] = useState<Record<string, { numerator: string; denominator: string; result: string; observations: string }>>({});

  async function run(action: () => Promise<ReportData>, success: string) {
    setBusy(true);
    setNotice(null);
    try {
      const next = await action();
      load.set(next);
      setEntries(entriesOf(next), false);
      setNotice({ intent: 'success', text: success });
      return true;
    } catch (error) {
      setNotice({ intent: 'error', text: errorMessage(error) });
      return false;
    } finally {
      setBusy(false);
    }
  }

  if (load.state === 'loading') return <Loading label={p.loadingReport} />;
  if (load.state === 'error') return <LoadError title={p.errorTitle} message={load.message} onRetry={load.retry} testId="report-error" />;
  const d = load.data;
  const r = p.report;
  const title = r.title(`T${q} ${year}`);
  if (!d.plan || (d.plan.state !== 'official' && d.plan.state !== 'endorsed')) {
    return (
      <ViewSection titleId="report-title" title={title} intro={r.intro} testId="report-view" tools={onBack && <Button onClick={onBack}>{backLabel}</Button>}>
        <div className={surface.empty} data-testid="report-no-plan">{r.noPlan(d.unit.name, year)}</div>
      </ViewSection>
    );
  }
  const planId = d.plan.id;
  const version = d.record?.version ?? null;
  const send = (submit: boolean) =>
    run(
      () =>
        api.saveReport(planId, q, {
          expectedVersion: version,
          submit,
          entries: d.metas
            .filter((m) => m.expected && !m.ledBy)
            .map((m) => {
              const e = entries[m.meta.id]!;
              return { metaId: m.meta.id, executed: numberOf(e.executed), analysis: e.analysis, evidenceUrl: e.evidenceUrl, cumulativeAnalysis: e.cumulativeAnalysis };
            }),
        }),
      submit ? r.submitted : r.saved,
    );
  const review = (body: ReviewRequest, success: string) => run(() => api.reviewReport(planId, q, body), success);
  /** This quarter's figures with what is typed now (the earlier quarters as stored). */
  const liveFigures = (m: ReportData['metas'][number]) => {
    const typed = numberOf(entries[m.meta.id]?.executed ?? '');
    const executed = [...m.executions] as Quarterly;
    executed[q - 1] = m.ledBy || !d.canEdit ? (m.report?.correction?.corrected ?? m.report?.executed ?? null) : typed !== null && Number.isFinite(typed) ? typed : null;
    return metaFigures(m.meta.programmingType, m.meta.programmed, m.meta.totalMagnitude, executed, q);
  };

  return (
    <ViewSection
      titleId="report-title"
      title={`${title} · ${d.unit.name}`}
      intro={r.intro}
      testId="report-view"
      tools={
        <>
          <ReportStatusBadge status={d.status} />
          <Caption1>{r.due(formatDate(d.due, 'short'))}</Caption1>
          {onBack && <Button onClick={onBack}>{backLabel}</Button>}
        </>
      }
    >
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="report-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {d.record?.clarification && (
        <MessageBar intent="warning" layout="multiline" data-testid="report-clarification">
          <MessageBarBody>
            <MessageBarTitle>{r.clarificationTitle}</MessageBarTitle>
            {d.record.clarification}
          </MessageBarBody>
        </MessageBar>
      )}
      {d.record?.submittedAt && d.submittedBy && <Caption1>{r.submittedBy(d.submittedBy, formatDateTime(d.record.submittedAt, 'short'))}</Caption1>}
      {d.record?.closedAt && d.closedBy && <Caption1>{r.closedBy(d.closedBy, formatDateTime(d.record.closedAt, 'short'))}</Caption1>}
      {!d.canEdit && !d.canReview && <Caption1 className={styles.muted}>{r.readOnly}</Caption1>}

      <div className={styles.stack}>
        {d.metas.map((m) => {
          const f = liveFigures(m);
          const e = entries[m.meta.id]!;
          const editable = d.canEdit && m.expected && !m.ledBy;
          const id = (k: string) => `report-${m.meta.id}-${k}`;
          return (
            <article key={m.meta.id} className={mergeClasses(surface.card, styles.meta)} aria-labelledby={id('title')} data-testid={`report-meta-${m.meta.order}`}>
              <h3 id={id('title')} className={styles.h3}>
                {m.meta.order}. {m.meta.statement}
              </h3>
              <Caption1 className={styles.muted}>
                {programmingTypeLabels[m.meta.programmingType]} · {formatNumber(m.meta.totalMagnitude)} {m.meta.indicator.unit}
                {m.meta.eliminated ? ` · ${p.summary.eliminated}` : ''}
              </Caption1>
              {!m.expected ? (
                <Caption1>{r.notExpected}</Caption1>
              ) : (
                <>
                  <dl className={styles.figures} data-testid={id('figures')}>
                    {(
                      [
                        [r.programmedQuarter, f.programmedQuarter === null ? '—' : formatNumber(f.programmedQuarter)],
                        [r.quarterPct, formatCompliance(f.quarterCompliance)],
                        [r.programmedCumulative, f.programmedCumulative === null ? '—' : formatNumber(f.programmedCumulative)],
                        [r.cumulative, f.executedCumulative === null ? '—' : formatNumber(f.executedCumulative)],
                        [r.cumulativePct, formatCompliance(f.cumulativeCompliance)],
                      ] as const
                    ).map(([label, value]) => (
                      <div key={label} className={styles.figure}>
                        <dd className={styles.figureValue}>{value}</dd>
                        <dt className={styles.figureLabel}>{label}</dt>
                      </div>
                    ))}
                  </dl>
                  {m.ledBy && <Caption1>{r.ledBy(m.ledBy.name)}</Caption1>}
                  {m.report?.lead && <Caption1>{r.leadReported(formatNumber(m.report.lead.result), m.report.lead.observations)}</Caption1>}
                  {m.report?.correction && <Caption1>{r.corrected(m.report.correction.original === null ? '—' : formatNumber(m.report.correction.original), formatNumber(m.report.correction.corrected), m.report.correction.reason)}</Caption1>}
                  {m.report?.completedByOap && <Caption1>{r.completed}</Caption1>}
                  {(editable || m.report?.executed !== null && m.report?.executed !== undefined) && <div className={styles.fields}>
                    <Field label={r.executed} validationMessage={editable && e.executed.trim() && !Number.isFinite(numberOf(e.executed) ?? 0) ? p.notANumber : undefined}>
                      <Input value={e.executed} inputMode="decimal" readOnly={!editable} onChange={(_, v) => setEntries((all) => ({ ...all, [m.meta.id]: { ...e, executed: v.value } }))} data-testid={`report-${m.meta.order}-executed`} />
                    </Field>
                    <Field label={r.evidence}>
                      <Input value={e.evidenceUrl} type="url" readOnly={!editable} onChange={(_, v) => setEntries((all) => ({ ...all, [m.meta.id]: { ...e, evidenceUrl: v.value } }))} data-testid={`report-${m.meta.order}-evidence`} />
                    </Field>
                    <Field label={r.analysis} className={styles.wide}>
                      <Textarea value={e.analysis} readOnly={!editable} maxLength={2000} resize="vertical" onChange={(_, v) => setEntries((all) => ({ ...all, [m.meta.id]: { ...e, analysis: v.value } }))} data-testid={`report-${m.meta.order}-analysis`} />
                    </Field>
                    <Field label={r.cumulativeAnalysis} className={styles.wide} hint={f.behind && editable ? r.behindHint : undefined}>
                      <Textarea value={e.cumulativeAnalysis} readOnly={!editable} maxLength={2000} resize="vertical" onChange={(_, v) => setEntries((all) => ({ ...all, [m.meta.id]: { ...e, cumulativeAnalysis: v.value } }))} data-testid={`report-${m.meta.order}-cumulative-analysis`} />
                    </Field>
                  </div>}
                  {d.canReview && (
                    <div className={styles.meta} data-testid={`review-meta-${m.meta.order}`}>
                      <Caption1>
                        <strong>{p.review.alerts}:</strong> {m.alerts.length ? '' : p.review.noAlerts}
                      </Caption1>
                      {m.alerts.length > 0 && (
                        <ul className={styles.alerts}>
                          {m.alerts.map((a, i) => (
                            <li key={i}>
                              <Caption1>{a.message}</Caption1>
                            </li>
                          ))}
                        </ul>
                      )}
                      <div className={styles.bar}>
                        <Button size="small" onClick={() => (setCorrection({ value: '', reason: '' }), setCorrecting({ metaId: m.meta.id, order: m.meta.order }))} disabled={busy}>
                          {p.review.correct}
                        </Button>
                        {m.ledBy && m.report?.lead && !m.report.completedByOap && (
                          <Button size="small" onClick={() => review({ action: 'complete', expectedVersion: version!, metaId: m.meta.id }, p.review.completedDone)} disabled={busy}>
                            {p.review.complete}
                          </Button>
                        )}
                      </div>
                    </div>
                  )}
                </>
              )}
            </article>
          );
        })}
      </div>

      {d.canEdit && !dirty && d.missing.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="report-missing">
          <MessageBarBody>
            <MessageBarTitle>{r.missingTitle}</MessageBarTitle>
            {d.missing.join(' ')}
          </MessageBarBody>
        </MessageBar>
      )}
      {d.canEdit && (
        <div className={styles.bar}>
          <Button onClick={() => send(false)} disabled={busy} data-testid="report-save">
            {r.save}
          </Button>
          <Button appearance="primary" onClick={() => send(true)} disabled={busy} data-testid="report-submit">
            {r.submit}
          </Button>
        </div>
      )}

      {d.canReview && (
        <section className={mergeClasses(surface.card, styles.stack)} aria-labelledby="report-review-title" data-testid="report-review">
          <h3 id="report-review-title" className={view.h3}>
            {p.review.title}
          </h3>
          <Field label={p.review.clarifyLabel}>
            <Textarea value={clarification} onChange={(_, v) => setClarification(v.value)} maxLength={2000} data-testid="review-clarification" />
          </Field>
          <div className={styles.bar}>
            <Button onClick={() => review({ action: 'clarify', expectedVersion: version!, text: clarification }, p.review.clarifyDone)} disabled={busy} data-testid="review-clarify">
              {p.review.clarify}
            </Button>
            <Button appearance="primary" onClick={() => review({ action: 'close', expectedVersion: version! }, p.review.closedDone)} disabled={busy} data-testid="review-close">
              {p.review.close}
            </Button>
          </div>
        </section>
      )}

      {d.leadTasks.length > 0 && (
        <section className={styles.stack} aria-labelledby="lead-title" data-testid="report-lead">
          <div>
            <h3 id="lead-title" className={view.h3}>
              {r.leadTitle}
            </h3>
            <Caption1 className={view.intro}>{r.leadIntro}</Caption1>
          </div>
          {d.leadTasks.map((t) => {
            const key = `${t.planId}|${t.meta.id}`;
            const v = lead[key] ?? {
              numerator: t.report?.lead ? String(t.report.lead.numerator) : '',
              denominator: t.report?.lead ? String(t.report.lead.denominator) : '',
              result: t.report?.lead ? String(t.report.lead.result) : '',
              observations: t.report?.lead?.observations ?? '',
            };
            const change = (k: keyof typeof v, value: string) => setLead((all) => ({ ...all, [key]: { ...v, [k]: value } }));
            return (
              <article key={key} className={mergeClasses(surface.card, styles.meta)} aria-label={`${t.unit.name}: ${t.meta.statement}`}>
                <strong>{t.unit.name}</strong>
                <Caption1>
                  {t.meta.order}. {t.meta.statement}
                </Caption1>
                {t.closed ? (
                  <Caption1 className={styles.muted}>{r.leadClosed}</Caption1>
                ) : (
                  <div className={styles.lead}>
                    <Field label={r.leadNumerator}>
                      <Input value={v.numerator} inputMode="decimal" onChange={(_, x) => change('numerator', x.value)} />
                    </Field>
                    <Field label={r.leadDenominator}>
                      <Input value={v.denominator} inputMode="decimal" onChange={(_, x) => change('denominator', x.value)} />
                    </Field>
                    <Field label={r.leadResult}>
                      <Input value={v.result} inputMode="decimal" onChange={(_, x) => change('result', x.value)} />
                    </Field>
                    <Field label={r.leadObservations} className={styles.wide}>
                      <Textarea value={v.observations} maxLength={2000} onChange={(_, x) => change('observations', x.value)} />
                    </Field>
                    <Button
                      disabled={busy}
                      onClick={() =>
                        run(
                          () => api.saveLeadFigures(t.planId, q, t.meta.id, { numerator: numberOf(v.numerator) ?? Number.NaN, denominator: numberOf(v.denominator) ?? Number.NaN, result: numberOf(v.result) ?? Number.NaN, observations: v.observations }),
                          r.leadSaved(t.unit.name),
                        )
                      }
                    >
                      {r.leadSave}
                    </Button>
                  </div>
                )}
              </article>
            );
          })}
        </section>
      )}

      {correcting && (
        <FormDialog
          title={p.review.correctTitle(correcting.order)}
          intro={<Caption1>{p.review.correctReason}</Caption1>}
          onSubmit={async (ev) => {
            ev.preventDefault();
            if (await review({ action: 'correct', expectedVersion: version!, metaId: correcting.metaId, corrected: numberOf(correction.value) ?? Number.NaN, reason: correction.reason }, p.review.correctedDone)) setCorrecting(null);
          }}
          onCancel={() => setCorrecting(null)}
          busy={busy}
          cancelLabel={p.review.cancel}
          submitLabel={p.review.correct}
          busyLabel={p.review.correct}
          submitTestId="correct-submit"
          error={notice?.intent === 'error' ? notice.text : null}
          errorTestId="correct-error"
        >
          <Field label={p.review.correctValue}>
            <Input value={correction.value} inputMode="decimal" onChange={(_, v) => setCorrection((c) => ({ ...c, value: v.value }))} data-testid="correct-value" />
          </Field>
          <Field label={p.review.correctReason}>
            <Textarea value={correction.reason} onChange={(_, v) => setCorrection((c) => ({ ...c, reason: v.value }))} maxLength={2000} data-testid="correct-reason" />
          </Field>
        </FormDialog>
      )}
    </ViewSection>
  );
}

