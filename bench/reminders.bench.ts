// Fan-out of one reminder to 5,000 people through the real reminder path — claim in the SQLite store,
// RateLimitedNotifier (Teams' documented bot limits, pause-all on 429 with Retry-After), confirm —
// against a local connector that enforces the same documented limits (per conversation 7/1 s, 8/2 s,
// 60/30 s, 1,800/h; per app and tenant 30 requests/s) and injects 429s (0.5 % of requests,
// Retry-After 1 s), with 100 ms per request. Simulated clock (VirtualTime): the figures are simulated
// seconds, computed in well under a second of real time.
//
// Prints: reminder_fanout_5000_s, reminder_fanout_floor_s (5,000 / 30 per second: the documented
// per-app limit at best), reminder_lost, reminder_duplicates. Goal: ≤ 1.1 × floor, 0 lost, 0 duplicates.
import pino from 'pino';
import { SqliteStore } from '../bot/src/store/sqlite/SqliteStore.js';
import { RateLimitedNotifier } from '../bot/src/jobs/notifier.js';
import { TEAMS_BOT_LIMITS } from '../bot/src/jobs/rateLimiter.js';
import { ReminderScheduler } from '../bot/src/jobs/reminderScheduler.js';
import type { PlannedReminder } from '../bot/src/jobs/reminderPlan.js';
import { VirtualTime } from '../bot/src/jobs/time.js';
import { FakeTeamsConnector } from '../bot/src/testing/fakeTeamsConnector.js';

const PEOPLE = 5_000;
const start = Date.parse('2026-11-26T14:00:00.000Z');
const time = new VirtualTime(start);
const clock = { now: () => new Date(time.now()) };
const store = new SqliteStore({ path: ':memory:', now: clock.now });

let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const connector = new FakeTeamsConnector({ time, limits: TEAMS_BOT_LIMITS, latencyMs: 100, inject429: () => (random() < 0.005 ? 1_000 : null) });
const notifier = new RateLimitedNotifier(connector, { time });

const reminders: PlannedReminder[] = Array.from({ length: PEOPLE }, (_, i) => {
  const key = { kind: 'checkin_window' as const, personId: `persona-${i}`, subject: `unidad-${i % 44}`, period: '2026-11', step: 0 };
  return { key, id: `checkin_window|persona-${i}|unidad-${i % 44}|2026-11|0`, items: ['KR 1', 'KR 2'], unitName: `Unidad ${i % 44}`, snoozed: false, muted: false, reachable: true, log: null };
});
const reference = (personId: string) => ({ conversation: { id: `a:${personId}` } });
// 5,000 people, each with the conversation reference the scheduler reads from the store.
await store.seed({
  units: [],
  people: reminders.map((r, i) => ({ id: r.key.personId, aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Persona ${i}`, email: `p${i}@x.gov.co`, jobTitle: '' })),
  roles: [],
  institutionalObjectives: [],
  sets: [],
  objectives: [],
  keyResults: [],
  checkIns: [],
});
for (const r of reminders) await store.saveConversationReference(r.key.personId, reference(r.key.personId));

const scheduler = new ReminderScheduler({
  store,
  notifier,
  clock,
  render: (r) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: r.id }] }),
  log: pino({ level: 'silent' }),
  owner: 'bench',
  concurrency: 16,
});

const report = await time.run(scheduler.dispatch(reminders));
const seconds = (time.now() - start) / 1000;
const floor = PEOPLE / TEAMS_BOT_LIMITS.global[0]!.max;
const counts = connector.countsById();
const lost = reminders.filter((r) => !counts.has(r.id)).length;
const sentInStore = (await store.listReminderLog({ states: ['sent'], limit: 100_000 })).length;

console.log(`reminder_fanout_5000_s ${seconds.toFixed(1)}`);
console.log(`reminder_fanout_floor_s ${floor.toFixed(1)}`);
console.log(`reminder_lost ${lost}`);
console.log(`reminder_duplicates ${connector.duplicates()}`);
console.error(
  `# simulated clock; ${connector.throttled} 429s (${connector.violations} for exceeding a limit), ${report.sent.length} confirmed sent, ${sentInStore} sent in the store, ratio ${(seconds / floor).toFixed(3)} of the floor`,
);
await store.close();
