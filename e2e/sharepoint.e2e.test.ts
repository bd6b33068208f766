import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCard, mainAction, playgroundClient, startStack, type Stack } from './support.js';

/**
 * The production path run locally (`npm run start:sharepoint`): the server on the SharePoint store —
 * read cache included — over the Graph fake, seeded with the demo; a check-in through the Agents
 * Playground lands in the SharePoint lists, and `/api/dev/graph-stats` counts what it cost.
 */
describe('the whole app on the SharePoint store over the Graph fake', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({}, { entry: 'bot/src/dev/sharepointFake.ts' });
  }, 90_000);
  afterAll(async () => stack?.stop());

  it('takes a monthly check-in from the Teams card and shows it on the tab’s API, counting the Graph requests', async () => {
    const stats = async () => (await (await fetch(`${stack.botUrl}/api/dev/graph-stats`)).json()) as { requests: number; ru: number };
    expect((await (await fetch(`${stack.botUrl}/healthz`)).json()).store).toBe('sharepoint');
    const before = await stats();

    const pg = await playgroundClient(stack.playgroundUrl);
    const chatId: string = pg.config.personalChat.id;
    const me = { id: pg.config.currentUser.id as string };
    await pg.send(chatId, me, 'check-in');
    // 23 November: Usaquén never reported October, the earliest month still open and missing.
    const cardMessage = await pg.waitFor((m) => JSON.stringify(m).includes('Check-in de octubre de 2026'));
    const card = cardMessage.attachments[0].content;
    const saved = await pg.invoke(chatId, me, cardMessage.messageId, card.actions[0].verb, { ...mainAction(card).data, ...fillCard(card) });
    expect(JSON.stringify(saved)).toContain('Check-in de octubre de 2026 guardado');
    pg.close();

    const after = await stats();
    expect(after.requests).toBeGreaterThan(before.requests);
    expect(after.ru).toBeGreaterThan(before.ru);

    const tree = await (await fetch(`${stack.botUrl}/api/units/al-usaquen/tree?quarter=2026-Q4`, { headers: { 'x-dev-person-id': 'lider-al-usaquen' } })).json();
    expect(JSON.stringify(tree)).toContain('Se cumplió lo programado para noviembre.');
  }, 120_000);
});
