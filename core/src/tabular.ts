/**
 * Reading tables people made by hand (a workbook's sheet, a CSV): headers matched tolerantly
 * (accents, case, spaces and synonyms aside), blank rows skipped, dates as text (2026-12-01,
 * 1/12/2026, 1 de diciembre de 2026) or as Excel serial numbers. Pure: the files are read in bot/.
 */
import { foldText } from './directory.js';
import { toIsoDate } from './quarter.js';
import type { IsoDate } from './types.js';

/** A cell as a reader gives it. */
export type Cell = string | number | boolean | Date | null;

/** A sheet: its header row and its rows with the row number a person sees in Excel (1-based). */
export interface RawSheet {
  name: string;
  header: Cell[];
  rows: Array<{ row: number; cells: Cell[] }>;
}

export interface TableRow<K extends string> {
  row: number;
  get(key: K): Cell;
  text(key: K): string;
}

export interface Table<K extends string> {
  rows: TableRow<K>[];
  /** Columns of the sheet that none of the keys claims (reported, otherwise ignored). */
  extra: string[];
  /** Keys required and not found. */
  missing: K[];
}

/** The header of a column without accents, case, punctuation or spaces. */
export const headerKey = (h: Cell): string => foldText(cellText(h)).replace(/[^a-z0-9]+/g, '');

/** A cell as the text a person typed (numbers without a thousands separator, dates ISO). */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : toIsoDate(c);
  if (typeof c === 'number') return Number.isInteger(c) ? String(c) : String(c);
  if (typeof c === 'boolean') return c ? 'sí' : 'no';
  return String(c).replace(/\u00a0/g, ' ').trim();
}

/**
 * The sheet's rows under named keys: each key lists the header names that mean it (already as
 * `headerKey`s); blank rows are left out.
 */
export function readTable<K extends string>(sheet: RawSheet, columns: Record<K, readonly string[]>, required: readonly K[]): Table<K> {
  const index = new Map<K, number>();
  const headers = sheet.header.map(headerKey);
  for (const [key, names] of Object.entries(columns) as Array<[K, readonly string[]]>) {
    const i = headers.findIndex((h) => h !== '' && names.includes(h));
    if (i >= 0) index.set(key, i);
  }
  const claimed = new Set(index.values());
  const extra = sheet.header.flatMap((h, i) => (claimed.has(i) || cellText(h) === '' ? [] : [cellText(h)]));
  const missing = required.filter((k) => !index.has(k));
  const rows = sheet.rows
    .filter((r) => r.cells.some((c) => cellText(c) !== ''))
    .map((r): TableRow<K> => {
      const get = (key: K): Cell => {
        const i = index.get(key);
        return i === undefined ? null : (r.cells[i] ?? null);
      };
      return { row: r.row, get, text: (key) => cellText(get(key)) };
    });
  return { rows, extra, missing };
}

const MONTHS: Record<string, number> = { enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9, octubre: 10, noviembre: 11, diciembre: 12, ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, sept: 9, oct: 10, nov: 11, dic: 12, jan: 1, apr: 4, aug: 8, dec: 12 };

function isoOf(y: number, m: number, d: number): IsoDate | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return toIsoDate(date);
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug already counted in). */
export function excelSerialDate(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  return toIsoDate(new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000));
}

/**
 * A date from a cell: a Date, an Excel serial (a number, or digits typed as text), ISO
 * (2026-12-01, with or without a time), day first as Colombia writes it (1/12/2026, 01-12-2026),
 * or in words (1 de diciembre de 2026, 1-dic-2026). Null when empty; undefined when unreadable.
 */
export function cellDate(c: Cell): IsoDate | null | undefined {
  if (c === null || c === '') return null;
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? undefined : toIsoDate(c);
  if (typeof c === 'number') return excelSerialDate(c) ?? undefined;
  const t = cellText(c);
  if (t === '') return null;
  if (/^\d{4,6}(\.\d+)?$/.test(t)) return excelSerialDate(Number(t)) ?? undefined;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  m = /^(\d{1,2})(?:\s+de\s+|[\s/.-]+)([a-záéíóú]+)\.?(?:\s+de\s+|[\s/.-]+)(\d{4})$/i.exec(foldText(t));
  if (m && MONTHS[m[2]!]) return isoOf(Number(m[3]), MONTHS[m[2]!]!, Number(m[1])) ?? undefined;
  return undefined;
}

/** «sí», «si», «x», «1», «activo», «verdadero», true → true; «no», «0», «inactivo», «falso», false → false; empty → the default. */
export function cellYesNo(c: Cell, fallback: boolean): boolean | undefined {
  if (typeof c === 'boolean') return c;
  const t = foldText(cellText(c));
  if (t === '') return fallback;
  if (['si', 's', 'x', '1', 'activo', 'activa', 'verdadero', 'true', 'yes', 'vigente'].includes(t)) return true;
  if (['no', 'n', '0', 'inactivo', 'inactiva', 'falso', 'false', 'desactivada', 'desactivado'].includes(t)) return false;
  return undefined;
}

/** A number from a cell (1.234,5 and 1,234.5 and 45 % read as people write them); undefined when unreadable, null when empty. */
export function cellNumber(c: Cell): number | null | undefined {
  if (c === null || c === '') return null;
  if (typeof c === 'number') return Number.isFinite(c) ? c : undefined;
  let t = cellText(c).replace(/\s|%/g, '');
  if (t === '') return null;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else t = t.replace(',', '.');
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}
