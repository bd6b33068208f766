import { describe, expect, it } from 'vitest';
import type { OkrSetState, Role } from './types.js';
import { EDITABLE_STATES, WORKFLOW, availableActions, transition, type WorkflowAction } from './okrSetWorkflow.js';

const ALL_STATES: OkrSetState[] = ['draft', 'coach_review', 'returned', 'leader_approval', 'rejected', 'active', 'closed'];
const ALL_ACTIONS = Object.keys(WORKFLOW) as WorkflowAction[];

describe('OKR set formulation workflow', () => {
  it('follows the procedure: enlace submits, coach approves the form, líder approves', () => {
    let state: OkrSetState = 'draft';
    const step = (action: WorkflowAction, roles: Role[], comment?: string) => {
      const r = transition(state, action, roles, comment);
      if (!r.ok) throw new Error(r.message);
      state = r.to;
      return state;
    };
    expect(step('submit', ['enlace'])).toBe('coach_review');
    expect(step('returnToEnlace', ['coach'], 'El KR 2 no tiene meta.')).toBe('returned');
    expect(step('submit', ['enlace'])).toBe('coach_review');
    expect(step('approveForm', ['coach'])).toBe('leader_approval');
    expect(step('reject', ['lider'], 'Falta alinear con el plan de gestión.')).toBe('rejected');
    expect(step('resubmit', ['enlace'])).toBe('leader_approval');
    expect(step('approve', ['lider'])).toBe('active');
    expect(step('close', ['eti'])).toBe('closed');
  });

  it('allows every listed transition and refuses every other one, from every state', () => {
    for (const state of ALL_STATES) {
      for (const action of ALL_ACTIONS) {
        const t = WORKFLOW[action];
        const r = transition(state, action, t.by, 'comentario');
        if (t.from.includes(state)) expect(r).toEqual({ ok: true, to: t.to });
        else expect(r).toMatchObject({ ok: false, reason: 'invalid_state' });
      }
    }
  });

  it('refuses the wrong person with a Spanish message', () => {
    expect(transition('coach_review', 'approveForm', ['enlace', 'lider'])).toEqual({
      ok: false,
      reason: 'not_allowed',
      message: 'Solo un OKR Coach puede «aprobar forma».',
    });
    expect(transition('leader_approval', 'approve', ['coach'])).toMatchObject({ ok: false, reason: 'not_allowed', message: 'Solo el líder de la unidad puede «aprobar».' });
    expect(transition('draft', 'submit', ['miembro'])).toMatchObject({ ok: false, reason: 'not_allowed' });
  });

  it('requires observations to return and a reason to reject', () => {
    expect(transition('coach_review', 'returnToEnlace', ['coach'], '  ')).toEqual({ ok: false, reason: 'comment_required', message: 'Escribe las observaciones para el enlace.' });
    expect(transition('leader_approval', 'reject', ['lider'])).toEqual({ ok: false, reason: 'comment_required', message: 'Escribe el motivo del rechazo.' });
  });

  it('explains an invalid transition by the set’s state', () => {
    expect(transition('active', 'submit', ['enlace'])).toEqual({
      ok: false,
      reason: 'invalid_state',
      message: 'No se puede «enviar a revisión» un set en estado «Cargado».',
    });
  });

  it('locks the set once it leaves the enlace’s hands', () => {
    expect([...EDITABLE_STATES].sort()).toEqual(['draft', 'rejected', 'returned']);
  });

  it('lists the buttons each person sees', () => {
    expect(availableActions('coach_review', ['coach'])).toEqual(['approveForm', 'returnToEnlace']);
    expect(availableActions('coach_review', ['enlace'])).toEqual([]);
    expect(availableActions('leader_approval', ['lider'])).toEqual(['approve', 'reject']);
    expect(availableActions('rejected', ['enlace'])).toEqual(['resubmit']);
  });
});
