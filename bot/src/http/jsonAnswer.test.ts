import { request } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';

/** A raw GET (no transparent decompression), for what goes over the wire. */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the API’s JSON answers: compressed, with ETag and 304', () => {
  it('answers 304 with no body when this person already holds this answer, and the full answer to anyone else', async () => {
    const { base } = await startApi(true);
    const first = await rawGet(base, '/api/me', { 'x-dev-person-id': 'enlace-al-usaquen' });
    expect(first.status).toBe(200);
    const tag = String(first.headers.etag);
    expect(tag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await rawGet(base, '/api/me', { 'x-dev-person-id': 'enlace-al-usaquen', 'if-none-match': tag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // Someone else sending the same tag gets their own answer, in full.
    const other = await rawGet(base, '/api/me', { 'x-dev-person-id': 'lider-al-suba', 'if-none-match': tag });
    expect(other.status).toBe(200);
    expect(JSON.parse(other.body.toString('utf8')).person.id).toBe('lider-al-suba');
    // Someone who may not see it gets the refusal, whatever tag they send.
    const refused = await rawGet(base, '/api/dashboard?quarter=2026-Q4', { 'x-dev-person-id': 'miembro-al-usaquen', 'if-none-match': '*' });
    expect(refused.status).toBe(403);
  });

  it('compresses a large answer with brotli (else gzip) when the client takes it', async () => {
    const { base } = await startApi(true);
    const plain = await rawGet(base, '/api/dashboard?quarter=2026-Q4', { 'x-dev-person-id': 'eti-1' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await rawGet(base, '/api/dashboard?quarter=2026-Q4', { 'x-dev-person-id': 'eti-1', 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    const gz = await rawGet(base, '/api/dashboard?quarter=2026-Q4', { 'x-dev-person-id': 'eti-1', 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
  });
});
