import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  businessDaysBetween,
  businessDaysOfMonth,
  calendarDaysThenNextBusinessDay,
  holidayName,
  isBusinessDay,
  isHoliday,
  isWithinFirstBusinessDays,
  lastBusinessDaysOfMonth,
  nextBusinessDay,
  nthBusinessDayFrom,
} from './calendar.js';

describe('Colombian business-day calendar', () => {
  it('knows fixed holidays, those moved to Monday (Ley Emiliani) and the Easter-based ones', () => {
    // Fixed dates
    expect(holidayName('2026-01-01')).toBe('Año Nuevo');
    expect(isHoliday('2026-07-20')).toBe(true);
    expect(isHoliday('2026-08-07')).toBe(true);
    expect(isHoliday('2026-12-08')).toBe(true);
    expect(isHoliday('2026-12-25')).toBe(true);
    // Moved to the following Monday: Reyes (6 Jan, Tue) → 12 Jan; San José (19 Mar, Thu) → 23 Mar;
    // Todos los Santos (1 Nov, Sun) → 2 Nov; Independencia de Cartagena (11 Nov, Wed) → 16 Nov.
    expect(isHoliday('2026-01-06')).toBe(false);
    expect(isHoliday('2026-01-12')).toBe(true);
    expect(isHoliday('2026-03-19')).toBe(false);
    expect(isHoliday('2026-03-23')).toBe(true);
    expect(isHoliday('2026-11-02')).toBe(true);
    expect(isHoliday('2026-11-11')).toBe(false);
    expect(isHoliday('2026-11-16')).toBe(true);
    expect(isHoliday('2025-03-24')).toBe(true);
    // Easter 2026 is 5 April: Jueves and Viernes Santo, Ascensión (+43 → 18 May), Corpus (+64 → 8 Jun), Sagrado Corazón (+71 → 15 Jun).
    expect(holidayName('2026-04-02')).toBe('Jueves Santo');
    expect(holidayName('2026-04-03')).toBe('Viernes Santo');
    expect(isHoliday('2026-05-18')).toBe(true);
    expect(holidayName('2026-06-08')).toBe('Corpus Christi');
    expect(holidayName('2026-06-15')).toBe('Sagrado Corazón de Jesús');
    // Easter 2025 is 20 April.
    expect(isHoliday('2025-04-17')).toBe(true);
    expect(isHoliday('2025-04-18')).toBe(true);
    expect(isHoliday('2025-06-02')).toBe(true);
    expect(isHoliday('2025-06-23')).toBe(true);
    expect(isHoliday('2025-06-30')).toBe(true);
    // Ley 2578 de 2026: Virgen de Chiquinquirá (9 Jul, Thu) → Monday 13 Jul, from 2026 only.
    expect(isHoliday('2026-07-13')).toBe(true);
    expect(isHoliday('2025-07-14')).toBe(false);
    // Observances that are not days off.
    expect(isHoliday('2026-03-29')).toBe(false);
  });

  it('counts Monday to Friday minus holidays as business days', () => {
    expect(isBusinessDay('2026-11-23')).toBe(true); // Monday
    expect(isBusinessDay('2026-11-21')).toBe(false); // Saturday
    expect(isBusinessDay('2026-11-22')).toBe(false); // Sunday
    expect(isBusinessDay('2026-11-16')).toBe(false); // holiday Monday
    expect(businessDaysOfMonth('2026-11')).toHaveLength(19);
    expect(lastBusinessDaysOfMonth('2026-11', 3)).toEqual(['2026-11-26', '2026-11-27', '2026-11-30']);
    expect(lastBusinessDaysOfMonth('2026-12', 3)).toEqual(['2026-12-29', '2026-12-30', '2026-12-31']);
  });

  it('adds business days across weekends, holidays, Semana Santa and the year end', () => {
    expect(nextBusinessDay('2026-11-13')).toBe('2026-11-17'); // Fri → Tue (Mon 16 is a holiday)
    expect(addBusinessDays('2026-11-23', 8)).toBe('2026-12-03');
    expect(addBusinessDays('2026-03-27', 8)).toBe('2026-04-10'); // over Semana Santa (2–3 Apr)
    expect(addBusinessDays('2026-12-24', 8)).toBe('2027-01-07'); // 25 Dec and 1 Jan off; 6 Jan (Reyes) moves to 11 Jan
    expect(addBusinessDays('2026-11-21', 0)).toBe('2026-11-23');
    expect(() => addBusinessDays('2026-11-21', -1)).toThrow(RangeError);
  });

  it('counts business days between two dates', () => {
    expect(businessDaysBetween('2026-11-13', '2026-11-20')).toBe(4); // 17, 18, 19, 20
    expect(businessDaysBetween('2026-11-20', '2026-11-20')).toBe(0);
    expect(businessDaysBetween('2026-11-20', '2026-11-13')).toBe(-4);
    expect(businessDaysBetween('2026-12-31', '2027-01-04')).toBe(1); // 1 Jan holiday, weekend
  });

  it('gives "15 calendar days, else the next business day" for the plan de gestión reports', () => {
    expect(calendarDaysThenNextBusinessDay('2026-09-30', 15)).toBe('2026-10-15'); // Thursday
    expect(calendarDaysThenNextBusinessDay('2026-03-31', 15)).toBe('2026-04-15'); // Wednesday
    expect(calendarDaysThenNextBusinessDay('2025-12-31', 15)).toBe('2026-01-15');
    expect(calendarDaysThenNextBusinessDay('2026-06-30', 15)).toBe('2026-07-15');
    expect(calendarDaysThenNextBusinessDay('2026-12-31', 15)).toBe('2027-01-15'); // Friday
    expect(calendarDaysThenNextBusinessDay('2027-03-31', 15)).toBe('2027-04-15'); // Thursday
    expect(calendarDaysThenNextBusinessDay('2027-06-30', 15)).toBe('2027-07-15'); // Thursday
    expect(calendarDaysThenNextBusinessDay('2025-03-31', 15)).toBe('2025-04-15');
    expect(calendarDaysThenNextBusinessDay('2028-12-31', 15)).toBe('2029-01-15'); // Monday
    expect(calendarDaysThenNextBusinessDay('2026-11-01', 15)).toBe('2026-11-17'); // Mon 16 Nov is a holiday
    expect(calendarDaysThenNextBusinessDay('2026-11-06', 15)).toBe('2026-11-23'); // Sat 21 → Mon 23
  });

  it('tells whether a date is within the first 20 business days of a semester', () => {
    expect(nthBusinessDayFrom('2027-01-01', 1)).toBe('2027-01-04');
    expect(nthBusinessDayFrom('2027-01-01', 20)).toBe('2027-02-01'); // 11 Jan (Reyes) is off
    expect(isWithinFirstBusinessDays('2027-02-01', '2027-01-01', 20)).toBe(true);
    expect(isWithinFirstBusinessDays('2027-02-02', '2027-01-01', 20)).toBe(false);
    expect(nthBusinessDayFrom('2026-07-01', 20)).toBe('2026-07-30'); // 13 and 20 Jul off
  });
});
