import { CHECK_IN_LIMITS, DIFFERENTIAL_DIMENSIONS, REVIEW_LIMITS, type ActaDraft, type PlenariaInput } from '@okr/core';
import { botHarness, inputIdsOf as inputIdsIn } from './harness.js';
import type { ReminderLogEntry, SeedData } from '../store/Store.js';
import type { AdaptiveCard } from '../teams/cards/elements.js';
import { CARD_INPUT_LIMITS, CHECK_IN_SAVE_ONE, CHECK_IN_SUBMIT, inputIds } from '../teams/cards/checkInCard.js';
import { helpCard, messageCard, notRegisteredCard, welcomeCard } from '../teams/cards/simpleCards.js';
import { myRemindersCard, reminderCard, remindersAdminCard, snoozedCard } from '../teams/cards/reminderCards.js';
import type { PlannedReminder } from '../jobs/reminderPlan.js';
import { NOTE_INPUT, REVIEW_BULK, REVIEW_CLOSE, REVIEW_OPEN, REVIEW_REQUEST, bulkDoneCard, leaderResultCard, observationInput, quarterSharedCard, unitReviewCard } from '../teams/cards/reviewCards.js';
import { PEI_CONFIRM } from '../teams/cards/peiCards.js';

/**
 * Every card the bot builds, at the longest input the app accepts: one fixture fills every field to
 * its limit with a phishing link, accents and markdown, and the real commands and card actions build
 * the cards (the card tests check their size and that typed text stays literal; `npm run bench`
 * prints the largest as `card_max_bytes`).
 */

const PHISH = '[Descarga el soporte firmado](https://phish.example.com/login) **urgente** _ya_ ñandú ';
const long = (n: number) => PHISH.repeat(Math.ceil(n / PHISH.length)).slice(0, n);
const longUrl = (n: number) => `https://gobiernobogota.sharepoint.com/sites/OKR/${'evidencia-ñ/'.repeat(n)}`.slice(0, n);
export const TAB = 'http://localhost:3978';
/**
 * The month Al Usaquén's `check-in` opens on the test day (23 November): the earliest open month with
 * something missing — October, which the demo leaves unreported there — with November open after it.
 */
export const LONGEST_PERIOD = '2026-10';

/** Al Usaquén's set and check-ins with every text at its limit; enlace-dgth reports for 8 units. */
export function longest(seed: SeedData): void {
  const setId = 'set-al-usaquen-2026-Q4';
  for (const o of seed.objectives!.filter((o) => o.setId === setId)) o.title = long(300);
  for (const k of seed.keyResults!.filter((k) => k.setId === setId)) {
    k.title = long(300);
    if (k.kind === 'number') k.unitOfMeasure = long(40);
  }
  const krIds = new Set(seed.keyResults!.filter((k) => k.setId === setId).map((k) => k.id));
  // Every key result reported that month (so the card prefills them), but the first.
  for (const id of krIds) {
    if (seed.checkIns!.some((c) => c.keyResultId === id && c.period === LONGEST_PERIOD)) continue;
    seed.checkIns!.push({ id: `ci-${id}-${LONGEST_PERIOD}`, keyResultId: id, unitId: 'al-usaquen', period: LONGEST_PERIOD, value: 1, comment: '', evidenceUrl: '', authorId: 'enlace-al-usaquen', createdAt: '2026-10-28T15:00:00.000Z', updatedAt: '2026-10-28T15:00:00.000Z', version: 1 });
  }
  for (const c of seed.checkIns!.filter((c) => krIds.has(c.keyResultId))) {
    c.comment = long(CHECK_IN_LIMITS.commentMax);
    c.evidenceUrl = longUrl(CHECK_IN_LIMITS.evidenceUrlMax);
  }
  // One key result still missing this month, so `check-in` shows the form.
  const firstKr = [...krIds][0]!;
  seed.checkIns = seed.checkIns!.filter((c) => !(c.keyResultId === firstKr && c.period === LONGEST_PERIOD));
  // Usaquén's plan de gestión with every text of its metas at the length the API takes.
  for (const m of (seed.planMetas ?? []).filter((m) => m.planId === 'plan-al-usaquen-2027')) {
    Object.assign(m, { statement: long(600), processObjective: long(400), deliverables: long(800) });
    m.indicator = { name: long(300), numerator: long(300), denominator: long(300), formula: long(300), unit: long(60) };
  }
  // The PEI figure the OAP returned to the DGDL with every text at what the API takes, and 60
  // categories of 120 characters outside the documented lists in every breakdown (the checks list them).
  const categories = (tag: string) => Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`${long(116)}${tag}${String(i).padStart(2, '0')}`, 1]));
  for (const v of (seed.peiValues ?? []).filter((v) => v.indicatorId === 'sdg-i02' && v.cutoff === '2026-09-30')) {
    Object.assign(v, { analysis: long(4000), jumpExplanation: long(2000), localities: categories('L'), differential: Object.fromEntries(DIFFERENTIAL_DIMENSIONS.map((d) => [d, categories(d.slice(0, 2))])) });
    v.oapReturn = { ...v.oapReturn!, observations: long(2000) };
  }
  // A unit's quarter of OKR results returned with the longest observations.
  for (const v of (seed.okrValidations ?? []).filter((v) => v.state === 'returned')) v.oapReturn = { ...v.oapReturn!, observations: long(2000) };
  const units = seed.units!.filter((u) => u.kind === 'alcaldia' && u.id !== 'al-usaquen').slice(0, 8);
  seed.roles!.push(...units.map((u) => ({ personId: 'enlace-dgth', role: 'enlace' as const, unitId: u.id })));
  // Nothing reported yet this month in those: all of them are pending.
  const theirs = new Set(seed.keyResults!.filter((k) => units.some((u) => k.setId === `set-${u.id}-2026-Q4`)).map((k) => k.id));
  seed.checkIns = seed.checkIns!.filter((c) => !(theirs.has(c.keyResultId) && c.period === '2026-11'));
}

export async function everyCardAtItsLongest(): Promise<Array<[string, AdaptiveCard]>> {
  const h = await botHarness(undefined, longest);
  const cards: Array<[string, AdaptiveCard]> = [];
  const add = (name: string, list: AdaptiveCard | AdaptiveCard[]) => [list].flat().forEach((c, i) => cards.push([`${name}${i ? ` #${i + 1}` : ''}`, c]));

  // Check-ins: the form with every stored text, the same after a failed «Guardar todo» with the longest
  // typing the card's inputs take (every value wrong), and after one save.
  add('check-in', await h.say('enlace-al-usaquen', 'check-in'));
  const bundle = (await h.store.getSet('al-usaquen', '2026-Q4'))!;
  const typed: Record<string, unknown> = { unitId: 'al-usaquen', period: LONGEST_PERIOD };
  for (const kr of bundle.keyResults) {
    const ids = inputIds(kr.id);
    typed[ids.value] = kr.kind === 'milestone' ? '1' : 'mucho';
    typed[ids.comment] = long(CARD_INPUT_LIMITS.comment);
    typed[ids.evidenceUrl] = longUrl(CARD_INPUT_LIMITS.evidenceUrl);
  }
  add('check-in with errors', await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, typed));
  const first = bundle.keyResults[0]!;
  const one = { ...typed, keyResultId: first.id, [inputIds(first.id).value]: first.kind === 'milestone' ? '1' : '1', [inputIds(first.id).comment]: long(CHECK_IN_LIMITS.commentMax), [inputIds(first.id).evidenceUrl]: longUrl(CHECK_IN_LIMITS.evidenceUrlMax) };
  add('check-in after saving one', await h.execute('enlace-al-usaquen', CHECK_IN_SAVE_ONE, one));
  // What a card cannot send (longer than its inputs take) is cut to what they take.
  const overlong = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, k.startsWith('comment:') ? long(CHECK_IN_LIMITS.commentMax * 5) : k.startsWith('evidence:') ? longUrl(CHECK_IN_LIMITS.evidenceUrlMax * 5) : v]));
  add('check-in with overlong typing', await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, overlong));
  add('pendientes', await h.say('enlace-al-usaquen', 'pendientes'));
  add('mis okr', await h.say('enlace-al-usaquen', 'mis okr'));
  // A person with 10 units: the unit choice, `pendientes` and `mis okr`.
  add('choose unit (10 units)', await h.say('enlace-dgth', 'check-in'));
  add('pendientes (10 units)', await h.say('enlace-dgth', 'pendientes'));
  add('mis okr (10 units)', await h.say('enlace-dgth', 'mis okr'));

  // Formulation: a set with the longest titles, returned and resubmitted with the longest observations.
  const enlace = (await h.store.getPerson('enlace-al-usaquen'))!;
  const draft = await h.deps.formulation.reformulate(enlace, 'al-usaquen', '2026-Q4', '2027-Q1');
  if (draft.kind !== 'done') throw new Error(`draft: ${JSON.stringify(draft)}`);
  const coach = (await h.store.getPerson('coach-1'))!;
  let view = draft.view;
  for (let i = 0; i < 4; i++) {
    view = (await h.deps.formulation.act(enlace, view.bundle.set.id, 'submit', view.bundle.set.version, long(2000))).view!;
    view = (await h.deps.formulation.act(coach, view.bundle.set.id, 'returnToEnlace', view.bundle.set.version, long(2000))).view!;
  }
  await h.store.saveConversationReference('coach-1', { user: { id: '29:coach-1' }, conversation: { id: 'c' } });
  add('set (refresh)', await h.execute('enlace-al-usaquen', 'set.refresh', { setId: view.bundle.set.id }));
  add('revisar', await h.say('enlace-al-usaquen', 'revisar'));

  // Actas: a plenaria and its acta with every field at its limit, to sign, signed, and corrected.
  const input: PlenariaInput = { kind: 'menor', unitId: 'al-usaquen', date: '2026-11-20', startTime: '09:00', modality: 'presencial', location: long(1000), presidingId: 'lider-al-usaquen', secretaryId: 'enlace-al-usaquen' };
  const { plenaria } = await h.deps.actas.schedule(enlace, input);
  const id = plenaria.plenaria.id;
  const started = await h.deps.actas.start(enlace, id);
  const people = (await h.store.listPeople()).map((p) => p.id);
  const full: ActaDraft = {
    ...started.acta!.draft,
    objective: long(20_000),
    attendeeIds: people.slice(0, 300),
    guests: Array.from({ length: 100 }, () => long(500)),
    agenda: Array.from({ length: 50 }, () => long(500)),
    development: long(20_000),
    conversations: long(20_000),
    feedback: long(20_000),
    proposals: Array.from({ length: 100 }, () => long(2000)),
    recognitions: Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, personId: null, team: long(500), reason: long(2000) })),
    decisions: Array.from({ length: 100 }, () => long(2000)),
    commitments: Array.from({ length: 100 }, (_, i) => ({ id: `c${i}`, task: long(1000), ownerId: 'enlace-al-usaquen', due: '2026-12-30' })),
  };
  await h.deps.actas.save(enlace, id, 1, started.acta!.version, full);
  add('actas (to sign)', await h.say('lider-al-usaquen', 'actas'));
  const lider = (await h.store.getPerson('lider-al-usaquen'))!;
  await h.deps.actaSigning.sign(enlace, id, 1, null, 'secretary');
  await h.deps.actaSigning.sign(lider, id, 1, null, 'presiding');
  add('acta (signed)', await h.execute('enlace-al-usaquen', 'acta.refresh', { plenariaId: id }));
  await h.deps.actaSigning.correct(enlace, id, 1, long(2000));
  add('acta (correction)', await h.execute('lider-al-usaquen', 'acta.refresh', { plenariaId: id }));

  // Commitments: 100 of them, one with the longest follow-up and impact.
  const [c] = await h.deps.actas.commitments.mine(enlace);
  await h.deps.actas.commitments.update(enlace, c!.id, c!.version, { status: 'en_curso', note: long(2000), impact: long(2000) });
  add('compromisos', await h.say('enlace-al-usaquen', 'compromisos'));

  // Proposals of a dialogue session: more open ones than the card shows, each at its limits, with the longest note and impact.
  const at = h.clock.now().toISOString();
  await h.store.writeProposals(
    Array.from({ length: 12 }, (_, i) => ({
      proposal: { id: `pl-dialogo-2026-10:p${100 + i}`, plenariaId: 'pl-dialogo-2026-10', sessionDate: '2026-10-15', text: long(2000), responsibleId: 'enlace-al-usaquen', status: 'adoptada' as const, notes: Array.from({ length: 20 }, () => ({ at, by: 'oap-1', text: long(2000) })), impact: long(2000), version: 1, createdAt: at, updatedAt: at },
      expectedVersion: null,
    })),
    'oap-1',
  );
  add('propuestas', await h.say('enlace-al-usaquen', 'propuestas'));
  const [open] = await h.deps.proposals.mine(enlace);
  add('propuestas (refused, typed kept)', await h.execute('enlace-al-usaquen', 'proposals.update', { proposalId: open!.id, version: open!.version, [`proposalStatus-${open!.id}`]: 'no_viable', [`proposalImpact-${open!.id}`]: long(2000) }));

  // The plan de gestión: the OAP's review card, and the plan returned with the longest observation on every meta.
  const plans = await h.say('oap-1', 'plan');
  add('plan (OAP review)', plans);
  const review = plans.find((c) => JSON.stringify(c).includes('plan-al-usaquen-2027') && (c.actions ?? []).some((a) => (a as { data?: { planAction?: string } }).data?.planAction === 'return'));
  if (review) {
    const back = (review.actions as Array<{ data: Record<string, unknown> }>).find((a) => a.data?.planAction === 'return')!;
    const observations = Object.fromEntries(inputIdsIn(review).filter((id) => id.startsWith('obs:') || id === 'planComment').map((id) => [id, long(2000)]));
    add('plan (returned)', await h.execute('oap-1', 'plan.act', { ...back.data, ...observations }));
    add('plan returned, to the líder', h.proactive.sent.filter((s) => JSON.stringify(s.card).includes('plan')).map((s) => s.card as AdaptiveCard));
  }
  add('plan (líder)', await h.say('lider-al-usaquen', 'plan'));

  // The validation of the figures: what waits for the area and for the OAP, the returned figure
  // confirmed and clicked again, a unit's OKR results returned to its enlace.
  const waiting = await h.say('enlace-dgdl', 'validacion');
  add('validacion (area)', waiting);
  add('validacion (OAP)', await h.say('oap-1', 'validacion'));
  const returned = waiting.find((c) => (c.actions ?? []).some((a) => (a as { verb?: string }).verb === PEI_CONFIRM));
  if (returned) {
    const confirm = (returned.actions as Array<{ verb?: string; data: Record<string, unknown> }>).find((a) => a.verb === PEI_CONFIRM)!;
    add('pei figure (confirmed)', await h.execute('enlace-dgdl', PEI_CONFIRM, confirm.data));
    add('pei figure (clicked again)', await h.execute('enlace-dgdl', PEI_CONFIRM, confirm.data));
  }
  const okrReturned = (await h.store.listOkrValidations('2026-Q3')).find((v) => v.state === 'returned');
  if (okrReturned) add('validacion (OKR results returned)', await h.say(`enlace-${okrReturned.unitId}`, 'validacion'));

  // Reminders: the builders at their longest views.
  const many = (n: number) => Array.from({ length: n }, (_, i) => long(120) + i);
  const planned = (kind: PlannedReminder['key']['kind'], items: string[]): PlannedReminder =>
    ({ id: kind, key: { kind, personId: 'eti-1', subject: 'entity', period: '2026-11', step: 0 }, unitName: long(120), items, topics: ['sets_to_approve', 'actas_to_sign'], snoozed: true, muted: false, reachable: true, log: null }) as unknown as PlannedReminder;
  for (const kind of ['checkin_window', 'checkin_missing', 'leader_escalation', 'eti_digest', 'approvals_digest', 'coach_digest', 'oap_digest', 'review_digest'] as const) add(`reminder ${kind}`, reminderCard(planned(kind, many(44)), { tabUrl: TAB }));
  const entry = (i: number, state: ReminderLogEntry['state']): ReminderLogEntry => ({ key: `k${i}`, kind: 'checkin_window', personId: `p${i}`, subject: long(60), period: '2026-11', step: 0, state, owner: 'o', claimedAt: '2026-11-23T15:00:00.000Z', sentAt: '2026-11-23T15:00:00.000Z', error: long(2000), attempts: 3 });
  const person = (await h.store.getPerson('eti-1'))!;
  add('recordatorios', myRemindersCard({ person, kinds: ['checkin_window', 'checkin_missing', 'eti_digest'], muted: [], upcoming: Array.from({ length: 50 }, (_, i) => planned('checkin_window', [String(i)])), snoozes: [], recent: Array.from({ length: 200 }, (_, i) => entry(i, 'sent')), nextSendingAt: new Date('2026-11-24T13:00:00Z') }, true, new Map()));
  const names = new Map(Array.from({ length: 5000 }, (_, i) => [`p${i}`, long(120)] as [string, string]));
  add('recordatorios admin', remindersAdminCard({ control: { paused: false, actorId: null, at: null }, nextSendingAt: new Date('2026-11-24T13:00:00Z'), upcoming: Array.from({ length: 5000 }, () => planned('checkin_window', ['x'])), recent: Array.from({ length: 5000 }, (_, i) => entry(i, 'sent')), uncertain: Array.from({ length: 5000 }, (_, i) => entry(i, 'claimed')), failed: Array.from({ length: 5000 }, (_, i) => entry(i, 'failed')), unreachable: Array.from({ length: 5000 }, (_, i) => ({ ...person, id: `p${i}`, name: long(120), email: `${long(60)}@x.co` })) }, names, new Map()));
  add('snoozed', snoozedCard(new Date('2026-11-24T13:00:00Z')));

  // The ETI's month: the queue, Usaquén's month (every comment at its limit) with a correction asked
  // with the longest observations on every key result and the longest note, what the enlace and the
  // líder get, the check-in that shows them, the ETI told of the correction, the close, the bulk
  // close's confirmation (every consistent unit), and the quarter close's cards at their longest.
  add('revisión', await h.say('eti-1', 'revisión'));
  add('revisión (not ETI)', await h.say('enlace-al-usaquen', 'revisión'));
  const eti = (await h.store.getPerson('eti-1'))!;
  const month = await h.deps.monthReview.unitMonth(eti, 'al-usaquen', LONGEST_PERIOD);
  const observations = Object.fromEntries(month.keyResults.map((k) => [observationInput(k.id), long(REVIEW_LIMITS.observationMax)]));
  const sentBefore = h.proactive.sent.length;
  add('review (correction asked)', await h.execute('eti-1', REVIEW_REQUEST, { unitId: 'al-usaquen', period: LONGEST_PERIOD, version: month.version, ...observations, [NOTE_INPUT]: long(REVIEW_LIMITS.noteMax) }));
  add('correction notice', h.proactive.sent.slice(sentBefore).map((s) => s.card as AdaptiveCard));
  add('review (unit)', await h.execute('eti-1', REVIEW_OPEN, { unitId: 'al-usaquen', period: LONGEST_PERIOD }));
  add('check-in (correction asked)', await h.say('enlace-al-usaquen', 'check-in'));
  // The enlace corrects every key result at once: the ETI member who asked is told.
  const correctedBefore = h.proactive.sent.length;
  const correction = Object.fromEntries(Object.entries(typed).map(([k, v]) => [k, k.startsWith('value:') ? '1' : v]));
  await h.execute('enlace-al-usaquen', CHECK_IN_SUBMIT, correction);
  add('corrected notice', h.proactive.sent.slice(correctedBefore).map((s) => s.card as AdaptiveCard));
  const corrected = await h.deps.monthReview.unitMonth(eti, 'al-usaquen', LONGEST_PERIOD);
  add('review (month closed)', await h.execute('eti-1', REVIEW_CLOSE, { unitId: 'al-usaquen', period: LONGEST_PERIOD, version: corrected.version, [NOTE_INPUT]: long(REVIEW_LIMITS.noteMax) }));
  add('review (bulk confirmation)', await h.execute('eti-1', REVIEW_BULK, { period: LONGEST_PERIOD }));
  add('review (bulk done)', bulkDoneCard(LONGEST_PERIOD, 44));
  // The unit's card past what the store holds: every title, name, comment and link at its limit, four flags on each key result.
  add(
    'review (unit, every text at its limit)',
    unitReviewCard({
      ...month,
      review: { state: 'correction_requested', actorName: long(120), at: month.history.at(-1)?.at ?? '2026-11-23T15:00:00.000Z', note: long(REVIEW_LIMITS.noteMax), observations: [] },
      history: [{ action: 'request_correction', actorName: long(120), at: '2026-11-23T15:00:00.000Z', note: long(REVIEW_LIMITS.noteMax), observations: [] }],
      keyResults: month.keyResults.map((k, i) => ({
        ...k,
        title: long(300),
        objectiveTitle: `${Math.floor(i / 3) + 1} ${long(298)}`,
        checkIn: { value: 1, comment: long(CHECK_IN_LIMITS.commentMax), evidenceUrl: longUrl(CHECK_IN_LIMITS.evidenceUrlMax), authorName: long(120), createdAt: '2026-11-23T15:00:00.000Z', updatedAt: '2026-11-23T15:00:00.000Z', version: 9 },
        previous: { period: '2026-09', value: 1, evidenceUrl: longUrl(CHECK_IN_LIMITS.evidenceUrlMax) },
        flags: Array.from({ length: 4 }, () => ({ code: 'percent_mismatch' as const, keyResultId: k.id, message: long(200) })),
        observation: long(REVIEW_LIMITS.observationMax),
        corrected: true,
      })),
    }, TAB),
  );
  const closedQuarter = (await h.store.getQuarterClose('2026-Q3'))!.snapshot;
  const longQuarter = {
    ...closedQuarter,
    closedByName: long(120),
    units: closedQuarter.units.map((u) => ({
      ...u,
      unitName: long(120),
      strategic: u.strategic && { ...u.strategic, title: long(300) },
      tactical: u.tactical.map((o) => ({ ...o, title: long(300) })),
    })),
  };
  add('quarter shared', quarterSharedCard(longQuarter, TAB));
  add('quarter result to the líder', leaderResultCard(longQuarter, longQuarter.units.find((u) => u.strategic)!, TAB));

  // The shell: help, welcome, not registered, not understood (the typed text echoed).
  add('ayuda', helpCard(h.deps.help));
  add('welcome', welcomeCard(enlace, await h.store.rolesOf('enlace-dgth'), await h.store.listUnits()));
  add('not registered', notRegisteredCard());
  add('message', messageCard(long(200), long(2000)));
  add('not understood', await h.say('enlace-al-usaquen', long(5000)));
  return cards;
}

