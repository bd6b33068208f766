import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarActions, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  detail: { color: tokens.colorNeutralForeground3 },
});

export interface FormDialogProps {
  title: ReactNode;
  /** What the form is about, above the server's refusal and the fields. */
  intro: ReactNode;
  /** The form's submit (Enter or the primary button); the form does its own validation (`noValidate`). */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** «Cancelar», Escape or a click outside. */
  onCancel: () => void;
  /** While saving: both buttons are disabled and the primary one shows `busyLabel`. */
  busy: boolean;
  cancelLabel: string;
  submitLabel: string;
  busyLabel: string;
  submitTestId: string;
  /** Why the last submit was refused, shown under the intro; `errorActions` go with it. */
  error: string | null;
  errorTestId: string;
  errorActions?: ReactNode;
  /** The id of the text that describes the dialog, if there is one. */
  describedBy?: string;
  surfaceClassName?: string;
  /** The fields, stacked. */
  children: ReactNode;
}

/** A modal form: its title, what it is about, the server's refusal if any, its fields and «Cancelar» / submit. */
export function FormDialog(props: FormDialogProps) {
  const { title, intro, onSubmit, onCancel, busy, cancelLabel, submitLabel, busyLabel, submitTestId, error, errorTestId, errorActions, describedBy, surfaceClassName, children } = props;
  const styles = useStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={surfaceClassName} aria-describedby={describedBy}>
        <form onSubmit={onSubmit} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.content}>
              {intro}
              {error && (
                <MessageBar intent="error" layout="multiline" data-testid={errorTestId}>
                  <MessageBarBody>{error}</MessageBarBody>
                  {errorActions && <MessageBarActions>{errorActions}</MessageBarActions>}
                </MessageBar>
              )}
              {children}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onCancel} disabled={busy}>
                {cancelLabel}
              </Button>
              <Button appearance="primary" type="submit" disabled={busy} data-testid={submitTestId}>
                {busy ? busyLabel : submitLabel}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

/** What a confirmation asks: a form with no fields, whose submit confirms. */
export type ConfirmDialogProps = Omit<FormDialogProps, 'onSubmit' | 'children'> & { onConfirm: () => void };

/** A modal that asks to confirm one step: its title, what it will do, the server's refusal if any, «Cancelar» / confirm. */
export function ConfirmDialog({ onConfirm, ...props }: ConfirmDialogProps) {
  return (
    <FormDialog
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        onConfirm();
      }}
    >
      {null}
    </FormDialog>
  );
}

/** The intro of a form about one thing: its name, and under it the facts that tell it apart. */
export function DialogSubject({ name, detail }: { name: string; detail: string }) {
  const styles = useStyles();
  return (
    <div>
      <strong>{name}</strong>
      <div className={styles.detail}>{detail}</div>
    </div>
  );
}
