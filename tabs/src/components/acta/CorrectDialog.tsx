import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, MessageBar, MessageBarBody, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { t } from '../../strings.js';

const a = t.actas;

export interface CorrectDialogProps {
  /** The signed version being corrected; the correction is the next one. */
  version: number;
  busy: boolean;
  /** Why the last attempt failed. */
  error: string | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}

/** Opens a corrected version of a signed acta, asking why (the reason goes on the new version). */
export function CorrectDialog({ version, busy, error, onCancel, onConfirm }: CorrectDialogProps) {
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
