import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

/** What production needs besides the bot: Teams SSO for the tab. */
const SSO = { AAD_APP_CLIENT_ID: '22222222-2222-4222-8222-222222222222', AAD_APP_TENANT_ID: '55555555-5555-4555-8555-555555555555', TAB_DOMAIN: 'okr.example.gov.co' };
const BOT = { MicrosoftAppId: '44444444-4444-4444-8444-444444444444', MicrosoftAppPassword: 'secreto', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: SSO.AAD_APP_TENANT_ID };

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
