import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './a11y.js';
import { playgroundClient, screenshotsDir, textOf, useStackAndBrowser } from './support.js';

/**
 * A validation round end to end (seed 003): the Dirección de Tecnologías reports its PEI figure at
 * the 30 September 2026 cut-off in the tab; the OAP returns it in the tab with its observations and
 * its standardised figure; the area's enlace gets the card in Teams (the Agents Playground) and
 * confirms it there; the figure is then published — in the PEI view, the OData feed and /publico/pei/.
 * Axe on the round, the report dialog, the PEI view and the public page.
 */
describe('PEI: a validation round from report to publication', () => {
  const env = useStackAndBrowser({ PLAYGROUND_CURRENT_USER: 'enlace-dti' });

  it('area reports → OAP returns → area confirms by card → published', async () => {
    const { stack } = env;
    const pg = await playgroundClient(stack.playgroundUrl);
    const personal = pg.config.personalChat.id as string;
    const me = { id: pg.config.currentUser.id as string };
    // The enlace has written to the bot before (so the OAP's return can reach them).
    await pg.send(personal, me, 'validacion');
    await pg.waitFor((m) => textOf(m).includes('Validación de cifras'));

    // The area reports in the tab.
    const area = await env.page({ width: 1280, height: 900 });
    await area.goto(`${stack.botUrl}/?as=enlace-dti&view=validacion`);
    const row = area.getByTestId('round-item-sdg-i08');
    await expect.poll(() => row.innerText(), { timeout: 20_000 }).toContain('Sin reportar');
    await area.getByTestId('round-report-sdg-i08').click();
    await area.getByTestId('value-executed').fill('61');
    await expect.poll(() => area.getByTestId('value-computed').innerText(), { timeout: 10_000 }).toContain('101,67 %');
    await area.getByTestId('value-analysis').fill('Se publicaron en línea tres trámites más de inspección, vigilancia y control.');
    await area.getByTestId('value-public').click();
    expect(await seriousA11yViolations(area, '[role="dialog"]')).toEqual([]);
    await area.getByTestId('value-submit').click();
    await expect.poll(() => area.getByTestId('round-notice').innerText(), { timeout: 10_000 }).toContain('Se envió la cifra a la OAP.');
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Reportada, en validación de la OAP');

    // The OAP returns it with its observations and its standardised figure.
    const oap = await env.page({ width: 1280, height: 900 });
    await oap.goto(`${stack.botUrl}/?as=oap-1&view=validacion`);
    await expect.poll(() => oap.getByTestId('round-item-sdg-i08').innerText(), { timeout: 10_000 }).toContain('Variables y método de cálculo');
    await oap.screenshot({ path: join(screenshotsDir, 'e2e-pei-round.png') });
    expect(await seriousA11yViolations(oap, '[data-testid="validation-view"]')).toEqual([]);
    await oap.getByTestId('round-return-sdg-i08').click();
    await oap.getByTestId('return-observations').fill('Se descontó un trámite que aún no está en producción: confirme la cifra de 60.');
    await oap.getByTestId('return-executed').fill('60');
    await oap.getByTestId('return-submit').click();
    await expect.poll(() => oap.getByTestId('round-notice').innerText(), { timeout: 10_000 }).toContain('Se devolvió la cifra al área');
    await expect.poll(() => oap.getByTestId('round-item-sdg-i08').innerText(), { timeout: 10_000 }).toContain('Devuelta al área para confirmación');

    // The area's enlace gets the card in Teams and confirms it there.
    const card = await pg.waitFor((m) => textOf(m).includes('La OAP devolvió una cifra para su confirmación') && textOf(m).includes('Indicador sectorial 655'));
    const content = card.attachments[0].content;
    expect(textOf(content)).toContain('Se descontó un trámite que aún no está en producción');
    const confirm = content.actions.find((a: any) => a.title === 'Confirmar la cifra');
    const answer = await pg.invoke(personal, me, card.messageId, confirm.verb, confirm.data);
    expect(textOf(answer)).toContain('Cifra confirmada y publicada');
    pg.close();

    // Published: validated in the tab, in the feed with the OAP's figure and its date, and on the public page.
    await area.reload();
    await expect.poll(() => area.getByTestId('round-item-sdg-i08').innerText(), { timeout: 10_000 }).toContain('Validada y publicada');
    const feed = (await (await fetch(`${stack.botUrl}/odata/CifrasAlCorte?$filter=IndicadorId eq 'sdg-i08' and Corte eq 2026-09-30`)).json()) as { value: any[] };
    expect(feed.value).toEqual([expect.objectContaining({ EjecutadoCorte: 60, PorcentajeCorte: 100, Estado: 'En cumplimiento', Validada: true, Analisis: 'Se publicaron en línea tres trámites más de inspección, vigilancia y control.' })]);

    const pei = await env.page({ width: 1280, height: 900 });
    await pei.goto(`${stack.botUrl}/?as=enlace-dti&view=pei`);
    await expect.poll(() => pei.getByTestId('pei-row-sdg-i08').innerText(), { timeout: 10_000 }).toContain('En cumplimiento');
    expect(await pei.getByTestId('pei-compliance-4').innerText()).toBe('100,00 %');
    await pei.screenshot({ path: join(screenshotsDir, 'e2e-pei-view.png'), fullPage: true });
    expect(await seriousA11yViolations(pei, '[data-testid="pei-view"]')).toEqual([]);

    const pub = await env.page({ width: 1280, height: 900 });
    await pub.goto(`${stack.botUrl}/publico/pei/?corte=2026-09-30`);
    expect(await pub.locator('#obj-4').innerText()).toContain('Objetivo 4 · 100,00 %');
    expect(await pub.content()).toContain('Se publicaron en línea tres trámites más');
    await pub.screenshot({ path: join(screenshotsDir, 'e2e-pei-public.png'), fullPage: true });
    expect(await seriousA11yViolations(pub)).toEqual([]);
    // Seed 002's example, and the open data index.
    await pub.goto(`${stack.botUrl}/publico/pei/?plan=sg-pei-2020-2024`);
    expect(await pub.locator('#obj-5').innerText()).toContain('Objetivo 5 · 99,13 %');
    expect(await seriousA11yViolations(pub)).toEqual([]);
    await pub.goto(`${stack.botUrl}/datos/`);
    expect(await seriousA11yViolations(pub)).toEqual([]);
  }, 120_000);
});
