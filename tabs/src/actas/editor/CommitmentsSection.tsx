import { Button, Caption1, Field, Textarea } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { ActaDraft, PersonRef } from '@okr/core';
import { newItemId } from '../actaHelpers.js';
import { actasText as a } from '../strings.js';
import { PersonPicker } from '../../ui/PersonPicker.js';
import { Section, useActaStyles } from './ActaLayout.js';
import type { DraftProps } from './DraftFields.js';
import { formatDate } from '../../core.js';
import { DateField } from '../../ui/DateField.js';

type Commitment = ActaDraft['commitments'][number];

/** The commitments the plenaria made, each with its owner and due date (not before the plenaria). */
export function CommitmentsSection({ people, nameOf, minDate, draft, editable, update }: DraftProps & { people: readonly PersonRef[]; nameOf: (personId: string) => string; minDate: string }) {
  const styles = useActaStyles();
  return (
    <Section title={a.fields.commitments} intro={editable ? a.hints.commitments : undefined}>
      {editable ? (
        <CommitmentsEditor items={draft.commitments} people={people} minDate={minDate} onChange={(x) => update((c) => void (c.commitments = x))} />
      ) : draft.commitments.length === 0 ? (
        <Caption1 data-testid="acta-commitments">{a.none}</Caption1>
      ) : (
        <ul className={styles.list} data-testid="acta-commitments">
          {draft.commitments.map((c) => (
            <li key={c.id}>
              <strong>{c.task}</strong>
              <br />
              <Caption1 className={styles.muted}>{a.commitmentLine(nameOf(c.ownerId), c.due ? formatDate(c.due, 'short') : '—')}</Caption1>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function CommitmentsEditor({ items, people, minDate, onChange }: { items: Commitment[]; people: readonly PersonRef[]; minDate: string; onChange: (items: Commitment[]) => void }) {
  const styles = useActaStyles();
  const set = (i: number, patch: Partial<Commitment>) => onChange(items.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className={styles.list} data-testid="acta-commitments">
      {items.map((c, i) => (
        <div key={c.id} className={styles.item} data-testid={`acta-commitment-${i + 1}`} data-commitment-id={c.id}>
          <div className={styles.itemHead}>
            <strong>{a.commitmentN(i + 1)}</strong>
            <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={a.removeCommitment(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))} />
          </div>
          <Field label={a.commitmentTask}>
            <Textarea value={c.task} resize="vertical" rows={2} onChange={(_, x) => set(i, { task: x.value })} data-testid={`acta-commitment-task-${i + 1}`} />
          </Field>
          <div className={styles.itemGrid}>
            <Field label={a.commitmentOwner}>
              <PersonPicker people={people} value={c.ownerId} onChange={(id) => set(i, { ownerId: id })} testId={`acta-commitment-owner-${i + 1}`} />
            </Field>
            <DateField label={a.commitmentDue} min={minDate} value={c.due} onChange={(due) => set(i, { due })} testId={`acta-commitment-due-${i + 1}`} />
          </div>
        </div>
      ))}
      <div>
        <Button size="small" icon={<Add16Regular />} onClick={() => onChange([...items, { id: newItemId('c'), task: '', ownerId: '', due: '' }])} data-testid="acta-add-commitment">
          {a.addCommitment}
        </Button>
      </div>
    </div>
  );
}
