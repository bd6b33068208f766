import { describe, expect, it } from 'vitest';
import type { SetView } from '../services/formulation.js';
import { startApi } from '../testing/apiServer.js';

const E = 'enlace-al-usaquen';
const put = (body: unknown): RequestInit => ({ method: 'PUT', body: JSON.stringify(body) });

/** Usaquén's current set as a draft body for another quarter. */
async function draftBody(call: Awaited<ReturnType<typeof startApi>>['call']) {
  const view = (await call('/api/units/al-usaquen/sets/2026-Q4', E)).body as SetView;
  const { bundle } = view;
  return {
    institutionalObjectiveId: bundle.set.institutionalObjectiveId,
    objectives: bundle.objectives.map(({ setId: _s, ...o }) => o),
    keyResults: bundle.keyResults.map(({ setId: _s, ...k }) => k),
  };
}

describe('a set draft with references that point nowhere (issue 13, item 11)', () => {
  it('answers 422 saying what is wrong, instead of a 500 from the database, and stores nothing', async () => {
    const { call, store } = await startApi();
    const good = await draftBody(call);
    const [strategic, t1] = [good.objectives.find((o) => o.level === 'strategic')!, good.objectives.find((o) => o.level === 'tactical')!];
    const cases: Array<[string, object, RegExp]> = [
      ['unknown institutional objective', { ...good, institutionalObjectiveId: 'oi-nada' }, /El objetivo institucional «oi-nada» no existe/],
      ['parent that does not exist', { ...good, objectives: good.objectives.map((o) => (o.id === t1.id ? { ...o, parentId: 'fantasma' } : o)) }, /depende de «fantasma», que no está en el set/],
      ['KR objective that does not exist', { ...good, keyResults: good.keyResults.map((k, i) => (i === 0 ? { ...k, objectiveId: 'fantasma' } : k)) }, /es del objetivo «fantasma», que no está en el set/],
      ['two strategic objectives', { ...good, objectives: [...good.objectives, { ...strategic, id: 'otro-oe' }] }, /tiene 2 objetivos estratégicos/],
      ['duplicate ids', { ...good, keyResults: [...good.keyResults, good.keyResults[0]!] }, /está repetido/],
      ['unknown owner', { ...good, keyResults: good.keyResults.map((k, i) => (i === 0 ? { ...k, ownerId: 'nadie' } : k)) }, /El responsable «nadie» .* no está en el directorio/],
      ['no strategic objective', { ...good, objectives: good.objectives.filter((o) => o.level !== 'strategic') }, /Falta el objetivo estratégico/],
    ];
    for (const [name, content, message] of cases) {
      const r = await call('/api/units/al-usaquen/sets/2027-Q1', E, put({ expectedVersion: null, content }));
      expect(r.status, name).toBe(422);
      expect(r.body.message, name).toMatch(message);
    }
    expect(await store.getSet('al-usaquen', '2027-Q1')).toBeNull();
    expect((await call('/api/units/al-usaquen/sets/2027-Q1', E, put({ expectedVersion: null, content: good }))).status).toBe(200);
  });
});

describe('drafts only for a sensible quarter window (issue 13, item 13)', () => {
  it('takes the quarter under way and the next, and refuses 1999-Q1, 2099-Q4 and past quarters', async () => {
    const { call } = await startApi();
    const good = await draftBody(call);
    for (const quarter of ['1999-Q1', '2099-Q4', '2026-Q2', '2027-Q2']) {
      const r = await call(`/api/units/al-usaquen/sets/${quarter}`, E, put({ expectedVersion: null, content: good }));
      expect(r.status, quarter).toBe(422);
      expect(r.body.message, quarter).toMatch(quarter === '1999-Q1' ? /no es un trimestre válido/ : /solo para el trimestre en curso \(T4 2026 .*\) y el siguiente \(T1 2027/);
    }
    expect((await call('/api/units/al-usaquen/sets/2027-Q1/reformulate', E, { method: 'POST', body: JSON.stringify({ from: '2026-Q4' }) })).status).toBe(200);
  });
});
