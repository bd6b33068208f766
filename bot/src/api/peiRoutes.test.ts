import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';

const json = (body: unknown, method = 'PUT') => ({ method, body: JSON.stringify(body) });
const CUTOFF = '2026-09-30';

/** The PEI and the validation round over REST, on the demo data of 23 November 2026 (Q3 in its round). */
describe('PEI API', () => {
  it('shows seed 002 as printed: the Secretaría General at 30 June 2023, computed from its magnitudes', async () => {
    const { call } = await startApi();
    const { status, body } = await call('/api/pei/plans/sg-pei-2020-2024/report', 'miembro-al-usaquen');
    expect(status).toBe(200);
    expect(body.cutoff).toBe('2023-06-30');
    expect(body.objectives.map((o: any) => Math.round(o.compliance * 10000) / 100)).toEqual([99.32, 100, 100, 100, 99.13, 100, 97.5, 100]);
    const o5 = body.objectives[4];
    expect(o5.indicators.map((r: any) => [r.indicator.id, r.figures.status.text])).toEqual([['sg-545', 'Rezago 46,27 %'], ['sg-546', 'Sobre ejecución 44,52 %']]);
    expect(body.objectives[2].notes[0]).toContain('indicador sectorial 552');
    expect(body.canEditWeights).toBe(false);
    expect((await call('/api/pei/plans/no-existe/report', 'oap-1')).status).toBe(404);
    expect((await call('/api/pei/plans/sg-pei-2020-2024/report?corte=2023-02-30', 'oap-1')).body.message).toBe('La fecha 2023-02-30 no existe en el calendario.');
    expect((await call('/api/pei/plans/sg-pei-2020-2024/report')).status).toBe(401);
  });

  it('shows the SDG’s PEI: its objectives are the institutional ones; only validated figures count', async () => {
    const { call } = await startApi();
    const { body } = await call(`/api/pei/plans/sdg-pei-2024-2027/report?corte=${CUTOFF}`, 'oap-1');
    expect(body.objectives.map((o: any) => o.institutionalObjectiveId)).toEqual(['oe1', 'oe2', 'oe3', 'oe4', 'oe5']);
    expect(body.objectives[0].title).toContain('gobernabilidad democrática local');
    const o1 = body.objectives[0];
    const i02 = o1.indicators.find((r: any) => r.indicator.id === 'sdg-i02');
    expect(i02).toMatchObject({ state: 'returned', excluded: 'sin_reporte', share: 0 });
    const linked = o1.indicators.find((r: any) => r.indicator.id === 'sdg-i03');
    expect(linked.source).toBe('plan');
    expect(linked.figures.annual).toBe(40);
    // The FURAG is programmed only in December; the policy of 2025 has no programming in 2026.
    expect(body.objectives[4].indicators.find((r: any) => r.indicator.id === 'sdg-i11').figures.status.text).toBe('Sin programación al corte');
    expect(body.objectives[1].indicators.find((r: any) => r.indicator.id === 'sdg-i12').excluded).toBe('sin_programacion_vigencia');
    expect(body.canEditWeights).toBe(true);
  });

  it('shows a figure not validated yet only to the OAP, the entity-wide roles and its area; others see that it is in validation, without its number', async () => {
    const { call, base } = await startApi();
    const row = async (as: string) => (await call(`/api/pei/plans/sdg-pei-2024-2027/report?corte=${CUTOFF}`, as)).body.objectives[0].indicators.find((r: any) => r.indicator.id === 'sdg-i02');
    for (const who of ['oap-1', 'enlace-dgdl', 'lider-dgdl']) expect((await row(who)).figures.executed, who).not.toBeNull();
    const other = await row('miembro-al-usaquen');
    expect(other).toMatchObject({ state: 'returned', analysis: '', figures: { executed: null, percent: null, status: { code: 'sin_reporte' } } });
    // Its export is built from the same view: the row has no executed figure.
    const executedIn = async (as: string) => {
      const res = await fetch(`${base}/api/pei/plans/sdg-pei-2024-2027/xlsx?corte=${CUTOFF}`, { headers: { 'x-dev-person-id': as } });
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const cells = book.getWorksheet('Plan estratégico')!.getRows(1, 200)!.find((r) => r.getCell(2).value === other.indicator.reference)!;
      return cells.getCell(5).value;
    };
    expect(await executedIn('oap-1')).not.toBeNull();
    expect(await executedIn('miembro-al-usaquen')).toBeNull();
    // The public page: validated figures only; the returned one says it is pending.
    const page = await (await fetch(`${base}/publico/pei/?corte=${CUTOFF}`)).text();
    expect(page).toContain('Pendiente de validación');
  });

  it('checks what comes in with the shared schemas: Spanish field problems, typed control characters refused, nothing stored', async () => {
    const { call } = await startApi();
    const url = `/api/pei/values/sdg-i08/${CUTOFF}`;
    const before = (await call(`/api/pei/validation?corte=${CUTOFF}`, 'enlace-dti')).body.items[0];
    const body = { expectedVersion: before.version, figures: { ...before.figures }, analysis: 'Avance del trimestre\u001b[31m', analysisPublic: false, jumpExplanation: '', submit: false };
    const typed = await call(url, 'enlace-dti', json(body));
    expect(typed.status).toBe(422);
    expect(typed.body.message).toMatch(/^La solicitud no es válida\. «analysis»: .*caracteres invisibles de control/);
    expect((await call(`/api/pei/values/sdg-i08/2026-09-31`, 'enlace-dti', json({ ...body, analysis: 'Avance' }))).body.message).toBe('La fecha 2026-09-31 no existe en el calendario.');
    expect((await call(`/api/pei/validation?corte=2026-13-01`, 'enlace-dti')).status).toBe(422);
    expect((await call(`/api/pei/plans/sdg-pei-2024-2027/weights/dos-mil`, 'oap-1', json({ weights: [], reason: 'x' }))).status).toBe(422);
    expect((await call(`/api/pei/okr/al-usaquen/2026-Q9/confirm`, 'enlace-al-usaquen', json({ expectedVersion: 1 }, 'POST'))).body.message).toContain('2026-Q9');
    expect((await call(`/api/pei/validation?corte=${CUTOFF}`, 'enlace-dti')).body.items[0]).toMatchObject({ version: before.version, analysis: before.analysis });
  });

  it('lets the OAP change a vigencia’s weights with a reason, and nobody else', async () => {
    const { call } = await startApi();
    const before = (await call(`/api/pei/plans/sdg-pei-2024-2027/report?corte=${CUTOFF}`, 'oap-1')).body;
    const weights = before.objectives.flatMap((o: any) => o.indicators.map((r: any) => ({ objectiveId: o.id, indicatorId: r.indicator.id, weight: r.indicator.id === 'sdg-i01' ? 5 : 1 })));
    expect((await call('/api/pei/plans/sdg-pei-2024-2027/weights/2026', 'enlace-sgl', json({ weights, reason: 'Más peso a la gobernanza local.' }))).status).toBe(403);
    expect((await call('/api/pei/plans/sdg-pei-2024-2027/weights/2026', 'oap-1', json({ weights, reason: 'corto' }))).body.message).toContain('Explique el cambio');
    const bad = await call('/api/pei/plans/sdg-pei-2024-2027/weights/2026', 'oap-1', json({ weights: [{ ...weights[0], weight: 0 }, ...weights.slice(1)], reason: 'Más peso a la gobernanza local.' }));
    expect(bad.body.message).toContain('debe ser un número mayor que cero');
    const saved = await call('/api/pei/plans/sdg-pei-2024-2027/weights/2026', 'oap-1', json({ weights, reason: 'Más peso a la gobernanza local.' }));
    expect(saved.status).toBe(200);
    expect(saved.body.objectives[0].indicators.find((r: any) => r.indicator.id === 'sdg-i01').weight).toBe(5);
    expect(saved.body.changes.at(-1).description).toBe('Ponderación 2026: Más peso a la gobernanza local.');
  });

  it('runs a round: the area reports, the OAP returns with its checks (a card to the area), the area confirms and it is published', async () => {
    const { call, proactive } = await startApi();
    let round = (await call(`/api/pei/validation?corte=${CUTOFF}`, 'enlace-dti')).body;
    expect(round.items.map((i: any) => i.indicator.id)).toEqual(['sdg-i08']);
    expect(round.items[0]).toMatchObject({ state: 'pending', canReport: true, canReturn: false });
    const figures = { executed: 61, numerator: null, denominator: null, localities: null, differential: {} };
    // Not the area: refused.
    expect((await call(`/api/pei/values/sdg-i08/${CUTOFF}`, 'enlace-sgl', json({ expectedVersion: null, figures, analysis: '', analysisPublic: false, jumpExplanation: '', submit: true }))).status).toBe(403);
    // Bad figures: refused in Spanish, nothing stored.
    const bad = await call(`/api/pei/values/sdg-i08/${CUTOFF}`, 'enlace-dti', json({ expectedVersion: null, figures: { ...figures, executed: -4 }, analysis: '', analysisPublic: false, jumpExplanation: '', submit: true }));
    expect([bad.status, bad.body.message]).toEqual([422, 'Revise la magnitud ejecutada: debe ser un número igual o mayor que cero.']);
    const reported = await call(`/api/pei/values/sdg-i08/${CUTOFF}`, 'enlace-dti', json({ expectedVersion: null, figures, analysis: 'Se publicaron en línea 3 trámites más.', analysisPublic: true, jumpExplanation: '', submit: true }));
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ state: 'reported', version: 1, canReport: false });
    expect(reported.body.checks.map((c: any) => [c.code, c.ok])).toEqual([['definicion', true], ['variacion', true]]);
    expect((await call(`/api/pei/values/sdg-i08/${CUTOFF}/return`, 'enlace-dti', json({ expectedVersion: 1, executed: null, observations: 'Revisado.' }, 'POST'))).status).toBe(403);
    expect((await call(`/api/pei/values/sdg-i08/${CUTOFF}/return`, 'oap-1', json({ expectedVersion: 1, executed: null, observations: 'ok' }, 'POST'))).body.message).toContain('Escriba sus observaciones');
    const returned = await call(`/api/pei/values/sdg-i08/${CUTOFF}/return`, 'oap-1', json({ expectedVersion: 1, executed: 60.5, observations: 'Se descontó un trámite que aún no está en producción.' }, 'POST'));
    expect(returned.body).toMatchObject({ state: 'returned', oapReturn: { executed: 60.5, byName: expect.any(String) } });
    expect(proactive.sent.map((s) => s.personId).sort()).toEqual(['enlace-dti', 'lider-dti', 'miembro-dti']);
    // Not published yet.
    expect((await call(`/odata/CifrasAlCorte?$filter=IndicadorId eq 'sdg-i08' and Corte eq ${CUTOFF}`)).body.value).toEqual([]);
    expect((await call(`/api/pei/values/sdg-i08/${CUTOFF}/confirm`, 'enlace-dti', json({ expectedVersion: 1 }, 'POST'))).status).toBe(409);
    const confirmed = await call(`/api/pei/values/sdg-i08/${CUTOFF}/confirm`, 'enlace-dti', json({ expectedVersion: 2 }, 'POST'));
    expect(confirmed.body).toMatchObject({ state: 'validated', validatedAt: '2026-11-23T15:00:00.000Z' });
    expect(confirmed.body.history.map((h: any) => h.action)).toEqual(['report', 'return', 'confirm']);
    const feed = (await call(`/odata/CifrasAlCorte?$filter=IndicadorId eq 'sdg-i08' and Corte eq ${CUTOFF}`)).body.value;
    expect(feed).toEqual([expect.objectContaining({ EjecutadoCorte: 60.5, Validada: true, FechaValidacion: '2026-11-23T15:00:00.000Z', Analisis: 'Se publicaron en línea 3 trámites más.' })]);
    round = (await call(`/api/pei/validation?corte=${CUTOFF}`, 'oap-1')).body;
    expect(round.counts.validated).toBeGreaterThanOrEqual(3);
    expect(round.planReports.length).toBe(44);
    expect(round.okr.length).toBeGreaterThan(30);
  });

  it('shows the OAP the checks of a returned figure with a missing locality and totals that do not add up', async () => {
    const { call } = await startApi();
    const item = (await call(`/api/pei/validation?corte=${CUTOFF}`, 'oap-1')).body.items.find((i: any) => i.indicator.id === 'sdg-i02');
    expect(item.state).toBe('returned');
    expect(item.checks.filter((c: any) => !c.ok).map((c: any) => c.code)).toEqual(['localidades']);
    expect(item.checks.find((c: any) => c.code === 'localidades').message).toBe('Falta 1 localidad: Sumapaz.');
  });

  it('imports a flat file whole or not at all, and refuses a linked meta or another area', async () => {
    const { call } = await startApi();
    const csv = ['indicador;corte;desagregacion;categoria;valor;numerador;denominador;analisis;analisis_publico;explicacion_variacion', `Indicador sectorial 655;30/09/2026;total;;61;;;Tres trámites más en línea.;sí;`].join('\n');
    const ok = await call('/api/pei/import', 'enlace-dti', json({ fileName: 'cifras.csv', fileBase64: Buffer.from(csv).toString('base64') }, 'POST'));
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((i: any) => i.indicator.id === 'sdg-i08')).toMatchObject({ state: 'draft', figures: { executed: 61 }, analysisPublic: true });
    const other = await call('/api/pei/import', 'enlace-sgl', json({ fileName: 'cifras.csv', fileBase64: Buffer.from(csv).toString('base64') }, 'POST'));
    expect([other.status, other.body.message]).toEqual([403, 'Solo el área responsable (Dirección de Tecnologías e Información) reporta y confirma esta cifra.']);
    const broken = await call('/api/pei/import', 'enlace-dti', json({ fileName: 'cifras.csv', fileBase64: Buffer.from(`${csv}\nIndicador sectorial 655;30/09/2026;barrio;X;1;;;;;`).toString('base64') }, 'POST'));
    expect(broken.body.message).toContain('Fila 3: «barrio» no es una desagregación');
    expect((await call(`/api/pei/values/sdg-i03/${CUTOFF}`, 'enlace-dgdl', json({ expectedVersion: null, figures: { executed: 1, numerator: null, denominator: null, localities: null, differential: {} }, analysis: '', analysisPublic: false, jumpExplanation: '', submit: false }))).body.message).toContain('toma sus cifras del plan de gestión');
  });

  it('exports the PEI at a cut-off as .xlsx and as a presentation', async () => {
    const { base } = await startApi();
    const get = (path: string) => fetch(`${base}${path}`, { headers: { 'x-dev-person-id': 'oap-1' } });
    const xlsx = await get('/api/pei/plans/sg-pei-2020-2024/xlsx');
    expect(xlsx.headers.get('content-disposition')).toContain('PEI_sg-pei-2020-2024_2023-06-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const cells = book.getWorksheet('Plan estratégico')!.getSheetValues().flat().map(String);
    expect(cells).toContain('Objetivo 5. Indicadores');
    expect(cells.some((c) => c.startsWith('Sobre ejecución 44,52 %'))).toBe(true);
    const pptx = await get('/api/pei/plans/sg-pei-2020-2024/pptx');
    const zip = await JSZip.loadAsync(await pptx.arrayBuffer());
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(3 + 8 + 1);
    const objective5 = (await zip.file('ppt/slides/slide8.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(objective5).toContain('99,13 %');
    expect(objective5).toContain('144,52 %');
  });

  it('schedules the quarterly validation session on the plenarias, and its acta freezes what was validated; a signed one closes its period', async () => {
    const { call } = await startApi();
    const session = { kind: 'validacion', unitId: null, date: '2026-12-02', startTime: '09:00', modality: 'virtual', location: 'https://teams.microsoft.com/l/meetup-join/mesa-datos', presidingId: 'lider-oap', secretaryId: 'oap-2' };
    expect((await call('/api/plenarias', 'enlace-dti', json(session, 'POST'))).status).toBe(403);
    const presidedByAnother = await call('/api/plenarias', 'oap-2', json({ ...session, presidingId: 'lider-dti' }, 'POST'));
    expect(presidedByAnother.status).toBe(422);
    expect(presidedByAnother.body.message).toContain('la sesión de validación de cifras la preside la Oficina Asesora de Planeación');
    const scheduled = await call('/api/plenarias', 'oap-2', json(session, 'POST'));
    expect(scheduled.status).toBe(200);
    const id = scheduled.body.plenaria.plenaria.id;
    expect(scheduled.body.plenaria.plenaria).toMatchObject({ kind: 'validacion', unitId: null });
    const acta = (await call(`/api/plenarias/${id}/acta`, 'oap-2', { method: 'POST' })).body.acta;
    expect(acta.draft.agenda).toContain('Validación de las cifras, tendencias y variaciones');
    const rows = acta.okrResults.map((r: any) => `${r.objective} | ${r.keyResult} | ${r.status}`);
    expect(rows).toContain('Plan estratégico · Objetivo 1 | Indicador sectorial 610: Porcentaje de avance en la implementación de la estrategia de fortalecimiento de la gobernanza local en las 20 alcaldías | Validada el 22/10/2026');
    expect(rows.some((r: string) => r.startsWith('Planes de gestión | '))).toBe(true);
    expect(rows.some((r: string) => r.startsWith('Resultados OKR | '))).toBe(true);
    // Returned or reported figures are not in it.
    expect(rows.some((r: string) => r.includes('Indicador sectorial 622'))).toBe(false);
    // The round shows the session; the Q2 period was closed by its signed session in July.
    expect((await call('/api/pei/validation?corte=2026-09-30', 'oap-1')).body.session).toEqual({ plenariaId: 'pl-validacion-2026-12-02', date: '2026-12-02', signed: false });
    const q2 = (await call('/api/pei/validation?corte=2026-06-30', 'enlace-dgdl')).body;
    expect(q2).toMatchObject({ closed: true, session: { date: '2026-07-29', signed: true } });
    expect(q2.items.every((i: any) => !i.canReport && !i.canConfirm)).toBe(true);
    const refused = await call('/api/pei/values/sdg-i02/2026-06-30', 'enlace-dgdl', json({ expectedVersion: 3, figures: { executed: 1, numerator: null, denominator: null, localities: null, differential: {} }, analysis: '', analysisPublic: false, jumpExplanation: '', submit: false }));
    expect(refused.body.message).toBe('El periodo T2 2026 se cerró en la sesión de validación del 29/07/2026: sus cifras ya no cambian.');
  });
});
