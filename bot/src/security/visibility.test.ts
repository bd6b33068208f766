import { describe, expect, it } from 'vitest';
import { startApi } from '../testing/apiServer.js';
import { botHarness, cardText } from '../testing/harness.js';

/** Another unit's set: Chapinero's 2026-Q4, whose id (`set-<unit>-<quarter>`) anyone can guess. */
const SET = 'set-al-chapinero-2026-Q4';

describe('other units’ data never leaks through side doors (issue 13, item 3)', () => {
  it('a stale step on another unit’s set is refused without the set in the body', async () => {
    const { call, store } = await startApi(true);
    const bundle = (await store.getSetById(SET))!;
    const r = await call(`/api/sets/${SET}/actions`, 'miembro-al-usaquen', { method: 'POST', body: JSON.stringify({ action: 'approve', version: bundle.set.version + 7 }) });
    expect(r.status).toBe(403);
    expect(r.body).toEqual({ code: 'forbidden', message: 'No tienes permiso para ver esta información.' });
    expect(JSON.stringify(r.body)).not.toContain(bundle.objectives[0]!.title);
    // Its own people still get the conflict with the current view.
    const own = await call(`/api/sets/${SET}/actions`, 'lider-al-chapinero', { method: 'POST', body: JSON.stringify({ action: 'approve', version: bundle.set.version + 7 }) });
    expect(own.status).toBe(409);
    expect(own.body.details.view.bundle.set.id).toBe(SET);
  });

  it('set.refresh and set.act answer a card that says so, and nothing of the set', async () => {
    const h = await botHarness();
    const bundle = (await h.store.getSetById(SET))!;
    const titles = [...bundle.objectives.map((o) => o.title), ...bundle.keyResults.map((k) => k.title)];
    for (const [verb, data] of [['set.refresh', { setId: SET }], ['set.act', { setId: SET, workflowAction: 'approve', version: 99 }]] as const) {
      const card = await h.execute('miembro-al-usaquen', verb, data);
      const text = cardText(card);
      for (const title of titles) expect(text, verb).not.toContain(title);
      expect(card.refresh, verb).toBeUndefined();
      expect(card.actions ?? [], verb).toEqual([]);
      if (verb === 'set.refresh') expect(text).toMatch(/No puedes ver este set/);
    }
    // The entity's roles and the unit's own people still see it.
    expect(cardText(await h.execute('coach-1', 'set.refresh', { setId: SET }))).toContain(bundle.objectives[0]!.title);
  });

  it('acta.refresh and the refusal of acta.sign show another unit’s acta to nobody outside it', async () => {
    const h = await botHarness();
    const plenariaId = 'pl-al-chapinero-2026-Q3';
    const [acta] = await h.store.listActas({ plenariaIds: [plenariaId] });
    const plenaria = (await h.store.getPlenaria(plenariaId))!;
    const secrets = [plenaria.location, acta!.draft.objective, ...acta!.draft.decisions];
    for (const [verb, data] of [['acta.refresh', { plenariaId }], ['acta.sign', { plenariaId, documentVersion: 1, part: 'presiding' }], ['acta.sendOap', { plenariaId, documentVersion: 1 }]] as const) {
      const card = await h.execute('miembro-al-usaquen', verb, data);
      const text = cardText(card);
      expect(text, verb).toMatch(/No puedes ver esta acta/);
      for (const secret of secrets) expect(text, verb).not.toContain(secret);
      expect(card.refresh, verb).toBeUndefined();
    }
    // Chapinero's own member sees the card (without buttons).
    expect(cardText(await h.execute('miembro-al-chapinero', 'acta.refresh', { plenariaId }))).toContain(acta!.draft.objective.slice(0, 40));
  });
});
