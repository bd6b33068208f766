// Starts the project's real parts as child processes: the bot server, the Microsoft 365 Agents
// Playground and the local Fluid server of the meeting stage. Used by `npm start` and by the
// end-to-end tests.
import { spawn } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Variables of an env/ file; the shell's own environment wins over the file. */
export function readEnvFile(name) {
  return parseEnv(readFileSync(resolve(root, 'env', name), 'utf8'));
}

function pipeLines(stream, onLine) {
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffer += chunk;
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, i));
      buffer = buffer.slice(i + 1);
    }
  });
}

function stopper(child) {
  return () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 4000).unref();
    });
}

/**
 * Starts the bot server and resolves once /healthz answers. `entry` is the server's entry file:
 * bot/src/index.ts, or bot/src/dev/sharepointFake.ts (the SharePoint store over the Graph fake).
 */
export async function startBot({ env, port, onLog = () => {}, entry = 'bot/src/index.ts' }) {
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', resolve(root, entry)], {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeLines(child.stdout, onLog);
  pipeLines(child.stderr, onLog);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The bot server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return { url, child, stop: stopper(child) };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopper(child)();
  throw new Error('The bot server did not answer /healthz within 60 s');
}

/**
 * Starts the Agents Playground on `port` against the bot. Telemetry is off and Application
 * Insights' statsbeat disabled, or it probes outside addresses; it must not open a browser.
 */
export async function startPlayground({ port, botUrl, configPath, cwd, onLog = () => {} }) {
  mkdirSync(cwd, { recursive: true });
  const cli = resolve(root, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  const child = spawn(process.execPath, [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    cwd,
    env: {
      ...process.env,
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = stopper(child);
  const listening = new Promise((resolveListen, reject) => {
    const timer = setTimeout(() => reject(new Error('The Agents Playground did not start within 30 s')), 30_000);
    const onLine = (line) => {
      onLog(line);
      const m = /Listening on (\d+)/.exec(line);
      if (m) {
        clearTimeout(timer);
        if (Number(m[1]) !== port) reject(new Error(`The Agents Playground took port ${m[1]} instead of ${port}: is ${port} in use?`));
        else resolveListen();
      }
    };
    pipeLines(child.stdout, onLine);
    pipeLines(child.stderr, onLine);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The Agents Playground exited with code ${code} (see ${cwd}/devTools/)`));
    });
  });
  const url = `http://localhost:${port}`;
  try {
    await listening;
    // It prints "Listening" before loading its config: only a config that parsed answers here.
    const res = await fetch(`${url}/_internal/v1/config`).catch(() => null);
    if (!res?.ok) throw new Error(`The Agents Playground could not load ${configPath} (see ${cwd}/devTools/m365agentsplayground.log)`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

/**
 * Starts the local Fluid server (`tinylicious`, in memory, its storage in `dir`) on `port`: the
 * meeting stages opened in a browser join their Live Share session there (LIVE_SHARE_LOCAL_PORT).
 * Resolves once it answers; it needs no network beyond this machine.
 */
export async function startTinylicious({ port, dir, onLog = () => {} }) {
  mkdirSync(dir, { recursive: true });
  const child = spawn(process.execPath, [resolve(root, 'node_modules/tinylicious/dist/index.js')], {
    cwd: dir,
    // Its settings are nconf's: `storage` is where it keeps its git store of the sessions' summaries.
    env: { ...process.env, PORT: String(port), storage: resolve(dir, 'git'), logger__level: 'warn', logger__colorize: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeLines(child.stdout, onLog);
  pipeLines(child.stderr, onLog);
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local Fluid server (tinylicious) exited with code ${child.exitCode}: is port ${port} in use?`);
    const res = await fetch(url).catch(() => null);
    if (res?.ok) return { url, port, child, stop: stopper(child) };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stopper(child)();
  throw new Error(`The local Fluid server (tinylicious) did not answer on port ${port} within 30 s`);
}
