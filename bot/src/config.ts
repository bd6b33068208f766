import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every setting of the server, read from the environment (env/.env.* files) and checked at start. */
const schema = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    /** Interface to listen on: loopback locally, 0.0.0.0 on App Service. */
    HOST: z.string().default('127.0.0.1'),
    /** Where data lives: the embedded SQLite file, or SharePoint lists through Graph. */
    STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
    SQLITE_PATH: z.string().min(1).default('.data/okr.db'),
    /** STORE=sharepoint: the site that holds the lists (its URL, or its Graph site id). */
    SHAREPOINT_SITE_URL: z.string().url().optional(),
    SHAREPOINT_SITE_ID: z.string().min(1).optional(),
    /** STORE=sharepoint: seconds the read cache serves a list before asking Graph for its changes (delta); 0 turns the cache off. */
    SHAREPOINT_CACHE_SECONDS: z.coerce.number().min(0).max(30).default(5),
    /** STORE=sharepoint: the Entra app that reads and writes the site (app-only, client credentials). */
    AZURE_TENANT_ID: z.string().min(1).optional(),
    AZURE_CLIENT_ID: z.string().min(1).optional(),
    /** Its client secret, or a PEM file with its certificate and private key (preferred). */
    AZURE_CLIENT_SECRET: z.string().min(1).optional(),
    AZURE_CLIENT_CERTIFICATE_PATH: z.string().min(1).optional(),
    AZURE_CLIENT_CERTIFICATE_PASSWORD: z.string().min(1).optional(),
    /** Fill an empty store with the demo directory and OKRs of the 44 units. */
    SEED_DEMO: bool.default(false),
    /** Lets a browser choose a seeded person (header x-dev-person-id). Never in production. */
    DEV_IDENTITY: bool.default(false),
    /** Public base URL of this server (tab links in cards). */
    PUBLIC_URL: z.string().url().optional(),
    /** Where the development server writes the Agents Playground's config (its users = seeded people). */
    PLAYGROUND_CONFIG_PATH: z.string().default('.data/m365agentsplayground.yml'),
    /** The seeded person who is the Playground's current user. */
    PLAYGROUND_CURRENT_USER: z.string().default('enlace-al-usaquen'),
    /**
     * Development only: the port of a local Fluid server (`tinylicious`, started by `npm start`) on
     * this machine, through which meeting stages opened in a browser follow the presenter (Live
     * Share's TestLiveShareHost). Unset or empty: a stage outside Teams moves alone.
     */
    LIVE_SHARE_LOCAL_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(65535).optional()),
    /** Pins "now" (ISO instant) for demos and tests; development only. */
    OKR_NOW: z.string().datetime({ offset: true }).optional(),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    /** Teams SSO for the tab's API: the tab's Entra app (client id), its tenant, and the tab's host name. */
    AAD_APP_CLIENT_ID: z.string().min(1).optional(),
    /** Defaults to MicrosoftAppTenantId. */
    AAD_APP_TENANT_ID: z.string().min(1).optional(),
    /** Host name the tab is served from (as in the manifest's validDomains), e.g. okr.gobiernobogota.gov.co. */
    TAB_DOMAIN: z.string().regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name without scheme or path, e.g. okr.gobiernobogota.gov.co').optional(),
    /** Extra accepted token audiences (comma-separated), besides api://TAB_DOMAIN/AAD_APP_CLIENT_ID and the client id. */
    AAD_APP_AUDIENCES: z.string().optional(),
    /** Teams app id from the manifest, for deep links to the tab. */
    TEAMS_APP_ID: z.string().default('00000000-0000-4000-8000-00000000a0c1'),
    /** Proactive reminders (check-in window, missing check-ins, escalations, ETI digest). Off in tests. */
    REMINDERS_ENABLED: bool.default(true),
    /** When the scheduler looks for due reminders (cron, America/Bogota); it sends only on business days 08:00–17:00. */
    REMINDERS_CRON: z.string().min(9).default('*/15 * * * *'),
    /** One run right after start (demos, end-to-end tests). */
    REMINDERS_RUN_ON_START: bool.default(false),
    /** The monthly check-in window: the last N business days of the month. */
    REMINDERS_WINDOW_DAYS: z.coerce.number().int().min(1).max(10).default(3),
    /** Escalate to the líder when the unit is this many business days late. */
    REMINDERS_ESCALATION_DAYS: z.coerce.number().int().min(1).max(20).default(3),
    /** Install the app through Graph for people the bot cannot reach (needs TEAMS_APP_CATALOG_ID and the AZURE_* app). */
    REMINDERS_AUTO_INSTALL: bool.default(false),
    /** The app's id in the tenant's Teams app catalog (not the manifest id), for REMINDERS_AUTO_INSTALL. */
    TEAMS_APP_CATALOG_ID: z.string().min(1).optional(),
    /** Open data: API keys (comma-separated, 24+ characters each) that add the figures still in validation to the OData feed (`?apikey=`). */
    OPEN_DATA_API_KEYS: z
      .string()
      .default('')
      .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => k.length >= 24), 'each key must have at least 24 characters'),
    /** Open data and /publico/: requests per minute per client before a 429. */
    OPEN_DATA_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(120),
    /** Open data and /publico/: how long a partition read from the store is served from memory. */
    OPEN_DATA_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /** The client of a public request is the first X-Forwarded-For address (behind App Service's front end). */
    OPEN_DATA_TRUST_PROXY: bool.default(false),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Compared case-insensitively: `Production` is production. */
    NODE_ENV: z
      .string()
      .default('development')
      .transform((v) => v.trim().toLowerCase()),
  })
  .superRefine((c, ctx) => {
    if (c.REMINDERS_AUTO_INSTALL) {
      const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (!c.TEAMS_APP_CATALOG_ID) need('TEAMS_APP_CATALOG_ID', 'required with REMINDERS_AUTO_INSTALL=true: the app id in the Teams app catalog');
      if (!c.AZURE_TENANT_ID || !c.AZURE_CLIENT_ID) need('AZURE_CLIENT_ID', 'required with REMINDERS_AUTO_INSTALL=true (with AZURE_TENANT_ID): the Entra app with TeamsAppInstallation.ReadWriteSelfForUser.All');
      if (!c.AZURE_CLIENT_SECRET && !c.AZURE_CLIENT_CERTIFICATE_PATH) need('AZURE_CLIENT_SECRET', 'required with REMINDERS_AUTO_INSTALL=true (or AZURE_CLIENT_CERTIFICATE_PATH)');
    }
    if (c.DEV_IDENTITY && c.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['DEV_IDENTITY'], message: 'must be false when NODE_ENV=production' });
    }
    if (c.LIVE_SHARE_LOCAL_PORT !== undefined && c.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['LIVE_SHARE_LOCAL_PORT'], message: 'must be unset when NODE_ENV=production: in Teams the stage joins the meeting\'s Live Share session' });
    }
    if (c.NODE_ENV === 'production') {
      // Without the bot's credentials the Bot Framework adapter runs anonymously: anyone could post
      // activities as any person. Production never runs so.
      const bot = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (!c.MicrosoftAppId) bot('MicrosoftAppId', 'required with NODE_ENV=production: the client id of the bot\'s Entra app (without it anyone could post to /api/messages)');
      if (c.MicrosoftAppType !== 'UserAssignedMSI' && !c.MicrosoftAppPassword) bot('MicrosoftAppPassword', 'required with NODE_ENV=production: the bot\'s client secret');
      if (c.MicrosoftAppType !== 'MultiTenant' && !c.MicrosoftAppTenantId) bot('MicrosoftAppTenantId', `required with NODE_ENV=production and MicrosoftAppType=${c.MicrosoftAppType}: the bot's Entra tenant`);
    }
    const tenant = c.AAD_APP_TENANT_ID ?? (c.MicrosoftAppTenantId || undefined);
    const ssoWanted = c.NODE_ENV === 'production' || Boolean(c.AAD_APP_CLIENT_ID || c.AAD_APP_TENANT_ID || c.TAB_DOMAIN);
    if (ssoWanted) {
      const sso = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (!c.AAD_APP_CLIENT_ID) sso('AAD_APP_CLIENT_ID', 'required for Teams SSO (NODE_ENV=production or SSO partly set): the client id of the tab\'s Entra app');
      if (!tenant) sso('AAD_APP_TENANT_ID', 'required for Teams SSO (or MicrosoftAppTenantId): the Entra tenant id');
      if (!c.TAB_DOMAIN) sso('TAB_DOMAIN', 'required for Teams SSO: the host name the tab is served from, as in api://<TAB_DOMAIN>/<client id>');
    }
    if (c.STORE === 'sharepoint') {
      const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
      if (!c.SHAREPOINT_SITE_URL && !c.SHAREPOINT_SITE_ID) missing('SHAREPOINT_SITE_URL', 'required with STORE=sharepoint (or SHAREPOINT_SITE_ID), e.g. https://<tenant>.sharepoint.com/sites/OKR');
      if (!c.AZURE_TENANT_ID) missing('AZURE_TENANT_ID', 'required with STORE=sharepoint: the Entra tenant id');
      if (!c.AZURE_CLIENT_ID) missing('AZURE_CLIENT_ID', 'required with STORE=sharepoint: the client id of the Entra app granted on the site');
      if (!c.AZURE_CLIENT_SECRET && !c.AZURE_CLIENT_CERTIFICATE_PATH) {
        missing('AZURE_CLIENT_SECRET', 'required with STORE=sharepoint (or AZURE_CLIENT_CERTIFICATE_PATH, a PEM file with certificate and private key)');
      }
    }
  });

export type Config = z.infer<typeof schema>;

export const isProduction = (config: Pick<Config, 'NODE_ENV'>): boolean => config.NODE_ENV === 'production';

export class ConfigError extends Error {}

/** Parses the environment; the error names every missing or wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data;
  config.PUBLIC_URL ??= `http://localhost:${config.PORT}`;
  return config;
}
