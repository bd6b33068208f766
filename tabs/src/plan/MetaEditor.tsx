import { Button, Checkbox, Dropdown, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Option, Textarea, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import type { InstitutionalObjective, ProgrammingType, UnitRef } from '@okr/core';
import type { ReactNode } from 'react';
import { PROGRAMMING_TYPES, programmingTypeHelp, programmingTypeLabels } from './core.js';
import type { MetaDraft } from './metaDraft.js';
import { Checks } from './planUi.js';
import { planText as p } from './strings.js';
import { useSurfaceStyles } from '../ui/surfaceStyles.js';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 220px), 1fr))', gap: tokens.spacingHorizontalM },
  quarters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(110px, 1fr))', gap: tokens.spacingHorizontalM },
  wide: { gridColumn: '1 / -1' },
  dropdown: { minWidth: 0, width: '100%' },
  flags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/** The indicator's text fields: its key in the draft, its label in `planText.fields`, how long it may be. */
const INDICATOR_FIELDS = [
  ['name', 'indicatorName', 300],
  ['numerator', 'numerator', 300],
  ['denominator', 'denominator', 300],
  ['formula', 'formula', 300],
  ['unit', 'unit', 60],
] as const satisfies ReadonlyArray<readonly [keyof MetaDraft['indicator'], keyof typeof p.fields, number]>;

/** A unit chosen from a list; `selectedName` is found among every unit, so a unit outside the list still shows by name. */
function UnitPicker({ label, placeholder, options, selected, selectedName, onSelect }: { label: string; placeholder?: string; options: readonly UnitRef[]; selected: string | null; selectedName: string; onSelect: (unitId: string | undefined) => void }) {
  const styles = useStyles();
  return (
    <Field label={label}>
      <Dropdown className={styles.dropdown} placeholder={placeholder} value={selectedName} selectedOptions={selected ? [selected] : []} onOptionSelect={(_, d) => onSelect(d.optionValue)}>
        {options.map((u) => (
          <Option key={u.id} value={u.id}>
            {u.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** A titled note above or below the fields (the OAP's observations, what is wrong). */
function TitledNote({ intent, title, testId, children }: { intent: 'warning' | 'error'; title: string; testId?: string; children: ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface MetaEditorProps {
  draft: MetaDraft;
  index: number;
  objectives: readonly InstitutionalObjective[];
  units: readonly UnitRef[];
  planUnitKind: 'central' | 'alcaldia';
  checks: ReadonlyArray<{ ok: boolean; message: string }>;
  errors: readonly string[];
  observations: readonly string[];
  onChange: (draft: MetaDraft) => void;
  onRemove: () => void;
}

/** One meta of the plan, every element of F017/F018's formulation, with its live checks. */
export function MetaEditor({ draft, index, objectives, units, planUnitKind, checks, errors, observations, onChange, onRemove }: MetaEditorProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const set = <K extends keyof MetaDraft>(key: K, value: MetaDraft[K]) => onChange({ ...draft, [key]: value });
  const ind = (key: keyof MetaDraft['indicator'], value: string) => onChange({ ...draft, indicator: { ...draft.indicator, [key]: value } });
  const central = units.filter((u) => u.kind === 'central');
  const f = p.fields;
  const n = index + 1;
  const id = (k: string) => `meta-${draft.id}-${k}`;
  const unitName = (uid: string | null) => units.find((u) => u.id === uid)?.name ?? '';
  return (
    <section className={mergeClasses(surface.card, styles.card)} aria-labelledby={id('title')} data-testid={`meta-editor-${n}`}>
      <div className={styles.head}>
        <h3 id={id('title')} className={styles.h3}>
          {p.metaHeading(n)}
        </h3>
        <Button appearance="subtle" icon={<Delete20Regular />} onClick={onRemove} aria-label={p.removeMeta(n)} title={p.removeMeta(n)} />
      </div>
      {observations.length > 0 && (
        <TitledNote intent="warning" title={p.observationsOf}>
          {observations.join(' · ')}
        </TitledNote>
      )}
      <div className={styles.grid}>
        <Field label={f.statement} className={styles.wide} required>
          <Textarea value={draft.statement} onChange={(_, d) => set('statement', d.value)} maxLength={600} resize="vertical" data-testid={`meta-${n}-statement`} />
        </Field>
        <Field label={f.objective}>
          <Dropdown
            className={styles.dropdown}
            placeholder={f.objectivePlaceholder}
            value={objectives.find((o) => o.id === draft.strategicObjectiveId)?.code ?? ''}
            selectedOptions={draft.strategicObjectiveId ? [draft.strategicObjectiveId] : []}
            onOptionSelect={(_, d) => d.optionValue && set('strategicObjectiveId', d.optionValue)}
          >
            {objectives.map((o) => (
              <Option key={o.id} value={o.id} text={o.code}>
                {`${o.code} — ${o.title}`}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={f.processObjective}>
          <Input value={draft.processObjective} onChange={(_, d) => set('processObjective', d.value)} maxLength={400} />
        </Field>
        {INDICATOR_FIELDS.map(([key, label, maxLength]) => (
          <Field key={key} label={f[label]}>
            <Input value={draft.indicator[key]} onChange={(_, d) => ind(key, d.value)} maxLength={maxLength} />
          </Field>
        ))}
        <Field label={f.type} hint={programmingTypeHelp[draft.programmingType]}>
          <Dropdown
            className={styles.dropdown}
            value={programmingTypeLabels[draft.programmingType]}
            selectedOptions={[draft.programmingType]}
            onOptionSelect={(_, d) => d.optionValue && set('programmingType', d.optionValue as ProgrammingType)}
            data-testid={`meta-${n}-type`}
          >
            {PROGRAMMING_TYPES.map((t) => (
              <Option key={t} value={t}>
                {programmingTypeLabels[t]}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <div className={styles.quarters}>
        <Field label={f.total}>
          <Input value={draft.totalMagnitude} onChange={(_, d) => set('totalMagnitude', d.value)} inputMode="decimal" data-testid={`meta-${n}-total`} />
        </Field>
        {draft.programmed.map((v, q) => (
          <Field key={q} label={f.quarter(q + 1)}>
            <Input
              value={v}
              inputMode="decimal"
              onChange={(_, d) => set('programmed', draft.programmed.map((x, i) => (i === q ? d.value : x)) as MetaDraft['programmed'])}
              data-testid={`meta-${n}-q${q + 1}`}
            />
          </Field>
        ))}
        <Field label={f.weight}>
          <Input value={draft.weight} onChange={(_, d) => set('weight', d.value)} inputMode="decimal" data-testid={`meta-${n}-weight`} />
        </Field>
      </div>
      <div className={styles.grid}>
        <Field label={f.deliverables} className={styles.wide}>
          <Textarea value={draft.deliverables} onChange={(_, d) => set('deliverables', d.value)} maxLength={800} resize="vertical" />
        </Field>
        <UnitPicker label={f.responsible} options={units} selected={draft.responsibleUnitId} selectedName={unitName(draft.responsibleUnitId)} onSelect={(v) => v && set('responsibleUnitId', v)} />
        <div className={mergeClasses(styles.flags, styles.wide)}>
          <Checkbox checked={draft.local} onChange={(_, d) => set('local', d.checked === true)} label={f.local} />
          <Checkbox checked={draft.transversal} onChange={(_, d) => set('transversal', d.checked === true)} label={f.transversal} />
        </div>
        {(draft.local || draft.transversal) && (
          <UnitPicker label={f.lead} placeholder={f.leadPlaceholder} options={central} selected={draft.leadUnitId} selectedName={unitName(draft.leadUnitId)} onSelect={(v) => set('leadUnitId', v ?? null)} />
        )}
        {planUnitKind === 'alcaldia' && (
          <UnitPicker label={f.supervisor} placeholder={f.supervisorPlaceholder} options={central} selected={draft.supervisorUnitId} selectedName={unitName(draft.supervisorUnitId)} onSelect={(v) => set('supervisorUnitId', v ?? null)} />
        )}
      </div>
      {errors.length > 0 && (
        <TitledNote intent="error" title={p.errors} testId={`meta-${n}-errors`}>
          {errors.join(' ')}
        </TitledNote>
      )}
      <Field label={p.checks}>
        <Checks checks={checks} testId={`meta-${n}-checks`} />
      </Field>
    </section>
  );
}
