/**
 * The flat file an area uploads with its figures (seed 003: «se carga … en archivos planos»): CSV
 * (UTF-8; «;» with decimal comma as Excel writes it in es-CO, or «,» with decimal point) or .xlsx,
 * one row per value, long format:
 *
 * | indicador | corte | desagregacion | categoria | valor | numerador | denominador | analisis | analisis_publico | explicacion_variacion |
 *
 * `indicador`: the indicator's id or its reference («Indicador sectorial 545»); `corte`: the cut-off
 * (2026-09-30 or 30/09/2026); `desagregacion`: `total` (the figure, with its variables and texts) or
 * a breakdown — `localidad`, `sexo`, `grupo_etario`, `etnia`, `discapacidad`, `victima` — with its
 * `categoria` (a name of the documented lists); `valor`: the number. Headers in any order, accents
 * and case ignored. The bot reads the file into rows of text; this reads the rows.
 */
import { normalizeName } from './lists.js';
import { isCalendarDate } from '../quarter.js';
import { flatFileText as t } from '../i18n/es-CO/pei.js';
import type { DifferentialDimension, PeiIndicator, ReportedFigures } from './types.js';

export const FLAT_FILE_COLUMNS = ['indicador', 'corte', 'desagregacion', 'categoria', 'valor', 'numerador', 'denominador', 'analisis', 'analisis_publico', 'explicacion_variacion'] as const;
const REQUIRED = ['indicador', 'corte', 'desagregacion', 'valor'] as const;
export const BREAKDOWN_NAMES = ['total', 'localidad', 'sexo', 'grupo_etario', 'etnia', 'discapacidad', 'victima'] as const;

/** One indicator's report read from the file. */
export interface FlatReport {
  indicatorId: string;
  cutoff: string;
  figures: ReportedFigures;
  analysis: string;
  analysisPublic: boolean;
  jumpExplanation: string;
}

const key = (s: string) => normalizeName(s).replace(/[\s-]+/g, '_');

/**
 * A number as typed: with `decimalComma` «1.474.056» and «53,73»; otherwise «1474056» and
 * «53.73». Spaces and a trailing «%» are ignored; anything else is not a number.
 */
export function parseNumber(text: string, decimalComma: boolean): number | null {
  let s = text.trim().replace(/\s|%$/g, '');
  if (s === '') return null;
  if (decimalComma) s = s.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return Number.NaN;
  return Number(s);
}

function parseDate(text: string): string | null {
  const s = text.trim();
  if (isCalendarDate(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (!m) return null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * The reports in the file's rows (already split into cells by header). Every row is checked; any
 * error refuses the whole file, each with its row number (the header is row 1), so nothing
 * half-read is stored.
 */
export function readFlatRows(
  rows: ReadonlyArray<Record<string, string>>,
  indicators: readonly PeiIndicator[],
  options: { decimalComma: boolean },
): { reports: FlatReport[]; errors: string[] } {
  const errors: string[] = [];
  if (rows.length === 0) return { reports: [], errors: [t.empty] };
  const headers = new Map(Object.keys(rows[0]!).map((h) => [key(h), h]));
  const missing = REQUIRED.filter((c) => !headers.has(c));
  if (missing.length) return { reports: [], errors: [t.missingColumns(missing, FLAT_FILE_COLUMNS)] };
  const cell = (row: Record<string, string>, name: string) => (headers.has(name) ? String(row[headers.get(name)!] ?? '').trim() : '');
  const byRef = new Map(indicators.flatMap((i) => [[key(i.id), i] as const, [key(i.reference), i] as const]));
  const out = new Map<string, FlatReport>();
  rows.forEach((row, index) => {
    const n = index + 2;
    if (Object.values(row).every((v) => !String(v ?? '').trim())) return;
    const indicator = byRef.get(key(cell(row, 'indicador')));
    if (!indicator) return errors.push(t.unknownIndicator(n, cell(row, 'indicador')));
    const cutoff = parseDate(cell(row, 'corte'));
    if (!cutoff) return errors.push(t.badDate(n, cell(row, 'corte')));
    const kind = key(cell(row, 'desagregacion') || 'total') as (typeof BREAKDOWN_NAMES)[number];
    if (!BREAKDOWN_NAMES.includes(kind)) return errors.push(t.badBreakdown(n, cell(row, 'desagregacion'), BREAKDOWN_NAMES));
    const value = parseNumber(cell(row, 'valor'), options.decimalComma);
    if (value !== null && (Number.isNaN(value) || value < 0)) return errors.push(t.badNumber(n, cell(row, 'valor')));
    const id = `${indicator.id}|${cutoff}`;
    if (out.size && ![...out.values()].some((r) => r.cutoff === cutoff)) return errors.push(t.twoCutoffs(n));
    const report = out.get(id) ?? { indicatorId: indicator.id, cutoff, figures: { executed: null, numerator: null, denominator: null, localities: null, differential: {} }, analysis: '', analysisPublic: false, jumpExplanation: '' };
    out.set(id, report);
    if (kind === 'total') {
      if (report.figures.executed !== null) return errors.push(t.twoTotals(n, indicator.reference));
      const numerator = parseNumber(cell(row, 'numerador'), options.decimalComma);
      const denominator = parseNumber(cell(row, 'denominador'), options.decimalComma);
      if ([numerator, denominator].some((v) => v !== null && (Number.isNaN(v) || v < 0))) return errors.push(t.badVariables(n));
      report.figures = { ...report.figures, executed: value, numerator, denominator };
      report.analysis = cell(row, 'analisis');
      report.analysisPublic = ['si', 'sí', 'x', 'true', '1', 'publico', 'público'].includes(normalizeName(cell(row, 'analisis_publico')));
      report.jumpExplanation = cell(row, 'explicacion_variacion');
      return;
    }
    const category = cell(row, 'categoria');
    // A breakdown row left empty (as the template comes) says nothing.
    if (value === null) return;
    if (!category) return errors.push(t.noCategory(n));
    if (kind === 'localidad') report.figures.localities = { ...(report.figures.localities ?? {}), [category]: (report.figures.localities?.[category] ?? 0) + value };
    else {
      const dim = kind as DifferentialDimension;
      report.figures.differential = { ...report.figures.differential, [dim]: { ...(report.figures.differential[dim] ?? {}), [category]: (report.figures.differential[dim]?.[category] ?? 0) + value } };
    }
  });
  for (const r of out.values()) if (r.figures.executed === null) errors.push(t.noTotal(indicators.find((i) => i.id === r.indicatorId)!.reference));
  return { reports: errors.length ? [] : [...out.values()], errors };
}
