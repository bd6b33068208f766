import { Button, Caption1, Field, MessageBar, MessageBarBody, TableCell, TableRow, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import type { MeResponse, QuarterId } from '@okr/core';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import type { PlanApi } from '../api/plan.js';
import { errorMessage } from '../errorMessage.js';
import { ActionsTable } from '../ui/ActionsTable.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { StatTiles, type Stat } from '../ui/StatTiles.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { RequestCard } from './ChangesView.js';
import { PlanStateBadge, ReportStatusBadge, saveFile, yearQuarter } from './planUi.js';
import { planText as p } from './strings.js';
import { formatDateTime } from '../core.js';
import { DateField } from '../ui/DateField.js';

const PlanView = lazy(() => import('./PlanView.js'));
const ReportView = lazy(() => import('./ReportView.js'));

const useStyles = makeStyles({
  tiles: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 150px), 1fr))' },
  table: { minWidth: '640px' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 260px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** One of the desk's tables under its heading, its rows ending in «Abrir». */
function DeskTable({ id, heading, columns, children }: { id: string; heading: ReactNode; columns: string[]; children: ReactNode }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  return (
    <section aria-labelledby={id} className={styles.stack}>
      <h3 id={id} className={view.h3}>
        {heading}
      </h3>
      <div className={surface.frame}>
        <ActionsTable labelledBy={id} testId={id} className={styles.table} columns={columns} actionsLabel={p.desk.open}>
          {children}
        </ActionsTable>
      </div>
    </section>
  );
}

type Open = { kind: 'plan' | 'report'; unitId: string } | null;

/** «Plan de gestión (OAP)»: the OAP's desk — plans by state, the quarter's reports, the requests; each opens here. */
export default function ReviewDesk({ api, me, quarter }: { api: PlanApi; me: MeResponse; quarter: QuarterId }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const { year, q } = yearQuarter(quarter);
  const [open, setOpen] = useState<Open>(null);
  const load = useLoad(open ? null : (signal) => api.reviewDesk(year, q, signal), [api, year, q, open], { key: quarter });
  const [vigencia, setVigencia] = useState({ note: '', due: `${year}-01-22` });
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | null>(null);
  const isOap = me.roles.some((r) => r.role === 'oap');
  const k = p.desk;

  if (open) {
    const back = () => setOpen(null);
    return (
      <Suspense fallback={<Loading label={open.kind === 'plan' ? p.loadingPlan : p.loadingReport} />}>
        {open.kind === 'plan' ? <PlanView api={api} unitId={open.unitId} quarter={quarter} onBack={back} backLabel={k.back} /> : <ReportView api={api} unitId={open.unitId} quarter={quarter} onBack={back} backLabel={k.back} />}
      </Suspense>
    );
  }
  if (load.state === 'loading') return <Loading label={p.loadingReview} />;
  if (load.state === 'error') return <LoadError title={p.errorTitle} message={load.message} onRetry={load.retry} testId="desk-error" />;
  const d = load.data;
  const count = (pred: (x: (typeof d.plans)[number]) => boolean) => d.plans.filter(pred).length;
  const stats: Stat[] = [
    ['in_review', k.counts.in_review, count((x) => x.state === 'in_review')],
    ['returned', k.counts.returned, count((x) => x.state === 'returned')],
    ['official', k.counts.official, count((x) => x.state === 'official' || x.state === 'endorsed')],
    ['none', k.counts.none, count((x) => x.state === null)],
    ['submitted', k.counts.submitted, d.reports.filter((r) => r.status === 'submitted' || r.status === 'submitted_late').length],
    ['overdue', k.counts.overdue, d.reports.filter((r) => r.status === 'overdue').length],
    ['closed', k.counts.closed, d.reports.filter((r) => r.status === 'closed').length],
  ];
  const openVigencia = async () => {
    try {
      await api.openVigencia({ year, methodologyNote: vigencia.note, formulationDue: vigencia.due });
      setNotice({ intent: 'success', text: k.opened(year) });
      load.retry();
    } catch (e) {
      setNotice({ intent: 'error', text: errorMessage(e) });
    }
  };
  const plans = [...d.plans].sort((a, b) => Number(b.state === 'in_review') - Number(a.state === 'in_review') || a.unit.name.localeCompare(b.unit.name, 'es'));
  const rank = (s: string) => ['submitted_late', 'submitted', 'clarification', 'overdue', 'open', 'draft', 'not_due', 'closed'].indexOf(s);
  const reports = [...d.reports].sort((a, b) => rank(a.status) - rank(b.status) || a.unit.name.localeCompare(b.unit.name, 'es'));

  return (
    <ViewSection
      titleId="desk-title"
      title={k.title(year, `T${q}`)}
      intro={k.intro}
      testId="plan-desk"
      tools={
        <Button icon={<ArrowDownload20Regular />} onClick={() => api.downloadCb0404(year).then(saveFile, (e) => setNotice({ intent: 'error', text: errorMessage(e) }))} data-testid="desk-cb0404">
          {k.cb0404}
        </Button>
      }
    >
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="desk-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {!d.vigencia && (
        <section className={mergeClasses(surface.card, styles.stack)} aria-labelledby="desk-vigencia" data-testid="desk-vigencia">
          <h3 id="desk-vigencia" className={view.h3}>
            {k.noVigencia(year)}
          </h3>
          {isOap && (
            <div className={styles.form}>
              <Field label={k.methodology}>
                <Textarea value={vigencia.note} onChange={(_, v) => setVigencia((x) => ({ ...x, note: v.value }))} maxLength={4000} />
              </Field>
              <DateField label={k.due} value={vigencia.due} onChange={(due) => setVigencia((x) => ({ ...x, due }))} />
              <Button appearance="primary" onClick={openVigencia}>
                {k.openVigencia}
              </Button>
            </div>
          )}
        </section>
      )}
      <StatTiles stats={stats} className={styles.tiles} testId="desk-stats" tileTestId={(key) => `desk-stat-${key}`} />

      <DeskTable id="desk-reports" heading={<>{k.reports} · T{q} {year}</>} columns={[k.unit, k.status, k.submittedAt, k.alerts]}>
        {reports.map((r) => (
          <TableRow key={r.planId}>
            <TableCell>{r.unit.name}</TableCell>
            <TableCell>
              <ReportStatusBadge status={r.status} />
            </TableCell>
            <TableCell>{r.submittedAt ? formatDateTime(r.submittedAt, 'short') : '—'}</TableCell>
            <TableCell>{r.alerts}</TableCell>
            <TableCell>
              <Button size="small" onClick={() => setOpen({ kind: 'report', unitId: r.unit.id })} aria-label={`${k.open}: ${r.unit.name}`}>
                {k.open}
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </DeskTable>

      <DeskTable id="desk-plans" heading={<>{k.plans} {year}</>} columns={[k.unit, k.state, k.metas, k.checks]}>
        {plans.map((x) => (
          <TableRow key={x.unit.id}>
            <TableCell>{x.unit.name}</TableCell>
            <TableCell>{x.state ? <PlanStateBadge state={x.state} /> : <Caption1 className={styles.muted}>{k.notStarted}</Caption1>}</TableCell>
            <TableCell>{x.metas}</TableCell>
            <TableCell>{x.state ? x.failedChecks : '—'}</TableCell>
            <TableCell>
              {x.state && (
                <Button size="small" onClick={() => setOpen({ kind: 'plan', unitId: x.unit.id })} aria-label={`${k.open}: ${x.unit.name}`} data-testid={`desk-open-plan-${x.unit.id}`}>
                  {k.open}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DeskTable>

      <section aria-labelledby="desk-requests" className={styles.stack}>
        <h3 id="desk-requests" className={view.h3}>
          {k.requests}
        </h3>
        {d.modifications.length === 0 ? <div className={surface.empty}>{k.noRequests}</div> : d.modifications.map((r) => <RequestCard key={r.id} request={r} api={api} onChanged={load.retry} />)}
      </section>
    </ViewSection>
  );
}
