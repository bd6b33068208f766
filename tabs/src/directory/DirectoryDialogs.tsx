/** The Directorio's forms: assign a role, replace who holds one, end one, retire a person, a unit's data, deactivate it, an objective. */
import { Caption1, Checkbox, Dropdown, Field, Input, Option, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import type { AssignmentView, DirectoryChangeResult, DirectoryPersonView, DirectoryView, DirectoryUnit, EntraPick, PersonChoice, Role, StrategicObjective, Unit } from '@okr/core';
import { useContext, useState, type FormEvent } from 'react';
import { ENTITY_ROLES, ROLES } from '../../../core/src/directory.js';
import { unitLevelLabels } from '../../../core/src/i18n/es-CO/directory.js';
import type { DirectoryApi } from '../api/directory.js';
import { roleLabels } from '../core.js';
import { errorMessage } from '../errorMessage.js';
import { DialogSubject, FormDialog } from '../ui/FormDialog.js';
import { PersonPicker, TeamsPeopleContext } from '../ui/PersonPicker.js';
import { directoryText as d } from './strings.js';
import { DateField } from '../ui/DateField.js';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(600px, calc(100vw - 24px))' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 180px), 1fr))', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type DialogState =
  | { kind: 'assign'; unit: DirectoryUnit | null }
  | { kind: 'replace'; assignment: AssignmentView }
  | { kind: 'end'; assignment: AssignmentView }
  | { kind: 'leave'; person: DirectoryPersonView }
  | { kind: 'unit'; unit: DirectoryUnit | null }
  | { kind: 'deactivate'; unit: DirectoryUnit }
  | { kind: 'objective'; vigencia: number; objective: StrategicObjective | null };

interface Props {
  api: DirectoryApi;
  view: DirectoryView;
  state: DialogState;
  onClose: () => void;
  onDone: (result: DirectoryChangeResult, note: string) => void;
}

/** A form that saves through `run`, showing the server's Spanish refusal in place. */
function useSave(onDone: Props['onDone']) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (run: () => Promise<DirectoryChangeResult>, note: (r: DirectoryChangeResult) => string = () => d.saved) => {
    setBusy(true);
    setError(null);
    try {
      const result = await run();
      onDone(result, note(result));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, save };
}

const common = { cancelLabel: d.cancel, submitLabel: d.save, busyLabel: d.saving } as const;

/** Who takes a role: a person of the directory, or one picked in Teams' own picker (registered on saving). */
function PersonField({ view, value, onChange, error }: { view: DirectoryView; value: PersonChoice | null; onChange: (c: PersonChoice | null) => void; error?: string }) {
  const teams = useContext(TeamsPeopleContext);
  const styles = useStyles();
  const active = view.people.filter((p) => p.active);
  const picked = value && 'entra' in value ? value.entra : null;
  return (
    <Field label={d.fields.person} required validationMessage={error} hint={teams ? d.fields.personHintTeams : d.fields.personHint}>
      <PersonPicker
        people={active}
        value={value && 'personId' in value ? value.personId : ''}
        onChange={(id) => onChange(id ? { personId: id } : null)}
        onEntraPick={(pick: EntraPick) => {
          const known = view.people.find((p) => p.email.toLowerCase() === pick.email.toLowerCase());
          onChange(known ? { personId: known.id } : { entra: pick });
        }}
        ariaLabel={d.fields.person}
        testId="directory-person"
      />
      {picked && <Caption1 className={styles.muted}>{d.picked(picked.displayName, picked.email)}</Caption1>}
    </Field>
  );
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function DirectoryDialog({ api, view, state, onClose, onDone }: Props) {
  const styles = useStyles();
  const { busy, error, save } = useSave(onDone);
  const [person, setPerson] = useState<PersonChoice | null>(null);
  const [date, setDate] = useState(view.today);
  const [role, setRole] = useState<Role>(state.kind === 'assign' && state.unit ? 'enlace' : 'eti');
  const [unitForm, setUnitForm] = useState(() => {
    const u = state.kind === 'unit' ? state.unit : null;
    return { id: u?.id ?? '', name: u?.name ?? '', kind: u?.kind ?? ('central' as Unit['kind']), level: u?.level ?? ('direccion' as Unit['level']), parentId: u?.parentId ?? null };
  });
  const [objective, setObjective] = useState(() => {
    const o = state.kind === 'objective' ? state.objective : null;
    return { code: o?.code ?? '', title: o?.title ?? '', active: o?.active ?? true };
  });
  const [missing, setMissing] = useState<{ person?: string; date?: string }>({});
  const nameOf = (id: string | null) => (id ? (view.units.find((u) => u.id === id)?.name ?? id) : d.fields.noParent);
  const check = (needsPerson: boolean) => {
    const m = { ...(needsPerson && !person ? { person: d.personRequired } : {}), ...(!isDate(date) ? { date: d.dateRequired } : {}) };
    setMissing(m);
    return Object.keys(m).length === 0;
  };
  const submit = (event: FormEvent, fn: () => void) => {
    event.preventDefault();
    fn();
  };
  const welcomeNote = (r: DirectoryChangeResult, name: string) => (r.welcomed === undefined ? d.saved : r.welcomed ? d.welcomed(name) : d.notWelcomed(name));
  const chosenName = () => (person ? ('personId' in person ? (view.people.find((p) => p.id === person.personId)?.name ?? '') : person.entra.displayName) : '');
  const dateField = (label: string) => (
    <DateField label={label} required validationMessage={missing.date} value={date} onChange={setDate} testId="directory-date" />
  );

  switch (state.kind) {
    case 'assign': {
      const roles = ROLES.filter((r) => (state.unit ? !ENTITY_ROLES.has(r) : ENTITY_ROLES.has(r)));
      return (
        <FormDialog {...common} title={state.unit ? d.assignTitle(state.unit.name) : d.assignEntityTitle} intro={null} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => check(true) && void save(() => api.assign({ person: person!, role, unitId: state.unit?.id ?? null, from: date }), (r) => welcomeNote(r, chosenName())))}>
          <PersonField view={view} value={person} onChange={setPerson} error={missing.person} />
          <div className={styles.row}>
            <Field label={d.fields.role} required>
              <Dropdown value={roleLabels[role]} selectedOptions={[role]} onOptionSelect={(_, o) => o.optionValue && setRole(o.optionValue as Role)} data-testid="directory-role">
                {roles.map((r) => (
                  <Option key={r} value={r}>{roleLabels[r]}</Option>
                ))}
              </Dropdown>
            </Field>
            {dateField(d.fields.from)}
          </div>
        </FormDialog>
      );
    }
    case 'replace': {
      const a = state.assignment;
      return (
        <FormDialog {...common} title={d.replaceTitle(roleLabels[a.role], a.personName)} intro={<DialogSubject name={a.unitName ?? roleLabels[a.role]} detail={d.replaceIntro(a.from)} />} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => check(true) && void save(() => api.replaceAssignment(a.id, { person: person!, date, version: a.version }), (r) => welcomeNote(r, chosenName())))}>
          <PersonField view={view} value={person} onChange={setPerson} error={missing.person} />
          {dateField(d.fields.date)}
        </FormDialog>
      );
    }
    case 'end': {
      const a = state.assignment;
      return (
        <FormDialog {...common} title={d.endTitle(roleLabels[a.role], a.personName)} intro={<DialogSubject name={a.unitName ?? roleLabels[a.role]} detail={d.replaceIntro(a.from)} />} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => check(false) && void save(() => api.endAssignment(a.id, date, a.version)))}>
          {dateField(d.fields.lastDay)}
        </FormDialog>
      );
    }
    case 'leave':
      return (
        <FormDialog {...common} title={d.leaveTitle(state.person.name)} intro={<Caption1>{d.leaveIntro}</Caption1>} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => check(false) && void save(() => api.deactivatePerson(state.person.id, date)))}>
          {dateField(d.fields.lastDay)}
        </FormDialog>
      );
    case 'deactivate':
      return (
        <FormDialog {...common} title={d.deactivateTitle(state.unit.name)} intro={<Caption1>{d.deactivateIntro}</Caption1>} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => check(false) && void save(() => api.deactivateUnit(state.unit.id, date)))}>
          {dateField(d.fields.lastDay)}
        </FormDialog>
      );
    case 'unit': {
      const editing = state.unit;
      const parents = view.units.filter((u) => u.active && u.id !== editing?.id);
      const set = (patch: Partial<typeof unitForm>) => setUnitForm((f) => ({ ...f, ...patch }));
      return (
        <FormDialog {...common} title={editing ? d.unitTitleEdit(editing.name) : d.unitTitleNew} intro={null} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => void save(() => api.saveUnit({ ...(editing ? { id: editing.id, version: editing.version } : unitForm.id ? { id: unitForm.id } : {}), name: unitForm.name, kind: unitForm.kind, level: unitForm.level, parentId: unitForm.parentId })))}>
          <Field label={d.fields.name} required>
            <Input value={unitForm.name} onChange={(_, v) => set({ name: v.value })} data-testid="unit-name" />
          </Field>
          {!editing && (
            <Field label={d.fields.id} hint={d.fields.idHint}>
              <Input value={unitForm.id} onChange={(_, v) => set({ id: v.value.toLowerCase() })} data-testid="unit-id" />
            </Field>
          )}
          <div className={styles.row}>
            <Field label={d.fields.kind}>
              <Dropdown value={d.kinds[unitForm.kind]} selectedOptions={[unitForm.kind]} onOptionSelect={(_, o) => o.optionValue && set({ kind: o.optionValue as Unit['kind'], ...(o.optionValue === 'alcaldia' ? { level: 'alcaldia' as const } : {}) })}>
                {(['central', 'alcaldia'] as const).map((k) => (
                  <Option key={k} value={k}>{d.kinds[k]}</Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={d.fields.level}>
              <Dropdown value={unitLevelLabels[unitForm.level]} selectedOptions={[unitForm.level]} onOptionSelect={(_, o) => o.optionValue && set({ level: o.optionValue as Unit['level'] })}>
                {(Object.keys(unitLevelLabels) as Array<Unit['level']>).map((l) => (
                  <Option key={l} value={l}>{unitLevelLabels[l]}</Option>
                ))}
              </Dropdown>
            </Field>
          </div>
          <Field label={d.fields.parent}>
            <Dropdown value={nameOf(unitForm.parentId)} selectedOptions={[unitForm.parentId ?? '']} onOptionSelect={(_, o) => set({ parentId: o.optionValue ? o.optionValue : null })} data-testid="unit-parent">
              <Option value="">{d.fields.noParent}</Option>
              {parents.map((u) => (
                <Option key={u.id} value={u.id}>{u.name}</Option>
              ))}
            </Dropdown>
          </Field>
        </FormDialog>
      );
    }
    case 'objective':
      return (
        <FormDialog {...common} title={d.objectiveTitle(state.vigencia)} intro={null} error={error} errorTestId="directory-error" busy={busy} onCancel={onClose} submitTestId="directory-save" surfaceClassName={styles.surface}
          onSubmit={(e) => submit(e, () => void save(() => api.saveObjective({ ...(state.objective ? { id: state.objective.id } : {}), vigencia: state.vigencia, code: objective.code, title: objective.title, active: objective.active })))}>
          <Field label={d.objectiveHeaders.code} required>
            <Input value={objective.code} onChange={(_, v) => setObjective((o) => ({ ...o, code: v.value }))} data-testid="objective-code" />
          </Field>
          <Field label={d.objectiveHeaders.title} required>
            <Textarea value={objective.title} onChange={(_, v) => setObjective((o) => ({ ...o, title: v.value }))} resize="vertical" data-testid="objective-title" />
          </Field>
          <Checkbox checked={objective.active} onChange={(_, v) => setObjective((o) => ({ ...o, active: Boolean(v.checked) }))} label={d.objectiveActive} />
        </FormDialog>
      );
  }
}
