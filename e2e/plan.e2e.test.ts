import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './a11y.js';
import { playgroundClient, screenshotsDir, textOf, useStackAndBrowser } from './support.js';

/**
 * The plan de gestión end to end: the OAP analyst (another user of the Playground's tenant) returns
 * Usaquén's 2027 plan from its review card; the líder (the Playground's own user) gets it back in
 * chat and adjusts it in the tab; the report form and the ranking in Chromium, with axe; /publico/.
 */
describe('plan de gestión: the OAP returns by card, the líder adjusts in the tab', () => {
  const env = useStackAndBrowser({ PLAYGROUND_CURRENT_USER: 'lider-al-usaquen' });

  it('returns the plan with an observation per meta from Teams, and the líder fixes and resends it in the tab', async () => {
    const { stack } = env;
    const api = (path: string, as: string) => fetch(`${stack.botUrl}${path}`, { headers: { 'x-dev-person-id': as } }).then((r) => r.json() as Promise<any>);
    const pg = await playgroundClient(stack.playgroundUrl);
    const personal = pg.config.personalChat.id as string;
    const group = pg.config.groupChats[0].id as string;
    const me = { id: pg.config.currentUser.id as string };
    // The líder has written to the bot before (so it can reach them proactively).
    await pg.send(personal, me, 'ayuda');
    await pg.waitFor((m) => textOf(m).includes('Plan de gestión'));
    const people = (await (await fetch(`${stack.botUrl}/api/dev/people`)).json()) as Array<{ id: string; name: string }>;
    const oap = (pg.config.users as Array<{ id: string; name: string }>).find((u) => u.name === people.find((p) => p.id === 'oap-1')!.name)!.id;

    // The OAP analyst asks for what waits and returns Usaquén's plan with an observation on meta 2.
    const before = pg.messages.length;
    await pg.asUser(oap, group, { type: 'message', text: 'plan' });
    const review = await pg.waitFor((m) => pg.messages.indexOf(m) >= before && textOf(m).includes('Alcaldía Local de Usaquén') && textOf(m).includes('Devolver con observaciones'));
    const card = review.attachments[0].content;
    expect(textOf(card)).toContain('El indicador está incompleto: falta el denominador, la fórmula.');
    const back = card.actions.find((a: any) => a.title === 'Devolver con observaciones');
    await pg.asUser(oap, group, { type: 'invoke', name: 'adaptiveCard/action', replyToId: review.messageId, value: { action: { type: 'Action.Execute', verb: back.verb, data: { ...back.data, 'obs:m2': 'Completar el denominador y la fórmula del indicador.' } } } });
    await expect.poll(async () => (await api('/api/plan/units/al-usaquen/2027', 'oap-1')).plan.state, { timeout: 10_000 }).toBe('returned');
    // The líder gets it back in their chat, with the observation.
    await pg.waitFor((m) => textOf(m).includes('Tu plan de gestión 2027 fue devuelto') && textOf(m).includes('Completar el denominador y la fórmula'));
    pg.close();

    // In the tab the líder sees the observation on meta 2, completes the indicator, saves and sends it again.
    const page = await env.page({ width: 1280, height: 900 });
    await page.goto(`${stack.botUrl}/?as=lider-al-usaquen&unit=al-usaquen&quarter=2027-Q1&view=plan`);
    await expect.poll(() => page.getByTestId('plan-returned').innerText()).toContain('La OAP devolvió el plan');
    const meta2 = page.getByTestId('meta-editor-2');
    expect(await meta2.innerText()).toContain('Completar el denominador y la fórmula del indicador.');
    await meta2.getByLabel('Denominador').fill('Peticiones recibidas');
    await meta2.getByLabel('Fórmula').fill('(Peticiones respondidas en términos / Peticiones recibidas) × 100');
    await expect.poll(() => meta2.getByTestId('meta-2-checks').innerText()).toContain('El indicador está completo');
    // A quarter that breaks the type is caught as they type, and saving is not offered.
    await page.getByTestId('meta-1-q4').fill('5');
    await expect.poll(() => page.getByTestId('meta-1-errors').innerText()).toContain('los trimestres no suman la magnitud total (36)');
    expect(await page.getByTestId('plan-save').isDisabled()).toBe(true);
    await page.getByTestId('meta-1-q4').fill('9');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-notice').innerText()).toContain('Borrador guardado.');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-plan-editor.png'), fullPage: true });
    expect(await seriousA11yViolations(page, '[data-testid="plan-view"]')).toEqual([]);
    await page.getByTestId('plan-submit').click();
    await expect.poll(() => page.getByTestId('plan-state').innerText()).toBe('En revisión de la OAP');
    const view = await api('/api/plan/units/al-usaquen/2027', 'oap-1');
    expect(view.metas[1].indicator.denominator).toBe('Peticiones recibidas');
    expect(view.events.map((e: any) => `${e.action}:${e.actorId}`).slice(-3)).toEqual(['return:oap-1', 'edit:lider-al-usaquen', 'submit:lider-al-usaquen']);
    await page.close();
  }, 120_000);

  it('the report form computes the figures as the enlace types and sends a late report; axe finds nothing serious', async () => {
    const page = await env.page({ width: 1280, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=enlace-al-usaquen&unit=al-usaquen&quarter=2026-Q3&view=plan-reporte`);
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('Vencido sin enviar');
    // Meta 1 (suma, 9 a quarter): 6 executed → 66,67 % of the quarter.
    await page.getByTestId('report-1-executed').fill('6');
    await expect.poll(() => page.getByTestId('report-meta-1').innerText()).toContain('66,67 %');
    const fill = async (n: number, executed: string) => {
      await page.getByTestId(`report-${n}-executed`).fill(executed);
      await page.getByTestId(`report-${n}-analysis`).fill('Se realizaron las actividades del trimestre con el equipo territorial.');
      await page.getByTestId(`report-${n}-evidence`).fill(`https://gobiernobogota.sharepoint.com/sites/PlanesGestion/al-usaquen/2026/T3/meta-${n}`);
      await page.getByTestId(`report-${n}-cumulative-analysis`).fill('El acumulado presenta rezago por la demora en la contratación de los operativos; se reprogramaron para el cuarto trimestre con apoyo de la Policía.');
    };
    for (const [n, v] of [[1, '9'], [2, '95'], [3, '75'], [4, '300']] as const) await fill(n, v);
    expect(await seriousA11yViolations(page, '[data-testid="report-view"]')).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-plan-report.png'), fullPage: true });
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-status').innerText()).toBe('Enviado tarde');
    await page.close();
  }, 90_000);

  it('the ranking shows the positions with the figures behind them; axe finds nothing serious; /publico/ needs no sign-in', async () => {
    const page = await env.page({ width: 1280, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=oap-1&view=ranking&quarter=2026-Q2`);
    await expect.poll(() => page.getByTestId('ranking-reviewed').innerText()).toContain('44 de 44 planes revisados');
    const first = page.locator('[data-testid^="ranking-row-"]').first();
    expect(await first.innerText()).toMatch(/^1\b/);
    await first.getByRole('button').click();
    await expect.poll(() => page.locator('[data-testid^="ranking-detail-"]').count()).toBe(1);
    expect(await seriousA11yViolations(page, '[data-testid="ranking-view"]')).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-plan-ranking.png'), fullPage: true });

    await page.goto(`${env.stack.botUrl}/publico/2026/al-kennedy`);
    expect(await page.locator('h1').innerText()).toBe('Plan de gestión 2026 · Alcaldía Local de Kennedy');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-plan-publico.png'), fullPage: true });
    await page.close();
  }, 90_000);
});
