import { describe, expect, it } from 'vitest';
import { dueReminders, etiDigest, isSendingTime, nextSendingTime, reminderKeyString, snoozeUntil, type UnitMonthStatus } from './reminders.js';

const status = (period: string, missing: string[], extra: Partial<UnitMonthStatus> = {}): UnitMonthStatus => ({
  unitId: 'al-usaquen',
  unitName: 'Alcaldía Local de Usaquén',
  period,
  missing,
  total: 9,
  closed: false,
  enlaceIds: ['enlace-al-usaquen'],
  liderIds: ['lider-al-usaquen'],
  ...extra,
});
const kinds = (today: string, statuses: UnitMonthStatus[]) => dueReminders(today, statuses).map((r) => `${r.key.kind}:${r.key.personId}:${r.key.period}`);

describe('reminder calendar', () => {
  it('opens the monthly check-in window on the last 3 business days of the month', () => {
    const nov = [status('2026-11', ['KR 1', 'KR 2'])];
    expect(kinds('2026-11-25', nov)).toEqual([]);
    expect(kinds('2026-11-26', nov)).toEqual(['checkin_window:enlace-al-usaquen:2026-11']);
    expect(kinds('2026-11-27', nov)).toEqual(['checkin_window:enlace-al-usaquen:2026-11']); // same key: sent once
    expect(kinds('2026-11-28', nov)).toEqual([]); // Saturday
    expect(kinds('2026-11-26', [status('2026-11', [])])).toEqual([]); // nothing missing
    expect(kinds('2026-11-26', [status('2026-11', ['KR 1'], { closed: true })])).toEqual([]);
  });

  it('reminds enlaces on the first business day after the month, past a holiday Monday', () => {
    const oct = [status('2026-10', ['KR 3'])];
    expect(kinds('2026-11-02', oct)).toEqual([]); // holiday (Todos los Santos)
    expect(kinds('2026-11-03', oct)).toEqual(['checkin_missing:enlace-al-usaquen:2026-10']);
    expect(dueReminders('2026-11-03', oct)[0]!.items).toEqual(['KR 3']);
  });

  it('escalates to the líder once the unit is 3 business days late, across the year end', () => {
    const dec = [status('2026-12', ['KR 1'])];
    expect(kinds('2026-12-31', dec)).toEqual(['checkin_window:enlace-al-usaquen:2026-12']);
    expect(kinds('2027-01-01', dec)).toEqual([]); // holiday
    expect(kinds('2027-01-04', dec)).toEqual(['checkin_missing:enlace-al-usaquen:2026-12']);
    expect(kinds('2027-01-05', dec)).toEqual(['checkin_missing:enlace-al-usaquen:2026-12']);
    expect(kinds('2027-01-06', dec)).toEqual(['checkin_missing:enlace-al-usaquen:2026-12', 'leader_escalation:lider-al-usaquen:2026-12']);
  });

  it('gives every reminder a stable key: kind, person, subject, period, step', () => {
    const [r] = dueReminders('2026-11-03', [status('2026-10', ['KR 3'])]);
    expect(reminderKeyString(r!.key)).toBe('checkin_missing|enlace-al-usaquen|al-usaquen|2026-10|1');
  });

  it('sends the ETI a digest of the units still missing the previous month', () => {
    const statuses = [status('2026-10', ['a', 'b']), status('2026-10', [], { unitId: 'al-suba', unitName: 'Alcaldía Local de Suba' })];
    expect(etiDigest('2026-11-02', statuses, ['eti-1'])).toEqual([]);
    const [digest] = etiDigest('2026-11-03', statuses, ['eti-1', 'eti-2']);
    expect(digest).toEqual({ key: { kind: 'eti_digest', personId: 'eti-1', subject: 'entity', period: '2026-10', step: 0 }, items: ['Alcaldía Local de Usaquén (faltan 2 de 9)'], unitName: null });
  });

  it('sends only on business days between 08:00 and 17:00 in Bogotá', () => {
    expect(isSendingTime(new Date('2026-11-23T12:59:00Z'))).toBe(false); // 07:59
    expect(isSendingTime(new Date('2026-11-23T13:00:00Z'))).toBe(true); // 08:00
    expect(isSendingTime(new Date('2026-11-23T21:59:00Z'))).toBe(true); // 16:59
    expect(isSendingTime(new Date('2026-11-23T22:00:00Z'))).toBe(false); // 17:00
    expect(isSendingTime(new Date('2026-11-16T15:00:00Z'))).toBe(false); // holiday
    expect(isSendingTime(new Date('2026-11-21T15:00:00Z'))).toBe(false); // Saturday
  });

  it('finds the next sending time and the snooze wake-up across weekends, holidays and the year end', () => {
    expect(nextSendingTime(new Date('2026-11-13T23:00:00Z')).toISOString()).toBe('2026-11-17T13:00:00.000Z'); // Fri 18:00 → Tue 08:00 (Mon holiday)
    expect(nextSendingTime(new Date('2026-11-23T11:00:00Z')).toISOString()).toBe('2026-11-23T13:00:00.000Z'); // 06:00 → 08:00 same day
    expect(nextSendingTime(new Date('2026-11-23T15:00:00Z')).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(snoozeUntil(new Date('2026-12-31T15:00:00Z')).toISOString()).toBe('2027-01-04T13:00:00.000Z');
    expect(snoozeUntil(new Date('2026-11-13T15:00:00Z')).toISOString()).toBe('2026-11-17T13:00:00.000Z');
  });
});
