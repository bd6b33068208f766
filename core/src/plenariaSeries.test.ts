import { describe, expect, it } from 'vitest';
import { dialogueSession } from './testing/sampleDialogue.js';
import { nextMonthlySession } from './plenariaSeries.js';

const session = dialogueSession;

describe('«Programar la siguiente»: the next session of a monthly series (issue 14, item 16)', () => {
  it('one month later, the same time, place, modality and people', () => {
    expect(nextMonthlySession(session, '2026-10-20')).toEqual({ kind: 'dialogo', unitId: null, date: '2026-11-17', startTime: '10:00', modality: 'mixta', location: session.location, presidingId: 'lider-despacho', secretaryId: 'eti-2' });
  });
  it('on the month’s last day when it is shorter, or the next business day (weekend, holiday)', () => {
    // 29 January 2027 → 28 February 2027 is a Sunday → Monday 1 March.
    expect(nextMonthlySession({ ...session, date: '2027-01-29' }, '2027-02-01').date).toBe('2027-03-01');
    // 15 October → 15 November 2026 is a Sunday; 16 November is a holiday (Independencia de Cartagena) → Tuesday 17.
    expect(nextMonthlySession(session, '2026-10-15').date).toBe('2026-11-17');
    // Across the year: 10 January 2027 is a Sunday and the 11th the Reyes holiday → Tuesday 12.
    expect(nextMonthlySession({ ...session, date: '2026-12-10' }, '2026-12-11').date).toBe('2027-01-12');
  });
  it('when the month after has already passed, the first date of the series after today', () => {
    expect(nextMonthlySession(session, '2026-12-01').date).toBe('2026-12-15');
    expect(nextMonthlySession(session, '2026-12-15').date).toBe('2027-01-15');
  });
});
