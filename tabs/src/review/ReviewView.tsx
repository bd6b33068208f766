import {
  Button,
  Caption1,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useGridKeys } from '../ui/useGridKeys.js';
import type { ReviewQueueResponse, UnitMonthState } from '@okr/core';
import { Suspense, lazy, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { periodLabel, quarterLabel, quarterOf, UNIT_MONTH_STATES, formatDateTime } from '../core.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { ConfirmDialog } from '../ui/FormDialog.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { RowOpenButton } from '../ui/RowOpenButton.js';
import { StatTiles, type Stat } from '../ui/StatTiles.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { MonthStateBadge } from './MonthStateBadge.js';
import { reviewText as r } from './strings.js';
import type { ReviewTarget } from '../shell/views.js';
import type { ReviewViewProps } from './viewProps.js';

const UnitMonthReview = lazy(() => import('./UnitMonthReview.js'));

const useStyles = makeStyles({
  counts: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))' },
  filters: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, alignItems: 'flex-end' },
  filter: { flex: '0 1 240px', minWidth: 0 },
  table: { minWidth: '760px' },
  row: { cursor: 'pointer' },
  muted: { color: tokens.colorNeutralForeground3 },
  flagged: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center', color: tokens.colorNeutralForeground2 },
  bulkList: { margin: 0, paddingInlineStart: '1.25em', maxHeight: '40vh', overflowY: 'auto' },
});

type KindFilter = 'all' | 'central' | 'alcaldia';
type StateFilter = 'all' | UnitMonthState;
const KINDS: KindFilter[] = ['all', 'central', 'alcaldia'];
const kindLabel: Record<KindFilter, string> = { all: r.queue.kindAll, central: r.queue.kindCentral, alcaldia: r.queue.kindAlcaldia };
const STATES: StateFilter[] = ['all', ...UNIT_MONTH_STATES];
const stateLabel = (s: StateFilter) => (s === 'all' ? r.queue.stateAll : r.states[s]);

/** Rows that pass the filters (pure, exported for tests). */
export function filterQueue(rows: ReviewQueueResponse['rows'], state: StateFilter, kind: KindFilter, onlyFlagged: boolean): ReviewQueueResponse['rows'] {
  return rows.filter((row) => (state === 'all' || row.state === state) && (kind === 'all' || row.kind === kind) && (!onlyFlagged || row.flagCount > 0));
}

const inQuarterOf = (month: string) => quarterOf(`${month}-01`);

/**
 * «Revisión mensual» (the ETI): every unit's report of a month with its state — what waits for the
 * ETI first, oldest first — filters, the bulk close of the consistent ones, and each unit's month
 * to close or send back for correction. The unit's month open is the shell's (`?unit=&month=` in the
 * address) when it hands one down; one the address named opens once the queue shows that unit in
 * that month of the quarter, else the queue shows with why.
 */
export default function ReviewView({ api, quarter, openReview, onOpenReview }: ReviewViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const [ownOpen, setOwnOpen] = useState<ReviewTarget | null>(null);
  const open = onOpenReview ? (openReview ?? null) : ownOpen;
  const setOpen = onOpenReview ?? setOwnOpen;
  // The unit's month the address named, until the queue has said whether it can open.
  const [linked, setLinked] = useState<ReviewTarget | null>(open);
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [state, setState] = useState<StateFilter>('all');
  const [kind, setKind] = useState<KindFilter>('all');
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [bulk, setBulk] = useState<{ busy: boolean; error: string | null } | null>(null);
  const load = useLoad((signal) => api.reviewQueue(period, signal), [api, period], { key: period ?? '' });
  const grid = useGridKeys();

  // Another quarter chosen in the page's picker: its latest month that has started.
  const data = load.state === 'ready' ? load.data : null;
  useEffect(() => {
    if (!data) return;
    if (linked) {
      if (inQuarterOf(linked.month) !== quarter || !data.periods.includes(linked.month)) {
        setLinked(null);
        setOpen(null);
        setLinkProblem(r.link.monthOutside(periodLabel(linked.month), quarterLabel(quarter)));
      } else if (data.period !== linked.month) {
        setPeriod(linked.month);
        return;
      } else {
        setLinked(null);
        if (!data.rows.some((x) => x.unitId === linked.unitId)) {
          setOpen(null);
          const withoutSet = data.withoutSet.find((u) => u.unitId === linked.unitId);
          setLinkProblem(withoutSet ? r.link.withoutSet(withoutSet.unitName) : r.link.unknownUnit(linked.unitId, periodLabel(linked.month)));
        }
        return;
      }
    }
    // A unit's month of another quarter stays open no longer than its quarter on the page.
    if (open && inQuarterOf(open.month) !== quarter) setOpen(null);
    if (inQuarterOf(data.period) === quarter) return;
    const inQuarter = data.periods.filter((p) => inQuarterOf(p) === quarter);
    if (inQuarter[0]) setPeriod(inQuarter[0]);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, quarter, linked]);

  const rows = useMemo(() => (data ? filterQueue(data.rows, state, kind, onlyFlagged) : []), [data, state, kind, onlyFlagged]);

  if (load.state === 'loading' || (linked && load.state === 'ready')) return <Loading label={r.queue.loading} />;
  if (load.state === 'error') return <LoadError title={r.queue.errorTitle} message={load.message} onRetry={load.retry} testId="review-error" />;
  const d = load.data;
  const month = periodLabel(d.period);

  if (open) {
    return (
      <Suspense fallback={<Loading label={r.queue.loading} />}>
        <UnitMonthReview
          api={api}
          unitId={open.unitId}
          period={open.month}
          onBack={(message) => {
            setOpen(null);
            setNotice(message);
            load.retry();
          }}
        />
      </Suspense>
    );
  }

  const consistent = d.rows.filter((x) => x.consistent);
  const stats: Stat[] = UNIT_MONTH_STATES.map((s) => [s, r.states[s], d.counts[s]]);
  async function closeConsistent() {
    setBulk({ busy: true, error: null });
    try {
      const { closed } = await api.closeConsistent(d.period, consistent.map((x) => x.unitId));
      setBulk(null);
      setNotice(r.queue.bulkDone(closed.length, month));
      load.retry();
    } catch (e) {
      setBulk({ busy: false, error: (e as Error).message });
      load.retry();
    }
  }

  return (
    <ViewSection
      titleId="review-title"
      title={r.queue.title(month)}
      intro={r.queue.intro}
      testId="review-queue"
      tools={
        d.canAct && consistent.length > 0 && !d.quarterClosed ? (
          <Button appearance="primary" onClick={() => setBulk({ busy: false, error: null })} data-testid="review-bulk">
            {r.queue.closeConsistent(consistent.length)}
          </Button>
        ) : undefined
      }
    >
      {linkProblem && (
        <MessageBar intent="warning" data-testid="review-link-problem">
          <MessageBarBody>{linkProblem}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" data-testid="review-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {d.quarterClosed && (
        <MessageBar intent="info">
          <MessageBarBody>{r.queue.quarterClosed}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.filters} role="group" aria-label={r.queue.filtersLabel}>
        <ChoiceDropdown label={r.queue.monthLabel} className={styles.filter} value={d.period} options={d.periods} optionLabel={periodLabel} onChange={(p) => { setNotice(null); setLinkProblem(null); setPeriod(p); }} testId="review-month" />
        <ChoiceDropdown label={r.queue.stateLabel} className={styles.filter} value={state} options={STATES} optionLabel={stateLabel} onChange={setState} testId="review-filter-state" />
        <ChoiceDropdown label={r.queue.kindLabel} className={styles.filter} value={kind} options={KINDS} optionLabel={(k) => kindLabel[k]} onChange={setKind} testId="review-filter-kind" />
        <Checkbox label={r.queue.onlyFlagged} checked={onlyFlagged} onChange={(_, c) => setOnlyFlagged(c.checked === true)} data-testid="review-only-flagged" />
      </div>
      <StatTiles stats={stats} className={styles.counts} testId="review-counts" tileTestId={(key) => `review-count-${key}`} />

      <Caption1 className={styles.muted} id="review-table-hint">
        {r.queue.tableHint}
      </Caption1>
      <div className={surface.frame}>
        {rows.length === 0 ? (
          <p className={styles.empty} data-testid="review-empty">
            {r.queue.empty}
          </p>
        ) : (
          <Table className={styles.table} aria-label={r.queue.tableLabel} aria-describedby="review-table-hint" data-testid="review-table" {...grid}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{r.queue.colUnit}</TableHeaderCell>
                <TableHeaderCell>{r.queue.colState}</TableHeaderCell>
                <TableHeaderCell>{r.queue.colReported}</TableHeaderCell>
                <TableHeaderCell>{r.queue.colFlags}</TableHeaderCell>
                <TableHeaderCell>{r.queue.colWaiting}</TableHeaderCell>
                <TableHeaderCell>{r.queue.colLast}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const openRow = () => {
                  setLinkProblem(null);
                  setOpen({ unitId: row.unitId, month: d.period });
                };
                const onKeyDown = (e: KeyboardEvent) => {
                  if (e.key === 'Enter' && e.target === e.currentTarget) openRow();
                };
                return (
                  <TableRow key={row.unitId} className={styles.row} onClick={openRow} data-testid={`review-row-${row.unitId}`} data-state={row.state}>
                    <TableCell>
                      <RowOpenButton onOpen={openRow} label={r.queue.openUnit(row.unitName)} testId={`review-open-${row.unitId}`}>
                        {row.unitName}
                      </RowOpenButton>
                    </TableCell>
                    <TableCell tabIndex={0} onKeyDown={onKeyDown}>
                      <MonthStateBadge state={row.state} size="small" />
                    </TableCell>
                    <TableCell tabIndex={0} onKeyDown={onKeyDown}>
                      {r.queue.reported(row.reported, row.total)}
                    </TableCell>
                    <TableCell tabIndex={0} onKeyDown={onKeyDown}>
                      <span className={row.flagCount > 0 ? styles.flagged : styles.muted}>{r.queue.flags(row.flagCount)}</span>
                    </TableCell>
                    <TableCell tabIndex={0} onKeyDown={onKeyDown}>
                      {row.waitingSince ? formatDateTime(row.waitingSince, 'shortNoYear') : <span className={styles.muted}>{r.queue.none}</span>}
                    </TableCell>
                    <TableCell tabIndex={0} onKeyDown={onKeyDown}>
                      {row.reviewedBy && row.reviewedAt ? r.queue.lastBy(row.reviewedBy, formatDateTime(row.reviewedAt, 'shortNoYear')) : <span className={styles.muted}>{r.queue.none}</span>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </div>
      {d.withoutSet.length > 0 && <Caption1 className={styles.muted}>{r.queue.withoutSet(d.withoutSet.map((u) => u.unitName).join(', '))}</Caption1>}

      {bulk && (
        <ConfirmDialog
          title={r.queue.bulkTitle(consistent.length, month)}
          intro={
            <>
              <p style={{ margin: 0 }}>{r.queue.bulkIntro}</p>
              <ul className={styles.bulkList} data-testid="review-bulk-list">
                {consistent.map((x) => (
                  <li key={x.unitId}>{x.unitName}</li>
                ))}
              </ul>
            </>
          }
          error={bulk.error}
          errorTestId="review-bulk-error"
          onConfirm={() => void closeConsistent()}
          onCancel={() => setBulk(null)}
          busy={bulk.busy}
          cancelLabel={r.queue.cancel}
          submitLabel={r.queue.bulkConfirm}
          busyLabel={r.queue.bulkClosing}
          submitTestId="review-bulk-confirm"
        />
      )}
    </ViewSection>
  );
}
