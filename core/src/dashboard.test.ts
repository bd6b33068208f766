import { describe, expect, it } from 'vitest';
import { buildEntityDashboard, complianceBand, complianceDistribution, dashboardBucket, reportingCompliance, statusDistribution } from './dashboard.js';
import { checkIn, sampleBundle, unit } from './testing/sampleSet.js';
import type { OkrSetBundle, Unit } from './types.js';

const krIds = sampleBundle().keyResults.map((k) => k.id);
const io = [{ id: 'oe1', code: 'OE1', title: 'Gobernabilidad local' }];

describe('reporting compliance', () => {
  it('counts, month by month up to the current one, the key results with a check-in', () => {
    const checkIns = [
      ...krIds.map((id) => checkIn(id, '2026-10', 1)), // October: 9 of 9
      ...krIds.slice(0, 4).map((id) => checkIn(id, '2026-11', 1)), // November: 4 of 9
      checkIn('kr11', '2026-11', 2, 2), // a second version of the same KR and month counts once
      checkIn('otro-kr', '2026-11', 1), // not a KR of the set
      checkIn('kr11', '2026-12', 1), // a month still ahead is not counted
    ];
    const c = reportingCompliance(krIds, checkIns, '2026-Q4', '2026-11');
    expect(c.months).toEqual([
      { period: '2026-10', reported: 9, total: 9 },
      { period: '2026-11', reported: 4, total: 9 },
    ]);
    expect(c.month).toEqual({ reported: 4, total: 9, rate: 4 / 9 });
    expect(c.quarter).toEqual({ reported: 13, total: 18, rate: 13 / 18 });
  });

  it('takes all three months of a past quarter and none of a future one', () => {
    const past = reportingCompliance(krIds, [checkIn('kr11', '2026-08', 1)], '2026-Q3', '2026-11');
    expect(past.months.map((m) => m.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(past.month).toBeNull();
    expect(past.quarter).toEqual({ reported: 1, total: 27, rate: 1 / 27 });
    const future = reportingCompliance(krIds, [], '2027-Q1', '2026-11');
    expect(future.months).toEqual([]);
    expect(future.quarter.rate).toBeNull();
  });
});

describe('entity dashboard', () => {
  const other: Unit = { id: 'dgth', name: 'Dirección de Gestión del Talento Humano', kind: 'central', level: 'direccion', parentId: null };
  const third: Unit = { id: 'al-suba', name: 'Alcaldía Local de Suba', kind: 'alcaldia', level: 'alcaldia', parentId: null };
  const draft: OkrSetBundle = (() => {
    const b = sampleBundle();
    return { ...b, set: { ...b.set, id: 'd', unitId: third.id, state: 'draft' } };
  })();

  it('gives each unit its objectives’ progress and status, and its compliance; none for units without a reporting set', () => {
    const checkIns = [checkIn('kr11', '2026-10', 50), checkIn('kr11', '2026-11', 60), checkIn('kr12', '2026-11', 12)];
    const d = buildEntityDashboard({
      quarter: '2026-Q4',
      asOf: '2026-11-23',
      period: '2026-11',
      units: [unit, other, third],
      bundles: [sampleBundle(), draft],
      checkIns,
      institutionalObjectives: io,
    });
    expect(d.expected).toBeCloseTo(54 / 92);
    const [usaquen, dgth, suba] = d.units;
    expect(usaquen!.setState).toBe('active');
    expect(usaquen!.institutionalObjectiveCode).toBe('OE1');
    expect(usaquen!.tactical.map((t) => t.status)).toEqual(['atrasado', 'no_iniciado', 'no_iniciado']);
    expect(usaquen!.strategic!.status).toBe('en_riesgo');
    expect(usaquen!.keyResultCount).toBe(9);
    expect(usaquen!.compliance!.month).toEqual({ reported: 2, total: 9, rate: 2 / 9 });
    expect(usaquen!.compliance!.quarter).toEqual({ reported: 3, total: 18, rate: 3 / 18 });
    expect(dgth).toMatchObject({ setState: null, strategic: null, tactical: [], compliance: null });
    expect(suba).toMatchObject({ setState: 'draft', compliance: null });
    // A set being formulated is neither a status nor «sin set».
    expect(statusDistribution(d.units)).toEqual({ completado: 0, en_curso: 0, atrasado: 0, en_riesgo: 1, no_iniciado: 0, en_formulacion: 1, sin_set: 1 });
    expect(d.units.map(dashboardBucket)).toEqual(['en_riesgo', 'sin_set', 'en_formulacion']);
    expect(d.units.map(complianceBand)).toEqual(['parcial', 'no_aplica', 'no_aplica']);
  });

  it('bands the current month: all reported, some, none', () => {
    const base = buildEntityDashboard({ quarter: '2026-Q4', asOf: '2026-11-23', period: '2026-11', units: [unit], bundles: [sampleBundle()], checkIns: [], institutionalObjectives: io }).units[0]!;
    const full = buildEntityDashboard({
      quarter: '2026-Q4',
      asOf: '2026-11-23',
      period: '2026-11',
      units: [unit],
      bundles: [sampleBundle()],
      checkIns: krIds.map((id) => checkIn(id, '2026-11', 1)),
      institutionalObjectives: io,
    }).units[0]!;
    expect(complianceBand(base)).toBe('ninguno');
    expect(complianceBand(full)).toBe('completo');
    expect(complianceDistribution([base, full, full])).toEqual({ completo: 2, parcial: 0, ninguno: 1, no_aplica: 0 });
  });
});
