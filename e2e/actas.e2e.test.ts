import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playgroundClient, screenshotsDir, textOf, useStackAndBrowser } from './support.js';
import { seriousA11yViolations } from './a11y.js';

/**
 * A plenaria menor from start to the OAP: the secretary (the Playground's own user, the enlace of
 * Usaquén) writes the acta in the meeting side panel (320 px), asks for the signatures, signs from the
 * card in their chat; the líder signs from the group chat (as another user of the Playground's
 * tenant); back in the side panel the signed acta goes to the OAP, on time.
 */
describe('an acta written in the side panel, signed through the Playground, sent to the OAP', () => {
  const env = useStackAndBrowser();

  it('goes from the plenaria to «A tiempo»', async () => {
    const { stack } = env;
    const api = (path: string, as: string, init: RequestInit = {}) =>
      fetch(`${stack.botUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', 'x-dev-person-id': as } }).then((r) => r.json() as Promise<any>);
    const scheduled = await api('/api/plenarias', 'enlace-al-usaquen', {
      method: 'POST',
      body: JSON.stringify({
        kind: 'menor',
        unitId: 'al-usaquen',
        date: '2026-11-23',
        startTime: '09:00',
        modality: 'virtual',
        location: 'https://teams.microsoft.com/l/meetup-join/usaquen',
        presidingId: 'lider-al-usaquen',
        secretaryId: 'enlace-al-usaquen',
      }),
    });
    const plenariaId = scheduled.plenaria.plenaria.id as string;

    // The enlace has talked to the bot before (so it can reach them in their chat).
    const pg = await playgroundClient(stack.playgroundUrl);
    const personal = pg.config.personalChat.id as string;
    const group = pg.config.groupChats[0].id as string;
    const me = { id: pg.config.currentUser.id as string };
    await pg.send(personal, me, 'ayuda');
    await pg.waitFor((m) => textOf(m).includes('¿En qué te ayudo?'));

    // 1. During the plenaria, the secretary writes the acta in the meeting's side panel.
    const page = await env.page({ width: 320, height: 900 });
    await page.goto(`${stack.botUrl}/?as=enlace-al-usaquen&unit=al-usaquen&frame=sidePanel`);
    await page.getByTestId('panel-view-acta').click();
    await page.getByTestId('panel-acta').waitFor();
    await page.getByTestId('acta-start').click();
    await page.getByTestId('acta-development').waitFor();
    expect(await page.getByTestId('acta-results').innerText()).toMatch(/%|Sin reporte/); // the OKR results, frozen
    await page.getByTestId('acta-development').fill('Se revisó el avance de los nueve resultados clave; el equipo priorizó los trámites en línea.');
    await page.getByTestId('acta-conversations').fill('Conversamos sobre la meta de trámites y la jornada en Verbenal.');
    await page.getByTestId('acta-save').click();
    await expect.poll(async () => (await api(`/api/plenarias/${plenariaId}/acta`, 'eti-1')).acta?.draft.development ?? '', { timeout: 10_000 }).toContain('trámites en línea');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-acta-side-panel-320.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // 2. «Pedir firmas»: the card reaches the secretary's chat; the líder never opened the bot here.
    await page.getByTestId('acta-request-signatures').click();
    await page.getByTestId('acta-request-result').waitFor();
    const sentCard = await pg.waitFor((m) => m.attachments?.[0]?.content?.actions?.some((a: { title: string }) => a.title === 'Firmar como secretario/a'));
    const signAsSecretary = sentCard.attachments[0].content.actions.find((a: { title: string }) => a.title === 'Firmar como secretario/a');
    const signed = await pg.invoke(personal, me, sentCard.messageId, signAsSecretary.verb, signAsSecretary.data);
    expect(textOf(signed)).toContain('Falta la firma de');

    // 3. The líder asks for their actas in the group chat and signs.
    const people = (await (await fetch(`${stack.botUrl}/api/dev/people`)).json()) as Array<{ id: string; name: string }>;
    const liderName = people.find((p) => p.id === 'lider-al-usaquen')!.name;
    const lider = (pg.config.users as Array<{ id: string; name: string }>).find((u) => u.name === liderName)!.id;
    const before = pg.messages.length;
    await pg.asUser(lider, group, { type: 'message', text: 'actas' });
    const toSign = await pg.waitFor((m) => pg.messages.indexOf(m) >= before && m.attachments?.[0]?.content?.actions?.some((a: { title: string }) => a.title === 'Firmar como quien preside'));
    const signAsLider = toSign.attachments[0].content.actions.find((a: { title: string }) => a.title === 'Firmar como quien preside');
    await pg.asUser(lider, group, { type: 'invoke', name: 'adaptiveCard/action', replyToId: toSign.messageId, value: { action: { type: 'Action.Execute', verb: signAsLider.verb, data: signAsLider.data } } });
    await expect.poll(async () => (await api(`/api/plenarias/${plenariaId}/acta`, 'eti-1')).state, { timeout: 10_000 }).toBe('signed');
    // Everyone in the group chat sees it signed on the original message.
    await pg.waitFor((m) => m.messageId === toSign.messageId && textOf(m).includes('Acta firmada'));

    // 4. Back in the side panel: the signed acta is read-only and goes to the OAP, on time.
    await page.reload();
    await page.getByTestId('panel-view-acta').click();
    await page.getByTestId('acta-send-oap').click();
    await expect.poll(() => page.getByTestId('acta-oap-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('a_tiempo');
    expect(await page.getByTestId('acta-state').getAttribute('data-state')).toBe('signed');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-acta-sent-320.png'), fullPage: true });

    const oap = await api('/api/oap/actas?quarter=2026-Q4', 'oap-1');
    expect(oap.rows.find((r: any) => r.plenariaId === plenariaId).acta).toMatchObject({ state: 'signed', oapStatus: 'a_tiempo', sentOn: '2026-11-23' });
    const docx = await fetch(`${stack.botUrl}/api/plenarias/${plenariaId}/acta/docx`, { headers: { 'x-dev-person-id': 'oap-1' } });
    expect(docx.headers.get('content-disposition')).toContain('GDI-GPD-F029_al-usaquen_menor_2026-11-23_v1.docx');
    await page.close();
    pg.close();
  }, 120_000);
});
