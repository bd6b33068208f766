import {
  Button,
  Caption1,
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
import { DocumentArrowDown16Regular, Share16Regular } from '@fluentui/react-icons';
import type { QuarterCloseResponse, QuarterSummary, SnapshotUnitView, Status } from '@okr/core';
import { Fragment, useState } from 'react';
import { formatPercent, periodLabel, quarterLabel, statusLabels, formatDate, formatDateTime } from '../core.js';
import { formatKrValue } from '../okr/format.js';
import { StatusBadge } from '../okr/StatusBadge.js';
import { ConfirmDialog } from '../ui/FormDialog.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { STATUS_FILL, StackedBar } from '../ui/StackedBar.js';
import { StatTiles, type Stat } from '../ui/StatTiles.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { reviewText as r } from './strings.js';
import { useQuarterDownload } from './useQuarterDownload.js';
import type { ReviewViewProps } from './viewProps.js';

const useStyles = makeStyles({
  tiles: { gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 190px), 1fr))' },
  charts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))', gap: tokens.spacingHorizontalL },
  table: { minWidth: '820px' },
  unit: { minWidth: '220px' },
  muted: { color: tokens.colorNeutralForeground3, display: 'block' },
  months: { margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  strategic: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, minWidth: '200px' },
  krs: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalS },
  kr: { overflowWrap: 'anywhere' },
  comment: { color: tokens.colorNeutralForeground2, whiteSpace: 'pre-line', display: 'block' },
});

const STATUSES: Status[] = ['completado', 'en_curso', 'atrasado', 'en_riesgo', 'no_iniciado'];

function Figures({ summary }: { summary: QuarterSummary }) {
  const styles = useStyles();
  const stats: Stat[] = [
    ['units', r.close.units, summary.units],
    ['withSet', r.close.withSet, r.close.ofTotal(summary.withSet, summary.units)],
    ['average', r.close.average, summary.averageProgress === null ? '—' : formatPercent(summary.averageProgress)],
    ['complete', r.close.completeMonths, r.close.ofTotal(summary.completeMonths, summary.dueMonths)],
    ['closed', r.close.closedMonths, r.close.ofTotal(summary.monthsByState.cerrado, summary.dueMonths)],
  ];
  return (
    <>
      <StatTiles stats={stats} className={styles.tiles} testId="close-figures" tileTestId={(key) => `close-figure-${key}`} />
      <div className={styles.charts}>
        <StackedBar
          testId="close-chart-status"
          title={r.close.statusChart}
          itemLabel={r.close.chartItem}
          segments={[...STATUSES, 'sin_set' as const].map((s) => ({ key: s, label: s === 'sin_set' ? r.close.noSet : statusLabels[s], value: summary.byStatus[s], fill: STATUS_FILL[s] }))}
        />
        <StackedBar
          testId="close-chart-krs"
          title={r.close.krChart}
          itemLabel={r.close.chartItem}
          segments={STATUSES.map((s) => ({ key: s, label: statusLabels[s], value: summary.keyResultsByStatus[s], fill: STATUS_FILL[s] }))}
        />
      </div>
    </>
  );
}

function UnitRows({ unit }: { unit: SnapshotUnitView }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <Fragment>
      <TableRow data-testid={`close-row-${unit.unitId}`}>
        <TableCell className={styles.unit}>
          <strong>{unit.unitName}</strong>
          <Caption1 className={styles.muted}>{unit.kind === 'central' ? r.close.kindCentral : r.close.kindAlcaldia}</Caption1>
        </TableCell>
        <TableCell>
          {unit.strategic ? (
            <div className={styles.strategic}>
              <span>{formatPercent(Math.max(0, Math.min(1, unit.strategic.progress ?? 0)))}</span>
              <StatusBadge status={unit.strategic.status} size="small" />
            </div>
          ) : (
            <Caption1 className={styles.muted}>{r.close.noSet}</Caption1>
          )}
        </TableCell>
        <TableCell>
          <ul className={styles.months}>
            {unit.months.map((m) => (
              <li key={m.period}>{r.close.monthCell(periodLabel(m.period), m.reported, m.total, r.states[m.state])}</li>
            ))}
          </ul>
        </TableCell>
        <TableCell>
          {unit.keyResults.length > 0 && (
            <Button
              size="small"
              appearance="subtle"
              aria-expanded={open}
              aria-label={r.close.krsAria(open ? r.close.hideKrs : r.close.showKrs(unit.keyResults.length), unit.unitName)}
              onClick={() => setOpen(!open)}
              data-testid={`close-krs-${unit.unitId}`}
            >
              {open ? r.close.hideKrs : r.close.showKrs(unit.keyResults.length)}
            </Button>
          )}
        </TableCell>
      </TableRow>
      {open && (
        <TableRow>
          <TableCell colSpan={4}>
            <ol className={styles.krs}>
              {unit.keyResults.map((k) => (
                <li key={k.keyResultId} className={styles.kr}>
                  <strong>{k.title}</strong> — {r.close.krLine(k.value === null ? r.close.noValue : formatKrValue(k, k.value), formatPercent(Math.max(0, k.progress ?? 0)))} · {statusLabels[k.status]}
                  {k.comment && <span className={styles.comment}>{k.comment}</span>}
                </li>
              ))}
            </ol>
          </TableCell>
        </TableRow>
      )}
    </Fragment>
  );
}

/**
 * «Cierre del trimestre» (seed 000, activity 7.1): a closed quarter's frozen report — its figures,
 * the units by status, a table per unit, the .xlsx, «Compartir» — or, while open, what a close
 * would freeze and «Cerrar el trimestre» for the ETI once the quarter has ended.
 */
export default function QuarterCloseView({ api, quarter }: ReviewViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const load = useLoad((signal) => api.quarterClose(quarter, signal), [api, quarter], { key: quarter });
  const [dialog, setDialog] = useState<{ kind: 'close' | 'share'; busy: boolean; error: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy: downloading, error, download } = useQuarterDownload(api, quarter);

  if (load.state === 'loading') return <Loading label={r.close.loading} />;
  if (load.state === 'error') return <LoadError title={r.close.errorTitle} message={load.message} onRetry={load.retry} testId="close-error" />;
  const d: QuarterCloseResponse = load.data;
  const label = quarterLabel(d.quarter);

  async function confirm() {
    if (!dialog) return;
    setDialog({ ...dialog, busy: true, error: null });
    try {
      if (dialog.kind === 'close') {
        load.set(await api.closeQuarter(d.quarter));
        setNotice(r.close.closed(label));
      } else {
        const shared = await api.shareQuarterClose(d.quarter, d.closed!.version);
        load.set(shared.view);
        setNotice(r.close.shared(shared.sent, shared.unreachable));
      }
      setDialog(null);
    } catch (e) {
      setDialog({ ...dialog, busy: false, error: (e as Error).message });
    }
  }

  const tools = d.closed ? (
    <>
      <Button icon={<DocumentArrowDown16Regular />} onClick={() => void download()} disabled={downloading} data-testid="close-download">
        {downloading ? r.close.downloading : r.close.download}
      </Button>
      {d.canShare && (
        <Button appearance="primary" icon={<Share16Regular />} onClick={() => setDialog({ kind: 'share', busy: false, error: null })} data-testid="close-share">
          {d.closed.sharedAt ? r.close.shareAgain : r.close.share}
        </Button>
      )}
    </>
  ) : d.canClose ? (
    <Button appearance="primary" onClick={() => setDialog({ kind: 'close', busy: false, error: null })} data-testid="close-quarter">
      {r.close.closeButton}
    </Button>
  ) : undefined;

  return (
    <ViewSection titleId="close-title" title={r.close.title(label)} intro={r.close.intro} testId="quarter-close" tools={tools}>
      {notice && (
        <MessageBar intent="success" data-testid="close-notice">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" data-testid="close-download-error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {d.closed ? (
        <MessageBar intent="success" layout="multiline" data-testid="close-state">
          <MessageBarBody>
            {r.close.closedBy(d.closed.closedByName, formatDateTime(d.closed.closedAt))}{' '}
            {d.closed.sharedAt && d.closed.sharedByName ? r.close.sharedBy(d.closed.sharedByName, formatDateTime(d.closed.sharedAt)) : r.close.notShared}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="info" layout="multiline" data-testid="close-state">
          <MessageBarBody>
            {r.close.preview} {d.preview && r.close.notClosedMonths(d.preview.monthsNotClosed)} {!d.canClose && r.close.closableFrom(formatDate(d.closableFrom))}
          </MessageBarBody>
        </MessageBar>
      )}

      <Figures summary={d.snapshot?.summary ?? d.preview!.summary} />

      {d.snapshot && (
        <div className={surface.frame}>
          <Table className={styles.table} aria-label={r.close.tableLabel} data-testid="close-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{r.close.colUnit}</TableHeaderCell>
                <TableHeaderCell>{r.close.colStrategic}</TableHeaderCell>
                <TableHeaderCell>{r.close.colMonths}</TableHeaderCell>
                <TableHeaderCell>{r.close.colKeyResults}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {d.snapshot.units.map((u) => (
                <UnitRows key={u.unitId} unit={u} />
              ))}
            </TableBody>
          </Table>
        </div>
      )}

      {dialog && (
        <ConfirmDialog
          title={dialog.kind === 'close' ? r.close.closeTitle(label) : r.close.shareTitle}
          intro={<p style={{ margin: 0 }}>{dialog.kind === 'close' ? `${r.close.closeIntro} ${d.preview ? r.close.notClosedMonths(d.preview.monthsNotClosed) : ''}` : r.close.shareIntro}</p>}
          error={dialog.error}
          errorTestId="close-dialog-error"
          onConfirm={() => void confirm()}
          onCancel={() => setDialog(null)}
          busy={dialog.busy}
          cancelLabel={r.close.cancel}
          submitLabel={dialog.kind === 'close' ? r.close.closeConfirm : r.close.shareConfirm}
          busyLabel={dialog.kind === 'close' ? r.close.closing : r.close.sharing}
          submitTestId="close-confirm"
        />
      )}
    </ViewSection>
  );
}
