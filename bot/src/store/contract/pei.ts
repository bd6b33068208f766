import { expect, it } from 'vitest';
import type { OkrValidation, PeiValue } from '@okr/core';
import { ConflictError } from '../Store.js';
import type { ContractContext } from './fixtures.js';

const PLAN = 'sdg-pei-2024-2027';
/** A vigencia of the plan the demo data does not use. */
const YEAR = 2027;

const value = (indicatorId: string, cutoff: string, overrides: Partial<PeiValue> = {}): PeiValue => ({
  planId: PLAN,
  indicatorId,
  cutoff,
  year: YEAR,
  executed: 1520,
  numerator: null,
  denominator: null,
  localities: { Usaquén: 1000, 'Ciudad Bolívar': 520 },
  differential: { sexo: { Mujer: 900, Hombre: 620 } },
  analysis: 'Se atendieron 1.520 personas en "jornadas" móviles — ñ, tildes y comillas.',
  analysisPublic: true,
  jumpExplanation: '',
  state: 'reported',
  oapReturn: null,
  validatedAt: null,
  history: [{ at: '2027-04-10T15:00:00.000Z', by: 'enlace-dgdl', action: 'report', comment: null }],
  version: 0,
  ...overrides,
});

/** The contract of the PEI: a plan's year in one read, figures compare-and-set and all or nothing, weights by vigencia, OKR validations. */
export function peiContract({ seeded }: ContractContext): void {
  it('reads a plan’s year: its objectives in order, indicators, and only that year’s weights, programming and figures', async () => {
    const store = await seeded();
    expect((await store.listPeiPlans()).map((p) => p.id)).toEqual(['sdg-pei-2024-2027', 'sg-pei-2020-2024']);
    const sg = (await store.loadPeiYear('sg-pei-2020-2024', 2023))!;
    expect(sg.objectives.map((o) => o.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(sg.indicators).toHaveLength(14);
    expect(sg.weights).toHaveLength(15);
    expect(sg.values.find((v) => v.indicatorId === 'sg-546')).toMatchObject({ executed: 150623, cutoff: '2023-06-30', state: 'validated' });
    expect(sg.changes.map((c) => c.version)).toEqual(['Versión 3 · 001']);
    const other = (await store.loadPeiYear('sg-pei-2020-2024', 2022))!;
    expect([other.weights, other.programming, other.values]).toEqual([[], [], []]);
    expect(other.indicators).toHaveLength(14);
    expect(await store.loadPeiYear('no-existe', 2023)).toBeNull();
    await store.close();
  });

  it('writes figures compare-and-set, all or nothing, and audits each', async () => {
    const store = await seeded();
    const [a] = await store.writePeiValues([{ value: value('sdg-i02', '2027-03-31'), expectedVersion: null }], 'enlace-dgdl');
    expect(a!.version).toBe(1);
    await expect(store.writePeiValues([{ value: value('sdg-i02', '2027-03-31'), expectedVersion: null }], 'enlace-dgdl')).rejects.toBeInstanceOf(ConflictError);
    // A batch whose second figure is stale changes nothing, not even the first.
    await expect(
      store.writePeiValues(
        [
          { value: value('sdg-i04', '2027-03-31'), expectedVersion: null },
          { value: value('sdg-i02', '2027-03-31', { executed: 1 }), expectedVersion: 5 },
        ],
        'enlace-dgdl',
      ),
    ).rejects.toBeInstanceOf(ConflictError);
    let year = (await store.loadPeiYear(PLAN, YEAR))!;
    expect(year.values.map((v) => [v.indicatorId, v.executed])).toEqual([['sdg-i02', 1520]]);
    const returned = value('sdg-i02', '2027-03-31', { state: 'returned', oapReturn: { executed: 1500, observations: 'Se depuraron 20 registros duplicados.', by: 'oap-1', at: '2027-04-12T15:00:00.000Z' } });
    const [b] = await store.writePeiValues([{ value: returned, expectedVersion: 1 }], 'oap-1');
    expect(b).toEqual({ ...returned, version: 2 });
    year = (await store.loadPeiYear(PLAN, YEAR))!;
    expect(year.values).toEqual([b]);
    // Another vigencia's read sees none of it.
    expect((await store.loadPeiYear(PLAN, 2026))!.values.some((v) => v.cutoff.startsWith('2027'))).toBe(false);
    expect((await store.listAudit({ entity: 'peiValue', entityId: `${PLAN}|sdg-i02|2027-03-31` })).map((e) => [e.action, e.actorId])).toEqual([['update', 'oap-1'], ['create', 'enlace-dgdl']]);
    await store.close();
  });

  it('replaces a vigencia’s weights, leaves the other years alone, and records the change', async () => {
    const store = await seeded();
    const before2026 = (await store.loadPeiYear(PLAN, 2026))!.weights;
    await store.replacePeiWeights({
      planId: PLAN,
      year: YEAR,
      weights: [{ planId: PLAN, year: YEAR, objectiveId: 'sdg-oe1', indicatorId: 'sdg-i01', weight: 3 }, { planId: PLAN, year: YEAR, objectiveId: 'sdg-oe1', indicatorId: 'sdg-i02', weight: 1 }],
      change: { id: 'sdg-cambio-2027-01', planId: PLAN, version: 'Vigencia 2027 · 001', objectiveId: 'sdg-oe1', indicatorId: null, description: 'Ponderación 2027 del objetivo 1.', at: '2027-01-20T15:00:00.000Z', by: 'oap-1' },
      actorId: 'oap-1',
    });
    await store.replacePeiWeights({ planId: PLAN, year: YEAR, weights: [{ planId: PLAN, year: YEAR, objectiveId: 'sdg-oe1', indicatorId: 'sdg-i01', weight: 1 }], change: { id: 'sdg-cambio-2027-02', planId: PLAN, version: 'Vigencia 2027 · 002', objectiveId: null, indicatorId: null, description: 'Otra.', at: '2027-02-20T15:00:00.000Z', by: 'oap-1' }, actorId: 'oap-1' });
    const y = (await store.loadPeiYear(PLAN, YEAR))!;
    expect(y.weights.map((w) => [w.indicatorId, w.weight])).toEqual([['sdg-i01', 1]]);
    expect(y.changes.slice(-2).map((c) => c.id)).toEqual(['sdg-cambio-2027-01', 'sdg-cambio-2027-02']);
    expect((await store.loadPeiYear(PLAN, 2026))!.weights).toEqual(before2026);
    expect(await store.listAudit({ entity: 'peiWeights', entityId: `${PLAN}|${YEAR}` })).toHaveLength(2);
    await store.close();
  });

  it('keeps one OKR validation per unit and quarter, compare-and-set, listed by quarter', async () => {
    const store = await seeded();
    const v: OkrValidation = { unitId: 'al-usaquen', quarter: '2027-Q1', state: 'returned', snapshot: null, oapReturn: { executed: null, observations: 'Revisar el mes de febrero.', by: 'oap-1', at: '2027-04-10T15:00:00.000Z' }, validatedAt: null, history: [], version: 0 };
    expect((await store.writeOkrValidation({ validation: v, expectedVersion: null, actorId: 'oap-1' })).version).toBe(1);
    await expect(store.writeOkrValidation({ validation: v, expectedVersion: null, actorId: 'oap-1' })).rejects.toBeInstanceOf(ConflictError);
    await expect(store.writeOkrValidation({ validation: { ...v, state: 'validated' }, expectedVersion: 3, actorId: 'enlace-al-usaquen' })).rejects.toBeInstanceOf(ConflictError);
    const done = await store.writeOkrValidation({ validation: { ...v, state: 'validated', validatedAt: '2027-04-12T15:00:00.000Z' }, expectedVersion: 1, actorId: 'enlace-al-usaquen' });
    expect(done).toMatchObject({ state: 'validated', version: 2 });
    expect(await store.listOkrValidations('2027-Q1')).toEqual([done]);
    expect((await store.listOkrValidations('2026-Q3')).length).toBeGreaterThan(30);
    expect((await store.listAudit({ entity: 'okrValidation', entityId: 'al-usaquen|2027-Q1' })).map((e) => e.action)).toEqual(['update', 'create']);
    await store.close();
  });
}
