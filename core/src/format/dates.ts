/**
 * Every date, time, month and quarter a person reads — on cards, in the tab, in the acta's .docx and
 * in bot messages — is written here, in es-CO and in Bogotá's time zone, whatever the computer's or
 * the browser's locale and zone. Calendar dates («2026-12-11») are days, not instants: they are
 * written as they are, never shifted by a time zone. Instants (ISO strings with a time, or `Date`s)
 * are read in America/Bogota.
 *
 * Input that is not what it should be (a stored date that is not a date) comes back as it is, so a
 * bad record shows what it holds instead of «Invalid Date».
 */
import type { Period, QuarterId } from '../types.js';

const LOCALE = 'es-CO';
export const BOGOTA_TIME_ZONE = 'America/Bogota';

const formats = new Map<string, Intl.DateTimeFormat>();
function format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(LOCALE, options)));
  return f;
}

/** ICU versions differ in the spaces around «a. m.» (plain, no-break, narrow no-break): one output everywhere. */
const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function calendarDay(date: string): Date | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12));
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

function instantOf(at: string | Date): Date | null {
  const d = typeof at === 'string' ? new Date(at) : at;
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * How a day is written:
 * - `long` «1 de diciembre de 2026» (the default: sentences, the acta),
 * - `weekday` «martes, 1 de diciembre de 2026» (when the day of the week matters: a plenaria),
 * - `weekdayNoYear` «martes, 1 de diciembre» (reminders, always about the coming days),
 * - `short` «1 dic 2026» (table cells, the side panel),
 * - `shortNoYear` «1 dic» (a queue of this month's work).
 */
export type DateStyle = 'long' | 'weekday' | 'weekdayNoYear' | 'short' | 'shortNoYear';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  weekdayNoYear: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { day: 'numeric', month: 'short', year: 'numeric' },
  shortNoYear: { day: 'numeric', month: 'short' },
};

const dateFormat = (style: DateStyle, timeZone: string) => format(`date|${style}|${timeZone}`, { ...DATE_OPTIONS[style], timeZone });

function written(d: Date, style: DateStyle, timeZone: string): string {
  const text = spaces(dateFormat(style, timeZone).format(d));
  // «1 de dic de 2026» → «1 dic 2026»: the short style is for tight places.
  return style === 'short' || style === 'shortNoYear' ? text.replace(/ de /g, ' ').replace(/\.(?= |$)/g, '') : text;
}

/** A calendar day («2026-12-11») as people read it: «11 de diciembre de 2026». */
export function formatDate(date: string, style: DateStyle = 'long'): string {
  const d = calendarDay(date);
  return d ? written(d, style, 'UTC') : date;
}

/** The day of an instant, in Bogotá: «1 de diciembre de 2026». */
export function formatInstantDate(at: string | Date, style: DateStyle = 'long'): string {
  const d = instantOf(at);
  return d ? written(d, style, BOGOTA_TIME_ZONE) : String(at);
}

/** The time of an instant, in Bogotá: «9:36 a. m.». */
export function formatTime(at: string | Date): string {
  const d = instantOf(at);
  return d ? spaces(format('time', { hour: 'numeric', minute: '2-digit', timeZone: BOGOTA_TIME_ZONE }).format(d)) : String(at);
}

/** A clock time as stored («14:30», a plenaria's start) as people read it: «2:30 p. m.». */
export function formatClock(hhmm: string): string {
  const m = CLOCK_RE.exec(hhmm);
  if (!m) return hhmm;
  return spaces(format('clock', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, Number(m[1]), Number(m[2])))));
}

/** An instant, in Bogotá: «1 de diciembre de 2026, 9:36 a. m.» (`short`: «1 dic 2026, 9:36 a. m.»). */
export function formatDateTime(at: string | Date, style: 'long' | 'weekdayNoYear' | 'short' | 'shortNoYear' = 'long'): string {
  const d = instantOf(at);
  return d ? `${written(d, style, BOGOTA_TIME_ZONE)}, ${formatTime(d)}` : String(at);
}

/** «a las 9:00 a. m.», «a la 1:30 p. m.» (one o'clock takes the singular). */
const atHour = (time: string) => (/^1:/.test(time) ? `a la ${time}` : `a las ${time}`);

/** A stored clock time after «a las»: «a las 9:00 a. m.», «a la 1:30 p. m.». */
export function atClock(hhmm: string): string {
  return atHour(formatClock(hhmm));
}

/** An instant's time in Bogotá after «a las»: «a las 9:36 a. m.», «a la 1:05 p. m.». */
export function atTime(at: string | Date): string {
  return atHour(formatTime(at));
}

/** A calendar day and a clock time, a plenaria's: «jueves, 10 de diciembre de 2026 a las 9:00 a. m.». */
export function formatDateAndClock(date: string, hhmm: string, style: DateStyle = 'weekday'): string {
  return `${formatDate(date, style)} ${atClock(hhmm)}`;
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** A month («2026-11»): «noviembre de 2026». */
export function formatMonth(period: Period): string {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} de ${m[1]}` : period;
}

/** A month without its year, for a chart's axis inside one quarter: «noviembre». */
export function formatMonthName(period: Period): string {
  const name = MONTHS[Number(period.slice(5, 7)) - 1];
  return name ?? period;
}

/** A quarter («2027-Q1»): «T1 2027 (enero–marzo)». */
export function formatQuarter(q: QuarterId): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  if (!m) return q;
  const n = Number(m[2]);
  return `T${n} ${m[1]} (${MONTHS[(n - 1) * 3]}–${MONTHS[n * 3 - 1]})`;
}

/** A quarter in a short line («Set de OKR T1 2027 de …»): «T1 2027». */
export function formatQuarterShort(q: QuarterId): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(q);
  return m ? `T${m[2]} ${m[1]}` : q;
}

/**
 * A sentence's closing period, once: a sentence that ends in a time («… a las 9:36 a. m.») already
 * has it, and «9:36 a. m..» is what people saw.
 */
export function endSentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

const MONTH_WORDS: Record<string, number> = Object.fromEntries(
  MONTHS.flatMap((name, i) => [[name, i + 1], [name.slice(0, 3), i + 1]] as Array<[string, number]>).concat([['sept', 9], ['set', 9], ['setiembre', 9]]),
);

/**
 * A date as a person types it into a date field, as a calendar day («2026-12-15»), or null. Accepts
 * «15/12/2026», «15-12-2026», «15.12.2026» (day first, as in Colombia), «2026-12-15», and what the
 * field itself shows («15 dic 2026», «15 de diciembre de 2026»). Impossible days (31/11) are null.
 */
export function parseTypedDate(text: string): string | null {
  const s = spaces(text).trim().toLowerCase();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(?:[a-záéíóú]+,? )?(\d{1,2}) (?:de )?([a-z]+)\.?,? (?:de |del )?(\d{4})$/.exec(s)) && MONTH_WORDS[match[2]!]) [d, m, y] = [Number(match[1]), MONTH_WORDS[match[2]!]!, Number(match[3])];
  else return null;
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return calendarDay(iso) ? iso : null;
}
