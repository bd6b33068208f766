import { Button, Caption1, Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, Option, Radio, RadioGroup, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ModificationView, ModificationsView, QuarterId } from '@okr/core';
import { useState } from 'react';
import type { PlanApi } from '../api/plan.js';
import { errorMessage } from '../errorMessage.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { exceptionGroundLabels, formatNumber, modificationStateLabels } from './core.js';
import { numberOf } from './metaDraft.js';
import { yearQuarter } from './planUi.js';
import { planText as p } from './strings.js';
import { formatDate, formatDateTime } from '../core.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: tokens.spacingHorizontalM },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0, width: '100%' },
});

const c = p.changes;

/** One request: what was asked, its consents and decision, and the buttons of whoever may act on it. */
export function RequestCard({ request, api, onChanged }: { request: ModificationView; api: PlanApi; onChanged: () => void }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const r = request;
  return (
    <article className={mergeClasses(surface.card, styles.stack)} data-testid={`request-${r.id}`} aria-label={`${r.unitName}: ${r.metaStatement}`}>
      <strong>
        {r.unitName} · {r.metaStatement}
      </strong>
      <Caption1>
        {modificationStateLabels[r.state]} · {c.requestedBy(r.requestedByName, formatDateTime(r.requestedAt, 'short'))}
        {r.resultingVersion ? ` · ${c.resulting(r.resultingVersion)}` : ''}
      </Caption1>
      <Caption1>{r.kind === 'eliminate' ? c.eliminate : r.proposed ? `${c.proposed}: ${formatNumber(r.proposed.totalMagnitude)} · T1–T4 ${r.proposed.programmed.map((v) => (v === null ? '—' : formatNumber(v))).join(' · ')}` : ''}</Caption1>
      <Caption1 className={styles.muted}>«{r.justification}»</Caption1>
      {r.consents.length > 0 && <Caption1>{c.consents}: {r.consents.map((x) => c.consent(r.consentUnits[x.unitId] ?? x.unitId, c.consentStates[x.state])).join(' · ')}</Caption1>}
      {r.decisionComment && <Caption1>{c.decision(r.decisionComment)}</Caption1>}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {(r.canConsent || r.canDecide) && (
        <>
          <Field label={c.comment}>
            <Textarea value={comment} onChange={(_, v) => setComment(v.value)} maxLength={2000} />
          </Field>
          <div className={styles.bar}>
            {r.canConsent && (
              <>
                <Button appearance="primary" disabled={busy} onClick={() => act(() => api.consentModification(r.id, true, comment || null, r.version))}>
                  {c.favorable}
                </Button>
                <Button disabled={busy} onClick={() => act(() => api.consentModification(r.id, false, comment || null, r.version))}>
                  {c.unfavorable}
                </Button>
              </>
            )}
            {r.canDecide && (
              <>
                <Button appearance="primary" disabled={busy} onClick={() => act(() => api.decideModification(r.id, true, comment || null, r.version))} data-testid="request-approve">
                  {c.approve}
                </Button>
                <Button disabled={busy} onClick={() => act(() => api.decideModification(r.id, false, comment || null, r.version))}>
                  {c.deny}
                </Button>
              </>
            )}
          </div>
        </>
      )}
    </article>
  );
}

/** «Modificaciones» (policy 9): the plan's requests, and the líder's form to ask for one. */
export default function ChangesView({ api, unitId, quarter }: { api: PlanApi; unitId: string; quarter: QuarterId }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const { year } = yearQuarter(quarter);
  const load = useLoad((signal) => api.modifications(unitId, year, signal), [api, unitId, year]);
  const [form, setForm] = useState<null | { metaId: string; kind: 'modify' | 'eliminate'; total: string; q: [string, string, string, string]; justification: string; exception: boolean; ground: 'fuerza_mayor' | 'cambio_normativo'; exceptionJustification: string }>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);

  if (load.state === 'loading') return <Loading label={p.loadingChanges} />;
  if (load.state === 'error') return <LoadError title={p.errorTitle} message={load.message} onRetry={load.retry} testId="changes-error" />;
  const d: ModificationsView = load.data;
  const start = () => {
    const m = d.metas.find((x) => !x.eliminated) ?? d.metas[0];
    if (!m) return;
    setForm({ metaId: m.id, kind: 'modify', total: String(m.totalMagnitude), q: m.programmed.map((v) => (v === null ? '' : String(v))) as [string, string, string, string], justification: '', exception: false, ground: 'cambio_normativo', exceptionJustification: '' });
  };
  const send = async () => {
    const meta = d.metas.find((x) => x.id === form!.metaId)!;
    const { eliminated: _e, modifiedInVersion: _m, ...content } = meta;
    setBusy(true);
    setNotice(null);
    try {
      await api.requestModification(d.plan!.id, {
        metaId: meta.id,
        kind: form!.kind,
        proposed: form!.kind === 'modify' ? { ...content, totalMagnitude: numberOf(form!.total) ?? Number.NaN, programmed: form!.q.map(numberOf) as typeof content.programmed } : null,
        justification: form!.justification,
        exception: form!.exception ? { ground: form!.ground, justification: form!.exceptionJustification } : null,
      });
      setForm(null);
      setNotice({ intent: 'success', text: c.sent });
      load.retry();
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ViewSection titleId="changes-title" title={`${c.title(year)} · ${d.unit.name}`} intro={c.intro(formatDate(d.deadline, 'short'))} testId="changes-view" tools={d.canRequest && !form && <Button appearance="primary" onClick={start} data-testid="changes-request">{c.request}</Button>}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="changes-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 className={styles.muted}>{d.measured.length ? c.measured(d.measured.map((q) => `T${q}`).join(', ')) : c.noneMeasured}</Caption1>
      {form && (
        <section className={mergeClasses(surface.card, styles.stack)} aria-labelledby="changes-form-title" data-testid="changes-form">
          <h3 id="changes-form-title" className={view.h3}>
            {c.request}
          </h3>
          <Field label={c.meta}>
            <Dropdown
              className={styles.dropdown}
              value={d.metas.find((x) => x.id === form.metaId)?.statement ?? ''}
              selectedOptions={[form.metaId]}
              onOptionSelect={(_, o) => {
                const m = d.metas.find((x) => x.id === o.optionValue);
                if (m) setForm({ ...form, metaId: m.id, total: String(m.totalMagnitude), q: m.programmed.map((v) => (v === null ? '' : String(v))) as [string, string, string, string] });
              }}
            >
              {d.metas.map((m) => (
                <Option key={m.id} value={m.id} text={m.statement}>
                  {`${m.order}. ${m.statement}`}
                </Option>
              ))}
            </Dropdown>
          </Field>
          <Field label={c.kind}>
            <RadioGroup value={form.kind} onChange={(_, v) => setForm({ ...form, kind: v.value as 'modify' | 'eliminate' })} layout="horizontal">
              <Radio value="modify" label={c.modify} />
              <Radio value="eliminate" label={c.eliminate} />
            </RadioGroup>
          </Field>
          {form.kind === 'modify' && (
            <div className={styles.grid}>
              <Field label={p.fields.total}>
                <Input value={form.total} inputMode="decimal" onChange={(_, v) => setForm({ ...form, total: v.value })} data-testid="changes-total" />
              </Field>
              {form.q.map((v, i) => (
                <Field key={i} label={p.fields.quarter(i + 1)}>
                  <Input value={v} inputMode="decimal" disabled={d.measured.includes((i + 1) as 1 | 2 | 3 | 4)} onChange={(_, x) => setForm({ ...form, q: form.q.map((y, k) => (k === i ? x.value : y)) as typeof form.q })} />
                </Field>
              ))}
            </div>
          )}
          <Field label={c.justification} required>
            <Textarea value={form.justification} onChange={(_, v) => setForm({ ...form, justification: v.value })} maxLength={4000} data-testid="changes-justification" />
          </Field>
          <Checkbox checked={form.exception} onChange={(_, v) => setForm({ ...form, exception: v.checked === true })} label={c.exception} />
          {form.exception && (
            <>
              <Field label={c.ground}>
                <RadioGroup value={form.ground} onChange={(_, v) => setForm({ ...form, ground: v.value as 'fuerza_mayor' | 'cambio_normativo' })} layout="horizontal">
                  <Radio value="cambio_normativo" label={exceptionGroundLabels.cambio_normativo} />
                  <Radio value="fuerza_mayor" label={exceptionGroundLabels.fuerza_mayor} />
                </RadioGroup>
              </Field>
              <Field label={c.exceptionJustification}>
                <Textarea value={form.exceptionJustification} onChange={(_, v) => setForm({ ...form, exceptionJustification: v.value })} maxLength={4000} />
              </Field>
            </>
          )}
          <div className={styles.bar}>
            <Button appearance="primary" onClick={send} disabled={busy} data-testid="changes-send">
              {c.send}
            </Button>
            <Button onClick={() => setForm(null)} disabled={busy}>
              {c.cancel}
            </Button>
          </div>
        </section>
      )}
      {d.requests.length === 0 ? (
        <div className={surface.empty} data-testid="changes-empty">{c.none}</div>
      ) : (
        <div className={styles.stack}>
          {d.requests.map((r) => (
            <RequestCard key={r.id} request={r} api={api} onChanged={load.retry} />
          ))}
        </div>
      )}
    </ViewSection>
  );
}
