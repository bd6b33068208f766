import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';

const json = (body: unknown, method = 'PUT') => ({ method, body: JSON.stringify(body) });

/** The plan de gestión over REST, on the demo data of 23 November 2026 (Q3 reported; Q4 not due). */
describe('plan de gestión API', () => {
  it('shows a unit its official plan with its checks, history and OKR links, and refuses other units', async () => {
    const { call } = await startApi();
    const { status, body } = await call('/api/plan/units/al-kennedy/2026', 'enlace-al-kennedy');
    expect(status).toBe(200);
    expect(body.plan).toMatchObject({ state: 'official', planVersion: 1 });
    expect(body.metas).toHaveLength(5);
    expect(body.weights.ok).toBe(true);
    expect(body.events.map((e: any) => e.action)).toContain('formalize');
    expect(body.links.some((l: any) => l.okrSets.length > 0 && l.metaIds.length > 0)).toBe(true);
    expect(body.canEdit).toBe(false);
    expect((await call('/api/plan/units/al-kennedy/2026', 'enlace-al-usaquen')).status).toBe(403);
    expect((await call('/api/plan/units/al-kennedy/2026', 'oap-1')).status).toBe(200);
    expect((await call('/api/plan/units/al-kennedy/abc', 'oap-1')).body.message).toContain('no es una vigencia válida');
  });

  it('refuses bad drafts in Spanish and stores nothing', async () => {
    const { call } = await startApi();
    const current = (await call('/api/plan/units/al-bosa/2027', 'enlace-al-bosa')).body;
    const metas = current.metas.map(({ checks: _c, observations: _o, eliminated: _e, modifiedInVersion: _m, ...m }: any) => m);
    const bad = [{ ...metas[0], programmed: [9, 9, 9, 5] }, { ...metas[1], totalMagnitude: -1 }];
    const refused = await call('/api/plan/units/al-bosa/2027', 'enlace-al-bosa', json({ expectedVersion: current.plan.version, metas: bad }));
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('los trimestres no suman la magnitud total (36)');
    expect(refused.body.message).toContain('la magnitud total no puede ser negativa');
    const after = (await call('/api/plan/units/al-bosa/2027', 'enlace-al-bosa')).body;
    expect(after.plan.version).toBe(current.plan.version);
    expect(after.metas[0].programmed).toEqual([9, 9, 9, 9]);
    // A member of another unit may not write it; an OAP analyst neither.
    expect((await call('/api/plan/units/al-bosa/2027', 'oap-1', json({ expectedVersion: current.plan.version, metas }))).status).toBe(403);
    // A good save goes through and bumps the version.
    const saved = await call('/api/plan/units/al-bosa/2027', 'miembro-al-bosa', json({ expectedVersion: current.plan.version, metas: metas.slice(0, 4) }));
    expect(saved.status).toBe(200);
    expect(saved.body.plan.version).toBe(current.plan.version + 1);
    // A stale save is a conflict.
    expect((await call('/api/plan/units/al-bosa/2027', 'enlace-al-bosa', json({ expectedVersion: current.plan.version, metas }))).status).toBe(409);
  });

  it('refuses a report that types a %, a report of a closed quarter, and a report with missing causes of delay', async () => {
    const { call } = await startApi();
    const view = (await call('/api/plan/units/al-usaquen/2026/reports/3', 'enlace-al-usaquen')).body;
    expect(view.status).toBe('overdue');
    expect(view.canEdit).toBe(true);
    const planId = view.plan.id;
    const entry = (metaId: string, executed: number) => ({ metaId, executed, analysis: 'Se hicieron los operativos programados.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/x', cumulativeAnalysis: 'Va bien.' });
    const typed = await call(`/api/plan/plans/${planId}/reports/3`, 'enlace-al-usaquen', json({ expectedVersion: null, entries: [{ ...entry('m1', 9), percent: 100 }], submit: false }));
    expect(typed.status).toBe(422);
    expect(typed.body.message).toContain('El % y las cifras acumuladas los calcula la aplicación');
    const closed = await call(`/api/plan/plans/${planId}/reports/2`, 'enlace-al-usaquen', json({ expectedVersion: 2, entries: [entry('m1', 9)], submit: false }));
    expect(closed.status).toBe(422);
    expect(closed.body.message).toContain('ya fue revisado y cerrado por la OAP');
    const behind = await call(`/api/plan/plans/${planId}/reports/3`, 'enlace-al-usaquen', json({ expectedVersion: null, entries: [entry('m1', 1), entry('m2', 95), entry('m3', 75), entry('m4', 300)], submit: true }));
    expect(behind.status).toBe(422);
    expect(behind.body.message).toContain('debe explicar las causas del retraso');
    expect((await call('/api/plan/units/al-usaquen/2026/reports/3', 'enlace-al-usaquen')).body.record).toBeNull();
  });

  it('ranks the quarter and serves the .xlsx outputs, which open', async () => {
    const { call, base } = await startApi();
    const ranking = (await call('/api/plan/ranking?year=2026&quarter=2', 'miembro-al-usaquen')).body;
    expect(ranking.rows[0].position).toBe(1);
    expect(ranking.closed).toBe(ranking.plans);
    const open = async (path: string, as: string) => {
      const res = await fetch(`${base}${path}`, { headers: { 'x-dev-person-id': as } });
      expect(res.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      return book;
    };
    const f018 = await open('/api/plan/units/al-usaquen/2026/xlsx', 'enlace-al-usaquen');
    expect(f018.worksheets[0]!.name).toBe('PLE-PIN-F018');
    const f017 = await open('/api/plan/units/sgd/2026/xlsx', 'enlace-sgd');
    expect(f017.worksheets[0]!.getCell('A1').value).toBe('PLE-PIN-F017');
    const cb = await open('/api/plan/cb0404/2026', 'oap-1');
    expect(cb.worksheets[0]!.name).toBe('CB-0404');
    const comite = await open('/api/plan/ranking/xlsx?year=2026&quarter=3&comite=1', 'oap-1');
    expect(comite.worksheets.map((w) => w.name)).toEqual(['Ranking', 'Resultados por meta', 'Resumen']);
    expect((await call('/api/plan/cb0404/2026', 'enlace-al-usaquen')).status).toBe(403);
  });

  it('serves /publico/ without sign-in, with published plans only and no personal data', async () => {
    const { base } = await startApi();
    const index = await (await fetch(`${base}/publico/`)).text();
    expect(index).toContain('Planes de gestión 2026');
    expect(index).toContain('Alcaldía Local de Usaquén');
    const one = await (await fetch(`${base}/publico/2026/al-kennedy`)).text();
    expect(one).toContain('Realizar 36 operativos de control');
    expect(one).not.toMatch(/@gobiernobogota|sharepoint\.com|lider-|enlace-/);
    expect((await fetch(`${base}/publico/2027/al-usaquen`)).status).toBe(404);
  });
});
