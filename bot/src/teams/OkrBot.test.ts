import { describe, expect, it } from 'vitest';
import type { KeyResult } from '@okr/core';
import { botHarness, cardText, inputIdsOf } from '../testing/harness.js';
import { CHECK_IN_SUBMIT, inputIds } from './cards/checkInCard.js';
import { CHECK_IN_OPEN } from './cards/simpleCards.js';

const ENLACE = 'enlace-al-usaquen';
const UNIT = 'al-usaquen';
const PERIOD = '2026-11';

/** A complete, valid card submission for every KR of the unit's set. */
function validData(keyResults: KeyResult[]): Record<string, unknown> {
  const data: Record<string, unknown> = { unitId: UNIT, period: PERIOD };
  for (const kr of keyResults) {
    const ids = inputIds(kr.id);
    data[ids.value] = kr.kind === 'milestone' ? '1' : kr.kind === 'percentage' ? '72,5' : String(kr.baseline + (kr.target - kr.baseline) * 0.7);
    data[ids.comment] = `Avance de noviembre para ${kr.title}: se cumplió lo programado.`;
    data[ids.evidenceUrl] = `https://gobiernobogota.sharepoint.com/sites/OKR/${UNIT}/Evidencias/2026-11/${kr.id}`;
  }
  return data;
}

async function setup() {
  const h = await botHarness();
  const bundle = (await h.store.getSet(UNIT, '2026-Q4'))!;
  return { ...h, keyResults: bundle.keyResults };
}

describe('OkrBot', () => {
  it('lists what it understands on «ayuda»', async () => {
    const h = await setup();
    const [card] = await h.say(ENLACE, 'Ayuda');
    expect(cardText(card)).toContain('check-in');
    expect(cardText(card)).toContain('Reporta el avance mensual');
  });

  it('answers «check-in» with the card of the earliest month still missing (9 KRs, 3 fields each), offering the other open ones', async () => {
    const h = await setup();
    // 23 November: Usaquén never reported October; November's window has not opened yet.
    const [card] = await h.say(ENLACE, '  CHECK-IN ');
    const text = cardText(card);
    expect(text).toContain('Check-in de octubre de 2026');
    expect(text).toContain('Alcaldía Local de Usaquén');
    expect(text).toContain('Faltan 9 de 9 resultados clave');
    for (const kr of h.keyResults) expect(text).toContain(kr.title);
    expect(inputIdsOf(card)).toHaveLength(27);
    expect(card!.version).toBe('1.5');
    const action = card!.actions![0]!;
    expect(action).toMatchObject({ type: 'Action.Execute', verb: CHECK_IN_SUBMIT, data: { unitId: UNIT, period: '2026-10' } });
    expect(action.fallback).toMatchObject({ type: 'Action.Submit', data: { action: CHECK_IN_SUBMIT } });
    expect(text).toContain('También tienes pendiente:');
    expect(JSON.stringify(card)).toContain(JSON.stringify({ unitId: UNIT, period: PERIOD, action: CHECK_IN_OPEN }));
    const november = await h.execute(ENLACE, CHECK_IN_OPEN, { unitId: UNIT, period: PERIOD });
    expect(cardText(november)).toContain('Check-in de noviembre de 2026');
    // A month that has not started cannot be opened, whatever the card says.
    expect(cardText(await h.execute(ENLACE, CHECK_IN_OPEN, { unitId: UNIT, period: '2026-12' }))).toContain('Todavía no se puede reportar diciembre de 2026: el mes no ha empezado.');
  });

  it('also understands «reportar» and «avance», with accents and capitals', async () => {
    const h = await setup();
    for (const phrase of ['Reportar', 'AVANCE', 'check in']) {
      const [card] = await h.say(ENLACE, phrase);
      expect(cardText(card)).toContain('Check-in de octubre de 2026');
    }
  });

  it('stores a valid submission and answers with each KR’s new progress and status', async () => {
    const h = await setup();
    const card = await h.execute(ENLACE, CHECK_IN_SUBMIT, validData(h.keyResults));
    const text = cardText(card);
    expect(text).toContain('Check-in de noviembre de 2026 guardado');
    expect(text).toContain('Se guardaron 9 resultados clave');
    expect(text).toMatch(/72,5 % · Progreso 73 % · En curso/);
    const stored = await h.store.listCheckIns(UNIT, [PERIOD]);
    expect(stored).toHaveLength(9);
    expect(stored.every((c) => c.authorId === ENLACE && c.version === 1)).toBe(true);
    // One audit entry for the save (the unit's month), listing the nine check-ins it created.
    const audit = await h.store.listAudit({ entity: 'checkIn' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: ENLACE, action: 'create', entityId: `${UNIT}/${PERIOD}`, before: null });
    expect((audit[0]!.after as Array<{ keyResultId: string }>).map((c) => c.keyResultId).sort()).toEqual(stored.map((c) => c.keyResultId).sort());
  });

  it('returns the same card with Spanish errors and stores nothing when fields are invalid', async () => {
    const h = await setup();
    const [pct, num] = [h.keyResults.find((k) => k.kind === 'percentage')!, h.keyResults.find((k) => k.kind === 'number')!];
    const data = validData(h.keyResults);
    data[inputIds(pct.id).value] = '101';
    data[inputIds(num.id).value] = 'muchos';
    data[inputIds(pct.id).comment] = '   ';
    data[inputIds(num.id).evidenceUrl] = 'http://intranet/evidencia';
    const card = await h.execute(ENLACE, CHECK_IN_SUBMIT, data);
    const text = cardText(card);
    expect(text).toContain('Revisa 4 campos antes de guardar. No se guardó nada.');
    expect(text).toContain(`«${pct.title}» — Avance: debe estar entre 0 y 100.`);
    expect(text).toContain(`«${num.title}» — Avance: «muchos» no es un número.`);
    expect(text).toContain(`«${pct.title}» — Comentario: escribe un comentario que muestre el avance.`);
    expect(text).toContain(`«${num.title}» — Enlace a la evidencia: debe ser un enlace https://`);
    // What the person typed is kept on the card.
    expect(JSON.stringify(card)).toContain('"value":"muchos"');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(0);
    expect(await h.store.listAudit({ entity: 'checkIn' })).toHaveLength(0);
  });

  it('never duplicates a check-in on a double submit; an edit keeps the previous version in the audit', async () => {
    const h = await setup();
    const data = validData(h.keyResults);
    await h.execute(ENLACE, CHECK_IN_SUBMIT, data);
    const again = await h.execute(ENLACE, CHECK_IN_SUBMIT, data);
    expect(cardText(again)).toContain('No había cambios');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(9);

    const kr = h.keyResults.find((k) => k.kind === 'percentage')!;
    // The edit comes from a card showing version 1 of each (compare-and-set).
    const versions = Object.fromEntries(h.keyResults.map((k) => [k.id, 1]));
    await h.execute(ENLACE, CHECK_IN_SUBMIT, { ...data, versions, [inputIds(kr.id).value]: '80' });
    const stored = (await h.store.listCheckIns(UNIT, [PERIOD])).find((c) => c.keyResultId === kr.id)!;
    expect(stored).toMatchObject({ value: 80, version: 2 });
    // The edit's entry lists only the key result it changed, before and after.
    const [edit] = await h.store.listAudit({ entity: 'checkIn', entityId: `${UNIT}/${PERIOD}` });
    expect(edit).toMatchObject({ action: 'update', before: [{ keyResultId: kr.id, value: 72.5, version: 1 }], after: [{ keyResultId: kr.id, value: 80, version: 2 }] });
    expect(edit!.after).toHaveLength(1);
  });

  it('refuses a person who is not enlace or líder of the unit, and stores nothing', async () => {
    const h = await setup();
    const card = await h.execute('enlace-al-chapinero', CHECK_IN_SUBMIT, validData(h.keyResults));
    expect(cardText(card)).toContain('No puedes reportar avances de Alcaldía Local de Usaquén');
    const member = await h.execute('miembro-al-usaquen', CHECK_IN_SUBMIT, validData(h.keyResults));
    expect(cardText(member)).toContain('solo su enlace o su líder pueden hacerlo');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(0);
  });

  it('lets the líder of the unit check in too', async () => {
    const h = await setup();
    const card = await h.execute('lider-al-usaquen', CHECK_IN_SUBMIT, validData(h.keyResults));
    expect(cardText(card)).toContain('guardado');
  });

  it('gives the same result when the action arrives as an Action.Submit message (Teams mobile)', async () => {
    const h = await setup();
    const [card] = await h.submit(ENLACE, { ...validData(h.keyResults), action: CHECK_IN_SUBMIT });
    expect(cardText(card)).toContain('Check-in de noviembre de 2026 guardado');
    expect(await h.store.listCheckIns(UNIT, [PERIOD])).toHaveLength(9);
  });

  it('asks a person who reports for two units to choose one first', async () => {
    const h = await setup();
    const [choice] = await h.say('enlace-dgth', 'check-in');
    expect(cardText(choice)).toContain('¿De qué unidad vas a reportar?');
    expect(cardText(choice)).toContain('Dirección de Gestión del Talento Humano');
    expect(cardText(choice)).toContain('Subdirección de Gestión Documental');
    const card = await h.execute('enlace-dgth', CHECK_IN_OPEN, { unitId: 'sgd' });
    expect(cardText(card)).toContain('Subdirección de Gestión Documental');
    expect(cardText(card)).toContain('Check-in de octubre de 2026');
  });

  it('tells a person who is not in the directory how to be registered, and does nothing else', async () => {
    const h = await setup();
    const stranger = { aadObjectId: '11111111-2222-4333-8444-555555555555', name: 'Persona Externa' };
    const [card] = await h.say(stranger, 'check-in');
    expect(cardText(card)).toContain('Aún no estás en el directorio OKR');
    expect(cardText(card)).toContain('equipo ETI');
    expect(await h.store.listAudit()).toHaveLength(1); // only the seed's own entry
  });

  it('welcomes a person once when the app is installed, and stores their conversation for reminders', async () => {
    const h = await setup();
    const install = { type: 'installationUpdate', action: 'add' } as const;
    const [welcome] = await h.event(ENLACE, install);
    expect(cardText(welcome)).toContain('Hola,');
    expect(cardText(welcome)).toContain('Enlace OKR de Alcaldía Local de Usaquén');
    expect(await h.store.getConversationReference(ENLACE)).not.toBeNull();
    expect(await h.event(ENLACE, install)).toHaveLength(0);
  });

  it('answers an unknown message with a pointer to «ayuda»', async () => {
    const h = await setup();
    const [card] = await h.say(ENLACE, 'qué tal el clima');
    expect(cardText(card)).toContain('No reconozco «qué tal el clima»');
  });
});
