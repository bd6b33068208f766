import { describe, expect, it } from 'vitest';
import { sampleContext, sampleMeta } from '../testing/samplePlan.js';
import { applyModification, checkModification, isMagnitudeIncrease, measuredQuarters, stateAfterConsents, type ModificationContext, type ModificationDraft } from './modification.js';

const meta = sampleMeta();
const ctx = (overrides: Partial<ModificationContext> = {}): ModificationContext => ({
  ...sampleContext,
  today: '2026-05-10',
  year: 2026,
  planState: 'official',
  planUnitId: 'sgl',
  planUnitKind: 'central',
  roles: ['lider'],
  meta,
  previous: [],
  hasReports: true,
  ...overrides,
});
const JUSTIFICATION = 'La Resolución 123 de 2026 cambió el alcance de las mesas con las alcaldías.';
const modify = (proposed: Partial<typeof meta>, extra: Partial<ModificationDraft> = {}): ModificationDraft => ({
  kind: 'modify',
  proposed: { ...meta, ...proposed },
  justification: JUSTIFICATION,
  exception: null,
  ...extra,
});
const reasons = (d: ReturnType<typeof checkModification>) => (d.ok ? [] : d.reasons);

describe('modification requests (policy 9)', () => {
  it('accepts a justified change of the quarters not yet measured, before the end of Q2, by the líder', () => {
    // On 10 May 2026 only Q1 is measured: Q2–Q4 may move, keeping the total.
    expect(measuredQuarters(2026, '2026-05-10')).toEqual([1]);
    const d = checkModification(modify({ programmed: [10, 5, 10, 15] }), ctx());
    expect(d).toEqual({ ok: true, magnitudeIncrease: false, consents: [], marksEliminated: false });
  });

  it('is asked by the líder, with a justification', () => {
    expect(reasons(checkModification(modify({ programmed: [10, 5, 10, 15] }, { justification: 'porque sí' }), ctx({ roles: ['enlace', 'promotor'] })))).toEqual([
      'Solo el líder del proceso o el alcalde local solicita modificaciones del plan (política 9).',
      'Escribe la justificación técnica o legal de la solicitud (al menos 20 caracteres).',
    ]);
  });

  it('closes at the end of the second quarter, except to raise the magnitude', () => {
    const late = ctx({ today: '2026-07-02' });
    expect(reasons(checkModification(modify({ programmed: [10, 10, 5, 15] }), late))).toContain(
      'Las solicitudes de modificación se presentan hasta el segundo trimestre (30 de junio de 2026); después solo se puede aumentar la magnitud de una meta.',
    );
    // Raising 40 to 45 on 2 July, the measured Q1 and Q2 untouched: allowed.
    const raise = modify({ totalMagnitude: 45, programmed: [10, 10, 10, 15] });
    expect(isMagnitudeIncrease(meta, raise.proposed!)).toBe(true);
    expect(checkModification(raise, late)).toMatchObject({ ok: true, magnitudeIncrease: true });
    // For a decreciente meta, more ambition is a lower level.
    const days = sampleMeta({ programmingType: 'decreciente', totalMagnitude: 10, programmed: [15, 13, 12, 10] });
    expect(isMagnitudeIncrease(days, { ...days, totalMagnitude: 8, programmed: [15, 13, 10, 8] })).toBe(true);
    expect(isMagnitudeIncrease(days, { ...days, totalMagnitude: 12, programmed: [15, 13, 12, 12] })).toBe(false);
  });

  it('never changes the programming of a quarter already measured, nor the type once one is', () => {
    expect(reasons(checkModification(modify({ programmed: [8, 12, 10, 10] }), ctx()))).toEqual([
      '«Realizar 40 mesas de trabajo con las alcaldías locales»: el T1 ya se midió y su programación no puede cambiar (era 10; la solicitud dice 8).',
    ]);
    expect(reasons(checkModification(modify({ programmingType: 'creciente', programmed: [10, 20, 30, 40] }), ctx()))).toContain(
      '«Realizar 40 mesas de trabajo con las alcaldías locales»: ya hay trimestres medidos, así que el tipo de programación no puede cambiar.',
    );
  });

  it('keeps the meta coherent: the new quarters must agree with the type and the total', () => {
    expect(reasons(checkModification(modify({ programmed: [10, 5, 5, 5] }), ctx()))[0]).toContain('los trimestres no suman la magnitud total (40)');
  });

  it('allows one modification per meta per vigencia, unless the OAP takes a justified exception', () => {
    const previous = [{ metaId: 'm1', state: 'approved' as const }];
    expect(reasons(checkModification(modify({ programmed: [10, 5, 10, 15] }), ctx({ previous })))).toEqual([
      '«Realizar 40 mesas de trabajo con las alcaldías locales» ya se modificó una vez en la vigencia: solo por un cambio normativo o de fuerza mayor, debidamente justificado, la OAP puede revisar el caso.',
    ]);
    const exception = { ground: 'cambio_normativo' as const, justification: 'El Decreto 45 de 2026 suprimió las mesas presenciales.' };
    expect(checkModification(modify({ programmed: [10, 5, 10, 15] }, { exception }), ctx({ previous })).ok).toBe(true);
    expect(reasons(checkModification(modify({ programmed: [10, 5, 10, 15] }), ctx({ previous: [{ metaId: 'm1', state: 'pending_oap' }] })))).toEqual([
      'Ya hay una solicitud en trámite para «Realizar 40 mesas de trabajo con las alcaldías locales».',
    ]);
    // A denied request does not count.
    expect(checkModification(modify({ programmed: [10, 5, 10, 15] }), ctx({ previous: [{ metaId: 'm1', state: 'denied' }] })).ok).toBe(true);
  });

  it('needs the consent of the process that leads a transversal meta, and of the supervising unit for an alcaldía', () => {
    const transversal = sampleMeta({ transversal: true, leadUnitId: 'oap' });
    expect(checkModification({ ...modify({}), proposed: { ...transversal, programmed: [10, 5, 10, 15] } }, ctx({ meta: transversal }))).toMatchObject({ ok: true, consents: [{ kind: 'lead', unitId: 'oap' }] });
    const local = sampleMeta({ responsibleUnitId: 'al-usaquen', supervisorUnitId: 'dgp' });
    expect(checkModification({ ...modify({}), proposed: { ...local, programmed: [10, 5, 10, 15] } }, ctx({ meta: local, planUnitId: 'al-usaquen', planUnitKind: 'alcaldia' }))).toMatchObject({
      ok: true,
      consents: [{ kind: 'supervisor', unitId: 'dgp' }],
    });
    const noSupervisor = sampleMeta({ responsibleUnitId: 'al-usaquen' });
    expect(reasons(checkModification({ ...modify({}), proposed: { ...noSupervisor, programmed: [10, 5, 10, 15] } }, ctx({ meta: noSupervisor, planUnitKind: 'alcaldia', planUnitId: 'al-usaquen' })))[0]).toContain(
      'indica qué dependencia la supervisa',
    );
    // An unfavorable consent ends the request; all favorable sends it to the OAP.
    const consent = (state: 'pending' | 'favorable' | 'unfavorable') => ({ kind: 'lead' as const, unitId: 'oap', state, by: null, at: null, comment: null });
    expect(stateAfterConsents({ consents: [consent('pending')] })).toBe('pending_consent');
    expect(stateAfterConsents({ consents: [consent('favorable')] })).toBe('pending_oap');
    expect(stateAfterConsents({ consents: [consent('unfavorable'), consent('favorable')] })).toBe('denied');
  });

  it('marks a meta with reports «Meta eliminada» instead of deleting it; one without reports leaves the plan', () => {
    const eliminate: ModificationDraft = { kind: 'eliminate', proposed: null, justification: JUSTIFICATION, exception: null };
    expect(checkModification(eliminate, ctx())).toMatchObject({ ok: true, marksEliminated: true });
    const other = sampleMeta({ id: 'm2', order: 2 });
    expect(applyModification([meta, other], { kind: 'eliminate', metaId: 'm1', proposed: null }, 2, true)).toEqual([{ ...meta, eliminated: true, modifiedInVersion: 2 }, other]);
    expect(applyModification([meta, other], { kind: 'eliminate', metaId: 'm1', proposed: null }, 2, false)).toEqual([other]);
    expect(reasons(checkModification(eliminate, ctx({ meta: { ...meta, eliminated: true } })))).toEqual(['«Realizar 40 mesas de trabajo con las alcaldías locales» ya está marcada como «Meta eliminada».']);
  });

  it('refuses a request that changes nothing, or on a plan not yet in force', () => {
    expect(reasons(checkModification(modify({}), ctx()))).toEqual(['La solicitud no cambia nada de la meta.']);
    expect(reasons(checkModification(modify({ programmed: [10, 5, 10, 15] }), ctx({ planState: 'draft' })))).toEqual(['Solo se piden modificaciones de un plan aprobado; un plan en formulación se edita directamente.']);
  });
});
