import { Caption1, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Modality, Plenaria, PlenariaChangeResponse } from '@okr/core';
import { useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { isCalendarDate, formatDate } from '../core.js';
import { actasText as a } from './strings.js';
import { FormDialog } from '../ui/FormDialog.js';
import { WhenWhereFields, whenWhereErrors } from './WhenWhereFields.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Errors = Partial<Record<'date' | 'startTime' | 'location' | 'link' | 'reason', string>>;

export interface ChangePlenariaDialogProps {
  api: ActasApi;
  mode: 'reschedule' | 'cancel';
  plenaria: Plenaria;
  unitName: string;
  onClose: () => void;
  onDone: (result: PlenariaChangeResponse) => void;
}

const MAX_REASON = 2000;

/**
 * «Reprogramar» / «Cancelar plenaria»: a new date, time, modality and place (or none, to cancel),
 * and the reason, which the audit trail keeps and the people told in Teams read.
 */
export default function ChangePlenariaDialog({ api, mode, plenaria, unitName, onClose, onDone }: ChangePlenariaDialogProps) {
  const styles = useStyles();
  // A stored date that does not exist is not offered back.
  const [date, setDate] = useState(isCalendarDate(plenaria.date) ? plenaria.date : '');
  const [startTime, setStartTime] = useState(plenaria.startTime);
  const [modality, setModality] = useState<Modality>(plenaria.modality);
  const [location, setLocation] = useState(plenaria.location);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const kind = a.kindLabels[plenaria.kind];

  function check(): Errors {
    const e: Errors = {};
    if (!reason.trim()) e.reason = a.reasonRequired;
    return mode === 'cancel' ? e : { ...e, ...whenWhereErrors({ date, startTime, modality, location }) };
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setServerError(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      onDone(
        mode === 'cancel'
          ? await api.cancelPlenaria(plenaria.id, reason.trim())
          : await api.reschedulePlenaria(plenaria.id, { date, startTime, modality, location: location.trim(), reason: reason.trim() }),
      );
    } catch (error) {
      setServerError((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const reasonField = (
    <Field label={a.reasonLabel} required validationMessage={errors.reason} hint={a.reasonHint}>
      <Textarea value={reason} onChange={(_, d) => setReason(d.value.slice(0, MAX_REASON))} rows={3} resize="vertical" data-testid="change-reason" />
    </Field>
  );
  return (
    <FormDialog
      title={mode === 'cancel' ? a.cancelTitle(kind, unitName, formatDate(plenaria.date, 'weekday')) : a.rescheduleTitle(kind, unitName)}
      intro={
        <Caption1 id="change-intro" className={styles.muted}>
          {mode === 'cancel' ? a.cancelIntro : a.rescheduleIntro}
        </Caption1>
      }
      error={serverError}
      errorTestId="change-error"
      onSubmit={submit}
      onCancel={onClose}
      busy={saving}
      cancelLabel={a.keep}
      submitLabel={mode === 'cancel' ? a.cancelSave : a.rescheduleSave}
      busyLabel={mode === 'cancel' ? a.cancelling : a.rescheduling}
      submitTestId="change-save"
      describedBy="change-intro"
      surfaceClassName={styles.surface}
    >
      {mode === 'reschedule' && (
        <WhenWhereFields
          value={{ date, startTime, modality, location }}
          onChange={(v) => (setDate(v.date), setStartTime(v.startTime), setModality(v.modality), setLocation(v.location))}
          errors={errors}
          testIdPrefix="change"
        />
      )}
      {reasonField}
    </FormDialog>
  );
}
