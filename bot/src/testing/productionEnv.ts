/** A complete production environment for the server (bot credentials, Teams SSO, no dev identity), for the tests of what production does. */
export const PRODUCTION_ENV = {
  NODE_ENV: 'production',
  AAD_APP_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
  AAD_APP_TENANT_ID: '55555555-5555-4555-8555-555555555555',
  TAB_DOMAIN: 'okr.example.gov.co',
  MicrosoftAppId: '44444444-4444-4444-8444-444444444444',
  MicrosoftAppPassword: 'secreto',
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: '55555555-5555-4555-8555-555555555555',
  DEV_IDENTITY: 'false',
} as const;
