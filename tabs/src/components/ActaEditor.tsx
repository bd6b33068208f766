import {
  Badge,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { Add16Regular, ArrowLeft16Regular, ArrowSync16Regular, Delete16Regular, DocumentArrowDown16Regular, Send16Regular, Signature16Regular } from '@fluentui/react-icons';
import type { ActaDraft, ActaView, PersonRef, Recognition, SignatureRole } from '@okr/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ApiRequestError, type ApiClient, type SignatureRequestResult } from '../api.js';
import { DRAFT_FIELDS, formatDay, formatInstant, formatShortDay, linkIn, mergeDrafts, newItemId, sameValue, type DraftField } from '../actaHelpers.js';
import { t } from '../strings.js';
import { ActaStateBadge, ListEditor, OapStatusBadge, PeoplePicker, PersonPicker, TextList, oapStatusDetail, saveFile } from './ActaBits.js';

const a = t.actas;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, overflowWrap: 'anywhere' },
  compact: { gap: tokens.spacingVerticalM },
  card: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  },
  cardCompact: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, gap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  h2Compact: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h4: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  badges: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  fact: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  factLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  factValue: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  intro: { color: tokens.colorNeutralForeground2 },
  row2: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  itemHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  itemGrid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  text: { margin: 0, whiteSpace: 'pre-wrap' },
  results: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  resultObjective: { fontWeight: tokens.fontWeightSemibold },
  resultRow: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    paddingBlock: tokens.spacingVerticalXXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  resultValue: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  saveBar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
  },
  dirty: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  clean: { color: tokens.colorNeutralForeground3 },
  signatures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 200px), 1fr))', gap: tokens.spacingHorizontalM, margin: 0 },
  status: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXL} 0` },
  messageList: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: '1.25em', whiteSpace: 'pre-wrap', userSelect: 'text' },
});

/** The side panel's layout: sections drop their introductions and fields their hints. */
const CompactContext = createContext(false);

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; view: ActaView };
type Busy = null | 'start' | 'save' | 'reload' | 'snapshot' | 'request' | 'sign' | 'oap' | 'correct' | 'download';
type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; title?: string; text: string; items?: string[] };

export interface ActaEditorProps {
  api: ApiClient;
  plenariaId: string;
  /** The meeting side panel (320 px): tighter spacing, no history. */
  compact?: boolean;
  /** Reading only, whatever the person may do (the OAP's follow-up). */
  readOnly?: boolean;
  /** Shows «Volver» (warning first about unsaved changes). */
  onBack?: () => void;
  backLabel?: string;
  /** Every time the server answers with the acta (lists refresh their badges). */
  onChanged?: (view: ActaView) => void;
}

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : t.networkError);
const isConflict = (error: unknown) => error instanceof ApiRequestError && error.status === 409;

/**
 * The acta of a plenaria (format GDI-GPD-F029, "Evidencia de reunión"): the secretary or the
 * enlace writes it during or after the plenaria, saves it (a save over someone else's newer one
 * is refused and nothing typed is lost), asks for the two signatures, and — once signed — downloads
 * it, records the copy sent to the OAP, or opens a corrected version. Everyone else reads it.
 */
export default function ActaEditor({ api, plenariaId, compact = false, readOnly = false, onBack, backLabel, onChanged }: ActaEditorProps) {
  const styles = useStyles();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [draft, setDraft] = useState<ActaDraft | null>(null);
  const [base, setBase] = useState<ActaDraft | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);
  const [requested, setRequested] = useState<Pick<SignatureRequestResult, 'sentTo' | 'unreachable'> | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const draftRef = useRef(draft);
  const baseRef = useRef(base);
  draftRef.current = draft;
  baseRef.current = base;
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;

  /** Takes the server's answer; what the person typed and has not saved stays in the form. */
  const adopt = useCallback((view: ActaView): DraftField[] => {
    setLoad({ state: 'ready', view });
    onChangedRef.current?.(view);
    const theirs = view.acta?.draft ?? null;
    const mine = draftRef.current;
    const old = baseRef.current;
    setBase(theirs);
    if (theirs && mine && old && !sameValue(mine, old) && view.state !== 'signed') {
      const merged = mergeDrafts(old, mine, theirs);
      setDraft(merged.draft);
      return merged.conflicts;
    }
    setDraft(theirs && structuredClone(theirs));
    return [];
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ state: 'loading' });
    setDraft(null);
    setBase(null);
    draftRef.current = null;
    baseRef.current = null;
    api.acta(plenariaId, abort.signal).then(
      (view) => adopt(view),
      (error: unknown) => {
        if (!abort.signal.aborted) setLoad({ state: 'error', message: messageOf(error) });
      },
    );
    return () => abort.abort();
  }, [api, plenariaId, attempt, adopt]);

  const view = load.state === 'ready' ? load.view : null;
  const acta = view?.acta ?? null;
  const dirty = !!draft && !!base && !sameValue(draft, base);
  const editable = !readOnly && !!view?.canEdit && !!acta && view.state !== 'signed';

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const people = view?.people ?? [];
  const byId = useMemo(() => new Map<string, PersonRef>(people.map((p) => [p.id, p])), [people]);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;

  async function run(kind: Exclude<Busy, null>, action: () => Promise<void>) {
    setBusy(kind);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      if (isConflict(error)) setConflict(messageOf(error));
      else setNotice({ intent: 'error', text: messageOf(error) });
    } finally {
      setBusy(null);
    }
  }

  const save = async (then?: () => void) => {
    if (!acta || !draft) return;
    const sent = draft;
    setConflict(null);
    await run('save', async () => {
      const wasSigned = view?.state === 'partially_signed';
      const next = await api.saveActa(plenariaId, { version: acta.version, revision: acta.revision, draft: sent });
      // Whatever was typed while the request travelled stays: the base is what was sent.
      baseRef.current = sent;
      adopt(next);
      setRequested(null);
      setNotice({ intent: 'success', text: wasSigned && next.state === 'draft' ? a.savedSignatureWithdrawn : a.saved });
      then?.();
    });
  };

  /** What the person typed in a field, as text they can copy (when the acta can no longer take it). */
  const plain = (field: DraftField, d: ActaDraft): string => {
    switch (field) {
      case 'attendeeIds':
        return d.attendeeIds.map(nameOf).join('; ');
      case 'recognitions':
        return d.recognitions.map((r) => `${r.personId ? nameOf(r.personId) : (r.team ?? '')} — ${r.reason}`).join('; ');
      case 'commitments':
        return d.commitments.map((c) => `${c.task} (${nameOf(c.ownerId)}, ${c.due})`).join('; ');
      default: {
        const value = d[field];
        return Array.isArray(value) ? value.join('; ') : value;
      }
    }
  };

  const reload = () =>
    run('reload', async () => {
      const mine = draftRef.current;
      const old = baseRef.current;
      const next = await api.acta(plenariaId);
      const conflicts = adopt(next);
      setConflict(null);
      if (next.state === 'signed' && dirty && mine && old) {
        // Nothing typed is lost: the unsaved text stays on screen to copy into a correction.
        const items = DRAFT_FIELDS.filter((f) => !sameValue(mine[f], old[f])).map((f) => `${a.fields[f]}: ${plain(f, mine)}`);
        setNotice({ intent: 'warning', text: a.reloadedSigned, items });
      } else if (dirty) setNotice(conflicts.length ? { intent: 'warning', title: a.reloadedTitle, text: a.reloadedConflicts, items: conflicts.map((f) => a.fields[f]) } : { intent: 'info', text: a.reloadedKept });
    });

  const start = () => run('start', async () => void adopt(await api.startActa(plenariaId)));
  const snapshot = () =>
    run('snapshot', async () => {
      adopt(await api.refreshActaResults(plenariaId, acta!.version, acta!.revision));
      setNotice({ intent: 'success', text: a.resultsRefreshed });
    });
  const requestSignatures = () =>
    run('request', async () => {
      const result = await api.requestSignatures(plenariaId, acta!.version, acta!.revision);
      adopt(result.view);
      setRequested({ sentTo: result.sentTo, unreachable: result.unreachable });
    });
  const signAs = (part: SignatureRole) =>
    run('sign', async () => {
      const next = await api.signActa(plenariaId, acta!.version, acta!.revision, part);
      adopt(next);
      setNotice({ intent: 'success', text: next.state === 'signed' ? a.signedComplete : a.signedPart });
    });
  const sendToOap = () =>
    run('oap', async () => {
      const next = await api.sendActaToOap(plenariaId, acta!.version);
      adopt(next);
      setNotice({ intent: 'success', text: a.sentToOap(oapStatusDetail(next.oap)) });
    });
  const correct = (reason: string) =>
    run('correct', async () => {
      const next = await api.correctActa(plenariaId, acta!.version, reason);
      adopt(next);
      setCorrecting(false);
      setNotice({ intent: 'success', text: a.corrected(next.acta?.version ?? acta!.version + 1) });
    });
  const download = (version: number) =>
    run('download', async () => {
      const file = await api.downloadActa(plenariaId, version);
      saveFile(file.blob, file.fileName);
    });

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      if (editable && dirty && !busy) void save();
    }
  };

  const update = (edit: (d: ActaDraft) => void) =>
    setDraft((d) => {
      if (!d) return d;
      const copy = structuredClone(d);
      edit(copy);
      return copy;
    });

  const back = () => {
    if (dirty && editable) setLeaving(true);
    else onBack?.();
  };

  const card = mergeClasses(styles.card, compact && styles.cardCompact);
  const backButton = onBack && (
    <div>
      <Button appearance="subtle" icon={<ArrowLeft16Regular />} onClick={back} data-testid="acta-back">
        {backLabel ?? a.back}
      </Button>
    </div>
  );

  if (load.state === 'loading') {
    return (
      <section className={styles.root} aria-busy="true">
        {backButton}
        <div className={styles.status}>
          <Spinner size={compact ? 'small' : 'medium'} label={a.loadingActa} />
        </div>
      </section>
    );
  }
  if (load.state === 'error') {
    return (
      <section className={styles.root}>
        {backButton}
        <MessageBar intent="error" layout="multiline" data-testid="acta-error">
          <MessageBarBody>
            <MessageBarTitle>{a.actaErrorTitle}</MessageBarTitle>
            {load.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setAttempt((n) => n + 1)}>{t.retry}</Button>
          </MessageBarActions>
        </MessageBar>
      </section>
    );
  }

  const v = load.view;
  const p = v.plenaria;
  const link = linkIn(p.location);
  const kind = p.kind;
  const d = draft;
  const signedAt = (part: SignatureRole) => acta?.signatures[part] ?? null;

  /** A text of the acta; `bare` when its section's heading already names it. */
  const textField = (field: 'objective' | 'development' | 'conversations' | 'feedback', rows: number, bare = false) =>
    editable && d ? (
      <Field label={bare ? undefined : a.fields[field]} hint={compact ? undefined : a.hints[field]}>
        <Textarea
          value={d[field]}
          resize="vertical"
          rows={compact ? Math.min(rows, 3) : rows}
          onChange={(_, x) => update((c) => void (c[field] = x.value))}
          aria-label={bare ? a.fields[field] : undefined}
          data-testid={`acta-${field}`}
        />
      </Field>
    ) : (
      <ReadText label={bare ? null : a.fields[field]} text={d?.[field] ?? ''} testId={`acta-${field}`} />
    );

  return (
    <CompactContext.Provider value={compact}>
    <section className={mergeClasses(styles.root, compact && styles.compact)} aria-labelledby={`acta-title-${p.id}`} data-testid="acta-editor" onKeyDown={onKeyDown}>
      {backButton}
      {leaving && (
        <MessageBar intent="warning" layout="multiline" data-testid="acta-leave-warning">
          <MessageBarBody>{a.leaveUnsaved}</MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => void save(() => onBack?.())} disabled={!!busy}>
              {a.saveAndLeave}
            </Button>
            <Button onClick={() => onBack?.()}>{a.leaveWithout}</Button>
            <Button appearance="subtle" onClick={() => setLeaving(false)}>
              {a.keepEditing}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <header className={card}>
        <h2 id={`acta-title-${p.id}`} className={mergeClasses(styles.h2, compact && styles.h2Compact)}>
          {a.actaTitle(a.kindLabels[kind], v.unitName)}
        </h2>
        <div className={styles.badges}>
          <ActaStateBadge state={v.state} testId="acta-state" />
          {acta && <Badge appearance="outline" shape="rounded">{a.versionLabel(acta.version)}</Badge>}
          <OapStatusBadge status={v.oap} testId="acta-oap-status" />
        </div>
        <dl className={styles.facts}>
          <Fact label={a.factDate}>{compact ? `${formatShortDay(p.date)} · ${p.startTime} · ${a.modalityLabels[p.modality]}` : `${formatDay(p.date)} · ${p.startTime}`}</Fact>
          {!compact && <Fact label={a.factModality}>{a.modalityLabels[p.modality]}</Fact>}
          <Fact label={p.modality === 'presencial' ? a.factPlace : a.factLink}>
            {link ? (
              <>
                {p.location.replace(link, '').trim() && `${p.location.replace(link, '').trim()} · `}
                <Link href={link} target="_blank" rel="noopener noreferrer">
                  {a.openMeetingLink}
                </Link>
              </>
            ) : (
              p.location
            )}
          </Fact>
          <Fact label={a.factPresiding}>{v.presiding.name}</Fact>
          <Fact label={a.factSecretary}>{v.secretary.name}</Fact>
          {!compact && <Fact label={a.factOapDeadline}>{oapStatusDetail(v.oap)}</Fact>}
        </dl>
      </header>

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="acta-notice" aria-live="polite">
          <MessageBarBody>
            {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
            {notice.text}
            {notice.items && (
              <ul className={styles.messageList}>
                {notice.items.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {conflict && (
        <MessageBar intent="error" layout="multiline" data-testid="acta-conflict">
          <MessageBarBody>
            <MessageBarTitle>{a.conflictTitle}</MessageBarTitle>
            {conflict} {a.conflictKept}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void reload()} disabled={!!busy} data-testid="acta-reload">
              {a.reloadKeep}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      {!acta && (
        <div className={card} data-testid="acta-empty">
          <p className={styles.text}>{v.canEdit && !readOnly ? a.noActaEditor : a.noActaReader}</p>
          {v.canEdit && !readOnly && (
            <div>
              <Button appearance="primary" onClick={() => void start()} disabled={!!busy} data-testid="acta-start">
                {busy === 'start' ? a.starting : a.start}
              </Button>
            </div>
          )}
        </div>
      )}

      {acta && d && (
        <>
          {!editable && !readOnly && v.state !== 'signed' && (
            <MessageBar intent="info">
              <MessageBarBody>{a.readOnlyNotEditor}</MessageBarBody>
            </MessageBar>
          )}
          {v.state === 'signed' && (
            <MessageBar intent="success" layout="multiline" data-testid="acta-signed-note">
              <MessageBarBody>{a.signedReadOnly}</MessageBarBody>
            </MessageBar>
          )}
          {acta.correctionReason && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{a.correctionOf(acta.version - 1)}</MessageBarTitle>«{acta.correctionReason}»
              </MessageBarBody>
            </MessageBar>
          )}

          <Section title={a.sectionMeeting} className={card}>
            {editable ? (
              <div className={styles.row2}>
                <Field label={a.fields.startTime}>
                  <Input type="time" value={d.startTime} onChange={(_, x) => update((c) => void (c.startTime = x.value))} data-testid="acta-start-time" />
                </Field>
                <Field label={a.fields.endTime}>
                  <Input type="time" value={d.endTime} onChange={(_, x) => update((c) => void (c.endTime = x.value))} data-testid="acta-end-time" />
                </Field>
              </div>
            ) : (
              <ReadText label={a.fieldsHours} text={a.hoursRange(d.startTime, d.endTime)} testId="acta-hours" />
            )}
            {textField('objective', 3)}
          </Section>

          <Section title={a.sectionAttendance} className={card} intro={editable ? a.attendanceIntro : undefined}>
            {editable ? (
              <>
                <Field label={a.fields.attendeeIds} hint={compact ? undefined : a.hints.attendeeIds}>
                  <PeoplePicker people={people} value={d.attendeeIds} onChange={(ids) => update((c) => void (c.attendeeIds = ids))} ariaLabel={a.fields.attendeeIds} testId="acta-attendees" />
                </Field>
                <div>
                  <h4 className={styles.h4} id={`guests-${p.id}`}>
                    {a.fields.guests}
                  </h4>
                  {!compact && <Caption1 className={styles.muted}>{a.hints.guests}</Caption1>}
                  <ListEditor items={d.guests} onChange={(x) => update((c) => void (c.guests = x))} itemLabel={a.guestItem} addLabel={a.addGuest} testId="acta-guests" placeholder={a.guestPlaceholder} />
                </div>
              </>
            ) : (
              <>
                <ReadBlock label={a.fields.attendeeIds}>
                  {d.attendeeIds.length === 0 ? (
                    <Caption1 data-testid="acta-attendees">{a.none}</Caption1>
                  ) : (
                    <ul className={styles.list} data-testid="acta-attendees">
                      {d.attendeeIds.map((id) => (
                        <li key={id}>
                          {nameOf(id)}
                          {byId.get(id)?.jobTitle && <Caption1 className={styles.muted}>{` · ${byId.get(id)!.jobTitle}`}</Caption1>}
                        </li>
                      ))}
                    </ul>
                  )}
                </ReadBlock>
                <ReadBlock label={a.fields.guests}>
                  <TextList items={d.guests} empty={a.none} testId="acta-guests" />
                </ReadBlock>
              </>
            )}
          </Section>

          <Section title={a.fields.agenda} className={card} intro={editable ? a.hints.agenda : undefined}>
            {editable ? (
              <ListEditor items={d.agenda} onChange={(x) => update((c) => void (c.agenda = x))} itemLabel={a.agendaItem} addLabel={a.addAgenda} testId="acta-agenda" />
            ) : (
              <TextList items={d.agenda} empty={a.none} testId="acta-agenda" />
            )}
          </Section>

          <Section title={a.fields.development} className={card}>
            {textField('development', 8, true)}
          </Section>

          {kind === 'dialogo' ? (
            <Section title={a.fields.proposals} className={card} intro={editable ? a.hints.proposals : undefined}>
              {editable ? (
                <ListEditor items={d.proposals} onChange={(x) => update((c) => void (c.proposals = x))} itemLabel={a.proposalItem} addLabel={a.addProposal} testId="acta-proposals" />
              ) : (
                <TextList items={d.proposals} empty={a.none} testId="acta-proposals" />
              )}
            </Section>
          ) : (
            <Section title={a.sectionResults} className={card} intro={a.resultsIntro(formatInstant(acta.snapshotAt))}>
              {acta.okrResults.length === 0 ? (
                <Caption1 data-testid="acta-results">{a.noResults}</Caption1>
              ) : (
                <ResultsList rows={acta.okrResults} />
              )}
              {editable && (
                <div>
                  <Button size="small" icon={<ArrowSync16Regular />} onClick={() => void snapshot()} disabled={!!busy} data-testid="acta-snapshot">
                    {busy === 'snapshot' ? a.refreshingResults : a.refreshResults}
                  </Button>
                </div>
              )}
            </Section>
          )}

          <Section title={a.sectionCfr} className={card} intro={editable ? a.cfrIntro : undefined}>
            {textField('conversations', 4)}
            {textField('feedback', 4)}
            <div>
              <h4 className={styles.h4}>{a.fields.recognitions}</h4>
              {editable ? (
                <RecognitionsEditor items={d.recognitions} people={people} onChange={(x) => update((c) => void (c.recognitions = x))} />
              ) : d.recognitions.length === 0 ? (
                <Caption1 data-testid="acta-recognitions">{a.none}</Caption1>
              ) : (
                <ul className={styles.list} data-testid="acta-recognitions">
                  {d.recognitions.map((r) => (
                    <li key={r.id}>
                      <strong>{r.personId ? nameOf(r.personId) : r.team}</strong> — {r.reason}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </Section>

          {kind !== 'dialogo' && d.proposals.some((x) => x.trim()) && (
            <Section title={a.fields.proposals} className={card}>
              <TextList items={d.proposals} empty={a.none} />
            </Section>
          )}

          <Section title={a.fields.decisions} className={card} intro={editable ? a.hints.decisions : undefined}>
            {editable ? (
              <ListEditor items={d.decisions} onChange={(x) => update((c) => void (c.decisions = x))} itemLabel={a.decisionItem} addLabel={a.addDecision} testId="acta-decisions" />
            ) : (
              <TextList items={d.decisions} empty={a.none} testId="acta-decisions" />
            )}
          </Section>

          <Section title={a.fields.commitments} className={card} intro={editable ? a.hints.commitments : undefined}>
            {editable ? (
              <CommitmentsEditor items={d.commitments} people={people} minDate={p.date} onChange={(x) => update((c) => void (c.commitments = x))} />
            ) : d.commitments.length === 0 ? (
              <Caption1 data-testid="acta-commitments">{a.none}</Caption1>
            ) : (
              <ul className={styles.list} data-testid="acta-commitments">
                {d.commitments.map((c) => (
                  <li key={c.id}>
                    <strong>{c.task}</strong>
                    <br />
                    <Caption1 className={styles.muted}>{a.commitmentLine(nameOf(c.ownerId), c.due ? formatShortDay(c.due) : '—')}</Caption1>
                  </li>
                ))}
              </ul>
            )}
          </Section>

          {editable && (
            <div className={styles.saveBar} role="region" aria-label={a.saveBarLabel}>
              <span className={dirty ? styles.dirty : styles.clean} data-testid="acta-dirty" data-dirty={dirty} aria-live="polite">
                {dirty ? a.unsaved : a.allSaved}
              </span>
              <Button appearance="primary" onClick={() => void save()} disabled={!dirty || !!busy} aria-keyshortcuts="Control+S" title={a.saveShortcut} data-testid="acta-save">
                {busy === 'save' ? a.saving : a.save}
              </Button>
            </div>
          )}

          <Section title={a.sectionSignatures} className={card}>
            <dl className={styles.signatures} data-testid="acta-signatures">
              <Fact label={a.signSecretaryOf(v.secretary.name)}>{signedAt('secretary') ? a.signedOn(formatInstant(signedAt('secretary')!.at)) : a.notSigned}</Fact>
              <Fact label={a.signPresidingOf(v.presiding.name)}>{signedAt('presiding') ? a.signedOn(formatInstant(signedAt('presiding')!.at)) : a.notSigned}</Fact>
            </dl>
            {v.state !== 'signed' &&
              (v.missing.length > 0 ? (
                <MessageBar intent="warning" layout="multiline" data-testid="acta-missing">
                  <MessageBarBody>
                    <MessageBarTitle>{a.missingTitle}</MessageBarTitle>
                    {dirty && a.missingFromSaved}
                    <ul className={styles.messageList}>
                      {v.missing.map((m) => (
                        <li key={m}>{m}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <Caption1 data-testid="acta-missing">{a.readyToSign}</Caption1>
              ))}
            {editable && (
              <div className={styles.actions}>
                <Button icon={<Send16Regular />} onClick={() => void requestSignatures()} disabled={dirty || v.missing.length > 0 || !!busy} data-testid="acta-request-signatures">
                  {busy === 'request' ? a.requesting : a.requestSignatures}
                </Button>
                <Caption1 className={styles.muted}>{dirty ? a.saveFirst : a.requestHint}</Caption1>
              </div>
            )}
            {requested && (
              <div data-testid="acta-request-result" aria-live="polite">
                {requested.sentTo.length > 0 && (
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>{a.requestSent(requested.sentTo.join(', '))}</MessageBarBody>
                  </MessageBar>
                )}
                {requested.unreachable.length > 0 && (
                  <MessageBar intent="warning" layout="multiline">
                    <MessageBarBody>{a.requestUnreachable(requested.unreachable.join(', '))}</MessageBarBody>
                  </MessageBar>
                )}
              </div>
            )}
            {!readOnly && v.canSign.length > 0 && (
              <>
                <div className={styles.actions}>
                  {v.canSign.map((part) => (
                    <Button key={part} appearance="primary" icon={<Signature16Regular />} onClick={() => void signAs(part)} disabled={dirty || v.missing.length > 0 || !!busy} data-testid={`acta-sign-${part}`}>
                      {part === 'secretary' ? a.signAsSecretary : a.signAsPresiding}
                    </Button>
                  ))}
                </div>
                <Caption1 className={styles.muted}>{dirty ? a.saveFirst : a.signHint}</Caption1>
              </>
            )}
          </Section>

          <Section title={a.sectionDocument} className={card}>
            <div className={styles.actions}>
              <Button icon={<DocumentArrowDown16Regular />} onClick={() => void download(acta.version)} disabled={!!busy} data-testid="acta-download">
                {busy === 'download' ? a.downloading : v.state === 'signed' ? a.download : a.downloadDraft}
              </Button>
              {!readOnly && v.canSendToOap && (
                <Button appearance="primary" icon={<Send16Regular />} onClick={() => void sendToOap()} disabled={!!busy} data-testid="acta-send-oap">
                  {busy === 'oap' ? a.sendingOap : a.sendOap}
                </Button>
              )}
              {!readOnly && v.canCorrect && (
                <Button onClick={() => setCorrecting(true)} disabled={!!busy} data-testid="acta-correct">
                  {a.correct}
                </Button>
              )}
            </div>
            <Caption1 className={styles.muted}>
              {v.state === 'signed' ? (acta.sentToOap ? a.sentOapOn(formatShortDay(acta.sentToOap.on)) : a.oapHint) : a.downloadDraftHint}
            </Caption1>
          </Section>

          {v.versions.length > 0 && (
            <Section title={a.sectionVersions} className={card}>
              <ol className={styles.list} data-testid="acta-versions">
                {[...v.versions]
                  .sort((x, y) => y.version - x.version)
                  .map((ver) => (
                    <li key={ver.version} className={styles.itemHead}>
                      <span>
                        <strong>{a.versionLabel(ver.version)}</strong> · {a.stateLabels[ver.state]}
                        {ver.signedAt && ` · ${a.signedOn(formatInstant(ver.signedAt))}`}
                        {ver.correctionReason && (
                          <>
                            <br />
                            <Caption1 className={styles.muted}>{a.correctionReasonLine(ver.correctionReason)}</Caption1>
                          </>
                        )}
                      </span>
                      <Button size="small" appearance="subtle" icon={<DocumentArrowDown16Regular />} aria-label={a.downloadVersion(ver.version)} onClick={() => void download(ver.version)} disabled={!!busy} data-testid={`acta-download-v${ver.version}`} />
                    </li>
                  ))}
              </ol>
            </Section>
          )}

          {!compact && v.history.length > 0 && (
            <Section title={a.sectionHistory} className={card}>
              <ol className={styles.list} data-testid="acta-history">
                {v.history.map((h, i) => (
                  <li key={i}>
                    <Caption1>
                      {formatInstant(h.at)} · {h.actorName} · {a.historyActions[h.action as keyof typeof a.historyActions] ?? h.action}
                    </Caption1>
                  </li>
                ))}
              </ol>
            </Section>
          )}
        </>
      )}

      {correcting && acta && <CorrectDialog busy={busy === 'correct'} version={acta.version} onCancel={() => setCorrecting(false)} onConfirm={(reason) => void correct(reason)} error={notice?.intent === 'error' ? notice.text : null} />}
    </section>
    </CompactContext.Provider>
  );
}

function Section({ title, intro, className, children }: { title: string; intro?: string | undefined; className: string; children: ReactNode }) {
  const styles = useStyles();
  const compact = useContext(CompactContext);
  return (
    <section className={className}>
      <div>
        <h3 className={styles.h3}>{title}</h3>
        {intro && !compact && <Caption1 className={styles.intro}>{intro}</Caption1>}
      </div>
      {children}
    </section>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt className={styles.factLabel}>{label}</dt>
      <dd className={styles.factValue}>{children}</dd>
    </div>
  );
}

function ReadBlock({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <h4 className={styles.h4}>{label}</h4>
      {children}
    </div>
  );
}

function ReadText({ label, text, testId }: { label: string | null; text: string; testId: string }) {
  const styles = useStyles();
  const body = text.trim() ? (
    <p className={styles.text} data-testid={testId}>
      {text}
    </p>
  ) : (
    <Caption1 className={styles.muted} data-testid={testId}>
      {t.actas.none}
    </Caption1>
  );
  return label === null ? body : <ReadBlock label={label}>{body}</ReadBlock>;
}

function ResultsList({ rows }: { rows: NonNullable<ActaView['acta']>['okrResults'] }) {
  const styles = useStyles();
  const groups: Array<{ objective: string; rows: typeof rows }> = [];
  for (const r of rows) {
    const last = groups.at(-1);
    if (last && last.objective === r.objective) last.rows.push(r);
    else groups.push({ objective: r.objective, rows: [r] });
  }
  return (
    <ul className={styles.results} data-testid="acta-results">
      {groups.map((g, i) => (
        <li key={i}>
          <div className={styles.resultObjective}>{g.objective}</div>
          <ul className={styles.results}>
            {g.rows.map((r, j) => (
              <li key={j} className={styles.resultRow}>
                <span>{r.keyResult}</span>
                <span className={styles.resultValue}>
                  <strong>{r.progress}</strong>
                  <Badge appearance="tint" shape="rounded" color="informative">
                    {r.status}
                  </Badge>
                </span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function RecognitionsEditor({ items, people, onChange }: { items: Recognition[]; people: readonly PersonRef[]; onChange: (items: Recognition[]) => void }) {
  const styles = useStyles();
  const set = (i: number, patch: Partial<Recognition>) => onChange(items.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className={styles.list} data-testid="acta-recognitions">
      {items.map((r, i) => {
        const toTeam = r.personId === null;
        return (
          <div key={r.id} className={styles.item} data-testid={`acta-recognition-${i + 1}`}>
            <div className={styles.itemHead}>
              <strong>{a.recognitionN(i + 1)}</strong>
              <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={a.removeRecognition(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))} />
            </div>
            <RadioGroup
              layout="horizontal"
              aria-label={a.recognitionTo(i + 1)}
              value={toTeam ? 'team' : 'person'}
              onChange={(_, x) => set(i, x.value === 'team' ? { personId: null, team: r.team ?? '' } : { personId: r.personId ?? '', team: null })}
            >
              <Radio value="person" label={a.toPerson} />
              <Radio value="team" label={a.toTeam} />
            </RadioGroup>
            {toTeam ? (
              <Field label={a.teamName}>
                <Input value={r.team ?? ''} onChange={(_, x) => set(i, { team: x.value })} placeholder={a.teamPlaceholder} data-testid={`acta-recognition-team-${i + 1}`} />
              </Field>
            ) : (
              <Field label={a.recognizedPerson}>
                <PersonPicker people={people} value={r.personId ?? ''} onChange={(id) => set(i, { personId: id })} testId={`acta-recognition-person-${i + 1}`} />
              </Field>
            )}
            <Field label={a.recognitionReason}>
              <Textarea value={r.reason} resize="vertical" rows={2} onChange={(_, x) => set(i, { reason: x.value })} data-testid={`acta-recognition-reason-${i + 1}`} />
            </Field>
          </div>
        );
      })}
      <div>
        <Button size="small" icon={<Add16Regular />} onClick={() => onChange([...items, { id: newItemId('r'), personId: '', team: null, reason: '' }])} data-testid="acta-add-recognition">
          {a.addRecognition}
        </Button>
      </div>
    </div>
  );
}

function CommitmentsEditor({ items, people, minDate, onChange }: { items: ActaDraft['commitments']; people: readonly PersonRef[]; minDate: string; onChange: (items: ActaDraft['commitments']) => void }) {
  const styles = useStyles();
  const set = (i: number, patch: Partial<ActaDraft['commitments'][number]>) => onChange(items.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className={styles.list} data-testid="acta-commitments">
      {items.map((c, i) => (
        <div key={c.id} className={styles.item} data-testid={`acta-commitment-${i + 1}`} data-commitment-id={c.id}>
          <div className={styles.itemHead}>
            <strong>{a.commitmentN(i + 1)}</strong>
            <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={a.removeCommitment(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))} />
          </div>
          <Field label={a.commitmentTask}>
            <Textarea value={c.task} resize="vertical" rows={2} onChange={(_, x) => set(i, { task: x.value })} data-testid={`acta-commitment-task-${i + 1}`} />
          </Field>
          <div className={styles.itemGrid}>
            <Field label={a.commitmentOwner}>
              <PersonPicker people={people} value={c.ownerId} onChange={(id) => set(i, { ownerId: id })} testId={`acta-commitment-owner-${i + 1}`} />
            </Field>
            <Field label={a.commitmentDue}>
              <Input type="date" min={minDate} value={c.due} onChange={(_, x) => set(i, { due: x.value })} data-testid={`acta-commitment-due-${i + 1}`} />
            </Field>
          </div>
        </div>
      ))}
      <div>
        <Button size="small" icon={<Add16Regular />} onClick={() => onChange([...items, { id: newItemId('c'), task: '', ownerId: '', due: '' }])} data-testid="acta-add-commitment">
          {a.addCommitment}
        </Button>
      </div>
    </div>
  );
}

function CorrectDialog({ version, busy, error, onCancel, onConfirm }: { version: number; busy: boolean; error: string | null; onCancel: () => void; onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, x) => !x.open && onCancel()}>
      <DialogSurface aria-describedby={undefined}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!reason.trim()) setProblem(a.correctReasonRequired);
            else {
              setProblem(null);
              onConfirm(reason.trim());
            }
          }}
        >
          <DialogBody>
            <DialogTitle>{a.correctTitle(version + 1)}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM }}>
              <p style={{ margin: 0 }}>{a.correctIntro(version)}</p>
              {error && (
                <MessageBar intent="error" layout="multiline" data-testid="acta-correct-error">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
              <Field label={a.correctReason} required validationMessage={problem ?? undefined} hint={a.correctReasonHint}>
                <Textarea value={reason} onChange={(_, x) => setReason(x.value)} resize="vertical" data-testid="acta-correct-reason" />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel} disabled={busy}>
                {a.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy} data-testid="acta-correct-confirm">
                {busy ? a.correcting : a.correctConfirm}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
