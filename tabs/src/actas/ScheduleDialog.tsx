import {
  Caption1,
  Field,
  Radio,
  RadioGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MeResponse, Modality, PlenariaInput, PlenariaKind, PlenariasResponse, QuarterId, ScheduleResponse } from '@okr/core';
import { useMemo, useState } from 'react';
import type { ActasApi } from '../api/actas.js';
import { formatDate, msg, quarterLabel } from '../core.js';
import { defaultPlenariaDate, suggestedSigners, todayInBogota } from './actaHelpers.js';
import { actasText as a } from './strings.js';
import { PersonPicker } from '../ui/PersonPicker.js';
import { ChoiceDropdown } from '../ui/ChoiceDropdown.js';
import { FormDialog } from '../ui/FormDialog.js';
import { WhenWhereFields, whenWhereErrors } from './WhenWhereFields.js';


const useStyles = makeStyles({
  surface: { maxWidth: 'min(640px, calc(100vw - 24px))' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The entity-wide unit choice of a plenaria mayor (unitId null). */
const ENTITY = '__entidad__';

type Errors = Partial<Record<'unit' | 'date' | 'startTime' | 'location' | 'link' | 'presiding' | 'secretary', string>>;

export interface ScheduleDialogProps {
  api: ActasApi;
  me: MeResponse;
  quarter: QuarterId;
  data: PlenariasResponse;
  /** The unit selected on the page, chosen first when the person may schedule for it. */
  preferredUnitId: string | null;
  onClose: () => void;
  onSaved: (result: ScheduleResponse) => void;
  /** «Programar la siguiente»: the form starts from the next session of a monthly series (the previous one's date), to confirm. */
  next?: { input: PlenariaInput; after: string };
}

/** «Programar plenaria»: kind, unit, date and time, modality and place or link, who presides and the secretary. */
export default function ScheduleDialog({ api, me, quarter, data, preferredUnitId, onClose, onSaved, next }: ScheduleDialogProps) {
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

  const from = next?.input;
  const initialKind = from?.kind ?? kinds[0] ?? 'menor';
  const initialUnit = from ? (from.unitId ?? ENTITY) : firstUnit(initialKind);
  const initialSigners = from ?? signersFor(initialKind, initialUnit);
  const [kind, setKind] = useState<PlenariaKind>(initialKind);
  const [unit, setUnit] = useState(initialUnit);
  const [date, setDate] = useState(() => from?.date ?? defaultPlenariaDate(quarter, todayInBogota()));
  const [startTime, setStartTime] = useState(from?.startTime ?? '09:00');
  const [modality, setModality] = useState<Modality>(from?.modality ?? 'presencial');
  const [location, setLocation] = useState(from?.location ?? '');
  const [presidingId, setPresidingId] = useState(initialSigners.presidingId);
  const [secretaryId, setSecretaryId] = useState(initialSigners.secretaryId);
  // The series' signers are the previous session's: changing nothing keeps them.
  const [touchedSigners, setTouchedSigners] = useState(Boolean(from));
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
    Object.assign(e, whenWhereErrors({ date, startTime, modality, location }));
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
  // Before anything is typed, the pickers offer the unit's líder and enlace (or the Secretario/a).
  const signers = signersFor(kind, unit);
  const suggested = [signers.presidingId, signers.secretaryId].filter(Boolean);
  return (
    <FormDialog
      title={next ? a.scheduleNextTitle : a.scheduleTitle(quarterLabel(quarter))}
      intro={
        <Caption1 id="schedule-intro" className={styles.muted}>
          {next ? a.scheduleNextIntro(formatDate(next.after)) : a.scheduleIntro}
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
      <WhenWhereFields
        value={{ date, startTime, modality, location }}
        onChange={(v) => (setDate(v.date), setStartTime(v.startTime), setModality(v.modality), setLocation(v.location))}
        errors={errors}
        testIdPrefix="schedule"
        {...(kind === 'mayor' ? { dateHint: a.mayorDateHint } : {})}
      />
      <div className={styles.row}>
        <Field label={a.presidingLabel} required validationMessage={errors.presiding} hint={a.presidingHint}>
          <PersonPicker people={data.people} value={presidingId} onChange={pickSigner(setPresidingId)} suggestions={suggested} ariaLabel={a.presidingLabel} testId="schedule-presiding" />
        </Field>
        <Field label={a.secretaryLabel} required validationMessage={errors.secretary} hint={a.secretaryHint}>
          <PersonPicker people={data.people} value={secretaryId} onChange={pickSigner(setSecretaryId)} suggestions={suggested} ariaLabel={a.secretaryLabel} testId="schedule-secretary" />
        </Field>
      </div>
    </FormDialog>
  );
}
