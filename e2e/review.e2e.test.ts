import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillCard, mainAction, playgroundClient, screenshotsDir, textOf, useStackAndBrowser } from './support.js';
import { seriousA11yViolations } from './a11y.js';

/** Tuesday 1 December 2026, 10:00 in Bogotá: November's window closed yesterday; the ETI reviews November. */
const DEC_1 = '2026-12-01T15:00:00.000Z';

/**
 * The ETI's month end to end: through the Agents Playground the enlace of Usaquén (the
 * Playground's own user) completes November; the ETI (another user of the Playground's tenant, in
 * the group chat) asks for a correction; the enlace corrects it from the card that arrives in their
 * chat; the ETI closes the month. Then the review queue and the quarter close in the tab, in
 * headless Chromium, with axe.
 */
describe('the ETI’s monthly review and the quarter close', () => {
  const env = useStackAndBrowser({ OKR_NOW: DEC_1 });
  const api = (path: string, as: string, init: RequestInit = {}) =>
    fetch(`${env.stack.botUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', 'x-dev-person-id': as } }).then((r) => r.json() as Promise<any>);

  it('completes, asks for a correction, corrects from the card and closes, each step recorded', async () => {
    const pg = await playgroundClient(env.stack.playgroundUrl);
    const personal = pg.config.personalChat.id as string;
    const group = pg.config.groupChats[0].id as string;
    const me = { id: pg.config.currentUser.id as string };
    const people = (await (await fetch(`${env.stack.botUrl}/api/dev/people`)).json()) as Array<{ id: string; name: string }>;
    const eti = (pg.config.users as Array<{ id: string; name: string }>).find((u) => u.name === people.find((p) => p.id === 'eti-1')!.name)!.id;
    const invokeAsEti = (verb: string, data: Record<string, unknown>) =>
      pg.asUser(eti, group, { type: 'invoke', name: 'adaptiveCard/action', replyToId: 'none', value: { action: { type: 'Action.Execute', verb, data: { ...data, action: verb } } } });
    const month = () => api('/api/review/units/al-usaquen?period=2026-11', 'eti-1');

    // 1. The enlace's `check-in` opens November (the earliest month missing) and completes it.
    await pg.send(personal, me, 'check-in');
    const message = await pg.waitFor((m) => textOf(m).includes('Check-in de noviembre de 2026'));
    const card = message.attachments[0].content;
    const saved = await pg.invoke(personal, me, message.messageId, mainAction(card).verb, { ...mainAction(card).data, ...fillCard(card) });
    expect(textOf(saved)).toContain('Check-in de noviembre de 2026 guardado');
    expect(textOf(saved)).toContain('En revisión del equipo ETI');
    expect((await month()).state).toBe('por_revisar');

    // 2. The ETI's queue, in the group chat: `revisión` (distinct from `revisar`).
    const before = pg.messages.length;
    await pg.asUser(eti, group, { type: 'message', text: 'revisión' });
    const queue = await pg.waitFor((m) => pg.messages.indexOf(m) >= before && textOf(m).includes('Revisión mensual · noviembre de 2026'));
    expect(textOf(queue)).toContain('Esperan tu revisión');

    // 3. The ETI asks for a correction with an observation on one key result.
    const kr = (await month()).keyResults.find((k: any) => k.kind !== 'milestone');
    await invokeAsEti('review.request', { unitId: 'al-usaquen', period: '2026-11', version: null, [`obs:${kr.id}`]: 'El avance no coincide con el informe adjunto.', note: '' });
    await expect.poll(async () => (await month()).state, { timeout: 10_000 }).toBe('correccion_pedida');

    // 4. The correction arrives in the enlace's chat, unasked; its button opens November's check-in.
    const notice = await pg.waitFor((m) => textOf(m).includes('El equipo ETI pidió corregir el reporte de noviembre de 2026'));
    expect(textOf(notice)).toContain('El avance no coincide con el informe adjunto.');
    const button = notice.attachments[0].content.actions[0];
    expect(button).toMatchObject({ verb: 'checkin.open', data: { unitId: 'al-usaquen', period: '2026-11' } });
    const checkIn = await pg.invoke(personal, me, notice.messageId, button.verb, button.data);
    expect(textOf(checkIn)).toContain('Observación del equipo ETI: El avance no coincide con el informe adjunto.');
    const fields = {
      [`value:${kr.id}`]: String(kr.kind === 'percentage' ? 64 : Math.round((kr.baseline + kr.target) / 2)),
      [`comment:${kr.id}`]: 'Corregido: el informe del mes muestra lo atendido.',
      [`evidence:${kr.id}`]: 'https://gobiernobogota.sharepoint.com/sites/OKR/al-usaquen/Evidencias/2026-11/informe',
    };
    const corrected = await pg.invoke(personal, me, notice.messageId, 'checkin.saveOne', { ...fields, unitId: 'al-usaquen', period: '2026-11', keyResultId: kr.id, version: 1 });
    expect(textOf(corrected)).toContain('Corrección enviada: en revisión del equipo ETI');
    await expect.poll(async () => (await month()).state, { timeout: 10_000 }).toBe('corregido');

    // 5. The ETI closes it; the enlace can no longer change it.
    await invokeAsEti('review.close', { unitId: 'al-usaquen', period: '2026-11', version: 1, note: '' });
    await expect.poll(async () => (await month()).state, { timeout: 10_000 }).toBe('cerrado');
    const locked = await pg.invoke(personal, me, notice.messageId, 'checkin.saveOne', { ...fields, [`comment:${kr.id}`]: 'Otra vez.', unitId: 'al-usaquen', period: '2026-11', keyResultId: kr.id });
    expect(textOf(locked)).toContain('El equipo ETI ya cerró el reporte de noviembre de 2026');
    const final = await api('/api/review/units/al-usaquen?period=2026-11', 'enlace-al-usaquen');
    expect(final.history.map((h: any) => [h.action, h.actorName])).toEqual([
      ['request_correction', people.find((p) => p.id === 'eti-1')!.name],
      ['corrected', people.find((p) => p.id === 'enlace-al-usaquen')!.name],
      ['close', people.find((p) => p.id === 'eti-1')!.name],
    ]);
    pg.close();
  }, 120_000);

  it('shows the ETI the queue and a flagged unit in the tab, keyboard- and screen-reader-ready', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=revision`);
    const rows = page.locator('[data-testid^="review-row-"]');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBeGreaterThan(30);
    expect(await page.getByTestId('review-queue').innerText()).toContain('Revisión mensual · noviembre de 2026');
    // What waits for the ETI comes first.
    expect(await rows.first().getAttribute('data-state')).toMatch(/por_revisar|corregido/);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-review-queue.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Only the months with alerts, then one of them by keyboard.
    await page.getByTestId('review-only-flagged').click();
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => /\d+ alertas?/.test(t))).toBe(true);
    const open = rows.first().locator('[data-testid^="review-open-"]');
    await open.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('review-unit').waitFor();
    expect(await page.locator('[data-testid^="review-flags-"]').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-review-unit-flagged.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('review-back').click();
    await page.getByTestId('review-table').waitFor();

    // A link from a card names one unit's month: it opens straight there, the queue behind it (Esc).
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=revision&unit=al-suba&month=2026-11`);
    await page.getByTestId('review-unit').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('review-unit').innerText()).toContain('Alcaldía Local de Suba · noviembre de 2026');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-review-unit-linked.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.getByTestId('review-table').waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBeNull();
    // A unit the review does not know: the queue, with why.
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=revision&unit=no-existe&month=2026-11`);
    await page.getByTestId('review-link-problem').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('review-link-problem').innerText()).toBe('El vínculo que abriste pide la unidad «no-existe», que no está en la revisión de noviembre de 2026. Se muestra la cola.');
    await page.getByTestId('review-table').waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'e2e-review-link-unknown.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Not the ETI: the same link shows no review at all.
    await page.goto(`${env.stack.botUrl}/?as=enlace-al-usaquen&view=revision&unit=al-suba&month=2026-11`);
    await page.getByTestId('view-tree').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('area-review').count()).toBe(0);
    expect(await page.getByTestId('review-unit').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('shows T3 closed, frozen and shared, with its .xlsx; and T4 open, not closable before it ends', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=cierre&quarter=2026-Q3`);
    await page.getByTestId('close-table').waitFor({ timeout: 20_000 });
    expect(await page.locator('[data-testid^="close-row-"]').count()).toBe(44);
    expect(await page.getByTestId('close-state').innerText()).toContain('Las cifras son las del cierre y no cambian.');
    expect(await page.getByTestId('close-figure-units').innerText()).toContain('44');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-quarter-close.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('close-download').click()]);
    expect(download.suggestedFilename()).toBe('Cierre_OKR_2026-Q3.xlsx');

    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=cierre&quarter=2026-Q4`);
    await page.getByTestId('close-state').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('close-state').innerText()).toContain('Se podrá cerrar desde el 1 de enero de 2027');
    expect(await page.getByTestId('close-quarter').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    // Not the ETI's: the review queue is not offered, the quarter close is read-only.
    await page.goto(`${env.stack.botUrl}/?as=oap-1&view=cierre&quarter=2026-Q3`);
    await page.getByTestId('close-table').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('area-review').count()).toBe(0);
    expect(await page.getByTestId('close-share').count()).toBe(0);
    await page.close();
  }, 90_000);
});
