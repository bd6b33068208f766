import { Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular, Add20Regular } from '@fluentui/react-icons';
import type { PlanView as PlanViewData, QuarterId } from '@okr/core';
import { useMemo, useRef, useState } from 'react';
import type { PlanApi } from '../api/plan.js';
import { errorMessage } from '../errorMessage.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { formatNumber, metaChecks, metaErrors, planActionLabels, programmingTypeLabels, weightsCheck } from './core.js';
import { MetaEditor } from './MetaEditor.js';
import { asMeta, draftOf, emptyMeta, metaOf, type MetaDraft } from './metaDraft.js';
import { Checks, PlanStateBadge, saveFile, yearQuarter } from './planUi.js';
import { planText as p } from './strings.js';
import { formatDate, formatDateTime } from '../core.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  meta: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  metaHead: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { minWidth: '520px' },
  history: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  links: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 320px), 1fr))', gap: tokens.spacingHorizontalM },
  hidden: { display: 'none' },
  formalize: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

export interface PlanViewProps {
  api: PlanApi;
  unitId: string;
  quarter: QuarterId;
  /** Shown inside the OAP's desk: its «Volver» button. */
  onBack?: () => void;
  backLabel?: string;
}

/**
 * «Plan de gestión»: the unit's plan for the vigencia of the chosen quarter — the team formulates
 * it (or uploads F017/F018) with the coherence checks as they type and sends it to the OAP; the
 * OAP analyst approves it or returns it with observations per meta; the líder makes it official
 * with the HOLA case. Its history, versions and the OKR sets aligned to each objective.
 */
export default function PlanView({ api, unitId, quarter, onBack, backLabel }: PlanViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const { year } = yearQuarter(quarter);
  const [drafts, setDraftsState] = useState<MetaDraft[] | null>(null);
  /** Changed since it was loaded or saved: sending saves first. */
  const [dirty, setDirty] = useState(false);
  const setDrafts = (next: MetaDraft[] | null | ((all: MetaDraft[] | null) => MetaDraft[] | null), changed = true) => {
    setDraftsState(next);
    setDirty(changed);
  };
  const load = useLoad((signal) => api.plan(unitId, year, signal), [api, unitId, year], { onData: (d) => setDrafts(d.plan ? d.metas.map(draftOf) : null, false) });
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [observations, setObservations] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState('');
  const [hola, setHola] = useState('');
  const file = useRef<HTMLInputElement>(null);

  const data = load.state === 'ready' ? load.data : null;
  const live = useMemo(() => {
    if (!drafts || !data) return null;
    const ctx = { objectiveIds: new Set(data.objectives.map((o) => o.id)), units: new Map(data.units.map((u) => [u.id, u.kind])) };
    return drafts.map((d, i) => {
      const meta = asMeta(d, i + 1);
      return { checks: metaChecks(meta, data.unit.kind), errors: metaErrors(meta, ctx) };
    });
  }, [drafts, data]);

  async function run(action: () => Promise<PlanViewData>, success: string) {
    setBusy(true);
    setNotice(null);
    try {
      const next = await action();
      load.set(next);
      setDrafts(next.plan ? next.metas.map(draftOf) : null, false);
      setNotice({ intent: 'success', text: success });
      setObservations({});
      setGeneral('');
    } catch (error) {
      setNotice({ intent: 'error', text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  if (load.state === 'loading') return <Loading label={p.loadingPlan} />;
  if (load.state === 'error') return <LoadError title={p.errorTitle} message={load.message} onRetry={load.retry} testId="plan-error" />;
  const d = load.data;
  const plan = d.plan;
  const editing = d.canEdit && drafts !== null;
  const save = () => run(() => api.savePlan(unitId, year, { expectedVersion: plan?.version ?? null, metas: drafts!.map((x, i) => metaOf(x, i + 1)) }), p.saved);
  const submit = () =>
    run(async () => {
      const saved = dirty || !plan ? await api.savePlan(unitId, year, { expectedVersion: plan?.version ?? null, metas: drafts!.map((x, i) => metaOf(x, i + 1)) }) : d;
      return api.actOnPlan(saved.plan!.id, { action: 'submit', version: saved.plan!.version });
    }, p.submitted);
  const act = (action: 'approve' | 'return' | 'formalize', success: string) =>
    run(
      () =>
        api.actOnPlan(plan!.id, {
          action,
          version: plan!.version,
          comment: general.trim() || null,
          observations: Object.entries(observations).map(([metaId, text]) => ({ metaId, text })),
          holaCase: action === 'formalize' ? hola : null,
        }),
      success,
    );
  const upload = (f: File | undefined) => f && run(() => api.importPlan(unitId, year, plan?.version ?? null, f), p.uploaded);
  const weights = drafts ? weightsCheck(drafts.map((x, i) => metaOf(x, i + 1))) : d.weights;
  const blocking = live?.some((x) => x.errors.length > 0) ?? false;
  const units = new Map(d.units.map((u) => [u.id, u.name]));
  const reviewing = d.actions.includes('approve');

  const tools = (
    <>
      {plan && <PlanStateBadge state={plan.state} />}
      {plan && <Caption1>{p.version(plan.planVersion)}{plan.holaCase ? ` · ${p.hola(plan.holaCase)}` : ''}</Caption1>}
      {plan && (
        <Button icon={<ArrowDownload20Regular />} onClick={() => api.downloadPlan(unitId, year).then(saveFile, (e) => setNotice({ intent: 'error', text: errorMessage(e) }))} data-testid="plan-download">
          {p.download}
        </Button>
      )}
      {onBack && <Button onClick={onBack}>{backLabel}</Button>}
    </>
  );

  return (
    <ViewSection titleId="plan-title" title={`${p.planTitle(year)} · ${d.unit.name}`} intro={p.planIntro} testId="plan-view" tools={tools}>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="plan-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {d.vigencia ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p.vigenciaNote}</MessageBarTitle>
            {d.vigencia.methodologyNote} {p.formulationDue(formatDate(d.vigencia.formulationDue, 'short'))}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <div className={surface.empty} data-testid="plan-no-vigencia">{p.noVigencia(year)}</div>
      )}
      {d.returned && (
        <MessageBar intent="warning" layout="multiline" data-testid="plan-returned">
          <MessageBarBody>
            <MessageBarTitle>{p.returnedTitle}</MessageBarTitle>
            {d.returned.comment ? `${d.returned.comment} — ` : ''}
            {p.returnedBy(d.returned.by, formatDateTime(d.returned.at, 'short'))}
          </MessageBarBody>
        </MessageBar>
      )}

      {!plan && d.vigencia && (
        <div className={surface.empty} data-testid="plan-empty">
          <strong>{p.noPlan(d.unit.name, year)}</strong>
          {d.canEdit && (
            <>
              <Caption1>{p.noPlanHint}</Caption1>
              <div className={styles.bar}>
                <Button appearance="primary" icon={<Add20Regular />} onClick={() => setDrafts([emptyMeta(1, unitId, [])])} disabled={drafts !== null}>
                  {p.startPlan}
                </Button>
                <Button icon={<ArrowUpload20Regular />} onClick={() => file.current?.click()} disabled={busy}>
                  {p.upload}
                </Button>
              </div>
            </>
          )}
        </div>
      )}

      {editing && (
        <div className={styles.stack}>
          {drafts!.map((draft, i) => (
            <MetaEditor
              key={draft.id}
              draft={draft}
              index={i}
              objectives={d.objectives}
              units={d.units}
              planUnitKind={d.unit.kind}
              checks={live?.[i]?.checks ?? []}
              errors={live?.[i]?.errors ?? []}
              observations={d.metas.find((m) => m.id === draft.id)?.observations ?? []}
              onChange={(next) => setDrafts((all) => all!.map((x, k) => (k === i ? next : x)))}
              onRemove={() => setDrafts((all) => all!.filter((_, k) => k !== i))}
            />
          ))}
          <Checks checks={[weights]} testId="plan-weights" />
          <div className={styles.bar}>
            <Button icon={<Add20Regular />} onClick={() => setDrafts((all) => [...all!, emptyMeta(all!.length + 1, unitId, all!.map((x) => x.id))])}>
              {p.addMeta}
            </Button>
            {plan && (
              <Button icon={<ArrowUpload20Regular />} onClick={() => file.current?.click()} disabled={busy} title={p.uploadHint}>
                {p.upload}
              </Button>
            )}
            <Button onClick={save} disabled={busy || blocking || drafts!.length === 0} data-testid="plan-save">
              {p.save}
            </Button>
            {(plan === null || d.actions.includes('submit')) && (
              <Button appearance="primary" onClick={submit} disabled={busy || blocking || drafts!.length === 0 || (!d.actions.includes('submit') && plan !== null)} data-testid="plan-submit">
                {p.submit}
              </Button>
            )}
          </div>
        </div>
      )}
      <input ref={file} type="file" accept=".xlsx" className={styles.hidden} aria-label={p.upload} onChange={(e) => upload(e.target.files?.[0])} data-testid="plan-file" />

      {plan && !editing && (
        <div className={styles.stack} data-testid="plan-metas">
          {d.metas.map((m) => (
            <article key={m.id} className={mergeClasses(surface.card, styles.meta)} data-testid={`plan-meta-${m.order}`}>
              <h3 className={styles.metaHead}>
                {m.order}. {m.statement}
              </h3>
              <Caption1 className={styles.muted}>
                {p.summary.programming(programmingTypeLabels[m.programmingType], `${formatNumber(m.totalMagnitude)} ${m.indicator.unit}`)} · {p.fields.weight}: {formatNumber(m.weight)} %
                {m.eliminated ? ` · ${p.summary.eliminated}` : ''}
                {m.modifiedInVersion ? ` · ${p.summary.modified(m.modifiedInVersion)}` : ''}
                {m.local ? ` · ${p.summary.local}` : ''}
                {m.transversal ? ` · ${p.summary.transversal}` : ''}
                {m.leadUnitId ? ` · ${p.summary.ledBy(units.get(m.leadUnitId) ?? m.leadUnitId)}` : ''}
              </Caption1>
              <Caption1>
                {p.summary.indicator}: {m.indicator.name} — {m.indicator.formula}
              </Caption1>
              <Caption1>
                {p.summary.quarters}: {m.programmed.map((v, q) => `T${q + 1} ${v === null ? '—' : formatNumber(v)}`).join(' · ')}
              </Caption1>
              {m.observations.length > 0 && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    <MessageBarTitle>{p.observationsOf}</MessageBarTitle>
                    {m.observations.join(' · ')}
                  </MessageBarBody>
                </MessageBar>
              )}
              <Checks checks={m.checks} testId={`plan-meta-${m.order}-checks`} />
              {reviewing && (
                <Field label={p.metaObservation(m.order)}>
                  <Textarea value={observations[m.id] ?? ''} onChange={(_, v) => setObservations((o) => ({ ...o, [m.id]: v.value }))} maxLength={2000} data-testid={`review-obs-${m.order}`} />
                </Field>
              )}
            </article>
          ))}
          <Checks checks={[d.weights]} testId="plan-weights" />
        </div>
      )}

      {reviewing && (
        <section className={mergeClasses(surface.card, styles.stack)} aria-labelledby="plan-review-title" data-testid="plan-review">
          <h3 id="plan-review-title" className={view.h3}>
            {p.reviewHeading}
          </h3>
          <Caption1>{p.reviewIntro}</Caption1>
          <Field label={p.generalObservation}>
            <Textarea value={general} onChange={(_, v) => setGeneral(v.value)} maxLength={2000} data-testid="review-general" />
          </Field>
          <div className={styles.bar}>
            <Button appearance="primary" onClick={() => act('approve', p.approved)} disabled={busy} data-testid="plan-approve">
              {p.approve}
            </Button>
            <Button onClick={() => act('return', p.returnedDone)} disabled={busy} data-testid="plan-return">
              {p.returnPlan}
            </Button>
          </div>
        </section>
      )}

      {d.actions.includes('formalize') && (
        <section className={mergeClasses(surface.card, styles.formalize)} aria-label={p.formalize} data-testid="plan-formalize">
          <Field label={p.holaLabel} hint={p.holaHint}>
            <Input value={hola} onChange={(_, v) => setHola(v.value)} inputMode="numeric" maxLength={40} data-testid="plan-hola" />
          </Field>
          <Button appearance="primary" onClick={() => act('formalize', p.formalized)} disabled={busy} data-testid="plan-formalize-button">
            {p.formalize}
          </Button>
        </section>
      )}

      {d.links.length > 0 && (
        <section aria-labelledby="plan-links-title" className={styles.stack} data-testid="plan-links">
          <div>
            <h3 id="plan-links-title" className={view.h3}>
              {p.links.title}
            </h3>
            <Caption1 className={view.intro}>{p.links.intro}</Caption1>
          </div>
          <div className={styles.links}>
            {d.links.map((l) => (
              <div key={l.objective.id} className={surface.card}>
                <strong>
                  {l.objective.code} — {l.objective.title}
                </strong>
                <Caption1 className={styles.muted}>
                  <br />
                  {p.links.metas(l.metaIds.length)}: {l.metaIds.map((id) => d.metas.find((m) => m.id === id)?.order).join(', ') || '—'}
                  <br />
                  {p.links.sets}: {l.okrSets.length ? l.okrSets.map((s) => s.quarter).join(', ') : p.links.noSets}
                </Caption1>
              </div>
            ))}
          </div>
        </section>
      )}

      {plan && (
        <section aria-labelledby="plan-history-title" className={surface.card}>
          <h3 id="plan-history-title" className={view.h3}>
            {p.history}
          </h3>
          {d.events.length === 0 ? (
            <Caption1>{p.noHistory}</Caption1>
          ) : (
            <ol className={styles.history} data-testid="plan-history">
              {d.events.map((e) => (
                <li key={e.id}>
                  <Caption1>
                    {formatDateTime(e.at, 'short')} · {e.actorName} · {planActionLabels[e.action]}
                    {e.holaCase ? ` (${p.hola(e.holaCase)})` : ''}
                    {e.comment ? `: «${e.comment}»` : ''}
                    {e.observations.length ? ` — ${e.observations.map((o) => `${p.metaHeading(d.metas.find((m) => m.id === o.metaId)?.order ?? 0)}: ${o.text}`).join(' · ')}` : ''}
                  </Caption1>
                </li>
              ))}
            </ol>
          )}
          {d.versions.length > 1 && (
            <Table size="small" className={styles.table} aria-label={p.versions}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{p.versionColumn}</TableHeaderCell>
                  <TableHeaderCell>{p.desk.metas}</TableHeaderCell>
                  <TableHeaderCell>{p.holaColumn}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {d.versions.map((v) => (
                  <TableRow key={v.planVersion}>
                    <TableCell>{v.planVersion}</TableCell>
                    <TableCell>{v.metas}</TableCell>
                    <TableCell>{v.holaCase ?? '—'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      )}
    </ViewSection>
  );
}
