import type { IsoDate, Period, QuarterId } from './types.js';
import { errorMessages } from './i18n/es-CO/shared.js';

/** Calendar quarters: Q1 = January–March … Q4 = October–December. */

const DAY_MS = 86_400_000;

export function parseIsoDate(date: IsoDate): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Fecha inválida: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** The years a date the app stores may fall in: a plenaria in 0000 or 9999 is a typing error. */
export const DATE_YEARS = { from: 2000, to: 2099 } as const;

/**
 * Why `value` is not a calendar date the app accepts, in Spanish (null: it is one). «2026-11-31»,
 * «2026-02-30» and «0000-01-01» are refused here, at every edge, before anything is stored.
 */
export function calendarDateProblem(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return errorMessages.dateFormat(value);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(2000, mo - 1, d));
  date.setUTCFullYear(y); // Date.UTC reads years 0–99 as 1900–1999
  if (mo < 1 || mo > 12 || d < 1 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return errorMessages.dateImpossible(value);
  if (y < DATE_YEARS.from || y > DATE_YEARS.to) return errorMessages.dateOutOfRange(value, DATE_YEARS.from, DATE_YEARS.to);
  return null;
}

export function isCalendarDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && calendarDateProblem(value) === null;
}

/** A month («2026-11») of the years the app accepts. */
export function isCalendarMonth(value: unknown): value is Period {
  return typeof value === 'string' && /^\d{4}-\d{2}$/.test(value) && isCalendarDate(`${value}-01`);
}

export function toIsoDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** Today's date in Bogotá (UTC−5, no daylight saving) for an instant. */
export function bogotaDate(instant: Date): IsoDate {
  return toIsoDate(new Date(instant.getTime() - 5 * 3_600_000));
}

export function quarterOf(date: IsoDate): QuarterId {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}` as QuarterId;
}

export function parseQuarter(q: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!m) throw new RangeError(`Trimestre inválido: ${q}`);
  return { year: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
}

export function isQuarterId(q: string): q is QuarterId {
  return /^\d{4}-Q[1-4]$/.test(q) && isCalendarDate(`${q.slice(0, 4)}-01-01`);
}

/** First and last calendar day of a quarter. */
export function quarterRange(q: QuarterId): { start: IsoDate; end: IsoDate } {
  const { year, quarter } = parseQuarter(q);
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1));
  const end = new Date(Date.UTC(year, quarter * 3, 0));
  return { start: toIsoDate(start), end: toIsoDate(end) };
}

/** The three months ("2026-10", "2026-11", "2026-12") of a quarter. */
export function quarterMonths(q: QuarterId): Period[] {
  const { year, quarter } = parseQuarter(q);
  return [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + i + 1).padStart(2, '0')}`);
}

/** The last day of a month ("2026-11" → "2026-11-30"). */
export function monthEnd(period: Period): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function periodOf(date: IsoDate): Period {
  return date.slice(0, 7);
}

export function nextQuarter(q: QuarterId): QuarterId {
  const { year, quarter } = parseQuarter(q);
  return (quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`) as QuarterId;
}

export function previousQuarter(q: QuarterId): QuarterId {
  const { year, quarter } = parseQuarter(q);
  return (quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`) as QuarterId;
}

/**
 * Progress expected by `date` if work advanced evenly through the quarter: the share of the
 * quarter's calendar days elapsed, counting `date` itself. 0 before the quarter, 1 after it.
 */
export function expectedProgress(q: QuarterId, date: IsoDate): number {
  const { start, end } = quarterRange(q);
  const s = parseIsoDate(start).getTime();
  const e = parseIsoDate(end).getTime();
  const d = parseIsoDate(date).getTime();
  if (d < s) return 0;
  if (d >= e) return 1;
  return ((d - s) / DAY_MS + 1) / ((e - s) / DAY_MS + 1);
}

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** "noviembre de 2026" */
export function periodLabel(period: Period): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return `${MONTHS_ES[m - 1]} de ${y}`;
}

/** "Noviembre de 2026", to begin a line. */
export function periodTitle(period: Period): string {
  const label = periodLabel(period);
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** "T4 2026 (octubre–diciembre)" */
export function quarterLabel(q: QuarterId): string {
  const { year, quarter } = parseQuarter(q);
  return `T${quarter} ${year} (${MONTHS_ES[(quarter - 1) * 3]}–${MONTHS_ES[quarter * 3 - 1]})`;
}
