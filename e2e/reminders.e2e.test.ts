import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundClient, startStack, textOf, type Stack } from './support.js';

/**
 * A reminder through the Agents Playground: the real server's scheduler sends it proactively to the
 * enlace's personal chat (stored conversation reference, continueConversationAsync), and its
 * «Abrir el check-in» button opens the unit's check-in card.
 */
describe('reminders through the Agents Playground', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({
      // Thursday 26 Nov 2026, 09:00 in Bogotá: November's check-in window is open.
      OKR_NOW: '2026-11-26T14:00:00.000Z',
      REMINDERS_ENABLED: 'true',
      // Runs only when the test asks (POST /api/dev/reminders/run).
      REMINDERS_CRON: '0 0 1 1 *',
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const run = async () => {
    const res = await fetch(`${stack.botUrl}/api/dev/reminders/run`, { method: 'POST' });
    expect(res.status).toBe(200);
    return (await res.json()) as { sent: string[]; unreachable: string[]; skipped: string | null };
  };

  it('arrives in the personal chat once, and its button opens the check-in card', async () => {
    const pg = await playgroundClient(stack.playgroundUrl);
    const chat = pg.config.personalChat.id as string;
    const me = { id: pg.config.currentUser.id as string };

    // Before the enlace ever wrote to the bot it cannot reach them: listed, nothing sent.
    const before = await run();
    expect(before.skipped).toBeNull();
    expect(before.unreachable).toContain('enlace-al-usaquen');
    expect(before.sent).toEqual([]);

    await pg.send(chat, me, 'ayuda');
    await pg.waitFor((m) => textOf(m).includes('¿En qué te ayudo?'));

    const report = await run();
    expect(report.sent).toEqual(['checkin_window|enlace-al-usaquen|al-usaquen|2026-11|0']);
    const reminder = await pg.waitFor((m) => textOf(m).includes('Se abrió el check-in de noviembre de 2026'));
    const card = reminder.attachments[0].content;
    expect(textOf(card)).toContain('faltan 9 resultados clave');
    const open = card.actions.find((a: any) => a.title === 'Abrir el check-in');
    expect(open).toMatchObject({ type: 'Action.Execute', verb: 'checkin.open', data: { unitId: 'al-usaquen' } });

    const opened = await pg.invoke(chat, me, reminder.messageId, open.verb, open.data);
    expect(textOf(opened)).toContain('Check-in de noviembre de 2026');
    expect(textOf(opened)).toContain('Guardar todo');

    // Another run: nothing twice.
    expect((await run()).sent).toEqual([]);
    const copies = pg.messages.filter((m) => textOf(m).includes('Se abrió el check-in de noviembre de 2026'));
    expect(copies).toHaveLength(1);
    pg.close();
  });
});
