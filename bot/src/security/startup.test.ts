import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

import { PRODUCTION_ENV } from '../testing/productionEnv.js';

/** What production needs besides the bot (Teams SSO for the tab), and the bot's credentials. */
const { AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID, TAB_DOMAIN, MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId } = PRODUCTION_ENV;
const SSO = { AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID, TAB_DOMAIN };
const BOT = { MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType, MicrosoftAppTenantId };

describe('production refuses to start without the bot’s credentials (issue 13, item 1)', () => {
  it('names MicrosoftAppId and MicrosoftAppPassword when they are missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', ...SSO })).toThrow(/MicrosoftAppId[\s\S]*MicrosoftAppPassword/);
    expect(() => loadConfig({ NODE_ENV: 'production', ...SSO, MicrosoftAppId: BOT.MicrosoftAppId })).toThrow(/MicrosoftAppPassword/);
  });

  it('asks for the tenant of a single-tenant bot, and starts with everything set', () => {
    const { MicrosoftAppTenantId: _t, ...noTenant } = BOT;
    expect(() => loadConfig({ NODE_ENV: 'production', ...SSO, ...noTenant })).toThrow(/MicrosoftAppTenantId/);
    expect(loadConfig({ NODE_ENV: 'production', ...SSO, ...BOT }).NODE_ENV).toBe('production');
  });

  it('reads NODE_ENV case-insensitively: «Production» is production (no dev identity, credentials required)', () => {
    expect(loadConfig({ NODE_ENV: ' Production ', ...SSO, ...BOT }).NODE_ENV).toBe('production');
    expect(() => loadConfig({ NODE_ENV: 'Production', ...SSO, ...BOT, DEV_IDENTITY: 'true' })).toThrow(/DEV_IDENTITY/);
    expect(() => loadConfig({ NODE_ENV: 'PRODUCTION', ...SSO })).toThrow(/MicrosoftAppId/);
  });

  it('still starts locally without credentials (the Agents Playground’s anonymous mode)', () => {
    expect(loadConfig({ DEV_IDENTITY: 'true' }).MicrosoftAppId).toBe('');
  });
});
