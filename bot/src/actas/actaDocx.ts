import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellOptions,
} from 'docx';
import { actaResultsSection, modalityLabels as MODALITY, plenariaKindLabels as KIND, type ActaContent, type ActaSignatures } from '@okr/core';

/**
 * The SDG's meeting-evidence template (seed 000, activity 9, and its related documents). The form's
 * own version and validity date are not in the seeds: these are those of the procedure that adopts it
 * (version 01 of 14 September 2023); change them here when the OAP publishes a new version of F029.
 */
export const ACTA_FORMAT = {
  code: 'GDI-GPD-F029',
  name: 'EVIDENCIA DE REUNIÓN',
  entity: 'SECRETARÍA DISTRITAL DE GOBIERNO',
  process: 'Gestión del Desarrollo Institucional',
  version: '01',
  validFrom: '2023-09-14',
} as const;

const FONT = 'Arial';
/** Carta (US Letter, 215,9 × 279,4 mm), the size of Colombian public forms, in twips; margins of 2,5 cm. */
const CARTA = { width: 12240, height: 15840 } as const;
const MARGIN = 1418;

const longDate = new Intl.DateTimeFormat('es-CO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const bogotaDate = new Intl.DateTimeFormat('es-CO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'America/Bogota' });
const bogotaTime = new Intl.DateTimeFormat('es-CO', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'America/Bogota' });
/** An ISO day as Colombians write it: «20 de noviembre de 2026». */
export const esDate = (isoDate: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? longDate.format(new Date(`${isoDate}T12:00:00Z`)) : isoDate);

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: opts.size ?? 20, bold: opts.bold ?? false });
type ParaOptions = { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; keepNext?: boolean };
const para = (text: string, opts: ParaOptions = {}) =>
  new Paragraph({ children: [run(text, opts)], ...(opts.align ? { alignment: opts.align } : {}), keepNext: opts.keepNext ?? false, keepLines: opts.keepNext ?? false, spacing: { after: 80 } });
/** A table cell; `keepNext` holds its row to the next one (Word keeps a table together that way). */
const cell = (text: string, opts: Partial<ITableCellOptions> & { bold?: boolean; shade?: boolean; keepNext?: boolean } = {}) =>
  new TableCell({
    children: text.split('\n').map((line) => para(line, { bold: opts.bold ?? false, keepNext: opts.keepNext ?? false })),
    ...(opts.shade ? { shading: { fill: 'D9E2F3' } } : {}),
    ...(opts.columnSpan ? { columnSpan: opts.columnSpan } : {}),
    ...(opts.rowSpan ? { rowSpan: opts.rowSpan } : {}),
  });
/** Rows never split across pages. */
const row = (children: TableCell[], opts: { header?: boolean } = {}) => new TableRow({ children, cantSplit: true, ...(opts.header ? { tableHeader: true } : {}) });
const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
/** A section title, kept on the page of what follows it. */
const heading = (n: number, text: string) =>
  new Paragraph({ children: [run(`${n}. ${text}`, { bold: true, size: 22 })], keepNext: true, keepLines: true, spacing: { before: 240, after: 120 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F3864' } } });
const label = (text: string) => para(text, { bold: true, keepNext: true });
const bullets = (items: string[], empty: string) => (items.length === 0 ? [para(empty)] : items.map((i) => para(`• ${i}`)));
/** A table with a header row repeated on each page; the header stays with the first row. */
const grid = (header: string[], rows: string[][], empty: string) =>
  table([
    row(header.map((h) => cell(h, { bold: true, shade: true, keepNext: true })), { header: true }),
    ...(rows.length === 0 ? [row([cell(empty, { columnSpan: header.length })])] : rows.map((r) => row(r.map((c) => cell(c))))),
  ]);

function signedLine(signature: ActaSignatures['secretary']): string {
  if (!signature) return 'Pendiente de firma';
  const at = new Date(signature.at);
  return `Firmado electrónicamente en Microsoft Teams el ${bogotaDate.format(at)} a las ${bogotaTime.format(at)} (hora de Bogotá)`;
}

/**
 * The acta as a Word document laid out like format GDI-GPD-F029 ("Evidencia de reunión"): the
 * format's header block, general information, objective, attendees, agenda, development, OKR
 * results reviewed (or proposals, for dialogue sessions), CFR, decisions, commitments and signatures.
 */
export async function actaDocx(acta: ActaContent, signatures: ActaSignatures): Promise<Buffer> {
  const p = acta.plenaria;
  const isDialogue = p.kind === 'dialogo';
  const results = actaResultsSection[p.kind] ?? actaResultsSection.menor;
  let n = 0;
  const section = (title: string) => heading(++n, title);
  const header = table([
    row([cell(ACTA_FORMAT.entity, { bold: true, rowSpan: 3 }), cell(`PROCESO: ${ACTA_FORMAT.process.toUpperCase()}`, { bold: true }), cell(`Código: ${ACTA_FORMAT.code}`, { bold: true })]),
    row([cell(`FORMATO: ${ACTA_FORMAT.name}`, { bold: true, shade: true }), cell(`Versión: ${ACTA_FORMAT.version}`)]),
    row([cell(`${KIND[p.kind]} · Acta versión ${acta.documentVersion}`), cell(`Vigencia desde: ${esDate(ACTA_FORMAT.validFrom)}`)]),
  ]);
  const doc = new Document({
    creator: 'OKR SDG',
    title: `${ACTA_FORMAT.code} ${KIND[p.kind]} ${acta.unitName} ${p.date}`,
    description: ACTA_FORMAT.name,
    sections: [
      {
        properties: { page: { size: { ...CARTA, orientation: PageOrientation.PORTRAIT }, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN, header: 567, footer: 567 } } },
        headers: { default: new Header({ children: [header] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`${ACTA_FORMAT.code} · Versión ${ACTA_FORMAT.version} · Página `, { size: 16 }), new TextRun({ children: [PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES], font: FONT, size: 16 })] })],
          }),
        },
        children: [
          para(''),
          section('Información general'),
          table([
            row([cell('Dependencia', { bold: true, shade: true }), cell(acta.unitName, { columnSpan: 3 })]),
            row([cell('Tipo de reunión', { bold: true, shade: true }), cell(KIND[p.kind]), cell('Modalidad', { bold: true, shade: true }), cell(MODALITY[p.modality])]),
            row([cell('Fecha', { bold: true, shade: true }), cell(esDate(p.date)), cell('Hora', { bold: true, shade: true }), cell(`${acta.startTime} a ${acta.endTime}`)]),
            row([cell(p.modality === 'presencial' ? 'Lugar' : 'Lugar / enlace', { bold: true, shade: true }), cell(p.location, { columnSpan: 3 })]),
          ]),
          section('Objetivo'),
          para(acta.objective),
          section('Asistentes'),
          grid(['Nombre', 'Cargo / rol'], [...acta.attendees.map((a) => [a.name, a.role]), ...acta.guests.map((g) => [g, 'Invitado/a'])], 'Sin asistentes registrados'),
          section('Orden del día'),
          ...bullets(acta.agenda, 'Sin orden del día'),
          section('Desarrollo'),
          ...acta.development.split('\n').map((line) => para(line)),
          ...(isDialogue
            ? [section('Propuestas'), ...bullets(acta.proposals, 'Sin propuestas registradas')]
            : [section(results.title), grid([...results.columns], acta.okrResults.map((r) => [r.objective, r.keyResult, r.progress, r.status]), 'Sin resultados registrados')]),
          section('Conversaciones, retroalimentación y reconocimientos (CFR)'),
          label('Conversaciones'),
          para(acta.cfr.conversations || '—'),
          label('Retroalimentación'),
          para(acta.cfr.feedback || '—'),
          label('Reconocimientos'),
          grid(['A quién', 'Motivo'], acta.cfr.recognitions.map((r) => [r.to, r.reason]), 'Sin reconocimientos'),
          section('Decisiones'),
          ...bullets(acta.decisions, 'Sin decisiones registradas'),
          section('Compromisos'),
          grid(['Tarea', 'Responsable', 'Fecha'], acta.commitments.map((c) => [c.task, c.owner, esDate(c.due)]), 'Sin compromisos'),
          section('Firmas'),
          // The signature block never splits: its first row is held to the second, and neither row breaks.
          table([
            row([cell('Preside', { bold: true, shade: true, keepNext: true }), cell('Secretario/a', { bold: true, shade: true, keepNext: true })]),
            row([cell(`${acta.presiding.name}\n${acta.presiding.title}\n${signedLine(signatures.presiding)}`), cell(`${acta.secretary.name}\n${acta.secretary.title}\n${signedLine(signatures.secretary)}`)]),
          ]),
          para(''),
          para('Copia para la Oficina Asesora de Planeación dentro de los ocho (8) días hábiles siguientes a la plenaria.', { size: 16 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
