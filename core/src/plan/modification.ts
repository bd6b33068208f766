/**
 * Modification requests (seed 001, policy 9), every rule decided here with a Spanish reason:
 * - requested by the líder (or alcalde local) with a technical or legal justification;
 * - until the end of the second quarter, except raising the magnitude (allowed any time);
 * - once per meta per vigencia, unless the OAP accepts a justified exception (force majeure or a
 *   change of norms);
 * - the programming of a quarter already measured (its cut-off passed) never changes, nor the type;
 * - the meta that results must be coherent (wording, total, quarters, type);
 * - a transversal meta needs the prior consent of the process that leads it, and an alcaldía's meta
 *   the consent of the unit that supervises it;
 * - a meta with reports is never deleted: it is marked «Meta eliminada» and left out of the score;
 * - the OAP approves or denies; the approved change is a new version of the plan.
 */
import type { IsoDate, Role } from '../types.js';
import { planMessages } from '../i18n/es-CO/plan.js';
import { formatNumber } from './format.js';
import { metaErrors, type MetaContext } from './metaRules.js';
import { PROGRAMMING, same } from './programming.js';
import { quarterEnd } from './report.js';
import type { ConsentKind, ExceptionGround, Meta, MetaContent, ModificationKind, ModificationRequest, PlanState, QuarterNumber } from './types.js';
import { QUARTERS } from './types.js';
import { PLAN_IN_FORCE } from './workflow.js';

const m = planMessages.modification;

export interface ModificationDraft {
  kind: ModificationKind;
  proposed: MetaContent | null;
  justification: string;
  exception: { ground: ExceptionGround; justification: string } | null;
}

export interface ModificationContext extends MetaContext {
  today: IsoDate;
  year: number;
  planState: PlanState;
  planUnitId: string;
  planUnitKind: 'central' | 'alcaldia';
  /** The requester's roles on the plan's unit. */
  roles: readonly Role[];
  meta: Meta;
  /** The meta's requests of the vigencia so far. */
  previous: readonly Pick<ModificationRequest, 'metaId' | 'state'>[];
  /** The meta has reports (an execution in any quarter). */
  hasReports: boolean;
}

export type ModificationDecision =
  | {
      ok: true;
      /** Raises the magnitude (more ambitious): allowed after the second quarter. */
      magnitudeIncrease: boolean;
      /** Consents needed before the OAP decides. */
      consents: Array<{ kind: ConsentKind; unitId: string }>;
      /** Eliminating a meta with reports marks it «Meta eliminada» instead of removing it. */
      marksEliminated: boolean;
    }
  | { ok: false; reasons: string[] };

const short = (meta: Pick<Meta, 'statement'>) => (meta.statement.length > 60 ? `${meta.statement.slice(0, 59)}…` : meta.statement);

/** Quarters whose cut-off has passed on `today`: their programming is measured and fixed. */
export const measuredQuarters = (year: number, today: IsoDate): QuarterNumber[] => QUARTERS.filter((q) => quarterEnd(year, q) < today);

/** The last day a modification other than raising the magnitude may be requested: the end of Q2. */
export const modificationDeadline = (year: number): IsoDate => quarterEnd(year, 2);

/** Only the total and the programming of quarters not yet measured change, towards more ambition. */
export function isMagnitudeIncrease(meta: MetaContent, proposed: MetaContent): boolean {
  const keys = Object.keys(meta) as Array<keyof MetaContent>;
  const othersSame = keys.every((k) => k === 'totalMagnitude' || k === 'programmed' || JSON.stringify(meta[k]) === JSON.stringify(proposed[k]));
  if (!othersSame || proposed.programmingType !== meta.programmingType) return false;
  return PROGRAMMING[meta.programmingType].lessIsBetter ? proposed.totalMagnitude < meta.totalMagnitude : proposed.totalMagnitude > meta.totalMagnitude;
}

const sameContent = (a: MetaContent, b: MetaContent) => (Object.keys(a) as Array<keyof MetaContent>).every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
const show = (v: number | null) => (v === null ? 'sin programar' : formatNumber(v));

/** Decides whether a request may be filed, and what it needs next. */
export function checkModification(draft: ModificationDraft, ctx: ModificationContext): ModificationDecision {
  const reasons: string[] = [];
  const { meta } = ctx;
  if (!ctx.roles.includes('lider')) reasons.push(m.onlyLider);
  if (draft.justification.trim().length < 20) reasons.push(m.justification);
  if (!PLAN_IN_FORCE.has(ctx.planState)) reasons.push(m.notInForce);
  if (meta.eliminated) reasons.push(m.eliminated(short(meta)));
  if (ctx.previous.some((p) => p.metaId === meta.id && (p.state === 'pending_consent' || p.state === 'pending_oap'))) reasons.push(m.pending(short(meta)));

  const proposed = draft.kind === 'modify' ? draft.proposed : null;
  if (draft.kind === 'modify') {
    if (!proposed) reasons.push(m.nothingChanges);
    else if (proposed.id !== meta.id) reasons.push(m.otherMeta);
    else if (sameContent(meta, proposed)) reasons.push(m.nothingChanges);
    else {
      reasons.push(...metaErrors(proposed, ctx));
      const measured = measuredQuarters(ctx.year, ctx.today);
      if (measured.length && proposed.programmingType !== meta.programmingType) reasons.push(m.typeMeasured(short(meta)));
      for (const q of measured) {
        const was = meta.programmed[q - 1] ?? null;
        const now = proposed.programmed[q - 1] ?? null;
        if (!(was === now || (was !== null && now !== null && same(was, now)))) reasons.push(m.measured(short(meta), q, show(was), show(now)));
      }
    }
  }
  const magnitudeIncrease = proposed !== null && proposed.id === meta.id && isMagnitudeIncrease(meta, proposed);
  if (!magnitudeIncrease && ctx.today > modificationDeadline(ctx.year)) reasons.push(m.deadline(ctx.year));
  if (ctx.previous.some((p) => p.metaId === meta.id && p.state === 'approved')) {
    if (!draft.exception) reasons.push(m.once(short(meta)));
    else if (draft.exception.justification.trim().length < 20) reasons.push(m.exceptionJustification);
  }

  const consents: Array<{ kind: ConsentKind; unitId: string }> = [];
  const target = proposed ?? meta;
  if (target.transversal || meta.transversal) {
    const lead = target.leadUnitId ?? meta.leadUnitId;
    if (!lead) reasons.push(m.noLead(short(meta)));
    else if (lead !== ctx.planUnitId) consents.push({ kind: 'lead', unitId: lead });
  }
  if (ctx.planUnitKind === 'alcaldia') {
    const supervisor = target.supervisorUnitId ?? meta.supervisorUnitId;
    if (!supervisor) reasons.push(m.noSupervisor(short(meta)));
    else if (!consents.some((c) => c.unitId === supervisor)) consents.push({ kind: 'supervisor', unitId: supervisor });
  }
  if (reasons.length) return { ok: false, reasons: [...new Set(reasons)] };
  return { ok: true, magnitudeIncrease, consents, marksEliminated: draft.kind === 'eliminate' && ctx.hasReports };
}

/** The state a request goes to once its consents change: all favorable → the OAP decides; one unfavorable → denied. */
export function stateAfterConsents(request: Pick<ModificationRequest, 'consents'>): 'pending_consent' | 'pending_oap' | 'denied' {
  if (request.consents.some((c) => c.state === 'unfavorable')) return 'denied';
  return request.consents.every((c) => c.state === 'favorable') ? 'pending_oap' : 'pending_consent';
}

/**
 * The metas of the plan's new version once the OAP approves a request: the meta replaced (marked
 * as changed in that version), or marked «Meta eliminada» when it has reports, or removed when it has none.
 */
export function applyModification(metas: readonly Meta[], request: Pick<ModificationRequest, 'kind' | 'metaId' | 'proposed'>, newVersion: number, hasReports: boolean): Meta[] {
  if (request.kind === 'eliminate') {
    return hasReports ? metas.map((x) => (x.id === request.metaId ? { ...x, eliminated: true, modifiedInVersion: newVersion } : x)) : metas.filter((x) => x.id !== request.metaId);
  }
  return metas.map((x) => (x.id === request.metaId ? { ...request.proposed!, eliminated: false, modifiedInVersion: newVersion } : x));
}
