import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reminderKeyString, snoozeUntil, type ReminderKey } from '@okr/core';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { buildDemoSeed, DEMO_PENDING_UNITS } from '../store/seed/demoOkrs.js';
import type { Store } from '../store/Store.js';
import { FakeTeamsConnector } from '../testing/fakeTeamsConnector.js';
import { silentLog } from '../testing/harness.js';
import { RecordingAppInstaller } from './appInstaller.js';
import { ReminderScheduler } from './reminderScheduler.js';
import type { TimeSource } from './time.js';

/** Sends happen at once: these tests are about what is sent, not when (see notifier.test.ts). */
const instant: TimeSource = { now: () => 0, sleep: async () => undefined };
const dir = mkdtempSync(join(tmpdir(), 'okr-reminders-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 09:00 in Bogotá of a date. */
const at9 = (date: string) => `${date}T14:00:00.000Z`;

async function world(opts: { file?: boolean; unreachable?: string[] } = {}) {
  let now = new Date(at9('2026-11-23'));
  const clock = { now: () => new Date(now) };
  const path = opts.file ? join(dir, `${Math.random().toString(36).slice(2)}.db`) : ':memory:';
  const store = new SqliteStore({ path, now: () => clock.now() });
  await store.seed(buildDemoSeed('2026-11-23'));
  // The demo leaves its walkthrough units' latest month due (October) unreported; here they reported
  // it, so their reminders are November's and December's.
  for (const unitId of DEMO_PENDING_UNITS) {
    const krs = (await store.getSet(unitId, '2026-Q4'))!.keyResults;
    await store.saveCheckIns({
      actorId: `enlace-${unitId}`,
      unitId,
      period: '2026-10',
      checkIns: krs.map((kr) => ({ keyResultId: kr.id, value: kr.kind === 'milestone' ? 0 : kr.baseline, comment: 'Avance de octubre.', evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/${unitId}/2026-10`, version: null })),
    });
  }
  for (const p of await store.listPeople()) {
    if (!opts.unreachable?.includes(p.id)) await store.saveConversationReference(p.id, { conversation: { id: `a:${p.id}` }, user: { id: p.id } });
  }
  const connector = new FakeTeamsConnector({ time: instant, limits: null });
  const scheduler = (owner: string, s: Store = store, extra: Partial<ConstructorParameters<typeof ReminderScheduler>[0]> = {}) =>
    new ReminderScheduler({ store: s, notifier: connector, clock, render: (r) => ({ type: 'AdaptiveCard', key: r.id, items: r.items }), log: silentLog, owner, concurrency: 4, ...extra });
  /** The check-in reminders and ETI digests a person got, as "kind|period|step" (the weekly digests: reminderDigests.test.ts; the review digest below). */
  const sentTo = (personId: string) =>
    connector.deliveries
      .filter((d) => d.personId === personId && !/^(approvals|coach|oap|review)_digest\|/.test(d.id))
      .map((d) => d.id.split('|').slice(0, 1).concat(d.id.split('|').slice(3)).join('|'));
  return {
    store,
    path,
    connector,
    scheduler,
    sentTo,
    setNow: (iso: string) => (now = new Date(iso)),
  };
}

describe('ReminderScheduler: the calendar', () => {
  it('sends each reminder kind on its business day, once, across weekends, holidays and the year end', async () => {
    const w = await world();
    const s = w.scheduler('a');
    const run = async (iso: string) => {
      w.setNow(iso);
      return s.runOnce();
    };
    // Mon 23 Nov: October is reported for Usaquén, November's window is not open yet.
    await run(at9('2026-11-23'));
    expect(w.sentTo('enlace-al-usaquen')).toEqual([]);
    // Units with nothing reported for October: enlace, líder (3+ business days late) and the ETI digest.
    expect(w.connector.deliveries.some((d) => d.id.startsWith('checkin_missing|'))).toBe(true);
    expect(w.connector.deliveries.some((d) => d.id.startsWith('leader_escalation|'))).toBe(true);
    expect(w.sentTo('eti-1')).toEqual(['eti_digest|2026-10|0']);

    // Thu 26 Nov: the window opens (last 3 business days of November).
    expect((await run(at9('2026-11-26'))).sent).toContain('checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0');
    await run('2026-11-26T20:00:00.000Z'); // 15:00, again
    await run(at9('2026-11-27'));
    expect((await run(at9('2026-11-28'))).skipped).toBe('outside_hours'); // Saturday
    expect(w.sentTo('enlace-al-usaquen')).toEqual(['checkin_window|2026-11|0']);

    // Tue 1 Dec: November ended with Usaquén's KRs missing.
    await run(at9('2026-12-01'));
    expect(w.sentTo('enlace-al-usaquen')).toEqual(['checkin_window|2026-11|0', 'checkin_missing|2026-11|1']);
    await run(at9('2026-12-02'));
    expect(w.sentTo('lider-al-usaquen')).toEqual([]);
    // Thu 3 Dec: three business days late → the líder.
    await run(at9('2026-12-03'));
    expect(w.sentTo('lider-al-usaquen')).toEqual(['leader_escalation|2026-11|2']);
    expect((await run(at9('2026-12-08'))).skipped).toBe('outside_hours'); // Inmaculada Concepción

    // Year end: December's window on 29–31 Dec, the holiday of 1 Jan, the weekend, then 4 Jan.
    await run(at9('2026-12-29'));
    expect(w.sentTo('enlace-al-usaquen').at(-1)).toBe('checkin_window|2026-12|0');
    expect((await run(at9('2027-01-01'))).skipped).toBe('outside_hours');
    expect((await run(at9('2027-01-02'))).skipped).toBe('outside_hours');
    await run(at9('2027-01-04'));
    expect(w.sentTo('enlace-al-usaquen').at(-1)).toBe('checkin_missing|2026-12|1');
    await run(at9('2027-01-05'));
    expect(w.sentTo('lider-al-usaquen')).toEqual(['leader_escalation|2026-11|2']);
    await run(at9('2027-01-06'));
    expect(w.sentTo('lider-al-usaquen')).toEqual(['leader_escalation|2026-11|2', 'leader_escalation|2026-12|2']);
    expect(w.sentTo('eti-1')).toEqual(['eti_digest|2026-10|0', 'eti_digest|2026-11|0', 'eti_digest|2026-12|0']);
    expect(w.connector.duplicates()).toBe(0);
  });

  it('sends only between 08:00 and 17:00 in Bogotá', async () => {
    const w = await world();
    const s = w.scheduler('a');
    w.setNow('2026-11-26T12:59:00.000Z'); // 07:59
    expect((await s.runOnce()).skipped).toBe('outside_hours');
    w.setNow('2026-11-26T22:00:00.000Z'); // 17:00
    expect((await s.runOnce()).skipped).toBe('outside_hours');
    w.setNow('2026-11-26T13:00:00.000Z'); // 08:00
    expect((await s.runOnce()).skipped).toBeNull();
    expect(w.connector.deliveries.length).toBeGreaterThan(0);
  });

  it('catches up a day missed while the server was down, once', async () => {
    const w = await world();
    const s = w.scheduler('a');
    // Down on Tue 1 Dec; back on Wed 2 Dec.
    w.setNow(at9('2026-12-02'));
    expect((await s.runOnce()).sent).toContain('checkin_missing|enlace-al-usaquen|al-usaquen|2026-11|1');
    w.setNow('2026-12-02T19:00:00.000Z');
    expect((await s.runOnce()).sent).toEqual([]);
    w.setNow(at9('2026-12-03'));
    await s.runOnce();
    expect(w.sentTo('enlace-al-usaquen')).toEqual(['checkin_missing|2026-11|1']);
  });

  it('sends nothing while paused, and everything due once resumed', async () => {
    const w = await world();
    const s = w.scheduler('a');
    await w.store.setRemindersPaused(true, 'eti-1');
    w.setNow(at9('2026-11-26'));
    expect((await s.runOnce()).skipped).toBe('paused');
    expect(w.connector.deliveries).toEqual([]);
    await w.store.setRemindersPaused(false, 'eti-1');
    expect((await s.runOnce()).sent).toContain('checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0');
  });

  it('respects muted kinds and brings a snoozed reminder back the next business day, while still due', async () => {
    const w = await world();
    const s = w.scheduler('a');
    await w.store.setReminderPreferences({ personId: 'enlace-al-kennedy', mutedKinds: ['checkin_window'] }, 'enlace-al-kennedy');
    // A mute of the líder's escalation stored before it became snooze-only is not honoured (issue 14, item 12).
    await w.store.setReminderPreferences({ personId: 'lider-al-usaquen', mutedKinds: ['leader_escalation'] }, 'lider-al-usaquen');
    w.setNow(at9('2026-11-27')); // Friday
    expect((await s.runOnce()).muted).toBeGreaterThan(0);
    // The muted kind does not go out; an overdue month still does (it is postponed, never silenced).
    expect(w.sentTo('enlace-al-kennedy').filter((k) => k.startsWith('checkin_window|'))).toEqual([]);
    const key: ReminderKey = { kind: 'checkin_window', personId: 'enlace-al-usaquen', subject: 'al-usaquen', period: '2026-11', step: 0 };
    await w.store.snoozeReminder(key, snoozeUntil(new Date(at9('2026-11-27'))).toISOString());
    w.setNow('2026-11-27T21:00:00.000Z');
    await s.runOnce();
    expect(w.sentTo('enlace-al-usaquen')).toEqual(['checkin_window|2026-11|0']);
    // Monday 30 Nov 08:00: back, with a new key, once.
    w.setNow('2026-11-30T13:00:00.000Z');
    expect((await s.runOnce()).sent).toContain(reminderKeyString({ ...key, step: 100 }));
    await s.runOnce();
    expect(w.sentTo('enlace-al-usaquen')).toEqual(['checkin_window|2026-11|0', 'checkin_window|2026-11|100']);
    w.setNow(at9('2026-12-03'));
    await s.runOnce();
    expect(w.sentTo('lider-al-usaquen').some((k) => k.startsWith('leader_escalation|'))).toBe(true);
  });

  it('lists people it cannot reach, asks for the app to be installed once a day, and reaches them once they can be', async () => {
    const w = await world({ unreachable: ['enlace-al-usaquen'] });
    const installer = new RecordingAppInstaller();
    const s = w.scheduler('a', w.store, { installer });
    w.setNow(at9('2026-11-26'));
    expect((await s.runOnce()).unreachable).toContain('enlace-al-usaquen');
    await s.runOnce();
    expect(installer.installed.filter((id) => id === 'enlace-al-usaquen')).toHaveLength(1);
    // The installation makes Teams send installationUpdate: OkrBot stores the reference.
    await w.store.saveConversationReference('enlace-al-usaquen', { conversation: { id: 'a:new' } });
    expect((await s.runOnce()).sent).toEqual(['checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0']);
  });

  it('tries a refused send again on a later run, and never resends one that may have been delivered', async () => {
    const w = await world();
    const s = w.scheduler('a');
    w.connector.failNext.set('enlace-al-usaquen', ['refused']);
    w.connector.failNext.set('enlace-sgd', ['unknown-after-delivery']);
    w.setNow(at9('2026-11-26'));
    const first = await s.runOnce();
    expect(first.failed).toEqual(['checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0']);
    expect(first.uncertain).toEqual(['checkin_window|enlace-sgd|sgd|2026-11|0']);
    const second = await s.runOnce();
    expect(second.sent).toEqual(['checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0']);
    expect(w.sentTo('enlace-sgd')).toEqual(['checkin_window|2026-11|0']);
    expect((await w.store.listReminderLog({ states: ['claimed'] })).map((e) => e.key)).toEqual(['checkin_window|enlace-sgd|sgd|2026-11|0']);
  });
});

describe('ReminderScheduler: exactly once', () => {
  it('two schedulers on two connections to one store send every reminder once', async () => {
    const w = await world({ file: true });
    const other = new SqliteStore({ path: w.path });
    w.setNow(at9('2026-11-26'));
    const [a, b] = await Promise.all([w.scheduler('a').runOnce(), w.scheduler('b', other).runOnce()]);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    expect(a.sent.length + b.sent.length).toBe(w.connector.deliveries.length);
    expect(new Set([...a.sent, ...b.sent]).size).toBe(a.sent.length + b.sent.length);
    expect(w.connector.duplicates()).toBe(0);
    // Both again, and a third: nothing more.
    await Promise.all([w.scheduler('a').runOnce(), w.scheduler('b', other).runOnce(), w.scheduler('c').runOnce()]);
    expect(w.connector.duplicates()).toBe(0);
    expect(w.connector.deliveries.length).toBe(a.sent.length + b.sent.length);
    await other.close();
  });

  /** A scheduler whose process dies at `when` while handling reminder number `n` of its run. */
  function dying(store: SqliteStore, when: 'after_claim' | 'after_send', n = 3): Store {
    let claims = 0;
    let victim: string | null = null;
    const kill = () => {
      throw new Error('killed');
    };
    return Object.assign(Object.create(store) as SqliteStore, {
      async claimReminder(key: ReminderKey, owner: string, at: string) {
        const won = await store.claimReminder(key, owner, at);
        if (won && ++claims === n) {
          victim = reminderKeyString(key);
          if (when === 'after_claim') kill();
        }
        return won;
      },
      async markReminderSent(key: string, owner: string, at: string) {
        if (key === victim && when === 'after_send') kill();
        return store.markReminderSent(key, owner, at);
      },
      victim: () => victim,
    });
  }

  for (const when of ['after_claim', 'after_send'] as const) {
    it(`an instance killed ${when === 'after_claim' ? 'between claim and send' : 'between send and confirmation'}: the other finishes the run, nothing is sent twice, the administrator sees the uncertain one`, async () => {
      const w = await world({ file: true });
      const other = new SqliteStore({ path: w.path });
      w.setNow(at9('2026-11-26'));
      const doomed = dying(w.store, when);
      await expect(w.scheduler('a', doomed, { concurrency: 1 }).runOnce()).rejects.toThrow('killed');
      const victim = (doomed as unknown as { victim(): string }).victim();
      const delivered = () => w.connector.countsById().get(victim) ?? 0;
      expect(delivered()).toBe(when === 'after_claim' ? 0 : 1);

      const b = await w.scheduler('b', other).runOnce();
      expect(b.sent.length).toBeGreaterThan(0);
      expect(b.sent).not.toContain(victim);
      expect(w.connector.duplicates()).toBe(0);
      expect(delivered()).toBe(when === 'after_claim' ? 0 : 1);
      const uncertain = await other.listReminderLog({ states: ['claimed'] });
      expect(uncertain.map((e) => [e.key, e.owner])).toEqual([[victim, 'a']]);

      // The administrator resends it (they judge it did not arrive): sent by the next run, once.
      if (when === 'after_claim') {
        expect(await other.retryReminder(victim, 'eti-1')).toBe(true);
        expect((await w.scheduler('b', other).runOnce()).sent).toEqual([victim]);
        await w.scheduler('c').runOnce();
        expect(delivered()).toBe(1);
      }
      expect(w.connector.duplicates()).toBe(0);
      await other.close();
    });
  }
});

describe('ReminderScheduler: the ETI’s review digest', () => {
  it('tells each ETI member once a day what became ready for review since their last digest', async () => {
    const w = await world();
    const s = w.scheduler('a');
    const digests = () => w.connector.deliveries.filter((d) => d.personId === 'eti-1' && d.id.startsWith('review_digest|'));
    w.setNow(at9('2026-11-23'));
    await s.runOnce();
    expect(digests().map((d) => d.id)).toEqual(['review_digest|eti-1|entity|2026-11|23']);
    const first = digests()[0]!.card as unknown as { items: string[] };
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.every((i) => i.endsWith('octubre de 2026') || i.endsWith('(corregido)'))).toBe(true);
    // Later the same day: nothing more. The next day: nothing new became ready, so nothing.
    w.setNow('2026-11-23T20:00:00.000Z');
    await s.runOnce();
    w.setNow(at9('2026-11-24'));
    await s.runOnce();
    expect(digests()).toHaveLength(1);
    // A unit completes November: the next day's digest lists it alone.
    const krs = (await w.store.getSet('al-suba', '2026-Q4'))!.keyResults;
    await w.store.saveCheckIns({ actorId: 'enlace-al-suba', unitId: 'al-suba', period: '2026-11', checkIns: krs.map((kr) => ({ keyResultId: kr.id, value: kr.kind === 'milestone' ? 0 : kr.baseline, comment: 'Avance de noviembre.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/al-suba/2026-11', version: null })) });
    w.setNow(at9('2026-11-25'));
    await s.runOnce();
    expect(digests().map((d) => d.id)).toEqual(['review_digest|eti-1|entity|2026-11|23', 'review_digest|eti-1|entity|2026-11|25']);
    expect((digests()[1]!.card as unknown as { items: string[] }).items).toEqual(['Alcaldía Local de Suba · noviembre de 2026']);
    expect(w.connector.duplicates()).toBe(0);
  });
});
