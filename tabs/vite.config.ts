import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { transformAsync, transformSync } from '@babel/core';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build (over 1 KB), so the server
 * (bot/src/staticTab.ts) sends them as they are, with no compression work per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'okr-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/**
 * The page's first view: the entry and the Mis OKR shell (with the tree, its first view). Their
 * modules go to one chunk beside React's, instead of some thirty small chunks fetched in a
 * waterfall; every other view stays a chunk of its own, loaded when first shown (shell/views.ts).
 */
const FIRST_VIEW = ['/src/main.tsx', '/src/shell/MisOkr.tsx'];

/** Never in what the first view loads: server-side or per-view packages, Griffel's run-time CSS compiler. */
const NOT_IN_FIRST_VIEW = /[\\/]node_modules[\\/](date-holidays|moment|moment-timezone|astronomia|docx|exceljs|jszip|stylis|rtl-css-js|@microsoft[\\/]teams-js)[\\/]/;
const MAX_CHUNK_BYTES = 500 * 1024;

/**
 * Fails the build when the first view would load one of NOT_IN_FIRST_VIEW (a value import of
 * `@okr/core`'s index, say, brings the holiday calendar) or when a chunk outgrows 500 KB.
 */
function bundleGuard(): Plugin {
  return {
    name: 'okr-bundle-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [[c.fileName, c] as const] : [])));
      const first = new Set<string>();
      const visit = (file: string) => {
        if (first.has(file)) return;
        first.add(file);
        chunks.get(file)?.imports.forEach(visit);
      };
      [...chunks.values()].filter((c) => c.isEntry).forEach((c) => visit(c.fileName));
      for (const chunk of chunks.values()) {
        const banned = first.has(chunk.fileName) && Object.keys(chunk.modules).find((id) => NOT_IN_FIRST_VIEW.test(id));
        if (banned) this.error(`the first view would load ${banned} (in ${chunk.fileName})`);
        if (chunk.code.length > MAX_CHUNK_BYTES) this.error(`${chunk.fileName} is ${Math.round(chunk.code.length / 1024)} KB (limit ${MAX_CHUNK_BYTES / 1024} KB)`);
      }
    },
  };
}

/** Turns an ES module into CommonJS, for Griffel's evaluation in Node. */
const toCommonJs = (filename: string, _options: unknown, text: string): [string, null] => [
  transformSync(text, { filename, babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-modules-commonjs'] })?.code ?? '',
  null,
];

/**
 * Griffel's build-time transform for the tab's own `makeStyles` / `makeResetStyles`: each style
 * object becomes its precomputed classes and CSS rules (`__styles`), as Fluent's own components
 * ship, so the page no longer resolves and compiles CSS at run time (which held the main thread
 * on the first view). Class names and rules are the ones the run time would make.
 */
function griffelAot(): Plugin {
  // A CommonJS package whose preset is its `default` export.
  const griffel = createRequire(import.meta.url)('@griffel/babel-preset') as typeof import('@griffel/babel-preset');

  return {
    name: 'okr-griffel-aot',
    apply: 'build',
    enforce: 'pre',
    async transform(code, id) {
      if (!/[\\/]tabs[\\/]src[\\/].*\.tsx?$/.test(id) || /\.test\.tsx?$/.test(id) || !/\bmake(Reset)?Styles\(/.test(code)) return null;
      const result = await transformAsync(code, {
        filename: id,
        babelrc: false,
        configFile: false,
        sourceMaps: false,
        parserOpts: { plugins: ['typescript', 'jsx'] },
        presets: [
          [
            griffel.default,
            {
              babelOptions: { presets: ['@babel/preset-typescript'] },
              // Packages run as they are, except the ES-module helpers Node resolves for Fluent's
              // CommonJS build (the `module-sync` condition): those are turned into CommonJS.
              evaluationRules: [
                { action: griffel.shakerEvaluator },
                { test: /[\\/]node_modules[\\/]/, action: 'ignore' },
                { test: /[\\/]node_modules[\\/]@swc[\\/]helpers[\\/]esm[\\/]/, action: toCommonJs },
              ],
            },
          ],
        ],
      });
      return result?.code ? { code: result.code, map: null } : null;
    },
  };
}

/**
 * The Mis OKR tab. Built into tabs/dist, which the bot server serves at `/` (same origin as /api).
 * What the first view needs comes as React's chunk and the first-view chunk (FIRST_VIEW), which
 * index.html preloads; teams-js (inside Teams only) and every other view load as chunks of their own.
 */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [griffelAot(), react(), bundleGuard(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'first-view', test: (id) => FIRST_VIEW.some((root) => id.endsWith(root)), priority: 1 },
            // The meeting stage's Live Share and Fluid client (1.2 MB), only on the stage: in parallel
            // pieces under the chunk limit.
            { name: 'live-share', test: /node_modules[\\/](@microsoft[\\/]live-share|@fluidframework|fluid-framework)[\\/]/, maxSize: 1_200_000 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev -w tabs` talks to a bot server started separately (npm start).
    proxy: { '/api': 'http://localhost:3978' },
  },
});
