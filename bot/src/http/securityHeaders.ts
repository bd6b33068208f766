import type { Request, Response, Next } from 'restify';
import type { Config } from '../config.js';

/**
 * Where the tab may be framed: Teams and the other Microsoft 365 hosts that run Teams apps
 * (Microsoft Learn, «Prerequisites and considerations for tabs»: `*.cloud.microsoft` for all hosts;
 * Teams `teams.microsoft.com`, `*.teams.microsoft.com`; the Microsoft 365 app `*.microsoft365.com`,
 * `*.office.com`; Outlook `outlook.office.com`, `outlook.office365.com`, `outlook-sdf.office.com`,
 * `outlook-sdf.office365.com`). Nothing else can put the tab in a frame (clickjacking).
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * Where the meeting stage's Live Share session connects (tabs/src/shell/liveShareStage.ts): inside
 * Teams, to the Azure Fluid Relay service Teams hands out (`https://<region>.fluidrelay.azure.com`;
 * an `https:` source also allows its `wss:` WebSocket); in development, to the local Fluid server
 * (`tinylicious`, LIVE_SHARE_LOCAL_PORT) over http and ws.
 */
export interface LiveShareOrigins {
  /** The tab is served to Teams (Teams SSO is configured): its stages join meetings' sessions. */
  relay: boolean;
  localPort?: number | undefined;
}

export const FLUID_RELAY = 'https://*.fluidrelay.azure.com';

/** Only a server that Teams can show (Teams SSO configured) opens the relay; only development's local server adds localhost. */
export function liveShareOrigins(config: Pick<Config, 'AAD_APP_CLIENT_ID' | 'LIVE_SHARE_LOCAL_PORT'>): LiveShareOrigins {
  return { relay: Boolean(config.AAD_APP_CLIENT_ID), localPort: config.LIVE_SHARE_LOCAL_PORT };
}

/**
 * The tab's Content-Security-Policy: its own scripts only (no inline or injected script), styles
 * inline too (Fluent UI writes its styles at run time), data: images and fonts, requests to its own
 * API (and to the Live Share origins above) only, no plugins, no `<base>` or form posts elsewhere,
 * and framing only by the hosts above.
 */
export function contentSecurityPolicy(liveShare: LiveShareOrigins = { relay: false }): string {
  const connect = ["'self'", ...(liveShare.relay ? [FLUID_RELAY] : []), ...(liveShare.localPort ? [`http://localhost:${liveShare.localPort}`, `ws://localhost:${liveShare.localPort}`] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
}

/** The policy of a server neither Teams nor a local Live Share server is configured for (local development, most tests). */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Two years, the subdomains included: App Service and a custom domain are https only. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Sets the security headers on every response (tab, pages, API, bot endpoint); HSTS in production only (locally the server is plain http). */
export function securityHeaders(production: boolean, csp: string = CONTENT_SECURITY_POLICY) {
  return (_req: Request, res: Response, next: Next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (production) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
