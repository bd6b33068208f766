import { Badge, Button, Caption1, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ProposalStatus, ProposalView, ProposalsResponse } from '@okr/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { ProposalsApi } from '../api/proposals.js';
import { ApiRequestError } from '../api/http.js';
import { errorMessage } from '../errorMessage.js';
import { formatDateTime } from '../core.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { DialogSubject, FormDialog } from '../ui/FormDialog.js';
import { LoadError, Loading } from '../ui/LoadStatus.js';
import { PersonPicker } from '../ui/PersonPicker.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';
import { ViewSection } from '../ui/ViewSection.js';
import { useLoad } from '../useLoad.js';
import { proposalMessages as m, proposalStatusLabels, proposalsText as t } from './strings.js';

const STATUSES = Object.keys(proposalStatusLabels) as ProposalStatus[];
const COLOR: Record<ProposalStatus, 'informative' | 'warning' | 'brand' | 'danger' | 'success'> = { recibida: 'informative', en_estudio: 'warning', adoptada: 'brand', no_viable: 'danger', implementada: 'success' };
const ALL = 'all';
const NOBODY = 'none';

const useStyles = makeStyles({
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  count: { color: tokens.colorNeutralForeground2 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, overflowWrap: 'anywhere' },
  closed: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}` },
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  text: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, flex: '1 1 280px', whiteSpace: 'pre-wrap' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2 },
  notes: { margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ProposalsViewProps {
  api: ProposalsApi;
}

/**
 * «Propuestas»: what the dialogue sessions «Un café con el Secretario» proposed, across sessions
 * (seed 004: follow the proposals up and measure their impact) — for the OAP and the Despacho every
 * one, filtered by session, status and who takes it; for anyone else those they take. The OAP and
 * the Despacho name who takes each; that person (or they) records its status, notes and impact.
 */
export default function ProposalsView({ api }: ProposalsViewProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const load = useLoad((signal) => api.proposals(signal), [api], { key: 'proposals' });
  const [session, setSession] = useState<string>(ALL);
  const [status, setStatus] = useState<ProposalStatus | typeof ALL>(ALL);
  const [responsible, setResponsible] = useState<string>(ALL);
  const [dialog, setDialog] = useState<{ kind: 'assign' | 'update'; id: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const data: ProposalsResponse | null = load.state === 'ready' ? load.data : null;
  const all = data?.proposals ?? [];
  const sessionDates = useMemo(() => new Map((data?.sessions ?? []).map((s) => [s.plenariaId, s.date])), [data]);
  const responsibles = useMemo(() => {
    const named = new Map<string, string>();
    for (const p of all) if (p.responsibleId) named.set(p.responsibleId, p.responsibleName ?? p.responsibleId);
    return [...named].sort((a, b) => a[1].localeCompare(b[1], 'es'));
  }, [all]);
  const shown = all.filter((p) => (session === ALL || p.plenariaId === session) && (status === ALL || p.status === status) && (responsible === ALL || (responsible === NOBODY ? p.responsibleId === null : p.responsibleId === responsible)));
  const filtered = session !== ALL || status !== ALL || responsible !== ALL;
  const current = dialog ? all.find((p) => p.id === dialog.id) ?? null : null;
  const replace = (updated: ProposalView) => {
    if (data) load.set({ ...data, proposals: data.proposals.map((p) => (p.id === updated.id ? updated : p)) });
    setDialog(null);
    setSaved(t.saved);
  };

  return (
    <ViewSection titleId="proposals-title" title={t.title} intro={t.intro} testId="proposals-view">
      {load.state === 'loading' && <Loading label={t.loading} />}
      {load.state === 'error' && <LoadError title={t.errorTitle} message={load.message} onRetry={load.retry} testId="proposals-error" />}
      {data && all.length === 0 && (
        <div className={surface.empty} data-testid="proposals-empty">
          <strong>{t.empty}</strong>
        </div>
      )}
      {data && all.length > 0 && (
        <>
          <div className={styles.filters} role="group" aria-label={t.filters}>
            <ChoiceDropdown
              label={t.filterSession}
              value={session}
              options={[ALL, ...data.sessions.map((s) => s.plenariaId)]}
              optionLabel={(o) => (o === ALL ? t.all : t.session(sessionDates.get(o) ?? ''))}
              onChange={setSession}
              testId="proposals-filter-session"
            />
            <ChoiceDropdown label={t.filterStatus} value={status} options={[ALL, ...STATUSES] as const} optionLabel={(o) => (o === ALL ? t.all : proposalStatusLabels[o])} onChange={setStatus} testId="proposals-filter-status" />
            <ChoiceDropdown
              label={t.filterResponsible}
              value={responsible}
              options={[ALL, NOBODY, ...responsibles.map(([id]) => id)]}
              optionLabel={(o) => (o === ALL ? t.allPeople : o === NOBODY ? t.unassigned : (responsibles.find(([id]) => id === o)?.[1] ?? o))}
              onChange={setResponsible}
              testId="proposals-filter-responsible"
            />
          </div>
          <Caption1 className={styles.count} aria-live="polite" data-testid="proposals-count">
            {t.shown(shown.length, all.length)}
          </Caption1>
          {saved && (
            <MessageBar intent="success" data-testid="proposals-saved">
              <MessageBarBody>{saved}</MessageBarBody>
            </MessageBar>
          )}
          {shown.length === 0 ? (
            <div className={surface.empty} data-testid="proposals-empty-filtered">
              <strong>{t.emptyFiltered}</strong>
              <div>
                <Button onClick={() => (setSession(ALL), setStatus(ALL), setResponsible(ALL))} data-testid="proposals-clear">
                  {t.clearFilters}
                </Button>
              </div>
            </div>
          ) : (
            <ul className={styles.list} data-testid="proposals-list">
              {shown.map((p) => (
                <ProposalCard key={p.id} p={p} onAssign={() => (setSaved(null), setDialog({ kind: 'assign', id: p.id }))} onUpdate={() => (setSaved(null), setDialog({ kind: 'update', id: p.id }))} />
              ))}
            </ul>
          )}
        </>
      )}
      {data && current && dialog?.kind === 'assign' && <AssignDialog api={api} proposal={current} people={data.people} onClose={() => setDialog(null)} onSaved={replace} onReload={load.retry} />}
      {current && dialog?.kind === 'update' && <UpdateDialog api={api} proposal={current} onClose={() => setDialog(null)} onSaved={replace} onReload={load.retry} />}
    </ViewSection>
  );
}

function ProposalCard({ p, onAssign, onUpdate }: { p: ProposalView; onAssign: () => void; onUpdate: () => void }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const closed = p.status === 'implementada' || p.status === 'no_viable';
  return (
    <li className={mergeClasses(surface.card, styles.card, closed && styles.closed)} data-testid={`proposal-${p.id}`} data-status={p.status}>
      <div className={styles.top}>
        <p className={styles.text} id={`proposal-text-${p.id}`}>
          {p.text}
        </p>
        <Badge appearance="tint" shape="rounded" color={COLOR[p.status]} data-testid="proposal-status">
          {proposalStatusLabels[p.status]}
        </Badge>
      </div>
      <div className={styles.meta}>
        <span>{t.session(p.sessionDate)}</span>
        <span>
          {t.responsible}: {p.responsibleName ?? <em>{t.nobody}</em>}
        </span>
      </div>
      {p.impact && (
        <div data-testid="proposal-impact">
          <Badge appearance="outline" shape="rounded" color="success">
            {t.impact}
          </Badge>{' '}
          {p.impact}
        </div>
      )}
      {p.notes.length > 0 ? (
        <ol className={styles.notes} aria-label={t.notes} data-testid="proposal-notes">
          {p.notes.map((n, i) => (
            <li key={i}>
              <Caption1 className={styles.muted}>{`${formatDateTime(n.at, 'short')} · ${n.byName}: `}</Caption1>
              {n.text}
            </li>
          ))}
        </ol>
      ) : (
        <Caption1 className={styles.muted}>{t.noNotes}</Caption1>
      )}
      {(p.canAssign || p.canUpdate) && (
        <div className={styles.actions}>
          {p.canAssign && (
            <Button size="small" onClick={onAssign} aria-describedby={`proposal-text-${p.id}`} data-testid={`proposal-assign-${p.id}`}>
              {p.responsibleId ? t.reassign : t.assign}
            </Button>
          )}
          {p.canUpdate && (
            <Button size="small" appearance="primary" onClick={onUpdate} aria-describedby={`proposal-text-${p.id}`} data-testid={`proposal-update-${p.id}`}>
              {t.update}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

type DialogProps = { api: ProposalsApi; proposal: ProposalView; onClose: () => void; onSaved: (p: ProposalView) => void; onReload: () => void };

/**
 * The frame both dialogs share: the proposal as the subject, «Cancelar» / «Guardar», the form's own
 * check first (`validate`), then `send`; the server's Spanish refusal, and after a conflict the way to
 * the current version.
 */
function ProposalDialog(props: Omit<DialogProps, 'api'> & { title: string; detail: string; submitTestId: string; validate: () => boolean; send: () => Promise<ProposalView>; children: ReactNode }) {
  const { proposal, onClose, onSaved, onReload, title, detail, submitTestId, validate, send, children } = props;
  const [error, setError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setError(null);
    if (!validate()) return;
    setSaving(true);
    try {
      onSaved(await send());
    } catch (e) {
      setError({ message: errorMessage(e), conflict: e instanceof ApiRequestError && e.status === 409 });
    } finally {
      setSaving(false);
    }
  }
  return (
    <FormDialog
      title={title}
      intro={<DialogSubject name={proposal.text} detail={detail} />}
      error={error?.message ?? null}
      errorTestId="proposal-error"
      errorActions={
        error?.conflict && (
          <Button onClick={() => (setError(null), onReload())} data-testid="proposal-reload">
            {t.reload}
          </Button>
        )
      }
      onSubmit={submit}
      onCancel={onClose}
      busy={saving}
      cancelLabel={t.cancel}
      submitLabel={t.save}
      busyLabel={t.saving}
      submitTestId={submitTestId}
    >
      {children}
    </FormDialog>
  );
}

function AssignDialog({ api, proposal, people, ...rest }: DialogProps & { people: ProposalsResponse['people'] }) {
  const [personId, setPersonId] = useState(proposal.responsibleId ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const validate = () => {
    const found = !personId ? t.pickPerson : personId === proposal.responsibleId ? m.alreadyResponsible(proposal.responsibleName ?? '') : undefined;
    setProblem(found);
    return !found;
  };
  return (
    <ProposalDialog
      {...rest}
      proposal={proposal}
      title={t.assignTitle}
      detail={t.session(proposal.sessionDate)}
      submitTestId="proposal-assign-save"
      validate={validate}
      send={() => api.assignProposal(proposal.id, { version: proposal.version, responsibleId: personId })}
    >
      <Field label={t.assignLabel} required validationMessage={problem}>
        <PersonPicker people={people} value={personId} onChange={(id) => setPersonId(id)} ariaLabel={t.assignLabel} testId="proposal-assign-person" />
      </Field>
    </ProposalDialog>
  );
}

function UpdateDialog({ api, proposal, ...rest }: DialogProps) {
  const [status, setStatus] = useState<ProposalStatus>(proposal.status);
  const [note, setNote] = useState('');
  const [impact, setImpact] = useState(proposal.impact ?? '');
  const [problems, setProblems] = useState<{ status?: string; note?: string; impact?: string }>({});
  const validate = () => {
    const found: typeof problems = {};
    if (status !== 'recibida' && !proposal.responsibleId) found.status = m.assignFirst;
    if (status === 'implementada' && !impact.trim()) found.impact = m.impactRequired;
    if (status === 'no_viable' && proposal.status !== 'no_viable' && !note.trim()) found.note = m.notViableNoteRequired;
    setProblems(found);
    return !found.status && !found.note && !found.impact;
  };
  return (
    <ProposalDialog
      {...rest}
      proposal={proposal}
      title={t.updateTitle}
      detail={`${t.session(proposal.sessionDate)} · ${t.responsible}: ${proposal.responsibleName ?? t.nobody}`}
      submitTestId="proposal-save"
      validate={validate}
      send={() => api.followUpProposal(proposal.id, { version: proposal.version, status, ...(note.trim() ? { note: note.trim() } : {}), ...(impact.trim() ? { impact: impact.trim() } : {}) })}
    >
      <Field label={t.statusLabel} validationMessage={problems.status}>
        <RadioGroup value={status} onChange={(_, d) => setStatus(d.value as ProposalStatus)} data-testid="proposal-status-choice">
          {STATUSES.map((s) => (
            <Radio key={s} value={s} label={proposalStatusLabels[s]} data-testid={`proposal-status-${s}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.noteLabel} hint={t.noteHint} required={status === 'no_viable' && proposal.status !== 'no_viable'} validationMessage={problems.note}>
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" maxLength={2000} data-testid="proposal-note" />
      </Field>
      <Field label={t.impactLabel} hint={t.impactHint} required={status === 'implementada'} validationMessage={problems.impact}>
        <Textarea value={impact} onChange={(_, d) => setImpact(d.value)} resize="vertical" maxLength={2000} data-testid="proposal-impact-input" />
      </Field>
    </ProposalDialog>
  );
}
