import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (injected into the page, no network) on what is on screen, against WCAG 2.x A/AA,
 * and returns the serious and critical violations, each with the selectors of the offending nodes.
 */
export async function seriousA11yViolations(page: Page, context: string | null = null): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: the tab's Content-Security-Policy (its own scripts only)
  // refuses an injected inline <script>, as it should.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(async (ctx) => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<any> } }).axe;
    // Tabster's focus sentinels (`<i data-tabster-dummy tabindex="0" aria-hidden>`, Fluent's keyboard
    // navigation) pass focus on at once and are never read; axe cannot know that, so they are left out.
    return axe.run({ include: [ctx ?? 'body'], exclude: [['[data-tabster-dummy]']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
  }, context);
  return (results.violations as Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
