import { Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { CheckInError, KeyResultView, OkrTreeView, OpenMonthView } from '@okr/core';
import { useState } from 'react';
import { ApiRequestError } from '../api/http.js';
import type { OkrApi } from '../api/okr.js';
import { expectedKeyResultValue, periodLabel, periodTitle, typedNumber, unitMonthStateForUnit as monthStateLabels, validateCheckIn } from '../core.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { formatBaselineTarget, formatKrValue } from './format.js';
import { okrText as t } from './strings.js';
import { DialogSubject, FormDialog } from '../ui/FormDialog.js';

export interface CheckInDialogProps {
  api: OkrApi;
  unitId: string;
  /** The months of the key result's quarter still open for reports (at least one). */
  months: OpenMonthView[];
  /** The month it opens on: a correction pending, else the earliest with something missing. */
  initialPeriod: string;
  kr: KeyResultView;
  /** Progress expected today from the time elapsed in the quarter (the tree's `expected`, 0..1). */
  expected: number;
  onClose(): void;
  onSaved(tree: OkrTreeView): void;
}

/** What the form starts from for a month: what is stored for the key result, or empty. */
function startFrom(kr: KeyResultView, month: OpenMonthView | undefined) {
  const stored = month?.checkIns[kr.id];
  return {
    value: stored ? typedNumber(stored.value) : kr.kind === 'milestone' ? '0' : '',
    comment: stored?.comment ?? '',
    evidenceUrl: stored?.evidenceUrl ?? '',
    version: stored?.version ?? null,
  };
}

/**
 * "Reportar avance" from the tab: the month (any month still open: the ETI has not closed it), and
 * the same three fields as the bot's card, checked with the same core validation before sending,
 * and again by the server (which has the last word). The ETI's observation on this key result, if
 * a correction is pending, is shown above the fields.
 */
export default function CheckInDialog({ api, unitId, months, initialPeriod, kr, expected, onClose, onSaved }: CheckInDialogProps) {
  const [period, setPeriod] = useState(initialPeriod);
  const month = months.find((m) => m.period === period);
  const start = startFrom(kr, month);
  const lastMonth = kr.history.filter((h) => h.period < period).at(-1) ?? null;
  const [value, setValue] = useState(start.value);
  const [comment, setComment] = useState(start.comment);
  const [evidenceUrl, setEvidenceUrl] = useState(start.evidenceUrl);
  /** The version of the month's check-in this dialog edits (compare-and-set); after a conflict, the one now stored. */
  const [version, setVersion] = useState<number | null>(start.version);
  const [errors, setErrors] = useState<CheckInError[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errorFor = (field: CheckInError['field']) => {
    const e = errors.find((x) => x.field === field);
    if (!e) return undefined;
    const problem = e.message.slice(e.message.indexOf(': ') + 2); // drop "«KR» — Campo: ", the field shows both
    return problem.charAt(0).toUpperCase() + problem.slice(1);
  };
  const choose = (next: string) => {
    const from = startFrom(kr, months.find((m) => m.period === next));
    setPeriod(next);
    setValue(from.value);
    setComment(from.comment);
    setEvidenceUrl(from.evidenceUrl);
    setVersion(from.version);
    setErrors([]);
    setServerError(null);
  };
  const observation = month?.correction?.observations.find((o) => o.keyResultId === kr.id)?.text ?? null;
  const general = month?.correction?.note ?? null;

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
      {months.length > 1 ? (
        <ChoiceDropdown
          label={t.reportMonth}
          value={period}
          options={months.map((m) => m.period)}
          optionLabel={(p) => t.reportMonthOption(periodTitle(p), monthStateLabels[months.find((m) => m.period === p)!.state])}
          onChange={choose}
          testId="checkin-month"
        />
      ) : null}
      {observation && (
        <MessageBar intent="warning" layout="multiline" data-testid="checkin-observation">
          <MessageBarBody>{t.reportCorrection(observation)}</MessageBarBody>
        </MessageBar>
      )}
      {general && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t.reportCorrectionGeneral(general)}</MessageBarBody>
        </MessageBar>
      )}
      {month?.corrected.includes(kr.id) && (
        <MessageBar intent="success">
          <MessageBarBody>{t.reportCorrected}</MessageBarBody>
        </MessageBar>
      )}
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
