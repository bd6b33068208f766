import { Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { CheckInError, KeyResultView, OkrTreeView } from '@okr/core';
import { useState } from 'react';
import { ApiRequestError } from '../api/http.js';
import type { OkrApi } from '../api/okr.js';
import { expectedKeyResultValue, periodLabel, typedNumber, validateCheckIn } from '../core.js';
import { formatBaselineTarget, formatKrValue } from './format.js';
import { okrText as t } from './strings.js';
import { DialogSubject, FormDialog } from '../ui/FormDialog.js';

export interface CheckInDialogProps {
  api: OkrApi;
  unitId: string;
  period: string;
  kr: KeyResultView;
  /** Progress expected today from the time elapsed in the quarter (the tree's `expected`, 0..1). */
  expected: number;
  onClose(): void;
  onSaved(tree: OkrTreeView): void;
}

/**
 * "Reportar avance" from the tab: the same three fields as the bot's card, checked with the same
 * core validation before sending, and again by the server (which has the last word).
 */
export default function CheckInDialog({ api, unitId, period, kr, expected, onClose, onSaved }: CheckInDialogProps) {
  const thisMonth = kr.latest?.period === period ? kr.latest : null;
  const lastMonth = kr.history.filter((h) => h.period < period).at(-1) ?? null;
  const [value, setValue] = useState(thisMonth ? typedNumber(thisMonth.value) : kr.kind === 'milestone' ? '0' : '');
  /** The version of this month's check-in this dialog edits (compare-and-set); after a conflict, the one now stored. */
  const [version, setVersion] = useState<number | null>(thisMonth?.version ?? null);
  const [comment, setComment] = useState(thisMonth?.comment ?? '');
  const [evidenceUrl, setEvidenceUrl] = useState(thisMonth?.evidenceUrl ?? '');
  const [errors, setErrors] = useState<CheckInError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = (field: CheckInError['field']) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    const problem = e.message.slice(e.message.indexOf(': ') + 2); // drop "«KR» — Campo: ", the field shows both
    return problem.charAt(0).toUpperCase() + problem.slice(1);
  };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setServerError(null);
    const draft = { keyResultId: kr.id, value, comment, evidenceUrl, version };
    const checked = validateCheckIn(kr, draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    setSaving(true);
    try {
      const { tree } = await api.checkIn(unitId, period, draft);
      onSaved(tree);
    } catch (error) {
      // Someone else saved it meanwhile: the message says what it says now and who saved it; what was typed stays, and saving again replaces it knowingly.
      const current = error instanceof ApiRequestError && error.status === 409 ? (error.details as { current?: Array<{ keyResultId: string; version: number }> } | undefined)?.current?.find((c) => c.keyResultId === kr.id) : undefined;
      if (current) setVersion(current.version);
      setServerError((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDialog
      title={t.reportTitle(periodLabel(period))}
      intro={
        <DialogSubject
          name={kr.title}
          detail={[
            formatBaselineTarget(kr),
            lastMonth ? t.reportLast(periodLabel(lastMonth.period), formatKrValue(kr, lastMonth.value)) : t.reportNoLast,
            ...(kr.kind === 'milestone' ? [] : [t.reportExpected(formatKrValue(kr, expectedKeyResultValue(kr, expected)))]),
          ].join(' · ')}
        />
      }
      error={serverError}
      errorTestId="checkin-server-error"
      onSubmit={submit}
      onCancel={onClose}
      busy={saving}
      cancelLabel={t.reportCancel}
      submitLabel={t.reportSave}
      busyLabel={t.reportSaving}
      submitTestId="checkin-save"
    >
      {kr.kind === 'milestone' ? (
        <Field label={t.reportMilestone} validationMessage={errorFor('value')}>
          <RadioGroup value={value} onChange={(_, d) => setValue(d.value)}>
            <Radio value="1" label={t.milestoneDone} />
            <Radio value="0" label={t.milestoneNotDone} />
          </RadioGroup>
        </Field>
      ) : (
        <Field label={kr.kind === 'percentage' ? t.reportValuePercent : t.reportValue(kr.unitOfMeasure)} required validationMessage={errorFor('value')}>
          <Input value={value} onChange={(_, d) => setValue(d.value)} inputMode="decimal" data-testid="checkin-value" />
        </Field>
      )}
      <Field label={t.reportComment} required validationMessage={errorFor('comment')} hint={t.reportCommentHint}>
        <Textarea value={comment} onChange={(_, d) => setComment(d.value)} maxLength={2000} resize="vertical" data-testid="checkin-comment" />
      </Field>
      <Field label={t.reportEvidence} required validationMessage={errorFor('evidenceUrl')}>
        <Input type="url" value={evidenceUrl} onChange={(_, d) => setEvidenceUrl(d.value)} placeholder="https://…" data-testid="checkin-evidence" />
      </Field>
    </FormDialog>
  );
}
