import {
  Badge,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Switch,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CalendarAdd16Regular, CalendarAdd20Regular, CalendarArrowRight16Regular, CalendarCancel16Regular, DocumentText16Regular } from '@fluentui/react-icons';
import type { MeResponse, Plenaria, PlenariaChangeResponse, PlenariaInput, PlenariaSummary, PlenariaWarning, QuarterId, ScheduleResponse } from '@okr/core';
import { Suspense, lazy, useMemo, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { quarterLabel, formatDate, formatDateAndClock } from '../core.js';
import { isHttpsUrl, isMine, placeAndLink } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import { ActaStateBadge, OapStatusBadge } from './ActaBits.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';

const ActaEditor = lazy(() => import('./ActaEditor.js'));
const ScheduleDialog = lazy(() => import('./ScheduleDialog.js'));
const ChangePlenariaDialog = lazy(() => import('./ChangePlenariaDialog.js'));

/** The plenaria being moved or cancelled, and how. */
type Changing = { mode: 'reschedule' | 'cancel'; plenaria: Plenaria; unitName: string };

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flex: '1 1 320px', minWidth: 0 },
  kind: { display: 'block', color: tokens.colorBrandForeground1, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground2 },
  side: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalS, '@media (max-width: 640px)': { alignItems: 'flex-start' } },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  procedure: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '90ch' },
  warnings: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: '1.25em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end', '@media (max-width: 640px)': { justifyContent: 'flex-start' } },
  cancelled: { opacity: 0.8 },
  unreadable: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  unreadableRow: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXS },
  unreadableActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const WARNINGS_SHOWN = 5;

export interface PlenariasViewProps {
  api: ActasApi;
  me: MeResponse;
  quarter: QuarterId;
  /** The unit selected on the page. */
  unitId: string | null;
  /** The plenaria whose acta is open (deep link `?acta=`), or null for the list. */
  openActa: string | null;
  onOpenActa: (plenariaId: string | null) => void;
}

/** The procedure in three steps, for the empty state and the intro. */
export function ProcedureHelp() {
  const styles = useStyles();
  return (
    <ul className={styles.procedure} data-testid="plenarias-help">
      {a.procedure.map((step) => (
        <li key={step}>{step}</li>
      ))}
    </ul>
  );
}

/** «Plenarias»: the quarter's plenarias with their actas and copies to the OAP, and «Programar plenaria». */
export default function PlenariasView({ api, me, quarter, unitId, openActa, onOpenActa }: PlenariasViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  // While an acta is open the list waits; coming back asks again, keeping the list on screen.
  const load = useLoad(openActa ? null : (signal) => api.plenarias(quarter, signal), [api, quarter, openActa], { key: quarter });
  const [onlyUnit, setOnlyUnit] = useState(me.entityWide === true);
  // The schedule dialog, empty or («Programar la siguiente») starting from the next session of a monthly series.
  const [scheduling, setScheduling] = useState<false | { next?: { input: PlenariaInput; after: string } }>(false);
  const [scheduled, setScheduled] = useState<ScheduleResponse | null>(null);
  const [allWarnings, setAllWarnings] = useState(false);
  const [changing, setChanging] = useState<Changing | null>(null);
  const [changed, setChanged] = useState<{ mode: Changing['mode']; result: PlenariaChangeResponse } | null>(null);

  const unitName = me.units.find((u) => u.id === unitId)?.name ?? unitId ?? '';
  const listed = load.state === 'ready' ? load.data : null;
  const shown = useMemo(() => {
    if (!listed) return { plenarias: [] as PlenariaSummary[], warnings: [] as PlenariaWarning[] };
    const { plenarias, warnings } = listed;
    if (!onlyUnit || !unitId) return { plenarias, warnings };
    const mine = (p: PlenariaSummary) => isMine(p, me.person.id, unitId, listed.canSchedule.entityWide);
    return { plenarias: plenarias.filter(mine), warnings: warnings.filter((w) => !w.unitId || w.unitId === unitId) };
  }, [listed, onlyUnit, unitId, me.person.id]);

  if (openActa) {
    return (
      <Suspense fallback={<Spinner label={a.loadingActa} />}>
        <ActaEditor
          api={api}
          plenariaId={openActa}
          onBack={() => {
            onOpenActa(null);
            load.retry();
          }}
          backLabel={a.backToPlenarias}
        />
      </Suspense>
    );
  }

  if (load.state === 'loading') {
    return <Loading label={a.loadingPlenarias} />;
  }
  if (load.state === 'error') {
    return <LoadError title={a.plenariasErrorTitle} message={load.message} onRetry={load.retry} testId="plenarias-error" />;
  }

  const data = load.data;
  const can = data.canSchedule;
  const maySchedule = can.menorUnitIds.length > 0 || can.mayorUnitIds.length > 0 || can.entityWide;
  const warnings = allWarnings ? shown.warnings : shown.warnings.slice(0, WARNINGS_SHOWN);

  return (
    <ViewSection
      titleId="plenarias-title"
      title={a.plenariasTitle(quarterLabel(quarter))}
      intro={a.plenariasIntro}
      testId="plenarias-view"
      tools={
        <>
          {unitId && data.plenarias.some((p) => !isMine(p, me.person.id, unitId, can.entityWide)) && (
            <Switch checked={onlyUnit} onChange={(_, d) => setOnlyUnit(d.checked)} label={a.onlyUnit(unitName)} data-testid="plenarias-only-unit" />
          )}
          {maySchedule && (
            <Button appearance="primary" icon={<CalendarAdd20Regular />} onClick={() => (setScheduled(null), setChanged(null), setScheduling({}))} data-testid="plenarias-schedule">
              {a.schedule}
            </Button>
          )}
        </>
      }
    >
      {scheduled && (
        <MessageBar intent={scheduled.warnings.length ? 'warning' : 'success'} layout="multiline" data-testid="plenarias-scheduled">
          <MessageBarBody>
            <MessageBarTitle>{(scheduled.existing ? a.alreadyScheduled : a.scheduled)(a.kindLabels[scheduled.plenaria.plenaria.kind], scheduled.plenaria.unitName, formatDate(scheduled.plenaria.plenaria.date, 'weekday'))}</MessageBarTitle>
            {scheduled.warnings.length > 0 && (
              <>
                {a.scheduledWarnings}
                <ul className={styles.warnings}>
                  {scheduled.warnings.map((w, i) => (
                    <li key={i}>{w.message}</li>
                  ))}
                </ul>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {changed && (
        <MessageBar intent={changed.result.warnings.length || changed.result.unreachable.length ? 'warning' : 'success'} layout="multiline" data-testid="plenarias-changed">
          <MessageBarBody>
            <MessageBarTitle>
              {changed.mode === 'cancel' ? a.cancelledDone : a.rescheduledDone(changed.result.plenaria.plenaria.date, changed.result.plenaria.plenaria.startTime)}
            </MessageBarTitle>
            {a.notifiedLine(changed.result.notified, changed.result.unreachable)}
            {changed.result.warnings.length > 0 && (
              <ul className={styles.warnings}>
                {changed.result.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {data.unreadable.length > 0 && (
        <MessageBar intent="error" layout="multiline" data-testid="plenarias-unreadable">
          <MessageBarBody>
            <MessageBarTitle>{a.unreadableTitle(data.unreadable.length)}</MessageBarTitle>
            {a.unreadableIntro}
            <ul className={styles.unreadable}>
              {data.unreadable.map((u) => (
                <li key={u.plenaria.id} className={styles.unreadableRow} data-testid={`plenaria-unreadable-${u.plenaria.id}`}>
                  <span>{a.unreadableLine(a.kindLabels[u.plenaria.kind], u.unitName, u.problem)}</span>
                  {u.canChange && (
                    <div className={styles.unreadableActions}>
                      <Button size="small" icon={<CalendarArrowRight16Regular />} onClick={() => setChanging({ mode: 'reschedule', plenaria: u.plenaria, unitName: u.unitName })}>
                        {a.reschedule}
                      </Button>
                      <Button size="small" icon={<CalendarCancel16Regular />} onClick={() => setChanging({ mode: 'cancel', plenaria: u.plenaria, unitName: u.unitName })}>
                        {a.cancelPlenaria}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {shown.warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="plenarias-warnings">
          <MessageBarBody>
            <MessageBarTitle>{a.warningsTitle(shown.warnings.length)}</MessageBarTitle>
            <ul className={styles.warnings}>
              {warnings.map((w, i) => (
                <li key={`${w.code}-${w.unitId ?? i}`}>{w.message}</li>
              ))}
            </ul>
          </MessageBarBody>
          {shown.warnings.length > WARNINGS_SHOWN && (
            <MessageBarActions>
              <Button onClick={() => setAllWarnings((x) => !x)}>{allWarnings ? a.showFewer : a.showAll(shown.warnings.length)}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      {shown.plenarias.length === 0 ? (
        <div className={surface.empty} data-testid="plenarias-empty">
          <strong>{onlyUnit && unitId ? a.emptyUnit(unitName, quarterLabel(quarter)) : a.empty(quarterLabel(quarter))}</strong>
          <Caption1 className={styles.muted}>{maySchedule ? a.emptyCanSchedule : a.emptyCannotSchedule}</Caption1>
          <ProcedureHelp />
        </div>
      ) : (
        <ul className={styles.list} data-testid="plenarias-list">
          {shown.plenarias.map((s) => (
            <PlenariaCard
              key={s.plenaria.id}
              summary={s}
              onOpen={() => onOpenActa(s.plenaria.id)}
              onChange={(mode) => (setScheduled(null), setChanged(null), setChanging({ mode, plenaria: s.plenaria, unitName: s.unitName }))}
              {...(s.nextInSeries ? { onScheduleNext: () => (setScheduled(null), setChanged(null), setScheduling({ next: { input: s.nextInSeries!, after: s.plenaria.date } })) } : {})}
            />
          ))}
        </ul>
      )}

      {changing && (
        <Suspense fallback={null}>
          <ChangePlenariaDialog
            api={api}
            mode={changing.mode}
            plenaria={changing.plenaria}
            unitName={changing.unitName}
            onClose={() => setChanging(null)}
            onDone={(result) => {
              setChanged({ mode: changing.mode, result });
              setChanging(null);
              load.retry();
            }}
          />
        </Suspense>
      )}

      {scheduling && (
        <Suspense fallback={null}>
          <ScheduleDialog
            api={api}
            me={me}
            quarter={quarter}
            data={data}
            preferredUnitId={unitId}
            {...(scheduling.next ? { next: scheduling.next } : {})}
            onClose={() => setScheduling(false)}
            onSaved={(result) => {
              setScheduling(false);
              setScheduled(result);
              load.retry();
            }}
          />
        </Suspense>
      )}
    </ViewSection>
  );
}

function PlenariaCard({ summary, onOpen, onChange, onScheduleNext }: { summary: PlenariaSummary; onOpen: () => void; onChange: (mode: 'reschedule' | 'cancel') => void; onScheduleNext?: () => void }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const view = useViewStyles();
  const p = summary.plenaria;
  const { place, link } = placeAndLink(p.location);
  const titleId = `plenaria-title-${p.id}`;
  const dateId = `plenaria-date-${p.id}`;
  return (
    <li className={mergeClasses(surface.card, styles.card, p.cancelled ? styles.cancelled : undefined)} data-testid={`plenaria-${p.id}`} aria-labelledby={titleId}>
      <div className={styles.main}>
        {/* The kind is the heading's eyebrow: the heading reads «Sesión de diálogo Secretaría…», with no stray «·». */}
        <h3 id={titleId} className={view.h3}>
          <Caption1 className={styles.kind}>{a.kindLabels[p.kind]}</Caption1>{' '}
          {summary.unitName}
        </h3>
        <span id={dateId}>
          {formatDateAndClock(p.date, p.startTime)} · {a.modalityLabels[p.modality]}
        </span>
        <span className={styles.muted}>
          {link && isHttpsUrl(link) ? (
            <>
              {place && `${place} · `}
              <Link href={link} target="_blank" rel="noopener noreferrer">
                {a.openMeetingLink}
              </Link>
            </>
          ) : (
            p.location
          )}
        </span>
        <span className={styles.muted}>{a.whoLine(summary.presidingName, summary.secretaryName)}</span>
        {p.cancelled && <strong data-testid={`plenaria-cancelled-${p.id}`}>{a.cancelledLine(p.cancelled.reason)}</strong>}
        {!p.cancelled && p.rescheduled && (
          <span className={styles.muted} data-testid={`plenaria-rescheduled-${p.id}`}>
            {a.rescheduledLine(formatDateAndClock(p.rescheduled.fromDate, p.rescheduled.fromStartTime), p.rescheduled.reason)}
          </span>
        )}
        {summary.followingInSeries && (
          <span className={styles.muted} data-testid={`plenaria-following-${p.id}`}>
            {a.followingInSeries(formatDateAndClock(summary.followingInSeries.date, summary.followingInSeries.startTime))}
          </span>
        )}
      </div>
      <div className={styles.side}>
        <div className={styles.badges}>
          {p.cancelled ? (
            <Badge appearance="tint" color="danger" data-testid={`plenaria-cancelled-badge-${p.id}`}>
              {a.cancelledBadge}
            </Badge>
          ) : (
            <>
              <ActaStateBadge state={summary.acta.state} testId={`plenaria-acta-state-${p.id}`} />
              <OapStatusBadge status={summary.acta} testId={`plenaria-oap-status-${p.id}`} />
            </>
          )}
        </div>
        <div className={styles.actions}>
          {summary.canChange && (
            <>
              <Button icon={<CalendarArrowRight16Regular />} onClick={() => onChange('reschedule')} aria-describedby={`${titleId} ${dateId}`} data-testid={`plenaria-reschedule-${p.id}`}>
                {a.reschedule}
              </Button>
              <Button appearance="subtle" icon={<CalendarCancel16Regular />} onClick={() => onChange('cancel')} aria-describedby={`${titleId} ${dateId}`} data-testid={`plenaria-cancel-${p.id}`}>
                {a.cancelPlenaria}
              </Button>
            </>
          )}
          {onScheduleNext && (
            <Button icon={<CalendarAdd16Regular />} onClick={onScheduleNext} aria-label={a.scheduleNextOf(formatDate(p.date))} data-testid={`plenaria-next-${p.id}`}>
              {a.scheduleNext}
            </Button>
          )}
          {/* Who writes it opens it at any time; anyone else once there is an acta to read. */}
          {(summary.acta.state || summary.canEdit) && (
            <Button icon={<DocumentText16Regular />} appearance={summary.canEdit && summary.acta.state !== 'signed' ? 'primary' : 'secondary'} onClick={onOpen} aria-describedby={`${titleId} ${dateId}`} data-testid={`plenaria-open-${p.id}`}>
              {summary.canEdit && summary.acta.state !== 'signed' ? (summary.acta.state ? a.continueActa : a.writeActa) : a.viewActa}
            </Button>
          )}
        </div>
      </div>
    </li>
  );
}
