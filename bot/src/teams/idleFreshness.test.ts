import { describe, expect, it } from 'vitest';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fakeSharePoint } from '../store/sharepoint/fake/harness.js';
import { botHarness, cardText, TEST_NOW } from '../testing/harness.js';

const UNIT = 'al-usaquen';
const ENLACE = `enlace-${UNIT}`;

/** A bot over the SharePoint store and the Graph fake, with the read cache's time in our hands. */
async function cachedBot() {
  let ms = 0;
  const h = fakeSharePoint({ now: () => new Date(TEST_NOW), cache: { maxAgeMs: 5_000, now: () => ms } });
  await h.store.seed(buildDemoSeed(TEST_NOW.slice(0, 10)));
  const bot = await botHarness(TEST_NOW, undefined, h.store);
  // Who writes, looked up once here: the harness's own lookup is not part of what the person does.
  const enlace = (await h.store.getPerson(ENLACE))!;
  return { ...h, bot, enlace, later: (by: number) => (ms += by) };
}

describe('an action’s freshness checks on an idle server (store/freshness.ts)', () => {
  it('a check-in card opened after a quiet spell asks Graph for the changes of all its lists in one request', async () => {
    const { bot, enlace, fake, later } = await cachedBot();
    const [first] = await bot.say(enlace, 'check-in');
    later(6_000);
    await bot.say(enlace, 'check-in');
    // Two minutes with nothing read: no list is in use any more.
    later(120_000);
    fake.resetStats();
    const [idle] = await bot.say(enlace, 'check-in');
    expect(fake.stats.requests).toBe(1);
    // One delta per list the card reads, and no other request.
    expect(fake.stats.ru).toBe(fake.stats.innerRequests);
    expect(cardText(idle)).toBe(cardText(first));
  });

  it('still sees, after a quiet spell, what changed meanwhile in a list the card reads', async () => {
    const { bot, enlace, store, list, later } = await cachedBot();
    await bot.say(enlace, 'check-in');
    later(6_000);
    await bot.say(enlace, 'check-in');
    later(120_000);
    const unit = (await store.getUnit(UNIT))!;
    // Changed behind the cache's back (SharePoint directly, or another instance): seen after its check.
    const units = list('units');
    units.update([...units.all()].find((i) => i.fields.RecordKey === UNIT)!, { Title: `${unit.name} (renombrada)` });
    later(6_000);
    const [card] = await bot.say(enlace, 'check-in');
    expect(cardText(card)).toContain(`${unit.name} (renombrada)`);
  });
});
