import { describe, expect, it } from 'vitest';
import { actasBotText, freshnessText, msg, remindersBotText } from './es-CO.js';
import { actasText } from './es-CO/tab/actas.js';

/** What people read from the catalogue: real singular and plural, one closing period (issue 14, items 13 and 14). */
describe('the es-CO catalogue', () => {
  it('counts in the singular for one and in the plural otherwise', () => {
    expect(actasBotText.card.recognitions(1)).toBe('1 reconocimiento en el acta.');
    expect(actasBotText.card.recognitions(3)).toBe('3 reconocimientos en el acta.');
    expect(actasBotText.commitments.count(2, 1)).toBe('2 abiertos, 1 vencido.');
    expect(actasBotText.commitments.count(1, 0)).toBe('1 abierto.');
    expect(msg.shape.tactical(1, 3)).toBe('El set tiene 1 objetivo táctico; el estándar es 3.');
    expect(msg.shape.strategic(2, 1)).toBe('El set tiene 2 objetivos estratégicos; el estándar es 1.');
    expect(msg.shape.keyResults('Agilizar', 1, 3)).toBe('«Agilizar» tiene 1 resultado clave; el estándar es 3.');
    const kinds = remindersBotText.reminder.kinds;
    expect(kinds.checkin_window('diciembre de 2026', 'Alcaldía Local de Suba', 1).text).toBe('**Alcaldía Local de Suba**: falta 1 resultado clave por reportar:');
    expect(kinds.eti_digest('diciembre de 2026', '', 1).text).toBe('1 unidad aún no termina de reportar:');
    expect(kinds.eti_digest('diciembre de 2026', '', 4).text).toBe('4 unidades aún no terminan de reportar:');
  });

  it('never writes «a. m..»: a sentence that ends in a time keeps one period', () => {
    expect(actasText.validatedIntro('2026-12-01T14:36:00Z')).toContain('tomadas el 1 de diciembre de 2026, 9:36 a. m. No se editan');
    expect(msg.actas.notHeldYet('2026-12-10', '09:00')).toContain('se abre el 10 de diciembre de 2026 a las 9:00 a. m. Mientras');
    expect(msg.actas.duplicateSlot('2026-12-10', '13:00')).toBe('Ya hay otra plenaria de esta dependencia programada el 10 de diciembre de 2026 a la 1:00 p. m.');
    expect(actasBotText.changed.cancelled('Ana', 'jueves, 10 de diciembre de 2026 a las 9:00 a. m.')).toBe('Ana canceló la plenaria del jueves, 10 de diciembre de 2026 a las 9:00 a. m. Su acta queda cerrada.');
    expect(remindersBotText.admin.paused('Ana', 'martes, 1 de diciembre, 9:36 a. m.')).toBe('⏸️ Pausados por Ana el martes, 1 de diciembre, 9:36 a. m. No se envía ningún recordatorio.');
  });

  it('does not tell the OAP on 1 December that units without a plenaria menor will send no acta: the quarter still runs', () => {
    expect(actasText.oapMissingHint('2026-12-31', false)).toBe('Aún no tienen plenaria menor programada en el trimestre: pueden hacerla hasta el 31 de diciembre de 2026.');
    expect(actasText.oapMissingHint('2026-12-31', true)).toContain('no llegará acta');
  });

  it('says how old stale data is in minutes, hours or days, in the right number', () => {
    const age = (seconds: number) => freshnessText.stale(seconds).split(':')[0];
    expect(age(61)).toBe('Los datos tienen 1 minuto');
    expect(age(119)).toBe('Los datos tienen 1 minuto');
    expect(age(120)).toBe('Los datos tienen 2 minutos');
    expect(age(59 * 60 + 59)).toBe('Los datos tienen 59 minutos');
    expect(age(3_600)).toBe('Los datos tienen más de 1 hora');
    expect(age(5 * 3_600)).toBe('Los datos tienen más de 5 horas');
    expect(age(3 * 86_400)).toBe('Los datos tienen más de 3 días');
    expect(freshnessText.stale(90)).toBe('Los datos tienen 1 minuto: no se pudo actualizar desde SharePoint. Se pondrán al día en cuanto vuelva a responder.');
  });

  it('writes dates in words, never ISO', () => {
    expect(actasBotText.commitments.line('Abierto', '2026-12-11', false, 'Plenaria menor', 'Alcaldía Local de Suba', '2026-11-20')).toBe('Abierto · vence el 11 de diciembre de 2026 · Plenaria menor de Alcaldía Local de Suba (20 de noviembre de 2026)');
    expect(actasText.oapDue('2026-12-11')).toBe('La copia para la OAP vence el 11 de diciembre de 2026.');
  });
});
