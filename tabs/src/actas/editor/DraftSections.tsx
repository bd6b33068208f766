import { Field, makeStyles, tokens } from '@fluentui/react-components';
import type { Acta, IsoDate, PersonRef, Plenaria } from '@okr/core';
import { actasText as a } from '../strings.js';
import { TextList } from '../ActaBits.js';
import { ReadText, Section } from './ActaLayout.js';
import { AttendanceSection } from './AttendanceSection.js';
import { CfrSection } from './CfrSection.js';
import { CommitmentsSection } from './CommitmentsSection.js';
import { DraftText, ListSection, type DraftProps } from './DraftFields.js';
import { OkrResultsSection } from './OkrResultsSection.js';
import type { Busy } from './useActaActions.js';
import { TimeInput } from '../../ui/TimeInput.js';


const useStyles = makeStyles({
  row2: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 140px), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'start' },
});

export interface DraftSectionsProps extends DraftProps {
  plenaria: Plenaria;
  acta: Acta;
  /** The day the OKR results are of (ActaView.okrResultsOn). */
  resultsOn: IsoDate | null;
  /** The directory the people of the acta are chosen from. */
  people: readonly PersonRef[];
  byId: ReadonlyMap<string, PersonRef>;
  nameOf: (personId: string) => string;
  busy: Busy;
  /** Takes the OKR results again. */
  onRefreshResults: () => void;
}

/**
 * The acta's content, in the order of the format: meeting data, attendance, agenda, development,
 * the OKR results (a dialogue's proposals instead), CFR, decisions and commitments.
 */
export function DraftSections({ plenaria, acta, resultsOn, people, byId, nameOf, busy, onRefreshResults, ...draftProps }: DraftSectionsProps) {
  const styles = useStyles();
  const { draft, editable, update } = draftProps;
  const dialogue = plenaria.kind === 'dialogo';
  return (
    <>
      <Section title={a.sectionMeeting}>
        {editable ? (
          <div className={styles.row2}>
            <Field label={a.fields.startTime}>
              <TimeInput value={draft.startTime} onChange={(v) => update((c) => void (c.startTime = v))} testId="acta-start-time" />
            </Field>
            <Field label={a.fields.endTime}>
              <TimeInput value={draft.endTime} onChange={(v) => update((c) => void (c.endTime = v))} testId="acta-end-time" />
            </Field>
          </div>
        ) : (
          <ReadText label={a.fieldsHours} text={a.hoursRange(draft.startTime, draft.endTime)} testId="acta-hours" />
        )}
        <DraftText field="objective" rows={3} {...draftProps} />
      </Section>

      <AttendanceSection people={people} byId={byId} plenariaId={plenaria.id} {...draftProps} />

      <ListSection field="agenda" {...draftProps} />

      <Section title={a.fields.development}>
        <DraftText field="development" rows={8} bare {...draftProps} />
      </Section>

      {dialogue ? (
        <ListSection field="proposals" {...draftProps} />
      ) : (
        <OkrResultsSection kind={plenaria.kind} rows={acta.okrResults} snapshotAt={acta.snapshotAt} on={resultsOn} plenariaDate={plenaria.date} editable={editable} busy={busy} onRefresh={onRefreshResults} />
      )}

      <CfrSection people={people} nameOf={nameOf} {...draftProps} />

      {!dialogue && draft.proposals.some((x) => x.trim()) && (
        <Section title={a.fields.proposals}>
          <TextList items={draft.proposals} empty={a.none} />
        </Section>
      )}

      <ListSection field="decisions" {...draftProps} />

      <CommitmentsSection people={people} nameOf={nameOf} minDate={plenaria.date} {...draftProps} />
    </>
  );
}
