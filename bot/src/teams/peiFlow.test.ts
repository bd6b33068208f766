// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { parseEvents } from '../testing/adaptiveCards.js';
import { botHarness, cardText } from '../testing/harness.js';
import type { AdaptiveCard } from './cards/elements.js';
import { PEI_CONFIRM } from './cards/peiCards.js';

const buttons = (card: AdaptiveCard) => (card.actions ?? []) as Array<{ type: string; title: string; verb?: string; data?: Record<string, unknown>; fallback?: { type: string } }>;

describe('the validation of the figures in the chat', () => {
  it('`validacion` brings the area the figure the OAP returned, and «Confirmar la cifra» validates it once', async () => {
    const h = await botHarness();
    const cards = await h.say('enlace-dgdl', 'validacion');
    expect(cardText(cards[0]!)).toContain('Validación de cifras · T3 2026');
    const returned = cards.find((c) => cardText(c).includes('La OAP devolvió una cifra para su confirmación'))!;
    expect(parseEvents(returned)).toEqual([]);
    expect(JSON.stringify(returned).length).toBeLessThan(28_000);
    expect(cardText(returned)).toContain('Falta la localidad de Sumapaz');
    expect(cardText(returned)).toContain('Falta 1 localidad: Sumapaz.');
    const confirm = buttons(returned).find((b) => b.title === 'Confirmar la cifra')!;
    expect(confirm).toMatchObject({ type: 'Action.Execute', verb: PEI_CONFIRM, fallback: { type: 'Action.Submit' } });
    // A forged or stale card is checked like the API's bodies: told in Spanish, nothing done.
    expect(cardText(await h.execute('enlace-dgdl', PEI_CONFIRM, { ...confirm.data!, cutoff: '2026-09-31' }))).toContain('La fecha 2026-09-31 no existe en el calendario.');
    expect(cardText(await h.execute('enlace-dgdl', PEI_CONFIRM, { ...confirm.data!, version: 'uno' }))).toContain('La solicitud no es válida');
    // Someone of another area cannot confirm it, and is shown nothing of it.
    const refused = await h.execute('enlace-dti', PEI_CONFIRM, confirm.data!);
    expect(cardText(refused)).not.toContain('Sumapaz');
    expect(cardText(await h.execute('enlace-dti', PEI_CONFIRM, confirm.data!))).toContain('Solo el área responsable');
    const done = await h.execute('enlace-dgdl', PEI_CONFIRM, confirm.data!);
    expect(cardText(done)).toContain('Cifra confirmada y publicada (validada el 23/11/2026).');
    expect(buttons(done).map((b) => b.title)).toEqual(['Abrir la validación']);
    const year = (await h.store.loadPeiYear('sdg-pei-2024-2027', 2026))!;
    expect(year.values.find((v) => v.indicatorId === 'sdg-i02' && v.cutoff === '2026-09-30')).toMatchObject({ state: 'validated', validatedAt: '2026-11-23T15:00:00.000Z' });
    // The same card clicked again (or by the mobile fallback): it says so, nothing done twice.
    expect(cardText(await h.execute('enlace-dgdl', PEI_CONFIRM, confirm.data!))).toContain('Esta cifra ya estaba validada (el 23/11/2026).');
    expect(cardText((await h.submit('miembro-dgdl', confirm.data!))[0]!)).toContain('ya estaba validada');
  });

  it('tells someone with nothing waiting so', async () => {
    const h = await botHarness();
    expect(cardText((await h.say('miembro-al-usaquen', 'validar'))[0]!)).toContain('No tiene cifras pendientes');
  });
});
