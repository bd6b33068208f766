import {
  Badge,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Warning16Filled } from '@fluentui/react-icons';
import type { CommitmentStatus, CommitmentView } from '@okr/core';
import { useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { ApiRequestError } from '../api/http.js';
import { errorMessage } from '../errorMessage.js';
import { msg, formatDate, formatDateTime } from '../core.js';
import { actasText as a } from './strings.js';
import { CommitmentStatusBadge } from './ActaBits.js';
import { DialogSubject, FormDialog } from '../ui/FormDialog.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection, useViewStyles } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, overflowWrap: 'anywhere' },
  overdueCard: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  task: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, flex: '1 1 240px' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  notes: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Scope = 'mine' | 'unit';

const OPEN: ReadonlySet<CommitmentStatus> = new Set(['abierto', 'en_curso']);

export interface CommitmentsViewProps {
  api: ActasApi;
  /** The unit selected on the page (the «de la dependencia» choice). */
  unitId: string | null;
  unitName: string;
}

/**
 * «Compromisos»: the commitments of signed actas (seed 004: follow-up and impact), mine or the
 * unit's, with their owner, due date, status, origin and follow-up notes; «Actualizar» records
 * progress, and closing one as «cumplido» asks what impact it had.
 */
export default function CommitmentsView({ api, unitId, unitName }: CommitmentsViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const [scope, setScope] = useState<Scope>('mine');
  // A reload of the same list (after a conflict) keeps it on screen, and the open dialog with it.
  const load = useLoad(
    scope === 'unit' && !unitId ? null : (signal) => api.commitments(scope === 'mine' ? { scope: 'mine' } : { unitId: unitId! }, signal).then((data) => data.commitments),
    [api, scope, unitId],
    { key: scope === 'mine' ? 'mine' : `unit:${unitId}` },
  );
  const [editing, setEditing] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const items = load.state === 'ready' ? load.data : [];
  const open = items.filter((c) => OPEN.has(c.status));
  const closed = items.filter((c) => !OPEN.has(c.status));
  const current = items.find((c) => c.id === editing) ?? null;

  const switchScope = (next: Scope) => {
    setScope(next);
    setSaved(null);
  };

  return (
    <ViewSection titleId="commitments-title" title={a.commitmentsTitle} intro={a.commitmentsIntro} testId="commitments-view">
      <RadioGroup layout="horizontal" value={scope} onChange={(_, d) => switchScope(d.value as Scope)} aria-label={a.commitmentsScope} data-testid="commitments-scope">
        <Radio value="mine" label={a.scopeMine} data-testid="commitments-scope-mine" />
        <Radio value="unit" label={a.scopeUnit(unitName)} disabled={!unitId} data-testid="commitments-scope-unit" />
      </RadioGroup>

      {saved && (
        <MessageBar intent="success" data-testid="commitments-saved">
          <MessageBarBody>{saved}</MessageBarBody>
        </MessageBar>
      )}

      {load.state === 'loading' && <Loading label={a.loadingCommitments} />}
      {load.state === 'error' && (
        <LoadError title={a.commitmentsErrorTitle} message={load.message} onRetry={load.retry} testId="commitments-error" />
      )}
      {load.state === 'ready' && items.length === 0 && (
        <div className={surface.empty} data-testid="commitments-empty">
          <strong>{scope === 'mine' ? a.noCommitmentsMine : a.noCommitmentsUnit(unitName)}</strong>
          <Caption1 className={styles.muted}>{a.noCommitmentsHelp}</Caption1>
        </div>
      )}
      {load.state === 'ready' && open.length > 0 && (
        <Group title={a.openCommitments(open.length)} items={open} onUpdate={(id) => (setSaved(null), setEditing(id))} testId="commitments-open" />
      )}
      {load.state === 'ready' && closed.length > 0 && (
        <Group title={a.closedCommitments(closed.length)} items={closed} onUpdate={(id) => (setSaved(null), setEditing(id))} testId="commitments-closed" />
      )}

      {current && (
        <UpdateDialog
          api={api}
          commitment={current}
          onClose={() => setEditing(null)}
          onReload={load.retry}
          onSaved={(updated) => {
            load.set(items.map((c) => (c.id === updated.id ? updated : c)));
            setEditing(null);
            setSaved(a.commitmentSaved(updated.task));
          }}
        />
      )}
    </ViewSection>
  );
}

function Group({ title, items, onUpdate, testId }: { title: string; items: CommitmentView[]; onUpdate: (id: string) => void; testId: string }) {
  const styles = useStyles();
  const view = useViewStyles();
  return (
    <section aria-label={title}>
      <h3 className={view.h3}>{title}</h3>
      <ul className={styles.list} data-testid={testId}>
        {items.map((c) => (
          <CommitmentCard key={c.id} c={c} onUpdate={() => onUpdate(c.id)} />
        ))}
      </ul>
    </section>
  );
}

function CommitmentCard({ c, onUpdate }: { c: CommitmentView; onUpdate: () => void }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  return (
    <li className={mergeClasses(surface.card, styles.card, c.overdue && styles.overdueCard)} data-testid={`commitment-${c.id}`} data-overdue={c.overdue}>
      <div className={styles.top}>
        <p className={styles.task}>{c.task}</p>
        <CommitmentStatusBadge status={c.status} />
      </div>
      <div className={styles.meta}>
        <span>{a.ownerLine(c.ownerName)}</span>
        {c.overdue ? (
          <span className={styles.overdue} data-testid="commitment-overdue">
            <Warning16Filled aria-hidden="true" />
            {a.overdueLine(formatDate(c.due, 'short'))}
          </span>
        ) : (
          <span>{a.dueLine(formatDate(c.due, 'short'))}</span>
        )}
        <span>{a.originLine(a.kindLabels[c.plenariaKind], formatDate(c.plenariaDate, 'short'), c.unitName)}</span>
      </div>
      {c.impact && (
        <div>
          <Badge appearance="outline" shape="rounded" color="success">
            {a.impactLabel}
          </Badge>{' '}
          {c.impact}
        </div>
      )}
      {c.notes.length > 0 && (
        <ol className={styles.notes} aria-label={a.notesLabel}>
          {c.notes.map((n, i) => (
            <li key={i}>
              <Caption1 className={styles.muted}>{`${formatDateTime(n.at, 'short')} · ${n.byName}: `}</Caption1>
              {n.text}
            </li>
          ))}
        </ol>
      )}
      {c.canUpdate && (
        <div>
          <Button size="small" onClick={onUpdate} aria-label={a.updateOf(c.task)} data-testid={`commitment-update-${c.id}`}>
            {a.update}
          </Button>
        </div>
      )}
    </li>
  );
}

function UpdateDialog({ api, commitment, onClose, onSaved, onReload }: { api: ActasApi; commitment: CommitmentView; onClose: () => void; onSaved: (c: CommitmentView) => void; onReload: () => void }) {
  const [status, setStatus] = useState<CommitmentStatus>(commitment.status);
  const [note, setNote] = useState('');
  const [impact, setImpact] = useState(commitment.impact ?? '');
  const [problems, setProblems] = useState<{ note?: string; impact?: string }>({});
  const [serverError, setServerError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setServerError(null);
    const found: { note?: string; impact?: string } = {};
    if (status === 'cumplido' && !impact.trim()) found.impact = msg.actas.impactRequired;
    if (status === 'cancelado' && commitment.status !== 'cancelado' && !note.trim()) found.note = msg.actas.cancelNoteRequired;
    setProblems(found);
    if (found.note || found.impact) return;
    setSaving(true);
    try {
      const body = { version: commitment.version, status, ...(note.trim() ? { note: note.trim() } : {}), ...(impact.trim() ? { impact: impact.trim() } : {}) };
      onSaved(await api.updateCommitment(commitment.id, body));
    } catch (error) {
      setServerError({ message: errorMessage(error), conflict: error instanceof ApiRequestError && error.status === 409 });
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog
      title={a.updateTitle}
      intro={<DialogSubject name={commitment.task} detail={`${a.ownerLine(commitment.ownerName)} · ${a.dueLine(formatDate(commitment.due, 'short'))}`} />}
      error={serverError?.message ?? null}
      errorTestId="commitment-error"
      errorActions={
        serverError?.conflict && (
          <Button
            onClick={() => {
              setServerError(null);
              onReload();
            }}
            data-testid="commitment-reload"
          >
            {a.reloadCommitment}
          </Button>
        )
      }
      onSubmit={submit}
      onCancel={onClose}
      busy={saving}
      cancelLabel={a.cancel}
      submitLabel={a.save}
      busyLabel={a.saving}
      submitTestId="commitment-save"
    >
      <Field label={a.statusLabel}>
        <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as CommitmentStatus)} data-testid="commitment-status">
          {(['abierto', 'en_curso', 'cumplido', 'cancelado'] as const).map((s) => (
            <Radio key={s} value={s} label={a.commitmentStatus[s]} data-testid={`commitment-status-${s}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={a.noteLabel} hint={a.noteHint} required={status === 'cancelado' && commitment.status !== 'cancelado'} validationMessage={problems.note}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" maxLength={2000} data-testid="commitment-note" />
      </Field>
      <Field label={a.impactField} hint={a.impactHint} required={status === 'cumplido'} validationMessage={problems.impact}>
        <Textarea value={impact} onChange={(_, d) => setImpact(d.value)} resize="vertical" maxLength={2000} data-testid="commitment-impact" />
      </Field>
    </FormDialog>
  );
}
