import ExcelJS from 'exceljs';
import PptxGenJS from 'pptxgenjs';
import { DIFFERENTIAL_CATEGORIES, FLAT_FILE_COLUMNS, LOCALIDADES, formatCompliance, formatNumber, peiMethodology, type PeiIndicatorRow, type PeiReportView, type ValidationRoundView } from '@okr/core';

export { XLSX_TYPE } from '../plan/planXlsx.js';
export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/**
 * The PEI at a cut-off as files: an .xlsx with seed 002's tables (each objective's figure, then
 * its indicators), and a presentation (.pptx) laid out like seed 002's pages — cover, methodology,
 * the objectives' figures, one slide per objective with its table and notes, the control de cambios.
 * The flat file's template for the areas is here too. Labels live with their layout (as the
 * plan de gestión's formats do).
 */

const esDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const pct = (v: number | null) => (v === null ? '—' : formatCompliance(v));
const num = (v: number | null) => (v === null ? '—' : formatNumber(v));
const stateNote = (r: PeiIndicatorRow) => (r.state === 'validated' ? '' : r.state === 'pending' ? ' (sin reporte)' : ' (en validación: no cuenta)');
const statusCell = (r: PeiIndicatorRow) => `${r.figures.status.text}${r.analysis ? `: ${r.analysis}` : ''}${stateNote(r)}`;
const fileBase = (r: PeiReportView) => `PEI_${r.plan.id}_${r.cutoff}`;
const COLUMNS = (year: number) => ['Nombre indicador', 'Referencia', `Programación ${year}`, 'Programación al corte', 'Magnitud ejecutada al corte', 'Porcentaje avance al corte', 'Estado'];

export async function peiWorkbook(r: PeiReportView): Promise<{ bytes: Buffer; fileName: string }> {
  const book = new ExcelJS.Workbook();
  book.creator = 'OKR SDG';
  const sheet = book.addWorksheet('Plan estratégico');
  sheet.columns = [{ width: 70 }, { width: 34 }, { width: 16 }, { width: 16 }, { width: 18 }, { width: 16 }, { width: 60 }];
  sheet.addRow([`${r.plan.name} · ${r.plan.entity}`]).font = { bold: true, size: 14 };
  sheet.addRow([`Seguimiento al corte ${esDate(r.cutoff)}`]);
  sheet.addRow([]);
  const summary = sheet.addRow(['Objetivo estratégico', '', '', '', '', 'Cumplimiento al corte']);
  summary.font = { bold: true };
  for (const o of r.objectives) sheet.addRow([`Objetivo ${o.number}. ${o.title}`, '', '', '', '', o.compliance === null ? '—' : o.compliance]).getCell(6).numFmt = '0.00%';
  for (const o of r.objectives) {
    sheet.addRow([]);
    const head = sheet.addRow([`Objetivo ${o.number}. Indicadores`, '', '', '', '', o.compliance === null ? '—' : o.compliance]);
    head.font = { bold: true };
    head.getCell(6).numFmt = '0.00%';
    sheet.addRow([o.title]).font = { italic: true };
    const h = sheet.addRow(COLUMNS(r.year));
    h.font = { bold: true };
    h.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } }));
    for (const row of o.indicators) {
      const f = row.figures;
      const x = sheet.addRow([row.indicator.name, row.indicator.reference, f.annual, f.programmedAtCutoff, f.executed, f.percent, statusCell(row)]);
      x.getCell(6).numFmt = '0.00%';
      x.alignment = { wrapText: true, vertical: 'top' };
    }
    for (const n of o.notes) sheet.addRow([`Nota: ${n}`]).font = { italic: true, size: 9 };
  }
  const changes = book.addWorksheet('Control de cambios');
  changes.columns = [{ header: 'Versión', width: 20 }, { header: 'Cambio realizado', width: 120 }];
  changes.getRow(1).font = { bold: true };
  for (const c of r.changes) changes.addRow([c.version, c.description]).alignment = { wrapText: true };
  const method = book.addWorksheet('Metodología');
  method.getColumn(1).width = 120;
  for (const line of peiMethodology) method.addRow([line]).alignment = { wrapText: true };
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${fileBase(r)}.xlsx` };
}

const BLUE = '1F4E79';
const FONT = 'Segoe UI';

export async function peiPresentation(r: PeiReportView): Promise<{ bytes: Buffer; fileName: string }> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = r.plan.entity;
  pptx.title = `${r.plan.name} · seguimiento ${esDate(r.cutoff)}`;
  const title = (slide: PptxGenJS.Slide, text: string, sub?: string) => {
    slide.addShape(pptx.ShapeType.rect, { x: 0, y: 0, w: 13.33, h: 0.9, fill: { color: BLUE } });
    slide.addText(text, { x: 0.4, y: 0.12, w: 10.5, h: 0.66, fontFace: FONT, fontSize: 24, bold: true, color: 'FFFFFF' });
    if (sub) slide.addText(sub, { x: 10.3, y: 0.12, w: 2.8, h: 0.66, fontFace: FONT, fontSize: 12, color: 'FFFFFF', align: 'right' });
  };
  const cover = pptx.addSlide();
  cover.background = { color: BLUE };
  cover.addText('Plan Estratégico Institucional', { x: 0.8, y: 2.2, w: 11.7, h: 1, fontFace: FONT, fontSize: 40, bold: true, color: 'FFFFFF' });
  cover.addText(`Seguimiento ${esDate(r.cutoff)}`, { x: 0.8, y: 3.2, w: 11.7, h: 0.7, fontFace: FONT, fontSize: 26, color: 'FFFFFF' });
  cover.addText(`${r.plan.entity} · ${r.plan.name}`, { x: 0.8, y: 4.2, w: 11.7, h: 0.6, fontFace: FONT, fontSize: 16, color: 'DDE7F2' });

  const method = pptx.addSlide();
  title(method, 'Metodología de medición');
  method.addText(peiMethodology.map((t) => ({ text: t, options: { bullet: true, breakLine: true } })), { x: 0.8, y: 1.3, w: 11.7, h: 4.5, fontFace: FONT, fontSize: 18, color: '1B1B1B', paraSpaceAfter: 10 });

  const overview = pptx.addSlide();
  title(overview, 'Porcentaje de programación de los objetivos estratégicos', `Cumplimiento al corte: ${esDate(r.cutoff)}`);
  const cols = r.objectives.length > 6 ? 4 : 3;
  r.objectives.forEach((o, i) => {
    const x = 0.4 + (i % cols) * (12.5 / cols);
    const y = 1.2 + Math.floor(i / cols) * 3.0;
    const w = 12.5 / cols - 0.25;
    overview.addShape(pptx.ShapeType.roundRect, { x, y, w, h: 2.8, fill: { color: 'F3F6FA' }, line: { color: 'C8C8C8' }, rectRadius: 0.08 });
    overview.addText(`Objetivo ${o.number}`, { x: x + 0.15, y: y + 0.1, w: w - 0.3, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: BLUE });
    overview.addText(o.title, { x: x + 0.15, y: y + 0.5, w: w - 0.3, h: 1.5, fontFace: FONT, fontSize: 10, color: '1B1B1B', valign: 'top', fit: 'shrink' });
    overview.addText(pct(o.compliance), { x: x + 0.15, y: y + 2.0, w: w - 0.3, h: 0.7, fontFace: FONT, fontSize: 26, bold: true, color: o.compliance !== null && o.compliance < 1 - 1e-9 ? 'C0504D' : BLUE });
  });

  for (const o of r.objectives) {
    const s = pptx.addSlide();
    title(s, `Objetivo ${o.number}. Indicadores`, `Avance al corte ${esDate(r.cutoff)}`);
    s.addText(pct(o.compliance), { x: 0.4, y: 1.05, w: 2.4, h: 0.9, fontFace: FONT, fontSize: 34, bold: true, color: BLUE });
    s.addText(o.title, { x: 2.9, y: 1.05, w: 10, h: 0.9, fontFace: FONT, fontSize: 13, color: '1B1B1B', valign: 'middle', fit: 'shrink' });
    const header = COLUMNS(r.year).filter((_, i) => i !== 1).map((t) => ({ text: t, options: { bold: true, fill: { color: 'E8EEF5' }, fontSize: 10 } }));
    const rows = o.indicators.map((row) => [
      { text: `${row.indicator.name}\n${row.indicator.reference}`, options: { fontSize: 9 } },
      { text: num(row.figures.annual), options: { fontSize: 10, align: 'right' as const } },
      { text: num(row.figures.programmedAtCutoff), options: { fontSize: 10, align: 'right' as const } },
      { text: num(row.figures.executed), options: { fontSize: 10, align: 'right' as const } },
      { text: pct(row.figures.percent), options: { fontSize: 10, align: 'right' as const, bold: true } },
      { text: statusCell(row).slice(0, 420), options: { fontSize: 8 } },
    ]);
    s.addTable([header, ...rows], { x: 0.4, y: 2.1, w: 12.5, colW: [4.2, 1.3, 1.3, 1.4, 1.3, 3.0], fontFace: FONT, border: { type: 'solid', pt: 0.5, color: 'C8C8C8' }, autoPage: true, autoPageRepeatHeader: true });
    if (o.notes.length) s.addText(o.notes.map((n) => `Nota: ${n}`).join('\n'), { x: 0.4, y: 6.6, w: 12.5, h: 0.8, fontFace: FONT, fontSize: 9, italic: true, color: '444444', valign: 'top', fit: 'shrink' });
  }

  if (r.changes.length) {
    const c = pptx.addSlide();
    title(c, 'Control de cambios');
    c.addTable([[{ text: 'Versión', options: { bold: true, fill: { color: 'E8EEF5' } } }, { text: 'Cambio realizado', options: { bold: true, fill: { color: 'E8EEF5' } } }], ...r.changes.map((x) => [{ text: x.version }, { text: x.description }])], { x: 0.4, y: 1.2, w: 12.5, colW: [2.2, 10.3], fontFace: FONT, fontSize: 11, border: { type: 'solid', pt: 0.5, color: 'C8C8C8' }, autoPage: true });
  }
  const bytes = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { bytes: Buffer.from(bytes), fileName: `${fileBase(r)}.pptx` };
}

/** The flat file's template for a round: the area's indicators at its cut-off, a total row each and, for their breakdowns, a row per documented category. */
export function flatFileTemplate(round: ValidationRoundView): { bytes: Buffer; fileName: string } {
  const lines = [FLAT_FILE_COLUMNS.join(';')];
  const row = (...cells: string[]) => lines.push([...cells, ...Array(FLAT_FILE_COLUMNS.length - cells.length).fill('')].map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'));
  for (const item of round.items.filter((i) => i.source === 'pei' && i.canReport)) {
    const ref = item.indicator.reference;
    row(ref, item.cutoff, 'total', '', '', '', '', '', 'no', '');
    if (item.indicator.breakdown.locality) for (const l of LOCALIDADES) row(ref, item.cutoff, 'localidad', l, '');
    for (const d of item.indicator.breakdown.differential) for (const c of DIFFERENTIAL_CATEGORIES[d]) row(ref, item.cutoff, d, c, '');
  }
  return { bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`), fileName: `cifras_${round.cutoff}.csv` };
}
