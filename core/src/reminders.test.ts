import { describe, expect, it } from 'vitest';
import { dueReminders, etiDigest, isSendingTime, nextSendingTime, reminderKeyString, snoozeUntil, waitingDigests, weeklyDigestDay, type DigestWaiting, type UnitMonthStatus } from './reminders.js';

const status = (period: string, missing: string[], extra: Partial<UnitMonthStatus> = {}): UnitMonthStatus => ({
  unitId: 'al-usaquen',
  unitName: 'Alcaldía Local de Usaquén',
  period,
  missing,
  total: 9,
  closed: false,
  readyForReview: null,
  corrected: false,
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

describe('weekly digests', () => {
  const waiting: DigestWaiting[] = [
    { kind: 'approvals_digest', personId: 'lider-al-usaquen', items: ['Set de OKR 2027-T1 de Alcaldía Local de Usaquén: por aprobar'], topics: ['sets_to_approve'] },
    { kind: 'coach_digest', personId: 'coach-1', items: [], topics: [] },
    { kind: 'oap_digest', personId: 'oap-1', items: ['3 unidades sin plenaria menor en 2026-T4'], topics: ['units_without_menor'] },
  ];
  /** The keys due on a day, as strings. */
  const keys = (today: string, w: DigestWaiting[] = waiting) => waitingDigests(today, w).map((r) => reminderKeyString(r.key));

  it('is due on Monday, with the week’s first business day as its key, and never when nothing waits', () => {
    expect(keys('2026-11-23')).toEqual(['approvals_digest|lider-al-usaquen|entity|2026-11|23', 'oap_digest|oap-1|entity|2026-11|23']);
    const [digest] = waitingDigests('2026-11-23', waiting);
    expect(digest).toEqual({ key: { kind: 'approvals_digest', personId: 'lider-al-usaquen', subject: 'entity', period: '2026-11', step: 23 }, items: waiting[0]!.items, unitName: null, topics: ['sets_to_approve'] });
    // The coach had nothing waiting: no empty digest.
    expect(keys('2026-11-23').some((k) => k.startsWith('coach_digest'))).toBe(false);
    expect(keys('2026-11-23', [])).toEqual([]);
  });

  it('moves to Tuesday when Monday is a holiday, and nothing is due on holidays and weekends', () => {
    expect(weeklyDigestDay('2026-11-16')).toBeNull(); // Monday holiday
    expect(keys('2026-11-16')).toEqual([]);
    expect(weeklyDigestDay('2026-11-17')).toBe('2026-11-17');
    expect(keys('2026-11-17')).toContain('approvals_digest|lider-al-usaquen|entity|2026-11|17');
    expect(keys('2026-11-21')).toEqual([]); // Saturday
    expect(keys('2026-11-22')).toEqual([]); // Sunday
    expect(keys('2026-12-08')).toEqual([]); // Tuesday holiday
    expect(weeklyDigestDay('2027-01-11')).toBeNull(); // Reyes, moved to Monday
    expect(weeklyDigestDay('2027-01-12')).toBe('2027-01-12');
  });

  it('catches up on a later business day of the same week with the same key (sent once), and a new week has a new key', () => {
    // Server down on Monday 23 Nov: Wednesday's digest is the same one (the log keeps it to one send).
    expect(keys('2026-11-25')).toEqual(keys('2026-11-23'));
    expect(keys('2026-11-27')).toEqual(keys('2026-11-23'));
    // The week of the Tuesday holiday (7–11 Dec): Monday is the week's day; Wednesday catches up.
    expect(weeklyDigestDay('2026-12-07')).toBe('2026-12-07');
    expect(weeklyDigestDay('2026-12-09')).toBe('2026-12-07');
    // A week starting in one month and running into the next keeps its Monday's month.
    expect(weeklyDigestDay('2026-12-02')).toBe('2026-11-30');
    expect(keys('2026-12-02')).toContain('approvals_digest|lider-al-usaquen|entity|2026-11|30');
    expect(keys('2026-11-30')).not.toEqual(keys('2026-11-23'));
  });

  it('crosses the year end: the week of 28 Dec (1 Jan a holiday) and the first week of 2027', () => {
    expect(weeklyDigestDay('2026-12-28')).toBe('2026-12-28');
    expect(weeklyDigestDay('2026-12-31')).toBe('2026-12-28');
    expect(keys('2027-01-01')).toEqual([]);
    expect(keys('2026-12-31')).toContain('approvals_digest|lider-al-usaquen|entity|2026-12|28');
    expect(keys('2027-01-04')).toContain('approvals_digest|lider-al-usaquen|entity|2027-01|4');
    expect(weeklyDigestDay('2027-01-08')).toBe('2027-01-04');
    // The week of Christmas (Friday 25 Dec a holiday): Monday 21 Dec.
    expect(weeklyDigestDay('2026-12-24')).toBe('2026-12-21');
  });

  it('keeps steps below the snooze step, so a snoozed digest maps back to its week', () => {
    for (let d = new Date('2026-01-01T00:00:00Z'); d < new Date('2028-01-01T00:00:00Z'); d = new Date(d.getTime() + 86_400_000)) {
      const day = weeklyDigestDay(d.toISOString().slice(0, 10));
      if (day) expect(Number(day.slice(8))).toBeLessThan(100);
    }
  });
});
