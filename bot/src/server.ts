import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { registerApiRoutes, type ApiDeps } from './api/routes.js';
import type { OkrBot } from './teams/OkrBot.js';
import { mountStaticTab } from './staticTab.js';
import { isUpload } from './api/upload.js';

/** The one HTTP server: bot endpoint, tab API, built tab, health check. */
export function createServer(args: { adapter: CloudAdapter; bot: OkrBot; api: ApiDeps; tabsDist: string; log: Logger }): restify.Server {
  const server = restify.createServer({ name: 'okr-sdg' });
  server.use(restify.plugins.queryParser());
  // JSON bodies up to 1 MB. A file upload (application/octet-stream: the imports) is read by its
  // route, which applies its own, larger limit (api/upload.ts).
  for (const handler of restify.plugins.bodyParser({ maxBodySize: 1_000_000 })) {
    server.use((req, res, next) => (isUpload(req) ? next() : handler(req, res, next)));
  }

  server.post('/api/messages', async (req, res) => {
    await args.adapter.process(req, res, (context) => args.bot.run(context));
  });
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok', store: args.api.store.kind });
  });
  registerApiRoutes(server, args.api);
  mountStaticTab(server, args.tabsDist);
  return server;
}
