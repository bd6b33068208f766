// The tenant deployment as Microsoft's tools and the server itself read it: teamsapp.yml against the
// Agents Toolkit's own v1.7 schema and parser, the Entra app manifest that aadApp/update applies, and
// the Bicep's App Service settings against what bot/src/config.ts requires with NODE_ENV=production.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../bot/src/config.js';
import { SSO_SCOPE, ssoSettingsFrom } from '../bot/src/api/sso.js';

const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(resolve(root, path), 'utf8');

// The Teams clients that may ask for the tab's token without a consent prompt (Teams SSO docs).
const TEAMS_DESKTOP_MOBILE = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
const TEAMS_WEB = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

describe('teamsapp.yml', () => {
  function schemaErrors(doc: unknown): string[] {
    const Ajv = require('ajv');
    // The options the toolkit's own validator uses (teamsfx-core component/configManager/validator).
    const ajv = new Ajv({ allowUnionTypes: true, allErrors: true });
    ajv.addKeyword('deprecationMessage');
    const validate = ajv.compile(require('@microsoft/teamsfx-core/resource/yaml-schema/v1.7/yaml.schema.json'));
    return validate(doc) ? [] : (validate.errors as { instancePath: string; message: string }[]).map((e) => `${e.instancePath} ${e.message}`);
  }

  it('passes the Agents Toolkit v1.7 yaml schema and its own parser (what provision reads first)', async () => {
    const doc = parse(read('teamsapp.yml'));
    expect(doc.version).toBe('v1.7');
    expect(schemaErrors(doc)).toEqual([]);
    const { yamlParser } = require('@microsoft/teamsfx-core/build/component/configManager/parser');
    const parsed = await yamlParser.parse(resolve(root, 'teamsapp.yml'), true);
    expect(parsed.isErr() ? parsed.error.message : 'ok').toBe('ok');
  });

  it('is refused without publishedAppId on teamsApp/publishAppPackage, as the toolkit refuses it', () => {
    const doc = parse(read('teamsapp.yml'));
    const publish = doc.publish.find((s: { uses: string }) => s.uses === 'teamsApp/publishAppPackage');
    delete publish.writeToEnvironmentFile;
    expect(schemaErrors(doc).length).toBeGreaterThan(0);
  });

  it('applies the Entra app manifest after the Azure deployment that yields TAB_DOMAIN, and deploys the lean artifact', () => {
    const doc = parse(read('teamsapp.yml'));
    const steps = doc.provision.map((s: { uses: string }) => s.uses);
    expect(steps.indexOf('aadApp/update')).toBeGreaterThan(steps.indexOf('arm/deploy'));
    expect(steps.indexOf('arm/deploy')).toBeGreaterThan(steps.indexOf('aadApp/create'));
    const update = doc.provision.find((s: { uses: string }) => s.uses === 'aadApp/update');
    expect(update.with.manifestPath).toBe('./infra/aad.manifest.json');
    const zipDeploy = doc.deploy.find((s: { uses: string }) => s.uses === 'azureAppService/zipDeploy');
    expect(zipDeploy.with.artifactFolder).toBe('./build/app-service');
    const rootPackage = JSON.parse(read('package.json'));
    const npmSteps = doc.deploy.filter((s: { uses: string }) => s.uses === 'cli/runNpmCommand').map((s: { with: { args: string } }) => s.with.args.split(' ')[1]);
    for (const script of npmSteps) expect(rootPackage.scripts).toHaveProperty(script);
  });
});

describe('Entra app manifest (infra/aad.manifest.json)', () => {
  const values: Record<string, string> = {
    AAD_APP_OBJECT_ID: '11111111-1111-4111-8111-111111111111',
    AAD_APP_CLIENT_ID: '22222222-2222-4222-8222-222222222222',
    AAD_APP_ACCESS_AS_USER_PERMISSION_ID: '33333333-3333-4333-8333-333333333333',
    TAB_DOMAIN: 'okrsdgdev.azurewebsites.net',
    APP_NAME_SUFFIX: 'dev',
  };
  const manifest = JSON.parse(read('infra/aad.manifest.json').replace(/\$\{\{ *(\w+) *\}\}/g, (_, name: string) => values[name] ?? `MISSING:${name}`));

  it('fills every placeholder from what provision writes before aadApp/update', () => {
    expect(JSON.stringify(manifest)).not.toContain('MISSING:');
  });

  it('has no warning from the toolkit (name, scope, pre-authorised clients, v2 tokens)', () => {
    const { AadManifestHelper } = require('@microsoft/teamsfx-core/build/component/driver/aad/utility/aadManifestHelper');
    expect(AadManifestHelper.validateManifest(manifest)).toBe('');
  });

  it('exposes access_as_user at the audience the server accepts, pre-authorised for the Teams clients', () => {
    const sso = ssoSettingsFrom({ AAD_APP_CLIENT_ID: values.AAD_APP_CLIENT_ID, AAD_APP_TENANT_ID: 'tenant', TAB_DOMAIN: values.TAB_DOMAIN });
    expect(manifest.identifierUris).toEqual([`api://${values.TAB_DOMAIN}/${values.AAD_APP_CLIENT_ID}`]);
    expect(sso!.audiences).toContain(manifest.identifierUris[0]);
    const scope = manifest.api.oauth2PermissionScopes.find((s: { value: string }) => s.value === SSO_SCOPE);
    expect(scope).toMatchObject({ id: values.AAD_APP_ACCESS_AS_USER_PERMISSION_ID, isEnabled: true, type: 'User' });
    const clients = manifest.api.preAuthorizedApplications.map((a: { appId: string; delegatedPermissionIds: string[] }) => [a.appId, a.delegatedPermissionIds]);
    expect(clients).toEqual([
      [TEAMS_DESKTOP_MOBILE, [scope.id]],
      [TEAMS_WEB, [scope.id]],
    ]);
    expect(manifest.signInAudience).toBe('AzureADMyOrg');
  });

  it('matches the Teams manifest: the same client id and resource', () => {
    const teams = JSON.parse(read('appPackage/manifest.json'));
    expect(teams.webApplicationInfo).toEqual({ id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' });
    expect(JSON.parse(read('infra/aad.manifest.json')).identifierUris).toEqual([teams.webApplicationInfo.resource]);
  });
});

/**
 * The App Service settings of infra/azure.bicep, evaluated for given parameter values: each
 * `{ name: 'X', value: … }` of the `serverSettings` and `sharePointSettings` arrays, with string
 * literals (and their ${…} interpolations) and parameter or variable references resolved.
 */
function bicepAppSettings(params: Record<string, string>): Record<string, string> {
  const bicep = read('infra/azure.bicep');
  const scope: Record<string, string> = { ...params };
  const evaluate = (expr: string): string => {
    const e = expr.trim();
    const literal = /^'((?:[^'\\]|\\.)*)'$/.exec(e);
    if (literal) return literal[1]!.replace(/\$\{(\w+)\}/g, (_, ref: string) => lookup(ref));
    const ternary = /^empty\((\w+)\) \? (.+) : (\w+)$/.exec(e);
    if (ternary) return lookup(ternary[1]!) === '' ? evaluate(ternary[2]!) : lookup(ternary[3]!);
    if (/^\w+$/.test(e)) return lookup(e);
    throw new Error(`the test cannot evaluate the Bicep expression ${e}`);
  };
  const lookup = (name: string): string => {
    if (name in scope) return scope[name]!;
    const variable = new RegExp(`^var ${name} = (.+)$`, 'm').exec(bicep);
    if (variable) return (scope[name] = evaluate(variable[1]!));
    const defaulted = new RegExp(`^param ${name} string = (.+)$`, 'm').exec(bicep);
    if (defaulted) return (scope[name] = evaluate(defaulted[1]!));
    throw new Error(`${name} is neither a parameter given to the test nor a Bicep variable`);
  };
  const settingsOf = (array: string) => {
    const body = new RegExp(`^var ${array} = \\[\\n([\\s\\S]*?)^\\]`, 'm').exec(bicep);
    if (!body) throw new Error(`no var ${array} in infra/azure.bicep`);
    return [...body[1]!.matchAll(/\{ name: '(\w+)', value: (.+) \}/g)].map((m) => [m[1]!, evaluate(m[2]!)] as const);
  };
  const usesSharePoint = /appSettings: concat\(serverSettings, store == 'sharepoint' \? sharePointSettings : \[\]\)/.test(bicep);
  expect(usesSharePoint, 'the site\'s appSettings are serverSettings plus sharePointSettings when store is sharepoint').toBe(true);
  return Object.fromEntries([...settingsOf('serverSettings'), ...(lookup('store') === 'sharepoint' ? settingsOf('sharePointSettings') : [])]);
}

describe('infra/azure.bicep', () => {
  const bicep = read('infra/azure.bicep');
  const params = {
    resourceBaseName: 'okrsdgdev',
    botAadAppClientId: '44444444-4444-4444-8444-444444444444',
    botAadAppClientSecret: 'bot-secret',
    aadAppClientId: '22222222-2222-4222-8222-222222222222',
    tenantId: '55555555-5555-4555-8555-555555555555',
    teamsAppId: '66666666-6666-4666-8666-666666666666',
  };

  it('gives the server every setting it needs to start with NODE_ENV=production (SQLite store)', () => {
    const settings = bicepAppSettings(params);
    expect(settings.NODE_ENV).toBe('production');
    const config = loadConfig(settings);
    expect(config).toMatchObject({ STORE: 'sqlite', DEV_IDENTITY: false, SEED_DEMO: false, HOST: '0.0.0.0', PORT: 8080, PUBLIC_URL: 'https://okrsdgdev.azurewebsites.net' });
    expect(ssoSettingsFrom(config)).toMatchObject({ tenantId: params.tenantId, clientId: params.aadAppClientId, audiences: expect.arrayContaining([`api://okrsdgdev.azurewebsites.net/${params.aadAppClientId}`]) });
    expect(config).toMatchObject({ MicrosoftAppId: params.botAadAppClientId, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: params.tenantId, TEAMS_APP_ID: params.teamsAppId });
  });

  it('would not start without any of the Teams SSO settings (the check above can fail)', () => {
    for (const name of ['AAD_APP_CLIENT_ID', 'TAB_DOMAIN']) {
      const { [name]: _dropped, ...rest } = bicepAppSettings(params);
      expect(() => loadConfig(rest), name).toThrow(name);
    }
  });

  it('gives the SharePoint store its site and app when store=sharepoint', () => {
    const settings = bicepAppSettings({ ...params, store: 'sharepoint', sharePointSiteUrl: 'https://contoso.sharepoint.com/sites/OKR', storeAadAppClientId: '77777777-7777-4777-8777-777777777777', storeAadAppClientSecret: 'store-secret' });
    expect(loadConfig(settings)).toMatchObject({ STORE: 'sharepoint', SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/OKR', AZURE_CLIENT_ID: '77777777-7777-4777-8777-777777777777' });
  });

  it('serves a custom domain when given one: settings, bot endpoint and outputs agree', () => {
    const settings = bicepAppSettings({ ...params, customTabDomain: 'okr.gobiernobogota.gov.co' });
    expect(settings).toMatchObject({ TAB_DOMAIN: 'okr.gobiernobogota.gov.co', PUBLIC_URL: 'https://okr.gobiernobogota.gov.co' });
    expect(bicep).toContain("endpoint: 'https://${tabDomain}/api/messages'");
    expect(bicep).toContain("output TAB_DOMAIN string = tabDomain");
  });

  it('runs Node 22 LTS, the version package.json asks for', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(JSON.parse(read('package.json')).engines.node).toMatch(/^>=22\./);
  });

  it('gets every required parameter from azure.parameters.json, each from a variable provision writes', () => {
    const required = [...bicep.matchAll(/^param (\w+) string$/gm)].map((m) => m[1]);
    const given = JSON.parse(read('infra/azure.parameters.json')).parameters as Record<string, { value: string }>;
    expect(Object.keys(given).sort()).toEqual(expect.arrayContaining(required.sort()));
    for (const name of Object.keys(given)) expect(bicep, name).toMatch(new RegExp(`^param ${name} string`, 'm'));
    const written = new Set(['RESOURCE_SUFFIX', ...Object.values(parse(read('teamsapp.yml')).provision.flatMap((s: { writeToEnvironmentFile?: Record<string, string> }) => Object.values(s.writeToEnvironmentFile ?? {})))]);
    for (const { value } of Object.values(given)) for (const [, v] of value.matchAll(/\$\{\{(\w+)\}\}/g)) expect(written, v).toContain(v);
  });
});
