/** The review module's API answers for component tests: a month's queue, one unit's month, a closed quarter. */
import type { QuarterCloseResponse, ReviewQueueResponse, UnitMonthReviewResponse } from '@okr/core';

export function fixtureQueue(): ReviewQueueResponse {
  const row = (unitId: string, unitName: string, kind: 'central' | 'alcaldia', state: ReviewQueueResponse['rows'][number]['state'], over: Partial<ReviewQueueResponse['rows'][number]> = {}) => ({
    unitId,
    unitName,
    kind,
    state,
    reported: 9,
    total: 9,
    waitingSince: null,
    flagCount: 0,
    consistent: false,
    reviewedBy: null,
    reviewedAt: null,
    version: null,
    ...over,
  });
  return {
    period: '2026-11',
    quarter: '2026-Q4',
    periods: ['2026-12', '2026-11', '2026-10'],
    rows: [
      row('al-suba', 'Alcaldía Local de Suba', 'alcaldia', 'por_revisar', { waitingSince: '2026-11-26T15:00:00.000Z', consistent: true }),
      row('dfin', 'Dirección Financiera', 'central', 'por_revisar', { waitingSince: '2026-11-27T15:00:00.000Z', flagCount: 2 }),
      row('al-bosa', 'Alcaldía Local de Bosa', 'alcaldia', 'corregido', { waitingSince: '2026-11-30T18:00:00.000Z', consistent: true, reviewedBy: 'Equipo ETI Uno', reviewedAt: '2026-11-28T16:00:00.000Z', version: 1 }),
      row('al-usme', 'Alcaldía Local de Usme', 'alcaldia', 'correccion_pedida', { waitingSince: '2026-11-28T16:00:00.000Z', reviewedBy: 'Equipo ETI Uno', reviewedAt: '2026-11-28T16:00:00.000Z', version: 1 }),
      row('sgd', 'Subdirección de Gestión Documental', 'central', 'incompleto', { reported: 4 }),
      row('al-usaquen', 'Alcaldía Local de Usaquén', 'alcaldia', 'sin_reportar', { reported: 0 }),
      row('dgth', 'Dirección de Gestión del Talento Humano', 'central', 'cerrado', { reviewedBy: 'Equipo ETI Dos', reviewedAt: '2026-11-30T16:00:00.000Z', version: 1 }),
    ],
    counts: { por_revisar: 2, corregido: 1, correccion_pedida: 1, incompleto: 1, sin_reportar: 1, cerrado: 1 },
    withoutSet: [{ unitId: 'oac', unitName: 'Oficina Asesora de Comunicaciones' }],
    quarterClosed: false,
    canAct: true,
  };
}

export function fixtureUnitMonth(over: Partial<UnitMonthReviewResponse> = {}): UnitMonthReviewResponse {
  const kr = (n: number, over2: Partial<UnitMonthReviewResponse['keyResults'][number]> = {}): UnitMonthReviewResponse['keyResults'][number] => ({
    id: `kr${n}`,
    title: `Resultado clave ${n}`,
    objectiveTitle: `Objetivo táctico ${Math.ceil(n / 3)}`,
    kind: 'percentage',
    unitOfMeasure: '%',
    baseline: 0,
    target: 100,
    checkIn: { value: 60, comment: `Se avanzó en el resultado ${n} con soporte.`, evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/dfin/${n}`, authorName: 'Camila Rojas Díaz', createdAt: '2026-11-27T15:00:00.000Z', updatedAt: '2026-11-27T15:00:00.000Z', version: 1 },
    progress: 0.6,
    status: 'en_curso',
    previous: { period: '2026-10', value: 30, evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/dfin/oct' },
    flags: [],
    observation: null,
    corrected: false,
    ...over2,
  });
  return {
    unit: { id: 'dfin', name: 'Dirección Financiera', kind: 'central', level: 'direccion', parentId: 'sgi' },
    period: '2026-11',
    quarter: '2026-Q4',
    state: 'por_revisar',
    reported: 9,
    total: 9,
    version: null,
    quarterClosed: false,
    canAct: true,
    review: null,
    keyResults: [
      kr(1, {
        flags: [
          { code: 'percent_mismatch', keyResultId: 'kr1', message: 'El comentario menciona 45 %, pero lo reportado es 60 %.' },
          { code: 'evidence_repeated', keyResultId: 'kr1', message: 'Usa el mismo enlace a la evidencia que en octubre de 2026.' },
        ],
      }),
      ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => kr(n)),
    ],
    history: [],
    ...over,
  };
}

export function fixtureClosedQuarter(): QuarterCloseResponse {
  const units = [
    { unitId: 'dgth', unitName: 'Dirección de Gestión del Talento Humano', kind: 'central' as const },
    { unitId: 'al-suba', unitName: 'Alcaldía Local de Suba', kind: 'alcaldia' as const },
  ].map((u, i) => ({
    ...u,
    setState: 'active' as const,
    institutionalObjective: 'OE4',
    strategic: { title: `Objetivo de ${u.unitName}`, progress: i === 0 ? 0.92 : 0.55, status: i === 0 ? ('en_curso' as const) : ('en_riesgo' as const) },
    tactical: [],
    months: ['2026-07', '2026-08', '2026-09'].map((period) => ({ period, reported: 9, total: 9, state: 'cerrado' as const, reviewedBy: 'Equipo ETI Uno', reviewedAt: `${period}-30T16:00:00.000Z`, note: null })),
    keyResults: [{ keyResultId: `${u.unitId}-kr1`, objective: 'Táctico 1', title: 'Responder a tiempo las PQRS', kind: 'percentage' as const, unitOfMeasure: '%', baseline: 0, target: 100, value: 80, period: '2026-09', progress: 0.8, status: 'en_curso' as const, comment: 'Se respondieron a tiempo.', evidenceUrl: 'https://x.sharepoint.com/e' }],
  }));
  const summary = {
    units: 2,
    central: 1,
    alcaldias: 1,
    withSet: 2,
    byStatus: { completado: 0, en_curso: 1, atrasado: 0, en_riesgo: 1, no_iniciado: 0, sin_set: 0 },
    keyResults: 2,
    keyResultsByStatus: { completado: 0, en_curso: 2, atrasado: 0, en_riesgo: 0, no_iniciado: 0 },
    averageProgress: 0.735,
    completeMonths: 6,
    dueMonths: 6,
    monthsByState: { sin_reportar: 0, incompleto: 0, por_revisar: 0, correccion_pedida: 0, corregido: 0, cerrado: 6 },
  };
  return {
    quarter: '2026-Q3',
    closableFrom: '2026-10-01',
    closed: { closedAt: '2026-10-06T15:00:00.000Z', closedByName: 'Equipo ETI Uno', sharedAt: '2026-10-07T14:00:00.000Z', sharedByName: 'Equipo ETI Uno', version: 2 },
    snapshot: { quarter: '2026-Q3', asOf: '2026-09-30', closedAt: '2026-10-06T15:00:00.000Z', closedBy: 'eti-1', closedByName: 'Equipo ETI Uno', summary, units },
    preview: null,
    canClose: false,
    canShare: true,
  };
}
