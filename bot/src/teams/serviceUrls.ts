/**
 * The addresses the bot may answer and send proactive messages to in production: the Bot Framework
 * and Teams connector services. Teams names its regional service in each activity's `serviceUrl`
 * (`https://smba.trafficmanager.net/amer/`, `…/emea/`, `…/teams/`; the government clouds under
 * `smba.infra.gcc.teams.microsoft.com`, `smba.infra.gov.teams.microsoft.us`,
 * `smba.infra.dod.teams.microsoft.us`); Bot Framework's own channels are under `botframework.com`.
 * Anything else in production is an attacker naming where the bot should post.
 */
const EXACT_HOSTS = new Set(['smba.trafficmanager.net']);
const HOST_SUFFIXES = ['.teams.microsoft.com', '.teams.microsoft.us', '.botframework.com'];

export function isBotServiceUrl(serviceUrl: unknown): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return EXACT_HOSTS.has(host) || HOST_SUFFIXES.some((suffix) => host.endsWith(suffix));
}
