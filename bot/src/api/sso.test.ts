import { describe, expect, it } from 'vitest';
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { MeResponse } from '@okr/core';
import { startApi } from '../testing/apiServer.js';
import { TEST_NOW } from '../testing/harness.js';
import { SsoValidator, entraSigningKeys, ssoSettingsFrom, tenantIssuers } from './sso.js';
import { loadConfig } from '../config.js';

const TENANT = '6a3c2f55-1f0e-4d7b-9c1e-2b8f1d0a7e11';
const CLIENT = 'c4f1b2a3-9d8e-4f70-8a6b-5e4d3c2b1a09';
const DOMAIN = 'okr.gobiernobogota.gov.co';
const NOW_S = Math.floor(Date.parse(TEST_NOW) / 1000);

/** A local key pair standing in for the tenant's signing keys: no network. */
async function tenantKeys() {
  const good = await generateKeyPair('RS256');
  const rogue = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(good.publicKey)), kid: 'tenant-key-1', alg: 'RS256', use: 'sig' };
  const settings = ssoSettingsFrom({ AAD_APP_CLIENT_ID: CLIENT, AAD_APP_TENANT_ID: TENANT, TAB_DOMAIN: DOMAIN })!;
  const validator = new SsoValidator(settings, createLocalJWKSet({ keys: [jwk] }), () => new Date(TEST_NOW));
  /** A token as Entra would issue it to the Teams client for our API, with any claim overridden. */
  const token = async (claims: Record<string, unknown> = {}, opts: { key?: 'good' | 'rogue'; iss?: string; aud?: string; exp?: number; nbf?: number } = {}) =>
    new SignJWT({ oid: 'unset', tid: TENANT, scp: 'access_as_user', name: 'Persona', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'tenant-key-1', typ: 'JWT' })
      .setIssuer(opts.iss ?? `https://login.microsoftonline.com/${TENANT}/v2.0`)
      .setAudience(opts.aud ?? `api://${DOMAIN}/${CLIENT}`)
      .setIssuedAt(NOW_S - 300)
      .setNotBefore(opts.nbf ?? NOW_S - 300)
      .setExpirationTime(opts.exp ?? NOW_S + 3600)
      .sign(opts.key === 'rogue' ? rogue.privateKey : good.privateKey);
  return { validator, token };
}

async function ssoApi() {
  const { validator, token } = await tenantKeys();
  const api = await startApi(false, { sso: validator });
  const oidOf = async (personId: string) => (await api.store.getPerson(personId))!.aadObjectId;
  const bearer = (t: string) => ({ headers: { authorization: `Bearer ${t}` } });
  return { ...api, token, oidOf, bearer };
}

describe('Teams SSO token validation (API)', () => {
  it('accepts a good v2 token and maps its oid to the person of the directory', async () => {
    const { call, token, oidOf, bearer } = await ssoApi();
    const res = await call('/api/me', undefined, bearer(await token({ oid: await oidOf('enlace-al-usaquen') })));
    expect(res.status).toBe(200);
    expect((res.body as MeResponse).person.id).toBe('enlace-al-usaquen');
    expect((res.body as MeResponse).devIdentity).toBe(false);
  });

  it('links a person the ETI registered by e-mail (no Entra id yet) the first time they sign in', async () => {
    const { call, token, bearer, store } = await ssoApi();
    await store.applyDirectoryChanges([{ kind: 'person', before: null, after: { id: 'nueva-enlace', aadObjectId: '', name: 'Leidy Johana Cubides Rozo', email: 'leidy.cubides@gobiernobogota.gov.co', jobTitle: 'Enlace OKR', phone: '', active: true, version: 1 } }], 'eti-1');
    const oid = '0b8a7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d';
    const first = await call('/api/me', undefined, bearer(await token({ oid, preferred_username: 'Leidy.Cubides@gobiernobogota.gov.co' })));
    expect(first.status).toBe(200);
    expect((first.body as MeResponse).person).toMatchObject({ id: 'nueva-enlace', aadObjectId: oid });
    expect((await store.listAudit({ entity: 'person', limit: 1 }))[0]).toMatchObject({ actorId: 'system', entityId: 'nueva-enlace', action: 'update' });
    // Someone else's e-mail in a token never takes over a linked person.
    const other = await call('/api/me', undefined, bearer(await token({ oid: '1c9b8a7d-6e5f-4b4a-8d3c-2f1e0a9b8c7d', preferred_username: 'leidy.cubides@gobiernobogota.gov.co' })));
    expect(other.status).toBe(403);
  });

  it('accepts a v1 token whose audience is the bare client id', async () => {
    const { call, token, oidOf, bearer } = await ssoApi();
    const t = await token({ oid: await oidOf('eti-1') }, { iss: `https://sts.windows.net/${TENANT}/`, aud: CLIENT });
    expect((await call('/api/me', undefined, bearer(t))).status).toBe(200);
  });

  it('refuses an expired token with the Spanish session message, tolerating a small clock skew', async () => {
    const { call, token, oidOf, bearer } = await ssoApi();
    const oid = await oidOf('enlace-al-usaquen');
    const expired = await call('/api/me', undefined, bearer(await token({ oid }, { exp: NOW_S - 600 })));
    expect(expired).toMatchObject({ status: 401, body: { code: 'unauthenticated', message: 'Tu sesión de Microsoft Teams venció. Vuelve a abrir la pestaña para continuar.' } });
    expect((await call('/api/me', undefined, bearer(await token({ oid }, { exp: NOW_S - 60 })))).status).toBe(200);
    expect((await call('/api/me', undefined, bearer(await token({ oid }, { nbf: NOW_S + 600 })))).status).toBe(401);
  });

  it('refuses a token for another audience', async () => {
    const { call, token, oidOf, bearer } = await ssoApi();
    const res = await call('/api/me', undefined, bearer(await token({ oid: await oidOf('eti-1') }, { aud: 'api://otra-app.example.com/11111111-2222-3333-4444-555555555555' })));
    expect(res).toMatchObject({ status: 401, body: { code: 'unauthenticated', message: expect.stringContaining('No pudimos validar tu sesión de Microsoft Teams') } });
  });

  it('refuses a token signed with a key that is not the tenant’s', async () => {
    const { call, token, oidOf, bearer } = await ssoApi();
    expect((await call('/api/me', undefined, bearer(await token({ oid: await oidOf('eti-1') }, { key: 'rogue' })))).status).toBe(401);
    const good = await token({ oid: await oidOf('eti-1') });
    const [h, p] = good.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), oid: await oidOf('oap-1') })).toString('base64url')}.${good.split('.')[2]}`;
    expect((await call('/api/me', undefined, bearer(tampered))).status).toBe(401);
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`;
    expect((await call('/api/me', undefined, bearer(unsigned))).status).toBe(401);
    expect((await call('/api/me', undefined, bearer('no-es-un-jwt'))).status).toBe(401);
  });

  it('refuses a token from another issuer or tenant, or without the access_as_user scope', async () => {
    const { call, token, oidOf, bearer } = await ssoApi();
    const oid = await oidOf('eti-1');
    const other = '0b0b0b0b-0000-4000-8000-000000000000';
    expect((await call('/api/me', undefined, bearer(await token({ oid }, { iss: `https://login.microsoftonline.com/${other}/v2.0` })))).status).toBe(401);
    expect((await call('/api/me', undefined, bearer(await token({ oid, tid: other })))).status).toBe(401);
    expect((await call('/api/me', undefined, bearer(await token({ oid, scp: 'User.Read' })))).status).toBe(401);
  });

  it('answers 403 in Spanish to a valid token of someone who is not in the directory', async () => {
    const { call, token, bearer } = await ssoApi();
    const res = await call('/api/me', undefined, bearer(await token({ oid: '99999999-9999-4999-8999-999999999999' })));
    expect(res).toMatchObject({ status: 403, body: { code: 'forbidden', message: 'No te encontramos en el directorio de enlaces OKR de la Secretaría.' } });
  });

  it('keeps a member out of another unit: reading its tree and posting its check-ins', async () => {
    const { call, token, oidOf, bearer, store } = await ssoApi();
    const kennedy = bearer(await token({ oid: await oidOf('enlace-al-kennedy') }));
    expect((await call('/api/units/al-kennedy/tree?quarter=2026-Q4', undefined, kennedy)).status).toBe(200);
    expect(await call('/api/units/al-usaquen/tree?quarter=2026-Q4', undefined, kennedy)).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    const kr = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults[0]!;
    const post = await call('/api/units/al-usaquen/check-ins', undefined, {
      method: 'POST',
      headers: kennedy.headers,
      body: JSON.stringify({ period: '2026-11', checkIns: [{ keyResultId: kr.id, value: 50, comment: 'Intento ajeno.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version: null }] }),
    });
    expect(post).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    expect(await store.listCheckIns('al-usaquen', ['2026-11'])).toHaveLength(0);
  });

  it('refuses bearer tokens when the server has no Entra app configured, and ignores the dev header without DEV_IDENTITY', async () => {
    const { call } = await startApi(false);
    expect((await call('/api/me', undefined, { headers: { authorization: 'Bearer abc.def.ghi' } })).status).toBe(401);
    const { call: ssoCall } = await ssoApi();
    expect((await ssoCall('/api/me', 'eti-1')).status).toBe(401);
  });
});

describe('SSO settings and keys', () => {
  it('accepts the two Entra issuers of the tenant and both audiences', () => {
    expect(tenantIssuers(TENANT)).toEqual([`https://sts.windows.net/${TENANT}/`, `https://login.microsoftonline.com/${TENANT}/v2.0`]);
    const s = ssoSettingsFrom({ AAD_APP_CLIENT_ID: CLIENT, MicrosoftAppTenantId: TENANT, TAB_DOMAIN: DOMAIN, AAD_APP_AUDIENCES: 'api://otro, ' })!;
    expect(s.tenantId).toBe(TENANT);
    expect(s.audiences).toEqual([`api://${DOMAIN}/${CLIENT}`, CLIENT, 'api://otro']);
    expect(ssoSettingsFrom({ AAD_APP_CLIENT_ID: CLIENT })).toBeNull();
  });

  it('requires the SSO settings in production, naming each missing variable', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AAD_APP_CLIENT_ID[\s\S]*AAD_APP_TENANT_ID[\s\S]*TAB_DOMAIN/);
    expect(() => loadConfig({ TAB_DOMAIN: DOMAIN })).toThrow(/AAD_APP_CLIENT_ID/);
    expect(() => loadConfig({ NODE_ENV: 'production', AAD_APP_CLIENT_ID: CLIENT, MicrosoftAppTenantId: TENANT, TAB_DOMAIN: DOMAIN, MicrosoftAppId: CLIENT, MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' })).not.toThrow();
    expect(() => loadConfig({})).not.toThrow();
  });

  it('finds the tenant’s keys through its OpenID configuration (read once)', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k', alg: 'RS256' };
    const asked: string[] = [];
    const fakeFetch = (async (url: string | URL) => {
      asked.push(String(url));
      const body = String(url).endsWith('openid-configuration') ? { jwks_uri: `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys` } : { keys: [jwk] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    }) as typeof fetch;
    const settings = ssoSettingsFrom({ AAD_APP_CLIENT_ID: CLIENT, AAD_APP_TENANT_ID: TENANT, TAB_DOMAIN: DOMAIN })!;
    const validator = new SsoValidator(settings, entraSigningKeys(TENANT, fakeFetch));
    const now = Math.floor(Date.now() / 1000);
    const sign = () =>
      new SignJWT({ oid: 'o-1', tid: TENANT, scp: 'access_as_user' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setIssuer(`https://sts.windows.net/${TENANT}/`)
        .setAudience(CLIENT)
        .setIssuedAt(now)
        .setExpirationTime(now + 600)
        .sign(privateKey);
    expect(await validator.verify(await sign())).toMatchObject({ oid: 'o-1', tid: TENANT });
    await validator.verify(await sign());
    expect(asked).toEqual([
      `https://login.microsoftonline.com/${TENANT}/v2.0/.well-known/openid-configuration`,
      `https://login.microsoftonline.com/${TENANT}/discovery/v2.0/keys`,
    ]);
  });
});
