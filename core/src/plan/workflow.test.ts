import { describe, expect, it } from 'vitest';
import { availablePlanSteps, holaCaseNumber, planStep } from './workflow.js';

describe('the plan’s formulation and review workflow (activities 3–8)', () => {
  it('goes draft → in review → returned → in review → endorsed → official', () => {
    expect(planStep('draft', 'submit', ['lider'])).toEqual({ ok: true, to: 'in_review' });
    expect(planStep('in_review', 'return', ['oap'], { observations: 1 })).toEqual({ ok: true, to: 'returned' });
    expect(planStep('returned', 'submit', ['lider'])).toEqual({ ok: true, to: 'in_review' });
    expect(planStep('in_review', 'approve', ['oap'])).toEqual({ ok: true, to: 'endorsed' });
    expect(planStep('endorsed', 'formalize', ['lider'], { holaCase: 'HOLA No. 306319' })).toEqual({ ok: true, to: 'official' });
  });

  it('refuses the wrong person, the wrong state, a return without observations and a formalization without a HOLA case', () => {
    expect(planStep('draft', 'submit', ['enlace', 'promotor'])).toEqual({ ok: false, message: 'Solo el líder del proceso o el alcalde local puede «Enviar a la OAP».' });
    expect(planStep('in_review', 'approve', ['lider'])).toEqual({ ok: false, message: 'Solo un analista de la Oficina Asesora de Planeación puede «Aprobar el plan».' });
    expect(planStep('draft', 'approve', ['oap'])).toEqual({ ok: false, message: 'No se puede «Aprobar el plan» un plan que está «en formulación».' });
    expect(planStep('in_review', 'return', ['oap'], { observations: 0 })).toEqual({ ok: false, message: 'Escribe las observaciones para el líder: una general o una por meta.' });
    expect(planStep('endorsed', 'formalize', ['lider'], { holaCase: 'pendiente' }).ok).toBe(false);
  });

  it('reads HOLA case numbers as people write them', () => {
    expect(holaCaseNumber('306319')).toBe('306319');
    expect(holaCaseNumber('HOLA 306319')).toBe('306319');
    expect(holaCaseNumber('caso HOLA No. 306319')).toBe('306319');
    expect(holaCaseNumber('#306319')).toBe('306319');
    expect(holaCaseNumber('30A')).toBeNull();
    expect(holaCaseNumber('')).toBeNull();
  });

  it('offers each person the steps they may take', () => {
    expect(availablePlanSteps('in_review', ['oap'])).toEqual(['approve', 'return']);
    expect(availablePlanSteps('returned', ['lider', 'miembro'])).toEqual(['submit']);
    expect(availablePlanSteps('official', ['lider', 'oap'])).toEqual([]);
  });
});
