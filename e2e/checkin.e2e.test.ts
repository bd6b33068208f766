import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillCard, mainAction, playgroundClient, screenshotsDir, useStackAndBrowser } from './support.js';

/**
 * The walking skeleton end to end: an enlace checks in through the Agents Playground (the local
 * Teams client) and the OKR tab, in headless Chromium, shows the new progress.
 */
describe('monthly check-in from a Teams card to the OKR tree', () => {
  const env = useStackAndBrowser();

  it('stores the check-in sent from the card and shows it on the tab', async () => {
    const pg = await playgroundClient(env.stack.playgroundUrl);
    const chatId: string = pg.config.personalChat.id;
    const me = { id: pg.config.currentUser.id as string };

    await pg.send(chatId, me, 'check-in');
    // 23 November: Usaquén never reported October, the earliest month still open and missing.
    const cardMessage = await pg.waitFor((m) => JSON.stringify(m).includes('Check-in de octubre de 2026'));
    const card = cardMessage.attachments[0].content;

    const data: Record<string, unknown> = { ...mainAction(card).data, ...fillCard(card) };

    // First an invalid submission: it comes back on the same card and stores nothing.
    const firstValue = Object.keys(data).find((k) => k.startsWith('value:') && data[k] === '72,5')!;
    const invalid = await pg.invoke(chatId, me, cardMessage.messageId, card.actions[0].verb, { ...data, [firstValue]: '150' });
    expect(JSON.stringify(invalid)).toContain('debe estar entre 0 y 100');

    const saved = await pg.invoke(chatId, me, cardMessage.messageId, card.actions[0].verb, data);
    expect(JSON.stringify(saved)).toContain('Check-in de octubre de 2026 guardado');
    pg.close();

    const page = await env.page({ width: 1280, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=enlace-al-usaquen&unit=al-usaquen&quarter=2026-Q4`);
    const krKey = firstValue.slice('value:'.length);
    const row = page.getByTestId(`kr-${krKey}`);
    await row.waitFor({ timeout: 20_000 });
    await expect.poll(async () => row.innerText(), { timeout: 10_000 }).toContain('73 %');
    expect(await row.innerText()).toContain('Se cumplió lo programado para noviembre.');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-tab-after-checkin.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('reports a key result from the tab with the same validation, and shows the new progress', async () => {
    const page = await env.page({ width: 1280, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=lider-al-suba&unit=al-suba&quarter=2026-Q4`);
    const tree = page.getByTestId('okr-tree');
    await tree.waitFor({ timeout: 20_000 });
    const button = page.locator('[data-testid^="report-"]').first();
    const krId = (await button.getAttribute('data-testid'))!.slice('report-'.length);
    await button.click();
    const value = page.getByTestId('checkin-value');
    const isMilestone = (await value.count()) === 0;
    if (!isMilestone) await value.fill('150');
    await page.getByTestId('checkin-comment').fill('');
    await page.getByTestId('checkin-evidence').fill('http://intranet/evidencia');
    await page.getByTestId('checkin-save').click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain('Debe ser un enlace https:// válido');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-tab-checkin-dialog-errors.png') });
    if (!isMilestone) await value.fill('3');
    else await page.getByLabel('Cumplido', { exact: true }).check();
    await page.getByTestId('checkin-comment').fill('Avance reportado desde la pestaña.');
    await page.getByTestId('checkin-evidence').fill('https://gobiernobogota.sharepoint.com/sites/OKR/al-suba/2026-11');
    await page.getByTestId('checkin-save').click();
    await page.getByTestId('checkin-saved').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId(`kr-${krId}`).innerText()).toContain('Avance reportado desde la pestaña.');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-tab-checkin-saved.png') });
    await page.close();
  }, 60_000);
});
