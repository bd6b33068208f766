import type { Meta, MetaReport, QuarterNumber } from '../plan/types.js';
import type { MetaContext } from '../plan/metaRules.js';

/** A complete, coherent meta (suma, 40 in the year, 10 a quarter), to vary in tests. */
export function sampleMeta(overrides: Partial<Meta> = {}): Meta {
  return {
    id: 'm1',
    order: 1,
    statement: 'Realizar 40 mesas de trabajo con las alcaldías locales',
    strategicObjectiveId: 'oe1',
    processObjective: 'Fortalecer la gestión local',
    indicator: { name: 'Mesas realizadas', numerator: 'Mesas realizadas', denominator: 'Mesas programadas', formula: 'numerador / denominador', unit: 'mesas' },
    programmingType: 'suma',
    totalMagnitude: 40,
    programmed: [10, 10, 10, 10],
    deliverables: 'Actas de las mesas',
    weight: 50,
    responsibleUnitId: 'sgl',
    local: false,
    transversal: false,
    leadUnitId: null,
    supervisorUnitId: null,
    eliminated: false,
    modifiedInVersion: null,
    ...overrides,
  };
}

export function sampleReport(metaId: string, quarter: QuarterNumber, executed: number | null, overrides: Partial<MetaReport> = {}): MetaReport {
  return {
    planId: 'plan-sgl-2026',
    metaId,
    quarter,
    executed,
    analysis: 'Se realizaron las mesas previstas con actas y listados.',
    evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/evidencias',
    cumulativeAnalysis: 'El acumulado va según lo programado.',
    correction: null,
    lead: null,
    completedByOap: false,
    updatedBy: 'enlace-sgl',
    updatedAt: '2026-10-10T15:00:00.000Z',
    ...overrides,
  };
}

export const sampleContext: MetaContext = {
  objectiveIds: new Set(['oe1', 'oe2', 'oe3', 'oe4', 'oe5']),
  units: new Map([
    ['sgl', 'central'],
    ['dgp', 'central'],
    ['dgdl', 'central'],
    ['oap', 'central'],
    ['al-usaquen', 'alcaldia'],
  ]),
};
