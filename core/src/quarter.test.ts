import { describe, expect, it } from 'vitest';
import {
  bogotaDate,
  calendarDateProblem,
  isCalendarDate,
  isCalendarMonth,
  expectedProgress,
  isQuarterId,
  parseIsoDate,
  parseQuarter,
  periodLabel,
  periodOf,
  nextQuarter,
  previousQuarter,
  quarterLabel,
  quarterMonths,
  quarterOf,
  quarterRange,
} from './quarter.js';

describe('quarters and months', () => {
  it('finds the calendar quarter of a date and its range, leap years included', () => {
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
    expect(quarterOf('2026-06-30')).toBe('2026-Q2');
    expect(quarterRange('2028-Q1')).toEqual({ start: '2028-01-01', end: '2028-03-31' });
    expect(quarterRange('2026-Q4')).toEqual({ start: '2026-10-01', end: '2026-12-31' });
    expect(quarterMonths('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(nextQuarter('2026-Q1')).toBe('2026-Q2');
    expect(isQuarterId('2026-Q4')).toBe(true);
    expect(isQuarterId('2026-Q5')).toBe(false);
    expect(periodOf('2026-11-23')).toBe('2026-11');
  });

  it('cuts quarters at the month boundaries', () => {
    expect(quarterOf('2026-03-31')).toBe('2026-Q1');
    expect(quarterOf('2026-04-01')).toBe('2026-Q2');
    expect(quarterOf('2026-09-30')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(quarterRange('2026-Q2')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(quarterRange('2026-Q3')).toEqual({ start: '2026-07-01', end: '2026-09-30' });
    expect(quarterMonths('2027-Q1')).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(quarterMonths('2026-Q3')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(() => parseQuarter('2026-T3')).toThrow(RangeError);
    expect(() => parseIsoDate('23/11/2026')).toThrow(RangeError);
  });

  it('counts 29 February in a leap year’s first quarter (91 days, not 90)', () => {
    expect(expectedProgress('2028-Q1', '2028-02-29')).toBeCloseTo(60 / 91);
    expect(expectedProgress('2028-Q1', '2028-03-01')).toBeCloseTo(61 / 91);
    expect(expectedProgress('2027-Q1', '2027-02-28')).toBeCloseTo(59 / 90);
    expect(expectedProgress('2027-Q1', '2027-03-01')).toBeCloseTo(60 / 90);
    expect(expectedProgress('2100-Q1', '2100-03-01')).toBeCloseTo(60 / 90); // 2100 is not a leap year
  });

  it('expects progress in proportion to the quarter’s elapsed calendar days', () => {
    expect(expectedProgress('2026-Q4', '2026-09-30')).toBe(0);
    expect(expectedProgress('2026-Q4', '2026-10-01')).toBeCloseTo(1 / 92);
    expect(expectedProgress('2026-Q4', '2026-11-23')).toBeCloseTo(54 / 92);
    expect(expectedProgress('2026-Q4', '2026-12-31')).toBe(1);
    expect(expectedProgress('2026-Q4', '2027-01-15')).toBe(1);
    expect(expectedProgress('2026-Q4', '2025-12-31')).toBe(0);
    expect(expectedProgress('2026-Q3', '2026-08-15')).toBeCloseTo(46 / 92); // the middle of a 92-day quarter
    expect(expectedProgress('2026-Q2', '2026-06-29')).toBeCloseTo(90 / 91);
  });

  it('takes today’s date in Bogotá (UTC−5) near midnight UTC', () => {
    expect(bogotaDate(new Date('2026-12-01T04:59:00Z'))).toBe('2026-11-30');
    expect(bogotaDate(new Date('2026-12-01T05:00:00Z'))).toBe('2026-12-01');
    expect(bogotaDate(new Date('2027-01-01T04:59:59Z'))).toBe('2026-12-31'); // still New Year's Eve in Bogotá
    expect(bogotaDate(new Date('2026-11-23T23:30:00Z'))).toBe('2026-11-23');
    expect(bogotaDate(new Date('2026-11-23T23:30:00-05:00'))).toBe('2026-11-23');
  });

  it('names months and quarters in Spanish', () => {
    expect(periodLabel('2026-11')).toBe('noviembre de 2026');
    expect(quarterLabel('2026-Q4')).toBe('T4 2026 (octubre–diciembre)');
    expect(quarterLabel('2027-Q1')).toBe('T1 2027 (enero–marzo)');
    expect(quarterLabel('2026-Q2')).toBe('T2 2026 (abril–junio)');
    expect(quarterLabel('2026-Q3')).toBe('T3 2026 (julio–septiembre)');
    expect(periodLabel('2027-01')).toBe('enero de 2027');
  });
});

describe('calendar dates at every edge (issue 13, item 2)', () => {
  it('refuses dates that do not exist, in Spanish', () => {
    for (const d of ['2026-11-31', '2026-02-30', '2026-04-31', '2027-02-29', '2026-13-01', '2026-00-10', '2026-01-00']) {
      expect(calendarDateProblem(d), d).toBe(`La fecha ${d} no existe en el calendario.`);
      expect(isCalendarDate(d), d).toBe(false);
    }
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-11-30')).toBe(true);
  });

  it('refuses the year 0000 and years no plan reaches, and what is not AAAA-MM-DD', () => {
    expect(calendarDateProblem('0000-01-01')).toBe('La fecha 0000-01-01 está fuera del rango admitido (años 2000 a 2099).');
    expect(calendarDateProblem('9999-12-31')).toMatch(/fuera del rango/);
    for (const d of ['2026-1-5', '23/11/2026', '2026-11-23T00:00:00Z', '', ' 2026-11-23']) expect(calendarDateProblem(d), d).toMatch(/no es una fecha \(use AAAA-MM-DD/);
    expect(isCalendarDate(20261123)).toBe(false);
  });

  it('months and quarters follow the same years', () => {
    expect(isCalendarMonth('2026-11')).toBe(true);
    expect(isCalendarMonth('2026-13')).toBe(false);
    expect(isCalendarMonth('0000-01')).toBe(false);
    expect(isQuarterId('1999-Q1')).toBe(false);
    expect(isQuarterId('2026-Q4')).toBe(true);
  });
});
