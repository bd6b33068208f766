// `npm run provision [-- --env env/.env.dev] [--dry-run]`: creates or completes the SharePoint lists
// of the store and its «ActasOKR» document library on the configured site, idempotently, and
// reports what it did. Reads the same
// variables as the server (SHAREPOINT_SITE_URL or SHAREPOINT_SITE_ID, AZURE_TENANT_ID,
// AZURE_CLIENT_ID, AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH).
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../../config.js';
import { gatewayFor, siteOf } from './open.js';
import { describe, provision } from './provision.js';

const args = process.argv.slice(2);
const envAt = args.indexOf('--env');
if (envAt >= 0) {
  const file = args[envAt + 1];
  if (!file) {
    console.error('--env needs a file, e.g. --env env/.env.dev');
    process.exit(2);
  }
  process.loadEnvFile(resolve(file));
}
const dryRun = args.includes('--dry-run');

let config;
try {
  config = loadConfig({ ...process.env, STORE: 'sharepoint' });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

try {
  const site = siteOf(config);
  console.log(`Sitio: ${'url' in site ? site.url : site.id}${dryRun ? ' (simulación: no se cambia nada)' : ''}`);
  const report = await provision(gatewayFor(config), site, { dryRun });
  for (const line of describe(report, dryRun)) console.log(`  ${line}`);
  process.exit(report.problems.length > 0 ? 1 : 0);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
