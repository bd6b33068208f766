import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';

describe('formulation REST API (the tab editor)', () => {
  it('reformulates, edits by version, submits, and refuses stale or foreign edits in Spanish', async () => {
    const { call } = await startApi();
    const enlace = 'enlace-al-usaquen';
    expect((await call('/api/units/al-usaquen/sets/2027-Q1', enlace)).body).toBeNull();
    expect((await call('/api/institutional-objectives', enlace)).body.map((o: { code: string }) => o.code)).toEqual(['OE1', 'OE2', 'OE3', 'OE4', 'OE5']);

    const copy = await call('/api/units/al-usaquen/sets/2027-Q1/reformulate', enlace, { method: 'POST', body: JSON.stringify({ from: '2026-Q4' }) });
    expect(copy.status).toBe(200);
    expect(copy.body.bundle.set).toMatchObject({ state: 'draft', version: 1, quarter: '2027-Q1' });
    expect(copy.body.alerts).toEqual([]);

    // The enlace edits a KR so its target equals its baseline: saved, with the alert shown.
    const firstNumeric = copy.body.bundle.keyResults.find((k: { kind: string }) => k.kind !== 'milestone').id;
    const content = {
      institutionalObjectiveId: copy.body.bundle.set.institutionalObjectiveId,
      objectives: copy.body.bundle.objectives,
      keyResults: copy.body.bundle.keyResults.map((k: { id: string; kind: string; baseline: number }) => (k.id === firstNumeric ? { ...k, target: k.baseline } : k)),
    };
    const saved = await call('/api/units/al-usaquen/sets/2027-Q1', enlace, { method: 'PUT', body: JSON.stringify({ expectedVersion: 1, content }) });
    expect(saved.status).toBe(200);
    expect(saved.body.bundle.set.version).toBe(2);
    expect(saved.body.alerts.map((a: { code: string }) => a.code)).toEqual(['target_equals_baseline']);

    // The same edit from a stale editor (version 1) is a conflict, in Spanish.
    const stale = await call('/api/units/al-usaquen/sets/2027-Q1', enlace, { method: 'PUT', body: JSON.stringify({ expectedVersion: 1, content }) });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toContain('Esta tarjeta ya no está al día');

    // Only the unit's enlace drafts.
    const foreign = await call('/api/units/al-usaquen/sets/2027-Q1', 'enlace-al-kennedy', { method: 'PUT', body: JSON.stringify({ expectedVersion: 2, content }) });
    expect(foreign).toMatchObject({ status: 403, body: { message: 'Solo el enlace OKR de Alcaldía Local de Usaquén puede formular su set.' } });
    expect((await call('/api/units/al-usaquen/sets/2027-Q1', 'miembro-al-kennedy')).status).toBe(403);

    const submitted = await call(`/api/sets/${copy.body.bundle.set.id}/actions`, enlace, { method: 'POST', body: JSON.stringify({ action: 'submit', version: 2 }) });
    expect(submitted.body.bundle.set.state).toBe('coach_review');
    const locked = await call('/api/units/al-usaquen/sets/2027-Q1', enlace, { method: 'PUT', body: JSON.stringify({ expectedVersion: 3, content }) });
    expect(locked).toMatchObject({ status: 403, body: { message: expect.stringContaining('no se puede editar') } });
    const view = await call('/api/units/al-usaquen/sets/2027-Q1', 'coach-1');
    expect(view.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'edit', 'submit']);

    const malformed = await call('/api/units/al-usaquen/sets/2027-Q1', enlace, { method: 'PUT', body: JSON.stringify({ expectedVersion: 3, content: { objectives: [] } }) });
    expect(malformed).toMatchObject({ status: 422, body: { message: expect.stringMatching(/^La solicitud no es válida\. «content\.institutionalObjectiveId»: falta este dato/) } });
  });

  it('«Enviar» right after «Guardar» stores nothing twice: one «edit» in the history; a set in review says what comes next, not «set cargado» (issue 14, items 15 and 6)', async () => {
    const { call } = await startApi();
    const enlace = 'enlace-al-usaquen';
    const copy = await call('/api/units/al-usaquen/sets/2027-Q1/reformulate', enlace, { method: 'POST', body: JSON.stringify({ from: '2026-Q4' }) });
    const { bundle } = copy.body;
    const content = { institutionalObjectiveId: bundle.set.institutionalObjectiveId, objectives: bundle.objectives, keyResults: bundle.keyResults.map((k: { title: string }, i: number) => (i === 0 ? { ...k, title: `${k.title} (ajustado)` } : k)) };
    const put = (expectedVersion: number) => call('/api/units/al-usaquen/sets/2027-Q1', enlace, { method: 'PUT', body: JSON.stringify({ expectedVersion, content }) });
    expect((await put(1)).body.bundle.set.version).toBe(2);
    // «Enviar» saves what is on screen first: the same content, so nothing changes.
    const again = await put(2);
    expect(again.status).toBe(200);
    expect(again.body.bundle.set.version).toBe(2);
    await call(`/api/sets/${bundle.set.id}/actions`, enlace, { method: 'POST', body: JSON.stringify({ action: 'submit', version: 2 }) });
    const view = await call('/api/units/al-usaquen/sets/2027-Q1', enlace);
    expect(view.body.events.map((e: { action: string }) => e.action)).toEqual(['create', 'edit', 'submit']);
    const locked = await put(3);
    expect(locked.body.message).toBe('El set está «En revisión del OKR Coach» y no se puede editar. Mientras el OKR Coach lo revisa no se edita: si lo devuelve con observaciones, se corrige y se envía de nuevo.');
  });
});
