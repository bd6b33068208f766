/**
 * A plan's formulation and review (seed 001, activities 3–8):
 *
 *   draft ──submit──▶ in_review ──approve──▶ endorsed ──formalize (HOLA)──▶ official
 *                        │  ▲                    ▲                             │
 *                     return │ submit        modification approved ◀──────────┘
 *                        ▼  │
 *                      returned
 *
 * The líder's team drafts (líder, promotor de mejora, enlace); the líder sends it to the OAP; an
 * OAP analyst approves it or returns it with observations (general and per meta); the team adjusts
 * and the líder sends it again; once approved the líder makes it official with the HOLA case number
 * (policy 6), which publishes it (policy 1). An approved modification makes a new version that the
 * líder makes official again with its own HOLA case (policy 9).
 */
import type { Role } from '../types.js';
import { planMessages } from '../i18n/es-CO/plan.js';
import type { PlanState } from './types.js';

export type PlanWorkflowAction = 'submit' | 'approve' | 'return' | 'formalize';

interface Step {
  from: readonly PlanState[];
  to: PlanState;
  by: 'lider' | 'oap';
}

export const PLAN_WORKFLOW: Readonly<Record<PlanWorkflowAction, Step>> = {
  submit: { from: ['draft', 'returned'], to: 'in_review', by: 'lider' },
  approve: { from: ['in_review'], to: 'endorsed', by: 'oap' },
  return: { from: ['in_review'], to: 'returned', by: 'oap' },
  formalize: { from: ['endorsed'], to: 'official', by: 'lider' },
};

/** States in which the team edits the plan's metas. */
export const PLAN_EDITABLE: ReadonlySet<PlanState> = new Set(['draft', 'returned']);
/** States in which the plan is in force: it is reported on and modified by request. */
export const PLAN_IN_FORCE: ReadonlySet<PlanState> = new Set(['endorsed', 'official']);

export const planWorkflowLabels: Record<PlanWorkflowAction, string> = {
  submit: 'Enviar a la OAP',
  approve: 'Aprobar el plan',
  return: 'Devolver con observaciones',
  formalize: 'Oficializar con caso HOLA',
};

/** The HOLA case as people write it ("HOLA 306319", "No. 306319"): its digits, or null. */
export function holaCaseNumber(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').replace(/^\s*(caso\s*)?(hola)?\s*(n[o°º]\.?|#)?\s*/i, '').trim();
  return /^\d{3,12}$/.test(digits) ? digits : null;
}

export type PlanStepResult = { ok: true; to: PlanState } | { ok: false; message: string };

/**
 * Decides a step. `roles`: the actor's roles on the plan's unit plus their entity-wide roles.
 * `observations`: how many non-empty observations (general + per meta) come with it.
 */
export function planStep(state: PlanState, action: PlanWorkflowAction, roles: readonly Role[], extra: { observations?: number; holaCase?: string | null } = {}): PlanStepResult {
  const step = PLAN_WORKFLOW[action];
  const w = planMessages.workflow;
  if (!step.from.includes(state)) return { ok: false, message: w.invalidState(planWorkflowLabels[action], stateName(state)) };
  if (!roles.includes(step.by)) return { ok: false, message: w.notAllowed(w.who[step.by], planWorkflowLabels[action]) };
  if (action === 'return' && !(extra.observations ?? 0)) return { ok: false, message: w.observationsRequired };
  if (action === 'formalize' && !holaCaseNumber(extra.holaCase)) return { ok: false, message: w.holaRequired };
  return { ok: true, to: step.to };
}

const stateName = (s: PlanState) => ({ draft: 'en formulación', in_review: 'en revisión de la OAP', returned: 'devuelto', endorsed: 'aprobado por la OAP', official: 'oficializado' })[s];

/** The steps someone with these roles may take now (the buttons to show). */
export function availablePlanSteps(state: PlanState, roles: readonly Role[]): PlanWorkflowAction[] {
  return (Object.keys(PLAN_WORKFLOW) as PlanWorkflowAction[]).filter((a) => PLAN_WORKFLOW[a].from.includes(state) && roles.includes(PLAN_WORKFLOW[a].by));
}

/** Who formulates and reports a unit's plan: its líder and their team. */
export const PLAN_TEAM_ROLES: readonly Role[] = ['lider', 'promotor', 'enlace'];
export const isPlanTeam = (roles: readonly Role[]): boolean => roles.some((r) => PLAN_TEAM_ROLES.includes(r));
