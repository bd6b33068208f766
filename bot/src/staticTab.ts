import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type restify from 'restify';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Precompressed siblings written at build time (tabs/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The app's own files besides the tab: the privacy and terms of use pages the manifest links to (in
 * Spanish) with their style sheet, and the app's icon (appPackage/color.png) as the browser's favicon.
 */
const PAGES: Record<string, { file: string; cache: string }> = {
  '/privacidad': { file: 'privacidad.html', cache: REVALIDATE },
  '/terminos': { file: 'terminos.html', cache: REVALIDATE },
  '/paginas.css': { file: 'paginas.css', cache: REVALIDATE },
  '/favicon.ico': { file: 'icon.png', cache: 'public, max-age=86400' },
};
const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));

/** A tab inside Teams is no page for search engines. */
const ROBOTS = 'User-agent: *\nDisallow: /\n';

/** Encodings the client accepts (q > 0), from an Accept-Encoding header. */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  return accepted;
}

type Reply = { status: number; headers: Record<string, string>; body: Buffer | string };

const text = (status: number, body: string): Reply => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE }, body });

/** A file of the build, as the client accepts it: the precompressed variant when there is one. */
async function fileReply(file: string, cacheControl: string, accepted: Set<string>, ifNoneMatch: string | undefined): Promise<Reply> {
  const headers: Record<string, string> = {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    vary: 'Accept-Encoding',
  };
  let path = file;
  for (const encoding of ENCODINGS) {
    if (accepted.has(encoding.name) && existsSync(file + encoding.suffix)) {
      path = file + encoding.suffix;
      headers['content-encoding'] = encoding.name;
      break;
    }
  }
  const info = await stat(path);
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}${headers['content-encoding'] ? `-${headers['content-encoding']}` : ''}"`;
  headers.etag = etag;
  if (ifNoneMatch?.split(',').some((t) => t.trim() === etag)) return { status: 304, headers, body: '' };
  return { status: 200, headers, body: await readFile(path) };
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}

/**
 * What to answer for `urlPath` from the built tab in `distDir`: hashed files under /assets/ with a
 * year of immutable caching (a missing one is a 404, never index.html), other files of the build
 * revalidated each time, /robots.txt, the privacy and terms pages, and index.html for the tab's
 * own routes (paths without an extension).
 */
export async function staticReply(distDir: string, urlPath: string, acceptEncoding: string | undefined, ifNoneMatch?: string): Promise<Reply> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return text(400, 'Dirección no válida.');
  }
  const accepted = acceptedEncodings(acceptEncoding);
  if (path === '/robots.txt') return { status: 200, headers: { 'content-type': CONTENT_TYPES['.txt']!, 'cache-control': 'public, max-age=86400' }, body: ROBOTS };
  const page = PAGES[path.replace(/\/$/, '')];
  if (page) return fileReply(join(pagesDir, page.file), page.cache, accepted, ifNoneMatch);

  const root = normalize(distDir);
  const candidate = normalize(join(root, path));
  const inside = candidate.startsWith(root + sep);
  const isAsset = path.startsWith('/assets/');
  if (inside && extname(candidate) && (await isFile(candidate))) return fileReply(candidate, isAsset ? IMMUTABLE : REVALIDATE, accepted, ifNoneMatch);
  if (isAsset || extname(path) || (!inside && path !== '/')) return text(404, 'No encontramos ese archivo. Recarga la pestaña para traer la versión actual.');

  const index = join(root, 'index.html');
  if (!existsSync(index)) return text(503, 'La pestaña no está compilada. Ejecuta «npm run build:tabs».');
  return fileReply(index, REVALIDATE, accepted, ifNoneMatch);
}

/** Serves the built tab (tabs/dist) and the app's own pages on every GET and HEAD the other routes leave. */
export function mountStaticTab(server: restify.Server, distDir: string): void {
  const handler = async (req: restify.Request, res: restify.Response) => {
    const reply = await staticReply(distDir, req.path?.() ?? req.url ?? '/', req.header('accept-encoding'), req.header('if-none-match'));
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body;
    res.writeHead(reply.status, { ...reply.headers, ...(reply.status === 304 ? {} : { 'content-length': String(body.length) }) });
    res.end(req.method === 'HEAD' || reply.status === 304 ? undefined : body);
  };
  server.get('/*', handler);
  server.head('/*', handler);
}
