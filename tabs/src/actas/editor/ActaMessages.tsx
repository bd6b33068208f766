/**
 * What the acta editor tells the person above the acta: the outcome of what they did, a save that
 * came too late, unsaved changes on leaving, and why the acta can't be edited.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ActaView } from '@okr/core';
import type { ActaNotice } from '../actaHelpers.js';
import { actasText as a } from '../strings.js';
import { MessageItems } from './ActaLayout.js';


/** The outcome of the last thing done (saved, signed, a failure…). */
export function NoticeBar({ notice }: { notice: ActaNotice }) {
  return (
    <MessageBar intent={notice.intent} layout="multiline" data-testid="acta-notice" aria-live="polite">
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        {notice.text}
        {notice.items && <MessageItems items={notice.items} />}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A save refused because someone else saved first: what was typed stays, and reloading merges both. */
export function StaleSaveBar({ message, disabled, onReload }: { message: string; disabled: boolean; onReload: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline" data-testid="acta-conflict">
      <MessageBarBody>
        <MessageBarTitle>{a.conflictTitle}</MessageBarTitle>
        {message} {a.conflictKept}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReload} disabled={disabled} data-testid="acta-reload">
          {a.reloadKeep}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** «Volver» with unsaved changes: save and leave, leave without saving, or keep editing. */
export function LeaveWarning({ disabled, onSaveAndLeave, onLeave, onStay }: { disabled: boolean; onSaveAndLeave: () => void; onLeave: () => void; onStay: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="acta-leave-warning">
      <MessageBarBody>{a.leaveUnsaved}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" onClick={onSaveAndLeave} disabled={disabled}>
          {a.saveAndLeave}
        </Button>
        <Button onClick={onLeave}>{a.leaveWithout}</Button>
        <Button appearance="subtle" onClick={onStay}>
          {a.keepEditing}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/** Why the acta reads as it does: the person may not write it, it is signed, or it corrects an earlier version. */
export function ActaStateNotes({ view, editable, readOnly }: { view: ActaView; editable: boolean; readOnly: boolean }) {
  return (
    <>
      {!editable && !readOnly && view.state !== 'signed' && (
        <MessageBar intent="info">
          <MessageBarBody>{a.readOnlyNotEditor}</MessageBarBody>
        </MessageBar>
      )}
      {view.state === 'signed' && (
        <MessageBar intent="success" layout="multiline" data-testid="acta-signed-note">
          <MessageBarBody>{a.signedReadOnly}</MessageBarBody>
        </MessageBar>
      )}
      {view.acta?.correctionReason && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{a.correctionOf(view.acta.documentVersion - 1)}</MessageBarTitle>«{view.acta.correctionReason}»
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
