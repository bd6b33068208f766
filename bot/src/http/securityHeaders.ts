import type { Request, Response, Next } from 'restify';

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
 * The tab's Content-Security-Policy: its own scripts only (no inline or injected script), styles
 * inline too (Fluent UI writes its styles at run time), data: images and fonts, requests to its own
 * API only, no plugins, no `<base>` or form posts elsewhere, and framing only by the hosts above.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** Two years, the subdomains included: App Service and a custom domain are https only. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** Sets the security headers on every response (tab, pages, API, bot endpoint); HSTS in production only (locally the server is plain http). */
export function securityHeaders(production: boolean) {
  return (_req: Request, res: Response, next: Next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (production) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
