import { describe, expect, it } from 'vitest';
import { dialogueSession } from './testing/sampleDialogue.js';
import { nextMonthlySession, seriesStep } from './plenariaSeries.js';

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

describe('the series’ step is offered on its latest held session only', () => {
  const at = (date: string, id = `pl-dialogo-${date}`) => ({ ...session, id, date });
  const september = at('2026-09-15');
  const october = at('2026-10-15');
  const november = at('2026-11-17');
  // 2 December 2026, 9:00 in Bogotá.
  const now = new Date('2026-12-02T14:00:00Z');

  it('the last one held offers the next date; the earlier ones nothing, whatever order they come in', () => {
    expect(seriesStep([november, september, october], now, '2026-12-02')).toEqual({ latestId: november.id, step: { next: nextMonthlySession(november, '2026-12-02') } });
    expect(nextMonthlySession(november, '2026-12-02').date).toBe('2026-12-17');
  });
  it('once a later session is scheduled, the latest held one names it instead', () => {
    const december = at('2026-12-17');
    const january = at('2027-01-18');
    expect(seriesStep([september, october, november, january, december], now, '2026-12-02')).toEqual({ latestId: november.id, step: { following: { id: december.id, date: '2026-12-17', startTime: '10:00' } } });
  });
  it('a cancelled session does not count, neither as held nor as the following one', () => {
    const cancelled = { reason: 'x', by: 'oap-1', at: '2026-11-01T00:00:00Z' } as unknown as NonNullable<typeof session.cancelled>;
    const step = seriesStep([september, october, { ...november, cancelled }, { ...at('2026-12-15'), cancelled }], now, '2026-12-02');
    expect(step).toEqual({ latestId: october.id, step: { next: nextMonthlySession(october, '2026-12-02') } });
  });
  it('a session of today counts as held from its start time; a series with none held offers nothing', () => {
    const today = at('2026-12-02');
    expect(seriesStep([november, { ...today, startTime: '08:30' }], now, '2026-12-02')!.latestId).toBe(today.id);
    expect(seriesStep([november, { ...today, startTime: '10:00' }], now, '2026-12-02')!.step).toEqual({ following: { id: today.id, date: '2026-12-02', startTime: '10:00' } });
    expect(seriesStep([at('2026-12-15')], now, '2026-12-02')).toBeNull();
    expect(seriesStep([], now, '2026-12-02')).toBeNull();
  });
});
