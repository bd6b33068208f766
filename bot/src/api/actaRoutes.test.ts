import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { ActaView, OapActasResponse, PlenariasResponse, ScheduleResponse } from '@okr/core';
import { startApi } from '../testing/apiServer.js';

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });
const plenaria = (unit: string, over: Record<string, unknown> = {}) => ({
  kind: 'menor',
  unitId: unit,
  date: '2026-11-23',
  startTime: '09:00',
  modality: 'virtual',
  location: 'https://teams.microsoft.com/l/meetup-join/x',
  presidingId: `lider-${unit}`,
  secretaryId: `enlace-${unit}`,
  ...over,
});

describe('API: plenarias and actas', () => {
  it('schedules a plenaria with Spanish refusals for bad input and people outside the unit', async () => {
    const { call, store } = await startApi();
    const bad = await call('/api/plenarias', 'enlace-al-usaquen', json(plenaria('al-usaquen', { location: 'http://reunion' })));
    expect(bad).toMatchObject({ status: 422, body: { message: 'El enlace de la reunión debe empezar por https://.' } });
    const other = await call('/api/plenarias', 'enlace-al-usme', json(plenaria('al-usaquen')));
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/plenarias menores las programan el enlace o el líder/);
    expect(await store.listPlenarias({ unitId: 'al-usaquen', quarters: ['2026-Q4'] })).toEqual([]);

    const ok = await call('/api/plenarias', 'enlace-al-usaquen', json(plenaria('al-usaquen')));
    expect(ok.status).toBe(200);
    const scheduled = ok.body as ScheduleResponse;
    expect(scheduled.plenaria).toMatchObject({ unitName: 'Alcaldía Local de Usaquén', acta: { state: null, deadline: '2026-12-03', oapStatus: 'pendiente' }, canEdit: true });
    const second = (await call('/api/plenarias', 'lider-al-usaquen', json(plenaria('al-usaquen', { date: '2026-12-10' })))).body as ScheduleResponse;
    expect(second.warnings.map((w) => w.message)).toEqual(['La dependencia ya tiene una plenaria menor en este trimestre; esta queda programada también.']);
    expect(second.plenaria.plenaria.id).not.toBe(scheduled.plenaria.plenaria.id);

    const list = (await call('/api/plenarias?quarter=2026-Q4', 'enlace-al-usaquen')).body as PlenariasResponse;
    expect(list.plenarias.filter((p) => p.plenaria.unitId === 'al-usaquen')).toHaveLength(2);
    expect(list.plenarias.every((p) => p.plenaria.unitId === 'al-usaquen' || p.plenaria.unitId === null)).toBe(true);
    // An alcaldía holds no plenaria mayor of its own (issue 13, item 13).
    expect(list.canSchedule).toEqual({ menorUnitIds: ['al-usaquen'], mayorUnitIds: [], entityWide: false, validation: false });
  });

  it('writes, refuses stale or foreign edits, signs, exports and sends the acta to the OAP on time', async () => {
    const { call, store, proactive } = await startApi();
    const id = ((await call('/api/plenarias', 'enlace-al-usme', json(plenaria('al-usme')))).body as ScheduleResponse).plenaria.plenaria.id;
    const empty = (await call(`/api/plenarias/${id}/acta`, 'miembro-al-usme')).body as ActaView;
    expect(empty).toMatchObject({ acta: null, canEdit: false });
    expect((await call(`/api/plenarias/${id}/acta`, 'miembro-al-usme', json({}))).status).toBe(403);
    const started = (await call(`/api/plenarias/${id}/acta`, 'enlace-al-usme', json({}))).body as ActaView;
    expect(started.acta).toMatchObject({ documentVersion: 1, version: 1 });
    expect(started.acta!.okrResults.length).toBeGreaterThan(0);
    expect(started.missing).toContain('el desarrollo de la reunión');
    expect(started.canSign).toEqual([]);

    const draft = { ...started.acta!.draft, development: 'Se revisaron los resultados.', feedback: 'Buen ritmo de reporte.' };
    const invalid = await call(`/api/plenarias/${id}/acta`, 'enlace-al-usme', json({ documentVersion: 1, version: 1, draft: { ...draft, commitments: [{ id: 'c1', task: 'x', ownerId: 'miembro-al-usme', due: '2026-01-01' }] } }, 'PUT'));
    expect(invalid).toMatchObject({ status: 422, body: { message: 'Compromiso 1: la fecha debe ser posterior a la plenaria (2026-11-23).' } });
    const foreign = await call(`/api/plenarias/${id}/acta`, 'enlace-al-usaquen', json({ documentVersion: 1, version: 1, draft }, 'PUT'));
    expect(foreign.status).toBe(403);
    const saved = (await call(`/api/plenarias/${id}/acta`, 'enlace-al-usme', json({ documentVersion: 1, version: 1, draft }, 'PUT'))).body as ActaView;
    expect(saved.acta!.version).toBe(2);
    const stale = await call(`/api/plenarias/${id}/acta`, 'lider-al-usme', json({ documentVersion: 1, version: 1, draft: { ...draft, development: 'Otra cosa' } }, 'PUT'));
    expect(stale).toMatchObject({ status: 409, body: { message: expect.stringContaining('Otra persona guardó el acta') } });
    expect((await store.listActas({ plenariaIds: [id] }))[0]!.draft.development).toBe('Se revisaron los resultados.');

    // Signatures: the líder of Usme never opened the bot, so the tab says who could not be reached.
    const asked = (await call(`/api/plenarias/${id}/acta/request-signatures`, 'enlace-al-usme', json({ documentVersion: 1, version: 2 }))).body;
    expect(asked.sentTo).toHaveLength(1);
    expect(asked.unreachable).toHaveLength(1);
    expect(proactive.sent.map((s) => s.personId)).toEqual(['enlace-al-usme']);
    expect((await call(`/api/plenarias/${id}/acta/sign`, 'lider-al-usme', json({ documentVersion: 1, version: 2, part: 'secretary' }))).status).toBe(403);
    await call(`/api/plenarias/${id}/acta/sign`, 'enlace-al-usme', json({ documentVersion: 1, version: 2, part: 'secretary' }));
    const early = await call(`/api/plenarias/${id}/acta/send-oap`, 'enlace-al-usme', json({ documentVersion: 1 }));
    expect(early).toMatchObject({ status: 403, body: { message: 'Solo se envía a la OAP el acta firmada por quien preside y por el secretario/a.' } });
    const signed = (await call(`/api/plenarias/${id}/acta/sign`, 'lider-al-usme', json({ documentVersion: 1, version: 3, part: 'presiding' }))).body as ActaView;
    expect(signed).toMatchObject({ state: 'signed', canEdit: false, canSendToOap: true, canCorrect: true });

    const docx = await call(`/api/plenarias/${id}/acta/docx`, 'oap-1');
    expect(docx.status).toBe(200);

    const sent = (await call(`/api/plenarias/${id}/acta/send-oap`, 'enlace-al-usme', json({ documentVersion: 1 }))).body as ActaView;
    expect(sent.oap).toMatchObject({ sentOn: '2026-11-23', oapStatus: 'a_tiempo' });
    expect((await call(`/api/plenarias/${id}/acta/send-oap`, 'enlace-al-usme', json({ documentVersion: 1 }))).status).toBe(409);

    const oap = (await call('/api/oap/actas?quarter=2026-Q4', 'oap-1')).body as OapActasResponse;
    expect(oap.rows.find((r) => r.plenariaId === id)?.acta).toMatchObject({ state: 'signed', oapStatus: 'a_tiempo', sentOn: '2026-11-23' });
    expect(oap.missing.map((m) => m.unitId)).toContain('al-usaquen');
    expect((await call('/api/oap/actas?quarter=2026-Q4', 'enlace-al-usme')).status).toBe(403);

    // A correction is a new version; version 1 stays as it was.
    expect((await call(`/api/plenarias/${id}/acta/correct`, 'enlace-al-usme', json({ documentVersion: 1, reason: ' ' }))).status).toBe(422);
    const corrected = (await call(`/api/plenarias/${id}/acta/correct`, 'enlace-al-usme', json({ documentVersion: 1, reason: 'Faltó un asistente' }))).body as ActaView;
    expect(corrected).toMatchObject({ state: 'draft', canEdit: true, acta: { documentVersion: 2, correctionReason: 'Faltó un asistente' }, oap: { oapStatus: 'a_tiempo' } });
    expect(corrected.versions.map((v) => [v.documentVersion, v.state])).toEqual([[1, 'signed'], [2, 'draft']]);
    // The corrected version, once signed, goes to the OAP too; the deadline counts the first copy.
    const v2 = corrected.acta!;
    await call(`/api/plenarias/${id}/acta/sign`, 'enlace-al-usme', json({ documentVersion: 2, version: v2.version, part: 'secretary' }));
    const both = (await call(`/api/plenarias/${id}/acta/sign`, 'lider-al-usme', json({ documentVersion: 2, version: v2.version + 1, part: 'presiding' }))).body as ActaView;
    expect(both).toMatchObject({ state: 'signed', canSendToOap: true });
    const resent = (await call(`/api/plenarias/${id}/acta/send-oap`, 'enlace-al-usme', json({ documentVersion: 2 }))).body as ActaView;
    expect(resent).toMatchObject({ canSendToOap: false, acta: { sentToOap: { on: '2026-11-23' } }, oap: { sentOn: '2026-11-23', oapStatus: 'a_tiempo' } });
    expect(await store.getActaFile(id, 1)).not.toBeNull();
    expect(await store.getActaFile(id, 2)).not.toBeNull();
    expect(corrected.history.map((e) => e.action)).toEqual(expect.arrayContaining(['Comenzó el acta', 'Firmó', 'Registró el envío a la OAP', 'Abrió una corrección']));
  });

  it('downloads the stored .docx of a signed acta and a marked preview of a draft', async () => {
    const { base, store } = await startApi();
    const get = (path: string, as: string) => fetch(`${base}${path}`, { headers: { 'x-dev-person-id': as } });
    const [p] = (await store.listPlenarias({ quarters: ['2026-Q3'] })).filter((x) => x.kind === 'menor');
    const signed = (await store.listActas({ plenariaIds: [p!.id] })).at(-1)!;
    expect(signed.signatures.presiding).not.toBeNull();
    const res = await get(`/api/plenarias/${p!.id}/acta/docx`, 'oap-1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toContain(`GDI-GPD-F029_${p!.unitId}_menor_${p!.date}_v`);
    const xml = await (await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))).file('word/document.xml')!.async('string');
    expect(xml).toContain(signed.draft.objective.slice(0, 30));
    expect((await get(`/api/plenarias/${p!.id}/acta/docx`, 'enlace-al-usme')).status).toBe(p!.unitId === 'al-usme' ? 200 : 403);
  });

  it('lists commitments and recognitions, and refuses a commitment update that is stale or not yours', async () => {
    const { call, store } = await startApi();
    const [c] = (await store.listCommitments({})).filter((x) => x.unitId && (x.status === 'abierto' || x.status === 'en_curso'));
    const unit = c!.unitId!;
    const mine = (await call('/api/commitments?scope=mine', c!.ownerId)).body;
    expect(mine.commitments.map((x: { id: string }) => x.id)).toContain(c!.id);
    const ofUnit = (await call(`/api/commitments?unitId=${unit}`, `enlace-${unit}`)).body;
    expect(ofUnit.commitments.length).toBeGreaterThan(0);
    expect((await call(`/api/commitments/${encodeURIComponent(c!.id)}`, unit === 'al-usaquen' ? 'enlace-al-usme' : 'enlace-al-usaquen', json({ version: c!.version, status: 'en_curso', note: 'x' }))).status).toBe(403);
    expect((await call(`/api/commitments/${encodeURIComponent(c!.id)}`, c!.ownerId, json({ version: c!.version + 5, status: 'en_curso', note: 'x' }))).status).toBe(409);
    const done = await call(`/api/commitments/${encodeURIComponent(c!.id)}`, c!.ownerId, json({ version: c!.version, status: 'cumplido', impact: 'Se atendieron 120 solicitudes más.' }));
    expect(done).toMatchObject({ status: 200, body: { status: 'cumplido', impact: 'Se atendieron 120 solicitudes más.', overdue: false } });
    const recognitions = (await call(`/api/units/${unit}/recognitions`, `miembro-${unit}`)).body;
    expect(recognitions.length).toBeGreaterThan(0);
    expect(recognitions[0]).toMatchObject({ to: expect.any(String), reason: expect.any(String) });
    expect((await call(`/api/units/${unit}/recognitions`, unit === 'al-usaquen' ? 'miembro-al-usme' : 'miembro-al-usaquen')).status).toBe(403);
  });
});
