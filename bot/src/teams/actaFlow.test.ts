import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { actaContentKey, statusLabels } from '@okr/core';
import { botHarness, cardText } from '../testing/harness.js';
import { loadTree } from '../services/okrTree.js';
import { ACTA_SEND_OAP, ACTA_SIGN } from './cards/actaCard.js';
import { COMMITMENT_IMPACT_INPUT, COMMITMENT_NOTE_INPUT, COMMITMENT_STATUS_INPUT, COMMITMENT_UPDATE } from './cards/commitmentsCard.js';
import type { AdaptiveCard } from './cards/elements.js';

const UNIT = 'al-usaquen';

/** The enlace schedules Usaquén's plenaria menor for today and writes its acta, ready to sign. */
async function setup() {
  const h = await botHarness();
  const { actas, actaSigning } = h.deps;
  const enlace = await h.as(`enlace-${UNIT}`);
  const { plenaria } = await actas.schedule(enlace, {
    kind: 'menor',
    unitId: UNIT,
    date: '2026-11-23',
    startTime: '09:00',
    modality: 'virtual',
    location: 'https://teams.microsoft.com/l/meetup-join/usaquen',
    presidingId: `lider-${UNIT}`,
    secretaryId: `enlace-${UNIT}`,
  });
  const started = await actas.start(enlace, plenaria.plenaria.id);
  const draft = {
    ...started.acta!.draft,
    development: 'Se revisó el avance de los nueve resultados clave del trimestre.',
    conversations: 'El equipo conversó sobre la meta de trámites en línea.',
    recognitions: [{ id: 'r1', personId: `miembro-${UNIT}`, team: null, reason: 'Sacó adelante la jornada de atención en Verbenal.' }],
    decisions: ['Priorizar la digitalización de trámites en diciembre.'],
    commitments: [{ id: 'c1', task: 'Publicar el tablero de trámites', ownerId: `miembro-${UNIT}`, due: '2026-12-11' }],
  };
  const saved = await actas.save(enlace, plenaria.plenaria.id, 1, started.acta!.version, draft);
  return { ...h, plenariaId: plenaria.plenaria.id, enlace, saved };
}

const buttons = (card: AdaptiveCard) => (card.actions ?? []).map((a) => a.title as string);
const dataOf = (card: AdaptiveCard, title: string) => (card.actions ?? []).find((a) => a.title === title)!.data as Record<string, unknown>;

describe('acta sign-off from Teams cards (Universal Actions)', () => {
  it('sends each signer their card, refuses the wrong person, and locks the acta with both signatures', async () => {
    const h = await setup();
    const result = await h.deps.actaSigning.requestSignatures(h.enlace, h.plenariaId, 1, h.saved.acta!.version);
    expect(result.unreachable).toEqual([]);
    expect(h.proactive.sent.map((s) => s.personId).sort()).toEqual([`enlace-${UNIT}`, `lider-${UNIT}`]);
    const toSecretary = h.proactive.sent.find((s) => s.personId === `enlace-${UNIT}`)!.card as AdaptiveCard;
    const toLider = h.proactive.sent.find((s) => s.personId === `lider-${UNIT}`)!.card as AdaptiveCard;
    expect(cardText(toSecretary)).toContain('Plenaria menor · Alcaldía Local de Usaquén');
    expect(cardText(toSecretary)).toContain('Publicar el tablero de trámites');
    expect(buttons(toSecretary)).toEqual(['Firmar como secretario/a', 'Ver el acta completa']);
    expect(buttons(toLider)).toEqual(['Firmar como quien preside', 'Ver el acta completa']);

    // The líder cannot sign the secretary's part; a member cannot sign at all.
    const wrong = await h.execute(`lider-${UNIT}`, ACTA_SIGN, dataOf(toSecretary, 'Firmar como secretario/a'), 'msg-l');
    expect(cardText(wrong)).toContain('Solo el secretario designado puede firmar como secretario.');
    const member = await h.execute(`miembro-${UNIT}`, ACTA_SIGN, dataOf(toLider, 'Firmar como quien preside'), 'msg-m');
    expect(cardText(member)).toContain('Solo quien preside la plenaria puede firmar como presidente.');
    expect((await h.store.listActas({ plenariaIds: [h.plenariaId] }))[0]!.signatures).toEqual({ secretary: null, presiding: null });

    // The secretary signs; the card says whose signature is missing and loses its button.
    const first = await h.execute(`enlace-${UNIT}`, ACTA_SIGN, dataOf(toSecretary, 'Firmar como secretario/a'), 'msg-s');
    expect(cardText(first)).toContain('Firmaste. Falta la firma de');
    expect(cardText(first)).toContain('Estado: Firmada parcialmente');
    expect(buttons(first)).toEqual(['Ver el acta completa']);
    // A second click of the old card changes nothing.
    const twice = await h.execute(`enlace-${UNIT}`, ACTA_SIGN, dataOf(toSecretary, 'Firmar como secretario/a'), 'msg-s');
    expect(cardText(twice)).toContain('Ya firmaste esta acta.');

    // The líder signs from the phone (Action.Submit fallback): the acta is signed and immutable.
    const [done] = await h.submit(`lider-${UNIT}`, { ...dataOf(toLider, 'Firmar como quien preside') });
    expect(cardText(done)).toContain('El acta quedó firmada por ambas partes');
    const [acta] = await h.store.listActas({ plenariaIds: [h.plenariaId] });
    expect(acta!.signatures.presiding?.personId).toBe(`lider-${UNIT}`);
    expect(acta!.fileName).toBe('GDI-GPD-F029_al-usaquen_menor_2026-11-23_v1.docx');
    // Earlier cards were brought up to date for everyone.
    expect(h.proactive.updated.length).toBeGreaterThanOrEqual(2);
    expect(cardText(h.proactive.updated.at(-1)!.card)).toContain('Acta firmada');

    // The .docx stored with it is the signed acta.
    const file = await h.store.getActaFile(h.plenariaId, 1);
    const xml = await (await JSZip.loadAsync(file!.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Publicar el tablero de trámites');
    expect(xml).toContain('Firmado electrónicamente en Microsoft Teams');

    // Nobody edits a signed version.
    await expect(h.deps.actas.save(h.enlace, h.plenariaId, 1, acta!.version, { ...acta!.draft, development: 'Cambio' })).rejects.toThrow(
      'El acta ya está firmada por ambas partes; una corrección se hace en una nueva versión.',
    );
  });

  it('refuses a card made stale by an edit, and withdraws a signature when the text changes after it', async () => {
    const h = await setup();
    await h.deps.actaSigning.requestSignatures(h.enlace, h.plenariaId, 1, h.saved.acta!.version);
    const toLider = h.proactive.sent.find((s) => s.personId === `lider-${UNIT}`)!.card as AdaptiveCard;
    const toSecretary = h.proactive.sent.find((s) => s.personId === `enlace-${UNIT}`)!.card as AdaptiveCard;
    await h.execute(`enlace-${UNIT}`, ACTA_SIGN, dataOf(toSecretary, 'Firmar como secretario/a'));
    const signedOnce = (await h.store.listActas({ plenariaIds: [h.plenariaId] }))[0]!;
    await h.deps.actas.save(h.enlace, h.plenariaId, 1, signedOnce.version, { ...signedOnce.draft, decisions: [...signedOnce.draft.decisions, 'Otra decisión'] });
    expect((await h.store.listActas({ plenariaIds: [h.plenariaId] }))[0]!.signatures.secretary).toBeNull();
    const stale = await h.execute(`lider-${UNIT}`, ACTA_SIGN, dataOf(toLider, 'Firmar como quien preside'));
    expect(cardText(stale)).toContain('Otra persona guardó el acta mientras la editabas');
    expect(cardText(stale)).toContain('Otra decisión');
    expect(buttons(stale)).toContain('Firmar como quien preside');
    expect((await h.store.listActas({ plenariaIds: [h.plenariaId] }))[0]!.signatures.presiding).toBeNull();
  });

  it('lists actas waiting for a signature (`actas`), sends the signed one to the OAP once, and follows commitments up (`compromisos`)', async () => {
    const h = await setup();
    const [waiting] = await h.say(`lider-${UNIT}`, 'actas');
    expect(cardText(waiting)).toContain('Alcaldía Local de Usaquén');
    expect(buttons(waiting!)).toContain('Firmar como quien preside');
    await h.execute(`lider-${UNIT}`, ACTA_SIGN, dataOf(waiting!, 'Firmar como quien preside'));
    const [mine] = await h.say(`enlace-${UNIT}`, 'firmar');
    const signed = await h.execute(`enlace-${UNIT}`, ACTA_SIGN, dataOf(mine!, 'Firmar como secretario/a'));
    expect(buttons(signed)).toContain('Enviar a la OAP');
    const sent = await h.execute(`enlace-${UNIT}`, ACTA_SEND_OAP, dataOf(signed, 'Enviar a la OAP'), 'msg-oap');
    expect(cardText(sent)).toContain('Quedó registrado el envío a la OAP el 23 de noviembre de 2026 (a tiempo).');
    const again = await h.execute(`enlace-${UNIT}`, ACTA_SEND_OAP, dataOf(signed, 'Enviar a la OAP'));
    expect(cardText(again)).toContain('Esta versión del acta ya se envió a la OAP el 23 de noviembre de 2026.');
    expect((await h.say(`lider-${UNIT}`, 'actas')).map(cardText).join()).toContain('No hay actas esperando tu firma.');

    const [list] = await h.say(`miembro-${UNIT}`, 'compromisos');
    expect(cardText(list)).toContain('Publicar el tablero de trámites');
    const id = `${h.plenariaId}:c1`;
    const tracked = (await h.store.listCommitments({ ownerId: `miembro-${UNIT}` })).find((c) => c.id === id)!;
    const noImpact = await h.execute(`miembro-${UNIT}`, COMMITMENT_UPDATE, { commitmentId: id, version: tracked.version, [`${COMMITMENT_STATUS_INPUT}-${id}`]: 'cumplido', [`${COMMITMENT_NOTE_INPUT}-${id}`]: 'Publicado en la cartelera.' });
    expect(cardText(noImpact)).toContain('Para cerrar un compromiso como cumplido, describe su impacto.');
    // The form comes back open with what was typed: «cumplido» and the note stay (issue 14, item 10).
    const inputs = JSON.stringify(noImpact);
    expect(inputs).toContain(`"id":"${COMMITMENT_STATUS_INPUT}-${id}","label":"Estado","value":"cumplido"`);
    expect(inputs).toMatch(new RegExp(`"id":"${COMMITMENT_NOTE_INPUT}-${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^}]*"value":"Publicado en la cartelera\\."`));
    const closed = await h.execute(`miembro-${UNIT}`, COMMITMENT_UPDATE, {
      commitmentId: id,
      version: tracked.version,
      [`${COMMITMENT_STATUS_INPUT}-${id}`]: 'cumplido',
      [`${COMMITMENT_IMPACT_INPUT}-${id}`]: 'Los ciudadanos ven el tiempo de cada trámite.',
    });
    expect(cardText(closed)).toContain('Quedó registrado: «Publicar el tablero de trámites» está cumplido.');
    expect((await h.store.listCommitments({ ownerId: `miembro-${UNIT}` })).find((c) => c.id === id)).toMatchObject({ status: 'cumplido', impact: 'Los ciudadanos ven el tiempo de cada trámite.' });
    // Someone else's commitment cannot be touched.
    const other = await h.execute(`enlace-al-usme`, COMMITMENT_UPDATE, { commitmentId: id, version: tracked.version + 1, [`${COMMITMENT_STATUS_INPUT}-${id}`]: 'abierto' });
    expect(cardText(other)).toContain('Solo el responsable del compromiso');
  });
});

describe('an acta is signed and sent to the OAP only after its plenaria (issue 14, item 1)', () => {
  /** 1 December 2026, 09:38 in Bogotá: the enlace prepares the acta of the plenaria menor of 10 December. */
  const DEC_1 = '2026-12-01T14:38:00.000Z';

  it('before the plenaria’s date and start time nothing is signed or sent; after it the OKR results are taken at its date, and they match the tree of that day', async () => {
    const h = await botHarness(DEC_1);
    const { actas, actaSigning } = h.deps;
    const enlace = await h.as(`enlace-${UNIT}`);
    const lider = await h.as(`lider-${UNIT}`);
    const { plenaria } = await actas.schedule(enlace, {
      kind: 'menor',
      unitId: UNIT,
      date: '2026-12-10',
      startTime: '09:00',
      modality: 'presencial',
      location: 'Salón comunal Verbenal',
      presidingId: lider.id,
      secretaryId: enlace.id,
    });
    const id = plenaria.plenaria.id;
    const started = await actas.start(enlace, id);
    const view = await actas.save(enlace, id, 1, started.acta!.version, { ...started.acta!.draft, development: 'Se revisó el avance.', feedback: 'Buen ritmo en los trámites.' });
    expect(view.missing).toEqual([]);
    expect(view.signingClosed).toBe('El acta se firma y se envía a la OAP después de la plenaria: se abre el 10 de diciembre de 2026 a las 9:00 a. m. Mientras tanto puedes seguir escribiéndola.');
    expect(view.canSign).toEqual([]);
    // The results taken today are today's, provisional, with the statuses the tree shows today.
    expect(view.okrResultsOn).toBe('2026-12-01');
    const unit = (await h.store.getUnit(UNIT))!;
    const statuses = (tree: Awaited<ReturnType<typeof loadTree>>) => [tree.strategic!, ...tree.strategic!.children].flatMap((o) => o.keyResults.map((k) => statusLabels[k.status]));
    expect(view.acta!.okrResults.map((r) => r.status)).toEqual(statuses(await loadTree(h.store, unit, '2026-Q4', '2026-12-01')));

    await expect(actaSigning.requestSignatures(enlace, id, 1, view.acta!.version)).rejects.toThrow('se abre el 10 de diciembre de 2026 a las 9:00 a. m.');
    await expect(actaSigning.signFromTab(enlace, id, 1, view.acta!.version, 'secretary')).rejects.toThrow('se abre el 10 de diciembre de 2026 a las 9:00 a. m.');
    // The card, asked for anyway, says when it opens and offers no signature.
    const content = actaContentKey(view.acta!);
    const refused = await h.execute(enlace.id, ACTA_SIGN, { plenariaId: id, documentVersion: 1, content, part: 'secretary' });
    expect(cardText(refused)).toContain('se abre el 10 de diciembre de 2026 a las 9:00 a. m.');
    expect(buttons(refused)).toEqual(['Ver el acta completa']);
    expect((await h.say(lider.id, 'actas')).map(cardText).join(' ')).toContain('Nada por firmar');
    expect((await h.store.listActas({ plenariaIds: [id] }))[0]!.signatures).toEqual({ secretary: null, presiding: null });

    // A minute before the start, still closed.
    h.clock.set('2026-12-10T13:59:00.000Z');
    expect((await actas.view(enlace, id)).signingClosed).toMatch(/se abre el 10 de diciembre de 2026/);
    // At the start the results taken on 1 December must be taken again, at the plenaria's date.
    h.clock.set('2026-12-10T14:00:00.000Z');
    const stale = await actas.view(enlace, id);
    expect(stale.signingClosed).toBe('Los resultados de los OKR del acta se tomaron antes de la plenaria: pulsa «Actualizar resultados» para tomarlos a la fecha de la plenaria antes de pedir las firmas.');
    const refreshed = await actas.refreshSnapshot(enlace, id, 1, stale.acta!.version);
    expect(refreshed.okrResultsOn).toBe('2026-12-10');
    expect(refreshed.signingClosed).toBeNull();
    expect(refreshed.acta!.okrResults.map((r) => r.status)).toEqual(statuses(await loadTree(h.store, unit, '2026-Q4', '2026-12-10')));

    // Now it is signed by both and sent, received on the day: «A tiempo».
    const asked = await actaSigning.requestSignatures(enlace, id, 1, refreshed.acta!.version);
    expect(asked.sentTo.sort()).toEqual([enlace.name, lider.name].sort());
    const toLider = h.proactive.sent.find((s) => s.personId === lider.id)!.card as AdaptiveCard;
    expect(buttons(toLider)).toContain('Firmar como quien preside');
    await actaSigning.signFromTab(enlace, id, 1, refreshed.acta!.version, 'secretary');
    await h.execute(lider.id, ACTA_SIGN, dataOf(toLider, 'Firmar como quien preside'));
    const sent = await actaSigning.sendToOap(enlace, id, 1);
    expect(sent.oap).toMatchObject({ sentOn: '2026-12-10', oapStatus: 'a_tiempo' });
  });

  it('an acta signed before its plenaria (stored before this rule) is not sent to the OAP until the plenaria has started', async () => {
    const h = await botHarness(DEC_1);
    const { actas, actaSigning } = h.deps;
    const enlace = await h.as(`enlace-${UNIT}`);
    const { plenaria } = await actas.schedule(enlace, { kind: 'menor', unitId: UNIT, date: '2026-12-10', startTime: '09:00', modality: 'presencial', location: 'Sala', presidingId: `lider-${UNIT}`, secretaryId: enlace.id });
    const id = plenaria.plenaria.id;
    await actas.start(enlace, id);
    const [acta] = await h.store.listActas({ plenariaIds: [id] });
    const signatures = { secretary: { personId: enlace.id, at: DEC_1 }, presiding: { personId: `lider-${UNIT}`, at: DEC_1 } };
    await h.store.writeActa({ actorId: enlace.id, action: 'sign', acta: { ...acta!, signatures }, expectedVersion: acta!.version });
    expect((await actas.view(enlace, id)).canSendToOap).toBe(false);
    await expect(actaSigning.sendToOap(enlace, id, 1)).rejects.toThrow('se abre el 10 de diciembre de 2026 a las 9:00 a. m.');
    h.clock.set('2026-12-10T15:00:00.000Z');
    expect((await actas.view(enlace, id)).canSendToOap).toBe(true);
  });
});
