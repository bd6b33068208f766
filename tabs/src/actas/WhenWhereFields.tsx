import { Field, Input, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { Modality } from '@okr/core';
import { useState } from 'react';
import { isCalendarDate, msg } from '../core.js';
import { joinMixta, locationProblem, placeAndLink } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import { DateField } from '../ui/DateField.js';
import { TimeInput } from '../ui/TimeInput.js';

const useStyles = makeStyles({
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

export interface WhenWhere {
  date: string;
  startTime: string;
  modality: Modality;
  location: string;
}

export interface WhenWhereFieldsProps {
  value: WhenWhere;
  onChange: (value: WhenWhere) => void;
  /** `location`: the place (or, for a virtual one, the link); `link`: a mixed one's Teams link. */
  errors: Partial<Record<'date' | 'startTime' | 'location' | 'link', string>>;
  /** `schedule` or `change`: the fields' test ids (`schedule-date`, …). */
  testIdPrefix: string;
  dateHint?: string;
}

/** What is wrong with when and where, field by field (the server checks again). */
export function whenWhereErrors(value: WhenWhere): WhenWhereFieldsProps['errors'] {
  const e: WhenWhereFieldsProps['errors'] = {};
  if (!isCalendarDate(value.date)) e.date = a.dateRequired;
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value.startTime)) e.startTime = a.timeRequired;
  if (value.modality === 'mixta') {
    // Two fields: the place and the link, each with its own message.
    const { place, link } = placeAndLink(value.location);
    if (!place) e.location = msg.actas.placeRequired;
    if (!link) e.link = msg.actas.linkRequired;
    else if (locationProblem('virtual', link)) e.link = msg.actas.linkHttps;
    return e;
  }
  const place = locationProblem(value.modality, value.location);
  if (place) e.location = place;
  return e;
}

/** When and where a plenaria is: its date and start time, its modality, and its place or Teams link — scheduling it and moving it. */
export function WhenWhereFields({ value, onChange, errors, testIdPrefix: id, dateHint }: WhenWhereFieldsProps) {
  const styles = useStyles();
  const set = (change: Partial<WhenWhere>) => onChange({ ...value, ...change });
  // A mixed plenaria's two fields keep what is typed in each (the stored text joins them).
  const [mixta, setMixta] = useState(() => {
    const { place, link } = placeAndLink(value.location);
    return { place, link: link ?? '' };
  });
  const setPart = (part: Partial<typeof mixta>) => {
    const next = { ...mixta, ...part };
    setMixta(next);
    set({ location: joinMixta(next.place, next.link) });
  };
  // Changing the modality keeps what applies: the place, the link, or both.
  const changeModality = (modality: Modality) => {
    const parts = value.modality === 'mixta' ? mixta : value.modality === 'presencial' ? { place: value.location, link: '' } : { place: '', link: value.location };
    if (modality === 'mixta') setMixta(parts);
    set({ modality, location: modality === 'mixta' ? joinMixta(parts.place, parts.link) : modality === 'presencial' ? parts.place : parts.link });
  };
  return (
    <>
      <div className={styles.row}>
        <DateField label={a.dateLabel} required validationMessage={errors.date} hint={dateHint} value={value.date} onChange={(date) => set({ date })} testId={`${id}-date`} />
        <Field label={a.timeLabel} required validationMessage={errors.startTime}>
          <TimeInput value={value.startTime} onChange={(startTime) => set({ startTime })} testId={`${id}-time`} />
        </Field>
      </div>
      <Field label={a.modalityLabel}>
        <RadioGroup layout="horizontal" value={value.modality} onChange={(_, d) => changeModality(d.value as Modality)} data-testid={`${id}-modality`}>
          {(['presencial', 'virtual', 'mixta'] as const).map((m) => (
            <Radio key={m} value={m} label={a.modalityLabels[m]} data-testid={`${id}-modality-${m}`} />
          ))}
        </RadioGroup>
      </Field>
      {value.modality === 'mixta' ? (
        <div className={styles.row}>
          <Field label={a.locationLabels.presencial} required validationMessage={errors.location} hint={a.locationHints.presencial}>
            <Input value={mixta.place} onChange={(_, d) => setPart({ place: d.value })} placeholder={a.placePlaceholder} data-testid={`${id}-location`} />
          </Field>
          <Field label={a.locationLabels.virtual} required validationMessage={errors.link} hint={a.locationHints.virtual}>
            <Input type="url" value={mixta.link} onChange={(_, d) => setPart({ link: d.value })} placeholder="https://teams.microsoft.com/l/meetup-join/…" data-testid={`${id}-link`} />
          </Field>
        </div>
      ) : (
        <Field label={a.locationLabels[value.modality]} required validationMessage={errors.location} hint={a.locationHints[value.modality]}>
          <Input
            type={value.modality === 'virtual' ? 'url' : 'text'}
            value={value.location}
            onChange={(_, d) => set({ location: d.value })}
            placeholder={value.modality === 'presencial' ? a.placePlaceholder : 'https://teams.microsoft.com/l/meetup-join/…'}
            data-testid={`${id}-location`}
          />
        </Field>
      )}
    </>
  );
}
