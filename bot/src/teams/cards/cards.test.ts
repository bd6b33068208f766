// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { monthReviewWrite } from '../../store/contract/fixtures.js';
import { parseEvents } from '../../testing/adaptiveCards.js';
import { botHarness } from '../../testing/harness.js';
import { CHECK_IN_SAVE_ONE, CHECK_IN_SUBMIT, inputIds } from './checkInCard.js';
import { CHECK_IN_OPEN, helpCard, messageCard, notRegisteredCard, welcomeCard } from './simpleCards.js';
import type { AdaptiveCard } from './elements.js';

describe('every card the bot sends is valid Adaptive Card 1.5', () => {
  it('check-in, error, confirmation, choice, help, welcome and message cards parse with no errors or warnings', async () => {
    const h = await botHarness();
    const cards: AdaptiveCard[] = [];
    cards.push(...(await h.say('enlace-al-usaquen', 'check-in')));
    cards.push(...(await h.say('enlace-dgth', 'check-in')));
    const bundle = (await h.store.getSet('al-usaquen', '2026-Q4'))!;
    const data: Record<string, unknown> = { unitId: 'al-usaquen', period: '2026-11' };
    for (const kr of bundle.keyResults) {
      const ids = inputIds(kr.id);
      data[ids.value] = kr.kind === 'milestone' ? '0' : '3';
      data[ids.comment] = 'Avance del mes.';
      data[ids.evidenceUrl] = 'http://no-https';
    }
    cards.push(await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, data));
    for (const kr of bundle.keyResults) data[inputIds(kr.id).evidenceUrl] = 'https://gobiernobogota.sharepoint.com/e';
    cards.push(await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, data));
    const person = (await h.store.getPerson('enlace-al-usaquen'))!;
    cards.push(helpCard(h.deps.help), notRegisteredCard(), messageCard('Título', 'Texto'), welcomeCard(person, await h.store.rolesOf(person.id), await h.store.listUnits()));
    // Every command, for people with one unit, two units, and none to report for.
    for (const [who, phrase] of [
      ['enlace-al-usaquen', 'pendientes'],
      ['enlace-dgth', 'pendientes'],
      ['enlace-al-usaquen', 'mis okr'],
      ['eti-1', 'mis okr'],
      ['miembro-al-usaquen', 'check-in'],
      ['enlace-al-usaquen', 'ayuda'],
      ['enlace-al-usaquen', 'xyz'],
    ] as const) {
      cards.push(...(await h.say(who, phrase)));
    }
    cards.push(await h.execute('enlace-al-usaquen', CHECK_IN_OPEN, { unitId: 'al-usaquen' }));
    cards.push(await h.execute('enlace-al-chapinero', CHECK_IN_SUBMIT, data));
    cards.push(...(await h.event('coach-1', { type: 'installationUpdate', action: 'add' })));
    // A partial save and a correction request show their banners.
    const first = bundle.keyResults[0]!;
    await h.store.saveMonthReview(monthReviewWrite({ unitId: 'al-usaquen', period: '2026-11', state: 'correction_requested', at: '2026-11-23T16:00:00.000Z', note: 'Revisa la evidencia.', observations: [{ keyResultId: first.id, text: 'El comentario no explica el avance.' }] }));
    cards.push(await h.execute('enlace-al-usaquen', CHECK_IN_SAVE_ONE, { ...data, keyResultId: first.id, [inputIds(first.id).value]: '4' }));

    // The formulation workflow's cards: the enlace's draft, the coach's review with its comment box and refresh.
    const enlace = (await h.store.getPerson('enlace-dgth'))!;
    const draft = await h.deps.formulation.reformulate(enlace, 'dgth', '2026-Q4', '2027-Q1');
    if (draft.kind !== 'done') throw new Error('draft');
    cards.push(...(await h.say('enlace-dgth', 'revisar')));
    const submitted = cards.at(-1)!.actions![0]!.data as Record<string, unknown>;
    cards.push(await h.execute('enlace-dgth', 'set.act', submitted));
    cards.push(...(await h.say('coach-1', 'revisar')), ...(await h.say('coach-2', 'revisar')));
    await h.store.saveConversationReference('coach-1', { user: { id: '29:coach-1' }, conversation: { id: 'c' } });
    cards.push(await h.execute('coach-1', 'set.refresh', { setId: draft.view.bundle.set.id }));
    expect(cards.at(-1)!.refresh).toBeDefined();

    // Actas and commitments: the sign-off card (both signers' views), `actas`, `compromisos` with its forms.
    const lider = (await h.store.getPerson('lider-al-usaquen'))!;
    const usaquen = (await h.store.getPerson('enlace-al-usaquen'))!;
    const { plenaria } = await h.deps.actas.schedule(usaquen, { kind: 'menor', unitId: 'al-usaquen', date: '2026-11-23', startTime: '09:00', modality: 'presencial', location: 'Salón comunal Verbenal', presidingId: lider.id, secretaryId: usaquen.id });
    const started = await h.deps.actas.start(usaquen, plenaria.plenaria.id);
    await h.deps.actas.save(usaquen, plenaria.plenaria.id, 1, started.acta!.version, { ...started.acta!.draft, development: 'Revisión del trimestre.', feedback: 'Buen ritmo.', commitments: [{ id: 'c1', task: 'Publicar el tablero', ownerId: usaquen.id, due: '2026-12-11' }] });
    cards.push(...(await h.say('lider-al-usaquen', 'actas')), ...(await h.say('enlace-al-usaquen', 'actas')), ...(await h.say('miembro-al-usaquen', 'actas')));
    cards.push(await h.execute('enlace-al-usaquen', 'acta.sign', cards.at(-2)!.actions![0]!.data as Record<string, unknown>));
    cards.push(await h.execute('lider-al-usaquen', 'acta.sign', cards.at(-4)!.actions![0]!.data as Record<string, unknown>));
    cards.push(...(await h.say('enlace-al-usaquen', 'compromisos')), ...(await h.say('eti-1', 'compromisos')));

    expect(cards).toHaveLength(31);
    for (const card of cards) {
      expect(card.version).toBe('1.5');
      expect(parseEvents(card), JSON.stringify(card).slice(0, 200)).toEqual([]);
    }
  });

  it('reports a broken card (the check above can fail)', () => {
    const broken = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }, { type: 'NoSuchElement' }] } as unknown as AdaptiveCard;
    expect(parseEvents(broken).length).toBeGreaterThan(0);
  });
});
