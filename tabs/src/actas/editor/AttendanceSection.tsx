import { Caption1, Field } from '@fluentui/react-components';
import type { PersonRef } from '@okr/core';
import { actasText as a } from '../strings.js';
import { PeoplePicker } from '../../ui/PersonPicker.js';
import { ReadBlock, Section, useActaStyles, useCompact } from './ActaLayout.js';
import { DraftList, type DraftProps } from './DraftFields.js';


/** Who attended: people of the directory (with their job titles when read) and guests from outside it. */
export function AttendanceSection({ people, byId, plenariaId, ...draftProps }: DraftProps & { people: readonly PersonRef[]; byId: ReadonlyMap<string, PersonRef>; plenariaId: string }) {
  const styles = useActaStyles();
  const compact = useCompact();
  const { draft, editable, update } = draftProps;
  return (
    <Section title={a.sectionAttendance} intro={editable ? a.attendanceIntro : undefined}>
      {editable ? (
        <>
          <Field label={a.fields.attendeeIds} hint={compact ? undefined : a.hints.attendeeIds}>
            <PeoplePicker people={people} value={draft.attendeeIds} onChange={(ids) => update((c) => void (c.attendeeIds = ids))} ariaLabel={a.fields.attendeeIds} testId="acta-attendees" />
          </Field>
          <div>
            <h4 className={styles.h4} id={`guests-${plenariaId}`}>
              {a.fields.guests}
            </h4>
            {!compact && <Caption1 className={styles.muted}>{a.hints.guests}</Caption1>}
            <DraftList field="guests" {...draftProps} />
          </div>
        </>
      ) : (
        <>
          <ReadBlock label={a.fields.attendeeIds}>
            {draft.attendeeIds.length === 0 ? (
              <Caption1 data-testid="acta-attendees">{a.none}</Caption1>
            ) : (
              <ul className={styles.list} data-testid="acta-attendees">
                {draft.attendeeIds.map((id) => {
                  const person = byId.get(id);
                  return (
                    <li key={id}>
                      {person?.name ?? id}
                      {person?.jobTitle && <Caption1 className={styles.muted}>{` · ${person.jobTitle}`}</Caption1>}
                    </li>
                  );
                })}
              </ul>
            )}
          </ReadBlock>
          <ReadBlock label={a.fields.guests}>
            <DraftList field="guests" {...draftProps} />
          </ReadBlock>
        </>
      )}
    </Section>
  );
}
