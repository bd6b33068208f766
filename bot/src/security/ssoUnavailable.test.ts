import { describe, expect, it } from 'vitest';
import { SignJWT, generateKeyPair } from 'jose';
import { startApi } from '../testing/apiServer.js';
import { KEYS_FAILURE_CACHE_MS, SsoValidator, entraSigningKeys, ssoSettingsFrom } from '../api/sso.js';

const TENANT = '6a3c2f55-1f0e-4d7b-9c1e-2b8f1d0a7e11';
const CLIENT = 'c4f1b2a3-9d8e-4f70-8a6b-5e4d3c2b1a09';

async function aToken() {
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ oid: 'o', tid: TENANT, scp: 'access_as_user' }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuer(`https://sts.windows.net/${TENANT}/`).setAudience(CLIENT).setIssuedAt(now).setExpirationTime(now + 600).sign(privateKey);
}

describe('Entra’s signing keys unreachable (issue 13, item 10)', () => {
  it('answers 503 in Spanish and asks Entra again only after a short while', async () => {
    let clock = 1_000_000;
    let asked = 0;
    const down = (async () => {
      asked++;
      throw new TypeError('fetch failed: getaddrinfo EAI_AGAIN login.microsoftonline.com');
    }) as unknown as typeof fetch;
    const settings = ssoSettingsFrom({ AAD_APP_CLIENT_ID: CLIENT, AAD_APP_TENANT_ID: TENANT, TAB_DOMAIN: 'okr.example.gov.co' })!;
    const { call } = await startApi(false, { sso: new SsoValidator(settings, entraSigningKeys(TENANT, down, () => clock)) });
    const token = await aToken();

    const first = await call('/api/me', undefined, { headers: { authorization: `Bearer ${token}` } });
    expect(first).toEqual({ status: 503, body: { code: 'unavailable', message: expect.stringMatching(/^No pudimos verificar tu sesión/) } });
    expect(JSON.stringify(first.body)).not.toMatch(/EAI_AGAIN|fetch failed|microsoftonline/);
    for (let i = 0; i < 5; i++) expect((await call('/api/me', undefined, { headers: { authorization: `Bearer ${token}` } })).status).toBe(503);
    expect(asked, 'the failure is remembered: no discovery on every request').toBe(1);

    clock += KEYS_FAILURE_CACHE_MS + 1;
    expect((await call('/api/me', undefined, { headers: { authorization: `Bearer ${token}` } })).status).toBe(503);
    expect(asked).toBe(2);
  });
});
