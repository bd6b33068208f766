import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playgroundClient, startStack, textOf, type Stack } from './support.js';

/**
 * The formulation workflow through the Agents Playground: the enlace (the Playground's own user)
 * submits; the OKR coach returns it with observations; the enlace resubmits; the coach approves the
 * form; the líder approves. Coach and líder act as other users of the Playground's tenant.
 */
describe('formulation from Teams cards, through the Agents Playground', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack?.stop());

  it('goes from draft to active with a return on the way, and everyone sees each decision', async () => {
    const api = (path: string, as: string, init: RequestInit = {}) =>
      fetch(`${stack.botUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', 'x-dev-person-id': as } }).then((r) => r.json() as Promise<any>);
    // The enlace starts next quarter's set from the current one (the tab's «Reformular»).
    const draft = await api('/api/units/al-usaquen/sets/2027-Q1/reformulate', 'enlace-al-usaquen', { method: 'POST', body: JSON.stringify({ from: '2026-Q4' }) });
    expect(draft.bundle.set.state).toBe('draft');

    const pg = await playgroundClient(stack.playgroundUrl);
    const personal = pg.config.personalChat.id as string;
    const group = pg.config.groupChats[0].id as string;
    const me = { id: pg.config.currentUser.id as string };
    const userNamed = async (personId: string) => {
      const people = (await (await fetch(`${stack.botUrl}/api/dev/people`)).json()) as Array<{ id: string; name: string }>;
      const name = people.find((p) => p.id === personId)!.name;
      return (pg.config.users as Array<{ id: string; name: string }>).find((u) => u.name === name)!.id;
    };
    const [coach, lider] = [await userNamed('coach-1'), await userNamed('lider-al-usaquen')];
    const buttonOf = (card: any, title: string) => card.actions.find((a: any) => a.title === title);
    const invokeAs = (userId: string, replyToId: string, button: any, extra: Record<string, unknown> = {}) =>
      pg.asUser(userId, group, { type: 'invoke', name: 'adaptiveCard/action', replyToId, value: { action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...extra } } } });
    /** The card the bot answers `revisar` with in the group chat, once it offers `button`. */
    const cardIn = async (userId: string, button: string) => {
      const before = pg.messages.length;
      await pg.asUser(userId, group, { type: 'message', text: 'revisar' });
      const message = await pg.waitFor((m) => pg.messages.indexOf(m) >= before && m.attachments?.[0]?.content?.actions?.some((a: { title: string }) => a.title === button));
      return { id: message.messageId as string, card: message.attachments[0].content };
    };
    const state = async () => (await api('/api/units/al-usaquen/sets/2027-Q1', 'eti-1')).bundle.set.state as string;

    // 1. The enlace submits from their personal chat.
    await pg.send(personal, me, 'revisar');
    const mine = await pg.waitFor((m) => textOf(m).includes('Estado: Borrador'));
    const submitted = await pg.invoke(personal, me, mine.messageId, 'set.act', buttonOf(mine.attachments[0].content, 'Enviar a revisión').data);
    expect(textOf(submitted)).toContain('En revisión del OKR Coach');

    // 2. The coach returns it with observations; the original card is updated for everyone.
    const review = await cardIn(coach, 'Devolver con observaciones');
    await invokeAs(coach, review.id, buttonOf(review.card, 'Devolver con observaciones'), { setComment: 'Ajustar la meta del KR 1.1.' });
    await expect.poll(state, { timeout: 10_000 }).toBe('returned');
    await pg.waitFor((m) => m.messageId === review.id && textOf(m).includes('Devuelto con observaciones'));

    // 3. The enlace gets the set back in their chat, unasked (a proactive card), and resubmits.
    const back = await pg.waitFor(
      (m) => textOf(m).includes('Ajustar la meta del KR 1.1.') && m.attachments?.[0]?.content?.actions?.some((a: { title: string }) => a.title === 'Enviar a revisión'),
    );
    await pg.invoke(personal, me, back.messageId, 'set.act', buttonOf(back.attachments[0].content, 'Enviar a revisión').data);
    expect(await state()).toBe('coach_review');

    // 4. The coach approves the form; 5. the líder approves.
    const again = await cardIn(coach, 'Aprobar forma');
    await invokeAs(coach, again.id, buttonOf(again.card, 'Aprobar forma'));
    await expect.poll(state, { timeout: 10_000 }).toBe('leader_approval');
    const approval = await cardIn(lider, 'Aprobar');
    await invokeAs(lider, approval.id, buttonOf(approval.card, 'Aprobar'));
    await expect.poll(state, { timeout: 10_000 }).toBe('active');
    await pg.waitFor((m) => m.messageId === approval.id && textOf(m).includes('Estado: Cargado'));

    const view = await api('/api/units/al-usaquen/sets/2027-Q1', 'eti-1');
    expect(view.events.map((e: any) => `${e.action}:${e.actorId}`)).toEqual([
      'create:enlace-al-usaquen',
      'submit:enlace-al-usaquen',
      'returnToEnlace:coach-1',
      'submit:enlace-al-usaquen',
      'approveForm:coach-1',
      'approve:lider-al-usaquen',
    ]);
    pg.close();
  }, 90_000);
});
