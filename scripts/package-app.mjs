// `npm run package -- <env>`: the Teams app package (manifest + icons) as appPackage/build/appPackage.<env>.zip,
// with ${{VAR}} placeholders filled from env/.env.<env> and the environment (the shell wins).
// `local` (the default) fills what is missing with the development values of `npm start`; any other
// environment refuses to run while a value is missing or still a placeholder, and wants https tab URLs.
// The manifest is checked against the Microsoft Teams v1.19 schema of @microsoft/app-manifest before it is zipped.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { readEnvFile, root } from './launch.mjs';

const require = createRequire(import.meta.url);

/** What `npm start` runs locally: a demo app id, the anonymous bot and the tab on localhost. */
export const LOCAL_DEFAULTS = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a0c1',
  BOT_ID: '00000000-0000-4000-8000-00000000b0c1',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-00000000c0c1',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const GUID_VARS = ['TEAMS_APP_ID', 'BOT_ID', 'AAD_APP_CLIENT_ID'];
const ICONS = ['color.png', 'outline.png'];

export class PackageError extends Error {}

/** The manifest's placeholders, in order of appearance. */
export function manifestVariables(template) {
  return [...new Set([...template.matchAll(/\$\{\{ *(\w+) *\}\}/g)].map((m) => m[1]))];
}

/** Every problem with the values for `envName`, each naming its variable (empty when all is well). */
export function checkValues(envName, vars, names) {
  const problems = [];
  for (const name of names) {
    const value = vars[name]?.trim();
    if (!value) problems.push(`${name}: falta (defínela en env/.env.${envName} o en el entorno)`);
    else if (value.includes('<')) problems.push(`${name}: sigue con el valor de ejemplo «${value}»`);
    else if (GUID_VARS.includes(name) && !GUID.test(value)) problems.push(`${name}: debe ser un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), no «${value}»`);
  }
  if (envName === 'local') return problems;
  const endpoint = vars.TAB_ENDPOINT?.trim();
  if (endpoint && !problems.some((p) => p.startsWith('TAB_ENDPOINT'))) {
    let url = null;
    try {
      url = new URL(endpoint);
    } catch {
      problems.push(`TAB_ENDPOINT: no es una URL («${endpoint}»)`);
    }
    if (url && url.protocol !== 'https:') problems.push(`TAB_ENDPOINT: fuera de local las pestañas se sirven por https, no «${endpoint}»`);
    if (url && url.hostname === 'localhost') problems.push(`TAB_ENDPOINT: apunta a localhost («${endpoint}»); usa la dirección pública del App Service`);
    if (url && vars.TAB_DOMAIN && url.host !== vars.TAB_DOMAIN.trim()) problems.push(`TAB_DOMAIN: «${vars.TAB_DOMAIN}» no es el host de TAB_ENDPOINT («${url.host}»)`);
  }
  return problems;
}

/** The manifest for `envName` with its placeholders filled, validated against the v1.19 schema. */
export async function buildManifest(envName, vars) {
  const template = readFileSync(resolve(root, 'appPackage/manifest.json'), 'utf8');
  const names = manifestVariables(template);
  const values = envName === 'local' ? { ...LOCAL_DEFAULTS, ...vars } : vars;
  const problems = checkValues(envName, values, names);
  if (problems.length > 0) throw new PackageError(`No se armó el paquete de «${envName}»:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const manifest = JSON.parse(template.replace(/\$\{\{ *(\w+) *\}\}/g, (_, name) => values[name].trim()));
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new PackageError(`El manifiesto de «${envName}» no cumple el esquema v1.19 de Microsoft Teams:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  return manifest;
}

/** Errors of a Teams manifest against the schema of its manifestVersion (1.19), as @microsoft/app-manifest reports them. */
export async function validateManifest(manifest) {
  const { AppManifestUtils } = require('@microsoft/app-manifest');
  const version = manifest.manifestVersion;
  const schema = require(`@microsoft/app-manifest/build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`);
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

/** Writes appPackage.<env>.zip (in appPackage/build unless told otherwise) and returns its path and manifest. */
export async function packageApp(envName, env = process.env, outDir = resolve(root, 'appPackage/build')) {
  const file = resolve(root, 'env', `.env.${envName}`);
  const vars = { ...(existsSync(file) ? readEnvFile(`.env.${envName}`) : {}), ...env };
  let manifest;
  try {
    manifest = await buildManifest(envName, vars);
  } catch (error) {
    if (error instanceof PackageError && !existsSync(file) && envName !== 'local') {
      error.message += `\n(no hay env/.env.${envName}: «teamsapp provision --env ${envName}» lo escribe; o cópialo de env/.env.dev.example y complétalo)`;
    }
    throw error;
  }
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of ICONS) zip.file(icon, readFileSync(resolve(root, 'appPackage', icon)));
  const out = resolve(outDir, `appPackage.${envName}.zip`);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return { out, manifest };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const envName = process.argv[2] ?? 'local';
  try {
    const { out, manifest } = await packageApp(envName);
    console.log(`Paquete de la aplicación de Teams (${envName}): ${out}`);
    console.log(`  id ${manifest.id} · bot ${manifest.bots[0].botId} · pestaña ${manifest.staticTabs[0].contentUrl}`);
    console.log('  El manifiesto cumple el esquema v1.19 de Microsoft Teams.');
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
