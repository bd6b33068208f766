// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import * as AC from 'adaptivecards';
import { botHarness } from '../../testing/harness.js';
import { CHECK_IN_SUBMIT, inputIds } from './checkInCard.js';
import { helpCard, messageCard, notRegisteredCard, welcomeCard } from './simpleCards.js';
import type { AdaptiveCard } from './elements.js';

/** Parses a card with the official Adaptive Cards library; returns every parse event (errors and warnings). */
function parseEvents(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card as unknown as AC.PropertyBag, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const e = context.getEventAt(i);
    events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  }
  for (const e of parsed.validateProperties().validationEvents) events.push(`${AC.ValidationEvent[e.event]}: ${e.message}`);
  return events;
}

describe('every card the bot sends is valid Adaptive Card 1.5', () => {
  it('check-in, error, confirmation, choice, help, welcome and message cards parse with no errors or warnings', async () => {
    const h = await botHarness();
    const cards: AdaptiveCard[] = [];
    cards.push(...(await h.say('enlace-al-usaquen', 'check-in')));
    cards.push(...(await h.say('enlace-dgth', 'check-in')));
    const bundle = (await h.store.getSet('al-usaquen', '2026-Q4'))!;
    const data: Record<string, unknown> = { unitId: 'al-usaquen', period: '2026-11' };
    for (const kr of bundle.keyResults) {
      const ids = inputIds(kr.id);
      data[ids.value] = kr.kind === 'milestone' ? '0' : '3';
      data[ids.comment] = 'Avance del mes.';
      data[ids.evidenceUrl] = 'http://no-https';
    }
    cards.push(await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, data));
    for (const kr of bundle.keyResults) data[inputIds(kr.id).evidenceUrl] = 'https://gobiernobogota.sharepoint.com/e';
    cards.push(await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, data));
    const person = (await h.store.getPerson('enlace-al-usaquen'))!;
    cards.push(helpCard(), notRegisteredCard(), messageCard('Título', 'Texto'), welcomeCard(person, await h.store.rolesOf(person.id), await h.store.listUnits()));

    expect(cards).toHaveLength(8);
    for (const card of cards) {
      expect(card.version).toBe('1.5');
      expect(parseEvents(card), JSON.stringify(card).slice(0, 200)).toEqual([]);
    }
  });

  it('reports a broken card (the check above can fail)', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }, { type: 'NoSuchElement' }] } as unknown as AdaptiveCard;
    expect(parseEvents(broken).length).toBeGreaterThan(0);
  });
});
