// The Teams app package as `npm run package` builds it, checked with Microsoft's own v1.19 schema
// (@microsoft/app-manifest), and the rules a tenant's Teams admin center applies besides.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { PackageError, buildManifest, packageApp, validateManifest } from '../scripts/package-app.mjs';
import { findCommand } from '../bot/src/app.js';
import { modules } from '../bot/src/modules/index.js';

const commands = modules.flatMap((m) => m.commands);

const out = mkdtempSync(join(tmpdir(), 'okr-package-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** What `teamsapp provision --env dev` writes to env/.env.dev. */
const dev = {
  TEAMS_APP_ID: '6b2f3c1e-8a4d-4c5e-9f10-2b3c4d5e6f70',
  BOT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  AAD_APP_CLIENT_ID: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  TAB_ENDPOINT: 'https://okrsdgdev.azurewebsites.net',
  TAB_DOMAIN: 'okrsdgdev.azurewebsites.net',
};

async function zipped(path: string) {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return { files: Object.keys(zip.files).sort(), manifest: JSON.parse(await zip.file('manifest.json')!.async('string')) };
}

describe('npm run package', () => {
  it('builds a dev package from a complete env that passes the v1.19 schema, with https tabs and the real ids', async () => {
    const { out: file } = await packageApp('dev', dev, out);
    const { files, manifest } = await zipped(file);
    expect(files).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.$schema).toContain('/v1.19/');
    expect(manifest).toMatchObject({ id: dev.TEAMS_APP_ID, validDomains: [dev.TAB_DOMAIN], webApplicationInfo: { id: dev.AAD_APP_CLIENT_ID, resource: `api://${dev.TAB_DOMAIN}/${dev.AAD_APP_CLIENT_ID}` } });
    expect(manifest.bots[0].botId).toBe(dev.BOT_ID);
    const urls = [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl, manifest.configurableTabs[0].configurationUrl, ...manifest.staticTabs.flatMap((t: { contentUrl?: string; websiteUrl?: string }) => [t.contentUrl, t.websiteUrl])].filter(Boolean);
    for (const url of urls) expect(url).toMatch(/^https:\/\/okrsdgdev\.azurewebsites\.net\//);
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{|localhost/);
  });

  it('builds the local package with the development defaults', async () => {
    const { manifest } = await zipped((await packageApp('local', {}, out)).out);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest.staticTabs[0].contentUrl).toBe('http://localhost:3978/');
  });

  it('refuses a tenant package while a value is missing or still the example, naming each', async () => {
    const example = parseEnv(readFileSync(resolve(import.meta.dirname, '../env/.env.dev.example'), 'utf8'));
    const error = await buildManifest('dev', example).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackageError);
    for (const name of Object.keys(dev)) expect((error as Error).message).toContain(`${name}:`);
    const { BOT_ID: _missing, ...partial } = dev;
    await expect(buildManifest('dev', partial)).rejects.toThrow(/BOT_ID: falta/);
    await expect(buildManifest('dev', { ...dev, BOT_ID: 'mi-bot' })).rejects.toThrow(/BOT_ID: debe ser un GUID/);
  });

  it('wants https tab URLs on the tenant\'s host outside local', async () => {
    await expect(buildManifest('dev', { ...dev, TAB_ENDPOINT: 'http://okrsdgdev.azurewebsites.net' })).rejects.toThrow(/TAB_ENDPOINT: fuera de local las pestañas se sirven por https/);
    await expect(buildManifest('prod', { ...dev, TAB_ENDPOINT: 'https://localhost:3978', TAB_DOMAIN: 'localhost:3978' })).rejects.toThrow(/TAB_ENDPOINT: apunta a localhost/);
    await expect(buildManifest('dev', { ...dev, TAB_DOMAIN: 'otro.azurewebsites.net' })).rejects.toThrow(/TAB_DOMAIN: «otro.azurewebsites.net» no es el host de TAB_ENDPOINT/);
  });

  it('is refused by the schema with the 42-character developer name it had', async () => {
    const manifest = await buildManifest('dev', dev);
    expect(await validateManifest({ ...manifest, developer: { ...manifest.developer, name: 'Secretaría Distrital de Gobierno de Bogotá' } })).toEqual([expect.stringContaining('/developer/name must NOT have more than 32 characters')]);
  });
});

describe('the manifest as a tenant administrator reads it', async () => {
  const manifest = await buildManifest('dev', dev);

  it('names the developer within 32 characters, with distinct privacy and terms pages served by the app', () => {
    expect(manifest.developer.name.length).toBeLessThanOrEqual(32);
    expect(manifest.developer.privacyUrl).toBe(`${dev.TAB_ENDPOINT}/privacidad`);
    expect(manifest.developer.termsOfUseUrl).toBe(`${dev.TAB_ENDPOINT}/terminos`);
  });

  it('says «Microsoft Teams» before any bare «Teams», and names no other product', () => {
    for (const text of [manifest.description.full, manifest.description.short]) {
      const first = text.indexOf('Teams');
      if (first >= 0) expect(text.slice(Math.max(0, first - 10), first)).toBe('Microsoft ');
      expect(text).not.toMatch(/Viva|Goals|SharePoint|Google|Slack|Zoom/);
    }
    expect(manifest.description.full).toMatch(/^Aplicación para Microsoft Teams/);
  });

  it('has one command list per bot scope, each with commands the bot understands', () => {
    const bot = manifest.bots[0];
    const lists = bot.commandLists as { scopes: string[]; commands: { title: string; description: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual([...bot.scopes].sort());
    for (const list of lists) {
      expect(list.scopes).toHaveLength(1);
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const c of list.commands) expect(findCommand(c.title), `${list.scopes[0]}: ${c.title}`).toBeDefined();
    }
    const personal = lists.find((l) => l.scopes[0] === 'personal')!;
    const listed = new Set(personal.commands.map((c) => findCommand(c.title)));
    // Teams lists at most ten: `recordatorios admin` (the ETI's) is reached from the button
    // «Administrar recordatorios» of `recordatorios`' card, `validacion` (the OAP's and the areas'
    // round, once a quarter) from the cards of the round, `propuestas` from the card that tells a
    // person they take a proposal; `ayuda` names all three.
    const reachedFromACard = ['propuestas', 'validacion', 'recordatorios admin'];
    expect(commands.filter((c) => !listed.has(c)).map((c) => c.phrases[0])).toEqual(reachedFromACard);
    for (const scope of ['team', 'groupChat']) {
      const titles = lists.find((l) => l.scopes[0] === scope)!.commands.map((c) => c.title);
      expect(titles).toEqual(expect.arrayContaining(['check-in', 'pendientes', 'mis okr', 'revisar', 'actas', 'compromisos', 'ayuda']));
    }
  });
});
