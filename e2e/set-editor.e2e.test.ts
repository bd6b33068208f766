import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotsDir, useStackAndBrowser } from './support.js';

/** The enlace formulates next quarter's set in the tab: reformulate, live alerts, save, submit. */
describe('the formulation editor in the tab', () => {
  const env = useStackAndBrowser();

  it('copies the previous set, shows the shape check and alerts as the enlace types, saves and submits', async () => {
    const page = await env.page({ width: 1280, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=enlace-al-usaquen&unit=al-usaquen&quarter=2027-Q1`);
    await page.getByTestId('view-formulation').click();
    await page.getByTestId('reformulate').click();
    const alerts = page.getByTestId('editor-alerts');
    await expect.poll(() => alerts.innerText()).toContain('Forma estándar: 1 objetivo estratégico, 3 tácticos y 9 resultados clave.');
    expect(await page.getByTestId('set-state').innerText()).toBe('Borrador');

    // A KR whose target equals its baseline, and a removed KR: the alerts appear as they type.
    const rows = page.locator('[data-testid^="kr-editor-"]');
    let firstNumeric = rows.first();
    for (let i = 0; i < (await rows.count()); i++) {
      if (await rows.nth(i).getByLabel('Meta').isEnabled()) {
        firstNumeric = rows.nth(i);
        break;
      }
    }
    const baseline = await firstNumeric.getByLabel('Línea base').inputValue();
    await firstNumeric.getByLabel('Meta').fill(baseline);
    await page.getByRole('button', { name: 'Quitar el resultado clave 2.3' }).click();
    await expect.poll(() => alerts.innerText()).toContain('tiene 2 resultados clave; el estándar es 3.');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-set-editor-alerts.png'), fullPage: true });

    // Put the third KR back, save the draft, then send it to the coach.
    await page.getByTestId('tactical-2').getByRole('button', { name: 'Agregar resultado clave' }).click();
    await page.getByTestId('kr-title-2-3').fill('Publicar el tablero de PQRS en la intranet');
    await page.getByTestId('save-draft').click();
    await expect.poll(() => page.getByTestId('editor-notice').innerText()).toContain('Borrador guardado.');
    await page.getByTestId('submit-set').click();
    await expect.poll(() => page.getByTestId('set-state').innerText()).toBe('En revisión del OKR Coach');
    const history = await page.getByTestId('set-history').innerText();
    expect(history).toContain('Creó el borrador');
    expect(history).toContain('Editó el borrador');
    expect(history).toContain('Envió a revisión');
    // Locked for the enlace once it left their hands.
    expect(await page.getByTestId('save-draft').count()).toBe(0);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-set-editor-submitted.png'), fullPage: true });
    await page.close();
  }, 90_000);
});
