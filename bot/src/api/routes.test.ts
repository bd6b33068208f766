import { describe, expect, it } from 'vitest';
import type { MeResponse, OkrTreeView } from '@okr/core';
import { startApi } from '../testing/apiServer.js';

describe('tab REST API', () => {
  it('answers /healthz', async () => {
    const { call } = await startApi();
    expect(await call('/healthz')).toEqual({ status: 200, body: { status: 'ok', store: 'sqlite' } });
  });

  it('refuses a request with no identity, in Spanish', async () => {
    const { call } = await startApi();
    const res = await call('/api/me');
    expect(res).toMatchObject({ status: 401, body: { code: 'unauthenticated', message: 'Inicia sesión para continuar.' } });
  });

  it('ignores the development identity header when the server runs without it', async () => {
    const { call } = await startApi(false);
    expect((await call('/api/me', 'enlace-al-usaquen')).status).toBe(401);
    expect((await call('/api/dev/people')).status).toBe(404);
  });

  it('tells a member their units; tells ETI every unit', async () => {
    const { call } = await startApi();
    const me = (await call('/api/me', 'enlace-al-usaquen')).body as MeResponse;
    expect(me.person.id).toBe('enlace-al-usaquen');
    expect(me.units.map((u) => u.id)).toEqual(['al-usaquen']);
    expect(me.currentQuarter).toBe('2026-Q4');
    expect(me.currentPeriod).toBe('2026-11');
    // The quarters with data, for the quarter picker: not the ones where every unit has no set (issue 14, item 8).
    expect(me.quartersWithData).toContain('2026-Q4');
    expect(me.quartersWithData).not.toContain('2026-Q2');
    const eti = (await call('/api/me', 'eti-1')).body as MeResponse;
    expect(eti.units).toHaveLength(44);
  });

  it('lists seeded people for the development picker', async () => {
    const { call } = await startApi();
    const people = (await call('/api/dev/people')).body as Array<{ id: string; roles: Array<{ role: string; unitName: string | null }> }>;
    expect(people.find((p) => p.id === 'enlace-al-usaquen')?.roles).toEqual([{ role: 'enlace', unitName: 'Alcaldía Local de Usaquén' }]);
  });

  it('returns a unit’s OKR tree for a quarter, and refuses another unit’s member', async () => {
    const { call } = await startApi();
    const tree = (await call('/api/units/al-usaquen/tree?quarter=2026-Q4', 'miembro-al-usaquen')).body as OkrTreeView;
    expect(tree.unit.name).toBe('Alcaldía Local de Usaquén');
    expect(tree.strategic?.children).toHaveLength(3);
    expect(tree.strategic?.children.flatMap((c) => c.keyResults)).toHaveLength(9);
    const other = await call('/api/units/al-usaquen/tree', 'miembro-al-kennedy');
    expect(other).toMatchObject({ status: 403, body: { code: 'forbidden', message: 'No tienes permiso para ver esta información.' } });
    expect((await call('/api/units/no-existe/tree', 'eti-1')).status).toBe(404);
    expect(await call('/api/units/al-usaquen/tree?quarter=2026-T4', 'eti-1')).toMatchObject({ status: 422, body: { message: '«2026-T4» no es un trimestre válido (use el formato 2026-Q4).' } });
  });

  it('takes check-ins with the same validation as the card, and refuses other units', async () => {
    const { call, store } = await startApi();
    const kr = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults.find((k) => k.kind === 'percentage')!;
    const body = (value: unknown, evidenceUrl = 'https://gobiernobogota.sharepoint.com/e') =>
      JSON.stringify({ period: '2026-11', checkIns: [{ keyResultId: kr.id, value, comment: 'Avance del mes.', evidenceUrl, version: null }] });
    const bad = await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body: body(101, 'ftp://x') });
    expect(bad.status).toBe(422);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['value', 'evidenceUrl']);
    expect(bad.body.message).toContain(`«${kr.title}» — Avance: debe estar entre 0 y 100.`);
    const forbidden = await call('/api/units/al-usaquen/check-ins', 'enlace-al-kennedy', { method: 'POST', body: body(50) });
    expect(forbidden.status).toBe(403);
    expect(await store.listCheckIns('al-usaquen', ['2026-11'])).toHaveLength(0);
    const ok = await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body: body('55,5') });
    expect(ok.status).toBe(200);
    expect(ok.body.saved[0]).toMatchObject({ outcome: 'created', checkIn: { value: 55.5 } });
    const view = (ok.body.tree as OkrTreeView).strategic!.children.flatMap((c) => c.keyResults).find((k) => k.id === kr.id)!;
    expect(view.latest?.value).toBe(55.5);
    const malformed = await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body: '{"period":"noviembre"}' });
    expect(malformed).toMatchObject({ status: 422, body: { code: 'invalid', message: 'La solicitud no es válida. «period»: «noviembre» no es un mes válido (use AAAA-MM, por ejemplo 2026-11). «checkIns»: falta este dato' } });
  });

  it('20 parallel saves of the same key result and month: one is stored, 19 are refused with the current value and who wrote it (issue 13, item 5)', async () => {
    const { call, store } = await startApi();
    const kr = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults.find((k) => k.kind === 'percentage')!;
    const body = (value: number, version: number | null) => JSON.stringify({ period: '2026-11', checkIns: [{ keyResultId: kr.id, value, comment: `Avance ${value}.`, evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version }] });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => call('/api/units/al-usaquen/check-ins', i % 2 ? 'enlace-al-usaquen' : 'lider-al-usaquen', { method: 'POST', body: body(30 + i, null) })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(19);
    const [stored] = (await store.listCheckIns('al-usaquen', ['2026-11'])).filter((c) => c.keyResultId === kr.id);
    const author = (await store.getPerson(stored!.authorId))!;
    for (const r of refused) {
      expect(r.body.message).toContain(`ahora dice ${stored!.value} % (lo guardó ${author.name})`);
      expect(r.body.details.current).toEqual([expect.objectContaining({ keyResultId: kr.id, value: stored!.value, version: 1, authorId: author.id })]);
    }
    // Based on the version now stored, the edit is taken; a save without the version it was based on is refused at the edge.
    expect((await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body: body(70, 1) })).status).toBe(200);
    const unversioned = JSON.stringify({ period: '2026-11', checkIns: [{ keyResultId: kr.id, value: 71, comment: 'x', evidenceUrl: 'https://gobiernobogota.sharepoint.com/e' }] });
    expect((await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body: unversioned })).status).toBe(422);
  });

  it('answers in Spanish when the store is busy or someone else changed the data, and claims nothing was saved', async () => {
    const { call, store } = await startApi();
    const kr = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults.find((k) => k.kind === 'percentage')!;
    const body = JSON.stringify({ period: '2026-11', checkIns: [{ keyResultId: kr.id, value: 50, comment: 'Avance.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version: null }] });
    const { ConflictError, StoreUnavailableError } = await import('../store/Store.js');
    store.saveCheckIns = async () => {
      throw new StoreUnavailableError('throttled');
    };
    expect(await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body })).toMatchObject({
      status: 503,
      body: { message: 'SharePoint está ocupado en este momento y no se guardó nada. Intenta de nuevo en unos minutos.' },
    });
    store.saveCheckIns = async () => {
      throw new ConflictError('412');
    };
    expect(await call('/api/units/al-usaquen/check-ins', 'enlace-al-usaquen', { method: 'POST', body })).toMatchObject({
      status: 409,
      body: { code: 'conflict', message: 'Otra persona cambió este dato; recarga para ver la versión actual.' },
    });
  });
});
