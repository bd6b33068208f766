import { describe, expect, it } from 'vitest';
import { quarterMonths, reminderKeyString } from '@okr/core';
import { ConflictError, REMINDER_MAX_ATTEMPTS, type SetContent, type Store } from './Store.js';
import { buildDemoSeed } from './seed/demoOkrs.js';

/**
 * The behaviour every Store adapter must have. Each adapter's test file calls this with a factory
 * that returns an empty store whose clock reads 2026-11-23.
 */
export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  const seeded = async () => {
    const store = await makeStore();
    await store.seed(buildDemoSeed('2026-11-23'));
    return store;
  };
  const checkIn = (keyResultId: string, value: number) => ({
    keyResultId,
    value,
    comment: 'Avance del mes con soporte.',
    evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/evidencia',
  });

  describe(`Store contract: ${name}`, () => {
    it('starts empty and holds the seeded directory of 44 units', async () => {
      const store = await makeStore();
      expect(await store.isEmpty()).toBe(true);
      await store.seed(buildDemoSeed('2026-11-23'));
      expect(await store.isEmpty()).toBe(false);
      const units = await store.listUnits();
      expect(units).toHaveLength(44);
      expect(units.filter((u) => u.kind === 'alcaldia')).toHaveLength(20);
      expect(units.map((u) => u.name)).toContain('Alcaldía Local de Ciudad Bolívar');
      await store.close();
    });

    it('finds people by id and by Entra object id, with their roles', async () => {
      const store = await seeded();
      const enlace = await store.getPerson('enlace-al-usaquen');
      expect(enlace).not.toBeNull();
      expect(await store.findPersonByAadObjectId(enlace!.aadObjectId.toUpperCase())).toEqual(enlace);
      expect(await store.rolesOf(enlace!.id)).toEqual([{ personId: enlace!.id, role: 'enlace', unitId: 'al-usaquen' }]);
      expect(await store.findPersonByAadObjectId('no-such-id')).toBeNull();
      expect(await store.getPerson('nadie')).toBeNull();
      await store.close();
    });

    it('returns a unit’s set for a quarter with its 1 strategic, 3 tactical and 9 key results', async () => {
      const store = await seeded();
      const bundle = await store.getSet('al-kennedy', '2026-Q4');
      expect(bundle?.set).toMatchObject({ unitId: 'al-kennedy', quarter: '2026-Q4', state: 'active' });
      expect(bundle?.objectives.filter((o) => o.level === 'strategic')).toHaveLength(1);
      expect(bundle?.objectives.filter((o) => o.level === 'tactical')).toHaveLength(3);
      expect(bundle?.keyResults).toHaveLength(9);
      expect(await store.getSet('al-kennedy', '2025-Q1')).toBeNull();
      expect((await store.getSet('al-kennedy', '2026-Q3'))?.set.state).toBe('closed');
      await store.close();
    });

    it('saves check-ins once per KR and month: created, unchanged on resubmit, updated with a new version', async () => {
      const store = await seeded();
      const bundle = (await store.getSet('al-usaquen', '2026-Q4'))!;
      const kr = bundle.keyResults[0]!;
      const write = (value: number) => store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: [checkIn(kr.id, value)] });
      expect((await write(40)).map((s) => s.outcome)).toEqual(['created']);
      expect((await write(40)).map((s) => s.outcome)).toEqual(['unchanged']);
      const [updated] = await write(55);
      expect(updated).toMatchObject({ outcome: 'updated', checkIn: { value: 55, version: 2 } });
      const month = (await store.listCheckIns('al-usaquen', ['2026-11'])).filter((c) => c.keyResultId === kr.id);
      expect(month).toHaveLength(1);
      const audit = await store.listAudit({ entity: 'checkIn', entityId: updated!.checkIn.id });
      expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
      expect(audit[0]).toMatchObject({ actorId: 'enlace-al-usaquen', before: { value: 40 }, after: { value: 55 } });
      await store.close();
    });

    it('lists a unit’s check-ins for the months asked, and nothing for no months', async () => {
      const store = await seeded();
      const october = await store.listCheckIns('al-chapinero', ['2026-10']);
      expect(october.length).toBeGreaterThan(0);
      expect(october.every((c) => c.unitId === 'al-chapinero' && c.period === '2026-10')).toBe(true);
      const quarter = await store.listCheckIns('al-chapinero', quarterMonths('2026-Q4'));
      expect(quarter.length).toBeGreaterThanOrEqual(october.length);
      expect(await store.listCheckIns('al-chapinero', [])).toEqual([]);
      await store.close();
    });

    it('records the monthly review of a unit, replacing it and auditing each change', async () => {
      const store = await seeded();
      expect(await store.getMonthReview('al-usaquen', '2026-10')).toBeNull();
      const review = { unitId: 'al-usaquen', period: '2026-10', state: 'closed' as const, actorId: 'eti-1', at: '2026-11-05T14:00:00.000Z', note: null };
      await store.saveMonthReview(review);
      expect(await store.getMonthReview('al-usaquen', '2026-10')).toEqual(review);
      await store.saveMonthReview({ ...review, state: 'correction_requested', note: 'Falta la evidencia del KR 2.' });
      expect(await store.getMonthReview('al-usaquen', '2026-10')).toMatchObject({ state: 'correction_requested', note: 'Falta la evidencia del KR 2.' });
      expect(await store.getMonthReview('al-usaquen', '2026-11')).toBeNull();
      const audit = await store.listAudit({ entity: 'monthReview', entityId: 'al-usaquen/2026-10' });
      expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
      await store.close();
    });

    it('creates a draft set, edits it by version, and moves it along the workflow compare-and-set', async () => {
      const store = await seeded();
      const content = (title: string): SetContent => ({
        institutionalObjectiveId: 'oe1',
        objectives: [
          { id: 'n-oe', parentId: null, level: 'strategic', title, order: 0 },
          { id: 'n-ot1', parentId: 'n-oe', level: 'tactical', title: 'Táctico 1', order: 1 },
        ],
        keyResults: [
          { id: 'n-kr1', objectiveId: 'n-ot1', title: 'KR 1', kind: 'percentage', unitOfMeasure: '%', baseline: 0, target: 100, direction: 'increase', ownerId: null, order: 1 },
        ],
      });
      const created = await store.createSet({ actorId: 'enlace-al-usaquen', setId: 'n', unitId: 'al-usaquen', quarter: '2027-Q1', content: content('Primera versión') });
      expect(created.set).toMatchObject({ id: 'n', state: 'draft', version: 1, quarter: '2027-Q1' });
      expect(created.objectives).toHaveLength(2);
      await expect(store.createSet({ actorId: 'enlace-al-usaquen', setId: 'n2', unitId: 'al-usaquen', quarter: '2027-Q1', content: content('x') })).rejects.toBeInstanceOf(ConflictError);

      const edited = await store.replaceSetContent({ actorId: 'enlace-al-usaquen', setId: 'n', expectedVersion: 1, content: content('Segunda versión') });
      expect(edited.set.version).toBe(2);
      expect(edited.objectives.find((o) => o.level === 'strategic')?.title).toBe('Segunda versión');
      await expect(store.replaceSetContent({ actorId: 'enlace-al-usaquen', setId: 'n', expectedVersion: 1, content: content('Tarde') })).rejects.toBeInstanceOf(ConflictError);

      const submitted = await store.transitionSet({ actorId: 'enlace-al-usaquen', setId: 'n', action: 'submit', from: 'draft', to: 'coach_review', expectedVersion: 2, comment: null });
      expect(submitted).toMatchObject({ state: 'coach_review', version: 3 });
      // Two coaches click at once: the second acts on a stale card.
      await store.transitionSet({ actorId: 'coach-1', setId: 'n', action: 'approveForm', from: 'coach_review', to: 'leader_approval', expectedVersion: 3, comment: null });
      await expect(
        store.transitionSet({ actorId: 'coach-2', setId: 'n', action: 'returnToEnlace', from: 'coach_review', to: 'returned', expectedVersion: 3, comment: 'x' }),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await store.getSetById('n'))?.set).toMatchObject({ state: 'leader_approval', version: 4 });

      const events = await store.listSetEvents('n');
      expect(events.map((e) => [e.action, e.actorId, e.fromState, e.toState])).toEqual([
        ['create', 'enlace-al-usaquen', 'draft', 'draft'],
        ['edit', 'enlace-al-usaquen', 'draft', 'draft'],
        ['submit', 'enlace-al-usaquen', 'draft', 'coach_review'],
        ['approveForm', 'coach-1', 'coach_review', 'leader_approval'],
      ]);
      expect((await store.listAudit({ entity: 'okrSet', entityId: 'n' })).map((a) => a.action)).toEqual(['update', 'update', 'update', 'create']);
      expect(await store.getSetById('nada')).toBeNull();
      expect((await store.listSetsByState(['leader_approval'])).map((s) => s.id)).toEqual(['n']);
      expect(await store.listSetsByState(['coach_review'])).toEqual([]);
      expect((await store.listSetsByState(['active'])).length).toBe(44);
      await store.close();
    });

    it('remembers the cards sent about a set, one per purpose and person', async () => {
      const store = await seeded();
      const setId = 'set-al-usaquen-2026-Q4';
      await store.saveCardMessage({ setId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a1', reference: { c: 1 } });
      await store.saveCardMessage({ setId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a2', reference: { c: 2 } });
      await store.saveCardMessage({ setId, purpose: 'coach_review', personId: 'coach-1', activityId: 'b1', reference: { c: 3 } });
      const cards = await store.listCardMessages(setId);
      expect(cards).toHaveLength(2);
      expect(cards.find((c) => c.purpose === 'leader_approval')).toEqual({ setId, purpose: 'leader_approval', personId: 'lider-al-usaquen', activityId: 'a2', reference: { c: 2 } });
      await store.close();
    });

    it('keeps conversation references for proactive messages, replacing the old one', async () => {
      const store = await seeded();
      expect(await store.getConversationReference('enlace-al-usaquen')).toBeNull();
      await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'a' } });
      await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'b' } });
      expect(await store.getConversationReference('enlace-al-usaquen')).toEqual({ conversation: { id: 'b' } });
      await store.close();
    });

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

    it('lists the people the bot can reach proactively', async () => {
      const store = await seeded();
      expect(await store.listConversationPersonIds()).toEqual([]);
      await store.saveConversationReference('lider-al-usaquen', { conversation: { id: 'x' } });
      await store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'y' } });
      expect((await store.listConversationPersonIds()).sort()).toEqual(['enlace-al-usaquen', 'lider-al-usaquen']);
      await store.close();
    });
  });
}
