import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncodings, mountStaticTab, staticReply } from './staticTab.js';

const entry = `console.log(${JSON.stringify('Mis OKR '.repeat(400))});`;
let dist: string;
let base: string;
let server: restify.Server;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'okr-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="es-CO"><title>Mis OKR</title><script type="module" src="/assets/index-AbC123.js"></script></html>');
  writeFileSync(join(dist, 'assets/index-AbC123.js'), entry);
  writeFileSync(join(dist, 'assets/index-AbC123.js.br'), brotliCompressSync(entry));
  writeFileSync(join(dist, 'assets/index-AbC123.js.gz'), gzipSync(entry));
  writeFileSync(join(dist, 'assets/small-XyZ789.css'), 'body{margin:0}');
  server = restify.createServer();
  server.get('/api/ping', async (_req, res) => {
    res.json(200, { ok: true });
  });
  mountStaticTab(server, dist);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dist, { recursive: true, force: true });
});

/** A raw request (fetch would decompress and normalise the path). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the built tab over HTTP', () => {
  it('sends the brotli file of a hashed asset to a browser that accepts it, cached for a year', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(entry.length / 10);
    expect(brotliDecompressSync(res.body).toString()).toBe(entry);
  });

  it('falls back to gzip, then to the plain file', async () => {
    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(entry);
    const plain = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(entry);
    const small = await get('/assets/small-XyZ789.css', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('body{margin:0}');
  });

  it('answers 404, not the page, for a chunk that does not exist (a stale tab after a deploy)', async () => {
    for (const path of ['/assets/MisOkr-old123.js', '/assets/', '/logo.svg']) {
      const res = await get(path, { 'accept-encoding': 'br' });
      expect(res.status, path).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body.toString()).toContain('Recarga la pestaña');
    }
  });

  it('serves index.html for the tab\'s own routes, revalidated each time, with a 304 when unchanged', async () => {
    for (const path of ['/', '/config', '/?as=eti-1&view=tablero']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body.toString()).toContain('<title>Mis OKR</title>');
    }
    const first = await get('/config');
    const again = await get('/config', { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answers HEAD with the headers only', async () => {
    const res = await get('/assets/index-AbC123.js', { 'accept-encoding': 'br' }, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body.length).toBe(0);
  });

  it('never leaves the build folder', async () => {
    for (const path of ['/..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/../../etc/passwd']) {
      const res = await get(path);
      expect(res.body.toString(), path).not.toContain('root:');
    }
    expect((await get('/..%2f..%2fetc%2fpasswd')).status).toBe(404);
    expect((await staticReply(dist, '/%E0%A4%A', undefined)).status).toBe(400);
  });

  it('answers /robots.txt as text, keeping the tab out of search engines', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body.toString()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('serves the privacy and terms pages the manifest links to, in Spanish', async () => {
    const privacy = await get('/privacidad');
    expect(privacy.status).toBe(200);
    expect(privacy.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(privacy.body.toString()).toContain('<html lang="es-CO">');
    expect(privacy.body.toString()).toContain('Política de privacidad de OKR SDG');
    expect(privacy.body.toString()).toContain('Ley 1581 de 2012');
    expect(privacy.body.toString()).toContain('<link rel="stylesheet" href="/paginas.css">');
    const css = await get('/paginas.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body.toString()).toContain('max-width');
    const terms = await get('/terminos/');
    expect(terms.status).toBe(200);
    expect(terms.body.toString()).toContain('Términos de uso de OKR SDG');
  });

  it('answers the browser\'s /favicon.ico with the app\'s icon', async () => {
    const res = await get('/favicon.ico');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.body.subarray(1, 4).toString()).toBe('PNG');
  });

  it('leaves the other routes alone', async () => {
    const res = await get('/api/ping');
    expect(JSON.parse(res.body.toString())).toEqual({ ok: true });
  });
});

describe('Accept-Encoding', () => {
  it('keeps what the client accepts, dropping q=0', () => {
    expect([...acceptedEncodings('gzip, deflate, br')]).toEqual(['gzip', 'deflate', 'br']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.8')]).toEqual(['gzip']);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
