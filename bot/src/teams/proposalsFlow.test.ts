import { describe, expect, it } from 'vitest';
import { botHarness, cardText } from '../testing/harness.js';
import type { AdaptiveCard } from './cards/elements.js';
import { PROPOSAL_IMPACT_INPUT, PROPOSAL_NOTE_INPUT, PROPOSAL_STATUS_INPUT, PROPOSAL_UPDATE } from './cards/proposalsCard.js';

const SECRETARIO = 'lider-despacho';

/** ETI schedules a dialogue session for this morning, writes its acta with three proposals and both sign it. */
async function signedSession() {
  const h = await botHarness();
  const { actas, actaSigning } = h.deps;
  const eti = await h.as('eti-2');
  const secretario = await h.as(SECRETARIO);
  const { plenaria } = await actas.schedule(eti, { kind: 'dialogo', unitId: null, date: '2026-11-23', startTime: '08:00', modality: 'presencial', location: 'Auditorio, sede principal', presidingId: SECRETARIO, secretaryId: 'eti-2' });
  const id = plenaria.plenaria.id;
  const started = await actas.start(eti, id);
  const proposals = ['Abrir una sala de lactancia en la sede de Kennedy.', 'Publicar el calendario de capacitaciones con un mes de anticipación.', 'Rotar la sede de «Un café con el Secretario» entre las alcaldías.'];
  const saved = await actas.save(eti, id, 1, started.acta!.version, { ...started.acta!.draft, development: 'Participaron 24 personas de las alcaldías y del nivel central.', proposals, commitments: [] });
  await actaSigning.sign(eti, id, 1, { version: saved.acta!.version }, 'secretary');
  await actaSigning.sign(secretario, id, 1, null, 'presiding');
  return { ...h, id, eti, secretario, proposals };
}

const dataOf = (card: AdaptiveCard, title: string): Record<string, unknown> => {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Execute' && n.title === title && !found) found = n.data as Record<string, unknown>;
    for (const v of Object.values(n)) walk(v);
  };
  walk(card);
  return found!;
};

describe('proposals of «Un café con el Secretario» (issue 14, item 16)', () => {
  it('the signed acta of a dialogue session brings each proposal into the tracker, received and unassigned; the acta keeps the text', async () => {
    const h = await signedSession();
    const tracked = await h.store.listProposals({ plenariaId: h.id });
    expect(tracked.map((p) => [p.text, p.status, p.responsibleId, p.sessionDate])).toEqual(h.proposals.map((t) => [t, 'recibida', null, '2026-11-23']));
    expect((await h.store.listActas({ plenariaIds: [h.id] }))[0]!.draft.proposals).toEqual(h.proposals);
    // A correction that drops one: the tracked proposal keeps its follow-up and says why it is no longer in the acta.
    const corrected = await h.deps.actaSigning.correct(h.eti, h.id, 1, 'Una propuesta se repitió por error.');
    const v2 = await h.deps.actas.save(h.eti, h.id, 2, corrected.acta!.version, { ...corrected.acta!.draft, proposals: h.proposals.slice(0, 2) });
    await h.deps.actaSigning.sign(h.eti, h.id, 2, { version: v2.acta!.version }, 'secretary');
    await h.deps.actaSigning.sign(h.secretario, h.id, 2, null, 'presiding');
    const after = await h.store.listProposals({ plenariaId: h.id });
    expect(after).toHaveLength(3);
    expect(after[2]!.notes.map((n) => n.text)).toEqual(['La versión 2 del acta ya no recoge esta propuesta; su seguimiento se conserva.']);
    expect(after.slice(0, 2).every((p) => p.notes.length === 0)).toBe(true);
  });

  it('the OAP assigns one; the person who takes it gets its card, updates it from the chat, and cannot close it without the impact', async () => {
    const h = await signedSession();
    const oap = await h.as('oap-1');
    const [first] = await h.store.listProposals({ plenariaId: h.id });
    await h.deps.proposals.assign(oap, first!.id, first!.version, 'lider-dgth');
    const sent = h.proactive.sent.filter((s) => s.personId === 'lider-dgth');
    expect(sent).toHaveLength(1);
    const notice = sent[0]!.card as AdaptiveCard;
    expect(cardText(notice)).toContain('Te asignaron una propuesta');
    expect(cardText(notice)).toContain('Viviana Patiño González te asignó una propuesta de la sesión «Un café con el Secretario» del 23 de noviembre de 2026.');
    expect(cardText(notice)).toContain('Abrir una sala de lactancia en la sede de Kennedy.');

    const [list] = await h.say('lider-dgth', 'propuestas');
    expect(cardText(list!)).toContain('Propuestas que tomaste');
    expect(cardText(list!)).toContain('Abrir una sala de lactancia en la sede de Kennedy.');
    // The card's button saves the proposal just assigned.
    expect(dataOf(list!, 'Guardar').proposalId).toBe(first!.id);
    const inputs = (status: string, note: string, impact: string) => ({ ...dataOf(list!, 'Guardar'), proposalId: first!.id, version: 2, [`${PROPOSAL_STATUS_INPUT}-${first!.id}`]: status, [`${PROPOSAL_NOTE_INPUT}-${first!.id}`]: note, [`${PROPOSAL_IMPACT_INPUT}-${first!.id}`]: impact });

    const refused = await h.execute('lider-dgth', PROPOSAL_UPDATE, inputs('implementada', 'Sala abierta el 20 de noviembre <b>piso 2</b>.', ''));
    expect(cardText(refused)).toContain('Para cerrar una propuesta como implementada, describe el impacto medido.');
    // What was typed comes back in the open form.
    expect(JSON.stringify(refused)).toContain('Sala abierta el 20 de noviembre <b>piso 2</b>.');
    expect((await h.store.listProposals({ plenariaId: h.id }))[0]!.status).toBe('recibida');

    const adopted = await h.execute('lider-dgth', PROPOSAL_UPDATE, inputs('adoptada', 'Sala abierta el 20 de noviembre <b>piso 2</b>.', ''));
    expect(cardText(adopted)).toContain('Quedó registrado: la propuesta está adoptada.');
    const stored = (await h.store.listProposals({ plenariaId: h.id }))[0]!;
    expect(stored).toMatchObject({ status: 'adoptada', responsibleId: 'lider-dgth', version: 3 });
    expect(stored.notes.at(-1)).toEqual({ at: '2026-11-23T15:00:00.000Z', by: 'lider-dgth', text: 'Sala abierta el 20 de noviembre <b>piso 2</b>.' });

    // The card seen before the update is stale now: refused, nothing changed.
    const stale = await h.execute('lider-dgth', PROPOSAL_UPDATE, inputs('implementada', '', '12 madres usan la sala cada semana.'));
    expect(cardText(stale)).toContain('Alguien actualizó esta propuesta mientras la veías.');
  });

  it('someone who does not take it is refused with a message that carries nothing of it', async () => {
    const h = await signedSession();
    const [first] = await h.store.listProposals({ plenariaId: h.id });
    const member = await h.as('miembro-al-usaquen');
    const [card] = await h.say('miembro-al-usaquen', 'propuestas');
    expect(cardText(card!)).toContain('No tienes propuestas abiertas');
    await expect(h.deps.proposals.update(member, first!.id, 1, { status: 'en_estudio' })).rejects.toThrow('Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta pueden verla o actualizarla.');
    await expect(h.deps.proposals.update(member, 'pl-no-existe:p1', 1, { status: 'en_estudio' })).rejects.toThrow('Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta pueden verla o actualizarla.');
    const forged = await h.execute('miembro-al-usaquen', PROPOSAL_UPDATE, { proposalId: first!.id, version: 1, [`${PROPOSAL_STATUS_INPUT}-${first!.id}`]: 'en_estudio' });
    expect(cardText(forged)).toContain('Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta');
    expect(cardText(forged)).not.toContain('sala de lactancia');
    expect((await h.store.listProposals({ plenariaId: h.id }))[0]!.version).toBe(1);
    // Nor may they assign, even to themselves.
    await expect(h.deps.proposals.assign(member, first!.id, 1, member.id)).rejects.toThrow('Solo la Oficina Asesora de Planeación, el Despacho y quien toma una propuesta');
  });

  it('the plenarias list offers the next session of a held dialogue series to who may schedule one, and to nobody else', async () => {
    const h = await botHarness('2026-12-01T15:00:00.000Z');
    const november = async (id: string) => (await h.deps.actas.plenarias(await h.as(id), '2026-Q4')).plenarias.find((s) => s.plenaria.id === 'pl-dialogo-2026-11')!;
    const shown = await november('oap-1');
    const { kind, unitId, startTime, modality, location, presidingId, secretaryId } = shown.plenaria;
    // The series' latest session, 17 November: the 17th of the next month, after today.
    expect(shown.nextInSeries).toEqual({ kind, unitId, date: '2026-12-17', startTime, modality, location, presidingId, secretaryId });
    expect((await november('miembro-al-usaquen')).nextInSeries).toBeUndefined();
  });
});
