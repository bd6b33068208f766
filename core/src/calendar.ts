import Holidays from 'date-holidays';
import type { IsoDate, Period } from './types.js';
import { parseIsoDate, toIsoDate } from './quarter.js';

/**
 * Colombian business-day calendar: Monday to Friday, minus the national holidays ("festivos").
 *
 * Holidays come from `date-holidays` (country CO), which knows the fixed ones, those moved to the
 * following Monday by Ley 51 de 1983 (Emiliani), the Easter-based ones (Jueves y Viernes Santo,
 * Ascensión, Corpus Christi, Sagrado Corazón) and newer laws such as Ley 2578 de 2026 (Virgen de
 * Chiquinquirá, from 2026). Only its type "public" counts, and Easter Sunday ("Pascua", which the
 * package lists as public but no Colombian law makes a festivo) is left out. Names are the usual
 * Colombian ones (the package calls the Ascensión "La Asunción"); two holidays on one day (30 June
 * 2025) are both named.
 *
 * Dates are calendar dates in America/Bogota as ISO strings ("2026-11-23"). Holidays are read from
 * the package's local date string, never from a Date in the machine's zone, and day arithmetic is
 * done in UTC, so nothing depends on the machine's time zone. Holiday lists are computed once per
 * year.
 */

const holidays = new Holidays('CO', { languages: ['es'], timezone: 'America/Bogota' });

/** date-holidays rules that are not days off in Colombia. */
const NOT_DAYS_OFF = new Set(['easter']);

/** Names by date-holidays rule; a rule missing here keeps the package's name. */
const NAMES: Record<string, string> = {
  '01-01': 'Año Nuevo',
  'monday after 01-06': 'Día de los Reyes Magos',
  'monday after 03-19': 'Día de San José',
  'easter -3': 'Jueves Santo',
  'easter -2': 'Viernes Santo',
  '05-01': 'Día del Trabajo',
  'easter 43': 'Ascensión del Señor',
  'easter 64': 'Corpus Christi',
  'easter 71': 'Sagrado Corazón de Jesús',
  'monday after 06-29': 'San Pedro y San Pablo',
  'monday after 07-09 since 2026': 'Virgen de Chiquinquirá',
  '07-20': 'Día de la Independencia',
  '08-07': 'Batalla de Boyacá',
  'monday after 08-15': 'Asunción de la Virgen',
  'monday after 10-12': 'Día de la Raza',
  '1st monday in November': 'Todos los Santos',
  'monday after 11-11': 'Independencia de Cartagena',
  '12-08': 'Inmaculada Concepción',
  '12-25': 'Navidad',
};

const DAY_MS = 86_400_000;

/** Holiday names by day number (days since 1970-01-01), filled one year at a time. */
const names = new Map<number, string>();
const loadedYears = new Set<number>();

function loadYear(year: number): void {
  if (loadedYears.has(year)) return;
  for (const h of holidays.getHolidays(year)) {
    if (h.type !== 'public' || NOT_DAYS_OFF.has(h.rule)) continue;
    // `date` is "YYYY-MM-DD hh:mm:ss" in Colombia's own zone, whatever the machine's zone.
    const n = dayNumber(h.date.slice(0, 10));
    const name = NAMES[h.rule] ?? h.name;
    const other = names.get(n);
    names.set(n, other ? `${other}, ${name}` : name);
  }
  loadedYears.add(year);
}

/** Days since 1970-01-01 of a real calendar date ("2026-02-30" is rejected, not rolled over). */
function dayNumber(date: IsoDate): number {
  const d = parseIsoDate(date);
  if (toIsoDate(d) !== date) throw new RangeError(`Fecha inválida: ${date}`);
  return d.getTime() / DAY_MS;
}

const isoOf = (n: number): IsoDate => toIsoDate(new Date(n * DAY_MS));

function nameOf(n: number): string | null {
  loadYear(new Date(n * DAY_MS).getUTCFullYear());
  return names.get(n) ?? null;
}

/** 1970-01-01 was a Thursday: (n + 4) mod 7 is 0 on Sundays … 6 on Saturdays. */
const weekendDay = (n: number): boolean => {
  const weekday = (((n + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};
const businessDay = (n: number): boolean => !weekendDay(n) && nameOf(n) === null;

function nextBusiness(n: number): number {
  let d = n + 1;
  while (!businessDay(d)) d++;
  return d;
}

function assertCount(n: number, min: number): void {
  if (!Number.isInteger(n) || n < min) throw new RangeError(`n debe ser un entero ≥ ${min}: ${n}`);
}

/** The national holidays of a year, in date order, with their Spanish names. */
export function holidaysIn(year: number): Array<{ date: IsoDate; name: string }> {
  loadYear(year);
  return [...names]
    .filter(([n]) => new Date(n * DAY_MS).getUTCFullYear() === year)
    .sort(([a], [b]) => a - b)
    .map(([n, name]) => ({ date: isoOf(n), name }));
}

/** The holiday's Spanish name ("Viernes Santo"), or null when `date` is not a national holiday. */
export function holidayName(date: IsoDate): string | null {
  return nameOf(dayNumber(date));
}

export function isHoliday(date: IsoDate): boolean {
  return holidayName(date) !== null;
}

export function isWeekend(date: IsoDate): boolean {
  return weekendDay(dayNumber(date));
}

/** Monday to Friday and not a national holiday. */
export function isBusinessDay(date: IsoDate): boolean {
  return businessDay(dayNumber(date));
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(date: IsoDate): IsoDate {
  return isoOf(nextBusiness(dayNumber(date)));
}

/** `date` itself if it is a business day, else the next one. */
export function onOrNextBusinessDay(date: IsoDate): IsoDate {
  return isBusinessDay(date) ? date : nextBusinessDay(date);
}

/**
 * The date `n` business days after `date` (the day itself not counted, whatever it is): "within the
 * 8 business days following the plenaria" ends on `addBusinessDays(plenaria, 8)`. With n = 0,
 * `date` if it is a business day, else the next one. Throws a RangeError unless n is an integer ≥ 0.
 */
export function addBusinessDays(date: IsoDate, n: number): IsoDate {
  assertCount(n, 0);
  if (n === 0) return onOrNextBusinessDay(date);
  let d = dayNumber(date);
  for (let i = 0; i < n; i++) d = nextBusiness(d);
  return isoOf(d);
}

/**
 * The number of business days d with from < d ≤ to: how many business days late something due on
 * `from` is on `to`. 0 for the same day; when `to` is before `from`, minus the business days d
 * with to < d ≤ from.
 */
export function businessDaysBetween(from: IsoDate, to: IsoDate): number {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (businessDay(d)) count++;
  return sign * count;
}

/**
 * Add `n` calendar days; if the result is not a business day, the next business day. The plan de
 * gestión report is due "within the first 15 calendar days after the quarter; if the 15th is not a
 * business day, the next one" (seed 001): `calendarDaysThenNextBusinessDay(quarterEnd, 15)`.
 */
export function calendarDaysThenNextBusinessDay(date: IsoDate, n: number): IsoDate {
  assertCount(n, 0);
  const d = dayNumber(date) + n;
  return isoOf(businessDay(d) ? d : nextBusiness(d));
}

/** Every business day of a month ("2026-11"), in order. */
export function businessDaysOfMonth(period: Period): IsoDate[] {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new RangeError(`Mes inválido: ${period}`);
  const [y, m] = period.split('-').map(Number) as [number, number];
  const first = Date.UTC(y, m - 1, 1) / DAY_MS;
  const next = Date.UTC(y, m, 1) / DAY_MS;
  const days: IsoDate[] = [];
  for (let d = first; d < next; d++) if (businessDay(d)) days.push(isoOf(d));
  return days;
}

/** The last `n` business days of a month, in order (the monthly check-in window is the last 3); [] for n ≤ 0. */
export function lastBusinessDaysOfMonth(period: Period, n: number): IsoDate[] {
  const days = businessDaysOfMonth(period);
  return n <= 0 ? [] : days.slice(-n);
}

/** The n-th business day (1-based) on or after `start`: the 1st is `onOrNextBusinessDay(start)`. */
export function nthBusinessDayFrom(start: IsoDate, n: number): IsoDate {
  assertCount(n, 1);
  return addBusinessDays(onOrNextBusinessDay(start), n - 1);
}

/**
 * Whether `start` ≤ `date` ≤ the n-th business day from `start` (plenaria mayor: "within the first
 * 20 business days of the semester" is `isWithinFirstBusinessDays(date, '2027-01-01', 20)`).
 */
export function isWithinFirstBusinessDays(date: IsoDate, start: IsoDate, n: number): boolean {
  return dayNumber(date) >= dayNumber(start) && date <= nthBusinessDayFrom(start, n);
}
