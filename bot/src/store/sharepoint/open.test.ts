import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { fixedClock } from '../../services/clock.js';
import { openStore } from '../openStore.js';
import { msalConfiguration } from './auth.js';
import { siteOf } from './open.js';

const tenant = { AZURE_TENANT_ID: '11111111-2222-3333-4444-555555555555', AZURE_CLIENT_ID: '66666666-7777-8888-9999-000000000000' };

describe('STORE=sharepoint configuration', () => {
  it('names every missing variable', () => {
    let error: unknown;
    try {
      loadConfig({ STORE: 'sharepoint' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    for (const name of ['SHAREPOINT_SITE_URL', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET']) expect(String(error)).toContain(name);
  });

  it('opens the SharePoint store from the site URL and a secret, without touching the network until used', () => {
    const config = loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_URL: 'https://gobiernobogota.sharepoint.com/sites/OKR', ...tenant, AZURE_CLIENT_SECRET: 's3cret' });
    expect(siteOf(config)).toEqual({ url: 'https://gobiernobogota.sharepoint.com/sites/OKR' });
    expect(siteOf({ ...config, SHAREPOINT_SITE_ID: 'host,a,b' })).toEqual({ id: 'host,a,b' });
    expect(openStore(config, fixedClock('2026-11-23T15:00:00Z'), '/tmp').kind).toBe('sharepoint');
    expect(msalConfiguration({ tenantId: tenant.AZURE_TENANT_ID, clientId: tenant.AZURE_CLIENT_ID, clientSecret: 's3cret' }).auth).toEqual({
      clientId: tenant.AZURE_CLIENT_ID,
      authority: `https://login.microsoftonline.com/${tenant.AZURE_TENANT_ID}`,
      clientSecret: 's3cret',
    });
  });
});

describe('Certificate credentials', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-cert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let openssl = true;
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
  } catch {
    openssl = false;
  }

  it.runIf(openssl)('reads a PEM with an encrypted key: SHA-256 thumbprint, PKCS#8 key, x5c', () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=okr-sdg', '-passout', 'pass:clave'], { stdio: 'ignore' });
    const pem = join(dir, 'app.pem');
    const both = readFileSync(key, 'utf8') + readFileSync(cert, 'utf8');
    const auth = msalConfiguration({ ...{ tenantId: 't', clientId: 'c' }, certificatePath: pem, certificatePassword: 'clave' }, (p) => (p === pem ? both : '')).auth;
    expect(auth.clientCertificate?.thumbprintSha256).toMatch(/^[0-9A-F]{64}$/);
    expect(auth.clientCertificate?.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(auth.clientCertificate?.x5c).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(() => msalConfiguration({ tenantId: 't', clientId: 'c', certificatePath: pem }, () => readFileSync(cert, 'utf8'))).toThrow(/no private key/);
  });
});
