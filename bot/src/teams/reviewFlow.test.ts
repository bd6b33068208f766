// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { KeyResult } from '@okr/core';
import { botHarness, cardText, inputIdsOf } from '../testing/harness.js';
import { CHECK_IN_SAVE_ONE, CHECK_IN_SUBMIT, inputIds } from './cards/checkInCard.js';
import type { AdaptiveCard } from './cards/elements.js';
import {
  NOTE_INPUT,
  observationInput,
  REVIEW_BULK,
  REVIEW_BULK_CONFIRM,
  REVIEW_CLOSE,
  REVIEW_OPEN,
  REVIEW_QUEUE,
  REVIEW_REQUEST,
} from './cards/reviewCards.js';
import { CHECK_IN_OPEN } from './cards/simpleCards.js';

/** Tuesday 1 December 2026, 10:00 in Bogotá: November's window closed yesterday; the ETI reviews November. */
const DEC_1 = '2026-12-01T15:00:00.000Z';
const ENLACE = 'enlace-al-usaquen';
const UNIT = 'al-usaquen';
const NOVEMBER = '2026-11';

function fill(kr: KeyResult, value?: string) {
  const ids = inputIds(kr.id);
  return {
    [ids.value]: value ?? (kr.kind === 'milestone' ? '0' : kr.kind === 'percentage' ? '60' : String(kr.baseline + (kr.target - kr.baseline) * 0.6)),
    [ids.comment]: `Se avanzó en ${kr.title.toLowerCase()} según el plan del mes.`,
    [ids.evidenceUrl]: `https://gobiernobogota.sharepoint.com/sites/OKR/${UNIT}/Evidencias/2026-11/${kr.id}`,
  };
}

const verbsOf = (card: AdaptiveCard): string[] => {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'Action.Execute') out.push(String(o.verb));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
};

/** The card's links out: [title, url] of each Action.OpenUrl. */
const openUrlsOf = (card: AdaptiveCard): Array<[string, string]> => (card.actions ?? []).filter((a) => a.type === 'Action.OpenUrl').map((a) => [String(a.title), String((a as { url?: unknown }).url)]);

async function setup() {
  const h = await botHarness(DEC_1);
  const keyResults = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults;
  return { ...h, keyResults };
}

describe('the ETI’s month in the chat', () => {
  it('«revisión» shows the ETI the queue; to anyone else it says whose it is, and «revisar» stays the formulation’s', async () => {
    const h = await setup();
    const [queue] = await h.say('eti-1', 'revisión');
    const text = cardText(queue);
    expect(text).toContain('Revisión mensual · noviembre de 2026');
    expect(text).toMatch(/Por revisar: \d+ · Corregido: \d+ · Corrección pedida: \d+ · Incompleto: \d+ · Sin reportar: \d+ · Cerrado: \d+/);
    expect(text).toContain('Esperan tu revisión (los más antiguos primero):');
    expect(verbsOf(queue!)).toContain(REVIEW_OPEN);
    expect(verbsOf(queue!)).toContain(REVIEW_BULK);
    expect(cardText((await h.say('eti-1', 'Cerrar mes'))[0])).toContain('Revisión mensual · noviembre de 2026');
    const [refused] = await h.say(ENLACE, 'revision');
    expect(cardText(refused)).toContain('Solo el equipo ETI revisa los reportes mensuales. Si buscas los sets de OKR por aprobar, escribe «revisar».');
    expect(cardText((await h.say('coach-1', 'revisar'))[0])).not.toContain('Revisión mensual');
    const [help] = await h.say(ENLACE, 'ayuda');
    expect(cardText(help)).toContain('Es distinta de «revisar», que es la formulación de los sets.');
    expect(cardText(help)).toContain('La revisión mensual de los reportes es «revisión».');
    // An earlier month, from the card's button.
    const october = await h.execute('eti-1', REVIEW_QUEUE, { period: '2026-10' });
    expect(cardText(october)).toContain('Revisión mensual · octubre de 2026');
  });

  it('completes, asks for a correction, corrects from the card, closes: the whole loop, each step told to whom it concerns', async () => {
    const h = await setup();
    // The enlace completes November (9 of 9): the card says the ETI reviews it now.
    const saved = await h.execute(ENLACE, CHECK_IN_SUBMIT, Object.assign({ unitId: UNIT, period: NOVEMBER }, ...h.keyResults.map((kr) => fill(kr))));
    expect(cardText(saved)).toContain('Check-in de noviembre de 2026 guardado');
    expect(cardText(saved)).toContain('En revisión del equipo ETI');

    // The ETI opens it: nine key results, each with its report, who reported it, last month and an observation box.
    const open = await h.execute('eti-1', REVIEW_OPEN, { unitId: UNIT, period: NOVEMBER });
    const text = cardText(open);
    expect(text).toContain('Alcaldía Local de Usaquén · noviembre de 2026');
    expect(text).toContain('Por revisar · 9 de 9 resultados clave reportados');
    for (const kr of h.keyResults) expect(text).toContain(kr.title);
    expect(text).toMatch(/Reportó .+ · /);
    // «Abrir en la pestaña» opens this unit's month there, not the queue.
    expect(openUrlsOf(open)).toEqual([['Abrir en la pestaña', `http://localhost:3978/?unit=${UNIT}&view=revision&month=${NOVEMBER}`]]);
    expect(new Set(inputIdsOf(open))).toEqual(new Set([...h.keyResults.map((k) => observationInput(k.id)), NOTE_INPUT]));

    // A correction with an observation on one key result: the enlace gets it, the líder in copy.
    const target = h.keyResults.find((k) => k.kind === 'percentage')!;
    const closeData = open.actions!.find((a) => a.verb === REVIEW_CLOSE)!.data as Record<string, unknown>;
    const asked = await h.execute('eti-1', REVIEW_REQUEST, { ...closeData, action: REVIEW_REQUEST, [observationInput(target.id)]: 'El 60 % no coincide con el informe adjunto.', [NOTE_INPUT]: '' });
    expect(cardText(asked)).toContain('Corrección pedida: Alcaldía Local de Usaquén · noviembre de 2026');
    const toEnlace = h.proactive.sent.find((s) => s.personId === ENLACE)!;
    const toLider = h.proactive.sent.find((s) => s.personId === 'lider-al-usaquen')!;
    expect(cardText(asked)).toContain((await h.store.getPerson(ENLACE))!.name);
    expect(cardText(toEnlace.card)).toContain('El equipo ETI pidió corregir el reporte de noviembre de 2026');
    expect(cardText(toEnlace.card)).toContain(`«${target.title}»: El 60 % no coincide con el informe adjunto.`);
    expect(cardText(toLider.card)).toContain('Te llega en copia como líder de la unidad.');
    const review = await h.store.getMonthReview(UNIT, NOVEMBER);
    expect(review).toMatchObject({ state: 'correction_requested', actorId: 'eti-1', observations: [{ keyResultId: target.id, text: 'El 60 % no coincide con el informe adjunto.' }] });

    // The enlace corrects from the card's button: the check-in shows the observation; saving it marks it corrected.
    const button = (toEnlace.card as AdaptiveCard).actions![0]!;
    expect(button).toMatchObject({ verb: CHECK_IN_OPEN, data: { unitId: UNIT, period: NOVEMBER } });
    const checkIn = await h.execute(ENLACE, String(button.verb), button.data as Record<string, unknown>);
    expect(cardText(checkIn)).toContain('Observación del equipo ETI: El 60 % no coincide con el informe adjunto.');
    expect(cardText(checkIn)).toContain('El equipo ETI pidió una corrección');
    const corrected = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: NOVEMBER, keyResultId: target.id, version: 1, ...fill(target, '55') });
    expect(cardText(corrected)).toContain('Corrección enviada: en revisión del equipo ETI');
    // The ETI member who asked learns it at once, with a button back to the unit.
    const told = h.proactive.sent.find((s) => s.personId === 'eti-1')!;
    expect(cardText(told.card)).toContain('Alcaldía Local de Usaquén corrigió el reporte de noviembre de 2026');
    expect(verbsOf(told.card as AdaptiveCard)).toEqual([REVIEW_OPEN]);
    expect(openUrlsOf(told.card as AdaptiveCard)).toEqual([['Abrir en la pestaña', `http://localhost:3978/?unit=${UNIT}&view=revision&month=${NOVEMBER}`]]);

    // Back in the queue as «Corregido»; the ETI closes it and the check-ins are locked.
    const again = await h.execute('eti-1', REVIEW_OPEN, { unitId: UNIT, period: NOVEMBER });
    expect(cardText(again)).toContain('Corregido · 9 de 9');
    expect(cardText(again)).toContain('✏️ Corregido después de la solicitud');
    const close = again.actions!.find((a) => a.verb === REVIEW_CLOSE)!;
    const closed = await h.execute('eti-1', REVIEW_CLOSE, close.data as Record<string, unknown>);
    expect(cardText(closed)).toContain('✅ Mes cerrado: Alcaldía Local de Usaquén · noviembre de 2026');
    const locked = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: NOVEMBER, keyResultId: target.id, version: 2, ...fill(target, '70') });
    expect(cardText(locked)).toContain('El equipo ETI ya cerró el reporte de noviembre de 2026');
    // Every step recorded with who, when and the observations.
    expect((await h.store.listMonthReviewEvents(UNIT, NOVEMBER)).map((e) => [e.action, e.actorId])).toEqual([
      ['request_correction', 'eti-1'],
      ['corrected', ENLACE],
      ['close', 'eti-1'],
    ]);
    const history = await h.deps.monthReview.unitMonth((await h.store.getPerson(ENLACE))!, UNIT, NOVEMBER);
    expect(history.history.map((e) => e.action)).toEqual(['request_correction', 'corrected', 'close']);
  });

  it('a second ETI member acting on an old card changes nothing and is told why', async () => {
    const h = await setup();
    await h.execute(ENLACE, CHECK_IN_SUBMIT, Object.assign({ unitId: UNIT, period: NOVEMBER }, ...h.keyResults.map((kr) => fill(kr))));
    const first = await h.execute('eti-1', REVIEW_OPEN, { unitId: UNIT, period: NOVEMBER });
    const second = await h.execute('eti-2', REVIEW_OPEN, { unitId: UNIT, period: NOVEMBER });
    await h.execute('eti-2', REVIEW_CLOSE, second.actions!.find((a) => a.verb === REVIEW_CLOSE)!.data as Record<string, unknown>);
    const stale = await h.execute('eti-1', REVIEW_REQUEST, { ...(first.actions!.find((a) => a.verb === REVIEW_REQUEST)!.data as Record<string, unknown>), [NOTE_INPUT]: 'Revisa todo.' });
    expect(cardText(stale)).toContain('Otra persona del equipo ETI actuó sobre este mes mientras tanto');
    expect(await h.store.getMonthReview(UNIT, NOVEMBER)).toMatchObject({ state: 'closed', actorId: 'eti-2', version: 1 });
    // An enlace cannot decide, even with a forged card.
    const forged = await h.execute(ENLACE, REVIEW_CLOSE, { unitId: UNIT, period: NOVEMBER, version: 1 });
    expect(cardText(forged)).toContain('Solo el equipo ETI revisa los reportes mensuales');
    // A correction needs an observation.
    await h.execute('eti-1', REVIEW_REQUEST, { unitId: UNIT, period: NOVEMBER, version: 1, [NOTE_INPUT]: '  ' }).then((c) => expect(cardText(c)).toContain('Escribe al menos una observación'));
  });

  it('closes every consistent month at once after a confirmation listing them, all or nothing', async () => {
    const h = await setup();
    const eti = (await h.store.getPerson('eti-1'))!;
    const queue = await h.deps.monthReview.queue(eti, NOVEMBER);
    const consistent = queue.rows.filter((r) => r.consistent);
    expect(consistent.length).toBeGreaterThan(0);
    const confirm = await h.execute('eti-1', REVIEW_BULK, { period: NOVEMBER });
    for (const r of consistent) expect(cardText(confirm)).toContain(r.unitName);
    const yes = confirm.actions!.find((a) => a.verb === REVIEW_BULK_CONFIRM)!;
    // Meanwhile another ETI member closes one of them: nothing is closed, the ETI is told.
    const one = consistent[0]!;
    await h.store.saveMonthReview({
      review: { unitId: one.unitId, period: NOVEMBER, state: 'closed', actorId: 'eti-2', at: DEC_1, note: null, observations: [], checkInVersions: {}, version: 1 },
      expectedVersion: null,
      event: { id: 'x', unitId: one.unitId, period: NOVEMBER, action: 'close', actorId: 'eti-2', at: DEC_1, note: null, observations: [] },
    });
    expect(cardText(await h.execute('eti-1', REVIEW_BULK_CONFIRM, yes.data as Record<string, unknown>))).toContain('Otra persona del equipo ETI actuó');
    expect((await h.store.listMonthReviews({ periods: [NOVEMBER] })).filter((r) => r.actorId === 'eti-1' && r.at === DEC_1)).toEqual([]);
    // Asked again, it lists the rest and closes them.
    const again = await h.execute('eti-1', REVIEW_BULK, { period: NOVEMBER });
    const done = await h.execute('eti-1', REVIEW_BULK_CONFIRM, again.actions!.find((a) => a.verb === REVIEW_BULK_CONFIRM)!.data as Record<string, unknown>);
    expect(cardText(done)).toContain(`✅ Se cerraron ${consistent.length - 1} meses de noviembre de 2026.`);
    const after = await h.deps.monthReview.queue(eti, NOVEMBER);
    expect(after.rows.filter((r) => r.consistent)).toEqual([]);
    expect(after.counts.cerrado).toBe(queue.counts.cerrado + consistent.length);
  });
});
