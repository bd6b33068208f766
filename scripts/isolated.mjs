// Runs a command inside a loopback-only network namespace (`unshare -rn`), so tests — the bot,
// the Agents Playground and Chromium included — cannot reach any outside address. Falls back to
// a plain run, with a notice, where user namespaces are unavailable.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('usage: node scripts/isolated.mjs <command> [args…]');
  process.exit(2);
}
const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
const probe = spawnSync('unshare', ['-rn', 'sh', '-c', 'ip link set lo up'], { stdio: 'ignore' });
let result;
if (probe.status === 0 && process.env.OKR_NO_NETNS !== 'true') {
  result = spawnSync('unshare', ['-rn', 'sh', '-c', `ip link set lo up && exec ${quoted}`], { stdio: 'inherit', env: { ...process.env, OKR_NETNS: 'loopback-only' } });
} else {
  console.warn('[isolated] network namespaces unavailable here: running without network isolation.');
  result = spawnSync('sh', ['-c', `exec ${quoted}`], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
