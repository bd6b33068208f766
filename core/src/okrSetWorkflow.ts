import type { OkrSetState, Role } from './types.js';
import { formulationMessages, setStateLabels as stateLabels } from './i18n/es-CO.js';

/**
 * The formulation workflow of a unit's quarterly OKR set (seed 000, activity 3):
 *
 *   draft ──submit──▶ coach_review ──approveForm──▶ leader_approval ──approve──▶ active ──close──▶ closed
 *                        │                               │
 *                   returnToEnlace                     reject
 *                        ▼                               ▼
 *                     returned ──submit──▶ coach_review  rejected ──resubmit──▶ leader_approval
 *
 * The enlace drafts and submits; the OKR coach reviews the form (approves, or returns it with
 * observations); the líder approves (the set becomes active and locked) or rejects it with a reason,
 * after which the enlace reformulates with the líder and the set "regresa para aprobación del líder"
 * (seed 000). An active set changes only through a new formulation cycle; at quarter end it closes.
 */
export type WorkflowAction = 'submit' | 'approveForm' | 'returnToEnlace' | 'approve' | 'reject' | 'resubmit' | 'close';

interface Transition {
  from: readonly OkrSetState[];
  to: OkrSetState;
  /** Who may take it: a role on the set's unit ('enlace', 'lider') or an entity-wide role ('coach', 'eti'). */
  by: readonly Role[];
  /** A comment is required (observations, reason). */
  needsComment: boolean;
}

export const WORKFLOW: Readonly<Record<WorkflowAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'coach_review', by: ['enlace'], needsComment: false },
  approveForm: { from: ['coach_review'], to: 'leader_approval', by: ['coach'], needsComment: false },
  returnToEnlace: { from: ['coach_review'], to: 'returned', by: ['coach'], needsComment: true },
  approve: { from: ['leader_approval'], to: 'active', by: ['lider'], needsComment: false },
  reject: { from: ['leader_approval'], to: 'rejected', by: ['lider'], needsComment: true },
  resubmit: { from: ['rejected'], to: 'leader_approval', by: ['enlace'], needsComment: false },
  close: { from: ['active'], to: 'closed', by: ['eti'], needsComment: false },
};

/** States in which the enlace may still edit the set's objectives and key results. */
export const EDITABLE_STATES: ReadonlySet<OkrSetState> = new Set(['draft', 'returned', 'rejected']);

export const actionLabels: Record<WorkflowAction, string> = {
  submit: 'Enviar a revisión',
  approveForm: 'Aprobar forma',
  returnToEnlace: 'Devolver con observaciones',
  approve: 'Aprobar',
  reject: 'Rechazar',
  resubmit: 'Enviar de nuevo al líder',
  close: 'Cerrar el trimestre',
};

export type TransitionResult =
  | { ok: true; to: OkrSetState }
  | { ok: false; reason: 'invalid_state' | 'not_allowed' | 'comment_required'; message: string };

/**
 * Decides a workflow step. `roles` are the actor's roles that apply to this set: their roles on the
 * set's unit plus their entity-wide roles. Pure: the caller stores the new state and the audit entry.
 */
export function transition(state: OkrSetState, action: WorkflowAction, roles: readonly Role[], comment?: string | null): TransitionResult {
  const t = WORKFLOW[action];
  if (!t.from.includes(state)) {
    return {
      ok: false,
      reason: 'invalid_state',
      message: `No se puede «${actionLabels[action].toLowerCase()}» un set en estado «${stateLabels[state]}».`,
    };
  }
  if (!t.by.some((r) => roles.includes(r))) {
    return { ok: false, reason: 'not_allowed', message: `Solo ${t.by.map(roleName).join(' o ')} puede «${actionLabels[action].toLowerCase()}».` };
  }
  if (t.needsComment && !(comment ?? '').trim()) {
    return { ok: false, reason: 'comment_required', message: action === 'reject' ? 'Escribe el motivo del rechazo.' : 'Escribe las observaciones para el enlace.' };
  }
  return { ok: true, to: t.to };
}

function roleName(role: Role): string {
  return ({ enlace: 'el enlace de la unidad', lider: 'el líder de la unidad', coach: 'un OKR Coach', eti: 'el equipo ETI' } as Partial<Record<Role, string>>)[role] ?? role;
}

/** The actions available now to someone with these roles (for showing buttons). */
export function availableActions(state: OkrSetState, roles: readonly Role[]): WorkflowAction[] {
  return (Object.keys(WORKFLOW) as WorkflowAction[]).filter((a) => WORKFLOW[a].from.includes(state) && WORKFLOW[a].by.some((r) => roles.includes(r)));
}

/** What comes next for a set its state keeps from being edited: a review to wait for, or a new formulation cycle. */
export function lockedNext(state: OkrSetState): string {
  const next = formulationMessages.lockedNext;
  return state === 'coach_review' || state === 'leader_approval' || state === 'closed' ? next[state] : next.active;
}
