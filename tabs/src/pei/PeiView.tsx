import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, Open20Regular, Scales20Regular } from '@fluentui/react-icons';
import type { PeiObjectiveView, PeiReportView } from '@okr/core';
import { useState, type FormEvent } from 'react';
import type { PeiApi } from '../api/pei.js';
import { errorMessage } from '../errorMessage.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { FormDialog } from '../ui/FormDialog.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { saveFile } from '../ui/saveFile.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { formatNumber, parseNumber } from './core.js';
import { StatusBadge, ValidationBadge, esDate, pct } from './peiUi.js';
import { peiText as p } from './strings.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  pick: { width: '100%', maxWidth: '360px' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: tokens.spacingHorizontalM },
  tile: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, textDecorationLine: 'none', color: tokens.colorNeutralForeground1 },
  tileNumber: { fontSize: tokens.fontSizeBase200, color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold },
  figure: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightBold, color: tokens.colorBrandForeground1, fontVariantNumeric: 'tabular-nums' },
  behind: { color: tokens.colorPaletteRedForeground1 },
  tileTitle: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: '-webkit-box', WebkitLineClamp: '4', WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  objective: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, scrollMarginTop: '64px' },
  objectiveHead: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'baseline', flexWrap: 'wrap' },
  table: { minWidth: '900px' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  name: { minWidth: '320px', width: '34%' },
  numCol: { width: '110px' },
  none: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase500 },
  muted: { color: tokens.colorNeutralForeground3 },
  status: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start' },
  analysis: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, maxWidth: '48ch' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  weights: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 96px', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, alignItems: 'center' },
  wide: { maxWidth: '760px', width: '100%' },
});

function ObjectiveTable({ o, year }: { o: PeiObjectiveView; year: number }) {
  const styles = useStyles();
  const view = useViewStyles();
  const surface = useSurfaceStyles();
  const c = p.columns;
  return (
    <section id={`pei-objetivo-${o.number}`} className={styles.objective} aria-labelledby={`pei-obj-${o.number}`} data-testid={`pei-objective-${o.number}`}>
      <div className={styles.objectiveHead}>
        <h3 id={`pei-obj-${o.number}`} className={view.h3}>
          {p.objective(o.number)}
        </h3>
        <span className={mergeClasses(styles.figure, o.compliance !== null && o.compliance < 0.99995 && styles.behind, o.compliance === null && styles.none)} data-testid={`pei-compliance-${o.number}`}>
          {o.compliance === null ? p.noFigure : pct(o.compliance)}
        </span>
      </div>
      <Caption1 className={view.intro}>{o.title}</Caption1>
      <div className={surface.frame} tabIndex={0} role="region" aria-label={`${p.objective(o.number)}: indicadores`}>
        <Table className={styles.table} aria-labelledby={`pei-obj-${o.number}`}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={styles.name}>{c.indicator}</TableHeaderCell>
              <TableHeaderCell className={styles.numCol}>{c.annual(year)}</TableHeaderCell>
              <TableHeaderCell className={styles.numCol}>{c.atCutoff}</TableHeaderCell>
              <TableHeaderCell className={styles.numCol}>{c.executed}</TableHeaderCell>
              <TableHeaderCell className={styles.numCol}>{c.percent}</TableHeaderCell>
              <TableHeaderCell>{c.status}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {o.indicators.map((r) => (
              <TableRow key={r.indicator.id} data-testid={`pei-row-${r.indicator.id}`}>
                <TableCell>
                  <div>{r.indicator.name}</div>
                  <Caption1 className={styles.muted}>
                    {r.indicator.reference}
                    {r.source === 'plan' ? ` · ${p.fromPlan}` : ''} · {r.share > 0 ? p.weight(formatNumber(r.weight), pct(r.share)) : p.weightOnly(formatNumber(r.weight))}
                  </Caption1>
                </TableCell>
                <TableCell className={styles.num}>{r.figures.annual === null ? '—' : formatNumber(r.figures.annual)}</TableCell>
                <TableCell className={styles.num}>{r.figures.programmedAtCutoff === null ? '—' : formatNumber(r.figures.programmedAtCutoff)}</TableCell>
                <TableCell className={styles.num}>{r.figures.executed === null ? '—' : formatNumber(r.figures.executed)}</TableCell>
                <TableCell className={styles.num}>{pct(r.figures.percent)}</TableCell>
                <TableCell>
                  <div className={styles.status}>
                    <StatusBadge code={r.figures.status.code} text={r.figures.status.text} />
                    {r.analysis && <span className={styles.analysis}>{r.analysis}</span>}
                    {r.state !== 'validated' && r.state !== 'pending' && <ValidationBadge state={r.state} />}
                  </div>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {o.notes.length > 0 && (
        <ul className={styles.notes} aria-label={p.notes}>
          {o.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The OAP changes the vigencia's weights, with the reason that goes to the control de cambios. */
function WeightsDialog({ api, report, onClose, onSaved }: { api: PeiApi; report: PeiReportView; onClose: () => void; onSaved: (r: PeiReportView) => void }) {
  const styles = useStyles();
  const [values, setValues] = useState(() => Object.fromEntries(report.objectives.flatMap((o) => o.indicators.map((r) => [`${o.id}|${r.indicator.id}`, formatNumber(r.weight)]))));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const weights = report.objectives.flatMap((o) => o.indicators.map((r) => ({ objectiveId: o.id, indicatorId: r.indicator.id, weight: parseNumber(values[`${o.id}|${r.indicator.id}`] ?? '', true) ?? Number.NaN })));
    const bad = weights.find((w) => !Number.isFinite(w.weight));
    if (bad) return setError(p.form.notANumber(report.objectives.flatMap((o) => o.indicators).find((r) => r.indicator.id === bad.indicatorId)!.indicator.name));
    setBusy(true);
    try {
      onSaved(await api.savePeiWeights(report.plan.id, report.year, { weights, reason }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog title={p.weightsTitle(report.year)} intro={<Caption1>{p.weightsIntro}</Caption1>} onSubmit={submit} onCancel={onClose} busy={busy} cancelLabel={p.cancel} submitLabel={p.saveWeights} busyLabel={p.savingWeights} submitTestId="weights-save" error={error} errorTestId="weights-error" surfaceClassName={styles.wide}>
      {report.objectives.map((o) => (
        <fieldset key={o.id} className={styles.weights}>
          <legend>{p.objective(o.number)}</legend>
          {o.indicators.map((r) => (
            <Field key={r.indicator.id} label={r.indicator.name} orientation="horizontal" style={{ display: 'contents' }}>
              <Input value={values[`${o.id}|${r.indicator.id}`] ?? ''} inputMode="decimal" aria-label={p.weightLabel(r.indicator.name, o.number)} onChange={(_, d) => setValues((v) => ({ ...v, [`${o.id}|${r.indicator.id}`]: d.value }))} />
            </Field>
          ))}
        </fieldset>
      ))}
      <Field label={p.weightsReason} required>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} data-testid="weights-reason" />
      </Field>
    </FormDialog>
  );
}

/** «Plan estratégico»: the PEI at a cut-off as seed 002 presents it — each objective's figure, then its indicators. */
export default function PeiView({ api }: { api: PeiApi }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const [planId, setPlanId] = useState<string | null>(null);
  const [cutoff, setCutoff] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const plans = useLoad((signal) => api.peiPlans(signal), [api]);
  const chosen = planId ?? (plans.state === 'ready' ? (plans.data.find((x) => x.own) ?? plans.data[0])?.id ?? null : null);
  const load = useLoad(chosen ? (signal) => api.peiReport(chosen, cutoff, signal) : null, [api, chosen, cutoff], { key: chosen ?? '' });

  if (plans.state === 'error') return <LoadError title={p.errorTitle} message={plans.message} onRetry={plans.retry} testId="pei-error" />;
  if (plans.state === 'ready' && plans.data.length === 0) {
    return (
      <MessageBar intent="info" data-testid="pei-empty">
        <MessageBarBody>{p.noPlans}</MessageBarBody>
      </MessageBar>
    );
  }
  if (load.state === 'error') return <LoadError title={p.errorTitle} message={load.message} onRetry={load.retry} testId="pei-error" />;
  if (load.state === 'loading' || plans.state === 'loading') return <Loading label={p.loadingPei} />;
  const r = load.data;
  const download = (kind: 'xlsx' | 'pptx') => api.downloadPei(r.plan.id, r.cutoff, kind).then(saveFile, (e) => setNotice({ intent: 'error', text: errorMessage(e) }));
  return (
    <ViewSection
      titleId="pei-title"
      title={`${p.title} · ${r.plan.entity}`}
      intro={p.intro}
      testId="pei-view"
      tools={
        <>
          <Button icon={<ArrowDownload20Regular />} onClick={() => download('xlsx')} data-testid="pei-xlsx">
            {p.downloadXlsx}
          </Button>
          <Button icon={<ArrowDownload20Regular />} onClick={() => download('pptx')} data-testid="pei-pptx">
            {p.downloadPptx}
          </Button>
          {r.canEditWeights && (
            <Button icon={<Scales20Regular />} onClick={() => setEditing(true)} data-testid="pei-weights">
              {p.editWeights}
            </Button>
          )}
          <Button as="a" appearance="subtle" icon={<Open20Regular />} href={`/publico/pei/?plan=${encodeURIComponent(r.plan.id)}&corte=${r.cutoff}`} target="_blank" rel="noopener">
            {p.publicLink}
          </Button>
        </>
      }
    >
      {notice && (
        <MessageBar intent={notice.intent} data-testid="pei-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.bar}>
        <ChoiceDropdown label={p.plan} value={r.plan.id} options={r.plans.map((x) => x.id)} optionLabel={(id) => { const x = r.plans.find((y) => y.id === id)!; return `${x.name} · ${x.entity}`; }} onChange={(id) => { setPlanId(id); setCutoff(null); }} testId="pei-plan" className={styles.pick} />
        <ChoiceDropdown label={p.cutoff} value={r.cutoff} options={r.cutoffs.includes(r.cutoff) ? r.cutoffs : [r.cutoff, ...r.cutoffs]} optionLabel={esDate} onChange={setCutoff} testId="pei-cutoff" className={styles.pick} />
      </div>
      <Caption1 className={styles.muted}>{p.advance(esDate(r.cutoff))}</Caption1>
      <div className={styles.grid} data-testid="pei-tiles">
        {r.objectives.map((o) => (
          <a key={o.id} href={`#pei-objetivo-${o.number}`} className={mergeClasses(surface.card, styles.tile)}>
            <span className={styles.tileNumber}>{p.objective(o.number)}</span>
            <span className={mergeClasses(styles.figure, o.compliance !== null && o.compliance < 0.99995 && styles.behind)}>{o.compliance === null ? '—' : pct(o.compliance)}</span>
            <span className={styles.tileTitle}>{o.title}</span>
          </a>
        ))}
      </div>
      {r.objectives.map((o) => (
        <ObjectiveTable key={o.id} o={o} year={r.year} />
      ))}
      {r.changes.length > 0 && (
        <section aria-labelledby="pei-changes" className={surface.card}>
          <h3 id="pei-changes" className={view.h3}>
            {p.changes}
          </h3>
          <ul className={styles.notes}>
            {r.changes.map((c) => (
              <li key={c.id}>
                <strong>{c.version}</strong>: {c.description}
              </li>
            ))}
          </ul>
        </section>
      )}
      {editing && <WeightsDialog api={api} report={r} onClose={() => setEditing(false)} onSaved={(next) => { load.set(next); setEditing(false); setNotice({ intent: 'success', text: p.weightsSaved }); }} />}
    </ViewSection>
  );
}
