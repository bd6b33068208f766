import { describe, expect, it } from 'vitest';
import type { MeResponse, PlenariasResponse, ProposalsResponse, ProposalView } from '@okr/core';
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
    // Anyone else is refused, without a word of any proposal.
    for (const who of ['miembro-al-usaquen', 'eti-1', 'enlace-oac']) {
      expect(await call('/api/proposals', who)).toMatchObject({ status: 403, body: { message: 'Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta pueden verla o actualizarla.' } });
      expect(JSON.stringify((await call('/api/proposals', who)).body)).not.toMatch(/pl-dialogo|propuesta de|trabajo en casa/i);
    }
  });

  it('/api/me offers the «Propuestas» view to exactly those the list answers: the OAP (its head too), the Despacho, who takes one', async () => {
    const { call } = await startApi();
    const proposalsOf = async (who: string) => ((await call('/api/me', who)).body as MeResponse).proposals;
    // The head of the OAP is a líder of the office, without an entity-wide role.
    const head = (await call('/api/me', 'lider-oap')).body as MeResponse;
    expect(head.roles.map((r) => r.role)).not.toContain('oap');
    expect(head.proposals).toBe('all');
    for (const who of ['oap-1', 'oap-2', 'lider-despacho', 'miembro-oap', 'enlace-despacho']) expect(await proposalsOf(who)).toBe('all');
    expect(await proposalsOf('lider-dgth')).toBe('own');
    for (const who of ['miembro-al-usaquen', 'eti-1', 'coach-1', 'enlace-oac']) expect(await proposalsOf(who)).toBeUndefined();
    // And the list agrees with each.
    for (const who of ['lider-oap', 'oap-1', 'lider-despacho', 'miembro-oap', 'enlace-despacho', 'lider-dgth', 'miembro-al-usaquen', 'eti-1', 'coach-1', 'enlace-oac']) {
      const [me, list] = await Promise.all([proposalsOf(who), call('/api/proposals', who)]);
      expect([who, list.status, me && (list.body as ProposalsResponse).coordinator]).toEqual([who, me ? 200 : 403, me ? me === 'all' : undefined]);
    }
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
