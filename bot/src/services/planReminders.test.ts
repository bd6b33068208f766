import { describe, expect, it } from 'vitest';
import { ReminderScheduler } from '../jobs/reminderScheduler.js';
import type { TimeSource } from '../jobs/time.js';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { FakeTeamsConnector } from '../testing/fakeTeamsConnector.js';
import { silentLog } from '../testing/harness.js';
import { reminderCard } from '../teams/cards/reminderCards.js';
import { tabLinks } from '../teams/tabLinks.js';
import { loadConfig } from '../config.js';

const instant: TimeSource = { now: () => 0, sleep: async () => undefined };
const at9 = (date: string) => `${date}T14:00:00.000Z`;

/**
 * The plan de gestión's report reminder on the reminder machinery: the demo as on 13 October 2026,
 * when Q3's reports are due on Thursday the 15th and some units have not sent theirs.
 */
describe('the plan de gestión report reminder, through the scheduler', () => {
  it('reaches the team in the window, again the day after the due date, then the líder — each once', async () => {
    let now = new Date(at9('2026-10-13'));
    const clock = { now: () => new Date(now) };
    const store = new SqliteStore({ path: ':memory:', now: () => clock.now() });
    await store.seed(buildDemoSeed('2026-10-13'));
    for (const p of await store.listPeople()) await store.saveConversationReference(p.id, { conversation: { id: `a:${p.id}` }, user: { id: p.id } });
    const connector = new FakeTeamsConnector({ time: instant, limits: null });
    const links = tabLinks(loadConfig({ PUBLIC_URL: 'http://localhost:3978' }));
    const scheduler = new ReminderScheduler({ store, notifier: connector, clock, render: (r) => reminderCard(r, { links }) as unknown as Record<string, unknown>, log: silentLog, owner: 'a', concurrency: 4 });
    const planSent = (personId: string) => connector.deliveries.filter((d) => d.personId === personId && d.id.startsWith('plan_report|')).map((d) => d.id);
    const run = async (date: string) => {
      now = new Date(at9(date));
      return scheduler.runOnce();
    };

    // Usaquén has not sent Q3: its promotor and its enlace get the window's reminder, once.
    await run('2026-10-13');
    await run('2026-10-14');
    expect(planSent('miembro-al-usaquen')).toEqual(['plan_report|miembro-al-usaquen|al-usaquen|2026-10|0']);
    expect(planSent('enlace-al-usaquen')).toEqual(['plan_report|enlace-al-usaquen|al-usaquen|2026-10|0']);
    expect(planSent('lider-al-usaquen')).toEqual([]);
    const card = connector.deliveries.find((d) => d.id === 'plan_report|enlace-al-usaquen|al-usaquen|2026-10|0')!.card as any;
    expect(JSON.stringify(card)).toContain('Reporte del plan de gestión: T3 2026 (julio–septiembre)');
    expect(JSON.stringify(card)).toContain('jueves, 15 de octubre');
    expect(card.actions[0]).toMatchObject({ type: 'Action.OpenUrl', title: 'Abrir el reporte', url: 'http://localhost:3978/?unit=al-usaquen&view=plan-reporte&quarter=2026-Q3' });
    // The units that already sent it get nothing; those that did not, do.
    const year = await store.loadPlanYear(2026);
    const sent = new Set(year.quarters.filter((x) => x.quarter === 3).map((x) => x.unitId));
    const reminded = new Set(connector.deliveries.filter((d) => d.id.startsWith('plan_report|')).map((d) => d.id.split('|')[2]));
    expect(sent.size).toBeGreaterThan(10);
    expect([...reminded].filter((u) => sent.has(u!))).toEqual([]);
    expect(reminded.size).toBe(44 - sent.size);
    // Friday 16: overdue, to the team; Tuesday 20 (3 business days late): the líder.
    await run('2026-10-16');
    expect(planSent('enlace-al-usaquen')).toEqual(['plan_report|enlace-al-usaquen|al-usaquen|2026-10|0', 'plan_report|enlace-al-usaquen|al-usaquen|2026-10|1']);
    await run('2026-10-20');
    await run('2026-10-21');
    expect(planSent('lider-al-usaquen')).toEqual(['plan_report|lider-al-usaquen|al-usaquen|2026-10|2']);
    expect(planSent('enlace-al-usaquen')).toHaveLength(2);
    await store.close();
  });
});
