import type { Request, Response, Server } from 'restify';
import type { Routes } from '../api/routes.js';
import { clientOf, sendCached } from '../http/publicAccess.js';
import { datasetBySlug } from './datasets.js';
import { metadataXml, ODataError, serviceDocument } from './odata.js';
import { DATASETS, toCsv, type OpenDataService } from './openData.js';
import { dataIndexPage } from '../pei/publicPei.js';

const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const MAX_AGE = 300;
const PUBLIC_PATHS = /^\/(odata|datos|publico)(\/|$|\?)/;

/**
 * The origin the links of the feed and the metadata point at: the configured public URL — or, on a
 * loopback address (a developer's machine, the tests), the address the request came to.
 */
function baseOf(req: Request, publicUrl: string | undefined): string {
  const host = String(req.headers.host ?? '');
  if (/^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/.test(host)) return `http://${host}`;
  return publicUrl?.replace(/\/$/, '') ?? `http://${host || 'localhost'}`;
}

function odataError(res: Response, error: ODataError, extra: Record<string, string> = {}): void {
  res.writeHead(error.status, { 'content-type': ODATA_JSON, 'odata-version': '4.0', 'cache-control': 'no-store', ...extra });
  res.end(JSON.stringify(error.body()));
}

/**
 * Open data without sign-in: the OData v4 feed at /odata/ (Power BI's «OData feed»), the CSV and
 * JSON downloads with their metadata at /datos/, and the per-client rate limit of every public path
 * (/odata/, /datos/, /publico/ — the plan de gestión's public pages too).
 */
export const registerOpenDataRoutes: Routes<{ openData: OpenDataService }> = (server: Server, _api, { log, openData }) => {
  const publicUrl = openData.config.PUBLIC_URL;

  // Every public path is rate-limited per client, before routing (so a flood of unknown paths costs nothing either).
  server.pre((req, res, next) => {
    if (!PUBLIC_PATHS.test(req.url ?? '')) return next();
    const verdict = openData.limiter.take(clientOf(req, openData.config.OPEN_DATA_TRUST_PROXY));
    if (verdict.ok) return next();
    const retry = { 'retry-after': String(verdict.retryAfter) };
    if ((req.url ?? '').startsWith('/odata')) odataError(res, new ODataError(429, 'TooManyRequests', `Demasiadas consultas desde su conexión: intente de nuevo en ${verdict.retryAfter} s.`), retry);
    else {
      res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...retry });
      res.end(`Demasiadas consultas desde su conexión: intente de nuevo en ${verdict.retryAfter} segundos.`);
    }
    return next(false);
  });

  const guard = (handler: (req: Request, res: Response) => Promise<void>) => async (req: Request, res: Response) => {
    try {
      await handler(req, res);
    } catch (error) {
      if (error instanceof ODataError) return odataError(res, error);
      log.error({ err: error, url: req.url }, 'open data request failed');
      odataError(res, new ODataError(503, 'ServiceUnavailable', 'No pudimos leer los datos en este momento; intente de nuevo en unos minutos.'));
    }
  };
  const query = (req: Request): Record<string, string> => Object.fromEntries(Object.entries((req.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v.at(-1)) : String(v)]));
  const audience = (req: Request) => {
    const a = openData.audienceOf(query(req).apikey);
    if (!a) throw new ODataError(401, 'Unauthorized', 'La clave de API no es válida. Sin clave, el servicio publica las cifras validadas.');
    return a;
  };
  const json = (req: Request, res: Response, body: unknown, isPrivate: boolean) =>
    sendCached(req, res, 200, Buffer.from(JSON.stringify(body)), { 'content-type': ODATA_JSON, 'odata-version': '4.0' }, { maxAge: MAX_AGE, isPrivate });

  const root = guard(async (req, res) => {
    const a = audience(req);
    json(req, res, serviceDocument(`${baseOf(req, publicUrl)}/odata`), a === 'internal');
  });
  server.get('/odata', root);
  server.get('/odata/', root);
  server.get('/odata/$metadata', guard(async (req, res) => {
    audience(req);
    sendCached(req, res, 200, Buffer.from(metadataXml()), { 'content-type': 'application/xml;charset=utf-8', 'odata-version': '4.0' }, { maxAge: 3600 });
  }));
  server.get('/odata/:set', guard(async (req, res) => {
    const a = audience(req);
    const prefer = /odata\.maxpagesize=(\d+)/i.exec(String(req.headers.prefer ?? ''));
    const page = await openData.feed.page({ set: String(req.params.set), query: query(req), audience: a, base: `${baseOf(req, publicUrl)}/odata`, ...(prefer ? { maxPageSize: Number(prefer[1]) } : {}) });
    if (prefer) res.setHeader('preference-applied', `odata.maxpagesize=${page.pageSize}`);
    json(req, res, page.body, a === 'internal');
  }));

  server.get('/odata/*', guard(async () => {
    throw new ODataError(404, 'NotFound', 'Este servicio publica conjuntos de entidades (/odata/<Conjunto>) y su $metadata; no direcciona entidades sueltas ni $count.');
  }));

  // Downloads: /datos/ (index), /datos/<slug>.csv | .json | .metadata.json
  server.get('/datos', async (req, res) => sendCached(req, res, 200, Buffer.from(dataIndexPage(DATASETS)), { 'content-type': 'text/html; charset=utf-8' }, { maxAge: MAX_AGE }));
  server.get('/datos/', async (req, res) => sendCached(req, res, 200, Buffer.from(dataIndexPage(DATASETS)), { 'content-type': 'text/html; charset=utf-8' }, { maxAge: MAX_AGE }));
  server.get('/datos/:file', async (req: Request, res: Response) => {
    const m = /^([a-z0-9-]+)\.(csv|json|metadata\.json)$/.exec(String(req.params.file));
    const dataset = m ? datasetBySlug(m[1]!) : undefined;
    if (!m || !dataset) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=60' });
      res.end('No existe ese conjunto de datos. La lista está en /datos/.');
      return;
    }
    try {
      const kind = m[2]!;
      const name = `${dataset.slug}.${kind}`;
      const disposition = { 'content-disposition': `attachment; filename="${name}"` };
      if (kind === 'metadata.json') return sendCached(req, res, 200, Buffer.from(JSON.stringify(await openData.metadata(dataset, baseOf(req, publicUrl)), null, 2)), { 'content-type': 'application/json; charset=utf-8' }, { maxAge: MAX_AGE });
      const rows = await openData.allRows(dataset);
      if (kind === 'csv') return sendCached(req, res, 200, Buffer.from(toCsv(dataset, rows)), { 'content-type': 'text/csv; charset=utf-8', ...disposition }, { maxAge: MAX_AGE });
      return sendCached(req, res, 200, Buffer.from(JSON.stringify(rows)), { 'content-type': 'application/json; charset=utf-8', ...disposition }, { maxAge: MAX_AGE });
    } catch (error) {
      log.error({ err: error, url: req.url }, 'open data download failed');
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end('No pudimos leer los datos en este momento; intente de nuevo en unos minutos.');
    }
  });
};
