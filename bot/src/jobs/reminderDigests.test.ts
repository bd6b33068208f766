import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import type { Store } from '../store/Store.js';
import { FakeTeamsConnector } from '../testing/fakeTeamsConnector.js';
import { silentLog } from '../testing/harness.js';
import { plenariaWithActa, setIn } from '../testing/waitingFixtures.js';
import { planReminders } from './reminderPlan.js';
import { ReminderScheduler } from './reminderScheduler.js';
import type { TimeSource } from './time.js';

const instant: TimeSource = { now: () => 0, sleep: async () => undefined };
/** 09:00 in Bogotá of a date. */
const at9 = (date: string) => `${date}T14:00:00.000Z`;

/** The demo seed (without its plenarias) plus what waits: Usaquén's T1 2027 set for its líder, Suba's for the coaches, Suba's acta for its líder, Bosa's copy for the OAP. */
async function world() {
  let now = new Date(at9('2026-11-16'));
  const clock = { now: () => new Date(now) };
  const store = new SqliteStore({ path: ':memory:', now: () => clock.now() });
  // The demo's own plenarias and actas are left out: this test knows exactly what waits.
  await store.seed({ ...buildDemoSeed('2026-11-23'), plenarias: [], actas: [], commitments: [], proposals: [] });
  for (const p of await store.listPeople()) await store.saveConversationReference(p.id, { conversation: { id: `a:${p.id}` }, user: { id: p.id } });
  await setIn(store, 'al-usaquen', '2027-Q1', 'leader_approval');
  await setIn(store, 'al-suba', '2027-Q1', 'coach_review');
  await plenariaWithActa(store, 'al-suba', '2026-11-12', { secretarySigned: true });
  await plenariaWithActa(store, 'al-bosa', '2026-11-05', { acta: false });
  const connector = new FakeTeamsConnector({ time: instant, limits: null });
  const cards = new Map<string, string[]>();
  const scheduler = (owner: string, s: Store = store) =>
    new ReminderScheduler({
      store: s,
      notifier: connector,
      clock,
      render: (r) => {
        cards.set(r.id, r.items);
        return { type: 'AdaptiveCard', key: r.id };
      },
      log: silentLog,
      owner,
      concurrency: 4,
    });
  /** The digests a person received, as "kind|period|step". */
  const digestsOf = (personId: string) =>
    connector.deliveries
      .filter((d) => d.personId === personId && d.id.includes('_digest|') && !d.id.startsWith('eti_digest'))
      .map((d) => {
        const [kind, , , period, step] = d.id.split('|');
        return `${kind}|${period}|${step}`;
      });
  return { store, clock, connector, scheduler, cards, digestsOf, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('weekly digests: what waits for líderes, signers, coaches and the OAP', () => {
  it('each person gets one digest a week with what waits for them, on the week’s first business day, exactly once', async () => {
    const w = await world();
    const a = w.scheduler('a');
    const run = async (iso: string) => {
      w.setNow(iso);
      return a.runOnce();
    };

    // Mon 16 Nov is a holiday: nothing. Tue 17 Nov is the week's first business day.
    expect((await run(at9('2026-11-16'))).skipped).toBe('outside_hours');
    await run(at9('2026-11-17'));
    expect(w.digestsOf('lider-al-usaquen')).toEqual(['approvals_digest|2026-11|17']);
    expect(w.cards.get('approvals_digest|lider-al-usaquen|entity|2026-11|17')).toEqual(['Set de OKR T1 2027 de Alcaldía Local de Usaquén: por aprobar']);
    expect(w.digestsOf('lider-al-suba')).toEqual(['approvals_digest|2026-11|17']);
    expect(w.cards.get('approvals_digest|lider-al-suba|entity|2026-11|17')).toEqual(['Acta de la plenaria menor de Alcaldía Local de Suba (12 de noviembre de 2026): falta tu firma como quien preside']);
    expect(w.digestsOf('enlace-al-suba')).toEqual([]); // signed already
    for (const coach of ['coach-1', 'coach-2']) {
      expect(w.digestsOf(coach)).toEqual(['coach_digest|2026-11|17']);
      expect(w.cards.get(`coach_digest|${coach}|entity|2026-11|17`)).toEqual(['Set de OKR T1 2027 de Alcaldía Local de Suba: por revisar']);
    }
    for (const oap of ['oap-1', 'oap-2']) {
      expect(w.digestsOf(oap)).toEqual(['oap_digest|2026-11|17']);
      // Bosa's copy is due on 18 Nov: within the next 3 business days.
      expect(w.cards.get(`oap_digest|${oap}|entity|2026-11|17`)).toEqual(['Alcaldía Local de Bosa — plenaria menor del 5 de noviembre de 2026: copia pendiente (plazo hasta el 18 de noviembre de 2026)']);
    }
    // Nothing waits for the other líderes: no empty digest.
    expect(w.digestsOf('lider-al-bosa')).toEqual([]);
    expect(w.digestsOf('lider-al-chapinero')).toEqual([]);

    // The same day again, the rest of the week (Friday included), the weekend: nothing more.
    await run('2026-11-17T21:00:00.000Z');
    await run(at9('2026-11-18'));
    await run(at9('2026-11-20'));
    expect((await run(at9('2026-11-21'))).skipped).toBe('outside_hours');
    expect((await run(at9('2026-11-22'))).skipped).toBe('outside_hours');
    expect(w.digestsOf('lider-al-usaquen')).toEqual(['approvals_digest|2026-11|17']);
    expect(w.digestsOf('oap-1')).toEqual(['oap_digest|2026-11|17']);

    // Mon 23 Nov: outside hours nothing, then the new week's digest — Bosa's copy is now late.
    expect((await run('2026-11-23T12:59:00.000Z')).skipped).toBe('outside_hours'); // 07:59
    expect((await run('2026-11-23T22:00:00.000Z')).skipped).toBe('outside_hours'); // 17:00
    expect(w.digestsOf('lider-al-usaquen')).toEqual(['approvals_digest|2026-11|17']);
    // Two schedulers at once (two instances): each digest still goes once.
    w.setNow(at9('2026-11-23'));
    await Promise.all([a.runOnce(), w.scheduler('b').runOnce()]);
    expect(w.digestsOf('lider-al-usaquen')).toEqual(['approvals_digest|2026-11|17', 'approvals_digest|2026-11|23']);
    expect(w.digestsOf('coach-2')).toEqual(['coach_digest|2026-11|17', 'coach_digest|2026-11|23']);
    expect(w.cards.get('oap_digest|oap-1|entity|2026-11|23')).toEqual([
      'Alcaldía Local de Bosa — plenaria menor del 5 de noviembre de 2026: copia vencida (plazo hasta el 18 de noviembre de 2026)',
      'Alcaldía Local de Suba — plenaria menor del 12 de noviembre de 2026: copia pendiente (plazo hasta el 25 de noviembre de 2026)',
    ]);
    expect(w.connector.duplicates()).toBe(0);
  });

  it('a server down on Monday catches up once later in the week; what was dealt with drops out', async () => {
    const w = await world();
    const a = w.scheduler('a');
    // The líder approved Usaquén's set on Monday 23 Nov, before the (missed) run.
    const set = (await w.store.getSetById('set-al-usaquen-2027-Q1'))!.set;
    await w.store.transitionSet({ actorId: 'lider-al-usaquen', setId: set.id, action: 'approve', from: 'leader_approval', to: 'active', expectedVersion: set.version, comment: null });
    w.setNow(at9('2026-11-25')); // Wednesday: first run of the week
    await a.runOnce();
    w.setNow(at9('2026-11-26'));
    await a.runOnce();
    expect(w.digestsOf('lider-al-usaquen')).toEqual([]);
    expect(w.digestsOf('lider-al-suba')).toEqual(['approvals_digest|2026-11|23']);
    expect(w.digestsOf('coach-1')).toEqual(['coach_digest|2026-11|23']);
    expect(w.connector.duplicates()).toBe(0);
  });

  it('«Recordarme mañana» brings the digest back the next business day, once, while still in its week', async () => {
    const w = await world();
    const a = w.scheduler('a');
    w.setNow(at9('2026-11-23'));
    await a.runOnce();
    const key = { kind: 'approvals_digest' as const, personId: 'lider-al-usaquen', subject: 'entity', period: '2026-11', step: 23 };
    await w.store.snoozeReminder(key, '2026-11-24T13:00:00.000Z');
    w.setNow('2026-11-24T13:00:00.000Z');
    await a.runOnce();
    await a.runOnce();
    expect(w.digestsOf('lider-al-usaquen')).toEqual(['approvals_digest|2026-11|23', 'approvals_digest|2026-11|123']);
    // Snoozed again on Friday: Monday is a new week with its own digest, the snoozed one does not come back.
    await w.store.snoozeReminder(key, '2026-11-30T13:00:00.000Z');
    w.setNow('2026-11-30T13:00:00.000Z');
    await a.runOnce();
    expect(w.digestsOf('lider-al-usaquen')).toEqual(['approvals_digest|2026-11|23', 'approvals_digest|2026-11|123', 'approvals_digest|2026-11|30']);
    expect(w.connector.duplicates()).toBe(0);
  });

  it('reads each list once per plan', async () => {
    const w = await world();
    const calls = new Map<string, number>();
    const counted = new Proxy(w.store, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls.set(String(prop), (calls.get(String(prop)) ?? 0) + 1);
          return value.apply(target, args);
        };
      },
    });
    const plan = await planReminders(counted, new Date(at9('2026-11-23')));
    expect(plan.reminders.filter((r) => r.key.kind === 'approvals_digest').map((r) => r.key.personId).sort()).toEqual(['lider-al-suba', 'lider-al-usaquen']);
    for (const read of ['listUnits', 'listRoles', 'listSetsByState', 'listPlenarias', 'listActas']) expect([read, calls.get(read)]).toEqual([read, 1]);
    // A day that is not a business day reads no plenarias.
    calls.clear();
    await planReminders(counted, new Date(at9('2026-11-21')));
    expect(calls.get('listPlenarias')).toBeUndefined();
  });
});
