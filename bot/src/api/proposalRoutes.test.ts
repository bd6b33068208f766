import { describe, expect, it } from 'vitest';
import type { PlenariasResponse, ProposalsResponse, ProposalView } from '@okr/core';
import { startApi } from '../testing/apiServer.js';

const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('proposals API (issue 14, item 16)', () => {
  it('shows the OAP and the Despacho every proposal across sessions; anyone else only those they take', async () => {
    const { call } = await startApi();
    for (const who of ['oap-1', 'lider-despacho', 'lider-oap']) {
      const res = await call('/api/proposals', who);
      expect(res.status).toBe(200);
      const body = res.body as ProposalsResponse;
      expect(body.coordinator).toBe(true);
      expect(body.sessions.map((s) => s.plenariaId)).toEqual(['pl-dialogo-2026-11', 'pl-dialogo-2026-10', 'pl-dialogo-2026-09']);
      expect(body.proposals.length).toBe(10);
      expect(body.proposals.every((p) => p.canAssign && p.canUpdate)).toBe(true);
    }
    const dgth = (await call('/api/proposals', 'lider-dgth')).body as ProposalsResponse;
    expect(dgth.coordinator).toBe(false);
    expect(dgth.proposals.length).toBeGreaterThan(0);
    expect(dgth.proposals.every((p) => p.responsibleId === 'lider-dgth' && p.canUpdate && !p.canAssign)).toBe(true);
    const member = (await call('/api/proposals', 'miembro-al-usaquen')).body as ProposalsResponse;
    expect(member).toEqual({ proposals: [], sessions: [], coordinator: false, people: [] });
  });

  it('assigns and follows one up; bad input is refused in Spanish and changes nothing', async () => {
    const { call, store } = await startApi();
    const unassigned = ((await call('/api/proposals', 'oap-1')).body as ProposalsResponse).proposals.find((p) => p.responsibleId === null)!;
    const path = `/api/proposals/${encodeURIComponent(unassigned.id)}`;
    expect(await call(`${path}/follow-up`, 'oap-1', json({ version: unassigned.version, status: 'en_estudio' }))).toMatchObject({ status: 422, body: { message: 'Primero la Oficina Asesora de Planeación o el Despacho deben asignar quién toma la propuesta.' } });
    const bad = await call(`${path}/follow-up`, 'oap-1', json({ version: unassigned.version, status: 'cerrada' }));
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/^La solicitud no es válida/);
    expect((await call(`${path}/assign`, 'lider-dgth', json({ version: unassigned.version, responsibleId: 'lider-dgth' })))).toMatchObject({ status: 403, body: { message: 'Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta pueden verla o actualizarla.' } });
    expect((await call(`${path}/assign`, 'oap-1', json({ version: unassigned.version, responsibleId: 'no-existe' })))).toMatchObject({ status: 422, body: { message: 'Esa persona no está en el directorio.' } });
    expect((await store.listProposals({ plenariaId: unassigned.plenariaId })).find((p) => p.id === unassigned.id)).toMatchObject({ version: unassigned.version, responsibleId: null });

    const assigned = (await call(`${path}/assign`, 'lider-despacho', json({ version: unassigned.version, responsibleId: 'lider-sgl' }))).body as ProposalView;
    expect(assigned).toMatchObject({ responsibleId: 'lider-sgl', responsibleName: 'Adriana Milena Rojas Guerrero', version: unassigned.version + 1 });
    const followed = await call(`${path}/follow-up`, 'lider-sgl', json({ version: assigned.version, status: 'en_estudio', note: 'Se arma el calendario de encuentros con las 20 alcaldías.' }));
    expect(followed.status).toBe(200);
    expect((followed.body as ProposalView).notes.at(-1)).toMatchObject({ byName: 'Adriana Milena Rojas Guerrero', text: 'Se arma el calendario de encuentros con las 20 alcaldías.' });
    // A stale version: refused.
    expect((await call(`${path}/follow-up`, 'lider-sgl', json({ version: assigned.version, status: 'adoptada' }))).status).toBe(409);
  });

  it('names the next session of the monthly series on a past dialogue session, for who schedules them only', async () => {
    const { call } = await startApi(true, { now: '2026-12-01T14:00:00.000Z' });
    const november = (who: string) => call('/api/plenarias?quarter=2026-Q4', who).then((r) => (r.body as PlenariasResponse).plenarias.find((p) => p.plenaria.id === 'pl-dialogo-2026-11'));
    const forOap = await november('oap-1');
    // The latest session of the series (17 November): one month after it, a business day, same place and people.
    const { startTime, modality, location, presidingId, secretaryId } = forOap!.plenaria;
    expect(forOap!.nextInSeries).toEqual({ kind: 'dialogo', unitId: null, date: '2026-12-17', startTime, modality, location, presidingId, secretaryId });
    const forEnlace = await november('enlace-al-usaquen');
    expect(forEnlace).toBeDefined();
    expect(forEnlace!.nextInSeries).toBeUndefined();
  });
});
