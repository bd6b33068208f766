/** A PEI at a cut-off for the tab's tests: seed 002's objective 5 (an uncapped 144,52 %) and an objective without validated figures. */
import type { PeiIndicator, PeiIndicatorRow, PeiReportView, ValidationItemView } from '@okr/core';

export function indicator(over: Partial<PeiIndicator> = {}): PeiIndicator {
  return {
    id: 'sg-546',
    planId: 'sg-pei-2020-2024',
    kind: 'sectorial',
    reference: 'Indicador sectorial 546',
    name: 'Porcentaje de entidades distritales asesoradas en gestión documental',
    responsibleUnitId: null,
    responsibleArea: 'Dirección Distrital de Archivo',
    unitOfMeasure: '%',
    method: 'magnitud',
    variables: null,
    additive: false,
    breakdown: { locality: false, differential: [] },
    planMeta: null,
    note: null,
    ...over,
  };
}

export function row(over: Partial<PeiIndicatorRow> = {}): PeiIndicatorRow {
  return {
    indicator: indicator(),
    weight: 1,
    share: 0.5,
    source: 'pei',
    figures: { annual: 100, programmedAtCutoff: 45.1, executed: 65.18, percent: 1.4452, status: { code: 'sobre_ejecucion', gap: 44.52, text: 'Sobre ejecución 44,52 %' } },
    state: 'validated',
    validatedAt: '2023-07-20T15:00:00.000Z',
    analysis: '[Ver soporte](https://phish.example.com) **ya**',
    analysisPublic: true,
    excluded: null,
    ...over,
  };
}

export function peiReport(over: Partial<PeiReportView> = {}): PeiReportView {
  const plan = { id: 'sg-pei-2020-2024', entity: 'Secretaría General', name: 'Plan Estratégico Institucional 2020-2024', startYear: 2020, endYear: 2024, own: false };
  return {
    plan: { ...plan, mission: 'Misión', vision: 'Visión' },
    plans: [plan],
    year: 2023,
    cutoff: '2023-06-30',
    cutoffs: ['2023-06-30'],
    objectives: [
      {
        id: 'sg-o5',
        number: 5,
        title: 'Fortalecer la gestión documental del Distrito',
        institutionalObjectiveId: null,
        compliance: 0.9913,
        indicators: [
          row({ indicator: indicator({ id: 'sg-545', reference: 'Indicador sectorial 545', name: 'Porcentaje de avance del sistema de archivos' }), figures: { annual: 100, programmedAtCutoff: 40, executed: 21.49, percent: 0.5373, status: { code: 'rezago', gap: 46.27, text: 'Rezago 46,27 %' } }, analysis: '' }),
          row(),
        ],
        notes: [],
      },
      {
        id: 'sg-o9',
        number: 9,
        title: 'Un objetivo todavía en validación',
        institutionalObjectiveId: null,
        compliance: null,
        indicators: [row({ indicator: indicator({ id: 'sg-900', reference: 'Meta de gestión', name: 'Mesas de trabajo realizadas' }), figures: { annual: 12, programmedAtCutoff: 6, executed: null, percent: null, status: { code: 'sin_reporte', gap: null, text: 'Sin reporte validado al corte' } }, state: 'reported', validatedAt: null, analysis: '', share: 0, excluded: 'sin_reporte' })],
        notes: [],
      },
    ],
    changes: [],
    canEditWeights: false,
    years: [2020, 2021, 2022, 2023, 2024],
    ...over,
  };
}

/** A figure of the round the area reports: by locality and by sex. */
export function roundItem(over: Partial<ValidationItemView> = {}): ValidationItemView {
  return {
    indicator: indicator({ id: 'sdg-i02', planId: 'sdg-pei-2024-2027', kind: 'inversion', reference: 'Meta proyecto de inversión N°2', name: 'Personas vinculadas a procesos de participación', responsibleUnitId: 'dgdl', unitOfMeasure: 'personas', additive: true, breakdown: { locality: true, differential: ['sexo'] } }),
    objectives: [1],
    cutoff: '2026-09-30',
    source: 'pei',
    state: 'pending',
    figures: { executed: null, numerator: null, denominator: null, localities: null, differential: {} },
    computed: { annual: 12000, programmedAtCutoff: 9000, executed: null, percent: null, status: { code: 'sin_reporte', gap: null, text: 'Sin reporte validado al corte' } },
    analysis: '',
    analysisPublic: false,
    jumpExplanation: '',
    checks: [],
    oapReturn: null,
    validatedAt: null,
    history: [],
    version: null,
    canReport: true,
    canReturn: false,
    canConfirm: false,
    ...over,
  };
}
