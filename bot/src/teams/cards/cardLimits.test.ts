// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { botHarness, cardText } from '../../testing/harness.js';
import { LONGEST_PERIOD, TAB, everyCardAtItsLongest, longest } from '../../testing/longestCards.js';
import { CARD_MAX_BYTES, cardBytes } from './elements.js';
import { CHECK_IN_SAVE_ONE, inputIds } from './checkInCard.js';
import { parseEvents } from '../../testing/adaptiveCards.js';
import { CHECK_IN_OPEN } from './simpleCards.js';
import { MY_OKR_OPEN } from './summaryCards.js';

/**
 * Every card at the longest input the app accepts (issue 19, item 8: under 28 KB, Teams' limit when
 * a message goes through Graph) and with text people typed shown literally (issue 13, item 4: a
 * markdown link in a comment or an acta never becomes a link). One fixture fills every field to its
 * limit with a phishing link, accents and markdown, and the real commands and card actions build the cards.
 */

const links = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl') out.push(String(o.url));
      if ((o.type === 'TextBlock' && typeof o.text === 'string') || (typeof o.title === 'string' && typeof o.value === 'string' && !('type' in o))) {
        for (const s of [o.text, o.title, o.value]) {
          // An unescaped «[…](…)» or a bare «https:» is what Teams would turn into a link.
          if (typeof s === 'string' && (/(^|[^\\])\[[^\]]*[^\\]\]\(/.test(s) || /https?:\/\//.test(s))) out.push(`markdown: ${s.slice(0, 80)}`);
        }
      }
      Object.values(o).forEach((v) => typeof v === 'object' && walk(v));
    }
  };
  walk(card);
  return out;
};

describe('every card at the longest input the app accepts', async () => {
  const cards = await everyCardAtItsLongest();

  it('is under 28 KB (issue 19, item 8)', () => {
    const sizes = cards.map(([name, c]) => [name, cardBytes(c)] as const);
    for (const [name, bytes] of sizes) expect(bytes, name).toBeLessThan(CARD_MAX_BYTES);
    expect(sizes.length).toBeGreaterThan(25);
  });

  it('shows what people typed literally: no markdown link, and no link but the app’s own (issue 13, item 4)', () => {
    for (const [name, c] of cards) {
      for (const link of links(c)) expect(link.startsWith(TAB) || link.startsWith('https://teams.microsoft.com/l/entity/'), `${name}: ${link}`).toBe(true);
    }
    // The phishing text is still there, as typed, in the plain-text runs.
    const [, checkIn] = cards.find(([name]) => name === 'check-in')!;
    expect(cardText(checkIn)).toContain('[Descarga el soporte firmado](https://phish.example.com/login)');
  });

  it('is still valid Adaptive Card 1.5', () => {
    for (const [name, c] of cards) expect(parseEvents(c), name).toEqual([]);
  });

  it('includes the validation of the figures: the returned figure with the longest checks and observations, confirmed, and OKR results returned', () => {
    const names = cards.map(([name]) => name);
    for (const name of ['validacion (area) #2', 'validacion (OAP)', 'pei figure (confirmed)', 'pei figure (clicked again)', 'validacion (OKR results returned) #2']) expect(names).toContain(name);
    const [, returned] = cards.find(([name]) => name === 'validacion (area) #2')!;
    expect(cardText(returned)).toContain('categorías fuera de la lista documentada');
    expect(cardText(returned)).toContain('…');
  });

  it('uses a choice set instead of one button per unit for a person with more than 6 units', () => {
    for (const name of ['choose unit (10 units)', 'pendientes (10 units)', 'mis okr (10 units)']) {
      const [, c] = cards.find(([n]) => n === name)!;
      expect(c.actions?.length ?? 0, name).toBeLessThanOrEqual(6);
      expect(JSON.stringify(c), name).toContain('Input.ChoiceSet');
    }
  });
});

describe('what the smaller cards lead to', () => {
  it('the unit chosen in the choice set opens its check-in, and its `mis okr`', async () => {
    const h = await botHarness(undefined, longest);
    const checkIn = await h.execute('enlace-dgth', CHECK_IN_OPEN, { unitId: 'al-kennedy' });
    expect(cardText(checkIn)).toContain('Alcaldía Local de Kennedy');
    const unit = await h.execute('enlace-dgth', MY_OKR_OPEN, { unitId: 'al-kennedy' });
    expect(unit.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: expect.stringContaining('al-kennedy') })]);
    // Only one's own units.
    expect(cardText(await h.execute('enlace-dgth', MY_OKR_OPEN, { unitId: 'al-suba' }))).not.toContain('Alcaldía Local de Suba');
  });

  it('a stored comment or link too long for the card’s input shows as a preview and is kept when left empty', async () => {
    const h = await botHarness(undefined, longest);
    const bundle = (await h.store.getSet('al-usaquen', '2026-Q4'))!;
    const kr = bundle.keyResults.find((k) => k.kind === 'percentage' && k.id !== bundle.keyResults[0]!.id)!;
    const [before] = (await h.store.listCheckIns('al-usaquen', [LONGEST_PERIOD])).filter((c) => c.keyResultId === kr.id);
    const [card] = await h.say('enlace-al-usaquen', 'check-in');
    expect(JSON.stringify(card)).not.toContain(before!.comment);
    expect(cardText(card)).toMatch(/se conserva si dejas el campo vacío/);
    await h.execute('enlace-al-usaquen', CHECK_IN_SAVE_ONE, { unitId: 'al-usaquen', period: LONGEST_PERIOD, keyResultId: kr.id, version: before!.version, [inputIds(kr.id).value]: '77' });
    const [after] = (await h.store.listCheckIns('al-usaquen', [LONGEST_PERIOD])).filter((c) => c.keyResultId === kr.id);
    expect(after).toMatchObject({ value: 77, comment: before!.comment, evidenceUrl: before!.evidenceUrl });
  });
});
