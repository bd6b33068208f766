import { describe, expect, it } from 'vitest';
import { actaState, mayorWindowWarning, oapCopyStatus, oapDeadline, semesterStart, sign, unitsWithoutMenor, type ActaSignatures } from './actas.js';
import type { Unit } from './types.js';

describe('acta deadlines to the OAP (8 business days, Colombian calendar)', () => {
  it('counts 8 business days after the plenaria across holidays and the year end', () => {
    expect(oapDeadline('2026-11-23')).toBe('2026-12-03');
    expect(oapDeadline('2026-11-10')).toBe('2026-11-23'); // Mon 16 Nov is a holiday
    expect(oapDeadline('2026-03-27')).toBe('2026-04-10'); // Semana Santa
    expect(oapDeadline('2026-12-22')).toBe('2027-01-05'); // 25 Dec and 1 Jan
  });

  it('is a tiempo when sent by the deadline, pendiente while there is time, vencida after', () => {
    expect(oapCopyStatus('2026-11-23', '2026-12-03', '2026-12-10')).toBe('a_tiempo');
    expect(oapCopyStatus('2026-11-23', '2026-12-04', '2026-12-10')).toBe('vencida');
    expect(oapCopyStatus('2026-11-23', null, '2026-12-03')).toBe('pendiente');
    expect(oapCopyStatus('2026-11-23', null, '2026-12-04')).toBe('vencida');
  });
});

describe('plenaria warnings', () => {
  it('places a plenaria mayor within the first 20 business days of the semester', () => {
    expect(semesterStart('2027-02-10')).toBe('2027-01-01');
    expect(semesterStart('2026-07-15')).toBe('2026-07-01');
    expect(mayorWindowWarning('2027-02-01')).toBeNull();
    expect(mayorWindowWarning('2027-02-02')?.message).toBe('La plenaria mayor debe hacerse en los primeros 20 días hábiles del semestre (hasta el 1 de febrero de 2027).');
    expect(mayorWindowWarning('2026-07-30')).toBeNull(); // 13 and 20 July are holidays
    expect(mayorWindowWarning('2026-07-31')).not.toBeNull();
  });

  it('lists units without a plenaria menor in the quarter', () => {
    const units = [
      { id: 'a', name: 'Alcaldía Local de Suba' },
      { id: 'b', name: 'Dirección Jurídica' },
    ] as Unit[];
    const held = [{ id: 'p', kind: 'menor' as const, unitId: 'a', date: '2026-11-20', modality: 'virtual' as const, location: 'https://teams.microsoft.com/l/meetup-join/x' }];
    expect(unitsWithoutMenor('2026-Q4', units, held).map((w) => w.message)).toEqual(['Dirección Jurídica no tiene plenaria menor en el trimestre.']);
    expect(unitsWithoutMenor('2027-Q1', units, held)).toHaveLength(2);
  });
});

describe('acta signing', () => {
  const none: ActaSignatures = { secretary: null, presiding: null };
  const who = { secretaryId: 'enlace-al-suba', presidingId: 'lider-al-suba' };

  it('needs both the secretary and the presiding líder, each signing their own part once', () => {
    expect(actaState(none)).toBe('draft');
    const one = sign(none, 'secretary', who, 'enlace-al-suba', '2026-11-20T20:00:00Z');
    expect(one.ok && actaState(one.signatures)).toBe('partially_signed');
    if (!one.ok) throw new Error();
    expect(sign(one.signatures, 'secretary', who, 'enlace-al-suba', 'x')).toEqual({ ok: false, message: 'Ya firmaste esta acta.' });
    expect(sign(one.signatures, 'presiding', who, 'enlace-al-suba', 'x')).toEqual({ ok: false, message: 'Solo quien preside la plenaria puede firmar como presidente.' });
    const both = sign(one.signatures, 'presiding', who, 'lider-al-suba', '2026-11-21T14:00:00Z');
    expect(both.ok && actaState(both.signatures)).toBe('signed');
    if (!both.ok) throw new Error();
    expect(sign(both.signatures, 'presiding', who, 'lider-al-suba', 'x')).toMatchObject({ ok: false, message: expect.stringContaining('nueva versión') });
  });
});
