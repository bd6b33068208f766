import { Caption1, Field, Input, Switch, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Breakdown, DifferentialDimension, ReportedFigures, ValidationItemView } from '@okr/core';
import { useState, type FormEvent } from 'react';
import type { PeiApi } from '../api/pei.js';
import { errorMessage } from '../errorMessage.js';
import { FormDialog } from '../ui/FormDialog.js';
import { DIFFERENTIAL_CATEGORIES, LOCALIDADES, NO_LOCALITY, differentialLabels, formatNumber, parseNumber, percentAt, statusOfPercent } from './core.js';
import { esDate, pct } from './peiUi.js';
import { peiText as p } from './strings.js';

const useStyles = makeStyles({
  wide: { maxWidth: '820px', width: '100%' },
  row2: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, border: 'none', padding: 0, margin: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS },
  computed: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Texts = Record<string, string>;
const toTexts = (b: Breakdown | null | undefined, names: readonly string[]): Texts => Object.fromEntries(names.map((n) => [n, b?.[n] === undefined ? '' : formatNumber(b[n]!, 6)]));
/** A typed number (null when empty, NaN when it is not one). */
const num = (s: string) => parseNumber(s, true);

/** The area's figure at the cut-off: the magnitude, its variables, its breakdowns and texts; the % is computed, never typed. */
export function ValueDialog({ api, item, onClose, onSaved }: { api: PeiApi; item: ValidationItemView; onClose: () => void; onSaved: (item: ValidationItemView, submitted: boolean) => void }) {
  const styles = useStyles();
  const i = item.indicator;
  const f = item.figures;
  const localityNames = [...LOCALIDADES, NO_LOCALITY];
  const [executed, setExecuted] = useState(f.executed === null ? '' : formatNumber(f.executed, 6));
  const [numerator, setNumerator] = useState(f.numerator === null ? '' : formatNumber(f.numerator, 6));
  const [denominator, setDenominator] = useState(f.denominator === null ? '' : formatNumber(f.denominator, 6));
  const [localities, setLocalities] = useState<Texts>(() => toTexts(f.localities, localityNames));
  const [differential, setDifferential] = useState<Record<string, Texts>>(() => Object.fromEntries(i.breakdown.differential.map((d) => [d, toTexts(f.differential[d], DIFFERENTIAL_CATEGORIES[d])])));
  const [analysis, setAnalysis] = useState(item.analysis);
  const [analysisPublic, setAnalysisPublic] = useState(item.analysisPublic);
  const [jump, setJump] = useState(item.jumpExplanation);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [submit, setSubmit] = useState(true);

  const executedValue = num(executed);
  const fraction = executedValue === null || Number.isNaN(executedValue) ? null : percentAt(executedValue, item.computed.programmedAtCutoff);
  const localitySum = Object.values(localities).reduce((s, v) => {
    const n = num(v);
    return s + (n !== null && Number.isFinite(n) ? n : 0);
  }, 0);

  const collect = (texts: Texts, label: string): Breakdown | null | string => {
    const out: Breakdown = {};
    for (const [k, v] of Object.entries(texts)) {
      if (!v.trim()) continue;
      const n = num(v);
      if (n === null || Number.isNaN(n)) return p.form.notANumber(`${label}: ${k}`);
      out[k] = n;
    }
    return Object.keys(out).length ? out : null;
  };

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const values = { executed: num(executed), numerator: num(numerator), denominator: num(denominator) };
    for (const [k, v] of Object.entries(values)) if (v !== null && Number.isNaN(v)) return setError(p.form.notANumber(k === 'executed' ? p.form.executed : k === 'numerator' ? 'numerador' : 'denominador'));
    const locs = i.breakdown.locality ? collect(localities, p.form.localities) : null;
    if (typeof locs === 'string') return setError(locs);
    const diff: ReportedFigures['differential'] = {};
    for (const d of i.breakdown.differential) {
      const b = collect(differential[d] ?? {}, differentialLabels[d]);
      if (typeof b === 'string') return setError(b);
      if (b) diff[d] = b;
    }
    setBusy(true);
    try {
      const saved = await api.saveValue(i.id, item.cutoff, { expectedVersion: item.version, figures: { ...values, localities: locs, differential: diff }, analysis, analysisPublic, jumpExplanation: jump, submit });
      onSaved(saved, submit);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const unit = i.unitOfMeasure;
  return (
    <FormDialog title={p.form.title(i.reference)} intro={<Caption1>{i.name}. {p.form.intro(esDate(item.cutoff), unit)}</Caption1>} onSubmit={save} onCancel={onClose} busy={busy} cancelLabel={p.cancel} submitLabel={submit ? p.form.submit : p.form.save} busyLabel={p.form.saving} submitTestId="value-submit" error={error} errorTestId="value-error" surfaceClassName={styles.wide}>
      <div className={styles.row2}>
        <Field label={p.form.executed} required>
          <Input value={executed} inputMode="decimal" onChange={(_, d) => setExecuted(d.value)} data-testid="value-executed" />
        </Field>
        {i.method === 'porcentaje' && i.variables && (
          <>
            <Field label={p.form.numerator(i.variables.numerator)}>
              <Input value={numerator} inputMode="decimal" onChange={(_, d) => setNumerator(d.value)} data-testid="value-numerator" />
            </Field>
            <Field label={p.form.denominator(i.variables.denominator)}>
              <Input value={denominator} inputMode="decimal" onChange={(_, d) => setDenominator(d.value)} data-testid="value-denominator" />
            </Field>
          </>
        )}
      </div>
      <Caption1 className={styles.computed} aria-live="polite" data-testid="value-computed">
        {p.form.computed(pct(fraction), statusOfPercent(fraction).text)}
      </Caption1>
      {i.breakdown.locality && (
        <fieldset className={styles.grid} data-testid="value-localities">
          <legend className={styles.legend}>{p.form.localities}</legend>
          {localityNames.map((l) => (
            <Field key={l} label={l} size="small">
              <Input size="small" value={localities[l] ?? ''} inputMode="decimal" onChange={(_, d) => setLocalities((x) => ({ ...x, [l]: d.value }))} />
            </Field>
          ))}
          <Caption1 className={styles.muted}>{p.form.localitiesSum(formatNumber(localitySum), executedValue === null || Number.isNaN(executedValue) ? '—' : formatNumber(executedValue))}</Caption1>
        </fieldset>
      )}
      {i.breakdown.differential.map((d: DifferentialDimension) => (
        <fieldset key={d} className={styles.grid} data-testid={`value-${d}`}>
          <legend className={styles.legend}>{differentialLabels[d]}</legend>
          {DIFFERENTIAL_CATEGORIES[d].map((c) => (
            <Field key={c} label={c} size="small">
              <Input size="small" value={differential[d]?.[c] ?? ''} inputMode="decimal" onChange={(_, x) => setDifferential((all) => ({ ...all, [d]: { ...(all[d] ?? {}), [c]: x.value } }))} />
            </Field>
          ))}
        </fieldset>
      ))}
      <Field label={p.form.analysis} hint={p.form.analysisHint}>
        <Textarea value={analysis} onChange={(_, d) => setAnalysis(d.value)} rows={3} data-testid="value-analysis" />
      </Field>
      <Switch checked={analysisPublic} onChange={(_, d) => setAnalysisPublic(d.checked)} label={p.form.analysisPublic} data-testid="value-public" />
      <Field label={p.form.jump} hint={p.form.jumpHint}>
        <Textarea value={jump} onChange={(_, d) => setJump(d.value)} rows={2} data-testid="value-jump" />
      </Field>
      <Switch checked={!submit} onChange={(_, d) => setSubmit(!d.checked)} label={p.form.draftOnly} data-testid="value-draft" />
    </FormDialog>
  );
}

/** The OAP returns a figure (or a unit's OKR quarter) for confirmation: observations and, for a figure, its standardised version. */
export function ReturnDialog({ title, withFigure, onClose, onReturn }: { title: string; withFigure: boolean; onClose: () => void; onReturn: (observations: string, executed: number | null) => Promise<void> }) {
  const styles = useStyles();
  const [observations, setObservations] = useState('');
  const [executed, setExecuted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const value = num(executed);
    if (value !== null && Number.isNaN(value)) return setError(p.form.notANumber(p.returnForm.executed));
    setBusy(true);
    try {
      await onReturn(observations, value);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <FormDialog title={p.returnForm.title(title)} intro={<Caption1>{p.returnForm.intro}</Caption1>} onSubmit={submit} onCancel={onClose} busy={busy} cancelLabel={p.cancel} submitLabel={p.returnForm.submit} busyLabel={p.returnForm.busy} submitTestId="return-submit" error={error} errorTestId="return-error" surfaceClassName={styles.wide}>
      <Field label={p.returnForm.observations} required>
        <Textarea value={observations} onChange={(_, d) => setObservations(d.value)} rows={4} data-testid="return-observations" />
      </Field>
      {withFigure && (
        <Field label={p.returnForm.executed}>
          <Input value={executed} inputMode="decimal" onChange={(_, d) => setExecuted(d.value)} data-testid="return-executed" />
        </Field>
      )}
    </FormDialog>
  );
}
