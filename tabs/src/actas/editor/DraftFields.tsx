/** The fields of the acta's draft that are a text or a list of texts: editable, or as read. */
import { Field, Textarea } from '@fluentui/react-components';
import type { ActaDraft } from '@okr/core';
import { actasText as a } from '../strings.js';
import { ListEditor, TextList } from '../ActaBits.js';
import { ReadText, Section, useCompact } from './ActaLayout.js';
import type { UpdateDraft } from './useActaDraft.js';


/** What every part of the draft gets: the working copy, whether the person may change it, and how. */
export interface DraftProps {
  draft: ActaDraft;
  editable: boolean;
  update: UpdateDraft;
}

type TextField = 'objective' | 'development' | 'conversations' | 'feedback';
type ListField = 'guests' | 'agenda' | 'proposals' | 'decisions';

/** «Punto 2 del orden del día» and «Agregar punto», for each list. */
const LIST_LABELS: Record<ListField, { item: (n: number) => string; add: string; placeholder?: string }> = {
  guests: { item: a.guestItem, add: a.addGuest, placeholder: a.guestPlaceholder },
  agenda: { item: a.agendaItem, add: a.addAgenda },
  proposals: { item: a.proposalItem, add: a.addProposal },
  decisions: { item: a.decisionItem, add: a.addDecision },
};

/** A text of the acta; `bare` when its section's heading already names it. */
export function DraftText({ field, rows, bare = false, draft, editable, update }: DraftProps & { field: TextField; rows: number; bare?: boolean }) {
  const compact = useCompact();
  if (!editable) return <ReadText label={bare ? null : a.fields[field]} text={draft[field]} testId={`acta-${field}`} />;
  return (
    <Field label={bare ? undefined : a.fields[field]} hint={compact ? undefined : a.hints[field]}>
      <Textarea
        value={draft[field]}
        resize="vertical"
        rows={compact ? Math.min(rows, 3) : rows}
        onChange={(_, x) => update((c) => void (c[field] = x.value))}
        aria-label={bare ? a.fields[field] : undefined}
        data-testid={`acta-${field}`}
      />
    </Field>
  );
}

/** A list of short texts of the acta: one a line, Enter adds the next. */
export function DraftList({ field, draft, editable, update }: DraftProps & { field: ListField }) {
  const labels = LIST_LABELS[field];
  if (!editable) return <TextList items={draft[field]} empty={a.none} testId={`acta-${field}`} />;
  return <ListEditor items={draft[field]} onChange={(x) => update((c) => void (c[field] = x))} itemLabel={labels.item} addLabel={labels.add} testId={`acta-${field}`} placeholder={labels.placeholder} />;
}

/** A section of the acta that is one list (agenda, proposals, decisions), with its hint while it is being written. */
export function ListSection(props: DraftProps & { field: Exclude<ListField, 'guests'> }) {
  return (
    <Section title={a.fields[props.field]} intro={props.editable ? a.hints[props.field] : undefined}>
      <DraftList {...props} />
    </Section>
  );
}
