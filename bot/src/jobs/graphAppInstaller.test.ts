import { describe, expect, it } from 'vitest';
import type { Person } from '@okr/core';
import { GraphAppInstaller } from './graphAppInstaller.js';

const person: Person = { id: 'enlace-al-usaquen', aadObjectId: '00000000-0000-4000-8000-000000000001', name: 'Ana', email: 'ana@x.gov.co', jobTitle: '' };

function fakeGraph(status: number, headers: Record<string, string> = {}) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 201 ? null : JSON.stringify({ error: { code: 'x' } }), { status, headers });
  }) as unknown as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('GraphAppInstaller', () => {
  it('installs the app in the person’s personal scope with the catalog id and an app token', async () => {
    const graph = fakeGraph(201);
    const installer = new GraphAppInstaller({ token: async () => 'tok', teamsAppCatalogId: 'cat-123', fetch: graph.fetch });
    expect(await installer.install(person)).toBe('installed');
    const [call] = graph.calls;
    expect(call!.url).toBe('https://graph.microsoft.com/v1.0/users/00000000-0000-4000-8000-000000000001/teamwork/installedApps');
    expect(call!.init.method).toBe('POST');
    expect((call!.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(call!.init.body as string)).toEqual({ 'teamsApp@odata.bind': 'https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/cat-123' });
  });

  it('treats 409 as already installed and reports throttling with its Retry-After', async () => {
    expect(await new GraphAppInstaller({ token: async () => 't', teamsAppCatalogId: 'c', fetch: fakeGraph(409).fetch }).install(person)).toBe('already_installed');
    await expect(new GraphAppInstaller({ token: async () => 't', teamsAppCatalogId: 'c', fetch: fakeGraph(429, { 'retry-after': '5' }).fetch }).install(person)).rejects.toMatchObject({
      status: 429,
      retryAfterMs: 5000,
    });
    await expect(new GraphAppInstaller({ token: async () => 't', teamsAppCatalogId: 'c', fetch: fakeGraph(403).fetch }).install(person)).rejects.toThrow('Graph 403');
  });
});
