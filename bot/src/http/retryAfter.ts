/**
 * Parses an HTTP `Retry-After` header — delta-seconds or an HTTP date — into milliseconds from
 * `now`; null when absent or unreadable. The one parser of the app: Microsoft Graph's throttling
 * (the SharePoint store) and Teams' (the proactive notifier) both send it.
 */
export function retryAfterMs(value: string | null | undefined, now: number | (() => number) = Date.now): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - (typeof now === 'function' ? now() : now));
}
