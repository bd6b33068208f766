import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotsDir, useStackAndBrowser } from './support.js';
import { seriousA11yViolations } from './a11y.js';

/** The ETI team's entity dashboard: 44 units, filters, charts, a keyboard-navigable table, into a unit. */
describe('the entity dashboard in the tab', () => {
  const env = useStackAndBrowser();

  async function open(path: string, width = 1440): Promise<Page> {
    const page = await env.page({ width, height: 1000 });
    await page.goto(`${env.stack.botUrl}${path}`);
    return page;
  }

  it('shows ETI all 44 units with status and compliance, filters them, and opens a unit with the keyboard', async () => {
    const page = await open('/?as=eti-1');
    await page.getByTestId('area-dashboard').click();
    const rows = page.locator('[data-testid^="dashboard-row-"]');
    await expect.poll(() => rows.count()).toBe(44);
    expect(new URL(page.url()).searchParams.get('view')).toBe('tablero');
    expect(await page.getByTestId('stat-units').innerText()).toContain('44');
    await page.getByTestId('chart-status').waitFor();
    const statusChart = await page.getByTestId('chart-status').locator('svg').getAttribute('aria-label');
    expect(statusChart).toMatch(/^Dependencias por estado del objetivo estratégico: /);
    // The seed leaves some units without their November check-ins.
    expect(await page.getByTestId('chart-compliance').innerText()).toContain('Sin reporte');
    expect(await page.getByTestId('dashboard-row-al-usaquen').innerText()).toMatch(/\d de 9/);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-dashboard.png'), fullPage: true });
    await page.screenshot({ path: join(screenshotsDir, 'e2e-dashboard-top.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Alcaldías only: 20; then those at risk among them.
    await page.getByTestId('filter-kind').click();
    await page.getByRole('option', { name: 'Alcaldías locales' }).click();
    await expect.poll(() => rows.count()).toBe(20);
    expect(await page.getByTestId('stat-units').innerText()).toContain('20 de 44');
    await page.getByTestId('filter-status').click();
    await page.getByRole('option', { name: 'En riesgo' }).click();
    const atRisk = await rows.count();
    expect(atRisk).toBeLessThan(20);
    for (let i = 0; i < atRisk; i++) expect(await rows.nth(i).innerText()).toContain('En riesgo');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-dashboard-filtered.png'), fullPage: true });
    await page.getByTestId('filter-status').click();
    await page.getByRole('option', { name: 'Todos los estados' }).click();
    await expect.poll(() => rows.count()).toBe(20);

    // Keyboard: into the table, down one row with the arrow key, Enter opens that unit's tree.
    const first = rows.nth(0).locator('[data-testid^="open-unit-"]');
    const second = rows.nth(1).locator('[data-testid^="open-unit-"]');
    const secondId = (await second.getAttribute('data-testid'))!.replace('open-unit-', '');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(`open-unit-${secondId}`);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TD');
    await page.keyboard.press('Enter');
    await page.getByTestId('okr-tree').waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBe(secondId);
    expect(new URL(page.url()).searchParams.get('view')).toBeNull();
    expect(await page.getByTestId('unit-picker').innerText()).not.toBe('');
    await page.close();
  }, 90_000);

  it('keeps the dashboard from members: no tab, and the API refuses', async () => {
    const page = await open('/?as=enlace-al-usaquen&view=tablero', 1280);
    await page.getByTestId('okr-tree').waitFor();
    expect(await page.getByTestId('area-dashboard').count()).toBe(0);
    const res = await page.evaluate(async () => (await fetch('/api/dashboard', { headers: { 'x-dev-person-id': 'enlace-al-usaquen' } })).status);
    expect(res).toBe(403);
    await page.close();
  }, 60_000);
});
