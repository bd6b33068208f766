// `npm run package`: the Teams app package (manifest + icons) as appPackage/build/appPackage.<env>.zip,
// with ${{VAR}} placeholders filled from env/.env.<env> (default: local) and the environment.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import JSZip from 'jszip';
import { readEnvFile, root } from './launch.mjs';

const envName = process.argv[2] ?? 'local';
const fileVars = existsSync(resolve(root, 'env', `.env.${envName}`)) ? readEnvFile(`.env.${envName}`) : {};
const defaults = {
  TEAMS_APP_ID: '00000000-0000-4000-8000-00000000a0c1',
  BOT_ID: '00000000-0000-4000-8000-00000000b0c1',
  AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-00000000c0c1',
  TAB_ENDPOINT: 'http://localhost:3978',
  TAB_DOMAIN: 'localhost',
};
const vars = { ...defaults, ...fileVars, ...process.env };

const template = readFileSync(resolve(root, 'appPackage/manifest.json'), 'utf8');
const missing = new Set();
const manifest = template.replace(/\$\{\{(\w+)\}\}/g, (_, name) => {
  if (vars[name] === undefined) missing.add(name);
  return vars[name] ?? '';
});
if (missing.size > 0) {
  console.error(`Faltan variables para el manifiesto: ${[...missing].join(', ')}`);
  process.exit(1);
}
JSON.parse(manifest);

const zip = new JSZip();
zip.file('manifest.json', manifest);
for (const icon of ['color.png', 'outline.png']) zip.file(icon, readFileSync(resolve(root, 'appPackage', icon)));
const out = resolve(root, 'appPackage/build', `appPackage.${envName}.zip`);
mkdirSync(resolve(root, 'appPackage/build'), { recursive: true });
writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`Paquete de la aplicación de Teams: ${out}`);
