import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotsDir, useLocalFluid, useStackAndBrowser } from './support.js';
import { seriousA11yViolations } from './a11y.js';

/**
 * The meeting surfaces and the themes, in a plain Chromium: `?frame=` stands in for Teams' frame
 * context (side panel, stage), `?theme=` for its theme, a local Fluid server (tinylicious) for the
 * meeting's Live Share session and `?meetingRole=attendee` for an attendee's role in it.
 */
describe('meeting side panel, stage view, configuration page and themes', () => {
  const liveShare: Record<string, string> = {};
  useLocalFluid(liveShare);
  const env = useStackAndBrowser(liveShare);

  async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
    const page = await env.page(viewport);
    await page.goto(`${env.stack.botUrl}${path}`);
    return page;
  }

  const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('fits the unit’s objectives and quick links in a 320 px side panel, and opens the stage from it', async () => {
    const page = await open('/?as=lider-al-usaquen&unit=al-usaquen&frame=sidePanel', { width: 320, height: 900 });
    const panel = page.getByTestId('meeting-side-panel');
    await panel.waitFor();
    expect(await panel.locator('h1').innerText()).toBe('Alcaldía Local de Usaquén');
    expect(await page.locator('[data-testid^="panel-objective-"]').count()).toBe(4);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await page.getByTestId('panel-open-tree').getAttribute('href')).toBe('/?unit=al-usaquen&quarter=2026-Q4');
    expect(await page.getByTestId('panel-open-dashboard').count()).toBe(0); // a líder is not entity-wide
    await page.screenshot({ path: join(screenshotsDir, 'e2e-side-panel-320.png'), fullPage: true });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('preview-stage').click();
    await page.getByTestId('stage-view').waitFor();
    expect(new URL(page.url()).searchParams.get('frame')).toBe('meetingStage');
    await page.close();
  }, 60_000);

  it('presents the unit’s OKRs on a 1920 px stage, step by step with the arrow keys', async () => {
    const page = await open('/?as=lider-al-usaquen&unit=al-usaquen&quarter=2026-Q4&frame=meetingStage', { width: 1920, height: 1080 });
    const stage = page.getByTestId('stage-view');
    await stage.waitFor();
    expect(await page.getByTestId('stage-step').innerText()).toBe('Paso 1 de 4 · Panorama del trimestre');
    const titleSize = await page.locator('[data-testid="stage-step-0"] h2').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(titleSize).toBeGreaterThanOrEqual(48); // large type on a 1920 px stage
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-stage-overview-1920.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('stage-step').innerText()).toBe('Paso 2 de 4 · Objetivo táctico 1');
    expect(await page.locator('[data-testid^="stage-kr-"]').count()).toBe(3);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-stage-tactical-1920.png') });
    await page.keyboard.press('End');
    expect(await page.getByTestId('stage-step').innerText()).toBe('Paso 4 de 4 · Objetivo táctico 3');
    expect(await page.getByTestId('stage-next').isDisabled()).toBe(true);
    await page.keyboard.press('ArrowRight'); // stays on the last step
    expect(await page.getByTestId('stage-step').innerText()).toContain('Paso 4 de 4');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByTestId('stage-step').innerText()).toContain('Paso 3 de 4');
    await page.getByTestId('stage-prev').click();
    await page.keyboard.press('Home');
    expect(await page.getByTestId('stage-step').innerText()).toContain('Paso 1 de 4');
    await page.close();
  }, 60_000);

  it('moves everyone’s stage with the presenter’s steps; an attendee browses alone and comes back to the presentation', async () => {
    const stepOf = (page: Page) => page.getByTestId('stage-step').innerText();
    const syncOf = (page: Page) => page.getByTestId('stage-sync');
    const presenter = await open('/?as=lider-al-usaquen&unit=al-usaquen&quarter=2026-Q4&frame=meetingStage', { width: 1280, height: 800 });
    await presenter.locator('[data-testid="stage-sync"][data-status="presenting"]').waitFor();
    expect(await syncOf(presenter).innerText()).toBe('Presentas: quienes están en la reunión ven los pasos que das.');
    // The first stage created the session and named it in the address's # (TestLiveShareHost).
    const session = new URL(presenter.url());
    expect(session.hash.length).toBeGreaterThan(1);
    session.searchParams.set('as', 'miembro-al-usaquen');
    session.searchParams.set('meetingRole', 'attendee');
    const attendee = await env.page({ width: 1280, height: 800 });
    await attendee.goto(session.href);
    await attendee.locator('[data-testid="stage-sync"][data-status="waiting"]').waitFor();
    expect(await stepOf(attendee)).toBe('Paso 1 de 4 · Panorama del trimestre');

    await presenter.keyboard.press('ArrowRight');
    await attendee.locator('[data-testid="stage-sync"][data-status="following"]').waitFor();
    await attendee.getByTestId('stage-step-1').waitFor();
    expect(await stepOf(attendee)).toBe('Paso 2 de 4 · Objetivo táctico 1');
    expect(await syncOf(attendee).innerText()).toBe('Sigues la presentación.');

    // The attendee browses on their own: the presenter stays put, the attendee is told where the presentation is.
    await attendee.getByTestId('stage-next').click();
    await attendee.getByTestId('stage-next').click();
    expect(await stepOf(attendee)).toBe('Paso 4 de 4 · Objetivo táctico 3');
    await presenter.getByTestId('stage-next').click();
    await attendee.getByText('La presentación va en el paso 3 de 4.', { exact: false }).waitFor();
    expect(await syncOf(attendee).getAttribute('data-status')).toBe('browsing');
    expect(await stepOf(attendee)).toBe('Paso 4 de 4 · Objetivo táctico 3');
    expect(await stepOf(presenter)).toBe('Paso 3 de 4 · Objetivo táctico 2');
    await presenter.screenshot({ path: join(screenshotsDir, 'e2e-stage-sync-presenter.png') });
    await attendee.screenshot({ path: join(screenshotsDir, 'e2e-stage-sync-attendee-browsing.png') });
    expect(await seriousA11yViolations(attendee)).toEqual([]);

    await attendee.getByTestId('stage-back').click();
    expect(await stepOf(attendee)).toBe('Paso 3 de 4 · Objetivo táctico 2');
    expect(await syncOf(attendee).getAttribute('data-status')).toBe('following');
    await presenter.keyboard.press('Home');
    await attendee.getByTestId('stage-step-0').waitFor();
    await attendee.screenshot({ path: join(screenshotsDir, 'e2e-stage-sync-attendee-following.png') });
    await Promise.all([presenter.close(), attendee.close()]);
  }, 90_000);

  it('lets a person pick the unit on the configuration page', async () => {
    const page = await open('/config?as=coach-1', { width: 800, height: 700 });
    await page.getByTestId('config-page').waitFor();
    await page.getByTestId('config-unit').click();
    await page.getByRole('option', { name: 'Alcaldía Local de Suba' }).click();
    expect(await page.getByTestId('config-preview').innerText()).toContain(`${env.stack.botUrl}/?unit=al-suba`);
    await page.screenshot({ path: join(screenshotsDir, 'e2e-config.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('offers the development identity picker outside Teams without serious accessibility violations', async () => {
    const page = await open('/', { width: 1024, height: 800 });
    await page.getByRole('searchbox').or(page.getByLabel('Buscar persona')).first().waitFor();
    await page.screenshot({ path: join(screenshotsDir, 'e2e-identity-picker.png') });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`shows the tree in the ${theme} theme without serious accessibility violations`, async () => {
      const page = await open(`/?as=enlace-al-usaquen&unit=al-usaquen&quarter=2026-Q4&theme=${theme}`, { width: 1280, height: 900 });
      await page.getByTestId('okr-tree').waitFor();
      expect(await page.locator('.fui-FluentProvider').first().getAttribute('data-theme')).toBe(theme);
      const background = await page.locator('.fui-FluentProvider > div').first().evaluate((el) => getComputedStyle(el).backgroundColor);
      if (theme === 'default') expect(background).not.toBe('rgb(0, 0, 0)');
      else expect(background).not.toBe('rgb(255, 255, 255)');
      await page.screenshot({ path: join(screenshotsDir, `e2e-tree-${theme}.png`), fullPage: true });
      expect(await seriousA11yViolations(page)).toEqual([]);
      if (theme !== 'default') {
        await page.goto(`${env.stack.botUrl}/?as=lider-al-usaquen&unit=al-usaquen&quarter=2026-Q4&frame=meetingStage&theme=${theme}`);
        await page.getByTestId('stage-view').waitFor();
        await page.setViewportSize({ width: 1920, height: 1080 });
        await page.screenshot({ path: join(screenshotsDir, `e2e-stage-${theme}.png`) });
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      await page.close();
    }, 60_000);
  }
});
