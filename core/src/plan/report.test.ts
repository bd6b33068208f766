import { describe, expect, it } from 'vitest';
import { sampleMeta, sampleReport } from '../testing/samplePlan.js';
import { entryErrors, percentsIn, reportDueDate, reportStatus, reviewAlerts, submitErrors, submittedLate } from './report.js';

describe('the quarterly report’s due date: 15 calendar days after the quarter, or the next business day', () => {
  it('is the 15th when it is a business day', () => {
    expect(reportDueDate(2026, 1)).toBe('2026-04-15');
    expect(reportDueDate(2026, 3)).toBe('2026-10-15');
    expect(reportDueDate(2026, 4)).toBe('2027-01-15');
  });
  it('moves to the next business day past weekends and Monday holidays', () => {
    // 15 January 2028 is a Saturday: Monday the 17th.
    expect(reportDueDate(2027, 4)).toBe('2028-01-17');
    // 15 October 2028 is a Sunday and Monday the 16th is the Día de la Raza (moved by Ley 51 de 1983): Tuesday the 17th.
    expect(reportDueDate(2028, 3)).toBe('2028-10-17');
  });
});

describe('where a quarter’s report stands', () => {
  const submitted = (at: string) => ({ state: 'submitted' as const, submittedAt: at });
  it('is not due during the quarter, open in the window, overdue after it', () => {
    expect(reportStatus(2026, 4, null, '2026-12-01')).toBe('not_due');
    expect(reportStatus(2026, 3, null, '2026-10-05')).toBe('open');
    expect(reportStatus(2026, 3, { state: 'draft', submittedAt: null }, '2026-10-05')).toBe('draft');
    expect(reportStatus(2026, 3, null, '2026-10-16')).toBe('overdue');
  });
  it('tells a report sent on time from one sent late (Bogotá dates)', () => {
    // 15 October 23:30 in Bogotá is 16 October 04:30 UTC: still on time.
    expect(reportStatus(2026, 3, submitted('2026-10-16T04:30:00.000Z'), '2026-12-01')).toBe('submitted');
    expect(submittedLate(2026, 3, '2026-10-16T05:30:00.000Z')).toBe(true);
    expect(reportStatus(2026, 3, submitted('2026-10-20T15:00:00.000Z'), '2026-12-01')).toBe('submitted_late');
    expect(reportStatus(2026, 3, { state: 'closed', submittedAt: '2026-10-20T15:00:00.000Z' }, '2026-12-01')).toBe('closed');
  });
});

describe('what a report may hold and must hold', () => {
  const meta = sampleMeta();
  const entry = { metaId: 'm1', executed: 10, analysis: 'Se hicieron las 10 mesas.', evidenceUrl: 'https://x.sharepoint.com/e', cumulativeAnalysis: 'Va al día.' };
  it('refuses a negative execution, a link that is not https and texts too long', () => {
    expect(entryErrors(meta, entry)).toEqual([]);
    expect(entryErrors(meta, { ...entry, executed: -1 })).toEqual(['«Realizar 40 mesas de trabajo con las alcaldías locales»: la ejecución no puede ser negativa.']);
    expect(entryErrors(meta, { ...entry, evidenceUrl: 'http://x.sharepoint.com/e' })[0]).toContain('debe ser un enlace https');
    expect(entryErrors(meta, { ...entry, evidenceUrl: 'javascript:alert(1)' })[0]).toContain('debe ser un enlace https');
    expect(entryErrors(meta, { ...entry, analysis: 'x'.repeat(2001) })[0]).toContain('supera 2000 caracteres');
  });
  it('must give every field of every meta expected in the quarter, and the causes when a meta is behind', () => {
    const metas = [meta, sampleMeta({ id: 'm2', order: 2, statement: 'Meta que empieza en el T4', programmed: [null, null, null, 10], totalMagnitude: 10 })];
    expect(submitErrors('sgl', metas, [sampleReport('m1', 1, 10)], 1)).toEqual([]);
    expect(submitErrors('sgl', metas, [sampleReport('m1', 1, 10, { evidenceUrl: '' })], 1)).toEqual(['«Realizar 40 mesas de trabajo con las alcaldías locales»: falta la evidencia.']);
    expect(submitErrors('sgl', metas, [], 1)[0]).toContain('falta la ejecución del trimestre, el análisis del avance del trimestre, la evidencia, el análisis del resultado acumulado');
    // 6 of 10: 60 % behind, and «Bien.» explains nothing.
    expect(submitErrors('sgl', metas, [sampleReport('m1', 1, 6, { cumulativeAnalysis: 'Bien.' })], 1)).toEqual([
      '«Realizar 40 mesas de trabajo con las alcaldías locales» va en 60,00 % acumulado: el análisis del resultado acumulado debe explicar las causas del retraso.',
    ]);
  });
  it('does not ask the team for a local meta another area leads and reports', () => {
    const local = sampleMeta({ local: true, leadUnitId: 'dgp' });
    expect(submitErrors('al-usaquen', [local], [], 1)).toEqual([]);
    expect(reviewAlerts(local, 'al-usaquen', [], 1).map((a) => a.code)).toEqual(['lead_pending']);
  });
});

describe('the OAP review’s coherence alerts (programmed vs executed vs % vs analysis)', () => {
  it('flags a % in the analysis that contradicts the computed one', () => {
    expect(percentsIn('Vamos en 100 % y en 85,5% del acumulado')).toEqual([1, 0.855]);
    const alerts = reviewAlerts(sampleMeta(), 'sgl', [sampleReport('m1', 1, 6, { analysis: 'Se cumplió el 100 % de lo programado.', cumulativeAnalysis: 'Por demoras en la contratación se hicieron 6 de 10.' })], 1);
    expect(alerts.map((a) => a.message)).toEqual(['El análisis menciona 100,00 %, pero el % calculado es 60,00 % / 60,00 %.']);
  });
  it('flags a creciente level that went down, an unexplained delay and an over-execution', () => {
    const creciente = sampleMeta({ programmingType: 'creciente', programmed: [20, 40, 60, 80], totalMagnitude: 80 });
    const reports = [sampleReport('m1', 1, 22), sampleReport('m1', 2, 41), sampleReport('m1', 3, 38, { cumulativeAnalysis: 'Bien.' })];
    expect(reviewAlerts(creciente, 'sgl', reports, 3).map((a) => a.code)).toEqual(['delay_unexplained', 'wrong_way']);
    expect(reviewAlerts(sampleMeta(), 'sgl', [sampleReport('m1', 1, 14)], 1).map((a) => a.code)).toEqual(['over_execution']);
    expect(reviewAlerts(sampleMeta(), 'sgl', [], 1).map((a) => a.code)).toEqual(['not_reported']);
  });
  it('uses the OAP’s correction instead of the figure reported', () => {
    const corrected = sampleReport('m1', 1, 14, { correction: { field: 'executed', original: 14, corrected: 10, reason: 'Se contaron dos veces cuatro mesas.', by: 'oap-1', at: '2026-10-20T15:00:00.000Z' } });
    expect(reviewAlerts(sampleMeta(), 'sgl', [corrected], 1)).toEqual([]);
  });
});
