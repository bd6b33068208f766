import { describe, expect, it } from 'vitest';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fakeSharePoint } from '../store/sharepoint/fake/harness.js';
import { botHarness, cardText, TEST_NOW } from '../testing/harness.js';
import { CHECK_IN_SAVE_ONE } from './cards/checkInCard.js';
import type { AdaptiveCard } from './cards/elements.js';
import { DEFAULT_REMINDER_SETTINGS } from '@okr/core';
import { loadConfig } from '../config.js';
import { planReminders } from '../jobs/reminderPlan.js';
import { ReminderScheduler } from '../jobs/reminderScheduler.js';
import { silentLog } from '../testing/harness.js';
import { renderReminder } from './startReminders.js';
import { tabLinks } from './tabLinks.js';

const UNIT = 'al-usaquen';
const ENLACE = `enlace-${UNIT}`;
const NOTICE = /Los datos tienen/;

/** The text of a card's last element. */
const lastLine = (card: AdaptiveCard) => cardText(card.body.at(-1));

describe('a card built from data older than a minute says so in one line', () => {
  it('on a typed command and on a card action, and not while the data is fresh', async () => {
    let ms = 0;
    const h = fakeSharePoint({ now: () => new Date(TEST_NOW), cache: { maxAgeMs: 5_000, now: () => ms } });
    await h.store.seed(buildDemoSeed(TEST_NOW.slice(0, 10)));
    const bot = await botHarness(TEST_NOW, undefined, h.store);
    const [fresh] = await bot.say(ENLACE, 'check-in');
    expect(cardText(fresh)).not.toMatch(NOTICE);

    ms += 60_000; // exactly a minute: not yet worth saying
    h.fake.unreachable = true;
    const [minute] = await bot.say(ENLACE, 'check-in');
    expect(cardText(minute)).not.toMatch(NOTICE);

    ms += 61_000;
    const [stale] = await bot.say(ENLACE, 'check-in');
    expect(lastLine(stale as AdaptiveCard)).toBe('Los datos tienen 2 minutos: no se pudo actualizar desde SharePoint. Se pondrán al día en cuanto vuelva a responder.');
    // A card action's answer (here: a key result no longer on the month's form) says it too.
    const gone = await bot.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: '2026-11', keyResultId: 'ya-no-existe' });
    expect(cardText(gone)).toContain('No se guardó');
    expect(lastLine(gone)).toMatch(/^Los datos tienen 2 minutos/);

    h.fake.unreachable = false;
    const [again] = await bot.say(ENLACE, 'check-in');
    expect(cardText(again)).not.toMatch(NOTICE);
  });
});

describe('a proactive reminder card built from data older than a minute says so too', () => {
  /** The 26 Nov 2026 09:00 Bogotá run (the check-in window): each enlace gets the card of what their unit has not reported. */
  async function reminderRun(stale: boolean) {
    let ms = 0;
    const h = fakeSharePoint({ now: () => new Date(TEST_NOW), cache: { maxAgeMs: 5_000, now: () => ms } });
    const seed = buildDemoSeed(TEST_NOW.slice(0, 10));
    await h.store.seed(seed);
    for (const unit of seed.units) await h.store.saveConversationReference(`enlace-${unit.id}`, { conversation: { id: `a:enlace-${unit.id}` } });
    const runAt = new Date('2026-11-26T14:00:00.000Z');
    const settings = DEFAULT_REMINDER_SETTINGS;
    if (stale) {
      // The run's reads were answered two minutes ago; now SharePoint does not answer them (the cache
      // serves what it holds), and answers again when the run claims its first reminder.
      await h.store.getReminderControl();
      await planReminders(h.store, runAt, settings, silentLog);
      ms += 121_000;
      h.fake.unreachable = true;
    }
    const store = new Proxy(h.store, {
      get(target, key, receiver) {
        if (key === 'claimReminder') h.fake.unreachable = false;
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const sent: AdaptiveCard[] = [];
    const links = tabLinks(loadConfig({ PUBLIC_URL: 'http://localhost:3978' }));
    const scheduler = new ReminderScheduler({
      store,
      notifier: { send: async (m) => (sent.push(m.card as unknown as AdaptiveCard), { activityId: 'enviado' }), update: async () => undefined },
      clock: { now: () => runAt },
      render: renderReminder(links),
      log: silentLog,
      owner: 'prueba',
      settings,
    });
    const report = await scheduler.runOnce();
    return { report, card: sent.find((c) => cardText(c).includes('Usaquén'))! };
  }

  it('with the figures it shows, and not while the data is fresh', async () => {
    const fresh = await reminderRun(false);
    expect(fresh.report.sent.length).toBeGreaterThan(0);
    expect(cardText(fresh.card)).not.toMatch(NOTICE);
    const stale = await reminderRun(true);
    expect(stale.report.sent).toEqual(fresh.report.sent);
    expect(lastLine(stale.card)).toBe('Los datos tienen 2 minutos: no se pudo actualizar desde SharePoint. Se pondrán al día en cuanto vuelva a responder.');
    // The same card otherwise: the line is added at its end.
    expect(stale.card.body.slice(0, -1)).toEqual(fresh.card.body);
  });
});
