import { Field } from '@fluentui/react-components';
import { DatePicker, type DatePickerProps } from '@fluentui/react-datepicker-compat';
import { useMemo, useState } from 'react';
import { formatDate, parseTypedDate } from '../core.js';
import { datePickerText as t } from '../../../core/src/i18n/es-CO/tab/datePicker.js';

/** A calendar day («2026-12-15») as the picker's local `Date`, and back: no time zone ever shifts the day. */
const toLocal = (iso: string): Date | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
};
const toIso = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const STRINGS: DatePickerProps['strings'] = {
  ...t.calendar,
  months: [...t.calendar.months],
  shortMonths: [...t.calendar.shortMonths],
  days: [...t.calendar.days],
  shortDays: [...t.calendar.shortDays],
};

export interface DateFieldProps {
  label: string;
  /** The day chosen, as «2026-12-15», or '' for none. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  /** What the form found wrong (a missing date, a date before the plenaria…). */
  validationMessage?: string | undefined;
  hint?: string | undefined;
  /** The first day that may be chosen («2026-12-01»). */
  min?: string | undefined;
  testId?: string;
}

/**
 * The date field of every form of the tab: Fluent's calendar with Spanish names (Monday first, as in
 * Colombia) and the day written «15 dic 2026», whatever the browser's language; a date can also be
 * typed day first («15/12/2026»), and what cannot be read as a date is said under the field. Its
 * value is always a calendar day, never an instant.
 */
export function DateField({ label, value, onChange, required, validationMessage, hint, min, testId }: DateFieldProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const minDate = useMemo(() => (min ? (toLocal(min) ?? undefined) : undefined), [min]);
  return (
    <Field label={label} required={required} validationMessage={problem ?? validationMessage} hint={hint}>
      <DatePicker
        value={toLocal(value)}
        onSelectDate={(d) => {
          setProblem(null);
          onChange(d ? toIso(d) : '');
        }}
        formatDate={(d) => (d ? formatDate(toIso(d), 'short') : '')}
        parseDateFromString={(text) => {
          const iso = parseTypedDate(text);
          return iso ? toLocal(iso) : null;
        }}
        onValidationResult={({ error }) => setProblem(error === 'invalid-input' ? t.invalid : error === 'out-of-bounds' && min ? t.outOfBounds(formatDate(min)) : null)}
        allowTextInput
        firstDayOfWeek={1}
        strings={STRINGS}
        minDate={minDate}
        placeholder={t.placeholder}
        data-testid={testId}
      />
    </Field>
  );
}
