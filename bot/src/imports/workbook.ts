/** Excel workbooks (exceljs): read into plain sheets for core, and written for the template and the export. */
import ExcelJS from 'exceljs';
import { importText as t, type Cell, type RawSheet } from '@okr/core';
import { checkArchive, ImportFileError } from './files.js';

/** What exceljs gives for a cell, as a plain value: formulas by their result, rich text and links by their text. */
function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('result' in value) return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('richText' in value) return (value as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
    if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/** The sheets of an .xlsx (checked against zip bombs first), each with its first row as the header. */
export async function readWorkbook(bytes: Buffer, fileName: string): Promise<RawSheet[]> {
  await checkArchive(bytes, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(t.unreadable(fileName));
  }
  return workbook.worksheets.map((ws) => {
    const rows: RawSheet['rows'] = [];
    let header: Cell[] = [];
    let headerRow = 0;
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: Cell[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, ws.columnCount); c++) cells.push(plain(row.getCell(c).value));
      // The header is the first row with text (a title row above it, or blank rows, are allowed).
      if (headerRow === 0) {
        header = cells;
        headerRow = number;
      } else rows.push({ row: number, cells });
    });
    return { name: ws.name, header, rows };
  });
}

export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Column widths in characters. */
  widths?: readonly number[];
  /** Shown as a note on the header cells. */
  notes?: readonly string[];
}

/** A workbook with a bold, frozen header row per sheet. */
export async function writeWorkbook(sheets: readonly SheetSpec[], meta: { title: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OKR SDG';
  workbook.title = meta.title;
  for (const spec of sheets) {
    const ws = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...spec.header]);
    for (const row of spec.rows) ws.addRow([...row]);
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    spec.header.forEach((_, i) => {
      ws.getColumn(i + 1).width = spec.widths?.[i] ?? Math.min(60, Math.max(12, spec.header[i]!.length + 4));
      if (spec.notes?.[i]) head.getCell(i + 1).note = spec.notes[i]!;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
