import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { botHarness, cardText } from '../testing/harness.js';
import { ACTA_SEND_OAP, ACTA_SIGN } from './cards/actaCard.js';
import { COMMITMENT_IMPACT_INPUT, COMMITMENT_STATUS_INPUT, COMMITMENT_UPDATE } from './cards/commitmentsCard.js';
import type { AdaptiveCard } from './cards/elements.js';

const UNIT = 'al-usaquen';

/** The enlace schedules Usaquén's plenaria menor for today and writes its acta, ready to sign. */
async function setup() {
  const h = await botHarness();
  const { actas } = h.deps;
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
    const result = await h.deps.actas.requestSignatures(h.enlace, h.plenariaId, 1, h.saved.acta!.version);
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
    await h.deps.actas.requestSignatures(h.enlace, h.plenariaId, 1, h.saved.acta!.version);
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
    const noImpact = await h.execute(`miembro-${UNIT}`, COMMITMENT_UPDATE, { commitmentId: id, version: tracked.version, [`${COMMITMENT_STATUS_INPUT}-${id}`]: 'cumplido' });
    expect(cardText(noImpact)).toContain('Para cerrar un compromiso como cumplido, describe su impacto.');
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
