import { describe, expect, it } from 'vitest';
import { checkIn, sampleBundle, unit } from './testing/sampleSet.js';
import type { CheckIn, OkrSetBundle, Unit } from './types.js';
import { buildQuarterSnapshot } from './quarterClose.js';
import type { MonthReview } from './review.js';

const central: Unit = { id: 'dgth', name: 'Dirección de Gestión del Talento Humano', kind: 'central', level: 'direccion', parentId: 'sgi' };
const noSet: Unit = { id: 'oac', name: 'Oficina Asesora de Comunicaciones', kind: 'central', level: 'oficina', parentId: 'despacho' };
const names = new Map([['enlace-al-usaquen', 'Ana Gómez'], ['eti-1', 'Equipo ETI Uno']]);

function quarterOf(bundle: OkrSetBundle, months: string[], upTo: number): CheckIn[] {
  return months.slice(0, upTo).flatMap((period, m) =>
    bundle.keyResults.map((kr) => ({
      ...checkIn(kr.id, period, kr.kind === 'milestone' ? (m === 2 ? 1 : 0) : kr.kind === 'number' ? 15 - (m + 1) * 1.5 : (m + 1) * 30),
      unitId: bundle.set.unitId,
      evidenceUrl: `https://gobiernobogota.sharepoint.com/sites/OKR/${bundle.set.unitId}/${period}`,
    })),
  );
}

describe('the quarter-close snapshot', () => {
  const usaquen = sampleBundle();
  const dgth: OkrSetBundle = (() => {
    const b = sampleBundle();
    return { set: { ...b.set, id: 's2', unitId: central.id }, objectives: b.objectives.map((o) => ({ ...o, setId: 's2' })), keyResults: b.keyResults.map((k) => ({ ...k, id: `d-${k.id}`, setId: 's2' })) };
  })();
  const months = ['2026-10', '2026-11', '2026-12'];
  const checkIns = [...quarterOf(usaquen, months, 3), ...quarterOf(dgth, months, 2)];
  // November edited once after a correction.
  const edited = checkIns.findIndex((c) => c.keyResultId === 'kr11' && c.period === '2026-11');
  checkIns[edited] = { ...checkIns[edited]!, version: 2, comment: 'Corregido: 60 % con soporte.' };
  const reviews: MonthReview[] = months.map((period) => ({ unitId: unit.id, period, state: 'closed', actorId: 'eti-1', at: `${period}-28T20:00:00.000Z`, note: null, observations: [], checkInVersions: {}, version: 1 }));
  const snapshot = buildQuarterSnapshot({
    quarter: '2026-Q4',
    closedAt: '2027-01-08T15:00:00.000Z',
    closedBy: 'eti-1',
    names,
    units: [unit, noSet, central],
    bundles: [usaquen, dgth],
    checkIns,
    reviews,
    institutionalObjectives: [{ id: 'oe1', code: 'OE1', title: 'Gobernabilidad' }],
  });

  it('lists the central units first, then the alcaldías, with statuses as of the quarter’s last day', () => {
    expect(snapshot.asOf).toBe('2026-12-31');
    expect(snapshot.closedByName).toBe('Equipo ETI Uno');
    expect(snapshot.units.map((u) => u.unitId)).toEqual(['dgth', 'oac', 'al-usaquen']);
    const u = snapshot.units.find((x) => x.unitId === 'al-usaquen')!;
    expect(u).toMatchObject({ institutionalObjective: 'OE1', setState: 'active', strategic: { title: 'Acercar la alcaldía a la ciudadanía' } });
    expect(u.tactical).toHaveLength(3);
  });

  it('keeps every key result’s final value, progress, status, comment and evidence, and each check-in with who reported it', () => {
    const kr = snapshot.units.find((x) => x.unitId === 'al-usaquen')!.keyResults[0]!;
    expect(kr).toMatchObject({ keyResultId: 'kr11', objective: 'Táctico 1', value: 90, period: '2026-12', progress: 0.9, status: 'en_curso', evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/al-usaquen/2026-12' });
    expect(kr.checkIns.map((c) => [c.period, c.value, c.version, c.authorName])).toEqual([
      ['2026-10', 30, 1, 'Ana Gómez'],
      ['2026-11', 60, 2, 'Ana Gómez'],
      ['2026-12', 90, 1, 'Ana Gómez'],
    ]);
  });

  it('records each month’s reporting status and the ETI’s outcome', () => {
    const u = snapshot.units.find((x) => x.unitId === 'al-usaquen')!;
    expect(u.months.map((m) => [m.period, m.reported, m.state, m.reviewedBy])).toEqual([
      ['2026-10', 9, 'cerrado', 'Equipo ETI Uno'],
      ['2026-11', 9, 'cerrado', 'Equipo ETI Uno'],
      ['2026-12', 9, 'cerrado', 'Equipo ETI Uno'],
    ]);
    const d = snapshot.units.find((x) => x.unitId === 'dgth')!;
    expect(d.months.map((m) => m.state)).toEqual(['por_revisar', 'por_revisar', 'sin_reportar']);
    expect(snapshot.units.find((x) => x.unitId === 'oac')).toMatchObject({ setState: null, strategic: null, months: [], keyResults: [] });
  });

  it('sums the figures over every unit', () => {
    expect(snapshot.summary).toMatchObject({
      units: 3,
      central: 2,
      alcaldias: 1,
      withSet: 2,
      keyResults: 18,
      completeMonths: 5,
      dueMonths: 6,
      monthsByState: { cerrado: 3, por_revisar: 2, sin_reportar: 1, incompleto: 0, correccion_pedida: 0, corregido: 0 },
    });
    expect(snapshot.summary.byStatus.sin_set).toBe(1);
    expect(Object.values(snapshot.summary.byStatus).reduce((a, b) => a + b, 0)).toBe(3);
    expect(Object.values(snapshot.summary.keyResultsByStatus).reduce((a, b) => a + b, 0)).toBe(18);
  });

  it('previews a running quarter as of today: its statuses then, and only the months begun', () => {
    const preview = buildQuarterSnapshot({
      quarter: '2026-Q4',
      closedAt: '2026-11-23T15:00:00.000Z',
      closedBy: 'eti-1',
      names,
      units: [unit],
      bundles: [usaquen],
      checkIns: checkIns.filter((c) => c.unitId === unit.id && c.period <= '2026-11'),
      reviews: [],
      institutionalObjectives: [],
      asOf: '2026-11-23',
    });
    expect(preview.asOf).toBe('2026-11-23');
    expect(preview.units[0]!.months.map((m) => m.period)).toEqual(['2026-10', '2026-11']);
    // 60 % reported against 59 % expected on 23 November: on track (as of the quarter's end it would be at risk).
    expect(preview.units[0]!.keyResults[0]).toMatchObject({ value: 60, status: 'en_curso' });
    expect(preview.summary.dueMonths).toBe(2);
  });
});
