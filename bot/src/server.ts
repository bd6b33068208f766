import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { registerApiRoutes, type ApiDeps } from './api/routes.js';
import type { OkrBot } from './teams/OkrBot.js';
import { botEndpoint } from './teams/botEndpoint.js';
import { mountStaticTab } from './staticTab.js';
import { securityHeaders } from './http/securityHeaders.js';
import { MAX_BODY_BYTES, apiFallback, parseJsonBody, spanishRestifyErrors } from './http/jsonErrors.js';

/** The one HTTP server: bot endpoint, tab API, built tab, health check. */
export function createServer(args: { adapter: CloudAdapter; bot: OkrBot; api: ApiDeps; tabsDist: string; log: Logger; production?: boolean }): restify.Server {
  const production = args.production ?? false;
  const server = restify.createServer({ name: 'okr-sdg' });
  server.pre(securityHeaders(production));
  spanishRestifyErrors(server);
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES }));
  server.use(parseJsonBody);

  server.post('/api/messages', botEndpoint({ adapter: args.adapter, bot: args.bot, log: args.log, production }));
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok', store: args.api.store.kind });
  });
  registerApiRoutes(server, args.api);
  apiFallback(server);
  mountStaticTab(server, args.tabsDist);
  return server;
}
