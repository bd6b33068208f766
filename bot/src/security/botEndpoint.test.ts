import { describe, expect, it } from 'vitest';
import { TestAdapter, type Activity } from 'botbuilder';
import { startApi } from '../testing/apiServer.js';
import { PRODUCTION_ENV } from '../testing/productionEnv.js';
import { seededStore, silentLog } from '../testing/harness.js';
import { createApp } from '../app.js';
import { fixedClock } from '../services/clock.js';
import { loadConfig } from '../config.js';
import { isBotServiceUrl } from '../teams/serviceUrls.js';

const PROD = PRODUCTION_ENV;

const activity = (serviceUrl: string) => ({
  type: 'message',
  text: 'check-in',
  channelId: 'msteams',
  serviceUrl,
  from: { id: '29:x', aadObjectId: 'aad-enlace-al-usaquen' },
  conversation: { id: 'a:personal', conversationType: 'personal' },
  recipient: { id: '28:bot' },
});

const post = (base: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(async (r) => ({ status: r.status, text: await r.text() }));

describe('the bot endpoint (issue 13, items 1 and 9)', () => {
  it('answers malformed activities with 400 in Spanish, without the adapter’s internals', async () => {
    const { base } = await startApi(true);
    for (const body of ['{}', '[]', '"hola"', JSON.stringify({ type: 'message' }), JSON.stringify({ ...activity('https://smba.trafficmanager.net/amer/'), conversation: null }), JSON.stringify({ ...activity('no es una url') })]) {
      const r = await post(base, body);
      expect(r.status, body).toBe(400);
      expect(JSON.parse(r.text)).toEqual({ code: 'invalid', message: expect.stringContaining('La actividad recibida no es válida') });
      expect(r.text).not.toMatch(/validateAndFixActivity|req\.body|zod|Error/);
    }
  });

  it('in production refuses an unauthenticated activity with 401 in Spanish and stores nothing', async () => {
    const { base, store } = await startApi(false, { env: PROD });
    const r = await post(base, JSON.stringify(activity('https://smba.trafficmanager.net/amer/')));
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toEqual({ code: 'unauthenticated', message: 'La solicitud no trae una credencial válida de Bot Framework.' });
    expect(await store.getConversationReference('enlace-al-usaquen')).toBeNull();
  });

  it('in production refuses a serviceUrl that is not a Teams or Bot Framework service, before any token check', async () => {
    const { base } = await startApi(false, { env: PROD });
    const r = await post(base, JSON.stringify(activity('https://attacker.example.com/')), { authorization: 'Bearer x' });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.text).message).toMatch(/no es de Microsoft Teams ni de Bot Framework/);
  });

  it('a token the adapter cannot check (Bot Framework unreachable here) is an error in Spanish, never its English text', async () => {
    const { base } = await startApi(false, { env: PROD });
    const r = await post(base, JSON.stringify(activity('https://smba.trafficmanager.net/amer/')), { authorization: 'Bearer eyJhbGciOiJSUzI1NiJ9.e30.x' });
    expect([401, 500]).toContain(r.status);
    expect(r.text).not.toMatch(/getaddrinfo|EAI_AGAIN|botframework\.com|Unauthorized|Error:/);
    expect(JSON.parse(r.text).message).toMatch(/Bot Framework|Algo salió mal/);
  });

  it('knows the Teams and Bot Framework service addresses, and nothing else', () => {
    for (const ok of ['https://smba.trafficmanager.net/amer/', 'https://smba.trafficmanager.net/teams/', 'https://smba.infra.gcc.teams.microsoft.com/teams', 'https://smba.infra.gov.teams.microsoft.us/teams', 'https://webchat.botframework.com/']) expect(isBotServiceUrl(ok), ok).toBe(true);
    for (const bad of ['http://smba.trafficmanager.net/amer/', 'https://smba.trafficmanager.net.evil.com/', 'https://evil.com/?x=smba.trafficmanager.net', 'https://user:pw@smba.trafficmanager.net/', 'https://smba.trafficmanager.net:8443/', 'http://localhost:56150', 'https://127.0.0.1/', 'x', undefined]) expect(isBotServiceUrl(bad), String(bad)).toBe(false);
  });
});

describe('stored conversation references (issue 13, item 1)', () => {
  /** The real bot on a TestAdapter; `authenticated` puts on each turn the ClaimsIdentity CloudAdapter gives a turn whose token it validated. */
  async function bot(env: Record<string, string>, authenticated: boolean) {
    const store = await seededStore();
    const { bot } = createApp({ store, clock: fixedClock('2026-11-23T15:00:00.000Z'), config: loadConfig(env), log: silentLog });
    const adapter = new TestAdapter(async (context) => {
      if (authenticated) context.turnState.set(context.adapter.BotIdentityKey, { isAuthenticated: true, authenticationType: 'https://api.botframework.com', claims: [] });
      await bot.run(context);
    });
    const person = (await store.getPerson('enlace-al-usaquen'))!;
    const say = (serviceUrl: string) => adapter.processActivity({ ...activity(serviceUrl), from: { id: '29:x', name: person.name, aadObjectId: person.aadObjectId } } as Partial<Activity>);
    return { stored: () => store.getConversationReference(person.id), say };
  }
  const TEAMS = 'https://smba.trafficmanager.net/amer/';

  it('with the bot’s credentials, are never taken from a turn nobody authenticated', async () => {
    const b = await bot({ MicrosoftAppId: PROD.MicrosoftAppId, MicrosoftAppPassword: 'x' }, false);
    await b.say(TEAMS);
    expect(await b.stored()).toBeNull();
  });

  it('are taken from an authenticated turn', async () => {
    const b = await bot({ MicrosoftAppId: PROD.MicrosoftAppId, MicrosoftAppPassword: 'x' }, true);
    await b.say(TEAMS);
    expect(await b.stored()).toMatchObject({ serviceUrl: TEAMS });
  });

  it('in production, never from a turn naming another service address, authenticated or not', async () => {
    const b = await bot(PROD, true);
    await b.say('https://attacker.example.com/');
    expect(await b.stored()).toBeNull();
    await b.say(TEAMS);
    expect(await b.stored()).toMatchObject({ serviceUrl: TEAMS });
  });

  it('locally (anonymous mode, no credentials) every turn counts, as the Agents Playground needs', async () => {
    const b = await bot({}, false);
    await b.say('http://localhost:56150');
    expect(await b.stored()).toMatchObject({ serviceUrl: 'http://localhost:56150' });
  });
});
