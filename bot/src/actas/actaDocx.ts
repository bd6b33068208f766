import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ITableCellOptions,
} from 'docx';
import { modalityLabels as MODALITY, plenariaKindLabels as KIND, type ActaContent, type ActaSignatures } from '@okr/core';

/** Format code and name of the SDG's meeting-evidence template (seed 000, activity 9). */
export const ACTA_FORMAT = { code: 'GDI-GPD-F029', name: 'EVIDENCIA DE REUNIÓN', entity: 'SECRETARÍA DISTRITAL DE GOBIERNO' } as const;

const FONT = 'Arial';

const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new TextRun({ text, font: FONT, size: opts.size ?? 20, bold: opts.bold ?? false });
const para = (text: string, opts: { bold?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ children: [run(text, opts)], ...(opts.align ? { alignment: opts.align } : {}), spacing: { after: 80 } });
const cell = (text: string, opts: Partial<ITableCellOptions> & { bold?: boolean; shade?: boolean } = {}) =>
  new TableCell({
    children: text.split('\n').map((line) => para(line, { bold: opts.bold ?? false })),
    ...(opts.shade ? { shading: { fill: 'D9E2F3' } } : {}),
    ...(opts.columnSpan ? { columnSpan: opts.columnSpan } : {}),
    ...(opts.rowSpan ? { rowSpan: opts.rowSpan } : {}),
  });
const table = (rows: TableRow[]) => new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
const heading = (n: number, text: string) => new Paragraph({ children: [run(`${n}. ${text}`, { bold: true, size: 22 })], spacing: { before: 240, after: 120 }, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '1F3864' } } });
const bullets = (items: string[], empty: string) => (items.length === 0 ? [para(empty)] : items.map((i) => para(`• ${i}`)));
const grid = (header: string[], rows: string[][], empty: string) =>
  table([new TableRow({ children: header.map((h) => cell(h, { bold: true, shade: true })), tableHeader: true }), ...(rows.length === 0 ? [new TableRow({ children: [cell(empty, { columnSpan: header.length })] })] : rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })))]);

function signedLine(signature: ActaSignatures['secretary']): string {
  if (!signature) return 'Pendiente de firma';
  const at = new Date(new Date(signature.at).getTime() - 5 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return `Firmado electrónicamente en Microsoft Teams el ${at} (hora de Bogotá)`;
}

/**
 * The acta as a Word document laid out like format GDI-GPD-F029 ("Evidencia de reunión"): the
 * format's header block, general information, objective, attendees, agenda, development, OKR
 * results reviewed (or proposals, for dialogue sessions), CFR, decisions, commitments and signatures.
 */
export async function actaDocx(acta: ActaContent, signatures: ActaSignatures): Promise<Buffer> {
  const p = acta.plenaria;
  const isDialogue = p.kind === 'dialogo';
  let n = 0;
  const section = (title: string) => heading(++n, title);
  const header = table([
    new TableRow({
      children: [
        cell(ACTA_FORMAT.entity, { bold: true, rowSpan: 2 }),
        cell(ACTA_FORMAT.name, { bold: true, shade: true }),
        cell(`Código: ${ACTA_FORMAT.code}`, { bold: true }),
      ],
    }),
    new TableRow({ children: [cell(`${KIND[p.kind]} · Gestión del Desarrollo Institucional`), cell(`Versión del acta: ${acta.version}`)] }),
  ]);
  const doc = new Document({
    creator: 'OKR SDG',
    title: `${ACTA_FORMAT.code} ${KIND[p.kind]} ${acta.unitName} ${p.date}`,
    description: ACTA_FORMAT.name,
    sections: [
      {
        headers: { default: new Header({ children: [header] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`${ACTA_FORMAT.code} · Página `, { size: 16 }), new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: 16 })] })],
          }),
        },
        children: [
          para(''),
          section('Información general'),
          table([
            new TableRow({ children: [cell('Dependencia', { bold: true, shade: true }), cell(acta.unitName, { columnSpan: 3 })] }),
            new TableRow({ children: [cell('Tipo de reunión', { bold: true, shade: true }), cell(KIND[p.kind]), cell('Modalidad', { bold: true, shade: true }), cell(MODALITY[p.modality])] }),
            new TableRow({ children: [cell('Fecha', { bold: true, shade: true }), cell(p.date), cell('Hora', { bold: true, shade: true }), cell(`${acta.startTime} a ${acta.endTime}`)] }),
            new TableRow({ children: [cell(p.modality === 'presencial' ? 'Lugar' : 'Lugar / enlace', { bold: true, shade: true }), cell(p.location, { columnSpan: 3 })] }),
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
            : [section('Resultados de los OKR revisados'), grid(['Objetivo', 'Resultado clave', 'Avance', 'Estado'], acta.okrResults.map((r) => [r.objective, r.keyResult, r.progress, r.status]), 'Sin resultados registrados')]),
          section('Conversaciones, retroalimentación y reconocimientos (CFR)'),
          para('Conversaciones', { bold: true }),
          para(acta.cfr.conversations || '—'),
          para('Retroalimentación', { bold: true }),
          para(acta.cfr.feedback || '—'),
          para('Reconocimientos', { bold: true }),
          grid(['A quién', 'Motivo'], acta.cfr.recognitions.map((r) => [r.to, r.reason]), 'Sin reconocimientos'),
          section('Decisiones'),
          ...bullets(acta.decisions, 'Sin decisiones registradas'),
          section('Compromisos'),
          grid(['Tarea', 'Responsable', 'Fecha'], acta.commitments.map((c) => [c.task, c.owner, c.due]), 'Sin compromisos'),
          section('Firmas'),
          table([
            new TableRow({ children: [cell('Preside', { bold: true, shade: true }), cell('Secretario/a', { bold: true, shade: true })] }),
            new TableRow({
              children: [cell(`${acta.presiding.name}\n${acta.presiding.title}\n${signedLine(signatures.presiding)}`), cell(`${acta.secretary.name}\n${acta.secretary.title}\n${signedLine(signatures.secretary)}`)],
            }),
          ]),
          para(''),
          para('Copia para la Oficina Asesora de Planeación dentro de los ocho (8) días hábiles siguientes a la plenaria.', { size: 16 }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
