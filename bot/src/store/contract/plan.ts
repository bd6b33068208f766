import { expect, it } from 'vitest';
import type { ManagementPlan, Meta, MetaReport, ModificationRequest, PlanQuarter } from '@okr/core';
import { sampleMeta, sampleReport } from '../../../../core/src/testing/samplePlan.js';
import { ConflictError } from '../Store.js';
import type { ContractContext } from './fixtures.js';

/** A year the demo data does not use, so each test starts from nothing. */
const YEAR = 2030;

/** The core sample meta, its statement with quotes, tildes and a dash so each adapter keeps them as typed. */
const meta = (id: string, order: number, overrides: Partial<Meta> = {}): Meta =>
  sampleMeta({ id, order, statement: `Meta ${order}: realizar 40 mesas de trabajo con "comillas" y tildes — ñ`, ...overrides });

const plan = (unitId: string, overrides: Partial<ManagementPlan> = {}): ManagementPlan => ({
  id: `plan-${unitId}-${YEAR}`,
  unitId,
  year: YEAR,
  state: 'draft',
  planVersion: 1,
  holaCase: null,
  publishedVersion: null,
  version: 1,
  createdAt: '2030-01-20T14:00:00.000Z',
  updatedAt: '2030-01-20T14:00:00.000Z',
  ...overrides,
});

const report = (planId: string, metaId: string, quarter: 1 | 2 | 3 | 4, executed: number | null): MetaReport => sampleReport(metaId, quarter, executed, { planId });

const header = (planId: string, unitId: string, quarter: 1 | 2 | 3 | 4, state: PlanQuarter['state']): PlanQuarter => ({
  planId,
  unitId,
  year: YEAR,
  quarter,
  state,
  submittedAt: state === 'draft' ? null : '2030-04-14T15:00:00.000Z',
  submittedBy: state === 'draft' ? null : 'lider-sgl',
  clarification: null,
  closedAt: null,
  closedBy: null,
  version: 0,
});

/** The contract of the plan de gestión: vigencias, plans and their versions, reports, modification requests. */
export function planContract({ seeded }: ContractContext): void {
  it('opens a vigencia once, and audits it', async () => {
    const store = await seeded();
    const v = { year: YEAR, methodologyNote: 'Metodología 2030: memorando 2029IE0001.', formulationDue: '2030-01-31', openedBy: 'oap-1', openedAt: '2029-11-03T14:00:00.000Z', version: 1 };
    expect(await store.getPlanVigencia(YEAR)).toBeNull();
    await store.openPlanVigencia(v, 'oap-1');
    expect(await store.getPlanVigencia(YEAR)).toEqual(v);
    await expect(store.openPlanVigencia({ ...v, methodologyNote: 'otra' }, 'oap-2')).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getPlanVigencia(YEAR)).toEqual(v);
    expect((await store.listAudit({ entity: 'planVigencia', entityId: String(YEAR) })).map((a) => a.action)).toEqual(['create']);
    await store.close();
  });

  it('creates one plan per unit and year, edits it compare-and-set and moves it along its workflow, with its history', async () => {
    const store = await seeded();
    const p = plan('sgl');
    await store.createPlan({ actorId: 'enlace-sgl', plan: p, metas: [meta('m2', 2), meta('m1', 1)], action: 'create' });
    await expect(store.createPlan({ actorId: 'enlace-sgl', plan: { ...p, id: 'otro' }, metas: [], action: 'create' })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getPlanById(p.id)).toEqual({ plan: p, metas: [meta('m1', 1), meta('m2', 2)] });

    // A stale edit is refused and changes nothing.
    await expect(store.replacePlanMetas({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 7, metas: [meta('m1', 1)], action: 'edit' })).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getPlanById(p.id))!.metas).toHaveLength(2);
    const edited = await store.replacePlanMetas({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 1, metas: [meta('m1', 1, { weight: 100 })], action: 'edit' });
    expect(edited.plan.version).toBe(2);
    expect(await store.getPlanById(p.id)).toEqual(edited);

    await expect(store.transitionPlan({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 2, from: 'in_review', to: 'endorsed', action: 'approve', comment: null, observations: [], holaCase: null })).rejects.toBeInstanceOf(ConflictError);
    await store.transitionPlan({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 2, from: 'draft', to: 'in_review', action: 'submit', comment: null, observations: [], holaCase: null });
    await store.transitionPlan({ actorId: 'oap-1', planId: p.id, expectedVersion: 3, from: 'in_review', to: 'returned', action: 'return', comment: 'Ajustar', observations: [{ metaId: 'm1', text: 'Falta el denominador.' }], holaCase: null });
    await expect(store.transitionPlan({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 3, from: 'returned', to: 'in_review', action: 'submit', comment: null, observations: [], holaCase: null })).rejects.toBeInstanceOf(ConflictError);
    await store.transitionPlan({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 4, from: 'returned', to: 'in_review', action: 'submit', comment: null, observations: [], holaCase: null });
    await store.transitionPlan({ actorId: 'oap-1', planId: p.id, expectedVersion: 5, from: 'in_review', to: 'endorsed', action: 'approve', comment: null, observations: [], holaCase: null });
    const official = await store.transitionPlan({ actorId: 'lider-sgl', planId: p.id, expectedVersion: 6, from: 'endorsed', to: 'official', action: 'formalize', comment: null, observations: [], holaCase: '306319' });
    expect(official).toMatchObject({ state: 'official', holaCase: '306319', publishedVersion: 1, version: 7 });

    const screen = await store.loadPlanScreen('sgl', YEAR);
    expect(screen.bundle!.plan).toEqual(official);
    expect(screen.events.map((e) => `${e.action}:${e.actorId}:${e.fromState}>${e.toState}`)).toEqual([
      'create:enlace-sgl:draft>draft',
      'edit:lider-sgl:draft>draft',
      'submit:lider-sgl:draft>in_review',
      'return:oap-1:in_review>returned',
      'submit:lider-sgl:returned>in_review',
      'approve:oap-1:in_review>endorsed',
      'formalize:lider-sgl:endorsed>official',
    ]);
    expect(screen.events[3]).toMatchObject({ comment: 'Ajustar', observations: [{ metaId: 'm1', text: 'Falta el denominador.' }] });
    expect(screen.events[6]!.holaCase).toBe('306319');
    expect(screen.units.some((u) => u.id === 'sgl')).toBe(true);
    expect(screen.institutionalObjectives.map((o) => o.id)).toEqual(['oe1', 'oe2', 'oe3', 'oe4', 'oe5']);
    expect((await store.listAudit({ entity: 'plan', entityId: p.id })).map((a) => a.action)).toEqual(['update', 'update', 'update', 'update', 'update', 'update', 'create']);
    // Another unit's screen sees nothing of it.
    expect((await store.loadPlanScreen('dgp', YEAR)).bundle).toBeNull();
    await store.close();
  });

  it('reads the unit’s OKR sets of the vigencia with its plan screen', async () => {
    const store = await seeded();
    const screen = await store.loadPlanScreen('al-usaquen', 2026);
    expect(screen.okrSets.map((s) => s.quarter)).toEqual(['2026-Q3', '2026-Q4']);
    expect(screen.okrSets.every((s) => s.unitId === 'al-usaquen')).toBe(true);
    await store.close();
  });

  it('saves a quarter’s report compare-and-set, all or nothing, and reads the year by vigencia', async () => {
    const store = await seeded();
    const p = plan('sgl', { state: 'official', holaCase: '1', publishedVersion: 1 });
    const other = plan('dgp', { state: 'official', holaCase: '2', publishedVersion: 1 });
    await store.createPlan({ actorId: 'enlace-sgl', plan: p, metas: [meta('m1', 1), meta('m2', 2)], action: 'create' });
    await store.createPlan({ actorId: 'enlace-dgp', plan: other, metas: [meta('m1', 1)], action: 'create' });
    const saved = await store.saveReport({ actorId: 'enlace-sgl', quarter: header(p.id, 'sgl', 1, 'draft'), expectedVersion: null, entries: [report(p.id, 'm1', 1, 8)] });
    expect(saved.quarter.version).toBe(1);
    expect(saved.reports).toEqual([report(p.id, 'm1', 1, 8)]);
    await expect(store.saveReport({ actorId: 'enlace-sgl', quarter: header(p.id, 'sgl', 1, 'draft'), expectedVersion: null, entries: [report(p.id, 'm1', 1, 9)] })).rejects.toBeInstanceOf(ConflictError);
    await expect(store.saveReport({ actorId: 'enlace-sgl', quarter: header(p.id, 'sgl', 1, 'submitted'), expectedVersion: 4, entries: [report(p.id, 'm1', 1, 9)] })).rejects.toBeInstanceOf(ConflictError);
    const submitted = await store.saveReport({ actorId: 'lider-sgl', quarter: header(p.id, 'sgl', 1, 'submitted'), expectedVersion: 1, entries: [report(p.id, 'm1', 1, 10), report(p.id, 'm2', 1, 7)] });
    expect(submitted.quarter).toMatchObject({ state: 'submitted', version: 2 });
    expect(submitted.reports.map((r) => [r.metaId, r.executed])).toEqual([
      ['m1', 10],
      ['m2', 7],
    ]);
    await store.saveReport({ actorId: 'enlace-dgp', quarter: header(other.id, 'dgp', 1, 'submitted'), expectedVersion: null, entries: [report(other.id, 'm1', 1, 10)] });

    const year = await store.loadPlanYear(YEAR);
    expect(year.plans.map((x) => x.id)).toEqual([other.id, p.id]);
    expect(year.reports.map((r) => `${r.planId}|${r.metaId}|${r.quarter}|${r.executed}`)).toEqual([`${other.id}|m1|1|10`, `${p.id}|m1|1|10`, `${p.id}|m2|1|7`]);
    expect(year.quarters.map((q) => `${q.planId}|${q.quarter}|${q.state}|${q.version}`)).toEqual([`${other.id}|1|submitted|1`, `${p.id}|1|submitted|2`]);
    expect(year.metas.map((m) => `${m.planId}|${m.planVersion}|${m.id}`)).toEqual([`${other.id}|1|m1`, `${p.id}|1|m1`, `${p.id}|1|m2`]);
    expect((await store.loadPlanYear(YEAR - 1)).plans.every((x) => x.year === YEAR - 1)).toBe(true);
    expect((await store.loadPlanScreen('sgl', YEAR)).reports).toHaveLength(2);
    const audit = await store.listAudit({ entity: 'planReport', entityId: `${p.id}|1` });
    expect(audit.map((a) => a.action)).toEqual(['update', 'create']);
    expect(audit[0]!.before).toMatchObject({ quarter: { state: 'draft' } });
    await store.close();
  });

  it('keeps modification requests compare-and-set, and an approval makes a new version keeping the old one', async () => {
    const store = await seeded();
    const p = plan('sgl', { state: 'official', holaCase: '306319', publishedVersion: 1 });
    await store.createPlan({ actorId: 'enlace-sgl', plan: p, metas: [meta('m1', 1), meta('m2', 2)], action: 'create' });
    const request: ModificationRequest = {
      id: 'mod-1',
      planId: p.id,
      unitId: 'sgl',
      year: YEAR,
      metaId: 'm1',
      kind: 'modify',
      proposed: { ...meta('m1', 1), totalMagnitude: 50, programmed: [10, 10, 15, 15] },
      justification: 'Aumentar la magnitud por la demanda de las alcaldías.',
      exception: null,
      requestedBy: 'lider-sgl',
      requestedAt: '2030-07-10T15:00:00.000Z',
      consents: [],
      state: 'pending_oap',
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
      resultingVersion: null,
      version: 0,
    };
    const created = await store.writeModification({ actorId: 'lider-sgl', request, expectedVersion: null });
    expect(created.version).toBe(1);
    await expect(store.writeModification({ actorId: 'lider-sgl', request, expectedVersion: null })).rejects.toBeInstanceOf(ConflictError);
    expect(await store.getModification('mod-1')).toEqual(created);

    const decided = { ...created, state: 'approved' as const, decidedBy: 'oap-1', decidedAt: '2030-07-12T15:00:00.000Z', decisionComment: 'Procede.' };
    const metas = [{ ...request.proposed!, eliminated: false, modifiedInVersion: 2 }, meta('m2', 2)];
    // A stale plan version changes nothing, the request included.
    await expect(store.applyModification({ actorId: 'oap-1', request: decided, expectedRequestVersion: 1, planId: p.id, expectedPlanVersion: 9, metas, comment: 'Procede.' })).rejects.toBeInstanceOf(ConflictError);
    expect((await store.getModification('mod-1'))!.state).toBe('pending_oap');
    const applied = await store.applyModification({ actorId: 'oap-1', request: decided, expectedRequestVersion: 1, planId: p.id, expectedPlanVersion: 1, metas, comment: 'Procede.' });
    expect(applied.plan).toMatchObject({ state: 'endorsed', planVersion: 2, holaCase: null, publishedVersion: 1, version: 2 });
    expect(await store.getModification('mod-1')).toMatchObject({ state: 'approved', resultingVersion: 2, version: 2 });

    const screen = await store.loadPlanScreen('sgl', YEAR);
    expect(screen.bundle!.metas).toEqual(metas);
    expect(screen.versions.map((m) => `${m.planVersion}|${m.id}|${m.totalMagnitude}`)).toEqual(['1|m1|40', '1|m2|40', '2|m1|50', '2|m2|40']);
    expect(screen.events.at(-1)).toMatchObject({ action: 'modify', actorId: 'oap-1', comment: 'Procede.', planVersion: 2 });
    expect(screen.modifications.map((m) => m.id)).toEqual(['mod-1']);
    expect((await store.loadPlanYear(YEAR)).modifications.map((m) => m.state)).toEqual(['approved']);
    expect((await store.listAudit({ entity: 'planModification', entityId: 'mod-1' })).map((a) => a.action)).toEqual(['update', 'create']);
    await store.close();
  });
}
