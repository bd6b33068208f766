import { describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient } from './api.js';

function recorder(status: number, body: unknown) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('api client', () => {
  it('names the development identity in x-dev-person-id and asks for a unit quarter', async () => {
    const { calls, fetchImpl } = recorder(200, { ok: true });
    const api = createApiClient({ kind: 'dev', personId: 'enlace-al-usaquen' }, fetchImpl);
    await api.tree('al-usaquen', '2026-Q4');
    expect(calls[0]).toEqual({
      url: '/api/units/al-usaquen/tree?quarter=2026-Q4',
      headers: { accept: 'application/json', 'x-dev-person-id': 'enlace-al-usaquen' },
    });
  });

  it('sends the Teams SSO token as a bearer token', async () => {
    const { calls, fetchImpl } = recorder(200, {});
    await createApiClient({ kind: 'sso', getToken: async () => 'tok' }, fetchImpl).me();
    expect(calls[0]!.headers.authorization).toBe('Bearer tok');
  });

  it('does not send an identity to the development directory', async () => {
    const { calls, fetchImpl } = recorder(200, []);
    await createApiClient({ kind: 'dev', personId: 'x' }, fetchImpl).devPeople();
    expect(calls[0]).toEqual({ url: '/api/dev/people', headers: { accept: 'application/json' } });
  });

  it('throws the Spanish message of an ApiError body', async () => {
    const { fetchImpl } = recorder(403, { code: 'forbidden', message: 'No tienes permiso para ver esta información.' });
    const error = await createApiClient({ kind: 'dev', personId: 'x' }, fetchImpl).tree('al-kennedy', '2026-Q4').catch((e) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'No tienes permiso para ver esta información.' });
  });

  it('falls back to a Spanish message when the body is not an ApiError, and when the network fails', async () => {
    const { fetchImpl } = recorder(502, 'Bad gateway');
    await expect(createApiClient({ kind: 'none' }, fetchImpl).me()).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('Algo salió mal') });
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    await expect(createApiClient({ kind: 'none' }, offline).me()).rejects.toMatchObject({ code: 'network', message: expect.stringContaining('No pudimos comunicarnos') });
  });

  it('reports a failed Teams sign-in in Spanish without calling the server', async () => {
    const { calls, fetchImpl } = recorder(200, {});
    const api = createApiClient({ kind: 'sso', getToken: () => Promise.reject(new Error('resourceRequiresConsent')) }, fetchImpl);
    await expect(api.me()).rejects.toMatchObject({ code: 'sso', message: expect.stringContaining('Microsoft Teams') });
    expect(calls).toHaveLength(0);
  });
});
