import { describe, expect, it } from 'vitest';
import { DATA_AGE_HEADER } from '@okr/core';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fakeSharePoint } from '../store/sharepoint/fake/harness.js';
import { startApi } from '../testing/apiServer.js';
import { TEST_NOW } from '../testing/harness.js';

const UNIT = 'al-usaquen';
const AS = `enlace-${UNIT}`;

/** A GET as the enlace (the answer's headers are what is looked at). */
const get = (base: string, path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { 'x-dev-person-id': AS, ...headers } });

/** The API on the SharePoint store over the Graph fake, with the read cache as the server runs it and its time in our hands. */
async function cachedApi() {
  let ms = 0;
  const h = fakeSharePoint({ now: () => new Date(TEST_NOW), cache: { maxAgeMs: 5_000, now: () => ms } });
  await h.store.seed(buildDemoSeed(TEST_NOW.slice(0, 10)));
  const api = await startApi(true, { store: h.store });
  /** The tab's first screen: who I am and my unit's tree, with the age each answer says. */
  const open = async () => {
    const answers = await Promise.all([get(api.base, '/api/me'), get(api.base, `/api/units/${UNIT}/tree?quarter=2026-Q4`)]);
    return answers.map((a) => ({ status: a.status, age: a.headers.get(DATA_AGE_HEADER) }));
  };
  return { ...h, api, open, later: (by: number) => (ms += by) };
}

describe('X-Data-Age: how old the data of an answer is', () => {
  it('is 0 on the embedded store', async () => {
    const { base } = await startApi();
    const res = await get(base, '/api/me');
    expect(res.status).toBe(200);
    expect(res.headers.get(DATA_AGE_HEADER)).toBe('0');
  });

  it('says how old the cached data is while Graph cannot be reached, and 0 again once it answers', async () => {
    const h = await cachedApi();
    expect(await h.open()).toEqual([
      { status: 200, age: '0' },
      { status: 200, age: '0' },
    ]);
    h.later(125_000);
    h.fake.unreachable = true;
    expect(await h.open()).toEqual([
      { status: 200, age: '125' },
      { status: 200, age: '125' },
    ]);
    h.fake.unreachable = false;
    h.later(1_000);
    expect(await h.open()).toEqual([
      { status: 200, age: '0' },
      { status: 200, age: '0' },
    ]);
  });

  it('says it while SharePoint throttles (429) past the retries, on a 304 too', async () => {
    const h = await cachedApi();
    await h.open();
    h.later(61_000);
    for (let i = 0; i < 1_000; i++) h.fake.inject({ kind: 'status', status: 429, urlIncludes: 'items/delta', retryAfter: 2 });
    const [me] = await h.open();
    expect(me).toEqual({ status: 200, age: '61' });
    // The browser asks again with the tag it holds: the 304 says the age of now (the kept answer's header is replaced by it).
    const tag = (await get(h.api.base, '/api/me')).headers.get('etag')!;
    const again = await get(h.api.base, '/api/me', { 'if-none-match': tag });
    expect([again.status, again.headers.get(DATA_AGE_HEADER)]).toEqual([304, '61']);
  });
});

describe('an API request on an idle server (store/freshness.ts)', () => {
  it('checks the lists its route read last time in one request, and answers as before', async () => {
    const h = await cachedApi();
    const tree = `/api/units/${UNIT}/tree?quarter=2026-Q4`;
    const first = await (await get(h.api.base, tree)).json();
    h.later(6_000);
    await get(h.api.base, tree);
    // Two minutes with nothing read: no list is in use any more.
    h.later(120_000);
    h.fake.resetStats();
    const idle = await get(h.api.base, tree);
    expect(idle.status).toBe(200);
    expect(await idle.json()).toEqual(first);
    expect(h.fake.stats.requests).toBe(1);
    // Only deltas (1 RU each with a token): nothing read again.
    expect(h.fake.stats.ru).toBe(h.fake.stats.innerRequests);
  });
});
