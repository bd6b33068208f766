import { existsSync, readFileSync } from 'node:fs';
import { join, normalize, extname } from 'node:path';
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { registerApiRoutes, type ApiDeps } from './api/routes.js';
import type { OkrBot } from './teams/OkrBot.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** Serves the built tab (tabs/dist): files by path, and index.html for the app's own routes. */
function staticTab(distDir: string) {
  return async (req: restify.Request, res: restify.Response) => {
    const path = decodeURIComponent((req.path?.() ?? '/').split('?')[0]!);
    const candidate = normalize(join(distDir, path));
    const file = candidate.startsWith(distDir) && existsSync(candidate) && extname(candidate) ? candidate : join(distDir, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('La pestaña no está compilada. Ejecuta «npm run build:tabs».');
      return;
    }
    const immutable = file.includes(`${join(distDir, 'assets')}`);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    res.end(readFileSync(file));
  };
}

/** The one HTTP server: bot endpoint, tab API, built tab, health check. */
export function createServer(args: { adapter: CloudAdapter; bot: OkrBot; api: ApiDeps; tabsDist: string; log: Logger }): restify.Server {
  const server = restify.createServer({ name: 'okr-sdg' });
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ maxBodySize: 1_000_000 }));

  server.post('/api/messages', async (req, res) => {
    await args.adapter.process(req, res, (context) => args.bot.run(context));
  });
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok', store: args.api.store.kind });
  });
  registerApiRoutes(server, args.api);
  server.get('/*', staticTab(args.tabsDist));
  return server;
}
