import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshotsDir, useStackAndBrowser } from './support.js';
import { seriousA11yViolations } from './a11y.js';
import { nextMonthlySession, quarterOf } from '@okr/core';

/** Tuesday 1 December 2026, 10:00 in Bogotá: the demo holds the September, October and November dialogue sessions and their proposals' follow-up. */
const DEC_1 = '2026-12-01T15:00:00.000Z';

/**
 * «Propuestas» in the tab, in headless Chromium (issue 14, item 16): the OAP sees the proposals of
 * every dialogue session, filters them by keyboard, assigns the one nobody takes yet, and the person
 * who takes it sees it.
 */
describe('the proposals of «Un café con el Secretario» across sessions', () => {
  const env = useStackAndBrowser({ OKR_NOW: DEC_1 });

  it('lists, filters by keyboard and assigns a proposal, with no serious accessibility problem', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=oap-1&view=propuestas`);
    const cards = page.locator('[data-testid^="proposal-pl-"]');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(10);
    expect(await page.getByTestId('proposals-count').innerText()).toBe('10 propuestas');
    // What needs someone comes first: the one nobody takes yet.
    const first = await cards.first().innerText();
    expect(first).toContain('Compartir las buenas prácticas');
    expect(first).toContain('Nadie todavía');
    // Dates people read are es-CO, none in the future.
    expect(await page.getByTestId('proposals-list').innerText()).toMatch(/Sesión del \d+ de octubre de 2026/);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-proposals.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The status filter by keyboard: «Implementada».
    await page.getByTestId('proposals-filter-status').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Implementada' }).waitFor();
    await page.keyboard.type('Impl');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('proposals-count').innerText()).toBe('2 de 10 propuestas');
    expect(await page.getByTestId('proposals-list').innerText()).toContain('Impacto medido');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-proposals-implemented.png'), fullPage: true });
    await page.getByTestId('proposals-filter-status').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('proposals-count').innerText()).toBe('10 propuestas');

    // Assign the unassigned one to the Subsecretaria de Gestión Local.
    const unassigned = cards.first();
    await unassigned.locator('[data-testid^="proposal-assign-"]').click();
    const picker = page.getByTestId('proposal-assign-person');
    await picker.click();
    await picker.pressSequentially('Adriana Mil', { delay: 30 });
    await page.getByRole('option', { name: /Adriana Milena Rojas Guerrero/ }).click();
    expect(await picker.inputValue()).toBe('Adriana Milena Rojas Guerrero');
    await page.screenshot({ path: join(screenshotsDir, 'e2e-proposals-assign.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('proposal-assign-save').click();
    await page.getByTestId('proposals-saved').waitFor();
    expect(await cards.first().innerText()).toContain('Quién la toma: Adriana Milena Rojas Guerrero');
    expect(await cards.first().innerText()).toContain('La toma Adriana Milena Rojas Guerrero.');

    // She sees it in her list (only those she takes).
    const hers = await fetch(`${env.stack.botUrl}/api/proposals`, { headers: { 'x-dev-person-id': 'lider-sgl' } }).then((r) => r.json() as Promise<any>);
    expect(hers.coordinator).toBe(false);
    expect(hers.proposals.map((p: any) => p.text)).toContain('Compartir las buenas prácticas de las alcaldías con mejores resultados en PQRS.');
    await page.close();
  }, 120_000);

  it('the head of the OAP (a líder of the office, no entity-wide role) has «Propuestas» with every proposal; the ETI has no such tab', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=lider-oap`);
    await page.getByTestId('area-proposals').click();
    const cards = page.locator('[data-testid^="proposal-pl-"]');
    await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(10);
    expect(await page.locator('[data-testid^="proposal-assign-"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('quarter-picker').count()).toBe(0);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-proposals-oap-head.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(`${env.stack.botUrl}/?as=eti-1`);
    await page.getByTestId('area-dashboard').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('area-proposals').count()).toBe(0);
    await page.close();
  }, 90_000);

  it('«Programar la siguiente» schedules the next session of the monthly series from the latest (November’s), once confirmed', async () => {
    const page = await env.page({ width: 1366, height: 900 });
    await page.goto(`${env.stack.botUrl}/?as=oap-1&view=plenarias&quarter=2026-Q4`);
    const next = page.getByTestId('plenaria-next-pl-dialogo-2026-11');
    await next.waitFor({ timeout: 20_000 });
    // Only on the series' latest held session: October's has none.
    expect(await page.locator('[data-testid^="plenaria-next-"]').count()).toBe(1);
    await next.click();
    await page.getByTestId('schedule-save').waitFor();
    expect(await page.getByRole('dialog').innerText()).toContain('Programar la siguiente sesión de diálogo');
    await page.waitForTimeout(400); // the dialog's opening animation, for the picture
    await page.screenshot({ path: join(screenshotsDir, 'e2e-plenarias-schedule-next.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('schedule-save').click();
    await page.getByTestId('plenarias-scheduled').waitFor();
    // Scheduled: nobody is offered another; November's session says when the next one is.
    const following = page.getByTestId('plenaria-following-pl-dialogo-2026-11');
    await following.waitFor();
    expect(await following.innerText()).toMatch(/^Siguiente sesión: .+ de diciembre de 2026 a las /);
    expect(await page.locator('[data-testid^="plenaria-next-"]').count()).toBe(0);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-plenarias-following.png') });
    // The series' next date after the server's today (1 December; the rule is core's), in its quarter, with the November session's time, place and people.
    const previous = (await fetch(`${env.stack.botUrl}/api/plenarias?quarter=2026-Q4`, { headers: { 'x-dev-person-id': 'oap-1' } }).then((r) => r.json() as Promise<any>)).plenarias.find((s: any) => s.plenaria.id === 'pl-dialogo-2026-11').plenaria;
    const expected = nextMonthlySession(previous, '2026-12-01');
    const listed = (await fetch(`${env.stack.botUrl}/api/plenarias?quarter=${quarterOf(expected.date)}`, { headers: { 'x-dev-person-id': 'oap-1' } }).then((r) => r.json() as Promise<any>)).plenarias.map((s: any) => s.plenaria);
    expect(listed.find((p: any) => p.kind === 'dialogo' && p.date === expected.date)).toMatchObject(expected);
    await page.close();
  }, 90_000);
});
