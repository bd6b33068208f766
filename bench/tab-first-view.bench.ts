// What the tab really sends before its first view is visible, as Chromium receives it: every
// JavaScript and CSS response finished by the time the OKR tree (Mis OKR) or the dashboard's first
// row (Tablero) shows, in bytes on the wire (compressed, headers included). Goal: ≤ 250 KB (issue 19).
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, PAGES, startTabServer } from './tabServer.js';

const server = await startTabServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
try {
  for (const [name, page] of Object.entries(PAGES)) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const types = new Map<string, string>();
    const sent = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const type = types.get(e.requestId);
      if (type === 'Script' || type === 'Stylesheet') sent.set(e.requestId, e.encodedDataLength);
    });
    await tab.goto(`${server.url}${page.path}`);
    await tab.locator(page.ready).first().waitFor({ state: 'visible', timeout: 60_000 });
    const bytes = [...sent.values()].reduce((a, b) => a + b, 0);
    const suffix = name === 'misokr' ? '' : `_${name}`;
    console.log(`tab_first_view_kb_sent${suffix} ${(bytes / 1024).toFixed(1)}`);
    console.log(`tab_first_view_files${suffix} ${sent.size}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
