import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { flatFileText } from '@okr/core';

/** The file is not a CSV or .xlsx we can read. */
export class FlatFileError extends Error {}

export interface FlatRows {
  rows: Array<Record<string, string>>;
  /** Numbers are written with a decimal comma («53,73», «1.474.056»). */
  decimalComma: boolean;
}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads the flat file an area uploads (core/src/pei/flatFile.ts documents the layout) into rows of
 * text by header. CSV: UTF-8 (a BOM is dropped), «;» — as Excel writes CSV in es-CO, then numbers
 * carry a decimal comma — or «,» with a decimal point. .xlsx: the first sheet, headers in row 1;
 * number cells are written back with a decimal comma and date cells as AAAA-MM-DD.
 */
export async function readFlatFile(bytes: Buffer, fileName: string): Promise<FlatRows> {
  if (bytes.subarray(0, 4).equals(XLSX_MAGIC) || /\.xlsx$/i.test(fileName)) return readXlsx(bytes);
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new FlatFileError(flatFileText.unreadable);
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    const rows = parse(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, relax_column_count: true }) as Array<Record<string, string>>;
    return { rows, decimalComma: delimiter === ';' };
  } catch {
    throw new FlatFileError(flatFileText.unreadable);
  }
}

async function readXlsx(bytes: Buffer): Promise<FlatRows> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new FlatFileError(flatFileText.unreadable);
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new FlatFileError(flatFileText.empty);
  const text = (v: ExcelJS.CellValue): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') return String(v).replace('.', ',');
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object' && 'result' in v) return text(v.result as ExcelJS.CellValue);
    if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
    if (typeof v === 'object' && 'text' in v) return String(v.text);
    return String(v);
  };
  const headers: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (headers[col - 1] = text(cell.value).trim()));
  const rows: Array<Record<string, string>> = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const out: Record<string, string> = {};
    headers.forEach((h, i) => h && (out[h] = text(row.getCell(i + 1).value).trim()));
    rows.push(out);
  }
  return { rows, decimalComma: true };
}
