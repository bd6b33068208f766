import { Caption1, Field, Input, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { Modality, Plenaria, PlenariaChangeResponse } from '@okr/core';
import { useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { isCalendarDate } from '../core.js';
import { formatDay, locationProblem } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import { FormDialog } from '../ui/FormDialog.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Errors = Partial<Record<'date' | 'startTime' | 'location' | 'reason', string>>;

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
    if (mode === 'cancel') return e;
    if (!isCalendarDate(date)) e.date = a.dateRequired;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime)) e.startTime = a.timeRequired;
    const place = locationProblem(modality, location);
    if (place) e.location = place;
    return e;
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
      title={mode === 'cancel' ? a.cancelTitle(kind, unitName, isCalendarDate(plenaria.date) ? formatDay(plenaria.date) : plenaria.date) : a.rescheduleTitle(kind, unitName)}
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
        <>
          <div className={styles.row}>
            <Field label={a.dateLabel} required validationMessage={errors.date}>
              <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} data-testid="change-date" />
            </Field>
            <Field label={a.timeLabel} required validationMessage={errors.startTime}>
              <Input type="time" value={startTime} onChange={(_, d) => setStartTime(d.value)} data-testid="change-time" />
            </Field>
          </div>
          <Field label={a.modalityLabel}>
            <RadioGroup layout="horizontal" value={modality} onChange={(_, d) => setModality(d.value as Modality)} data-testid="change-modality">
              {(['presencial', 'virtual', 'mixta'] as const).map((m) => (
                <Radio key={m} value={m} label={a.modalityLabels[m]} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={a.locationLabels[modality]} required validationMessage={errors.location} hint={a.locationHints[modality]}>
            <Input type={modality === 'virtual' ? 'url' : 'text'} value={location} onChange={(_, d) => setLocation(d.value)} data-testid="change-location" />
          </Field>
        </>
      )}
      {reasonField}
    </FormDialog>
  );
}
