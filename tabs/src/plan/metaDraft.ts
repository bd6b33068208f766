import type { Meta, PlanSaveRequest, ProgrammingType, Quarterly } from '@okr/core';
import { parseLocaleNumber } from './core.js';

/** A meta as the editor holds it: numbers as typed ("12,5"), so nothing is lost while typing. */
export interface MetaDraft extends Omit<PlanSaveRequest['metas'][number], 'totalMagnitude' | 'programmed' | 'weight'> {
  totalMagnitude: string;
  programmed: [string, string, string, string];
  weight: string;
}

const show = (v: number | null) => (v === null ? '' : String(v).replace('.', ','));

export function draftOf(meta: Meta): MetaDraft {
  const { id, order, statement, strategicObjectiveId, processObjective, indicator, programmingType, deliverables, responsibleUnitId, local, transversal, leadUnitId, supervisorUnitId } = meta;
  const rest = { id, order, statement, strategicObjectiveId, processObjective, indicator: { ...indicator }, programmingType, deliverables, responsibleUnitId, local, transversal, leadUnitId, supervisorUnitId };
  return { ...rest, totalMagnitude: show(meta.totalMagnitude), programmed: meta.programmed.map(show) as MetaDraft['programmed'], weight: show(meta.weight) };
}

export function emptyMeta(order: number, unitId: string, taken: readonly string[]): MetaDraft {
  let n = order;
  while (taken.includes(`m${n}`)) n++;
  return {
    id: `m${n}`,
    order,
    statement: '',
    strategicObjectiveId: '',
    processObjective: '',
    indicator: { name: '', numerator: '', denominator: '', formula: '', unit: '' },
    programmingType: 'suma' as ProgrammingType,
    totalMagnitude: '',
    programmed: ['', '', '', ''],
    deliverables: '',
    weight: '',
    responsibleUnitId: unitId,
    local: false,
    transversal: false,
    leadUnitId: null,
    supervisorUnitId: null,
  };
}

/** A typed number: null when empty, NaN when it is not a number (the rules then refuse it by name). */
export const numberOf = (s: string): number | null => (s.trim() === '' ? null : (parseLocaleNumber(s) ?? Number.NaN));

export function metaOf(d: MetaDraft, order: number): PlanSaveRequest['metas'][number] {
  return { ...d, order, totalMagnitude: numberOf(d.totalMagnitude) ?? Number.NaN, programmed: d.programmed.map(numberOf) as Quarterly, weight: numberOf(d.weight) ?? 0 };
}

/** A meta as the rules read it (for the live checks). */
export const asMeta = (d: MetaDraft, order: number): Meta => ({ ...metaOf(d, order), eliminated: false, modifiedInVersion: null });
