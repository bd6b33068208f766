import { describe, expect, it } from 'vitest';
import { ApiRequestError, createHttp, fileNameFromDisposition } from './http.js';
import { MODULE_CLIENTS, createApiClient } from './index.js';

function jsonRecorder(status: number, body: unknown) {
  const calls: Array<{ url: string; method: string; body: unknown; headers: Record<string, string> }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, method: init.method ?? 'GET', body: init.body === undefined ? undefined : JSON.parse(String(init.body)), headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

function recorder(status: number, body: unknown) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, headers: init.headers as Record<string, string> });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('api client', () => {
  it('is every module’s client, none hiding a method of another', () => {
    const http = createHttp({ kind: 'none' });
    const methods = MODULE_CLIENTS.flatMap((client) => Object.keys(client(http)));
    expect(Object.keys(createApiClient({ kind: 'none' })).sort()).toEqual(methods.sort());
    expect(new Set(methods).size).toBe(methods.length);
  });


  it('names the development identity in x-dev-person-id and asks for a unit quarter', async () => {
    const { calls, fetchImpl } = recorder(200, { ok: true });
    const api = createApiClient({ kind: 'dev', personId: 'enlace-al-usaquen' }, fetchImpl);
    await api.tree('al-usaquen', '2026-Q4');
    expect(calls[0]).toEqual({
      url: '/api/units/al-usaquen/tree?quarter=2026-Q4',
      headers: { accept: 'application/json', 'x-dev-person-id': 'enlace-al-usaquen' },
    });
  });

  it('lets a view take a GET started ahead of it for the same person, once; anyone else asks for their own', async () => {
    const { calls, fetchImpl } = recorder(200, { unit: 'al-usaquen' });
    const ana = { kind: 'dev', personId: 'ana-preload' } as const;
    void createApiClient(ana, fetchImpl, { preload: true }).tree('al-usaquen', '2026-Q4');
    const view = createApiClient(ana, fetchImpl);
    expect(await view.tree('al-usaquen', '2026-Q4')).toEqual({ unit: 'al-usaquen' });
    expect(calls).toHaveLength(1);
    // Taken once: asking again goes to the server.
    await view.tree('al-usaquen', '2026-Q4');
    expect(calls).toHaveLength(2);
    void createApiClient(ana, fetchImpl, { preload: true }).tree('al-suba', '2026-Q4');
    await createApiClient({ kind: 'dev', personId: 'beto-preload' }, fetchImpl).tree('al-suba', '2026-Q4');
    expect(calls.map((c) => c.headers['x-dev-person-id'])).toEqual(['ana-preload', 'ana-preload', 'ana-preload', 'beto-preload']);
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

describe('api client: OKR and formulation', () => {
  it('calls each route with its method and body', async () => {
    const { calls, fetchImpl } = jsonRecorder(200, {});
    const api = createApiClient({ kind: 'dev', personId: 'enlace-al-usaquen' }, fetchImpl);
    const draft = { keyResultId: 'kr-1', value: '45', comment: 'Avance del mes', evidenceUrl: 'https://x.sharepoint.com/e' };
    await api.checkIn('al-usaquen', '2026-11', draft as never);
    await api.dashboard('2026-Q4');
    await api.setView('al-usaquen', '2027-Q1');
    await api.saveDraft('al-usaquen', '2027-Q1', 3, { objectives: [] } as never);
    await api.reformulate('al-usaquen', '2027-Q1', '2026-Q4');
    await api.act('set/1', 'submit', 4);
    await api.institutionalObjectives();
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/units/al-usaquen/check-ins',
      'GET /api/dashboard?quarter=2026-Q4',
      'GET /api/units/al-usaquen/sets/2027-Q1',
      'PUT /api/units/al-usaquen/sets/2027-Q1',
      'POST /api/units/al-usaquen/sets/2027-Q1/reformulate',
      'POST /api/sets/set%2F1/actions',
      'GET /api/institutional-objectives',
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      { period: '2026-11', checkIns: [draft] },
      undefined,
      undefined,
      { expectedVersion: 3, content: { objectives: [] } },
      { from: '2026-Q4' },
      { action: 'submit', version: 4, comment: null },
      undefined,
    ]);
  });
});

describe('api client: plenarias, actas, commitments and recognitions', () => {
  it('calls each route with its method and body', async () => {
    const { calls, fetchImpl } = jsonRecorder(200, {});
    const api = createApiClient({ kind: 'dev', personId: 'enlace-al-usaquen' }, fetchImpl);
    await api.plenarias('2026-Q4');
    await api.schedulePlenaria({ kind: 'menor', unitId: 'al-usaquen', date: '2026-11-20', startTime: '09:00', modality: 'presencial', location: 'Sala 3', presidingId: 'a', secretaryId: 'b' });
    await api.acta('pl 1');
    await api.startActa('pl-1');
    await api.saveActa('pl-1', { documentVersion: 1, version: 3, draft: { objective: 'x' } as never });
    await api.refreshActaResults('pl-1', 1, 4);
    await api.requestSignatures('pl-1', 1, 5);
    await api.signActa('pl-1', 1, 6, 'presiding');
    await api.correctActa('pl-1', 1, 'Faltaba un compromiso');
    await api.sendActaToOap('pl-1', 2);
    await api.oapActas('2026-Q4');
    await api.commitments({ scope: 'mine' });
    await api.commitments({ unitId: 'al-suba' });
    await api.updateCommitment('pl-1:c-1', { version: 2, status: 'cumplido', impact: 'Se redujo el rezago.' });
    await api.recognitions('al-suba');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'GET /api/plenarias?quarter=2026-Q4',
      'POST /api/plenarias',
      'GET /api/plenarias/pl%201/acta',
      'POST /api/plenarias/pl-1/acta',
      'PUT /api/plenarias/pl-1/acta',
      'POST /api/plenarias/pl-1/acta/snapshot',
      'POST /api/plenarias/pl-1/acta/request-signatures',
      'POST /api/plenarias/pl-1/acta/sign',
      'POST /api/plenarias/pl-1/acta/correct',
      'POST /api/plenarias/pl-1/acta/send-oap',
      'GET /api/oap/actas?quarter=2026-Q4',
      'GET /api/commitments?scope=mine',
      'GET /api/commitments?unitId=al-suba',
      'POST /api/commitments/pl-1%3Ac-1',
      'GET /api/units/al-suba/recognitions',
    ]);
    expect(calls.map((c) => c.body)).toEqual([
      undefined,
      { kind: 'menor', unitId: 'al-usaquen', date: '2026-11-20', startTime: '09:00', modality: 'presencial', location: 'Sala 3', presidingId: 'a', secretaryId: 'b' },
      undefined,
      {},
      { documentVersion: 1, version: 3, draft: { objective: 'x' } },
      { documentVersion: 1, version: 4 },
      { documentVersion: 1, version: 5 },
      { documentVersion: 1, version: 6, part: 'presiding' },
      { documentVersion: 1, reason: 'Faltaba un compromiso' },
      { documentVersion: 2 },
      undefined,
      undefined,
      undefined,
      { version: 2, status: 'cumplido', impact: 'Se redujo el rezago.' },
      undefined,
    ]);
    expect(calls.every((c) => c.headers['x-dev-person-id'] === 'enlace-al-usaquen')).toBe(true);
  });

  it('turns a stale save (409) into a conflict with the server’s Spanish message', async () => {
    const { fetchImpl } = jsonRecorder(409, { code: 'conflict', message: 'Otra persona guardó el acta mientras la editabas.' });
    const error = await createApiClient({ kind: 'none' }, fetchImpl).saveActa('pl-1', { documentVersion: 1, version: 1, draft: {} as never }).catch((e) => e);
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'Otra persona guardó el acta mientras la editabas.' });
  });

  it('downloads the .docx with the identity in a header and the file name of Content-Disposition', async () => {
    const calls: Array<{ url: string; headers: Record<string, string> }> = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, headers: init.headers as Record<string, string> });
      return new Response(new Uint8Array([80, 75, 3, 4]), {
        status: 200,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'content-disposition': `attachment; filename="acta.docx"; filename*=UTF-8''GDI-GPD-F029_al-usaquen_v1%20(borrador).docx` },
      });
    }) as unknown as typeof fetch;
    const file = await createApiClient({ kind: 'dev', personId: 'enlace-al-usaquen' }, fetchImpl).downloadActa('pl-1', 2);
    expect(calls[0]!.url).toBe('/api/plenarias/pl-1/acta/docx?documentVersion=2');
    expect(calls[0]!.headers['x-dev-person-id']).toBe('enlace-al-usaquen');
    expect(calls[0]!.headers.accept).toContain('wordprocessingml');
    expect(file.fileName).toBe('GDI-GPD-F029_al-usaquen_v1 (borrador).docx');
    expect(file.blob.size).toBe(4);
  });

  it('reports a refused download in Spanish', async () => {
    const { fetchImpl } = jsonRecorder(403, { code: 'forbidden', message: 'No puedes ver esta acta.' });
    await expect(createApiClient({ kind: 'none' }, fetchImpl).downloadActa('pl-1', 1)).rejects.toMatchObject({ status: 403, message: 'No puedes ver esta acta.' });
  });

  it('reads the file name of a Content-Disposition header', () => {
    expect(fileNameFromDisposition('attachment; filename="acta v1.docx"', 'x.docx')).toBe('acta v1.docx');
    expect(fileNameFromDisposition('attachment; filename=acta.docx', 'x.docx')).toBe('acta.docx');
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''Acta%20Usaqu%C3%A9n.docx`, 'x.docx')).toBe('Acta Usaquén.docx');
    expect(fileNameFromDisposition(null, 'x.docx')).toBe('x.docx');
  });
});
