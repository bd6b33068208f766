import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from './a11y.js';
import { screenshotsDir, useStackAndBrowser } from './support.js';

const fixture = (name: string) => resolve(import.meta.dirname, '../bot/src/imports/fixtures', name);

/** The ETI keeps the directory in the tab: replacing an enlace on a date, importing the workbook. */
describe('the Directorio in the tab', () => {
  const env = useStackAndBrowser();
  const people = async () => (await (await fetch(`${env.stack.botUrl}/api/dev/people`)).json()) as Array<{ id: string; name: string }>;

  it('the unit hierarchy is an ARIA tree the keyboard walks: ↑ ↓ Inicio Fin, → ← open, close and move, Enter and Space choose; one tab stop; no serious accessibility problem', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=directorio`);
    const tree = page.getByRole('tree', { name: 'Jerarquía de unidades' });
    await tree.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName ?? null);
    const attr = (id: string, name: string) => page.getByTestId(`unit-${id}`).getAttribute(name);
    const tabStops = () => page.locator('[role="treeitem"][tabindex="0"]').count();
    // One tab stop: Tab from the «Nueva unidad» button lands on the first unit, the Despacho.
    await page.getByTestId('directory-new-unit').focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('unit-despacho');
    expect([await attr('despacho', 'aria-level'), await attr('despacho', 'aria-expanded')]).toEqual(['1', 'true']);
    expect(await tabStops()).toBe(1);
    // ↓ goes to the next visible unit, one level down (siblings by name, alcaldías last).
    await page.keyboard.press('ArrowDown');
    const second = await focused();
    expect(second).toMatch(/^unit-/);
    expect(await page.getByTestId(second!).getAttribute('aria-level')).toBe('2');
    expect(await tabStops()).toBe(1);
    await page.keyboard.press('ArrowUp');
    expect(await focused()).toBe('unit-despacho');
    // ← closes the Despacho; ↓ then skips everything under it; → opens it again, → once more goes to its first unit, ← back up.
    await page.keyboard.press('ArrowLeft');
    expect(await attr('despacho', 'aria-expanded')).toBe('false');
    await page.keyboard.press('ArrowRight');
    expect(await attr('despacho', 'aria-expanded')).toBe('true');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(second);
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe('unit-despacho');
    // Fin: the last visible unit; Inicio: the first.
    await page.keyboard.press('End');
    const last = await focused();
    expect(last).toBe(await page.locator('[role="treeitem"]').last().getAttribute('data-testid'));
    await page.keyboard.press('Home');
    expect(await focused()).toBe('unit-despacho');
    // Enter chooses the focused unit (without closing it); Space too.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('directory-unit').locator('h3').innerText()).toContain('Despacho de la Secretaría Distrital de Gobierno');
    expect([await attr('despacho', 'aria-selected'), await attr('despacho', 'aria-expanded')]).toEqual(['true', 'true']);
    await page.keyboard.press('ArrowDown');
    const sub = await focused();
    await page.keyboard.press(' ');
    expect(await page.getByTestId(sub!).getAttribute('aria-selected')).toBe('true');
    expect(await attr('despacho', 'aria-selected')).toBe('false');
    expect(await page.getByTestId('directory-unit').locator('h3').innerText()).toContain((await page.getByTestId(sub!).innerText()).split('\n')[0]!);
    await page.screenshot({ path: join(screenshotsDir, 'directory-tree.png'), fullPage: false });
    // The chosen unit stays marked when the focus is elsewhere.
    await page.getByTestId('directory-filter').focus();
    expect(await page.getByTestId(sub!).locator('.fui-TreeItemLayout').evaluate((l) => getComputedStyle(l).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: join(screenshotsDir, 'directory-tree-chosen.png'), fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  }, 90_000);

  it('replaces the enlace of a unit: the old one ends the day before, the new one starts, history stays, the roles follow', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=directorio`);
    await page.getByTestId('directory-view').waitFor();
    await page.getByTestId('unit-al-usaquen').click();
    const roles = page.getByTestId('unit-roles');
    const everyone = await people();
    const oldEnlace = everyone.find((p) => p.id === 'enlace-al-usaquen')!.name;
    const newEnlace = everyone.find((p) => p.id === 'miembro-al-usaquen')!.name;
    await expect.poll(() => roles.innerText()).toContain(oldEnlace);
    await page.screenshot({ path: join(screenshotsDir, 'directory-unit.png'), fullPage: false });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('replace-enlace-enlace-al-usaquen').click();
    const picker = page.getByTestId('directory-person');
    await picker.click();
    await picker.pressSequentially(newEnlace.split(' ')[0]!.slice(0, 5), { delay: 30 });
    expect(await picker.inputValue()).toBe(newEnlace.split(' ')[0]!.slice(0, 5));
    await page.getByRole('option', { name: new RegExp(newEnlace) }).click();
    expect(await picker.inputValue()).toBe(newEnlace);
    await page.getByTestId('directory-date').fill('23/11/2026');
    await page.getByTestId('directory-date').press('Tab');
    expect(await page.getByTestId('directory-date').inputValue()).toBe('23 nov 2026');
    await page.screenshot({ path: join(screenshotsDir, 'directory-replace.png') });
    expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
    await page.getByTestId('directory-save').click();

    await expect.poll(() => page.getByTestId('directory-notice').innerText()).toContain(newEnlace);
    await expect.poll(() => roles.innerText()).toContain(newEnlace);
    const history = page.getByTestId('unit-history');
    await expect.poll(() => history.innerText()).toContain(oldEnlace);
    expect(await history.innerText()).toContain('22 de noviembre de 2026');
    // The roles follow at once: the new enlace reports for the unit, the old one no longer.
    const me = async (id: string) => (await (await fetch(`${env.stack.botUrl}/api/me`, { headers: { 'x-dev-person-id': id } })).json()) as { roles: Array<{ role: string; unitId: string }> };
    expect((await me('miembro-al-usaquen')).roles).toContainEqual(expect.objectContaining({ role: 'enlace', unitId: 'al-usaquen' }));
    expect((await me('enlace-al-usaquen')).roles).toEqual([]);
    await page.screenshot({ path: join(screenshotsDir, 'directory-replaced.png') });
  }, 90_000);

  it('imports the workbook: a dry run row by row first, then the real run', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=eti-1&view=directorio`);
    await page.getByTestId('directory-import').click();
    await page.getByTestId('import-file').setInputFiles(fixture('directorio-desordenado.xlsx'));
    await page.getByTestId('import-dry-run').click();
    const report = page.getByTestId('import-report');
    await expect.poll(() => report.innerText()).toContain('Simulación: no se cambió nada.');
    expect(await report.innerText()).toContain('Ñusta Yáñez Muñoz');
    await page.screenshot({ path: join(screenshotsDir, 'directory-import-report.png') });
    expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
    await page.getByTestId('import-apply').click();
    await expect.poll(() => report.innerText()).toContain('Importación aplicada.');
    await page.getByRole('button', { name: 'Cerrar' }).click();
    await page.getByTestId('directory-filter').fill('conocimiento');
    await expect.poll(() => page.getByTestId('unit-dgc').isVisible()).toBe(true);

    // A bad workbook: every refused row with its reason, nothing imported.
    await page.getByTestId('directory-import').click();
    await page.getByTestId('import-file').setInputFiles(fixture('directorio-errores.xlsx'));
    await page.getByTestId('import-dry-run').click();
    await expect.poll(() => report.innerText()).toContain('filas rechazadas: no se importó nada');
    expect(await page.getByTestId('import-apply').isDisabled()).toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'directory-import-refused.png') });
  }, 90_000);

  it('the «Programar plenaria» picker searches everyone as one types and keeps what is typed', async () => {
    const page = await env.page({ width: 1280, height: 900 });
    // Suba's enlace (Usaquén's was replaced by the first test).
    await page.goto(`${env.stack.botUrl}/?as=enlace-al-suba&unit=al-suba&view=plenarias`);
    await page.getByTestId('plenarias-schedule').click();
    const everyone = await people();
    // Someone far down the alphabet (past the first 50).
    const late = [...everyone].sort((a, b) => a.name.localeCompare(b.name, 'es'))[everyone.length - 3]!;
    const presiding = page.getByTestId('schedule-presiding');
    // Clicking into the chosen líder's name selects it: what one types replaces it.
    await presiding.click();
    const typed = late.name.split(' ')[0]!.slice(0, 4);
    await presiding.pressSequentially(typed, { delay: 40 });
    expect(await presiding.inputValue()).toBe(typed);
    await expect.poll(() => page.getByRole('option', { name: new RegExp(late.name) }).count()).toBe(1);
    await page.screenshot({ path: join(screenshotsDir, 'person-picker.png') });
    expect(await seriousA11yViolations(page, '[role="dialog"]')).toEqual([]);
    await page.getByRole('option', { name: new RegExp(late.name) }).click();
    expect(await presiding.inputValue()).toBe(late.name);
  }, 60_000);
});
