/**
 * Validation of the Teams SSO token the tab sends (`authentication.getAuthToken()`): an Entra ID
 * access token for our own API (JWT, RS256). Checked here, with `jose`: the signature against the
 * tenant's signing keys (JWKS published in the tenant's OpenID configuration), the issuer (v1 or v2
 * endpoint of our tenant), the audience (the app's Application ID URI or its client id), expiry and
 * not-before with a small clock skew, the tenant, the delegated scope, and the presence of `oid`.
 * Mapping `oid` to a person of the directory is identity.ts's job.
 */
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/** Where signing keys come from: the tenant's JWKS in production, a local key set in tests. */
export type SigningKeys = JWTVerifyGetKey;

export interface SsoSettings {
  /** The Entra tenant (directory) id; tokens of any other tenant are refused. */
  tenantId: string;
  /** Client id of the tab's Entra app (the API the token is for). */
  clientId: string;
  /** Accepted `aud` values: `api://<tab domain>/<client id>` and the client id itself. */
  audiences: string[];
  /** Delegated scope the token must carry (`access_as_user`, exposed on the app). */
  scope: string;
  /** Seconds of clock difference tolerated on `exp` and `nbf`. */
  clockToleranceSec: number;
}

export const SSO_SCOPE = 'access_as_user';
export const SSO_CLOCK_TOLERANCE_SEC = 120;

/** The claims of a validated token that the API uses. */
export interface SsoPrincipal {
  oid: string;
  tid: string;
  name: string | null;
  upn: string | null;
}

export type SsoFailure = 'malformed' | 'signature' | 'expired' | 'not_yet_valid' | 'issuer' | 'audience' | 'tenant' | 'scope' | 'claims';

/** A token that does not pass; `reason` goes to the log, never to the person. */
export class SsoError extends Error {
  constructor(readonly reason: SsoFailure, detail?: string) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'SsoError';
  }
}

/** The two issuers Entra uses for a tenant: v1 (`sts.windows.net`) and v2 tokens. */
export function tenantIssuers(tenantId: string): string[] {
  return [`https://sts.windows.net/${tenantId}/`, `https://login.microsoftonline.com/${tenantId}/v2.0`];
}

/** `api://<domain>/<client id>` (what the manifest's webApplicationInfo.resource names) and the bare client id. */
export function defaultAudiences(tabDomain: string, clientId: string): string[] {
  return [`api://${tabDomain}/${clientId}`, clientId];
}

/**
 * The tenant's signing keys, found through its OpenID configuration (its `jwks_uri`). The document
 * is read once, on the first token; `jose` caches the key set, refreshes it when a token names an
 * unknown key (Entra rolls keys) and never more than once every 30 s.
 */
export function entraSigningKeys(tenantId: string, fetchImpl: typeof fetch = fetch, now: () => number = Date.now): SigningKeys {
  let keys: Promise<SigningKeys> | undefined;
  /** The last time Entra could not be reached: for a short while every token check fails at once instead of asking again. */
  let failed: { at: number; error: unknown } | null = null;
  const discover = async (): Promise<SigningKeys> => {
    const url = `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`;
    const res = await fetchImpl(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`OpenID configuration of tenant ${tenantId}: HTTP ${res.status}`);
    const { jwks_uri: jwksUri } = (await res.json()) as { jwks_uri?: string };
    if (!jwksUri) throw new Error(`OpenID configuration of tenant ${tenantId} has no jwks_uri`);
    return createRemoteJWKSet(new URL(jwksUri), {
      cooldownDuration: 30_000,
      cacheMaxAge: 24 * 3_600_000,
      [customFetch]: (url, options) => fetchImpl(url, options as RequestInit),
    });
  };
  return async (header, token) => {
    if (failed && now() - failed.at < KEYS_FAILURE_CACHE_MS) throw new SigningKeysUnavailableError(failed.error);
    keys ??= discover().catch((error: unknown) => {
      keys = undefined; // try again once the failure is no longer cached
      throw error;
    });
    try {
      const key = await (await keys)(header, token);
      failed = null;
      return key;
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      failed = { at: now(), error };
      throw new SigningKeysUnavailableError(error);
    }
  };
}

/** How long a failure to reach Entra's keys is remembered. */
export const KEYS_FAILURE_CACHE_MS = 30_000;

/** Entra's signing keys could not be read (network, DNS, Entra down): the token was not checked, nor refused. */
export class SigningKeysUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    super(`Entra signing keys unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'SigningKeysUnavailableError';
  }
}

/** A failure to fetch keys, as opposed to a token that names no known key (JOSE's own verdicts on the token). */
function isUnreachable(error: unknown): boolean {
  if (error instanceof SigningKeysUnavailableError) return true;
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  return !(error instanceof errors.JOSEError);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Checks Teams SSO tokens for one app of one tenant. */
export class SsoValidator {
  constructor(
    readonly settings: SsoSettings,
    private readonly keys: SigningKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(token: string): Promise<SsoPrincipal> {
    const { settings } = this;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        algorithms: ['RS256'],
        issuer: tenantIssuers(settings.tenantId),
        audience: settings.audiences,
        clockTolerance: settings.clockToleranceSec,
        currentDate: this.now(),
        requiredClaims: ['exp', 'iat', 'oid', 'tid'],
      }));
    } catch (error) {
      throw toSsoError(error);
    }
    const oid = str(payload.oid);
    const tid = str(payload.tid);
    if (!oid || !tid) throw new SsoError('claims', 'oid and tid must be strings');
    if (tid.toLowerCase() !== settings.tenantId.toLowerCase()) throw new SsoError('tenant', tid);
    const scopes = (str(payload.scp) ?? '').split(' ');
    if (!scopes.includes(settings.scope)) throw new SsoError('scope', `scp=${String(payload.scp)}`);
    return { oid, tid, name: str(payload.name), upn: str(payload.upn) ?? str(payload.preferred_username) };
  }
}

function toSsoError(error: unknown): SsoError {
  if (error instanceof errors.JWTExpired) return new SsoError('expired');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return new SsoError('issuer', error.message);
    if (error.claim === 'aud') return new SsoError('audience', error.message);
    if (error.claim === 'nbf') return new SsoError('not_yet_valid', error.message);
    return new SsoError('claims', error.message);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return new SsoError('signature', (error as Error).message);
  if (error instanceof errors.JOSEAlgNotAllowed) return new SsoError('signature', (error as Error).message);
  if (error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) return new SsoError('malformed', (error as Error).message);
  if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout) && !(error instanceof errors.JWKSInvalid)) {
    return new SsoError('signature', error.message);
  }
  // The keys could not be read (network, Entra down): our failure, not the person's token.
  throw error instanceof SigningKeysUnavailableError ? error : new SigningKeysUnavailableError(error);
}

/** The SSO settings from the server's configuration, or null when no Entra app is configured (local development). */
export function ssoSettingsFrom(config: {
  AAD_APP_CLIENT_ID?: string | undefined;
  AAD_APP_TENANT_ID?: string | undefined;
  MicrosoftAppTenantId?: string | undefined;
  TAB_DOMAIN?: string | undefined;
  AAD_APP_AUDIENCES?: string | undefined;
}): SsoSettings | null {
  const tenantId = config.AAD_APP_TENANT_ID ?? (config.MicrosoftAppTenantId || undefined);
  if (!config.AAD_APP_CLIENT_ID || !tenantId || !config.TAB_DOMAIN) return null;
  const extra = (config.AAD_APP_AUDIENCES ?? '').split(',').map((a) => a.trim()).filter(Boolean);
  return {
    tenantId,
    clientId: config.AAD_APP_CLIENT_ID,
    audiences: [...new Set([...defaultAudiences(config.TAB_DOMAIN, config.AAD_APP_CLIENT_ID), ...extra])],
    scope: SSO_SCOPE,
    clockToleranceSec: SSO_CLOCK_TOLERANCE_SEC,
  };
}
