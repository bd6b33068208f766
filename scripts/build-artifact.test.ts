import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArtifact, runtimeProblem } from './build-artifact.mjs';

const out = join(mkdtempSync(join(tmpdir(), 'okr-artifact-')), 'app-service');
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [relative(out, join(dir, e.name))]));

describe('the deploy artifact (npm run artifact)', () => {
  it('holds the bundled server, the built tab and only the native module, and its server starts', async () => {
    // The smoke test inside starts the artifact's own server and checks /healthz, the tab and /privacidad.
    const result = await buildArtifact({ out, anyNode: true, buildTab: false });
    const all = files(out);
    expect(all).toContain('bot/dist/server.mjs');
    expect(all).toContain('bot/dist/pages/privacidad.html');
    expect(all).toContain('tabs/dist/index.html');
    // The first view's chunk (tabs/vite.config.ts), precompressed; the entry itself is under 1 KB.
    expect(all.some((f) => /^tabs\/dist\/assets\/first-view-.*\.js\.br$/.test(f))).toBe(true);
    expect(all).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(new Set(all.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]))).toEqual(new Set(['better-sqlite3', 'bindings', 'file-uri-to-path']));
    expect(all.filter((f) => /\.tsx?$/.test(f) || f.includes('.test.'))).toEqual([]);
    expect(existsSync(join(out, 'node_modules/better-sqlite3/deps'))).toBe(false);
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('node --no-deprecation bot/dist/server.mjs');
    expect(pkg.engines.node).toMatch(/^>=22/);
    expect(result.bytes).toBeLessThan(40 * 1024 * 1024);
    // App Service runs what the Bicep says: the same entry file.
    expect(readFileSync(join(import.meta.dirname, '../infra/azure.bicep'), 'utf8')).toContain("appCommandLine: 'node --no-deprecation bot/dist/server.mjs'");
  }, 120_000);

  it('is built only where the binary matches App Service: Linux x64 with Node 22', () => {
    expect(runtimeProblem({ node: '22.23.5' } as NodeJS.ProcessVersions, 'linux', 'x64')).toBeNull();
    expect(runtimeProblem({ node: '20.20.2' } as NodeJS.ProcessVersions, 'linux', 'x64')).toMatch(/Node 20\.20\.2 en linux x64/);
    expect(runtimeProblem({ node: '22.23.5' } as NodeJS.ProcessVersions, 'win32', 'x64')).toMatch(/Linux x64 con Node 22/);
  });
});
