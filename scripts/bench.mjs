// `npm run bench`: runs every benchmark in bench/ (files named *.bench.ts), one after another, each
// in its own process. Each prints lines "name value" (e.g. "tab_initial_js_gzip_kb 142.3").
// Benchmarks measure and print; they never fail a build on a timing.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './launch.mjs';

const only = process.argv[2];
const files = readdirSync(resolve(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)))
  .sort();
let failed = 0;
for (const file of files) {
  console.error(`# ${file}`);
  const r = spawnSync(process.execPath, ['--no-deprecation', '--import', 'tsx', resolve(root, 'bench', file)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) {
    failed++;
    console.error(`# ${file} failed (exit ${r.status})`);
  }
}
process.exit(failed > 0 ? 1 : 0);
