import { errorMessages } from './i18n/es-CO/shared.js';

/**
 * What a person may type into a comment, an acta or a reason: any text, but no control characters
 * (NUL, BEL, ESC… — tab and line breaks are fine) and none of the bidirectional embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make `factura \u202Efdp.exe` read
 * as «factura exe.pdf».
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a typed text is refused (the characters found), or null when it is fine. */
export function unsafeTextProblem(text: string): string | null {
  const found = [...new Set(text.match(UNSAFE) ?? [])];
  return found.length ? errorMessages.unsafeText(found.map(codePoint).join(', ')) : null;
}

/**
 * Whether a link a person gives (an evidence link) names a site by its host name: not an IP
 * literal (loopback, link-local and private addresses included, in any notation the URL parser
 * accepts), not localhost or a `.local`/`.localhost`/`.internal` name, and without a user or
 * password in it. Such links reach the viewer's own machine or network, or hide credentials.
 */
export function isPlainSiteLink(url: URL): boolean {
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^[\d.]+$/.test(host) || /^0x/i.test(host)) return false;
  if (host === 'localhost' || /\.(localhost|local|internal|localdomain|home\.arpa)$/.test(host)) return false;
  return host.includes('.');
}
