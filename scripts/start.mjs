// `npm start`: the bot server on the embedded store with demo data, the Agents Playground as the
// local Teams client, and the local Fluid server through which meeting stages opened in browser
// windows follow the presenter (LIVE_SHARE_LOCAL_PORT, 7070 unless set; empty: none). Ctrl-C stops
// them all. `npm run start:sharepoint` (`--sharepoint`): the same on the SharePoint store over the
// Graph fake, in process (bot/src/dev/sharepointFake.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEnvFile, root, startBot, startPlayground, startTinylicious } from './launch.mjs';

const env = { ...readEnvFile('.env.local'), ...process.env };
const port = Number(env.PORT ?? 3978);
const playgroundPort = Number(env.PLAYGROUND_PORT ?? 56150);
const verbose = env.VERBOSE === 'true';
const log = (line) => {
  if (verbose || /"level":(40|50|60)/.test(line)) console.log(line);
};

const configPath = resolve(root, env.PLAYGROUND_CONFIG_PATH ?? '.data/m365agentsplayground.yml');
const sharepoint = process.argv.includes('--sharepoint');
const liveSharePort = env.LIVE_SHARE_LOCAL_PORT ?? '7070';
let fluid = null;
if (liveSharePort) {
  try {
    fluid = await startTinylicious({ port: Number(liveSharePort), dir: resolve(root, '.data/tinylicious'), onLog: verbose ? console.log : () => {} });
  } catch (error) {
    console.warn(`${error.message ?? error}\nLa vista de presentación no se sincronizará entre ventanas.`);
  }
}
const bot = await startBot({ env: { ...env, LIVE_SHARE_LOCAL_PORT: fluid ? liveSharePort : '' }, port, onLog: log, ...(sharepoint ? { entry: 'bot/src/dev/sharepointFake.ts' } : {}) });
let playground;
try {
  playground = await startPlayground({
    port: playgroundPort,
    botUrl: bot.url,
    configPath,
    cwd: resolve(root, '.data/playground'),
    onLog: verbose ? console.log : () => {},
  });
} catch (error) {
  console.error(String(error.message ?? error));
  await Promise.all([bot.stop(), fluid?.stop()]);
  process.exit(1);
}

// The Playground's config is JSON (YAML's superset), written by the server from the seeded directory.
const me = JSON.parse(readFileSync(configPath, 'utf8')).currentUser;
const personId = env.PLAYGROUND_CURRENT_USER ?? 'enlace-al-usaquen';
console.log(`
  OKR SDG está corriendo (${sharepoint ? 'almacén SharePoint sobre el Graph falso, en memoria' : 'almacén local SQLite'}, con datos de demostración de las 44 unidades)

  Teams local (Agents Playground):  ${playground.url}
      Entras como ${me.name} (${personId}). Escribe «check-in» o «ayuda».
  Pestaña Mis OKR:                  http://localhost:${port}/?as=${personId}
      Identidad de desarrollo: cámbiala con el selector de la pestaña.${fluid ? `
  Vista de presentación sincronizada:  http://localhost:${port}/?as=lider-al-usaquen&unit=al-usaquen&frame=meetingStage
      Copia la dirección con su «#…» en otra ventana (añade &meetingRole=attendee para asistir): sigue a quien presenta.` : ''}${sharepoint ? `
  Solicitudes a Graph y unidades de recurso:  http://localhost:${port}/api/dev/graph-stats` : ''}

  Ctrl-C para detener.
`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nDeteniendo…');
  await Promise.all([playground.stop(), bot.stop(), fluid?.stop()]);
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
bot.child.once('exit', (code) => {
  if (!stopping) {
    console.error(`El servidor del bot terminó inesperadamente (código ${code}).`);
    void shutdown();
  }
});
