import type { KeyResult, Objective } from './types.js';
import { msg } from './i18n/es-CO.js';

/** A set's content as a draft arrives (the store's SetContent, without store types). */
export interface SetDraftContent {
  institutionalObjectiveId: string;
  objectives: ReadonlyArray<Pick<Objective, 'id' | 'parentId' | 'level'>>;
  keyResults: ReadonlyArray<Pick<KeyResult, 'id' | 'objectiveId' | 'ownerId'>>;
}

/**
 * What makes a draft impossible to store, in Spanish (empty: it can be stored): references that
 * point nowhere or twice — an unknown institutional objective, a parent or a key result's objective
 * that is not in the draft, duplicate ids, an owner who is not in the directory — and a tree that is
 * not one (no strategic objective, two of them, a strategic with a parent, a tactical without one).
 * The 1/3/9 shape itself is the coach's call: those are alerts, not errors (setQuality.ts).
 */
export function setDraftProblems(content: SetDraftContent, known: { institutionalObjectiveIds: ReadonlySet<string>; personIds: ReadonlySet<string> }): string[] {
  const m = msg.formulation.draft;
  const problems: string[] = [];
  if (!known.institutionalObjectiveIds.has(content.institutionalObjectiveId)) problems.push(m.unknownInstitutional(content.institutionalObjectiveId));
  const seen = new Set<string>();
  for (const { id } of [...content.objectives, ...content.keyResults]) {
    if (seen.has(id)) problems.push(m.duplicateId(id));
    seen.add(id);
  }
  const objectiveIds = new Set(content.objectives.map((o) => o.id));
  const strategic = content.objectives.filter((o) => o.level === 'strategic');
  if (strategic.length === 0) problems.push(m.noStrategic);
  if (strategic.length > 1) problems.push(m.twoStrategic(strategic.length));
  for (const o of content.objectives) {
    if (o.level === 'strategic' && o.parentId !== null) problems.push(m.strategicWithParent(o.id));
    if (o.level === 'tactical') {
      if (o.parentId === null) problems.push(m.tacticalWithoutParent(o.id));
      else if (!objectiveIds.has(o.parentId) || o.parentId === o.id) problems.push(m.unknownParent(o.id, o.parentId));
    }
  }
  for (const k of content.keyResults) {
    if (!objectiveIds.has(k.objectiveId)) problems.push(m.unknownObjective(k.id, k.objectiveId));
    if (k.ownerId !== null && !known.personIds.has(k.ownerId)) problems.push(m.unknownOwner(k.id, k.ownerId));
  }
  return problems;
}
