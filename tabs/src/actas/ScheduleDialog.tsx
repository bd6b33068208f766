import {
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MeResponse, Modality, PlenariaInput, PlenariaKind, PlenariasResponse, QuarterId, ScheduleResponse } from '@okr/core';
import { useMemo, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { msg, quarterLabel } from '../core.js';
import { defaultPlenariaDate, locationProblem, suggestedSigners, todayInBogota } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import { PersonPicker } from './ActaBits.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { FormDialog } from '../ui/FormDialog.js';


const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The entity-wide unit choice of a plenaria mayor (unitId null). */
const ENTITY = '__entidad__';

type Errors = Partial<Record<'unit' | 'date' | 'startTime' | 'location' | 'presiding' | 'secretary', string>>;

export interface ScheduleDialogProps {
  api: ActasApi;
  me: MeResponse;
  quarter: QuarterId;
  data: PlenariasResponse;
  /** The unit selected on the page, chosen first when the person may schedule for it. */
  preferredUnitId: string | null;
  onClose: () => void;
  onSaved: (result: ScheduleResponse) => void;
}

/** «Programar plenaria»: kind, unit, date and time, modality and place or link, who presides and the secretary. */
export default function ScheduleDialog({ api, me, quarter, data, preferredUnitId, onClose, onSaved }: ScheduleDialogProps) {
  const styles = useStyles();
  const can = data.canSchedule;
  const kinds = useMemo(() => {
    const list: PlenariaKind[] = [];
    if (can.menorUnitIds.length > 0) list.push('menor');
    if (can.mayorUnitIds.length > 0 || can.entityWide) list.push('mayor');
    if (can.entityWide) list.push('dialogo');
    if (can.validation) list.push('validacion');
    return list;
  }, [can]);
  const unitName = useMemo(() => {
    const names = new Map(me.units.map((u) => [u.id, u.name]));
    for (const s of data.plenarias) if (s.plenaria.unitId) names.set(s.plenaria.unitId, s.unitName);
    return (id: string) => (id === ENTITY ? a.entityWide : (names.get(id) ?? id));
  }, [me.units, data.plenarias]);
  const unitsFor = (k: PlenariaKind): string[] => (k === 'menor' ? can.menorUnitIds : k === 'mayor' ? [...(can.entityWide ? [ENTITY] : []), ...can.mayorUnitIds] : [ENTITY]);
  const firstUnit = (k: PlenariaKind) => {
    const options = unitsFor(k);
    return preferredUnitId && options.includes(preferredUnitId) ? preferredUnitId : (options[0] ?? ENTITY);
  };
  const signersFor = (k: PlenariaKind, unit: string) => suggestedSigners(k, unit === ENTITY ? null : { id: unit, name: unitName(unit) }, data.people, me);

  const initialKind = kinds[0] ?? 'menor';
  const initialUnit = firstUnit(initialKind);
  const initialSigners = signersFor(initialKind, initialUnit);
  const [kind, setKind] = useState<PlenariaKind>(initialKind);
  const [unit, setUnit] = useState(initialUnit);
  const [date, setDate] = useState(() => defaultPlenariaDate(quarter, todayInBogota()));
  const [startTime, setStartTime] = useState('09:00');
  const [modality, setModality] = useState<Modality>('presencial');
  const [location, setLocation] = useState('');
  const [presidingId, setPresidingId] = useState(initialSigners.presidingId);
  const [secretaryId, setSecretaryId] = useState(initialSigners.secretaryId);
  const [touchedSigners, setTouchedSigners] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [serverError, setServerError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const choose = (k: PlenariaKind, u: string) => {
    setKind(k);
    setUnit(u);
    if (!touchedSigners) {
      const s = signersFor(k, u);
      setPresidingId(s.presidingId);
      setSecretaryId(s.secretaryId);
    }
  };

  /** A signer chosen by hand: changing the kind or the unit no longer suggests others. */
  const pickSigner = (set: (id: string) => void) => (id: string) => {
    setTouchedSigners(true);
    set(id);
  };

  function check(): Errors {
    const e: Errors = {};
    if (kind === 'menor' && (unit === ENTITY || !unit)) e.unit = msg.actas.menorNeedsUnit;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) e.date = a.dateRequired;
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(startTime)) e.startTime = a.timeRequired;
    const place = locationProblem(modality, location);
    if (place) e.location = place;
    if (!presidingId) e.presiding = a.presidingRequired;
    if (!secretaryId) e.secretary = a.secretaryRequired;
    else if (secretaryId === presidingId) e.secretary = msg.actas.sameSigner;
    return e;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setServerError(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input: PlenariaInput = {
      kind,
      unitId: kind === 'dialogo' || unit === ENTITY ? null : unit,
      date,
      startTime,
      modality,
      location: location.trim(),
      presidingId,
      secretaryId,
    };
    setSaving(true);
    try {
      onSaved(await api.schedulePlenaria(input));
    } catch (error) {
      setServerError((error as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const units = unitsFor(kind);
  return (
    <FormDialog
      title={a.scheduleTitle(quarterLabel(quarter))}
      intro={
        <Caption1 id="schedule-intro" className={styles.muted}>
          {a.scheduleIntro}
        </Caption1>
      }
      error={serverError}
      errorTestId="schedule-error"
      onSubmit={submit}
      onCancel={onClose}
      busy={saving}
      cancelLabel={a.cancel}
      submitLabel={a.scheduleSave}
      busyLabel={a.scheduling}
      submitTestId="schedule-save"
      describedBy="schedule-intro"
      surfaceClassName={styles.surface}
    >
      <Field label={a.kindLabel} hint={a.kindHints[kind]}>
        <RadioGroup value={kind} onChange={(_, d) => choose(d.value as PlenariaKind, firstUnit(d.value as PlenariaKind))} data-testid="schedule-kind">
          {kinds.map((k) => (
            <Radio key={k} value={k} label={a.kindLabels[k]} data-testid={`schedule-kind-${k}`} />
          ))}
        </RadioGroup>
      </Field>
      {kind !== 'dialogo' && (
        <ChoiceDropdown label={a.unitLabel} required validationMessage={errors.unit} value={unit} options={units} optionLabel={unitName} onChange={(u) => choose(kind, u)} testId="schedule-unit" />
      )}
      <div className={styles.row}>
        <Field label={a.dateLabel} required validationMessage={errors.date} hint={kind === 'mayor' ? a.mayorDateHint : undefined}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} data-testid="schedule-date" />
        </Field>
        <Field label={a.timeLabel} required validationMessage={errors.startTime}>
          <Input type="time" value={startTime} onChange={(_, d) => setStartTime(d.value)} data-testid="schedule-time" />
        </Field>
      </div>
      <Field label={a.modalityLabel}>
        <RadioGroup layout="horizontal" value={modality} onChange={(_, d) => setModality(d.value as Modality)} data-testid="schedule-modality">
          {(['presencial', 'virtual', 'mixta'] as const).map((m) => (
            <Radio key={m} value={m} label={a.modalityLabels[m]} data-testid={`schedule-modality-${m}`} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={a.locationLabels[modality]} required validationMessage={errors.location} hint={a.locationHints[modality]}>
        <Input type={modality === 'virtual' ? 'url' : 'text'} value={location} onChange={(_, d) => setLocation(d.value)} placeholder={modality === 'presencial' ? a.placePlaceholder : 'https://teams.microsoft.com/l/meetup-join/…'} data-testid="schedule-location" />
      </Field>
      <div className={styles.row}>
        <Field label={a.presidingLabel} required validationMessage={errors.presiding} hint={a.presidingHint}>
          <PersonPicker people={data.people} value={presidingId} onChange={pickSigner(setPresidingId)} testId="schedule-presiding" />
        </Field>
        <Field label={a.secretaryLabel} required validationMessage={errors.secretary} hint={a.secretaryHint}>
          <PersonPicker people={data.people} value={secretaryId} onChange={pickSigner(setSecretaryId)} testId="schedule-secretary" />
        </Field>
      </div>
    </FormDialog>
  );
}
