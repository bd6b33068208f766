// @vitest-environment jsdom
import * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import { botHarness, cardText, inputIdsOf } from '../testing/harness.js';
import type { AdaptiveCard } from './cards/elements.js';
import { PLAN_ACT, PLAN_CONSENT, PLAN_DECIDE, metaObservationInput } from './cards/planCards.js';

function parseErrors(card: AdaptiveCard): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card as unknown as AC.PropertyBag, context);
  const events: string[] = [];
  for (let i = 0; i < context.eventCount; i++) events.push(context.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) events.push(e.message);
  return events;
}
const buttons = (card: AdaptiveCard) => (card.actions ?? []) as Array<{ title: string; verb?: string; data?: Record<string, unknown> }>;

describe('the plan de gestión in the chat: the OAP’s review card, consents and decisions', () => {
  it('the OAP returns a plan by card with observations per meta; the líder and team get it back; a second click is stale', async () => {
    const h = await botHarness();
    const cards = await h.say('oap-1', 'plan');
    const review = cards.find((c) => cardText(c).includes('Alcaldía Local de Usaquén') && buttons(c).some((b) => b.title === 'Devolver con observaciones'))!;
    expect(review).toBeDefined();
    expect(parseErrors(review)).toEqual([]);
    expect(JSON.stringify(review).length).toBeLessThan(28_000);
    expect(cardText(review)).toContain('El indicador está incompleto: falta el denominador, la fórmula.');
    expect(inputIdsOf(review)).toContain(metaObservationInput('m2'));
    const back = buttons(review).find((b) => b.title === 'Devolver con observaciones')!;
    // Without observations nothing happens, and the card says why.
    const refused = await h.execute('oap-1', PLAN_ACT, back.data!);
    expect(cardText(refused)).toContain('Escribe las observaciones para el líder');
    expect((await h.store.getPlanById('plan-al-usaquen-2027'))!.plan.state).toBe('in_review');
    const done = await h.execute('oap-1', PLAN_ACT, { ...back.data!, [metaObservationInput('m2')]: 'Falta el denominador del indicador.' });
    expect(cardText(done)).toContain('Devuelto con observaciones');
    expect((await h.store.getPlanById('plan-al-usaquen-2027'))!.plan.state).toBe('returned');
    const toLider = h.proactive.sent.filter((s) => cardText(s.card).includes('Tu plan de gestión 2027 fue devuelto'));
    expect(toLider.map((s) => s.personId).sort()).toEqual(['enlace-al-usaquen', 'lider-al-usaquen', 'miembro-al-usaquen']);
    expect(cardText(toLider[0]!.card)).toContain('Falta el denominador del indicador.');
    // The same card clicked again by another analyst: stale, nothing done twice.
    const again = await h.execute('oap-2', PLAN_ACT, { ...back.data!, [metaObservationInput('m2')]: 'otra' });
    expect(cardText(again)).toContain('Otra persona cambió el plan');
    // The Teams mobile fallback (Action.Submit) takes the same path.
    const approve = buttons(review).find((b) => b.title === 'Aprobar el plan')!;
    expect(cardText((await h.submit('oap-2', approve.data!))[0])).toContain('Otra persona cambió el plan');
  });

  it('the OAP decides a pending modification by card; the approved change is a new version', async () => {
    const h = await botHarness();
    const cards = await h.say('oap-2', 'plan');
    const decision = cards.find((c) => buttons(c).some((b) => b.title === 'Aprobar la modificación'))!;
    expect(parseErrors(decision)).toEqual([]);
    expect(cardText(decision)).toContain('Alcaldía Local de Kennedy');
    const approve = buttons(decision).find((b) => b.title === 'Aprobar la modificación')!;
    expect(cardText(await h.execute('oap-2', PLAN_DECIDE, approve.data!))).toContain('Escribe el motivo de la decisión');
    const done = await h.execute('oap-2', PLAN_DECIDE, { ...approve.data!, requestComment: 'Procede: aumenta la magnitud en el cuarto trimestre.' });
    expect(cardText(done)).toContain('Aprobada');
    const plan = (await h.store.getPlanById('plan-al-kennedy-2026'))!;
    expect(plan.plan).toMatchObject({ planVersion: 2, state: 'endorsed' });
    expect(plan.metas[0]).toMatchObject({ totalMagnitude: 44, modifiedInVersion: 2 });
    expect(h.proactive.sent.some((s) => s.personId === 'lider-al-kennedy')).toBe(true);
  });

  it('a transversal meta’s modification asks the lead process’s consent by card', async () => {
    const h = await botHarness('2026-05-12T15:00:00.000Z');
    const view = await h.deps.plan.planView(await h.as('lider-dadm'), 'dadm', 2026);
    const mipg = view.metas.find((m) => m.transversal)!;
    const { checks: _c, observations: _o, eliminated: _e, modifiedInVersion: _m, ...proposed } = mipg;
    const request = await h.deps.planModifications.requestModification(await h.as('lider-dadm'), view.plan!.id, {
      metaId: mipg.id,
      kind: 'modify',
      proposed: { ...proposed, programmed: [1, 0, 2, 1] },
      justification: 'La auditoría de calidad se trasladó al tercer trimestre por decisión del comité.',
      exception: null,
    });
    expect(request.state).toBe('pending_consent');
    const sent = h.proactive.sent.find((s) => s.personId === 'lider-oap')!;
    expect(cardText(sent.card)).toContain('Concepto previo');
    const favorable = buttons(sent.card as AdaptiveCard).find((b) => b.title === 'Concepto favorable')!;
    // Someone else cannot give it.
    expect(cardText(await h.execute('lider-dgp', PLAN_CONSENT, favorable.data!))).toContain('Solo el líder de Oficina Asesora de Planeación da este concepto previo.');
    const done = await h.execute('lider-oap', PLAN_CONSENT, favorable.data!);
    expect(cardText(done)).toContain('Esperando decisión de la OAP');
    expect(h.proactive.sent.filter((s) => s.personId === 'oap-1' && cardText(s.card).includes('Aprobar la modificación'))).toHaveLength(1);
  });
});
