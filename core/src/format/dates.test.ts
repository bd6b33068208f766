import { describe, expect, it } from 'vitest';
import { atClock, atTime, endSentence, parseTypedDate, formatClock, formatDate, formatDateAndClock, formatDateTime, formatInstantDate, formatMonth, formatMonthName, formatQuarter, formatQuarterShort, formatTime } from './dates.js';
import { counted, inNumber, joinParts } from './words.js';

describe('dates and times as people read them (es-CO, Bogotá)', () => {
  it('writes calendar days in words, never as ISO, whatever the style', () => {
    expect(formatDate('2026-12-11')).toBe('11 de diciembre de 2026');
    expect(formatDate('2026-12-01', 'weekday')).toBe('martes, 1 de diciembre de 2026');
    expect(formatDate('2026-12-01', 'weekdayNoYear')).toBe('martes, 1 de diciembre');
    expect(formatDate('2026-12-01', 'short')).toBe('1 dic 2026');
    expect(formatDate('2026-09-30', 'short')).toBe('30 sept 2026');
  });

  it('keeps a calendar day the same day in every time zone (no shift at midnight UTC)', () => {
    expect(formatDate('2027-01-01')).toBe('1 de enero de 2027');
  });

  it('reads instants in Bogotá: 00:30 UTC on 2 December is still 1 December there', () => {
    expect(formatInstantDate('2026-12-02T00:30:00Z')).toBe('1 de diciembre de 2026');
    expect(formatTime('2026-12-01T14:36:00Z')).toBe('9:36 a. m.');
    expect(formatDateTime('2026-12-01T14:36:00Z')).toBe('1 de diciembre de 2026, 9:36 a. m.');
    expect(formatDateTime('2026-12-01T19:05:00Z', 'short')).toBe('1 dic 2026, 2:05 p. m.');
    expect(formatDateTime('2026-11-27T20:05:00Z', 'shortNoYear')).toBe('27 nov, 3:05 p. m.');
    expect(formatDateTime(new Date('2026-12-01T14:36:00Z'), 'weekdayNoYear')).toBe('martes, 1 de diciembre, 9:36 a. m.');
  });

  it('writes stored clock times and a plenaria’s day and time', () => {
    expect(formatClock('09:30')).toBe('9:30 a. m.');
    expect(formatClock('14:00')).toBe('2:00 p. m.');
    expect(formatClock('00:15')).toBe('12:15 a. m.');
    expect(formatDateAndClock('2026-12-10', '09:00')).toBe('jueves, 10 de diciembre de 2026 a las 9:00 a. m.');
    expect(atTime('2026-12-01T18:05:00Z')).toBe('a la 1:05 p. m.');
    expect(atClock('09:00')).toBe('a las 9:00 a. m.');
    expect(formatDateAndClock('2026-12-10', '13:30', 'short')).toBe('10 dic 2026 a la 1:30 p. m.');
  });

  it('uses plain spaces only, so the same text comes out of Node and of every browser', () => {
    for (const s of [formatTime('2026-12-01T14:36:00Z'), formatDateTime('2026-12-01T14:36:00Z'), formatClock('16:45'), formatDate('2026-12-01', 'short')]) expect(s).not.toMatch(/[\u00a0\u202f]/);
  });

  it('gives back what is not a date as it is, instead of «Invalid Date»', () => {
    expect(formatDate('2026-02-30')).toBe('2026-02-30');
    expect(formatDate('pronto')).toBe('pronto');
    expect(formatDateTime('nunca')).toBe('nunca');
    expect(formatClock('25:00')).toBe('25:00');
  });

  it('writes months and quarters in words', () => {
    expect(formatMonth('2026-10')).toBe('octubre de 2026');
    expect(formatMonthName('2026-10')).toBe('octubre');
    expect(formatQuarter('2027-Q1')).toBe('T1 2027 (enero–marzo)');
    expect(formatQuarterShort('2027-Q1')).toBe('T1 2027');
  });

  it('closes a sentence with one period, also after «a. m.»', () => {
    expect(endSentence(`Resultados congelados el ${formatDateTime('2026-12-01T14:36:00Z')}`)).toBe('Resultados congelados el 1 de diciembre de 2026, 9:36 a. m.');
    expect(endSentence('Sin cambios')).toBe('Sin cambios.');
  });
});

describe('counted words and joined parts', () => {
  it('puts the noun in the singular for one and in the plural otherwise', () => {
    expect(counted(1, 'reconocimiento', 'reconocimientos')).toBe('1 reconocimiento');
    expect(counted(2, 'abierto', 'abiertos')).toBe('2 abiertos');
    expect(counted(0, 'abierto', 'abiertos')).toBe('0 abiertos');
    expect(counted(1250, 'persona', 'personas')).toBe('1.250 personas');
    expect(inNumber(1, 'vencido', 'vencidos')).toBe('vencido');
  });

  it('leaves out empty parts, so no separator hangs at either end', () => {
    expect(joinParts(' · ', 'Sesión de diálogo', '')).toBe('Sesión de diálogo');
    expect(joinParts(' — ', '', 'Abrir la reunión de Teams')).toBe('Abrir la reunión de Teams');
    expect(joinParts(' · ', 'a', null, undefined, false, ' ', 'b')).toBe('a · b');
  });
});

describe('a typed date', () => {
  it('reads day-first dates, ISO dates and what the date field shows', () => {
    expect(parseTypedDate('15/12/2026')).toBe('2026-12-15');
    expect(parseTypedDate(' 1-2-2027 ')).toBe('2027-02-01');
    expect(parseTypedDate('1.2.2027')).toBe('2027-02-01');
    expect(parseTypedDate('2026-12-15')).toBe('2026-12-15');
    expect(parseTypedDate('15 dic 2026')).toBe('2026-12-15');
    expect(parseTypedDate('30 sept 2026')).toBe('2026-09-30');
    expect(parseTypedDate('15 de diciembre de 2026')).toBe('2026-12-15');
    expect(parseTypedDate(formatDate('2026-12-01', 'short'))).toBe('2026-12-01');
    expect(parseTypedDate(formatDate('2026-12-01', 'weekday'))).toBe('2026-12-01');
  });

  it('refuses impossible days and text that is not a date', () => {
    expect(parseTypedDate('31/11/2026')).toBeNull();
    expect(parseTypedDate('12/15/2026')).toBeNull();
    expect(parseTypedDate('mañana')).toBeNull();
    expect(parseTypedDate('')).toBeNull();
  });
});
