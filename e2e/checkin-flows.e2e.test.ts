import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillCard, mainAction, playgroundClient, startStack, textOf, type Stack } from './support.js';

/**
 * Monthly check-ins through the Agents Playground, as a real Teams client sends them, with what the
 * server stored read back from its SQLite file.
 */
describe('check-ins through the Agents Playground', () => {
  let stack: Stack;
  let db: Database.Database;
  // 23 November: Usaquén never reported October, the earliest month still open and missing.
  const stored = (unitId: string, period = '2026-10') =>
    db.prepare('SELECT key_result_id AS kr, value, version FROM check_ins WHERE unit_id = ? AND period = ? ORDER BY key_result_id').all(unitId, period) as Array<{ kr: string; value: number; version: number }>;

  beforeAll(async () => {
    stack = await startStack();
    db = new Database(stack.dbPath, { readonly: true });
  });
  afterAll(async () => {
    db?.close();
    await stack?.stop();
  });

  it('validates every field on the card, refuses another unit, saves once, edits until the month is closed', async () => {
    const pg = await playgroundClient(stack.playgroundUrl);
    const chat = pg.config.personalChat.id as string;
    const me = { id: pg.config.currentUser.id as string };
    await pg.send(chat, me, 'Reportar');
    const message = await pg.waitFor((m) => textOf(m).includes('Check-in de octubre de 2026'));
    const card = message.attachments[0].content;
    const action = mainAction(card);
    const good = { ...action.data, ...fillCard(card) };
    const [pctId, numId] = [
      Object.keys(good).find((k) => k.startsWith('value:') && good[k] === '72,5')!,
      Object.keys(good).find((k) => k.startsWith('value:') && good[k] === '5')!,
    ];
    const krOf = (inputId: string) => inputId.slice(inputId.indexOf(':') + 1);

    // Each kind of invalid field, on the same card, in Spanish; nothing stored.
    const bad = await pg.invoke(chat, me, message.messageId, action.verb, {
      ...good,
      [pctId]: '101',
      [numId]: 'cinco',
      [`comment:${krOf(pctId)}`]: '',
      [`evidence:${krOf(numId)}`]: 'http://intranet/evidencia',
    });
    const badText = textOf(bad);
    expect(badText).toContain('Revisa 4 campos antes de guardar. No se guardó nada.');
    expect(badText).toContain('Avance: debe estar entre 0 y 100.');
    expect(badText).toContain('Avance: «cinco» no es un número.');
    expect(badText).toContain('Comentario: escribe un comentario que muestre el avance.');
    expect(badText).toContain('Enlace a la evidencia: debe ser un enlace https://');
    expect(stored('al-usaquen')).toHaveLength(0);

    // A card tampered to report for another unit is refused.
    const other = await pg.invoke(chat, me, message.messageId, action.verb, { ...good, unitId: 'al-kennedy' });
    expect(textOf(other)).toContain('No puedes reportar avances de Alcaldía Local de Kennedy');
    expect(stored('al-kennedy')).toHaveLength(0);

    // Saved, then the same card again (double click, retried invoke): still one check-in per KR.
    expect(textOf(await pg.invoke(chat, me, message.messageId, action.verb, good))).toContain('Check-in de octubre de 2026 guardado');
    expect(textOf(await pg.invoke(chat, me, message.messageId, action.verb, good))).toContain('No había cambios');
    expect(stored('al-usaquen')).toHaveLength(9);
    expect(stored('al-usaquen').every((c) => c.version === 1)).toBe(true);

    // One KR edited before the month is closed, from a card showing its version 1 (compare-and-set): updated, previous version kept.
    const edited = await pg.invoke(chat, me, message.messageId, 'checkin.saveOne', { ...good, [pctId]: '80', keyResultId: krOf(pctId), version: 1 });
    expect(textOf(edited)).toContain('guardado');
    expect(stored('al-usaquen').find((c) => c.kr === krOf(pctId))).toMatchObject({ value: 80, version: 2 });

    // The ETI closes the month (through the review API, as its tab does): the card is refused from then on.
    const closed = await fetch(`${stack.botUrl}/api/review/units/al-usaquen/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-person-id': 'eti-1' },
      body: JSON.stringify({ period: '2026-10', action: 'close', version: null }),
    });
    expect(closed.status).toBe(200);
    const refused = await pg.invoke(chat, me, message.messageId, 'checkin.saveOne', { ...good, [pctId]: '90', keyResultId: krOf(pctId), version: 2 });
    expect(textOf(refused)).toContain('El equipo ETI ya cerró el reporte de octubre de 2026');
    expect(stored('al-usaquen').find((c) => c.kr === krOf(pctId))).toMatchObject({ value: 80, version: 2 });

    // `pendientes` now speaks of November only: October is closed.
    await pg.send(chat, me, 'pendientes');
    const pending = textOf(await pg.waitFor((m) => textOf(m).includes('Lo que falta por reportar')));
    expect(pending).toContain('Noviembre de 2026: faltan 9 de 9');
    expect(pending).not.toContain('Octubre de 2026');
    pg.close();
  }, 90_000);
});

describe('a person who reports for two units, through the Agents Playground', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ PLAYGROUND_CURRENT_USER: 'enlace-dgth' });
  });
  afterAll(async () => stack?.stop());

  it('chooses the unit first, then gets that unit’s card', async () => {
    const pg = await playgroundClient(stack.playgroundUrl);
    const chat = pg.config.personalChat.id as string;
    const me = { id: pg.config.currentUser.id as string };
    await pg.send(chat, me, 'check-in');
    const choice = await pg.waitFor((m) => textOf(m).includes('¿De qué unidad vas a reportar?'));
    const buttons = choice.attachments[0].content.actions.map((a: { title: string }) => a.title);
    expect(buttons).toEqual(['Dirección de Gestión del Talento Humano', 'Subdirección de Gestión Documental']);
    const sgd = choice.attachments[0].content.actions[1];
    const card = await pg.invoke(chat, me, choice.messageId, sgd.verb, sgd.data);
    expect(textOf(card)).toContain('Check-in de octubre de 2026');
    expect(textOf(card)).toContain('Subdirección de Gestión Documental');
    pg.close();
  }, 60_000);
});
