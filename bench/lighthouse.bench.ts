// Lighthouse 12 (mobile preset: Moto G-class screen, simulated slow 4G and 4× CPU) against Debian's
// Chromium, on Mis OKR and the entity's dashboard served by the real server. Prints the scores
// (0–100) as lighthouse_mobile_<category>_<page>. Goals (issue 19): performance ≥ 90,
// accessibility ≥ 98, best practices 100. Scores vary from run to run on a shared machine, so each
// page is measured LIGHTHOUSE_RUNS times (default 3), alternating pages, and the median is printed;
// every run's figures go to stderr. LIGHTHOUSE_PAGES=tablero (comma-separated) measures only those pages.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS, PAGES, freePort, startTabServer } from './tabServer.js';

const CATEGORIES = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'bp' } as const;
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(',');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
};

const server = await startTabServer();
const profile = mkdtempSync(join(tmpdir(), 'okr-lighthouse-'));
const port = await freePort();
const chrome = spawn(CHROMIUM, [...CHROMIUM_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
try {
  for (let i = 0; ; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/json/version`).catch(() => null))?.ok) break;
    if (i > 100) throw new Error('Chromium did not open its debugging port');
    await new Promise((r) => setTimeout(r, 100));
  }
  const scores: Record<string, Record<string, number[]>> = {};
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, page] of Object.entries(PAGES).filter(([name]) => !ONLY || ONLY.includes(name))) {
      const result = await lighthouse(`${server.url}${page.path}`, { port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(CATEGORIES) });
      if (!result) throw new Error(`Lighthouse returned nothing for ${name}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse on ${name}: ${lhr.runtimeError.message}`);
      if (process.env.LIGHTHOUSE_REPORT_DIR) writeFileSync(join(process.env.LIGHTHOUSE_REPORT_DIR, RUNS > 1 ? `${name}-${run}.json` : `${name}.json`), JSON.stringify(lhr));
      const got = Object.entries(CATEGORIES).map(([category, short]) => {
        const score = Math.round((lhr.categories[category]?.score ?? 0) * 100);
        ((scores[name] ??= {})[short] ??= []).push(score);
        return `${short} ${score}`;
      });
      // What keeps the scores down, for whoever works on the tab next.
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable')
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`);
      console.error(`# ${name} run ${run}/${RUNS}: ${got.join(', ')}; FCP ${lhr.audits['first-contentful-paint']?.displayValue}, LCP ${lhr.audits['largest-contentful-paint']?.displayValue}, TBT ${lhr.audits['total-blocking-time']?.displayValue}, machine's benchmark index ${Math.round(lhr.environment.benchmarkIndex)} (lower: busier); below 0.9: ${failing.join(', ') || 'none'}`);
    }
  }
  for (const [name, byCategory] of Object.entries(scores)) {
    for (const [short, values] of Object.entries(byCategory)) {
      console.log(`lighthouse_mobile_${short}_${name} ${median(values)}`);
    }
    console.error(`# ${name} performance by run: ${byCategory.perf?.join(', ')}`);
  }
} finally {
  chrome.kill('SIGTERM');
  await server.stop();
  rmSync(profile, { recursive: true, force: true });
}
