import { expect, it } from 'vitest';
import { reminderKeyString } from '@okr/core';
import { REMINDER_MAX_ATTEMPTS } from '../Store.js';
import type { ContractContext } from './fixtures.js';

/** The contract of the reminders: the log, claims, pause, snoozes, preferences. */
export function remindersContract({ seeded }: ContractContext): void {
  it('claims a reminder key exactly once, even when claims race; confirms only for the owner', async () => {
    const store = await seeded();
    const key = { kind: 'checkin_missing' as const, personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-10', step: 1 };
    const id = reminderKeyString(key);
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => store.claimReminder(key, owner, '2026-11-23T15:00:00.000Z')));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const [entry] = await store.listReminderLog();
    expect(entry).toMatchObject({ key: id, kind: 'checkin_missing', personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-10', step: 1, state: 'claimed', attempts: 1, sentAt: null });
    const owner = entry!.owner;
    // Someone else cannot confirm it; the owner can, and then nobody can claim it again.
    await store.markReminderSent(id, owner === 'a' ? 'b' : 'a', '2026-11-23T15:00:01.000Z');
    expect((await store.listReminderLog())[0]?.state).toBe('claimed');
    await store.markReminderSent(id, owner, '2026-11-23T15:00:02.000Z');
    expect((await store.listReminderLog())[0]).toMatchObject({ state: 'sent', sentAt: '2026-11-23T15:00:02.000Z' });
    expect(await store.claimReminder(key, 'e', '2026-11-24T15:00:00.000Z')).toBe(false);
    expect(await store.retryReminder(id, 'eti-1')).toBe(false);
    await store.close();
  });

  it('claims a failed reminder again up to the attempt limit, never a claimed one; the administrator can release either', async () => {
    const store = await seeded();
    const key = { kind: 'checkin_window' as const, personId: 'enlace-al-suba', subject: 'al-suba', period: '2026-11', step: 0 };
    const id = reminderKeyString(key);
    expect(await store.claimReminder(key, 'a', '2026-11-26T13:00:00.000Z')).toBe(true);
    // Still claimed (a crash would leave it so): nobody takes it over.
    expect(await store.claimReminder(key, 'b', '2026-11-26T14:00:00.000Z')).toBe(false);
    await store.markReminderFailed(id, 'a', '2026-11-26T13:00:01.000Z', '403 el usuario bloqueó el bot');
    expect((await store.listReminderLog({ states: ['failed'] }))[0]).toMatchObject({ key: id, error: '403 el usuario bloqueó el bot', attempts: 1 });
    for (let attempt = 2; attempt <= REMINDER_MAX_ATTEMPTS; attempt++) {
      expect(await store.claimReminder(key, `r${attempt}`, '2026-11-26T14:00:00.000Z')).toBe(true);
      await store.markReminderFailed(id, `r${attempt}`, '2026-11-26T14:00:01.000Z', 'otra vez');
    }
    expect(await store.claimReminder(key, 'z', '2026-11-26T15:00:00.000Z')).toBe(false);
    expect((await store.listReminderLog({ personId: 'enlace-al-suba' }))[0]).toMatchObject({ state: 'failed', attempts: REMINDER_MAX_ATTEMPTS });
    // «Reenviar»: claimable again, and audited.
    expect(await store.retryReminder(id, 'eti-1')).toBe(true);
    expect(await store.claimReminder(key, 'y', '2026-11-27T13:00:00.000Z')).toBe(true);
    expect(await store.claimReminder(key, 'x', '2026-11-27T13:00:00.000Z')).toBe(false);
    const audit = await store.listAudit({ entity: 'reminder', entityId: id });
    expect(audit[0]).toMatchObject({ actorId: 'eti-1', action: 'update', before: { state: 'failed' }, after: { state: 'failed', attempts: 0 } });
    expect(await store.retryReminder('no|such|key|2026-11|0', 'eti-1')).toBe(false);
    await store.close();
  });

  it('lists the reminder log newest first, by person and state', async () => {
    const store = await seeded();
    const k = (personId: string, step: number) => ({ kind: 'leader_escalation' as const, personId, subject: 'al-bosa', period: '2026-10', step });
    await store.claimReminder(k('lider-al-bosa', 2), 'a', '2026-11-05T13:00:00.000Z');
    await store.markReminderSent(reminderKeyString(k('lider-al-bosa', 2)), 'a', '2026-11-05T13:00:01.000Z');
    await store.claimReminder(k('enlace-al-bosa', 2), 'a', '2026-11-06T13:00:00.000Z');
    expect((await store.listReminderLog()).map((e) => e.personId)).toEqual(['enlace-al-bosa', 'lider-al-bosa']);
    expect((await store.listReminderLog({ personId: 'lider-al-bosa' })).map((e) => e.state)).toEqual(['sent']);
    expect((await store.listReminderLog({ states: ['claimed'] })).map((e) => e.personId)).toEqual(['enlace-al-bosa']);
    expect(await store.listReminderLog({ states: [] })).toEqual([]);
    expect(await store.listReminderLog({ periods: ['2026-11'] })).toEqual([]);
    expect(await store.listReminderLog({ periods: ['2026-09', '2026-10'] })).toHaveLength(2);
    expect(await store.listReminderLog({ limit: 1 })).toHaveLength(1);
    await store.close();
  });

  it('pauses and resumes all reminders, auditing who did it', async () => {
    const store = await seeded();
    expect(await store.getReminderControl()).toEqual({ paused: false, actorId: null, at: null });
    expect(await store.setRemindersPaused(true, 'eti-1')).toMatchObject({ paused: true, actorId: 'eti-1' });
    expect((await store.getReminderControl()).paused).toBe(true);
    await store.setRemindersPaused(false, 'eti-2');
    expect(await store.getReminderControl()).toMatchObject({ paused: false, actorId: 'eti-2' });
    const audit = await store.listAudit({ entity: 'reminderControl' });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['update', 'eti-2'],
      ['create', 'eti-1'],
    ]);
    await store.close();
  });

  it('keeps one snooze per reminder, moved and counted when snoozed again', async () => {
    const store = await seeded();
    const key = { kind: 'checkin_window' as const, personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-11', step: 0 };
    expect(await store.snoozeReminder(key, '2026-11-27T13:00:00.000Z')).toEqual({ key, until: '2026-11-27T13:00:00.000Z', count: 1 });
    expect(await store.snoozeReminder(key, '2026-11-30T13:00:00.000Z')).toEqual({ key, until: '2026-11-30T13:00:00.000Z', count: 2 });
    await store.snoozeReminder({ ...key, personId: 'lider-al-usaquen' }, '2026-11-27T13:00:00.000Z');
    expect(await store.listReminderSnoozes({ personId: 'enlace-al-usaquen' })).toEqual([{ key, until: '2026-11-30T13:00:00.000Z', count: 2 }]);
    expect(await store.listReminderSnoozes()).toHaveLength(2);
    await store.close();
  });

  it('keeps each person’s muted reminder kinds, audited', async () => {
    const store = await seeded();
    expect(await store.listReminderPreferences('enlace-al-usaquen')).toEqual([]);
    await store.setReminderPreferences({ personId: 'enlace-al-usaquen', mutedKinds: ['checkin_window', 'checkin_window'] }, 'enlace-al-usaquen');
    await store.setReminderPreferences({ personId: 'eti-1', mutedKinds: ['eti_digest'] }, 'eti-1');
    expect(await store.listReminderPreferences('enlace-al-usaquen')).toEqual([{ personId: 'enlace-al-usaquen', mutedKinds: ['checkin_window'] }]);
    await store.setReminderPreferences({ personId: 'enlace-al-usaquen', mutedKinds: [] }, 'enlace-al-usaquen');
    expect(await store.listReminderPreferences()).toEqual([
      { personId: 'eti-1', mutedKinds: ['eti_digest'] },
      { personId: 'enlace-al-usaquen', mutedKinds: [] },
    ].sort((a, b) => a.personId.localeCompare(b.personId)));
    expect((await store.listAudit({ entity: 'reminderPreferences', entityId: 'enlace-al-usaquen' })).map((a) => a.action)).toEqual(['update', 'create']);
    await store.close();
  });
}
