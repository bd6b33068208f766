import { describe, expect, it } from 'vitest';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fakeSharePoint } from '../store/sharepoint/fake/harness.js';
import { botHarness, cardText, TEST_NOW } from '../testing/harness.js';
import { CHECK_IN_SAVE_ONE } from './cards/checkInCard.js';
import type { AdaptiveCard } from './cards/elements.js';

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
