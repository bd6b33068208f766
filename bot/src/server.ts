import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { registerApiRoutes, type ApiDeps } from './api/routes.js';
import type { OkrBot } from './teams/OkrBot.js';
import { botEndpoint } from './teams/botEndpoint.js';
import { mountStaticTab } from './staticTab.js';
import { isUpload } from './api/upload.js';
import { contentSecurityPolicy, securityHeaders, type LiveShareOrigins } from './http/securityHeaders.js';
import { MAX_BODY_BYTES, apiFallback, parseJsonBody, spanishRestifyErrors } from './http/jsonErrors.js';

/** The one HTTP server: bot endpoint, tab API, built tab, health check. `liveShare`: where the meeting stage may connect (its CSP). */
export function createServer(args: { adapter: CloudAdapter; bot: OkrBot; api: ApiDeps; tabsDist: string; log: Logger; production?: boolean; liveShare?: LiveShareOrigins }): restify.Server {
  const production = args.production ?? false;
  const server = restify.createServer({ name: 'okr-sdg' });
  server.pre(securityHeaders(production, contentSecurityPolicy(args.liveShare)));
  spanishRestifyErrors(server);
  server.use(restify.plugins.queryParser());
  // JSON bodies up to 1 MB. A file upload (application/octet-stream: the imports) is read by its
  // route, which applies its own, larger limit (api/upload.ts).
  const bodyReader = restify.plugins.bodyReader({ maxBodySize: MAX_BODY_BYTES });
  server.use((req, res, next) => (isUpload(req) ? next() : bodyReader(req, res, next)));
  server.use((req, res, next) => (isUpload(req) ? next() : parseJsonBody(req, res, next)));

  server.post('/api/messages', botEndpoint({ adapter: args.adapter, bot: args.bot, log: args.log, production }));
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok', store: args.api.store.kind });
  });
  registerApiRoutes(server, args.api);
  apiFallback(server);
  mountStaticTab(server, args.tabsDist);
  return server;
}
