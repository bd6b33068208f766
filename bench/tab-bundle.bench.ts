// Size of the JavaScript the Mis OKR tab loads before its first render: the entry script and the
// chunks index.html preloads, gzipped as a server would send them. Goal: ≤ 300 KB (issue 5).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = resolve(import.meta.dirname, '../tabs/dist');
const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1]!);
const unique = [...new Set(scripts)];
if (unique.length === 0) throw new Error('tabs/dist/index.html loads no script: build the tab first (npm run build:tabs)');
const bytes = unique.reduce((sum, src) => sum + gzipSync(readFileSync(resolve(dist, `.${src}`)), { level: 9 }).length, 0);
console.log(`tab_initial_js_files ${unique.length}`);
console.log(`tab_initial_js_gzip_kb ${(bytes / 1024).toFixed(1)}`);
