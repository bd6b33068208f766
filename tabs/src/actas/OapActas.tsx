import { Caption1, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import { useGridKeys } from '../ui/useGridKeys.js';
import type { OapCopyStatus, QuarterId } from '@okr/core';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { msg, quarterLabel } from '../core.js';
import { formatShortDay, sortOapRows } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import { ActaStateBadge, OapStatusBadge } from './ActaBits.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { RowOpenButton } from '../ui/RowOpenButton.js';
import { StatTiles, type Stat } from '../ui/StatTiles.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';

const ActaEditor = lazy(() => import('./ActaEditor.js'));


const useStyles = makeStyles({
  summary: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))' },
  filter: { width: '100%', maxWidth: '320px' },
  table: { minWidth: '720px' },
  row: { cursor: 'pointer' },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center', color: tokens.colorNeutralForeground2 },
  missing: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

type Filter = 'all' | OapCopyStatus | 'missing';
const FILTERS: Filter[] = ['all', 'vencida', 'pendiente', 'a_tiempo', 'missing'];
const filterLabel = (f: Filter) => (f === 'all' ? a.oapFilterAll : f === 'missing' ? a.oapFilterMissing : msg.actas.copyStatus[f]);

export interface OapActasProps {
  api: ActasApi;
  quarter: QuarterId;
  openActa: string | null;
  onOpenActa: (plenariaId: string | null) => void;
}

/** «Actas (OAP)»: the copies of the quarter's actas the OAP must receive within 8 business days, most urgent first. */
export default function OapActas({ api, quarter, openActa, onOpenActa }: OapActasProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const load = useLoad(openActa ? null : (signal) => api.oapActas(quarter, signal), [api, quarter, openActa], { key: quarter });
  const [filter, setFilter] = useState<Filter>('all');
  const grid = useGridKeys();

  const listed = load.state === 'ready' ? load.data : null;
  const rows = useMemo(() => {
    if (!listed || filter === 'missing') return [];
    return sortOapRows(listed.rows.filter((r) => filter === 'all' || r.acta.oapStatus === filter));
  }, [listed, filter]);

  if (openActa) {
    return (
      <Suspense fallback={<Spinner label={a.loadingActa} />}>
        <ActaEditor api={api} plenariaId={openActa} readOnly onBack={() => onOpenActa(null)} backLabel={a.backToOap} />
      </Suspense>
    );
  }
  if (load.state === 'loading') {
    return <Loading label={a.loadingOap} />;
  }
  if (load.state === 'error') {
    return <LoadError title={a.oapErrorTitle} message={load.message} onRetry={load.retry} testId="oap-error" />;
  }

  const d = load.data;
  const stats: Stat[] = [
    ['a_tiempo', a.oapCountOnTime, d.counts.a_tiempo],
    ['vencida', a.oapCountOverdue, d.counts.vencida],
    ['pendiente', a.oapCountPending, d.counts.pendiente],
    ['missing', a.oapCountMissing, d.counts.missing],
  ];
  const showMissing = (filter === 'all' || filter === 'missing') && d.missing.length > 0;

  return (
    <ViewSection titleId="oap-title" title={a.oapTitle(quarterLabel(d.quarter))} intro={a.oapIntro} testId="oap-actas">
      <StatTiles stats={stats} className={styles.summary} testId="oap-counts" tileTestId={(key) => `oap-count-${key}`} />
      <ChoiceDropdown label={a.oapFilterLabel} className={styles.filter} value={filter} options={FILTERS} optionLabel={filterLabel} onChange={setFilter} testId="oap-filter" />

      {filter !== 'missing' && (
        <div className={surface.frame}>
          {rows.length === 0 ? (
            <p className={styles.empty} data-testid="oap-empty">
              {d.rows.length === 0 ? a.oapNoPlenarias(quarterLabel(d.quarter)) : a.oapNoneMatch}
            </p>
          ) : (
            <Table className={styles.table} aria-label={a.oapTableLabel} data-testid="oap-table" {...grid}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{a.colUnit}</TableHeaderCell>
                  <TableHeaderCell>{a.colPlenaria}</TableHeaderCell>
                  <TableHeaderCell>{a.colActa}</TableHeaderCell>
                  <TableHeaderCell>{a.colDeadline}</TableHeaderCell>
                  <TableHeaderCell>{a.colCopy}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((r) => {
                  const open = () => onOpenActa(r.plenariaId);
                  return (
                    <TableRow key={r.plenariaId} className={styles.row} onClick={open} data-testid={`oap-row-${r.plenariaId}`} data-status={r.acta.oapStatus}>
                      <TableCell>
                        <RowOpenButton onOpen={open} label={a.openActaOf(a.kindLabels[r.kind], r.unitName, formatShortDay(r.date))} testId={`oap-open-${r.plenariaId}`}>
                          {r.unitName}
                        </RowOpenButton>
                      </TableCell>
                      <TableCell>
                        {a.kindLabels[r.kind]}
                        <br />
                        <Caption1 className={styles.muted}>{formatShortDay(r.date)}</Caption1>
                      </TableCell>
                      <TableCell>
                        <ActaStateBadge state={r.acta.state} />
                      </TableCell>
                      <TableCell>{formatShortDay(r.acta.deadline)}</TableCell>
                      <TableCell>
                        <OapStatusBadge status={r.acta} short />
                        {r.acta.sentOn && (
                          <>
                            <br />
                            <Caption1 className={styles.muted}>{a.receivedOn(formatShortDay(r.acta.sentOn))}</Caption1>
                          </>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </div>
      )}

      {showMissing && (
        <section aria-labelledby="oap-missing-title" data-testid="oap-missing">
          <h3 id="oap-missing-title" className={view.h3}>
            {a.oapMissingTitle(d.missing.length)}
          </h3>
          <Caption1 className={view.intro}>{a.oapMissingHint}</Caption1>
          <ul className={styles.missing}>
            {d.missing.map((m) => (
              <li key={m.unitId}>{m.message}</li>
            ))}
          </ul>
        </section>
      )}
      {filter === 'missing' && d.missing.length === 0 && (
        <p className={styles.empty} data-testid="oap-empty">
          {a.oapNoMissing}
        </p>
      )}
    </ViewSection>
  );
}
