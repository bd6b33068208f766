import { describe, expect, it } from 'vitest';
import { botHarness, cardText } from '../testing/harness.js';
import { contentOf } from '../services/formulation.js';
import { SET_ACT, SET_COMMENT_INPUT, SET_REFRESH } from './cards/setCard.js';
import type { AdaptiveCard } from './cards/elements.js';

const UNIT = 'al-usaquen';
const NEXT = '2027-Q1';

/** The enlace drafts next quarter's set from the current one ("Reformular"). */
async function setup() {
  const h = await botHarness();
  const enlace = (await h.store.getPerson('enlace-al-usaquen'))!;
  const formulation = h.deps.formulation;
  const draft = await formulation.reformulate(enlace, UNIT, '2026-Q4', NEXT);
  if (draft.kind !== 'done') throw new Error(draft.kind);
  return { ...h, setId: draft.view.bundle.set.id };
}

const buttons = (card: AdaptiveCard) => (card.actions ?? []).map((a) => a.title as string);
const dataOf = (card: AdaptiveCard, title: string) => (card.actions ?? []).find((a) => a.title === title)!.data as Record<string, unknown>;

describe('formulation: enlace → OKR coach → líder, from Teams cards', () => {
  it('reformulates a copy of the previous set as a draft with progress reset', async () => {
    const h = await setup();
    const copy = (await h.store.getSetById(h.setId))!;
    const source = (await h.store.getSet(UNIT, '2026-Q4'))!;
    expect(copy.set).toMatchObject({ state: 'draft', quarter: NEXT, version: 1 });
    expect(contentOf(copy).keyResults.map((k) => k.title)).toEqual(contentOf(source).keyResults.map((k) => k.title));
    expect(copy.keyResults.every((k) => k.id.startsWith(h.setId))).toBe(true);
    expect(await h.store.listCheckIns(UNIT, ['2027-01', '2027-02', '2027-03'])).toEqual([]);
  });

  it('runs the whole cycle with observations, a return, a resubmission and both approvals, with history', async () => {
    const h = await setup();
    // The enlace sees the draft and sends it to review.
    const [draft] = await h.say('enlace-al-usaquen', 'revisar');
    expect(cardText(draft)).toContain('Estado: Borrador');
    expect(buttons(draft!)).toEqual(['Enviar a revisión']);
    const submitted = await h.execute('enlace-al-usaquen', SET_ACT, dataOf(draft!, 'Enviar a revisión'), 'msg-1');
    expect(cardText(submitted)).toContain('Estado: En revisión del OKR Coach');

    // The coach reviews the form: returning needs observations.
    const [review] = await h.say('coach-1', 'revisar');
    expect(cardText(review)).toContain('Alcaldía Local de Usaquén');
    expect(buttons(review!)).toEqual(['Aprobar forma', 'Devolver con observaciones']);
    const noComment = await h.execute('coach-1', SET_ACT, dataOf(review!, 'Devolver con observaciones'), 'msg-2');
    expect(cardText(noComment)).toContain('Escribe las observaciones para el enlace.');
    expect((await h.store.getSetById(h.setId))!.set.state).toBe('coach_review');
    const returned = await h.execute('coach-1', SET_ACT, { ...dataOf(review!, 'Devolver con observaciones'), [SET_COMMENT_INPUT]: 'El KR 2.1 necesita línea base.' }, 'msg-2');
    expect(cardText(returned)).toContain('Estado: Devuelto con observaciones');
    // Everyone in the chat sees the decision on the original message, without buttons.
    const update = h.updated.at(-1)!;
    expect(update.id).toBe('msg-2');
    const everyone = update.attachments![0]!.content as AdaptiveCard;
    expect(cardText(everyone)).toContain('Devuelto con observaciones');
    expect(everyone.actions ?? []).toEqual([]);

    // The enlace gets it back with the comments and resubmits.
    const [back] = await h.say('enlace-al-usaquen', 'revisar');
    expect(cardText(back)).toContain('«El KR 2.1 necesita línea base.»');
    await h.execute('enlace-al-usaquen', SET_ACT, dataOf(back!, 'Enviar a revisión'));

    // A second coach with the old card acts too late: told what happened, nothing done twice.
    const stale = await h.execute('coach-2', SET_ACT, { ...dataOf(review!, 'Aprobar forma') });
    expect(cardText(stale)).toContain('Esta tarjeta ya no está al día');
    expect(cardText(stale)).toContain('No se hizo ningún cambio.');

    const [again] = await h.say('coach-2', 'revisar');
    const approvedForm = await h.execute('coach-2', SET_ACT, dataOf(again!, 'Aprobar forma'));
    expect(cardText(approvedForm)).toContain('Estado: En aprobación del líder');

    // Only the unit's líder approves; a member is refused.
    const [forLeader] = await h.say('lider-al-usaquen', 'revisar');
    expect(buttons(forLeader!)).toEqual(['Aprobar', 'Rechazar']);
    // The líder approves it against the institutional objective it aligns to (issue 14, item 11).
    const set = (await h.store.getSetById(h.setId))!;
    const objective = (await h.store.listInstitutionalObjectives()).find((o) => o.id === set.set.institutionalObjectiveId)!;
    expect(cardText(forLeader!)).toContain(`Se alinea al objetivo institucional ${objective.code}: ${objective.title}`);
    const intruder = await h.execute('miembro-al-usaquen', SET_ACT, dataOf(forLeader!, 'Aprobar'));
    expect(cardText(intruder)).toContain('Solo el líder de la unidad puede «aprobar».');
    const otherLeader = await h.execute('lider-al-kennedy', SET_ACT, dataOf(forLeader!, 'Aprobar'));
    // Another unit's líder does not even see the set (issue 13, item 3): the card says so and shows nothing of it.
    expect(cardText(otherLeader)).toBe('No se pudo completar\nNo tienes permiso para ver esta información.');
    const rejectNoReason = await h.execute('lider-al-usaquen', SET_ACT, dataOf(forLeader!, 'Rechazar'));
    expect(cardText(rejectNoReason)).toContain('Escribe el motivo del rechazo.');
    const approved = await h.execute('lider-al-usaquen', SET_ACT, dataOf(forLeader!, 'Aprobar'));
    expect(cardText(approved)).toContain('Estado: Cargado');
    expect(buttons(approved)).toEqual([]);

    const events = await h.store.listSetEvents(h.setId);
    expect(events.map((e) => `${e.action}:${e.actorId}`)).toEqual([
      'create:enlace-al-usaquen',
      'submit:enlace-al-usaquen',
      'returnToEnlace:coach-1',
      'submit:enlace-al-usaquen',
      'approveForm:coach-2',
      'approve:lider-al-usaquen',
    ]);
    expect(events[2]!.comment).toBe('El KR 2.1 necesita línea base.');
    expect(cardText(approved)).toContain('Historial');
    expect((await h.store.listAudit({ entity: 'okrSet', entityId: h.setId })).length).toBe(6);
  });

  it('refreshes the card for each viewer: buttons for the coach, none for a member', async () => {
    const h = await setup();
    const [draft] = await h.say('enlace-al-usaquen', 'revisar');
    await h.execute('enlace-al-usaquen', SET_ACT, dataOf(draft!, 'Enviar a revisión'));
    const coachView = await h.execute('coach-1', SET_REFRESH, { setId: h.setId });
    expect(buttons(coachView)).toEqual(['Aprobar forma', 'Devolver con observaciones']);
    expect(coachView.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: SET_REFRESH, data: { setId: h.setId } } });
    const memberView = await h.execute('miembro-al-usaquen', SET_REFRESH, { setId: h.setId });
    expect(buttons(memberView)).toEqual([]);
    expect(cardText(memberView)).toContain('En revisión del OKR Coach');
  });

  it('a rejected set goes back to the enlace with the reason, and returns straight to the líder', async () => {
    const h = await setup();
    const step = async (who: string, title: string, comment?: string) => {
      const [card] = await h.say(who, 'revisar');
      return h.execute(who, SET_ACT, { ...dataOf(card!, title), ...(comment ? { [SET_COMMENT_INPUT]: comment } : {}) });
    };
    await step('enlace-al-usaquen', 'Enviar a revisión');
    await step('coach-1', 'Aprobar forma');
    await step('lider-al-usaquen', 'Rechazar', 'Falta alinear con el plan de gestión.');
    const [back] = await h.say('enlace-al-usaquen', 'revisar');
    expect(cardText(back)).toContain('Rechazado por el líder');
    expect(cardText(back)).toContain('Falta alinear con el plan de gestión.');
    expect(buttons(back!)).toEqual(['Enviar de nuevo al líder']);
    await step('enlace-al-usaquen', 'Enviar de nuevo al líder');
    expect((await h.store.getSetById(h.setId))!.set.state).toBe('leader_approval');
  });

  it('sends the next people their card in chat, and turns earlier cards into read-only ones', async () => {
    const h = await setup();
    const [draft] = await h.say('enlace-al-usaquen', 'revisar');
    await h.execute('enlace-al-usaquen', SET_ACT, dataOf(draft!, 'Enviar a revisión'));
    // Both OKR coaches get the review card, with their buttons.
    expect(h.proactive.sent.map((s) => s.personId)).toEqual(['coach-1', 'coach-2']);
    expect(buttons(h.proactive.sent[0]!.card as AdaptiveCard)).toEqual(['Aprobar forma', 'Devolver con observaciones']);

    const coachCard = h.proactive.sent[0]!.card as AdaptiveCard;
    await h.execute('coach-1', SET_ACT, { ...dataOf(coachCard, 'Devolver con observaciones'), [SET_COMMENT_INPUT]: 'Revisar la meta del KR 1.2.' });
    // The coaches' cards now show the decision without buttons; the enlace gets it back with the comments.
    expect(h.proactive.updated.map((u) => u.activityId)).toEqual(['proactive-1', 'proactive-2']);
    expect(h.proactive.updated.every((u) => buttons(u.card as AdaptiveCard).length === 0)).toBe(true);
    const toEnlace = h.proactive.sent.at(-1)!;
    expect(toEnlace.personId).toBe('enlace-al-usaquen');
    expect(cardText(toEnlace.card)).toContain('Revisar la meta del KR 1.2.');
    expect(buttons(toEnlace.card as AdaptiveCard)).toEqual(['Enviar a revisión']);

    await h.execute('enlace-al-usaquen', SET_ACT, dataOf(toEnlace.card as AdaptiveCard, 'Enviar a revisión'));
    const again = h.proactive.sent.at(-1)!.card as AdaptiveCard;
    await h.execute('coach-2', SET_ACT, dataOf(again, 'Aprobar forma'));
    // The unit's líder, and only them, is asked to approve.
    const toLeader = h.proactive.sent.at(-1)!;
    expect(toLeader.personId).toBe('lider-al-usaquen');
    expect(buttons(toLeader.card as AdaptiveCard)).toEqual(['Aprobar', 'Rechazar']);
    expect((await h.store.listCardMessages(h.setId)).map((c) => `${c.purpose}:${c.personId}`)).toContain('leader_approval:lider-al-usaquen');
  });

  it('says so when nothing waits', async () => {
    const h = await botHarness();
    const [card] = await h.say('coach-1', 'revisar');
    expect(cardText(card)).toContain('No hay sets de OKR esperando tu revisión');
  });
});
