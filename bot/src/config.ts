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
    /** Pins "now" (ISO instant) for demos and tests; development only. */
    OKR_NOW: z.string().datetime({ offset: true }).optional(),
    MicrosoftAppId: z.string().default(''),
    MicrosoftAppPassword: z.string().default(''),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: z.string().default(''),
    /** Teams app id from the manifest, for deep links to the tab. */
    TEAMS_APP_ID: z.string().default('00000000-0000-4000-8000-00000000a0c1'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    NODE_ENV: z.string().default('development'),
  })
  .superRefine((c, ctx) => {
    if (c.DEV_IDENTITY && c.NODE_ENV === 'production') {
      ctx.addIssue({ code: 'custom', path: ['DEV_IDENTITY'], message: 'must be false when NODE_ENV=production' });
    }
    if (c.STORE === 'sharepoint') {
      ctx.addIssue({ code: 'custom', path: ['STORE'], message: 'the SharePoint store is not available in this version yet; use STORE=sqlite' });
    }
  });

export type Config = z.infer<typeof schema>;

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
