/**
 * The editor's working copy of a set: plain data the form edits, turned into the API's content and
 * into core's objects for the live shape check and quality alerts.
 */
import type { KeyResult, KeyResultKind, Objective, OkrSetBundle } from '@okr/core';
import type { SetContentInput } from '../api/formulation.js';
import { msg, readNumber, typedNumber } from '../core.js';

export interface DraftKr {
  id: string;
  title: string;
  kind: KeyResultKind;
  unitOfMeasure: string;
  /** As typed: es-CO numbers ("45,5"). */
  baseline: string;
  target: string;
  /** Who answers for it in the unit (a person of the directory), or none yet. */
  ownerId: string | null;
}

export interface DraftTactical {
  id: string;
  title: string;
  keyResults: DraftKr[];
}

export interface SetDraft {
  institutionalObjectiveId: string;
  strategicTitle: string;
  tactical: DraftTactical[];
}

let counter = 0;
export const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

export const emptyKr = (): DraftKr => ({ id: newId('kr'), title: '', kind: 'percentage', unitOfMeasure: '%', baseline: '0', target: '100', ownerId: null });
export const emptyTactical = (): DraftTactical => ({ id: newId('ot'), title: '', keyResults: [emptyKr(), emptyKr(), emptyKr()] });
export const emptyDraft = (institutionalObjectiveId: string): SetDraft => ({
  institutionalObjectiveId,
  strategicTitle: '',
  tactical: [emptyTactical(), emptyTactical(), emptyTactical()],
});

/** A baseline or target as typed, by the one es-CO rule (core's `readNumber`); NaN when it is not one number. */
const num = (raw: string): number => {
  const reading = readNumber(raw);
  return reading.kind === 'number' ? reading.value : Number.NaN;
};
const show = typedNumber;

export function draftFromBundle(bundle: OkrSetBundle): SetDraft {
  const strategic = bundle.objectives.find((o) => o.level === 'strategic');
  return {
    institutionalObjectiveId: bundle.set.institutionalObjectiveId,
    strategicTitle: strategic?.title ?? '',
    tactical: bundle.objectives
      .filter((o) => o.level === 'tactical')
      .sort((a, b) => a.order - b.order)
      .map((o) => ({
        id: o.id,
        title: o.title,
        keyResults: bundle.keyResults
          .filter((k) => k.objectiveId === o.id)
          .sort((a, b) => a.order - b.order)
          .map((k) => ({ id: k.id, title: k.title, kind: k.kind, unitOfMeasure: k.unitOfMeasure, baseline: show(k.baseline), target: show(k.target), ownerId: k.ownerId })),
      })),
  };
}

/** The draft as the API's content; direction follows baseline and target; milestones go 0 → 1. */
export function contentFromDraft(draft: SetDraft): SetContentInput {
  const strategicId = 'oe';
  const objectives: SetContentInput['objectives'] = [
    { id: strategicId, parentId: null, level: 'strategic', title: draft.strategicTitle.trim(), order: 0 },
    ...draft.tactical.map((t, i) => ({ id: t.id, parentId: strategicId, level: 'tactical' as const, title: t.title.trim(), order: i + 1 })),
  ];
  const keyResults = draft.tactical.flatMap((t) =>
    t.keyResults.map((k, i) => {
      const milestone = k.kind === 'milestone';
      const baseline = milestone ? 0 : num(k.baseline);
      const target = milestone ? 1 : num(k.target);
      return {
        id: k.id,
        objectiveId: t.id,
        title: k.title.trim(),
        kind: k.kind,
        unitOfMeasure: milestone ? 'hito' : k.kind === 'percentage' ? '%' : k.unitOfMeasure.trim() || 'unidades',
        baseline,
        target,
        direction: target < baseline ? ('decrease' as const) : ('increase' as const),
        ownerId: k.ownerId,
        order: i + 1,
      };
    }),
  );
  return { institutionalObjectiveId: draft.institutionalObjectiveId, objectives, keyResults };
}

/** Problems that stop a save (the alerts only warn): empty titles and numbers that are not numbers. */
export function blockingProblems(draft: SetDraft): string[] {
  const problems: string[] = [];
  if (!draft.strategicTitle.trim()) problems.push('Escribe el objetivo estratégico.');
  if (!draft.institutionalObjectiveId) problems.push('Elige el objetivo institucional al que se alinea.');
  draft.tactical.forEach((t, i) => {
    if (!t.title.trim()) problems.push(`Escribe el objetivo táctico ${i + 1}.`);
    t.keyResults.forEach((k, j) => {
      const label = `Resultado clave ${i + 1}.${j + 1}`;
      if (!k.title.trim()) problems.push(`${label}: escribe su título.`);
      if (k.kind === 'milestone') return;
      // «1.000» could be a thousand or one: asked, not guessed.
      const ambiguous = [k.baseline, k.target].map((raw) => ({ raw, reading: readNumber(raw) })).find((x) => x.reading.kind === 'ambiguous');
      if (ambiguous?.reading.kind === 'ambiguous') problems.push(`${label}: ${msg.checkIn.valueAmbiguous(ambiguous.raw.trim(), typedNumber(ambiguous.reading.readings[0]), typedNumber(ambiguous.reading.readings[1]))}`);
      else if (Number.isNaN(num(k.baseline)) || Number.isNaN(num(k.target))) problems.push(`${label}: la línea base y la meta deben ser números.`);
    });
  });
  return problems;
}

/** Core objects for the live checks. */
export function asCore(draft: SetDraft): { objectives: Objective[]; keyResults: KeyResult[] } {
  const content = contentFromDraft(draft);
  return {
    objectives: content.objectives.map((o) => ({ ...o, setId: 'draft' })),
    keyResults: content.keyResults.map((k) => ({ ...k, setId: 'draft' })),
  };
}
