import { Button, Caption1, Link, MessageBar, MessageBarBody, TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular, ArrowUpload20Regular, CheckmarkCircle16Regular, Warning16Regular } from '@fluentui/react-icons';
import type { OkrRoundRow, ValidationCheck, ValidationItemView, ValidationRoundView } from '@okr/core';
import { useRef, useState, type ReactNode } from 'react';
import type { PeiApi } from '../api/pei.js';
import { errorMessage } from '../errorMessage.js';
import { ActionsTable, type ActionsTableProps } from '../ui/ActionsTable.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { saveFile } from '../ui/saveFile.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { formatNumber, validationCheckLabels } from './core.js';
import { StatusBadge, ValidationBadge, esDate, pct } from './peiUi.js';
import { ReturnDialog, ValueDialog } from './ValueDialog.js';
import { peiText as p } from './strings.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  pick: { width: '100%', maxWidth: '220px' },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyle: 'none' },
  count: { display: 'flex', flexDirection: 'column' },
  countValue: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  table: { minWidth: '980px' },
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, alignItems: 'flex-start', paddingBlock: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  checks: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxWidth: '46ch' },
  check: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start', fontSize: tokens.fontSizeBase200 },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0, marginTop: '2px' },
  bad: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0, marginTop: '2px' },
  returned: { fontSize: tokens.fontSizeBase200, maxWidth: '46ch', borderLeft: `3px solid ${tokens.colorPaletteYellowBorderActive}`, paddingLeft: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'stretch', paddingBlock: tokens.spacingVerticalS },
  hidden: { display: 'none' },
});

function Checks({ checks, failedOnly = false }: { checks: ValidationCheck[]; failedOnly?: boolean }) {
  const styles = useStyles();
  if (!checks.length) return <Caption1 className={styles.muted}>{p.noChecks}</Caption1>;
  const shown = failedOnly ? checks.filter((c) => !c.ok) : checks;
  if (!shown.length) return <Caption1 className={styles.muted}>{p.allChecksOk}</Caption1>;
  return (
    <ul className={styles.checks}>
      {shown.map((c) => (
        <li key={c.code} className={styles.check}>
          {c.ok ? <CheckmarkCircle16Regular className={styles.ok} aria-label="Cumple" /> : <Warning16Regular className={styles.bad} aria-label="Revisar" />}
          <span>
            <strong>{validationCheckLabels[c.code]}:</strong> {c.message}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A table of the round, scrolled on its own, its rows ending in their buttons. */
function RoundTable(props: Omit<ActionsTableProps, 'actionsLabel'>) {
  const surface = useSurfaceStyles();
  return (
    <div className={surface.frame} tabIndex={0} role="region" aria-labelledby={props.labelledBy}>
      <ActionsTable {...props} actionsLabel={p.actionsColumn} />
    </div>
  );
}

/** A row's buttons, stacked. */
function ActionsCell({ children }: { children: ReactNode }) {
  const styles = useStyles();
  return (
    <TableCell>
      <div className={styles.actions}>{children}</div>
    </TableCell>
  );
}

/** Where a figure stands in the round, the day it was validated, and what goes with it (the OAP's return). */
function ValidationState({ state, validatedAt, children }: { state: ValidationItemView['state']; validatedAt: string | null; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.cell}>
      <ValidationBadge state={state} />
      {validatedAt && <Caption1 className={styles.muted}>{p.validatedOn(esDate(validatedAt.slice(0, 10)))}</Caption1>}
      {children}
    </div>
  );
}

type Dialog = { kind: 'report'; item: ValidationItemView } | { kind: 'return'; item: ValidationItemView } | { kind: 'returnOkr'; row: OkrRoundRow };

/** «Validación de cifras»: the round of a cut-off (seed 003) — report, the OAP's return with its checks, the area's confirmation; plan de gestión quarters and OKR results too. */
export default function ValidationView({ api }: { api: PeiApi }) {
  const styles = useStyles();
  const view = useViewStyles();
  const surface = useSurfaceStyles();
  const [cutoff, setCutoff] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [okrFilter, setOkrFilter] = useState<'all' | 'reported' | 'returned' | 'validated'>('all');
  const file = useRef<HTMLInputElement>(null);
  const load = useLoad((signal) => api.validationRound(cutoff, signal), [api, cutoff], { key: 'round' });

  if (load.state === 'loading') return <Loading label={p.loadingRound} />;
  if (load.state === 'error') return <LoadError title={p.roundErrorTitle} message={load.message} onRetry={load.retry} testId="round-error" />;
  const r: ValidationRoundView = load.data;
  const done = (text: string) => {
    setNotice({ intent: 'success', text });
    setDialog(null);
    load.retry();
  };
  const fail = (e: unknown) => setNotice({ intent: 'error', text: errorMessage(e) });
  const act = async (run: () => Promise<unknown>, text: string) => {
    setBusy(true);
    try {
      await run();
      done(text);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const upload = async (f: File | undefined) => {
    if (!f) return;
    setBusy(true);
    try {
      load.set(await api.importValues(f));
      setNotice({ intent: 'success', text: p.uploaded });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
      if (file.current) file.current.value = '';
    }
  };
  const canUpload = r.items.some((i) => i.canReport);
  const planCount = (s: string) => r.planReports.filter((x) => x.state === s).length;

  return (
    <ViewSection
      titleId="round-title"
      title={p.roundTitle(r.label)}
      intro={p.roundIntro}
      testId="validation-view"
      tools={
        canUpload ? (
          <>
            <Button icon={<ArrowDownload20Regular />} onClick={() => api.downloadTemplate(r.cutoff).then(saveFile, fail)} data-testid="round-template">
              {p.template}
            </Button>
            <Button icon={<ArrowUpload20Regular />} onClick={() => file.current?.click()} disabled={busy} data-testid="round-upload" title={p.uploadHint}>
              {p.upload}
            </Button>
            <input ref={file} type="file" accept=".csv,.xlsx,text/csv" className={styles.hidden} aria-label={p.upload} onChange={(e) => upload(e.target.files?.[0])} data-testid="round-file" />
          </>
        ) : undefined
      }
    >
      <div className={styles.bar}>
        <ChoiceDropdown label={p.cutoff} value={r.cutoff} options={r.cutoffs.includes(r.cutoff) ? r.cutoffs : [r.cutoff, ...r.cutoffs]} optionLabel={esDate} onChange={setCutoff} testId="round-cutoff" className={styles.pick} />
        <ul className={styles.counts} aria-label={p.state} data-testid="round-counts">
          {(['pending', 'draft', 'reported', 'returned', 'validated'] as const).map((s) => (
            <li key={s} className={styles.count}>
              <span className={styles.countValue}>{r.counts[s]}</span>
              <Caption1 className={styles.muted}>{p.counts[s]}</Caption1>
            </li>
          ))}
        </ul>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} data-testid="round-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <MessageBar intent={r.closed ? 'success' : 'info'} data-testid="round-session">
        <MessageBarBody>
          {r.closed && r.session ? p.closed(esDate(r.session.date)) : r.session ? p.session(esDate(r.session.date), r.session.signed) : p.noSession}{' '}
          {r.session && <Link href={`?view=plenarias&quarter=${r.session.date.slice(0, 4)}-Q${Math.ceil(Number(r.session.date.slice(5, 7)) / 3)}&acta=${encodeURIComponent(r.session.plenariaId)}`}>{p.openSession}</Link>}
        </MessageBarBody>
      </MessageBar>

      <h3 className={view.h3} id="round-pei">
        {p.peiSection}
      </h3>
      {r.items.length === 0 ? (
        <div className={surface.empty}>{p.emptyItems}</div>
      ) : (
        <RoundTable labelledBy="round-pei" testId="round-items" className={styles.table} columns={[p.columns.indicator, p.figure, p.state, p.checks]}>
          {r.items.map((i) => (
            <TableRow key={i.indicator.id} data-testid={`round-item-${i.indicator.id}`}>
              <TableCell>
                <div className={styles.cell}>
                  <span>{i.indicator.name}</span>
                  <Caption1 className={styles.muted}>
                    {i.indicator.reference} · {i.indicator.responsibleArea} · {i.objectives.map((n) => p.objective(n)).join(', ')}
                  </Caption1>
                </div>
              </TableCell>
              <TableCell>
                <div className={styles.cell}>
                  <span>
                    {i.computed.executed === null ? '—' : `${formatNumber(i.computed.executed)} ${i.indicator.unitOfMeasure}`} · {pct(i.computed.percent)}
                  </span>
                  <StatusBadge code={i.computed.status.code} text={i.computed.status.text} />
                  {i.oapReturn && i.state === 'returned' && (
                    <div className={styles.returned} data-testid="round-oap-return">
                      {p.oapSays(i.oapReturn.byName)} {i.oapReturn.observations}
                      {i.oapReturn.executed !== null && <div>{p.oapFigure(formatNumber(i.oapReturn.executed))}</div>}
                    </div>
                  )}
                </div>
              </TableCell>
              <TableCell>
                <ValidationState state={i.state} validatedAt={i.validatedAt} />
              </TableCell>
              <TableCell>{i.source === 'plan' ? <Caption1 className={styles.muted}>{p.fromPlanNote}</Caption1> : <Checks checks={i.checks} />}</TableCell>
              <ActionsCell>
                {i.canReport && (
                  <Button size="small" onClick={() => setDialog({ kind: 'report', item: i })} data-testid={`round-report-${i.indicator.id}`}>
                    {i.state === 'returned' ? p.adjust : p.report}
                  </Button>
                )}
                {i.canReturn && (
                  <Button size="small" appearance="primary" onClick={() => setDialog({ kind: 'return', item: i })} data-testid={`round-return-${i.indicator.id}`}>
                    {p.returnIt}
                  </Button>
                )}
                {i.canConfirm && (
                  <Button size="small" appearance="primary" disabled={busy} onClick={() => act(() => api.confirmValue(i.indicator.id, i.cutoff, i.version!), p.confirmed)} data-testid={`round-confirm-${i.indicator.id}`}>
                    {p.confirm}
                  </Button>
                )}
              </ActionsCell>
            </TableRow>
          ))}
        </RoundTable>
      )}

      {r.planReports.length > 0 && (
        <section aria-labelledby="round-plan" className={surface.card}>
          <h3 className={view.h3} id="round-plan">
            {p.planSection}
          </h3>
          <Caption1 className={view.intro}>{p.planSectionIntro}</Caption1>
          <p data-testid="round-plan-counts">{p.planCounts(planCount('closed'), planCount('in_review'), planCount('not_sent'))}</p>
        </section>
      )}

      <h3 className={view.h3} id="round-okr">
        {p.okrSection}
      </h3>
      <Caption1 className={view.intro}>{p.okrSectionIntro}</Caption1>
      {r.okr.length > 0 && (
        <ChoiceDropdown label={p.okrFilter} value={okrFilter} options={['all', 'reported', 'returned', 'validated']} optionLabel={(x) => (x === 'all' ? p.okrAll(r.okr.length) : `${p.counts[x]} (${r.okr.filter((o) => o.state === x).length})`)} onChange={setOkrFilter} testId="round-okr-filter" className={styles.pick} />
      )}
      {r.okr.length === 0 ? (
        <div className={surface.empty}>{p.emptyOkr}</div>
      ) : (
        <RoundTable labelledBy="round-okr" testId="round-okr" size="small" columns={[p.okrColumns.unit, p.okrColumns.months, p.okrColumns.state, p.checks]}>
          {r.okr.filter((o) => okrFilter === 'all' || o.state === okrFilter).map((o) => (
            <TableRow key={o.unitId} data-testid={`round-okr-${o.unitId}`}>
              <TableCell>{o.unitName}</TableCell>
              <TableCell>{p.okrMonths(o.reportedMonths, o.expectedMonths)}</TableCell>
              <TableCell>
                <ValidationState state={o.state} validatedAt={o.validatedAt}>
                  {o.oapReturn && o.state === 'returned' && <div className={styles.returned}>{p.oapSays(o.oapReturn.byName)} {o.oapReturn.observations}</div>}
                </ValidationState>
              </TableCell>
              <TableCell>
                <Checks checks={o.checks} failedOnly />
              </TableCell>
              <ActionsCell>
                {o.canReturn && (
                  <Button size="small" onClick={() => setDialog({ kind: 'returnOkr', row: o })} data-testid={`round-okr-return-${o.unitId}`}>
                    {p.returnIt}
                  </Button>
                )}
                {o.canConfirm && (
                  <Button size="small" appearance="primary" disabled={busy} onClick={() => act(() => api.confirmOkr(o.unitId, o.quarter, o.version!), p.confirmed)} data-testid={`round-okr-confirm-${o.unitId}`}>
                    {p.confirm}
                  </Button>
                )}
              </ActionsCell>
            </TableRow>
          ))}
        </RoundTable>
      )}

      {dialog?.kind === 'report' && <ValueDialog api={api} item={dialog.item} onClose={() => setDialog(null)} onSaved={(_, submitted) => done(submitted ? p.reported : p.saved)} />}
      {dialog?.kind === 'return' && (
        <ReturnDialog title={dialog.item.indicator.reference} withFigure onClose={() => setDialog(null)} onReturn={async (observations, executed) => { await api.returnValue(dialog.item.indicator.id, dialog.item.cutoff, { expectedVersion: dialog.item.version!, executed, observations }); done(p.returned); }} />
      )}
      {dialog?.kind === 'returnOkr' && (
        <ReturnDialog title={dialog.row.unitName} withFigure={false} onClose={() => setDialog(null)} onReturn={async (observations) => { await api.returnOkr(dialog.row.unitId, dialog.row.quarter, { expectedVersion: dialog.row.version, observations }); done(p.returned); }} />
      )}
    </ViewSection>
  );
}
