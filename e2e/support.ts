import { createServer } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error plain JS module shared with `npm start`
import { readEnvFile, root, startBot, startPlayground, startTinylicious } from '../scripts/launch.mjs';

export const E2E_NOW = '2026-11-23T15:00:00.000Z';

/** A free TCP port below 32768 (the Playground must not collide with ephemeral client ports). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 12000);
    const free = await new Promise<boolean>((done) => {
      const srv = createServer();
      srv.once('error', () => done(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => done(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port');
}

export interface Stack {
  /** The SQLite file the server writes: tests read what was stored. */
  dbPath: string;
  botUrl: string;
  playgroundUrl: string;
  logs: string[];
  stop(): Promise<void>;
}

/**
 * Starts the real bot server (fresh SQLite file, demo seed) and the Agents Playground against it;
 * `entry` bot/src/dev/sharepointFake.ts runs the server on the SharePoint store over the Graph fake.
 */
export async function startStack(overrides: Record<string, string> = {}, options: { entry?: string } = {}): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'okr-e2e-'));
  const logs: string[] = [];
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  const configPath = join(dir, 'playground.yml');
  const env = {
    ...process.env,
    ...readEnvFile('.env.local'),
    SQLITE_PATH: join(dir, 'okr.db'),
    PLAYGROUND_CONFIG_PATH: configPath,
    PUBLIC_URL: `http://localhost:${botPort}`,
    OKR_NOW: E2E_NOW,
    LOG_LEVEL: 'warn',
    // No proactive reminders unless a test asks (they would land in the Playground's chats).
    REMINDERS_ENABLED: 'false',
    // No local Live Share server unless a test starts one (useLocalFluid): stages move alone.
    LIVE_SHARE_LOCAL_PORT: '',
    ...overrides,
  };
  const bot = await startBot({ env, port: botPort, onLog: (l: string) => logs.push(`[bot] ${l}`), ...options });
  try {
    const playground = await startPlayground({
      port: playgroundPort,
      botUrl: `http://localhost:${botPort}`,
      configPath,
      cwd: join(dir, 'playground'),
      onLog: (l: string) => logs.push(`[playground] ${l}`),
    });
    return {
      dbPath: env.SQLITE_PATH,
      botUrl: bot.url,
      playgroundUrl: playground.url,
      logs,
      async stop() {
        await Promise.all([playground.stop(), bot.stop()]);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await bot.stop();
    throw new Error(`${(error as Error).message}\n${logs.join('\n')}`);
  }
}

/**
 * For one test file: a local Fluid server (tinylicious) started before the stack, whose port goes
 * into `overrides` (LIVE_SHARE_LOCAL_PORT) — call it before `useStackAndBrowser(overrides)`.
 */
export function useLocalFluid(overrides: Record<string, string>) {
  let fluid: { stop(): Promise<void> } | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'okr-fluid-'));
    const port = await freePort();
    fluid = await startTinylicious({ port, dir });
    overrides.LIVE_SHARE_LOCAL_PORT = String(port);
  });
  afterAll(async () => {
    await fluid?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
}

/** A client of the Playground's own HTTP and WebSocket API (what its web UI uses). */
export async function playgroundClient(baseUrl: string) {
  const { config } = (await (await fetch(`${baseUrl}/_internal/v1/config`)).json()) as { config: Record<string, any> };
  const messages: any[] = [];
  const ws = new WebSocket(`${baseUrl.replace('http', 'ws')}/_ws_conversation/v1/conversations/stream`);
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  ws.on('message', (raw) => {
    const event = JSON.parse(raw.toString());
    if (event.action === 'createMessage' || event.action === 'updateMessage') messages.push(event.message);
  });
  return {
    config,
    messages,
    async send(conversationId: string, from: { id: string }, text: string) {
      const res = await fetch(`${baseUrl}/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'text', text, textFormat: 'plain', from }),
      });
      if (!res.ok) throw new Error(`send failed: ${res.status} ${await res.text()}`);
      return res.json().catch(() => null);
    },
    async invoke(conversationId: string, from: { id: string }, replyToId: string, verb: string, data: Record<string, unknown>) {
      const res = await fetch(`${baseUrl}/_conversation/v1/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } }, from, conversation: { id: conversationId }, replyToId }),
      });
      if (!res.ok) throw new Error(`invoke failed: ${res.status} ${await res.text()}`);
      return res.json() as Promise<any>;
    },
    /**
     * Sends an activity as any user of the Playground's tenant (its "mock an activity" feature):
     * how tests act as the coach or the líder while the Playground's own user is the enlace.
     */
    async asUser(userId: string, conversationId: string, activity: Record<string, unknown>) {
      const tpl = await (await fetch(`${baseUrl}/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}&type=install`)).json();
      const user = [config.currentUser, ...config.users].find((u: { id: string }) => u.id === userId);
      const res = await fetch(`${baseUrl}/_internal/v1/customActivities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...tpl, action: undefined, ...activity, from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name } }),
      });
      if (!res.ok) throw new Error(`custom activity failed: ${res.status} ${await res.text()}`);
    },
    /** Waits for the next bot message whose text or card matches. */
    async waitFor(predicate: (message: any) => boolean, timeoutMs = 15_000): Promise<any> {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const found = messages.find(predicate);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`no matching bot message; got ${JSON.stringify(messages).slice(0, 2000)}`);
    },
    close: () => ws.close(),
  };
}

/** Every input of a card filled the way a person would: es-CO numbers, a comment, an https link. */
export function fillCard(card: any, percentage = '72,5'): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const walk = (node: any) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Input.ChoiceSet') data[node.id] = '1';
    else if (node.type === 'Input.Text' && node.id.startsWith('value:')) data[node.id] = node.label === 'Avance (%)' ? percentage : '5';
    else if (node.type === 'Input.Text' && node.id.startsWith('comment:')) data[node.id] = 'Se cumplió lo programado para noviembre.';
    else if (node.type === 'Input.Text' && node.id.startsWith('evidence:')) data[node.id] = 'https://gobiernobogota.sharepoint.com/sites/OKR/Evidencias/2026-11';
    Object.values(node).forEach(walk);
  };
  walk(card.body);
  return data;
}

/** The main action of a card ("Guardar todo"). */
export const mainAction = (card: any) => card.actions[0] as { verb: string; data: Record<string, unknown> };

/** What a person reads on a card, flattened. */
export const textOf = (value: unknown) => JSON.stringify(value);

/** Debian's Chromium, headless, with nothing reaching outside addresses. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export const screenshotsDir = resolve(root, 'screenshots');

/** Requests a test page may make: this machine only (the Playground's CDN fonts and scripts fail fast). */
const NOT_LOCAL = /^(?!http:\/\/(localhost|127\.0\.0\.1)[:/])/;

/**
 * For one test file: the real server and Playground, and Debian's Chromium, started before the
 * tests and stopped after. `page()` opens a page that can reach only this machine.
 */
export function useStackAndBrowser(overrides: Record<string, string> = {}) {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    stack = await startStack(overrides);
    browser = await launchChromium();
    mkdirSync(screenshotsDir, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  return {
    get stack(): Stack {
      return stack!;
    },
    async page(viewport: { width: number; height: number } = { width: 1280, height: 900 }): Promise<Page> {
      const page = await browser!.newPage({ viewport });
      await page.route(NOT_LOCAL, (route) => route.abort());
      return page;
    },
  };
}
