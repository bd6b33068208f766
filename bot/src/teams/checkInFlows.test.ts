import { describe, expect, it } from 'vitest';
import type { KeyResult } from '@okr/core';
import { botHarness, cardText, TEST_NOW } from '../testing/harness.js';
import { buildDemoSeed } from '../store/seed/demoOkrs.js';
import { fakeSharePoint, SITE_URL } from '../store/sharepoint/fake/harness.js';
import { GraphGateway } from '../store/sharepoint/graph.js';
import { SharePointStore } from '../store/sharepoint/SharePointStore.js';
import { loadTree } from '../services/okrTree.js';
import { monthReviewWrite } from '../store/contract/fixtures.js';
import { CHECK_IN_SAVE_ONE, CHECK_IN_SUBMIT, inputIds } from './cards/checkInCard.js';
import { CHECK_IN_OPEN } from './cards/simpleCards.js';

const ENLACE = 'enlace-al-usaquen';
const UNIT = 'al-usaquen';
const PERIOD = '2026-11';

function fill(kr: KeyResult, value = kr.kind === 'milestone' ? '1' : kr.kind === 'percentage' ? '60' : String(kr.target)) {
  const ids = inputIds(kr.id);
  return {
    [ids.value]: value,
    [ids.comment]: `Se avanzó en ${kr.title.toLowerCase()} según el plan.`,
    [ids.evidenceUrl]: `https://gobiernobogota.sharepoint.com/sites/OKR/${UNIT}/${kr.id}`,
  };
}

async function setup(now?: string) {
  const h = await botHarness(now);
  const keyResults = (await h.store.getSet(UNIT, '2026-Q4'))!.keyResults;
  return { ...h, keyResults };
}

describe('monthly check-ins: partial saves, pending list, summaries, month close', () => {
  it('saves one KR on its own, keeps what was typed in the others, and says what is still missing', async () => {
    const h = await setup();
    const [first, second] = h.keyResults as [KeyResult, KeyResult];
    const half = { [inputIds(second.id).comment]: 'Borrador sin terminar' };
    const card = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: PERIOD, keyResultId: first.id, ...fill(first), ...half });
    const text = cardText(card);
    expect(text).toContain(`✅ Guardado: «${first.title}». Faltan 8 por reportar.`);
    expect(text).toContain('Faltan 8 de 9 resultados clave por reportar este mes.');
    expect(text).toContain('Borrador sin terminar');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(1);
  });

  it('«Guardar todo» saves only the KRs with something typed, and refuses an empty card', async () => {
    const h = await setup();
    const [a, b] = h.keyResults as [KeyResult, KeyResult];
    const card = await h.execute(ENLACE, CHECK_IN_SUBMIT, { unitId: UNIT, period: PERIOD, ...fill(a), ...fill(b) });
    expect(cardText(card)).toContain('Faltan 7 por reportar');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(2);
    const empty = await h.execute(ENLACE, CHECK_IN_SUBMIT, { unitId: UNIT, period: PERIOD });
    expect(cardText(empty)).toContain('No escribiste ningún avance');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(2);
  });

  it('shows each KR’s target, last month’s value and comment, and whether it is reported', async () => {
    const h = await setup();
    await h.execute(ENLACE, CHECK_IN_SUBMIT, Object.assign({ unitId: UNIT, period: '2026-10' }, ...h.keyResults.map((kr) => fill(kr))));
    // October reported: «check-in» opens November, the earliest month still missing.
    const [card] = await h.say(ENLACE, 'check-in');
    const text = cardText(card);
    const october = (await h.store.listCheckIns(UNIT, ['2026-10']))[0]!;
    expect(text).toContain('Check-in de noviembre de 2026');
    expect(text).toContain('Último reporte (octubre de 2026):');
    expect(text).toContain(october.comment.slice(0, 60));
    expect(text).toContain('Pendiente este mes');
    expect(text).toMatch(/Progreso esperado hoy: 59 %/);
    expect(text).toContain('Guardar este resultado');
    // Each KR's expected value today, in its own unit: 59 % of the way from baseline to target.
    expect(text).toContain('Porcentaje · 0 % → 95 % · esperado hoy: 55,8 %');
  });

  it('validates a single KR’s fields and names them in Spanish', async () => {
    const h = await setup();
    const kr = h.keyResults.find((k) => k.kind === 'number')!;
    const ids = inputIds(kr.id);
    const card = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: PERIOD, keyResultId: kr.id, [ids.value]: '-3', [ids.comment]: '<script>alert(1)</script>', [ids.evidenceUrl]: 'javascript:alert(1)' });
    const text = cardText(card);
    expect(text).toContain(`«${kr.title}» — Avance: no puede ser negativo.`);
    expect(text).toContain(`«${kr.title}» — Comentario: no puede contener etiquetas HTML ni código.`);
    expect(text).toContain(`«${kr.title}» — Enlace a la evidencia: debe ser un enlace https://`);
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(0);
  });

  it('lists what is missing with «pendientes», per unit, and says when a unit is up to date', async () => {
    const h = await setup();
    const [before] = await h.say(ENLACE, 'Pendientes');
    // Every open month: October (never reported) and November (this month).
    // The key results in the card's and the tree's order (issue 14, item 15): tactical objective by tactical objective.
    const tree = await loadTree(h.store, (await h.store.getUnit(UNIT))!, '2026-Q4', '2026-11-23');
    const titles = tree.strategic!.children.flatMap((o) => o.keyResults.map((k) => k.title));
    const listed = cardText(before).slice(cardText(before).indexOf('Octubre de 2026'));
    expect([...titles].sort((x, y) => listed.indexOf(x) - listed.indexOf(y))).toEqual(titles);
    expect(cardText(before)).toContain('Lo que falta por reportar');
    expect(cardText(before)).toContain('Octubre de 2026: faltan 9 de 9 resultados clave');
    expect(cardText(before)).toContain('Noviembre de 2026: faltan 9 de 9 resultados clave');
    expect(before!.actions!.map((a) => a.data)).toEqual([
      { unitId: UNIT, period: '2026-10', action: CHECK_IN_OPEN },
      { unitId: UNIT, period: PERIOD, action: CHECK_IN_OPEN },
    ]);
    for (const period of ['2026-10', PERIOD]) await h.execute(ENLACE, CHECK_IN_SUBMIT, Object.assign({ unitId: UNIT, period }, ...h.keyResults.map((kr) => fill(kr))));
    const [after] = await h.say(ENLACE, 'pendientes');
    expect(cardText(after)).toContain('✅ Al día: los meses abiertos están reportados.');

    const [two] = await h.say('enlace-dgth', 'pendientes');
    expect(cardText(two)).toContain('Dirección de Gestión del Talento Humano');
    expect(cardText(two)).toContain('Subdirección de Gestión Documental');
  });

  it('summarises the unit’s objectives with «mis okr» and links to the tab on that unit', async () => {
    const h = await setup();
    const [card] = await h.say(ENLACE, 'Mis OKR');
    const text = cardText(card);
    expect(text).toContain('Alcaldía Local de Usaquén');
    expect(text).toContain('T4 2026 (octubre–diciembre)');
    expect(text).toMatch(/Alineado a OE\d/);
    const tree = (await h.store.getSet(UNIT, '2026-Q4'))!;
    for (const o of tree.objectives) expect(text).toContain(o.title);
    expect(card!.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Abrir en la pestaña Mis OKR', url: 'http://localhost:3978/?unit=al-usaquen' });
  });

  it('edits a check-in before the month is closed; refuses after, unless the ETI requested a correction', async () => {
    const h = await setup();
    const kr = h.keyResults.find((k) => k.kind === 'percentage')!;
    // Each save from the card the previous one returned: it carries the version it shows.
    const version = async () => (await h.store.listCheckIns(UNIT, [PERIOD])).find((c) => c.keyResultId === kr.id)?.version ?? null;
    const save = async (value: string) => h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: PERIOD, keyResultId: kr.id, version: await version(), ...fill(kr, value) });
    await save('40');
    expect(cardText(await save('45'))).toContain('(editado 1 vez)');

    await h.store.saveMonthReview(monthReviewWrite({ unitId: UNIT, period: PERIOD, state: 'closed', at: '2026-11-23T16:00:00.000Z' }));
    const refused = await save('50');
    expect(cardText(refused)).toContain('El equipo ETI ya cerró el reporte de noviembre de 2026 de Alcaldía Local de Usaquén');
    expect((await h.store.listCheckIns(UNIT, [PERIOD]))[0]).toMatchObject({ value: 45, version: 2 });

    await h.store.saveMonthReview(monthReviewWrite({ unitId: UNIT, period: PERIOD, state: 'correction_requested', at: '2026-11-23T17:00:00.000Z', note: 'El 45 % no coincide con el comentario.' }, 1));
    const [card] = await h.say(ENLACE, 'check-in');
    expect(cardText(card)).toContain('El equipo ETI pidió una corrección: El 45 % no coincide con el comentario.');
    await save('50');
    expect((await h.store.listCheckIns(UNIT, [PERIOD]))[0]).toMatchObject({ value: 50, version: 3 });
    const history = await h.store.listAudit({ entity: 'checkIn' });
    expect(history.map((a) => (a.after as Array<{ value: number }>).map((c) => c.value))).toEqual([[50], [45], [40]]);
  });

  it('refuses an old card from a month that no longer takes reports', async () => {
    const h = await setup();
    const kr = h.keyResults[0]!;
    const card = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: '2026-09', keyResultId: kr.id, ...fill(kr) });
    expect(cardText(card)).toContain('El mes de septiembre de 2026 ya no recibe reportes: su trimestre se cerró.');
  });

  it('welcomes each role with what the bot does for it', async () => {
    const h = await setup();
    const [lider] = await h.event('lider-al-usaquen', { type: 'installationUpdate', action: 'add' });
    expect(cardText(lider)).toContain('Líder de Alcaldía Local de Usaquén');
    expect(cardText(lider)).toContain('Puedes reportar los avances de tu unidad');
    const [eti] = await h.event('eti-1', { type: 'installationUpdate', action: 'add' });
    expect(cardText(eti)).toContain('las 44 unidades');
  });
});

describe('check-in compare-and-set and es-CO numbers on the card (issue 13, items 5 and 7)', () => {
  const actionData = (card: { actions?: Array<{ title?: string; data?: unknown }> }, title: string) => card.actions!.find((a) => a.title === title)!.data as Record<string, unknown>;

  it('a save from a card shown before someone else saved is refused with the current value and who wrote it; the card keeps what was typed and saves it knowingly next', async () => {
    const h = await setup();
    const kr = h.keyResults.find((k) => k.kind === 'percentage')!;
    // The enlace and the líder both open the month's card; the líder saves first.
    const [enlaceCard] = await h.say(ENLACE, 'check-in');
    const [liderCard] = await h.say('lider-al-usaquen', 'check-in');
    await h.execute('lider-al-usaquen', CHECK_IN_SUBMIT, { ...actionData(liderCard!, 'Guardar todo'), ...fill(kr, '35') });
    const refused = await h.execute(ENLACE, CHECK_IN_SUBMIT, { ...actionData(enlaceCard!, 'Guardar todo'), ...fill(kr, '40') });
    const period = String(actionData(enlaceCard!, 'Guardar todo').period);
    const lider = (await h.store.getPerson('lider-al-usaquen'))!;
    expect(cardText(refused)).toContain(`otra persona lo guardó mientras lo editabas: ahora dice 35 % (lo guardó ${lider.name})`);
    expect(JSON.stringify(refused)).toContain('"value":"40"');
    expect((await h.store.listCheckIns(UNIT, [period])).find((c) => c.keyResultId === kr.id)).toMatchObject({ value: 35, version: 1, authorId: lider.id });
    // From the card that came back (it knows version 1 now), the same value saves over the líder's.
    await h.execute(ENLACE, CHECK_IN_SUBMIT, { ...actionData(refused, 'Guardar todo'), ...fill(kr, '40') });
    expect((await h.store.listCheckIns(UNIT, [period])).find((c) => c.keyResultId === kr.id)).toMatchObject({ value: 40, version: 2, authorId: ENLACE });
  });

  it('asks back, on the card, what «1.234» and «1,234.5» mean instead of guessing; «1.234,5» is 1234,5', async () => {
    const h = await setup();
    const kr = h.keyResults.find((k) => k.kind === 'number')!;
    const asked = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: PERIOD, keyResultId: kr.id, ...fill(kr, '1.234') });
    expect(cardText(asked)).toContain('«1.234» se puede leer de dos formas: ¿quisiste decir 1234 o 1,234?');
    const english = await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: PERIOD, keyResultId: kr.id, ...fill(kr, '1,234.5') });
    expect(cardText(english)).toContain('«1,234.5» se puede leer de dos formas: ¿quisiste decir 1234,5 o 1,2345?');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(0);
    const small = Math.min(kr.baseline, kr.target) + 1.5;
    await h.execute(ENLACE, CHECK_IN_SAVE_ONE, { unitId: UNIT, period: PERIOD, keyResultId: kr.id, ...fill(kr, String(small).replace('.', ',')) });
    expect((await h.store.listCheckIns(UNIT, [PERIOD]))[0]!.value).toBe(small);
  });
});

describe('check-in saves on the SharePoint store, two server instances with their read caches (issue 20)', () => {
  const actionData = (card: { actions?: Array<{ title?: string; data?: unknown }> }, title: string) => card.actions!.find((a) => a.title === title)!.data as Record<string, unknown>;

  it('a save meets the other instance’s save of the month: refused for the same key result (who saved what), saved for another one, keeping both', async () => {
    const cache = { maxAgeMs: 5_000, now: () => 0 };
    const site = fakeSharePoint({ now: () => new Date(TEST_NOW), cache });
    await site.store.seed(buildDemoSeed(TEST_NOW.slice(0, 10)));
    const other = new SharePointStore({ gateway: new GraphGateway({ tokenProvider: async () => 'fake-token', transport: site.fake.transport() }), site: { url: SITE_URL }, now: () => new Date(TEST_NOW), cache });
    const [a, b] = [await botHarness(TEST_NOW, undefined, site.store), await botHarness(TEST_NOW, undefined, other)];
    const krs = (await site.store.getSet(UNIT, '2026-Q4'))!.keyResults;
    const [x, y] = [krs.find((k) => k.kind === 'percentage')!, krs.find((k) => k.kind === 'number')!];
    // The enlace opens the month's card on one instance, the líder on the other, and saves first.
    const [enlaceCard] = await a.say(ENLACE, 'check-in');
    const [liderCard] = await b.say('lider-al-usaquen', 'check-in');
    const period = String(actionData(enlaceCard!, 'Guardar todo').period);
    await b.execute('lider-al-usaquen', CHECK_IN_SUBMIT, { ...actionData(liderCard!, 'Guardar todo'), ...fill(x, '35') });
    // The enlace's instance still holds the month as it was (within the freshness bound): the month's eTag catches it.
    const refused = await a.execute(ENLACE, CHECK_IN_SUBMIT, { ...actionData(enlaceCard!, 'Guardar todo'), ...fill(x, '40') });
    const lider = (await site.store.getPerson('lider-al-usaquen'))!;
    expect(cardText(refused)).toContain(`otra persona lo guardó mientras lo editabas: ahora dice 35 % (lo guardó ${lider.name})`);
    // The líder reports another key result; the enlace, from the card that came back, saves theirs: both are kept.
    await b.execute('lider-al-usaquen', CHECK_IN_SAVE_ONE, { unitId: UNIT, period, keyResultId: y.id, ...fill(y) });
    const saved = await a.execute(ENLACE, CHECK_IN_SUBMIT, { ...actionData(refused, 'Guardar todo'), ...fill(x, '40') });
    expect(cardText(saved)).toContain(`✅ Guardado: «${x.title}»`);
    // What the enlace’s instance answers now (its own write, at once; the other instance sees it within its bound).
    const month = await site.store.listCheckIns(UNIT, [period]);
    expect(month.find((c) => c.keyResultId === x.id)).toMatchObject({ value: 40, version: 2, authorId: ENLACE });
    expect(month.find((c) => c.keyResultId === y.id)).toMatchObject({ value: y.target, version: 1, authorId: lider.id });
  });
});
