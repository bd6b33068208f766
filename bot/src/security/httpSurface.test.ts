import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';
import { PRODUCTION_ENV } from '../testing/productionEnv.js';
import { CONTENT_SECURITY_POLICY } from '../http/securityHeaders.js';
import { loadConfig } from '../config.js';

const PROD = PRODUCTION_ENV;

describe('security headers (issue 13, item 6)', () => {
  it('every response — the tab, the pages, the API and its errors — carries CSP, nosniff and Referrer-Policy', async () => {
    const { base } = await startApi(true);
    for (const [path, init] of [['/', {}], ['/privacidad', {}], ['/api/me', { headers: { 'x-dev-person-id': 'enlace-al-usaquen' } }], ['/api/me', {}], ['/healthz', {}], ['/api/messages', { method: 'POST', body: '{}' }]] as const) {
      const res = await fetch(`${base}${path}`, init as RequestInit);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security'), `${path}: no HSTS on plain local http`).toBeNull();
    }
  });

  it('lets only Teams’ and Microsoft 365’s hosts frame the tab, runs only its own scripts', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['frame-ancestors']).toEqual(expect.arrayContaining(['https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft', 'https://*.office.com', 'https://outlook.office.com']));
    expect(directives['frame-ancestors']).not.toContain('*');
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
  });

  it('lets the stage reach Live Share’s Fluid Relay where Teams shows the tab, and a local Fluid server only where development names one', async () => {
    const connectSrc = (csp: string | null) => (csp ?? '').split('; ').find((d) => d.startsWith('connect-src '))?.split(' ').slice(1);
    const plain = await startApi(true);
    expect(connectSrc(CONTENT_SECURITY_POLICY)).toEqual(["'self'"]);
    expect((await plain.call('/api/dev/live-share', 'lider-al-usaquen')).status).toBe(404);

    const teams = await startApi(false, { env: PROD });
    expect(connectSrc((await fetch(`${teams.base}/`)).headers.get('content-security-policy'))).toEqual(["'self'", 'https://*.fluidrelay.azure.com']);

    const local = await startApi(true, { env: { LIVE_SHARE_LOCAL_PORT: '7181' } });
    const res = await fetch(`${local.base}/?frame=meetingStage`);
    expect(connectSrc(res.headers.get('content-security-policy'))).toEqual(["'self'", 'http://localhost:7181', 'ws://localhost:7181']);
    expect(await local.call('/api/dev/live-share')).toEqual({ status: 200, body: { endpoint: 'http://localhost:7181' } });

    const noDevIdentity = await startApi(false, { env: { LIVE_SHARE_LOCAL_PORT: '7181' } });
    expect((await noDevIdentity.call('/api/dev/live-share')).status).toBe(404);
    expect(() => loadConfig({ ...PROD, LIVE_SHARE_LOCAL_PORT: '7070' })).toThrow(/LIVE_SHARE_LOCAL_PORT: must be unset when NODE_ENV=production/);
    expect(loadConfig({ LIVE_SHARE_LOCAL_PORT: '' }).LIVE_SHARE_LOCAL_PORT).toBeUndefined();
  });

  it('sends HSTS in production', async () => {
    const { base } = await startApi(false, { env: PROD });
    const res = await fetch(`${base}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });
});

describe('restify’s own errors in Spanish, as {code, message} (issue 13, item 8)', () => {
  const send = async (base: string, path: string, init: RequestInit) => {
    const res = await fetch(`${base}${path}`, { ...init, headers: { 'x-dev-person-id': 'enlace-al-usaquen', ...(init.headers as Record<string, string>) } });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text, body: JSON.parse(text) as { code: string; message: string } };
  };

  it('malformed JSON is a 400 in Spanish', async () => {
    const { base } = await startApi(true);
    const r = await send(base, '/api/plenarias', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"kind": ' });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: 'invalid', message: 'El cuerpo de la solicitud no es un JSON válido.' });
    expect(r.text).not.toMatch(/Invalid JSON|Unexpected|InvalidContent/);
  });

  it('a UTF-8 byte order mark before the JSON is accepted, as if it were not there', async () => {
    const { base } = await startApi(true);
    const r = await send(base, '/api/commitments/nada', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '\uFEFF{"version": 1, "status": "en_curso"}' });
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('not_found');
  });

  it('a body over the limit is a 413 in Spanish', async () => {
    const { base } = await startApi(true);
    const r = await send(base, '/api/plenarias', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ location: 'x'.repeat(1_100_000) }) });
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ code: 'too_large', message: 'La solicitud es demasiado grande (máximo 1000 KB).' });
  });

  it('a body that is not JSON is a 415 in Spanish', async () => {
    const { base } = await startApi(true);
    const r = await send(base, '/api/plenarias', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hola' });
    expect(r.status).toBe(415);
    expect(r.body.message).toMatch(/debe ser JSON/);
  });

  it('a method a path does not take is a 405 with Allow, in Spanish', async () => {
    const { base } = await startApi(true);
    const api = await send(base, '/api/me', { method: 'DELETE' });
    expect(api.status).toBe(405);
    expect(api.body).toEqual({ code: 'method_not_allowed', message: 'Esta dirección no admite el método DELETE.' });
    const health = await send(base, '/healthz', { method: 'POST' });
    expect(health.status).toBe(405);
    expect(health.body.code).toBe('method_not_allowed');
  });

  it('an unknown /api/… path is a 404 in JSON, never the tab’s HTML', async () => {
    const { base } = await startApi(true);
    for (const method of ['GET', 'POST']) {
      const r = await send(base, '/api/no-existe/123', { method });
      expect(r.status, method).toBe(404);
      expect(r.type).toMatch(/application\/json/);
      expect(r.body).toEqual({ code: 'not_found', message: 'No existe la dirección /api/no-existe/123 en la API.' });
    }
  });

  it('zod’s English never reaches people: each field’s problem comes back in Spanish', async () => {
    const { base } = await startApi(true);
    const r = await send(base, '/api/plenarias', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'grande', unitId: 'al-usaquen', date: 20261123, startTime: '09:00', modality: 'presencial', location: 'Sala' }) });
    expect(r.status).toBe(422);
    expect(r.text).not.toMatch(/Invalid|expected|received|Required/);
    expect(r.body.message).toMatch(/«kind»: debe ser uno de: menor, mayor, dialogo/);
    expect(r.body.message).toMatch(/«date»: debe ser un texto/);
    expect(r.body.message).toMatch(/«presidingId»: falta este dato/);
  });
});
