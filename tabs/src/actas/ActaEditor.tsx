import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import type { ActaView, PersonRef } from '@okr/core';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ActasApi } from '../api/actas.js';
import { actasText as a } from './strings.js';
import { ActaHeader, actaTitleId } from './editor/ActaHeader.js';
import { CompactContext } from './editor/ActaLayout.js';
import { ActaStateNotes, LeaveWarning, NoticeBar, StaleSaveBar } from './editor/ActaMessages.js';
import { HistorySection, VersionsSection } from './editor/ActaVersions.js';
import { CorrectDialog } from './editor/CorrectDialog.js';
import { DocumentSection } from './editor/DocumentSection.js';
import { DraftSections } from './editor/DraftSections.js';
import { NoActa } from './editor/NoActa.js';
import { SaveBar } from './editor/SaveBar.js';
import { SignaturesSection } from './editor/SignaturesSection.js';
import { useActaActions } from './editor/useActaActions.js';
import { useActaDraft } from './editor/useActaDraft.js';
import { LoadError } from '../ui/LoadStatus.js';


const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0, overflowWrap: 'anywhere' },
  compact: { gap: tokens.spacingVerticalM },
  status: { display: 'flex', justifyContent: 'center', padding: `${tokens.spacingVerticalXXL} 0` },
});

export interface ActaEditorProps {
  api: ActasApi;
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

/**
 * The acta of a plenaria (format GDI-GPD-F029, "Evidencia de reunión"): the secretary or the
 * enlace writes it during or after the plenaria, saves it (a save over someone else's newer one
 * is refused and nothing typed is lost), asks for the two signatures, and — once signed — downloads
 * it, records the copy sent to the OAP, or opens a corrected version. Everyone else reads it.
 */
export default function ActaEditor({ api, plenariaId, compact = false, readOnly = false, onBack, backLabel, onChanged }: ActaEditorProps) {
  const styles = useStyles();
  const actaDraft = useActaDraft(api, plenariaId, onChanged);
  const { load, view, draft, dirty, update } = actaDraft;
  const people = view?.people ?? [];
  const byId = useMemo(() => new Map<string, PersonRef>(people.map((p) => [p.id, p])), [people]);
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const actions = useActaActions(api, plenariaId, actaDraft, nameOf);
  const { busy, notice, save } = actions;
  const [leaving, setLeaving] = useState(false);
  const acta = view?.acta ?? null;
  const editable = !readOnly && !!view?.canEdit && !!acta && view.state !== 'signed';

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      if (editable && dirty && !busy) void save();
    }
  };

  const back = () => {
    if (dirty && editable) setLeaving(true);
    else onBack?.();
  };

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
        <LoadError title={a.actaErrorTitle} message={load.message} onRetry={actaDraft.retry} testId="acta-error" />
      </section>
    );
  }

  const v = load.data;
  return (
    <CompactContext.Provider value={compact}>
      <section className={mergeClasses(styles.root, compact && styles.compact)} aria-labelledby={actaTitleId(v)} data-testid="acta-editor" onKeyDown={onKeyDown}>
        {backButton}
        {leaving && <LeaveWarning disabled={!!busy} onSaveAndLeave={() => void save(() => onBack?.())} onLeave={() => onBack?.()} onStay={() => setLeaving(false)} />}
        <ActaHeader view={v} />
        {v.plenaria.cancelled && (
          <MessageBar intent="error" layout="multiline" data-testid="acta-cancelled">
            <MessageBarBody>
              <MessageBarTitle>{a.cancelledBadge}</MessageBarTitle>
              {a.cancelledActaNote(v.plenaria.cancelled.reason)}
            </MessageBarBody>
          </MessageBar>
        )}
        {notice && <NoticeBar notice={notice} />}
        {actions.conflict && <StaleSaveBar message={actions.conflict} disabled={!!busy} onReload={() => void actions.reload()} />}
        {!acta && <NoActa canStart={v.canEdit && !readOnly} busy={busy} onStart={() => void actions.start()} />}
        {acta && draft && (
          <>
            <ActaStateNotes view={v} editable={editable} readOnly={readOnly} />
            <DraftSections plenaria={v.plenaria} acta={acta} resultsOn={v.okrResultsOn} draft={draft} editable={editable} update={update} people={people} byId={byId} nameOf={nameOf} busy={busy} onRefreshResults={() => void actions.refreshResults()} />
            {editable && <SaveBar dirty={dirty} busy={busy} onSave={() => void save()} />}
            <SignaturesSection view={v} dirty={dirty} editable={editable} readOnly={readOnly} requested={actions.requested} busy={busy} onRequest={() => void actions.requestSignatures()} onSign={(part) => void actions.signAs(part)} />
            <DocumentSection view={v} readOnly={readOnly} busy={busy} onDownload={() => void actions.download(acta.documentVersion)} onSendToOap={() => void actions.sendToOap()} onCorrect={() => actions.setCorrecting(true)} />
            <VersionsSection versions={v.versions} busy={busy} onDownload={(version) => void actions.download(version)} />
            <HistorySection history={v.history} />
          </>
        )}
        {actions.correcting && acta && (
          <CorrectDialog busy={busy === 'correct'} version={acta.documentVersion} onCancel={() => actions.setCorrecting(false)} onConfirm={(reason) => void actions.correct(reason)} error={notice?.intent === 'error' ? notice.text : null} />
        )}
      </section>
    </CompactContext.Provider>
  );
}
