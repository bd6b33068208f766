/**
 * A meta's content: what is refused when saved (bad input: nothing is stored) and the coherence
 * checks the team and the OAP analyst see per meta (activity 4), computed here for both.
 */
import { planMessages as m } from '../i18n/es-CO/plan.js';
import { formatNumber } from './format.js';
import { PROGRAMMING, same } from './programming.js';
import type { MetaContent, ProgrammingType } from './types.js';
import { PROGRAMMING_TYPES } from './types.js';

/** Limits of a meta's texts and of a plan. */
export const META_LIMITS = {
  statement: 600,
  processObjective: 400,
  indicatorText: 300,
  unit: 60,
  deliverables: 800,
  metasPerPlan: 30,
} as const;

/** What the rules need to know of the directory. */
export interface MetaContext {
  /** Ids of the institutional strategic objectives. */
  objectiveIds: ReadonlySet<string>;
  /** Unit id → its kind. */
  units: ReadonlyMap<string, 'central' | 'alcaldia'>;
}

const shortName = (meta: Pick<MetaContent, 'statement' | 'order'>) => {
  const s = meta.statement.trim();
  return s ? (s.length > 60 ? `${s.slice(0, 59)}…` : s) : `Meta ${meta.order}`;
};

/** Spanish errors that make a meta unsaveable: a magnitude that is not a non-negative number, quarters that break the type, a reference to nothing. */
export function metaErrors(meta: MetaContent, ctx: MetaContext): string[] {
  const name = shortName(meta);
  const errors: string[] = [];
  const texts: Array<[string, string, number]> = [
    [meta.statement, 'la redacción de la meta', META_LIMITS.statement],
    [meta.processObjective, 'el objetivo del proceso', META_LIMITS.processObjective],
    [meta.indicator.name, 'el nombre del indicador', META_LIMITS.indicatorText],
    [meta.indicator.numerator, 'el numerador', META_LIMITS.indicatorText],
    [meta.indicator.denominator, 'el denominador', META_LIMITS.indicatorText],
    [meta.indicator.formula, 'la fórmula', META_LIMITS.indicatorText],
    [meta.indicator.unit, 'la unidad de medida', META_LIMITS.unit],
    [meta.deliverables, 'los entregables', META_LIMITS.deliverables],
  ];
  for (const [value, field, max] of texts) if (value.length > max) errors.push(m.tooLong(name, field, max));
  if (!meta.statement.trim()) errors.push(m.required(name, 'la redacción de la meta'));
  if (!PROGRAMMING_TYPES.includes(meta.programmingType)) errors.push(m.required(name, 'el tipo de programación'));
  if (!Number.isFinite(meta.totalMagnitude)) errors.push(m.notANumber(name, 'la magnitud total'));
  else if (meta.totalMagnitude < 0) errors.push(m.negativeTotal(name));
  if (meta.programmed.length !== 4 || meta.programmed.some((v) => v !== null && !Number.isFinite(v))) errors.push(m.notANumber(name, 'la programación de cada trimestre'));
  else if (PROGRAMMING_TYPES.includes(meta.programmingType) && Number.isFinite(meta.totalMagnitude) && meta.totalMagnitude >= 0) {
    const issues = PROGRAMMING[meta.programmingType].check(meta.programmed, meta.totalMagnitude);
    if (issues.length) errors.push(m.programming(name, meta.programmingType, issues, formatNumber(meta.totalMagnitude)));
  }
  if (!Number.isFinite(meta.weight) || meta.weight < 0 || meta.weight > 100) errors.push(m.weightRange(name));
  if (meta.strategicObjectiveId && !ctx.objectiveIds.has(meta.strategicObjectiveId)) errors.push(m.unknownObjective(name));
  const unitRefs: Array<[string | null, string, boolean]> = [
    [meta.responsibleUnitId, 'la dependencia responsable', false],
    [meta.leadUnitId, 'el área que lidera la meta', true],
    [meta.supervisorUnitId, 'la dependencia que supervisa la meta', true],
  ];
  for (const [id, field, central] of unitRefs) {
    if (!id) continue;
    const kind = ctx.units.get(id);
    if (!kind) errors.push(m.unknownUnit(name, field));
    else if (central && kind !== 'central') errors.push(m.notCentral(name, field));
  }
  return errors;
}

/** Errors of a whole plan's metas: each meta's, plus duplicates and the plan's size. */
export function planContentErrors(metas: readonly MetaContent[], ctx: MetaContext): string[] {
  const errors: string[] = [];
  if (metas.length > META_LIMITS.metasPerPlan) errors.push(m.tooManyMetas(META_LIMITS.metasPerPlan));
  if (new Set(metas.map((x) => x.id)).size !== metas.length) errors.push(m.duplicateMeta);
  for (const meta of metas) errors.push(...metaErrors(meta, ctx));
  return errors;
}

export type CheckCode = 'objectives' | 'programming' | 'indicator' | 'deliverables' | 'lead' | 'supervisor';

export interface CoherenceCheck {
  code: CheckCode;
  ok: boolean;
  message: string;
}

/**
 * The coherence checks of activity 4 for one meta: tied to a strategic and a process objective;
 * the quarters agree with the programming type and the total; the indicator is complete; it has
 * deliverables; a local or transversal meta names the area that leads it; an alcaldía's meta names
 * the unit that supervises it.
 */
export function metaChecks(meta: MetaContent, planUnitKind: 'central' | 'alcaldia'): CoherenceCheck[] {
  const c = m.check;
  const checks: CoherenceCheck[] = [];
  const tied = Boolean(meta.strategicObjectiveId && meta.processObjective.trim());
  checks.push({ code: 'objectives', ok: tied, message: tied ? c.objectives.ok : c.objectives.missing });
  const issues = PROGRAMMING_TYPES.includes(meta.programmingType) ? PROGRAMMING[meta.programmingType].check(meta.programmed, meta.totalMagnitude) : (['nothing_programmed'] as const);
  checks.push({
    code: 'programming',
    ok: issues.length === 0,
    message: issues.length === 0 ? c.programming.ok(meta.programmingType) : m.programming(shortName(meta), meta.programmingType as ProgrammingType, issues, formatNumber(meta.totalMagnitude)),
  });
  const missing = (Object.keys(m.indicatorFields) as Array<keyof typeof m.indicatorFields>).filter((f) => !meta.indicator[f].trim());
  checks.push({ code: 'indicator', ok: missing.length === 0, message: missing.length === 0 ? c.indicator.ok : c.indicator.missing(missing.map((f) => m.indicatorFields[f]).join(', ')) });
  const deliverables = Boolean(meta.deliverables.trim());
  checks.push({ code: 'deliverables', ok: deliverables, message: deliverables ? c.deliverables.ok : c.deliverables.missing });
  if (meta.local || meta.transversal) checks.push({ code: 'lead', ok: Boolean(meta.leadUnitId), message: meta.leadUnitId ? c.lead.ok : c.lead.missing });
  if (planUnitKind === 'alcaldia') checks.push({ code: 'supervisor', ok: Boolean(meta.supervisorUnitId), message: meta.supervisorUnitId ? c.supervisor.ok : c.supervisor.missing });
  return checks;
}

/** The plan's weights add up to 100 % (metas marked «Meta eliminada» left out). */
export function weightsCheck(metas: ReadonlyArray<Pick<MetaContent, 'weight'> & { eliminated?: boolean }>): { ok: boolean; sum: number; message: string } {
  const sum = metas.filter((x) => !x.eliminated).reduce((a, x) => a + x.weight, 0);
  const ok = same(sum, 100);
  return { ok, sum, message: ok ? m.check.weights.ok : m.check.weights.differs(`${formatNumber(sum)} %`) };
}
