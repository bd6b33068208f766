import ExcelJS from 'exceljs';
import {
  kindLabels,
  milestoneLabels,
  periodLabel,
  quarterLabel,
  setStateLabels,
  statusLabels,
  unitMonthStateLabels,
  type QuarterSnapshot,
  type SnapshotKeyResult,
  type Status,
  type UnitMonthState,
} from '@okr/core';

/**
 * The «Reporte de cierre trimestral – Avances de OKR» (seed 000, activity 7.1) as an .xlsx workbook:
 * one sheet per level — Resumen, Unidades, Objetivos, Resultados clave, Check-ins — each with its
 * header row frozen, filters on it and Spanish column names; every figure read from the frozen
 * snapshot, never from live data. Times are Bogotá's (UTC−5).
 */

const STATUSES: Status[] = ['completado', 'en_curso', 'atrasado', 'en_riesgo', 'no_iniciado'];
const MONTH_STATES: UnitMonthState[] = ['cerrado', 'corregido', 'por_revisar', 'correccion_pedida', 'incompleto', 'sin_reportar'];

/** An ISO instant as a Bogotá wall-clock time for the sheet (Excel keeps no time zone). */
const bogota = (iso: string | null): Date | null => (iso ? new Date(Date.parse(iso) - 5 * 3_600_000) : null);
const level = (kind: 'central' | 'alcaldia') => (kind === 'central' ? 'Nivel central' : 'Alcaldía local');
const shown = (k: Pick<SnapshotKeyResult, 'kind'>, value: number | null) => (value === null ? null : k.kind === 'milestone' ? (value >= 1 ? milestoneLabels.done : milestoneLabels.notDone) : value);
const link = (url: string) => (/^https:\/\//i.test(url) ? { text: url, hyperlink: url } : url);

interface Column {
  header: string;
  key: string;
  width: number;
  format?: string;
}

/** A sheet with a bold, frozen header row and filters over its columns. */
function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, unknown>>): ExcelJS.Worksheet {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.format ? { style: { numFmt: c.format } } : {}) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) ws.addRow(row);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

const PERCENT = '0%';
const DATETIME = 'dd/mm/yyyy hh:mm';

/** Columns that several sheets share: the same name, key and width in each. */
const UNIT: Column = { header: 'Unidad', key: 'unit', width: 46 };
const PROGRESS: Column = { header: 'Avance', key: 'progress', width: 10, format: PERCENT };
const STATUS: Column = { header: 'Estado', key: 'status', width: 14 };
const KEY_RESULT: Column = { header: 'Resultado clave', key: 'title', width: 60 };
const COMMENT: Column = { header: 'Comentario', key: 'comment', width: 80 };
const EVIDENCE: Column = { header: 'Evidencia', key: 'evidence', width: 60 };

export async function quarterCloseXlsx(snapshot: QuarterSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'OKR SDG — Secretaría Distrital de Gobierno';
  workbook.created = new Date(snapshot.closedAt);
  const s = snapshot.summary;
  const months = snapshot.units.find((u) => u.months.length > 0)?.months.map((m) => m.period) ?? [];

  sheet(
    workbook,
    'Resumen',
    [
      { header: 'Indicador', key: 'label', width: 58 },
      { header: 'Valor', key: 'value', width: 28 },
    ],
    [
      { label: 'Trimestre', value: quarterLabel(snapshot.quarter) },
      { label: 'Estados con corte al', value: snapshot.asOf },
      { label: 'Cerrado por', value: snapshot.closedByName },
      { label: 'Cerrado el (hora de Bogotá)', value: bogota(snapshot.closedAt) },
      { label: 'Unidades', value: s.units },
      { label: 'Unidades del nivel central', value: s.central },
      { label: 'Alcaldías locales', value: s.alcaldias },
      { label: 'Unidades con set de OKR cargado', value: s.withSet },
      { label: 'Avance promedio del objetivo estratégico', value: s.averageProgress },
      ...STATUSES.map((st) => ({ label: `Objetivos estratégicos ${statusLabels[st].toLowerCase()}`, value: s.byStatus[st] })),
      { label: 'Unidades sin set cargado', value: s.byStatus.sin_set },
      { label: 'Resultados clave', value: s.keyResults },
      ...STATUSES.map((st) => ({ label: `Resultados clave ${statusLabels[st].toLowerCase()}`, value: s.keyResultsByStatus[st] })),
      { label: 'Meses con el reporte completo', value: s.completeMonths },
      { label: 'Meses por reportar en el trimestre', value: s.dueMonths },
      ...MONTH_STATES.map((st) => ({ label: `Meses en revisión: ${unitMonthStateLabels[st].toLowerCase()}`, value: s.monthsByState[st] })),
    ],
  ).eachRow((row, n) => {
    if (n > 1 && row.getCell(1).value === 'Avance promedio del objetivo estratégico') row.getCell(2).numFmt = PERCENT;
    if (n > 1 && row.getCell(1).value === 'Cerrado el (hora de Bogotá)') row.getCell(2).numFmt = DATETIME;
  });

  sheet(
    workbook,
    'Unidades',
    [
      UNIT,
      { header: 'Nivel', key: 'level', width: 16 },
      { header: 'Estado del set', key: 'set', width: 26 },
      { header: 'Objetivo institucional', key: 'io', width: 12 },
      { header: 'Objetivo estratégico', key: 'strategic', width: 60 },
      PROGRESS,
      STATUS,
      ...months.flatMap((p): Column[] => [
        { header: `Reporte de ${periodLabel(p)}`, key: `reported:${p}`, width: 14 },
        { header: `Revisión de ${periodLabel(p)}`, key: `state:${p}`, width: 18 },
        { header: `Revisó ${periodLabel(p)}`, key: `by:${p}`, width: 26 },
      ]),
    ],
    snapshot.units.map((u) => ({
      unit: u.unitName,
      level: level(u.kind),
      set: u.setState ? setStateLabels[u.setState] : 'Sin set',
      io: u.institutionalObjective,
      strategic: u.strategic?.title ?? null,
      progress: u.strategic?.progress ?? null,
      status: u.strategic ? statusLabels[u.strategic.status] : null,
      ...Object.fromEntries(
        u.months.flatMap((m) => [
          [`reported:${m.period}`, `${m.reported} de ${m.total}`],
          [`state:${m.period}`, unitMonthStateLabels[m.state]],
          [`by:${m.period}`, m.reviewedBy],
        ]),
      ),
    })),
  );

  sheet(
    workbook,
    'Objetivos',
    [
      UNIT,
      { header: 'Nivel del objetivo', key: 'level', width: 16 },
      { header: 'Objetivo', key: 'title', width: 70 },
      PROGRESS,
      STATUS,
    ],
    snapshot.units.flatMap((u) => [
      ...(u.strategic ? [{ unit: u.unitName, level: 'Estratégico', title: u.strategic.title, progress: u.strategic.progress, status: statusLabels[u.strategic.status] }] : []),
      ...u.tactical.map((o) => ({ unit: u.unitName, level: 'Táctico', title: o.title, progress: o.progress, status: statusLabels[o.status] })),
    ]),
  );

  sheet(
    workbook,
    'Resultados clave',
    [
      UNIT,
      { header: 'Objetivo táctico', key: 'objective', width: 44 },
      KEY_RESULT,
      { header: 'Tipo', key: 'kind', width: 12 },
      { header: 'Unidad de medida', key: 'uom', width: 16 },
      { header: 'Línea base', key: 'baseline', width: 12 },
      { header: 'Meta', key: 'target', width: 12 },
      { header: 'Valor final', key: 'value', width: 14 },
      { header: 'Mes del valor', key: 'period', width: 18 },
      PROGRESS,
      STATUS,
      COMMENT,
      EVIDENCE,
    ],
    snapshot.units.flatMap((u) =>
      u.keyResults.map((k) => ({
        unit: u.unitName,
        objective: k.objective,
        title: k.title,
        kind: kindLabels[k.kind],
        uom: k.unitOfMeasure,
        baseline: k.baseline,
        target: k.target,
        value: shown(k, k.value),
        period: k.period ? periodLabel(k.period) : 'Sin reporte',
        progress: k.progress,
        status: statusLabels[k.status],
        comment: k.comment,
        evidence: link(k.evidenceUrl),
      })),
    ),
  );

  sheet(
    workbook,
    'Check-ins',
    [
      UNIT,
      KEY_RESULT,
      { header: 'Mes', key: 'period', width: 18 },
      { header: 'Valor', key: 'value', width: 12 },
      COMMENT,
      EVIDENCE,
      { header: 'Reportó', key: 'author', width: 28 },
      { header: 'Última edición (hora de Bogotá)', key: 'at', width: 20, format: DATETIME },
      { header: 'Veces guardado', key: 'version', width: 10 },
    ],
    snapshot.units.flatMap((u) =>
      u.keyResults.flatMap((k) =>
        k.checkIns.map((c) => ({
          unit: u.unitName,
          title: k.title,
          period: periodLabel(c.period),
          value: shown(k, c.value),
          comment: c.comment,
          evidence: link(c.evidenceUrl),
          author: c.authorName,
          at: bogota(c.updatedAt),
          version: c.version,
        })),
      ),
    ),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
