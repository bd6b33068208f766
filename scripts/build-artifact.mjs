// `npm run artifact`: the lean deploy artifact for App Service (Linux, Node 22) in build/app-service/,
// what `teamsapp deploy` uploads:
//   bot/dist/server.mjs      the server bundled by esbuild (bot, API, store adapters, core), no sources
//   bot/dist/pages/          the privacy and terms pages and the favicon it serves
//   tabs/dist/               the built tab with its precompressed .br/.gz files
//   node_modules/            better-sqlite3 with its native binary built for this Node (+ bindings)
//   package.json             `npm start` = node bot/dist/server.mjs
// No dev dependency, no test, no TypeScript, no npm install on the server. The script refuses to run
// on anything but Linux x64 with Node 22 (the binary must match App Service's runtime), unless
// --any-node (used by the tests and the bench, which only look at the contents and the size).
// --out <dir> writes elsewhere. After building, it starts the artifact's server once and checks it answers.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import JSZip from 'jszip';
import { root } from './launch.mjs';

export const TARGET_NODE_MAJOR = 22;
/** The native module and what it needs at run time; everything else is inside the bundle. */
const NATIVE = ['better-sqlite3', 'bindings', 'file-uri-to-path'];

export class ArtifactError extends Error {}

/** Why this machine cannot build an artifact for App Service, or null. */
export function runtimeProblem(versions = process.versions, platform = process.platform, arch = process.arch) {
  const major = Number(versions.node.split('.')[0]);
  if (platform !== 'linux' || arch !== 'x64' || major !== TARGET_NODE_MAJOR) {
    return `El artefacto lleva el binario de better-sqlite3 de este Node, y App Service corre Node ${TARGET_NODE_MAJOR} en Linux x64: aquí hay Node ${versions.node} en ${platform} ${arch}. Ármalo en Linux x64 con Node ${TARGET_NODE_MAJOR} (la CI, WSL o un contenedor).`;
  }
  return null;
}

function sizeOf(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return { bytes: info.size, files: 1 };
  return readdirSync(path).reduce((acc, name) => {
    const s = sizeOf(join(path, name));
    return { bytes: acc.bytes + s.bytes, files: acc.files + s.files };
  }, { bytes: 0, files: 0 });
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Starts the artifact's own server on the embedded store and checks the health check, the tab and a page. */
async function smokeTest(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--no-deprecation', 'bot/dist/server.mjs'], {
    cwd: dir,
    env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: ':memory:', REMINDERS_ENABLED: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 150; i++) {
      if (child.exitCode !== null) throw new ArtifactError(`El servidor del artefacto terminó con código ${child.exitCode}:\n${stderr}`);
      const health = await fetch(`${base}/healthz`).catch(() => null);
      if (health?.ok) {
        const tab = await fetch(`${base}/`, { headers: { 'accept-encoding': 'br' } });
        const page = await fetch(`${base}/privacidad`);
        if (!(await tab.text()).includes('<div id="root">') || !page.ok) throw new ArtifactError('El servidor del artefacto no sirve la pestaña o la página de privacidad.');
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new ArtifactError(`El servidor del artefacto no respondió /healthz en 30 s:\n${stderr}`);
  } finally {
    child.kill('SIGTERM');
  }
}

/** Builds the artifact into `out` and returns its size. */
export async function buildArtifact({ out = resolve(root, 'build/app-service'), anyNode = false, buildTab = true, smoke = true } = {}) {
  const problem = runtimeProblem();
  if (problem && !anyNode) throw new ArtifactError(problem);
  if (buildTab) {
    const vite = spawnSync(process.execPath, [resolve(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: resolve(root, 'tabs'), stdio: 'inherit' });
    if (vite.status !== 0) throw new ArtifactError('No se pudo compilar la pestaña (vite build).');
  }
  if (!existsSync(resolve(root, 'tabs/dist/index.html'))) throw new ArtifactError('Falta tabs/dist: ejecuta «npm run build:tabs».');

  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'bot/dist'), { recursive: true });
  await build({
    entryPoints: [resolve(root, 'bot/src/index.ts')],
    outfile: join(out, 'bot/dist/server.mjs'),
    bundle: true,
    platform: 'node',
    target: `node${TARGET_NODE_MAJOR}`,
    format: 'esm',
    // Native (better-sqlite3) and optional native (restify's dtrace-provider, absent on App Service) stay outside.
    external: ['better-sqlite3', 'dtrace-provider'],
    // CommonJS packages inside an ES module bundle still call require().
    banner: { js: "import { createRequire as __okrCreateRequire } from 'node:module'; const require = __okrCreateRequire(import.meta.url);" },
    legalComments: 'none',
    logLevel: 'warning',
  });
  cpSync(resolve(root, 'bot/src/pages'), join(out, 'bot/dist/pages'), { recursive: true });
  cpSync(resolve(root, 'tabs/dist'), join(out, 'tabs/dist'), { recursive: true });

  const modules = resolve(root, 'node_modules');
  for (const name of NATIVE) {
    const from = join(modules, name);
    const to = join(out, 'node_modules', name);
    for (const part of ['package.json', 'LICENSE', 'lib', 'index.js', 'bindings.js']) {
      if (existsSync(join(from, part))) cpSync(join(from, part), join(to, part), { recursive: true, dereference: true });
    }
  }
  const binary = 'build/Release/better_sqlite3.node';
  if (!existsSync(join(modules, 'better-sqlite3', binary))) throw new ArtifactError('Falta el binario de better-sqlite3: ejecuta «npm ci» (o «npm rebuild better-sqlite3»).');
  cpSync(join(modules, 'better-sqlite3', binary), join(out, 'node_modules/better-sqlite3', binary));

  const rootPackage = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
  const sqliteVersion = JSON.parse(readFileSync(join(modules, 'better-sqlite3/package.json'), 'utf8')).version;
  writeFileSync(
    join(out, 'package.json'),
    `${JSON.stringify(
      {
        name: `${rootPackage.name}-app-service`,
        version: rootPackage.version,
        private: true,
        type: 'module',
        description: `${rootPackage.description} — deploy artifact (scripts/build-artifact.mjs), built with Node ${process.versions.node} on ${process.platform} ${process.arch}`,
        engines: { node: rootPackage.engines.node },
        scripts: { start: 'node --no-deprecation bot/dist/server.mjs' },
        dependencies: { 'better-sqlite3': sqliteVersion },
      },
      null,
      2,
    )}\n`,
  );

  const check = spawnSync(process.execPath, ['-e', "const D = require('better-sqlite3'); console.log(new D(':memory:').prepare('select sqlite_version() v').get().v)"], { cwd: out, encoding: 'utf8' });
  if (check.status !== 0) throw new ArtifactError(`better-sqlite3 no carga en el artefacto:\n${check.stderr}`);
  if (smoke) await smokeTest(out);
  return { out, ...sizeOf(out), sqlite: check.stdout.trim(), bundleBytes: statSync(join(out, 'bot/dist/server.mjs')).size };
}

/** The artifact zipped as `teamsapp deploy` uploads it (deflate), in bytes. */
export async function zippedBytes(dir) {
  const zip = new JSZip();
  const add = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) add(full);
      else zip.file(relative(dir, full), readFileSync(full));
    }
  };
  add(dir);
  return (await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })).length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  try {
    const result = await buildArtifact({ anyNode: args.includes('--any-node'), ...(outAt >= 0 ? { out: resolve(args[outAt + 1]) } : {}) });
    const mb = (b) => (b / 1024 / 1024).toFixed(1);
    console.log(`Artefacto para App Service: ${relative(process.cwd(), result.out) || '.'}`);
    console.log(`  ${result.files} archivos, ${mb(result.bytes)} MB (${mb(await zippedBytes(result.out))} MB en zip; servidor ${mb(result.bundleBytes)} MB), SQLite ${result.sqlite}, Node ${process.versions.node}`);
    console.log('  El servidor del artefacto arrancó y respondió /healthz, la pestaña y /privacidad.');
  } catch (error) {
    if (!(error instanceof ArtifactError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
