import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { actasText as a } from '../strings.js';
import { FormDialog } from '../../ui/FormDialog.js';


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
    <FormDialog
      title={a.correctTitle(version + 1)}
      intro={<p style={{ margin: 0 }}>{a.correctIntro(version)}</p>}
      error={error}
      errorTestId="acta-correct-error"
      onSubmit={(e) => {
        e.preventDefault();
        if (!reason.trim()) setProblem(a.correctReasonRequired);
        else {
          setProblem(null);
          onConfirm(reason.trim());
        }
      }}
      onCancel={onCancel}
      busy={busy}
      cancelLabel={a.cancel}
      submitLabel={a.correctConfirm}
      busyLabel={a.correcting}
      submitTestId="acta-correct-confirm"
    >
      <Field label={a.correctReason} required validationMessage={problem ?? undefined} hint={a.correctReasonHint}>
        <Textarea value={reason} onChange={(_, x) => setReason(x.value)} resize="vertical" data-testid="acta-correct-reason" />
      </Field>
    </FormDialog>
  );
}
