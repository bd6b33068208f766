import type { Config } from '../../config.js';
import { msalTokenProvider } from './auth.js';
import { FetchTransport, GraphGateway } from './graph.js';
import { SharePointStore, type SiteRef } from './SharePointStore.js';

type SharePointConfig = Pick<
  Config,
  'SHAREPOINT_SITE_URL' | 'SHAREPOINT_SITE_ID' | 'SHAREPOINT_CACHE_SECONDS' | 'AZURE_TENANT_ID' | 'AZURE_CLIENT_ID' | 'AZURE_CLIENT_SECRET' | 'AZURE_CLIENT_CERTIFICATE_PATH' | 'AZURE_CLIENT_CERTIFICATE_PASSWORD'
>;

/** The site the configuration names (config.ts has already checked one of the two is set). */
export function siteOf(config: SharePointConfig): SiteRef {
  if (config.SHAREPOINT_SITE_ID) return { id: config.SHAREPOINT_SITE_ID };
  if (config.SHAREPOINT_SITE_URL) return { url: config.SHAREPOINT_SITE_URL };
  throw new Error('SHAREPOINT_SITE_URL or SHAREPOINT_SITE_ID is required with STORE=sharepoint');
}

/** Graph over the network, authenticated as the configured Entra app (client credentials). */
export function gatewayFor(config: SharePointConfig): GraphGateway {
  const tokenProvider = msalTokenProvider({
    tenantId: config.AZURE_TENANT_ID ?? '',
    clientId: config.AZURE_CLIENT_ID ?? '',
    ...(config.AZURE_CLIENT_SECRET ? { clientSecret: config.AZURE_CLIENT_SECRET } : {}),
    ...(config.AZURE_CLIENT_CERTIFICATE_PATH ? { certificatePath: config.AZURE_CLIENT_CERTIFICATE_PATH } : {}),
    ...(config.AZURE_CLIENT_CERTIFICATE_PASSWORD ? { certificatePassword: config.AZURE_CLIENT_CERTIFICATE_PASSWORD } : {}),
  });
  return new GraphGateway({ tokenProvider, transport: new FetchTransport() });
}

/** The read cache as configured (SHAREPOINT_CACHE_SECONDS; 0 is off). */
export function cacheOf(config: Pick<Config, 'SHAREPOINT_CACHE_SECONDS'>): { maxAgeMs: number } | undefined {
  return config.SHAREPOINT_CACHE_SECONDS > 0 ? { maxAgeMs: config.SHAREPOINT_CACHE_SECONDS * 1000 } : undefined;
}

/** The production store: SharePoint lists of the configured site, through Microsoft Graph, with the read cache. */
export function openSharePointStore(config: SharePointConfig, now: () => Date): SharePointStore {
  const cache = cacheOf(config);
  return new SharePointStore({ gateway: gatewayFor(config), site: siteOf(config), now, ...(cache ? { cache } : {}) });
}
