import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { KeyResultHistoryResponse, QuarterCloseResponse, ReviewQueueResponse, UnitMonthReviewResponse } from '@okr/core';
import { startApi } from '../testing/apiServer.js';

/** 8 January 2027, 10:00 in Bogotá: T4 2026 has ended and may be closed (the demo was made on 30 December). */
const JAN_8 = '2027-01-08T15:00:00.000Z';

describe('review API: the queue and one unit’s month', () => {
  it('gives the ETI the month’s queue, oldest waiting first, and refuses everyone else', async () => {
    const { call } = await startApi();
    const res = await call('/api/review/queue?period=2026-10', 'eti-1');
    expect(res.status).toBe(200);
    const q = res.body as ReviewQueueResponse;
    expect(q).toMatchObject({ period: '2026-10', quarter: '2026-Q4', canAct: true, quarterClosed: false });
    expect(q.periods).toEqual(['2026-11', '2026-10', '2026-09', '2026-08', '2026-07']);
    expect(q.rows.length + q.withoutSet.length).toBe(44);
    const waiting = q.rows.filter((r) => r.state === 'por_revisar' || r.state === 'corregido');
    expect(q.rows.slice(0, waiting.length)).toEqual(waiting);
    const times = waiting.filter((r) => r.state === 'por_revisar').map((r) => r.waitingSince!);
    expect(times).toEqual([...times].sort());
    expect((await call('/api/review/queue', 'eti-1')).body.period).toBe('2026-10'); // November's window has not opened on 23 November
    for (const who of ['enlace-al-usaquen', 'lider-al-suba', 'oap-1', 'coach-1']) {
      expect(await call('/api/review/queue', who)).toMatchObject({ status: 403, body: { message: 'Solo el equipo ETI revisa los reportes mensuales y cierra el trimestre.' } });
    }
    expect((await call('/api/review/queue?period=2027-01', 'eti-1')).status).toBe(422);
    expect((await call('/api/review/queue?period=noviembre', 'eti-1')).status).toBe(422);
  });

  it('shows a unit’s month to the ETI and to the unit’s own people, never to another unit', async () => {
    const { call } = await startApi();
    const q = (await call('/api/review/queue?period=2026-10', 'eti-1')).body as ReviewQueueResponse;
    const row = q.rows.find((r) => r.state === 'correccion_pedida')!;
    const eti = (await call(`/api/review/units/${row.unitId}?period=2026-10`, 'eti-1')).body as UnitMonthReviewResponse;
    expect(eti).toMatchObject({ state: 'correccion_pedida', canAct: true, review: { state: 'correction_requested' } });
    expect(eti.keyResults).toHaveLength(9);
    expect(eti.keyResults.some((k) => k.observation)).toBe(true);
    expect(eti.history.map((h) => h.action)).toEqual(['request_correction']);
    const own = await call(`/api/review/units/${row.unitId}?period=2026-10`, `enlace-${row.unitId}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ canAct: false, state: 'correccion_pedida' });
    expect((await call(`/api/review/units/${row.unitId}?period=2026-10`, 'enlace-al-usaquen')).status).toBe(row.unitId === 'al-usaquen' ? 200 : 403);
    expect((await call('/api/review/units/nope?period=2026-10', 'eti-1')).status).toBe(404);
  });

  it('decides compare-and-set: closes, refuses a stale version, asks for a correction and says who was told', async () => {
    const { call, proactive } = await startApi();
    const q = (await call('/api/review/queue?period=2026-10', 'eti-1')).body as ReviewQueueResponse;
    const row = q.rows.find((r) => r.state === 'por_revisar')!;
    const post = (body: unknown, as = 'eti-1') => call(`/api/review/units/${row.unitId}/decision`, as, { method: 'POST', body: JSON.stringify(body) });
    // Someone else is refused before anything about the month is said, even with a stale version.
    for (const version of [null, 3]) {
      expect(await post({ period: '2026-10', action: 'close', version }, 'enlace-al-usaquen')).toMatchObject({ status: 403, body: { message: 'Solo el equipo ETI revisa los reportes mensuales y cierra el trimestre.' } });
    }
    expect((await post({ period: '2026-10', action: 'close', version: 3 })).status).toBe(409);
    // Bad input at the edge (the shared schemas): a month that does not exist, a control character in a note or an observation.
    expect(await post({ period: '2026-13', action: 'close', version: row.version })).toMatchObject({ status: 422, body: { message: expect.stringContaining('period') } });
    const bell = await post({ period: '2026-10', action: 'request_correction', version: row.version, note: 'Revisa\u0007 el soporte' });
    expect(bell.status).toBe(422);
    expect(bell.body.message).toMatch(/^La solicitud no es válida/);
    expect((await post({ period: '2026-10', action: 'request_correction', version: row.version, observations: [{ keyResultId: 'kr', text: 'x'.repeat(1001) }] })).status).toBe(422);
    const closed = await post({ period: '2026-10', action: 'close', version: row.version });
    expect(closed.status).toBe(200);
    expect(closed.body.review).toMatchObject({ state: 'cerrado', version: (row.version ?? 0) + 1 });
    // The same old version again: someone acted first, nothing changes.
    expect(await post({ period: '2026-10', action: 'request_correction', version: row.version, note: 'x' })).toMatchObject({ status: 409, body: { message: expect.stringContaining('Otra persona del equipo ETI') } });
    const kr = (closed.body.review as UnitMonthReviewResponse).keyResults[0]!;
    const asked = await post({ period: '2026-10', action: 'request_correction', version: (row.version ?? 0) + 1, observations: [{ keyResultId: kr.id, text: 'Revisa el soporte.' }] });
    expect(asked.status).toBe(200);
    expect(asked.body.review).toMatchObject({ state: 'correccion_pedida' });
    expect(asked.body.notified.length).toBeGreaterThan(0);
    expect(proactive.sent.map((s) => s.personId)).toContain(`enlace-${row.unitId}`);
    expect((await post({ period: '2026-10', action: 'request_correction', version: (row.version ?? 0) + 2 })).body.message).toContain('Escribe al menos una observación');
    expect((await post({ period: '2026-10', action: 'borrar', version: null })).status).toBe(422);
  });

  it('closes the consistent months the ETI confirmed, and refuses when one changed', async () => {
    const { call } = await startApi();
    const q = (await call('/api/review/queue?period=2026-10', 'eti-1')).body as ReviewQueueResponse;
    const ids = q.rows.filter((r) => r.consistent).map((r) => r.unitId);
    expect(ids.length).toBeGreaterThan(1);
    const bulk = (unitIds: string[]) => call('/api/review/close-consistent', 'eti-1', { method: 'POST', body: JSON.stringify({ period: '2026-10', unitIds }) });
    expect((await bulk([...ids, 'al-usaquen'])).status).toBe(409);
    expect(await bulk(ids)).toMatchObject({ status: 200, body: { closed: ids } });
    expect((await bulk(ids)).status).toBe(409);
  });

  it('gives a key result’s months with who reported them and, once edited, what the month said before', async () => {
    const { call, store } = await startApi();
    const kr = (await store.getSet('al-suba', '2026-Q4'))!.keyResults.find((k) => k.kind === 'percentage')!;
    const other = (await store.getSet('al-suba', '2026-Q4'))!.keyResults.find((k) => k.kind === 'percentage' && k.id !== kr.id)!;
    const draft = (id: string, value: number, version: number | null) => ({ keyResultId: id, value, comment: `Avance ${value} del mes.`, evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/al-suba/e', version });
    const post = (...checkIns: ReturnType<typeof draft>[]) => call('/api/units/al-suba/check-ins', 'enlace-al-suba', { method: 'POST', body: JSON.stringify({ period: '2026-11', checkIns }) });
    const save = (value: number, version: number | null) => post(draft(kr.id, value, version));
    await save(30, null);
    // Saved together with another key result of the month, which is then corrected on its own: neither shows in this history.
    await post(draft(kr.id, 35, 1), draft(other.id, 10, null));
    await post(draft(other.id, 12, 1));
    const res = await call(`/api/units/al-suba/key-results/${kr.id}/history?quarter=2026-Q4`, 'miembro-al-suba');
    expect(res.status).toBe(200);
    const h = res.body as KeyResultHistoryResponse;
    const november = h.months.find((m) => m.period === '2026-11')!;
    const enlace = (await store.getPerson('enlace-al-suba'))!.name;
    expect(november).toMatchObject({ value: 35, version: 2, authorName: enlace, earlier: [{ value: 30, comment: 'Avance 30 del mes.', authorName: enlace }] });
    expect(h.months.map((m) => m.period)).toEqual([...h.months.map((m) => m.period)].sort());
    expect((await call(`/api/units/al-suba/key-results/${kr.id}/history`, 'enlace-al-usaquen')).status).toBe(403);
    expect((await call('/api/units/al-suba/key-results/nope/history', 'eti-1')).status).toBe(404);
  });

  it('offers the tab the open months of a unit, with what is stored and the ETI’s correction', async () => {
    const { call } = await startApi();
    const res = await call('/api/units/al-usaquen/check-in-months', 'enlace-al-usaquen');
    expect(res.status).toBe(200);
    expect(res.body.suggested).toBe('2026-10');
    expect(res.body.months.map((m: { period: string; state: string }) => [m.period, m.state])).toEqual([
      ['2026-10', 'sin_reportar'],
      ['2026-11', 'sin_reportar'],
    ]);
    expect((await call('/api/units/al-usaquen/check-in-months', 'miembro-al-usaquen')).status).toBe(403);
    expect((await call('/api/units/nope/check-in-months', 'eti-1')).status).toBe(404);
  });
});

describe('quarter close API', () => {
  it('shows T3 closed and shared, frozen, to entity-wide roles only', async () => {
    const { call } = await startApi();
    const res = await call('/api/reports/quarter-close?quarter=2026-Q3', 'oap-1');
    expect(res.status).toBe(200);
    const q = res.body as QuarterCloseResponse;
    expect(q.closed).toMatchObject({ closedByName: expect.any(String), version: 2 });
    expect(q.closed!.sharedAt).not.toBeNull();
    expect(q.snapshot!.units).toHaveLength(44);
    expect(q.snapshot!.summary).toMatchObject({ units: 44, central: 24, alcaldias: 20 });
    expect(q).toMatchObject({ canClose: false, canShare: false });
    expect((await call('/api/reports/quarter-close?quarter=2026-Q3', 'eti-1')).body.canShare).toBe(true);
    expect((await call('/api/reports/quarter-close?quarter=2026-Q3', 'lider-al-suba')).status).toBe(403);
    // Before its end, T4 shows what a close would freeze, and cannot be closed.
    const t4 = (await call('/api/reports/quarter-close?quarter=2026-Q4', 'eti-1')).body as QuarterCloseResponse;
    expect(t4).toMatchObject({ closed: null, snapshot: null, canClose: false, closableFrom: '2027-01-01' });
    expect(t4.preview!.summary.units).toBe(44);
    expect(await call('/api/reports/quarter-close', 'eti-1', { method: 'POST', body: JSON.stringify({ quarter: '2026-Q4' }) })).toMatchObject({
      status: 422,
      body: { message: 'El T4 2026 (octubre–diciembre) todavía no termina: se puede cerrar desde el 1 de enero de 2027.' },
    });
  });

  it('downloads the closed quarter as .xlsx: one sheet per level, frozen header, filters, Spanish columns', async () => {
    const { base } = await startApi();
    const res = await fetch(`${base}/api/reports/quarter-close.xlsx?quarter=2026-Q3`, { headers: { 'x-dev-person-id': 'eti-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="Cierre_OKR_2026-Q3.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Resumen', 'Unidades', 'Objetivos', 'Resultados clave', 'Check-ins']);
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // The filter spans the header row, from the first column to the last one with a header.
      const lastColumn = ws.getColumn(ws.actualColumnCount).letter;
      expect(ws.autoFilter).toBe(`A1:${lastColumn}1`);
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    const headers = (name: string) => (workbook.getWorksheet(name)!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers('Resultados clave')).toEqual(['Unidad', 'Objetivo táctico', 'Resultado clave', 'Tipo', 'Unidad de medida', 'Línea base', 'Meta', 'Valor final', 'Mes del valor', 'Avance', 'Estado', 'Comentario', 'Evidencia']);
    expect(headers('Unidades').slice(0, 7)).toEqual(['Unidad', 'Nivel', 'Estado del set', 'Objetivo institucional', 'Objetivo estratégico', 'Avance', 'Estado']);
    expect(headers('Unidades')).toContain('Revisión de septiembre de 2026');
    const units = workbook.getWorksheet('Unidades')!;
    expect(units.rowCount).toBe(45);
    expect(units.getRow(2).getCell(2).value).toBe('Nivel central');
    expect(units.getRow(45).getCell(2).value).toBe('Alcaldía local');
    expect(workbook.getWorksheet('Resultados clave')!.rowCount).toBe(1 + 44 * 9);
    expect(workbook.getWorksheet('Check-ins')!.rowCount).toBe(1 + 44 * 9 * 3);
    const summary = workbook.getWorksheet('Resumen')!;
    expect(summary.getRow(2).values).toEqual([undefined, 'Trimestre', 'T3 2026 (julio–septiembre)']);
    const evidence = workbook.getWorksheet('Check-ins')!.getRow(2).getCell(6).value as { hyperlink: string };
    expect(evidence.hyperlink).toMatch(/^https:\/\//);
    expect((await fetch(`${base}/api/reports/quarter-close.xlsx?quarter=2026-Q4`, { headers: { 'x-dev-person-id': 'eti-1' } })).status).toBe(404);
    expect((await fetch(`${base}/api/reports/quarter-close.xlsx?quarter=2026-Q3`, { headers: { 'x-dev-person-id': 'enlace-al-suba' } })).status).toBe(403);
  });

  it('after the quarter, the ETI closes it once — the snapshot never changes again — and shares it through the notifier', async () => {
    const { call, store, proactive } = await startApi(true, { seededOn: '2026-12-30T15:00:00.000Z', now: JAN_8 });
    const close = () => call('/api/reports/quarter-close', 'eti-1', { method: 'POST', body: JSON.stringify({ quarter: '2026-Q4' }) });
    expect((await call('/api/reports/quarter-close', 'oap-1', { method: 'POST', body: JSON.stringify({ quarter: '2026-Q4' }) })).status).toBe(403);
    const res = await close();
    expect(res.status).toBe(200);
    const q = res.body as QuarterCloseResponse;
    expect(q.snapshot).toMatchObject({ quarter: '2026-Q4', asOf: '2026-12-31', closedBy: 'eti-1' });
    expect(q.closed).toMatchObject({ version: 1, sharedAt: null });
    expect((await store.getSet('al-suba', '2026-Q4'))!.set.state).toBe('closed');
    expect(await close()).toMatchObject({ status: 409, body: { message: expect.stringContaining('ya se cerró') } });
    // A check-in of the closed quarter is refused; the snapshot is what it was.
    const kr = (await store.getSet('al-suba', '2026-Q4'))!.keyResults[0]!;
    const late = await call('/api/units/al-suba/check-ins', 'enlace-al-suba', { method: 'POST', body: JSON.stringify({ period: '2026-12', checkIns: [{ keyResultId: kr.id, value: 1, comment: 'Tarde.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/e', version: null }] }) });
    expect(late.status).toBe(403);
    expect((await call('/api/reports/quarter-close?quarter=2026-Q4', 'eti-1')).body.snapshot).toEqual(q.snapshot);

    const share = (version: number) => call('/api/reports/quarter-close/share', 'eti-1', { method: 'POST', body: JSON.stringify({ quarter: '2026-Q4', version }) });
    const shared = await share(1);
    expect(shared.status).toBe(200);
    expect(shared.body.view.closed.sharedAt).not.toBeNull();
    expect(shared.body.sent).toBeGreaterThan(40);
    const sgi = proactive.sent.find((s) => s.personId === 'lider-sgi')!;
    expect(JSON.stringify(sgi.card)).toContain('Cierre del T4 2026 (octubre–diciembre): reporte de avances de OKR');
    const suba = proactive.sent.find((s) => s.personId === 'lider-al-suba')!;
    expect(JSON.stringify(suba.card)).toContain('Resultado de Alcaldía Local de Suba en el T4 2026');
    expect((await share(1)).status).toBe(409);
  });
});
