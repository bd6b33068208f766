import { describe, expect, it } from 'vitest';
import type { ActaView, OapActasResponse, Plenaria, PlenariaChangeResponse, PlenariasResponse, ScheduleResponse } from '@okr/core';
import { startApi } from '../testing/apiServer.js';
import { cardText } from '../testing/harness.js';
import { planReminders } from '../jobs/reminderPlan.js';

const json = (body: unknown, method = 'POST'): RequestInit => ({ method, body: JSON.stringify(body) });
const menor = (over: Record<string, unknown> = {}) => ({
  kind: 'menor',
  unitId: 'al-usaquen',
  date: '2026-11-26',
  startTime: '09:00',
  modality: 'presencial',
  location: 'Salón comunal Verbenal',
  presidingId: 'lider-al-usaquen',
  secretaryId: 'enlace-al-usaquen',
  ...over,
});
const E = 'enlace-al-usaquen';

/** A plenaria stored before dates were checked: its date does not exist. */
const broken: Plenaria = { id: 'pl-al-usaquen-roto', kind: 'menor', unitId: 'al-usaquen', date: '2026-11-31', startTime: '09:00', modality: 'presencial', location: 'Sala', presidingId: 'lider-al-usaquen', secretaryId: E, createdBy: E, createdAt: '2026-11-01T15:00:00.000Z' };

describe('impossible dates are refused at every edge, nothing stored (issue 13, item 2)', () => {
  it('POST /api/plenarias with a date that does not exist answers 422 in Spanish and stores neither the plenaria nor its audit entry', async () => {
    const { call, store } = await startApi();
    const before = (await store.listPlenarias({ unitId: 'al-usaquen' })).length;
    for (const date of ['2026-11-31', '2026-02-30', '2026-04-31', '0000-01-01', '2026-1-5']) {
      const r = await call('/api/plenarias', E, json(menor({ date })));
      expect(r.status, date).toBe(422);
      expect(r.body.message, date).toMatch(date === '2026-1-5' ? /no es una fecha/ : date.startsWith('0000') ? /fuera del rango admitido/ : new RegExp(`La fecha ${date} no existe en el calendario`));
    }
    expect(await store.listPlenarias({ unitId: 'al-usaquen' })).toHaveLength(before);
    expect((await store.listAudit({ entity: 'plenaria' })).filter((e) => e.actorId === E && e.action === 'create')).toEqual([]);
  });

  it('a commitment due on a day that does not exist is refused and the acta is not saved', async () => {
    const { call } = await startApi();
    const { plenaria } = (await call('/api/plenarias', E, json(menor()))).body as ScheduleResponse;
    const id = plenaria.plenaria.id;
    const started = (await call(`/api/plenarias/${id}/acta`, E, json({}))).body as ActaView;
    const draft = { ...started.acta!.draft, commitments: [{ id: 'c1', task: 'Publicar el tablero', ownerId: E, due: '2027-02-30' }] };
    const r = await call(`/api/plenarias/${id}/acta`, E, json({ documentVersion: 1, version: started.acta!.version, draft }, 'PUT'));
    expect(r.status).toBe(422);
    expect(r.body.message).toMatch(/«draft\.commitments\.0\.due»: La fecha 2027-02-30 no existe en el calendario/);
    expect(((await call(`/api/plenarias/${id}/acta`, E)).body as ActaView).acta!.version).toBe(started.acta!.version);
  });

  it('query parameters and card submissions go through the same schemas', async () => {
    const { call } = await startApi();
    expect(await call('/api/plenarias?quarter=1999-Q1', E)).toMatchObject({ status: 422, body: { message: '«1999-Q1» no es un trimestre válido (use el formato 2026-Q4).' } });
    expect(await call('/api/units/al-usaquen/check-ins', E, json({ period: '2026-13', checkIns: [{ keyResultId: 'x', value: 1, comment: 'c', evidenceUrl: 'https://a.b/c' }] }))).toMatchObject({
      status: 422,
      body: { message: expect.stringContaining('«2026-13» no es un mes válido') },
    });
  });
});

describe('one bad row never takes down a list or the reminder run (issue 13, item 2)', () => {
  it('lists the rest, and names the unreadable plenaria apart with the way out; the OAP list, the acta and the reminder plan answer', async () => {
    const { call, store } = await startApi();
    await store.createPlenaria(broken, E);
    const list = await call('/api/plenarias?quarter=2026-Q4', E);
    expect(list.status).toBe(200);
    const body = list.body as PlenariasResponse;
    expect(body.plenarias.map((p) => p.plenaria.id)).not.toContain(broken.id);
    expect(body.plenarias.length).toBeGreaterThan(0);
    expect(body.unreadable).toEqual([expect.objectContaining({ plenaria: expect.objectContaining({ id: broken.id }), problem: 'La fecha guardada «2026-11-31» no existe en el calendario: reprograma o cancela esta plenaria.', canChange: true })]);
    expect((await call('/api/plenarias?quarter=2026-Q4', 'miembro-al-usaquen')).body.unreadable[0].canChange).toBe(false);

    const oap = await call('/api/oap/actas?quarter=2026-Q4', 'oap-1');
    expect(oap.status).toBe(200);
    expect((oap.body as OapActasResponse).rows.map((r) => r.plenariaId)).not.toContain(broken.id);
    expect((await call(`/api/plenarias/${broken.id}/acta`, E)).status).toBe(200);

    // 2026-11-23 is a Monday: the weekly digests are planned, the broken plenaria left out.
    const plan = await planReminders(store, new Date('2026-11-23T15:00:00.000Z'));
    expect(plan.reminders.length).toBeGreaterThan(0);
  });

  it('the broken plenaria is rescheduled to a real date and comes back to the list', async () => {
    const { call, store, proactive } = await startApi();
    await store.createPlenaria(broken, E);
    const r = await call(`/api/plenarias/${broken.id}/reschedule`, E, json({ date: '2026-11-30', startTime: '10:00', modality: 'presencial', location: 'Sala', reason: 'La fecha guardada no existía' }));
    expect(r.status).toBe(200);
    const moved = r.body as PlenariaChangeResponse;
    expect(moved.plenaria.plenaria).toMatchObject({ date: '2026-11-30', startTime: '10:00', rescheduled: { by: E, reason: 'La fecha guardada no existía', fromDate: '2026-11-31', fromStartTime: '09:00' } });
    expect(moved.plenaria.acta.deadline).toBe('2026-12-11');
    const list = (await call('/api/plenarias?quarter=2026-Q4', E)).body as PlenariasResponse;
    expect(list.unreadable).toEqual([]);
    expect(list.plenarias.map((p) => p.plenaria.id)).toContain(broken.id);
    // Who presides was told (the enlace moved it: not told about their own move).
    expect(moved.notified).toContain((await store.getPerson('lider-al-usaquen'))!.name);
    const toLider = proactive.sent.find((s) => s.personId === 'lider-al-usaquen')!;
    expect(cardText(toLider.card)).toMatch(/Plenaria reprogramada[\s\S]*del 2026-11-31 a las 9:00 a\. m\. al lunes, 30 de noviembre de 2026 a las 10:00 a\. m\.[\s\S]*La fecha guardada no existía/);
    expect(proactive.sent.some((s) => s.personId === E)).toBe(false);
  });
});

describe('plenarias rescheduled and cancelled, with a reason in the audit trail (issue 13, item 2)', () => {
  it('the acta follows the move: its time and OKR results at the new date, a signature given is withdrawn; history and audit keep why', async () => {
    const { call, store } = await startApi();
    const { plenaria } = (await call('/api/plenarias', E, json(menor({ date: '2026-11-20' })))).body as ScheduleResponse;
    const id = plenaria.plenaria.id;
    const started = (await call(`/api/plenarias/${id}/acta`, E, json({}))).body as ActaView;
    const ready = { ...started.acta!.draft, development: 'Se revisó el avance.', feedback: 'Buen ritmo.' };
    const saved = (await call(`/api/plenarias/${id}/acta`, E, json({ documentVersion: 1, version: started.acta!.version, draft: ready }, 'PUT'))).body as ActaView;
    const signedOnce = (await call(`/api/plenarias/${id}/acta/sign`, E, json({ documentVersion: 1, version: saved.acta!.version, part: 'secretary' }))).body as ActaView;
    expect(signedOnce.acta!.signatures.secretary).not.toBeNull();

    const r = await call(`/api/plenarias/${id}/reschedule`, 'lider-al-usaquen', json({ date: '2027-01-12', startTime: '10:30', modality: 'virtual', location: 'https://teams.microsoft.com/l/meetup-join/abc', reason: 'Cruce con el consejo local de gobierno' }));
    expect(r.status).toBe(200);
    const acta = ((await call(`/api/plenarias/${id}/acta`, E)).body as ActaView);
    expect(acta.plenaria).toMatchObject({ date: '2027-01-12', startTime: '10:30', modality: 'virtual' });
    expect(acta.acta!.draft).toMatchObject({ startTime: '10:30', endTime: '12:30', development: 'Se revisó el avance.' });
    expect(acta.acta!.signatures).toEqual({ secretary: null, presiding: null });
    expect(acta.history.map((h) => h.action)).toContain('Reprogramó la plenaria');
    // It moved to the next quarter, and its acta with it.
    expect((await store.listActas({ quarters: ['2027-Q1'] })).map((a) => a.plenariaId)).toContain(id);
    const audit = await store.listAudit({ entity: 'plenaria', entityId: id });
    expect(audit.map((e) => (e.after as { reason?: string }).reason)).toContain('Cruce con el consejo local de gobierno');
  });

  it('a cancelled plenaria keeps its reason, closes its acta, and no longer counts as the unit’s plenaria menor', async () => {
    const { call, store } = await startApi();
    const { plenaria } = (await call('/api/plenarias', E, json(menor({ kind: 'menor', unitId: 'al-usaquen', date: '2026-12-15' })))).body as ScheduleResponse;
    const id = plenaria.plenaria.id;
    const started = (await call(`/api/plenarias/${id}/acta`, E, json({}))).body as ActaView;
    expect((await call(`/api/plenarias/${id}/cancel`, E, json({ reason: '  ' }))).body.message).toMatch(/Escribe el motivo/);
    expect((await call(`/api/plenarias/${id}/cancel`, 'miembro-al-usaquen', json({ reason: 'x' }))).status).toBe(403);
    const r = await call(`/api/plenarias/${id}/cancel`, 'lider-al-usaquen', json({ reason: 'Emergencia invernal en la localidad' }));
    expect(r.status).toBe(200);
    expect((r.body as PlenariaChangeResponse).plenaria).toMatchObject({ plenaria: { cancelled: { by: 'lider-al-usaquen', reason: 'Emergencia invernal en la localidad' } }, canEdit: false, canChange: false });
    const save = await call(`/api/plenarias/${id}/acta`, E, json({ documentVersion: 1, version: started.acta!.version, draft: started.acta!.draft }, 'PUT'));
    expect(save).toMatchObject({ status: 409, body: { message: expect.stringMatching(/está cancelada \(motivo: Emergencia invernal/) } });
    expect((await call(`/api/plenarias/${id}/reschedule`, E, json({ date: '2026-12-16', startTime: '09:00', modality: 'presencial', location: 'Sala', reason: 'x' }))).status).toBe(409);
    const audit = await store.listAudit({ entity: 'plenaria', entityId: id });
    expect(audit.some((e) => (e.after as { action?: string; reason?: string }).action === 'cancel' && (e.after as { reason?: string }).reason === 'Emergencia invernal en la localidad')).toBe(true);
  });

  it('a plenaria whose acta is signed by both is not moved: the acta is corrected instead', async () => {
    const { call } = await startApi();
    const list = (await call('/api/plenarias?quarter=2026-Q3', E)).body as PlenariasResponse;
    const held = list.plenarias.find((p) => p.plenaria.unitId === 'al-usaquen' && p.acta.state === 'signed')!;
    expect(held.canChange).toBe(false);
    const r = await call(`/api/plenarias/${held.plenaria.id}/reschedule`, E, json({ date: '2026-09-30', startTime: '09:00', modality: 'presencial', location: 'Sala', reason: 'x' }));
    expect(r).toMatchObject({ status: 409, body: { message: expect.stringMatching(/ya está firmada por ambas partes/) } });
  });
});

describe('scheduling rules the API used to let through (issue 13, item 13)', () => {
  it('who presides must be the unit’s líder (the Secretario/a for the entity’s plenaria mayor and dialogues)', async () => {
    const { call } = await startApi();
    const member = await call('/api/plenarias', E, json(menor({ presidingId: 'miembro-al-usaquen' })));
    expect(member).toMatchObject({ status: 422, body: { message: expect.stringMatching(/no puede presidir: la plenaria menor de Alcaldía Local de Usaquén la preside su líder/) } });
    const otherUnit = await call('/api/plenarias', E, json(menor({ presidingId: 'lider-al-usme' })));
    expect(otherUnit.status).toBe(422);
    const dialogue = await call('/api/plenarias', 'oap-1', json(menor({ kind: 'dialogo', unitId: null, presidingId: 'lider-al-usaquen', secretaryId: 'eti-2' })));
    expect(dialogue).toMatchObject({ status: 422, body: { message: expect.stringMatching(/las preside el Secretario\/a/) } });
    expect((await call('/api/plenarias', 'oap-1', json(menor({ kind: 'dialogo', unitId: null, presidingId: 'lider-despacho', secretaryId: 'eti-2' })))).status).toBe(200);
  });

  it('an alcaldía’s enlace cannot schedule a plenaria mayor', async () => {
    const { call } = await startApi();
    const r = await call('/api/plenarias', E, json(menor({ kind: 'mayor' })));
    expect(r.status).toBe(403);
  });

  it('five identical requests at once schedule one plenaria; another at the same slot is refused', async () => {
    const { call, store } = await startApi();
    const before = (await store.listPlenarias({ unitId: 'al-usaquen' })).length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('/api/plenarias', E, json(menor()))));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => (a.body as ScheduleResponse).plenaria.plenaria.id)).size).toBe(1);
    expect(answers.filter((a) => (a.body as ScheduleResponse).existing)).toHaveLength(4);
    expect(await store.listPlenarias({ unitId: 'al-usaquen' })).toHaveLength(before + 1);
    const clash = await call('/api/plenarias', E, json(menor({ location: 'Otra sala' })));
    expect(clash).toMatchObject({ status: 409, body: { message: 'Ya hay otra plenaria de esta dependencia programada el 26 de noviembre de 2026 a las 9:00 a. m.' } });
  });
});

describe('card submissions go through the shared date schemas (issue 13, item 2)', () => {
  it('a check-in card whose month does not exist saves nothing and says why', async () => {
    const { botHarness } = await import('../testing/harness.js');
    const h = await botHarness();
    const card = await h.execute(E, 'checkin.submit', { unitId: 'al-usaquen', period: '2026-13' });
    expect(cardText(card)).toContain('«2026-13» no es un mes válido');
    const snooze = await h.execute(E, 'reminder.snooze', { kind: 'checkin_window', personId: E, subject: 'al-usaquen', period: '0000-01', step: 0 });
    expect(cardText(snooze)).toMatch(/ya no está vigente/);
  });
});
