import {
  Button,
  Caption1,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
  useArrowNavigationGroup,
} from '@fluentui/react-components';
import type { OapActasResponse, OapCopyStatus, QuarterId } from '@okr/core';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api.js';
import { errorMessage } from '../errorMessage.js';
import { msg, quarterLabel } from '../core.js';
import { formatShortDay, sortOapRows } from '../actaHelpers.js';
import { t } from '../strings.js';
import { ActaStateBadge, OapStatusBadge } from './ActaBits.js';

const ActaEditor = lazy(() => import('./ActaEditor.js'));

const a = t.actas;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '90ch' },
  summary: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  stat: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column-reverse',
    justifyContent: 'flex-end',
    gap: tokens.spacingVerticalXXS,
  },
  statLabel: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  statValue: { margin: 0, fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
  filter: { width: '100%', maxWidth: '320px' },
  dropdown: { width: '100%', minWidth: 0 },
  tableWrap: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    overflowX: 'auto',
  },
  table: { minWidth: '720px' },
  row: { cursor: 'pointer' },
  unitButton: { justifyContent: 'flex-start', textAlign: 'start', minWidth: 0, paddingInline: 0, fontWeight: tokens.fontWeightSemibold, height: 'auto', whiteSpace: 'normal' },
  muted: { color: tokens.colorNeutralForeground3 },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center', color: tokens.colorNeutralForeground2 },
  missing: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  status: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXXL} 0` },
});

type Filter = 'all' | OapCopyStatus | 'missing';
const FILTERS: Filter[] = ['all', 'vencida', 'pendiente', 'a_tiempo', 'missing'];
type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; data: OapActasResponse };

const filterLabel = (f: Filter) => (f === 'all' ? a.oapFilterAll : f === 'missing' ? a.oapFilterMissing : msg.actas.copyStatus[f]);

export interface OapActasProps {
  api: ApiClient;
  quarter: QuarterId;
  openActa: string | null;
  onOpenActa: (plenariaId: string | null) => void;
}

/** «Actas (OAP)»: the copies of the quarter's actas the OAP must receive within 8 business days, most urgent first. */
export default function OapActas({ api, quarter, openActa, onOpenActa }: OapActasProps) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [filter, setFilter] = useState<Filter>('all');
  const grid = useArrowNavigationGroup({ axis: 'grid', memorizeCurrent: true });

  useEffect(() => {
    if (openActa) return;
    const abort = new AbortController();
    setLoad((l) => (l.state === 'ready' && l.data.quarter === quarter ? l : { state: 'loading' }));
    api.oapActas(quarter, abort.signal).then(
      (data) => setLoad({ state: 'ready', data }),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'error', message: errorMessage(error) });
      },
    );
    return () => abort.abort();
  }, [api, quarter, attempt, openActa]);

  const rows = useMemo(() => {
    if (load.state !== 'ready' || filter === 'missing') return [];
    return sortOapRows(load.data.rows.filter((r) => filter === 'all' || r.acta.oapStatus === filter));
  }, [load, filter]);

  if (openActa) {
    return (
      <Suspense fallback={<Spinner label={a.loadingActa} />}>
        <ActaEditor api={api} plenariaId={openActa} readOnly onBack={() => onOpenActa(null)} backLabel={a.backToOap} />
      </Suspense>
    );
  }
  if (load.state === 'loading') {
    return (
      <div className={styles.status}>
        <Spinner label={a.loadingOap} />
      </div>
    );
  }
  if (load.state === 'error') {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="oap-error">
        <MessageBarBody>
          <MessageBarTitle>{a.oapErrorTitle}</MessageBarTitle>
          {load.message}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => setAttempt((n) => n + 1)}>{t.retry}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }

  const d = load.data;
  const stats: Array<[string, string, number]> = [
    ['a_tiempo', a.oapCountOnTime, d.counts.a_tiempo],
    ['vencida', a.oapCountOverdue, d.counts.vencida],
    ['pendiente', a.oapCountPending, d.counts.pendiente],
    ['missing', a.oapCountMissing, d.counts.missing],
  ];
  const showMissing = (filter === 'all' || filter === 'missing') && d.missing.length > 0;

  return (
    <section className={styles.root} aria-labelledby="oap-title" data-testid="oap-actas">
      <div>
        <h2 id="oap-title" className={styles.h2}>
          {a.oapTitle(quarterLabel(d.quarter))}
        </h2>
        <Caption1 className={styles.intro}>{a.oapIntro}</Caption1>
      </div>
      <dl className={styles.summary} data-testid="oap-counts">
        {stats.map(([key, label, value]) => (
          <div key={key} className={styles.stat} data-testid={`oap-count-${key}`}>
            <dd className={styles.statValue}>{value}</dd>
            <dt className={styles.statLabel}>{label}</dt>
          </div>
        ))}
      </dl>
      <Field label={a.oapFilterLabel} className={styles.filter}>
        <Dropdown className={styles.dropdown} value={filterLabel(filter)} selectedOptions={[filter]} onOptionSelect={(_, o) => o.optionValue && setFilter(o.optionValue as Filter)} data-testid="oap-filter">
          {FILTERS.map((f) => (
            <Option key={f} value={f}>
              {filterLabel(f)}
            </Option>
          ))}
        </Dropdown>
      </Field>

      {filter !== 'missing' && (
        <div className={styles.tableWrap}>
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
                        <Button
                          appearance="transparent"
                          className={styles.unitButton}
                          onClick={(e) => {
                            e.stopPropagation();
                            open();
                          }}
                          aria-label={a.openActaOf(a.kindLabels[r.kind], r.unitName, formatShortDay(r.date))}
                          data-testid={`oap-open-${r.plenariaId}`}
                        >
                          {r.unitName}
                        </Button>
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
          <h3 id="oap-missing-title" className={styles.h3}>
            {a.oapMissingTitle(d.missing.length)}
          </h3>
          <Caption1 className={styles.intro}>{a.oapMissingHint}</Caption1>
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
    </section>
  );
}
