import Holidays from 'date-holidays';
import type { IsoDate, Period } from './types.js';
import { parseIsoDate, toIsoDate } from './quarter.js';

/**
 * Colombian business-day calendar (Monday to Friday, minus national holidays), on `date-holidays`:
 * it knows the holidays moved to Monday by Ley 51 de 1983 (Emiliani), the Easter-based ones
 * (Jueves y Viernes Santo, Ascensión, Corpus Christi, Sagrado Corazón) and newer laws such as
 * Ley 2578 de 2026 (Virgen de Chiquinquirá). Only holidays of type "public" are days off.
 *
 * Dates are calendar dates in America/Bogota as ISO strings ("2026-11-23"); nothing here depends
 * on the machine's time zone. Holiday lists are computed once per year.
 */

const holidays = new Holidays('CO');
const byYear = new Map<number, Map<IsoDate, string>>();

function holidaysOf(year: number): Map<IsoDate, string> {
  let map = byYear.get(year);
  if (!map) {
    map = new Map();
    for (const h of holidays.getHolidays(year)) {
      // `date` is the local calendar date as "YYYY-MM-DD hh:mm:ss" in Colombia's own time zone.
      if (h.type === 'public') map.set(h.date.slice(0, 10), h.name);
    }
    byYear.set(year, map);
  }
  return map;
}

const DAY_MS = 86_400_000;
const shift = (date: IsoDate, days: number): IsoDate => toIsoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));

/** The holiday's Spanish name, or null. */
export function holidayName(date: IsoDate): string | null {
  return holidaysOf(Number(date.slice(0, 4))).get(date) ?? null;
}

export function isHoliday(date: IsoDate): boolean {
  return holidayName(date) !== null;
}

export function isWeekend(date: IsoDate): boolean {
  const day = parseIsoDate(date).getUTCDay();
  return day === 0 || day === 6;
}

export function isBusinessDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isHoliday(date);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate): IsoDate {
  let d = shift(date, 1);
  while (!isBusinessDay(d)) d = shift(d, 1);
  return d;
}

/** `date` itself if it is a business day, else the next one. */
export function onOrNextBusinessDay(date: IsoDate): IsoDate {
  return isBusinessDay(date) ? date : nextBusinessDay(date);
}

/**
 * The date `n` business days after `date` (the day itself not counted): "within the 8 business days
 * following the plenaria" ends on `addBusinessDays(plenaria, 8)`. With n = 0, `date` if it is a
 * business day, else the next one.
 */
export function addBusinessDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n debe ser un entero ≥ 0: ${n}`);
  let d = n === 0 ? onOrNextBusinessDay(date) : date;
  for (let i = 0; i < n; i++) d = nextBusinessDay(d);
  return d;
}

/**
 * Business days d with from < d ≤ to: how many business days late something due on `from` is on
 * `to`. 0 for the same day; negative (the same count, signed) when `to` is before `from`.
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to === from) return 0;
  if (to < from) return -businessDaysBetween(to, from);
  let count = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) if (isBusinessDay(d)) count++;
  return count;
}

/**
 * Add `n` calendar days; if the result is not a business day, the next business day. The plan de
 * gestión report is due "within the first 15 calendar days after the quarter; if the 15th is not a
 * business day, the next one" (seed 001): `calendarDaysThenNextBusinessDay(quarterEnd, 15)`.
 */
export function calendarDaysThenNextBusinessDay(date: IsoDate, n: number): IsoDate {
  return onOrNextBusinessDay(shift(date, n));
}

/** Every business day of a month ("2026-11"), in order. */
export function businessDaysOfMonth(period: Period): IsoDate[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const days: IsoDate[] = [];
  for (let day = 1; day <= last; day++) {
    const d = `${period}-${String(day).padStart(2, '0')}`;
    if (isBusinessDay(d)) days.push(d);
  }
  return days;
}

/** The last `n` business days of a month (the default monthly check-in window is the last 3). */
export function lastBusinessDaysOfMonth(period: Period, n: number): IsoDate[] {
  return businessDaysOfMonth(period).slice(-n);
}

/** The n-th business day (1-based) on or after `start`. */
export function nthBusinessDayFrom(start: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n debe ser un entero ≥ 1: ${n}`);
  return addBusinessDays(onOrNextBusinessDay(start), n - 1);
}

/** Whether `date` falls within the first `n` business days from `start` (plenarias mayores: 20 days of the semester). */
export function isWithinFirstBusinessDays(date: IsoDate, start: IsoDate, n: number): boolean {
  return date >= start && date <= nthBusinessDayFrom(start, n);
}
