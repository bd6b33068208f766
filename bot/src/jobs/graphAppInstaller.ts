import type { Person } from '@okr/core';
import type { AppInstaller, InstallOutcome } from './appInstaller.js';
import { retryAfterMs } from '../http/retryAfter.js';

export interface GraphAppInstallerOptions {
  /** An app-only Graph token (client credentials). */
  token: () => Promise<string>;
  /** The app's id in the tenant's app catalog (`GET /appCatalogs/teamsApps?$filter=externalId eq '<manifest id>'`). */
  teamsAppCatalogId: string;
  fetch?: typeof fetch;
  graphUrl?: string;
}

/**
 * Installs the app in a person's personal scope through Microsoft Graph:
 * `POST /users/{id}/teamwork/installedApps` with `{"teamsApp@odata.bind": ".../appCatalogs/teamsApps/{id}"}`.
 * Needs the application permission TeamsAppInstallation.ReadWriteSelfForUser.All (least privileged:
 * the app can install only itself) or TeamsAppInstallation.ReadWriteForUser.All, with admin consent.
 * 201: installed; 409: it already was. Teams then sends the bot an installationUpdate.
 */
export class GraphAppInstaller implements AppInstaller {
  private readonly fetch: typeof fetch;
  private readonly graphUrl: string;

  constructor(private readonly options: GraphAppInstallerOptions) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.graphUrl = options.graphUrl ?? 'https://graph.microsoft.com/v1.0';
  }

  async install(person: Person): Promise<InstallOutcome> {
    const res = await this.fetch(`${this.graphUrl}/users/${encodeURIComponent(person.aadObjectId)}/teamwork/installedApps`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await this.options.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ 'teamsApp@odata.bind': `${this.graphUrl}/appCatalogs/teamsApps/${encodeURIComponent(this.options.teamsAppCatalogId)}` }),
    });
    if (res.status === 201 || res.status === 200 || res.status === 204) return 'installed';
    if (res.status === 409) return 'already_installed';
    const retryAfter = retryAfterMs(res.headers.get('retry-after'));
    throw Object.assign(new Error(`Graph ${res.status} installing the app for ${person.id}: ${(await res.text()).slice(0, 300)}`), { status: res.status, retryAfterMs: retryAfter });
  }
}
