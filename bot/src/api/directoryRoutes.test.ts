import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DirectoryChangeResult, DirectoryView, PersonMatch } from '@okr/core';
import { formatDate } from '@okr/core';
import { startApi } from '../testing/apiServer.js';
import { cardText } from '../testing/harness.js';

const post = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });
const enlaceOf = (view: DirectoryView, unitId: string) => view.assignments.find((a) => a.role === 'enlace' && a.unitId === unitId && a.current)!;

const upload = (bytes: Buffer) => ({ method: 'POST', body: bytes, headers: { 'content-type': 'application/octet-stream' } });

describe('the directory API', () => {
  it('imports the workbook the tab uploads: a dry run by default, the real run when asked; ETI and DTI only; files past 20 MB refused unread', async () => {
    const { call, base, store, proactive } = await startApi();
    const file = readFileSync(join(import.meta.dirname, '../imports/fixtures/directorio-ordenado.xlsx'));
    expect((await call('/api/directory/import?name=d.xlsx', 'enlace-al-usaquen', upload(file))).status).toBe(403);
    const dry = await call('/api/directory/import?name=C%3A%5Cfakepath%5Cdirectorio.xlsx', 'eti-1', upload(file));
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ fileName: 'directorio.xlsx', dryRun: true, applied: false, counts: { crear: 11 } });
    expect(await store.getUnit('dgc')).toBeNull();
    const real = await call('/api/directory/import?name=directorio.xlsx&dryRun=false', 'dti-1', upload(file));
    expect(real.body).toMatchObject({ applied: true });
    // «Importar» in the tab welcomes the enlaces it adds, as adding one by hand does (the dry run sent nothing).
    expect(proactive.sent.map((s) => s.personId)).toEqual(['jhon-cuervo', 'jhon-cuervo']);
    expect(cardText(proactive.sent[0]!.card)).toContain('eres Enlace OKR de Dirección de Gestión del Conocimiento');
    expect((real.body as { summary: string[] }).summary.join(' ')).toContain('recibieron en Teams la tarjeta de bienvenida');
    expect((await store.getUnit('dgc'))?.name).toBe('Dirección de Gestión del Conocimiento');
    const huge = await call('/api/directory/import?name=grande.xlsx', 'eti-1', upload(Buffer.alloc(21 * 1024 * 1024)));
    expect(huge).toMatchObject({ status: 422, body: { message: 'El archivo pesa 21 MB; el máximo es 20 MB.' } });
    const template = await fetch(`${base}/api/directory/template`, { headers: { 'x-dev-person-id': 'enlace-al-usaquen' } });
    expect(template.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(template.headers.get('content-disposition')).toBe('attachment; filename="plantilla-directorio-okr.xlsx"');
    expect((await fetch(`${base}/api/directory/export`, { headers: { 'x-dev-person-id': 'enlace-al-usaquen' } })).status).toBe(403);
    const viva = await call('/api/viva/import?name=viva.csv', 'eti-1', upload(readFileSync(join(import.meta.dirname, '../imports/fixtures/viva-explorador.csv'))));
    expect(viva.body.unmappedTeams).toEqual([{ team: 'Talento Humano', suggestion: 'dgth' }]);
    expect((await call('/api/viva/teams', 'eti-1', { method: 'POST', body: JSON.stringify({ entries: [{ team: 'Talento Humano', unitId: 'dgth' }] }) })).status).toBe(200);
    expect((await call('/api/viva/import?name=viva.csv', 'eti-1', upload(readFileSync(join(import.meta.dirname, '../imports/fixtures/viva-explorador.csv'))))).body.unmappedTeams).toEqual([]);
  });

  it('shows everyone their own units; the ETI everything, with the units missing an enlace or a líder', async () => {
    const { call } = await startApi();
    const mine = (await call('/api/directory', 'enlace-al-usaquen')).body as DirectoryView;
    expect(mine.units.map((u) => u.id)).toEqual(['al-usaquen']);
    expect(new Set(mine.assignments.map((a) => a.unitId))).toEqual(new Set(['al-usaquen']));
    expect(mine).toMatchObject({ canEdit: false, canEditObjectives: false, warnings: [] });
    const eti = (await call('/api/directory', 'eti-1')).body as DirectoryView;
    expect(eti.units).toHaveLength(44);
    expect(eti.canEdit).toBe(true);
    expect(eti.warnings).toEqual([]);
    expect(eti.objectives.map((o) => o.code)).toEqual(['OE1', 'OE2', 'OE3', 'OE4', 'OE5']);
    expect((await call('/api/directory', 'oap-1')).body).toMatchObject({ canEdit: false, canEditObjectives: true });
    expect((await call('/api/directory')).status).toBe(401);
  });

  it('replaces an enlace on a date: history stays, roles follow, and the new enlace gets a welcome card with what is pending', async () => {
    const { call, store, proactive } = await startApi();
    const before = (await call('/api/directory', 'eti-1')).body as DirectoryView;
    const old = enlaceOf(before, 'al-usaquen');
    const { status, body } = await call(`/api/directory/assignments/${encodeURIComponent(old.id)}/replace`, 'eti-1', post({ person: { personId: 'miembro-al-usaquen' }, date: '2026-11-23', version: old.version }));
    expect(status).toBe(200);
    const result = body as DirectoryChangeResult;
    expect(result.welcomed).toBe(true);
    const history = result.view.assignments.filter((a) => a.role === 'enlace' && a.unitId === 'al-usaquen');
    expect(history.map((a) => [a.personId, a.from, a.to, a.current])).toEqual([
      ['enlace-al-usaquen', old.from, '2026-11-22', false],
      ['miembro-al-usaquen', '2026-11-23', null, true],
    ]);
    expect(await store.rolesOf('enlace-al-usaquen')).toEqual([]);
    expect((await call('/api/me', 'miembro-al-usaquen')).body.roles).toContainEqual({ personId: 'miembro-al-usaquen', role: 'enlace', unitId: 'al-usaquen' });
    // The old enlace can no longer report; the audit trail says who did it.
    expect((await call('/api/units/al-usaquen/tree?quarter=2026-Q4', 'enlace-al-usaquen')).status).toBe(403);
    expect((await store.listAudit({ entity: 'role', limit: 2 })).map((a) => a.actorId)).toEqual(['eti-1', 'eti-1']);
    const welcome = proactive.sent.find((s) => s.personId === 'miembro-al-usaquen')!;
    const text = cardText(welcome.card);
    expect(text).toContain('Desde el 23 de noviembre de 2026 eres Enlace OKR de Alcaldía Local de Usaquén');
    expect(text).toContain('Set de OKR de');
    expect(text).toContain('Check-in de');
  });

  it('refuses changes from anyone but the ETI and the DTI, and bad input with a Spanish message, changing nothing', async () => {
    const { call, store } = await startApi();
    const view = (await call('/api/directory', 'eti-1')).body as DirectoryView;
    const old = enlaceOf(view, 'al-suba');
    const replace = post({ person: { personId: 'miembro-al-suba' }, date: '2026-12-01', version: old.version });
    expect((await call(`/api/directory/assignments/${encodeURIComponent(old.id)}/replace`, 'enlace-al-suba', replace)).status).toBe(403);
    expect((await call(`/api/directory/assignments/${encodeURIComponent(old.id)}/replace`, 'oap-1', replace)).status).toBe(403);
    const lider = view.assignments.find((a) => a.role === 'lider' && a.unitId === 'al-suba')!;
    const twoLideres = await call('/api/directory/assignments', 'eti-1', post({ person: { personId: 'miembro-al-suba' }, role: 'lider', unitId: 'al-suba', from: '2026-12-01' }));
    expect(twoLideres.status).toBe(422);
    expect(twoLideres.body.message).toBe(`Alcaldía Local de Suba ya tiene Líder entre ${formatDate(lider.from)} y hoy: ${lider.personName}. Termina esa asignación o usa «Reemplazar».`);
    const stale = await call(`/api/directory/assignments/${encodeURIComponent(old.id)}/replace`, 'eti-1', post({ person: { personId: 'miembro-al-suba' }, date: '2026-12-01', version: old.version + 1 }));
    expect(stale.status).toBe(409);
    expect((await call('/api/directory/units', 'eti-1', post({ name: 'X', kind: 'central', level: 'direccion', parentId: 'no-existe' }))).body.message).toBe('La unidad superior «no-existe» no existe.');
    expect((await call('/api/directory/assignments', 'eti-1', post({ person: { personId: 'x' }, role: 'jefe', unitId: null, from: '2026-12-01' }))).status).toBe(422);
    // A date that does not exist, with the shared date schema's Spanish message.
    const impossible = await call(`/api/directory/assignments/${encodeURIComponent(old.id)}/replace`, 'eti-1', post({ person: { personId: 'miembro-al-suba' }, date: '2026-02-30', version: old.version }));
    expect(impossible.status).toBe(422);
    expect(impossible.body.message).toContain('2026-02-30');
    const control = await call('/api/directory/units', 'eti-1', post({ name: 'Unidad\u0007', kind: 'central', level: 'direccion', parentId: null }));
    expect(control.status).toBe(422);
    expect(await store.listAudit({ entity: 'role' })).toEqual([]);
  });

  it('deactivates a person who leaves in one step and lists what they held for reassignment', async () => {
    const { call, store } = await startApi();
    const { status, body } = await call('/api/directory/people/enlace-dgth/deactivate', 'eti-2', post({ lastDay: '2026-11-23' }));
    expect(status).toBe(200);
    const result = body as DirectoryChangeResult;
    expect(result.ended.map((a) => `${a.role} · ${a.unitName}`).sort()).toEqual(['enlace · Dirección de Gestión del Talento Humano', 'enlace · Subdirección de Gestión Documental']);
    expect(result.view.people.find((p) => p.id === 'enlace-dgth')!.active).toBe(false);
    // Ended today: still enlace today, nobody tomorrow; the warnings will name both units then.
    expect((await store.rolesOf('enlace-dgth')).length).toBe(2);
  });

  it('creates the person picked in Teams on their first assignment, and finds them by e-mail or Entra id afterwards', async () => {
    const { call, store } = await startApi();
    const entra = { objectId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', displayName: 'Yurany Marcela Ñustes Bohórquez', email: 'Yurany.Nustes@gobiernobogota.gov.co' };
    const { status, body } = await call('/api/directory/assignments', 'eti-1', post({ person: { entra }, role: 'miembro', unitId: 'al-bosa', from: '2026-11-23' }));
    expect(status).toBe(200);
    const person = await store.findPersonByAadObjectId(entra.objectId);
    expect(person).toMatchObject({ id: 'yurany-nustes', name: 'Yurany Marcela Ñustes Bohórquez', email: 'yurany.nustes@gobiernobogota.gov.co' });
    expect((body as DirectoryChangeResult).view.assignments.some((a) => a.personId === 'yurany-nustes' && a.unitId === 'al-bosa')).toBe(true);
    // Picked again: the same person, no second record.
    await call('/api/directory/assignments', 'eti-1', post({ person: { entra }, role: 'miembro', unitId: 'al-kennedy', from: '2026-11-23' }));
    expect((await store.listPeople()).filter((p) => p.email === 'yurany.nustes@gobiernobogota.gov.co')).toHaveLength(1);
  });

  it('searches people as one types for the pickers, never the whole directory', async () => {
    const { call, store } = await startApi();
    const someone = (await store.listPeople()).find((p) => p.id === 'lider-al-usaquen')!;
    const first = someone.name.split(' ')[0]!.slice(0, 4).toLowerCase();
    const found = (await call(`/api/people?q=${encodeURIComponent(first)}`, 'enlace-al-usaquen')).body as PersonMatch[];
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(20);
    expect(found.find((p) => p.id === 'lider-al-usaquen')?.roles).toBe('Líder · Alcaldía Local de Usaquén');
    expect((await call('/api/people?q=', 'enlace-al-usaquen')).body).toEqual([]);
  });

  it('lets the OAP keep the strategic objectives per vigencia, and nobody else', async () => {
    const { call, store } = await startApi();
    const objective = { vigencia: 2027, code: 'OE1', title: 'Fortalecer la gobernabilidad democrática local.', active: true };
    expect((await call('/api/directory/objectives', 'eti-1', post(objective))).status).toBe(403);
    const { status, body } = await call('/api/directory/objectives', 'oap-1', post(objective));
    expect(status).toBe(200);
    expect((body as DirectoryChangeResult).view.objectives.filter((o) => o.vigencia === 2027).map((o) => o.id)).toEqual(['oe1-2027']);
    expect((await store.listAudit({ entity: 'institutionalObjective' }))[0]).toMatchObject({ actorId: 'oap-1', action: 'create' });
  });
});
