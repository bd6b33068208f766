import { Button, Caption1, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import type { PersonRef, Recognition } from '@okr/core';
import { newItemId } from '../actaHelpers.js';
import { actasText as a } from '../strings.js';
import { PersonPicker } from '../../ui/PersonPicker.js';
import { Section, useActaStyles } from './ActaLayout.js';
import { DraftText, type DraftProps } from './DraftFields.js';


/** Conversations, feedback and recognitions (CFR): what the team talked over, the feedback given, and who was recognized for what. */
export function CfrSection({ people, nameOf, ...draftProps }: DraftProps & { people: readonly PersonRef[]; nameOf: (personId: string) => string }) {
  const styles = useActaStyles();
  const { draft, editable, update } = draftProps;
  return (
    <Section title={a.sectionCfr} intro={editable ? a.cfrIntro : undefined}>
      <DraftText field="conversations" rows={4} {...draftProps} />
      <DraftText field="feedback" rows={4} {...draftProps} />
      <div>
        <h4 className={styles.h4}>{a.fields.recognitions}</h4>
        {editable ? (
          <RecognitionsEditor items={draft.recognitions} people={people} onChange={(x) => update((c) => void (c.recognitions = x))} />
        ) : draft.recognitions.length === 0 ? (
          <Caption1 data-testid="acta-recognitions">{a.none}</Caption1>
        ) : (
          <ul className={styles.list} data-testid="acta-recognitions">
            {draft.recognitions.map((r) => (
              <li key={r.id}>
                <strong>{r.personId ? nameOf(r.personId) : r.team}</strong> — {r.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Section>
  );
}

/** Each recognition: to a person of the directory or to a team, and why. */
function RecognitionsEditor({ items, people, onChange }: { items: Recognition[]; people: readonly PersonRef[]; onChange: (items: Recognition[]) => void }) {
  const styles = useActaStyles();
  const set = (i: number, patch: Partial<Recognition>) => onChange(items.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className={styles.list} data-testid="acta-recognitions">
      {items.map((r, i) => {
        const toTeam = r.personId === null;
        return (
          <div key={r.id} className={styles.item} data-testid={`acta-recognition-${i + 1}`}>
            <div className={styles.itemHead}>
              <strong>{a.recognitionN(i + 1)}</strong>
              <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={a.removeRecognition(i + 1)} onClick={() => onChange(items.filter((_, j) => j !== i))} />
            </div>
            <RadioGroup
              layout="horizontal"
              aria-label={a.recognitionTo(i + 1)}
              value={toTeam ? 'team' : 'person'}
              onChange={(_, x) => set(i, x.value === 'team' ? { personId: null, team: r.team ?? '' } : { personId: r.personId ?? '', team: null })}
            >
              <Radio value="person" label={a.toPerson} />
              <Radio value="team" label={a.toTeam} />
            </RadioGroup>
            {toTeam ? (
              <Field label={a.teamName}>
                <Input value={r.team ?? ''} onChange={(_, x) => set(i, { team: x.value })} placeholder={a.teamPlaceholder} data-testid={`acta-recognition-team-${i + 1}`} />
              </Field>
            ) : (
              <Field label={a.recognizedPerson}>
                <PersonPicker people={people} value={r.personId ?? ''} onChange={(id) => set(i, { personId: id })} testId={`acta-recognition-person-${i + 1}`} />
              </Field>
            )}
            <Field label={a.recognitionReason}>
              <Textarea value={r.reason} resize="vertical" rows={2} onChange={(_, x) => set(i, { reason: x.value })} data-testid={`acta-recognition-reason-${i + 1}`} />
            </Field>
          </div>
        );
      })}
      <div>
        <Button size="small" icon={<Add16Regular />} onClick={() => onChange([...items, { id: newItemId('r'), personId: '', team: null, reason: '' }])} data-testid="acta-add-recognition">
          {a.addRecognition}
        </Button>
      </div>
    </div>
  );
}
