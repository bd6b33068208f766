import ExcelJS from 'exceljs';
import {
  PROGRAMMING_TYPES,
  QUARTERS,
  figuresOf,
  programmingTypeLabels,
  type Meta,
  type MetaReport,
  type ProgrammingType,
  type Quarterly,
  type RankingView,
  type Unit,
} from '@okr/core';

/**
 * The plan de gestión's spreadsheets (seed 001): the F017 (central) and F018 (local) formats with
 * their formulation and quarterly follow-up columns, the Contraloría's CB-0404 «Indicadores de
 * gestión», and the Comité Institucional de Gestión y Desempeño's workbook. The formats' exact
 * columns are not public: these are derived from seed 001's lists (the meta's elements in policy 9,
 * activity 9's seven report fields) and documented in docs/adr/0010-plan-de-gestion.md. Each layout
 * is data (the column lists below): change a column there and both the export and the import follow.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const PLAN_FORMATS = {
  central: { code: 'PLE-PIN-F017', name: 'Formulación y seguimiento planes de gestión nivel central' },
  local: { code: 'PLE-PIN-F018', name: 'Formulación y seguimiento planes de gestión nivel local' },
} as const;

interface Column<T> {
  header: string;
  width: number;
  value: (row: T) => string | number | null;
}

const yesNo = (v: boolean) => (v ? 'Sí' : 'No');
const pct = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 10000);

/** What a formulation row shows of a meta. */
interface MetaRow {
  meta: Meta;
  objective: string;
  unitName: (id: string | null) => string;
}

/** The formulation columns, in order; the import reads a plan back from these same headers. */
export const FORMULATION_COLUMNS: ReadonlyArray<Column<MetaRow> & { key: string }> = [
  { key: 'order', header: 'N.º', width: 5, value: (r) => r.meta.order },
  { key: 'objective', header: 'Objetivo estratégico', width: 32, value: (r) => r.objective },
  { key: 'processObjective', header: 'Objetivo del proceso', width: 32, value: (r) => r.meta.processObjective },
  { key: 'statement', header: 'Meta', width: 44, value: (r) => r.meta.statement },
  { key: 'indicator', header: 'Nombre del indicador', width: 30, value: (r) => r.meta.indicator.name },
  { key: 'numerator', header: 'Numerador', width: 24, value: (r) => r.meta.indicator.numerator },
  { key: 'denominator', header: 'Denominador', width: 24, value: (r) => r.meta.indicator.denominator },
  { key: 'formula', header: 'Fórmula', width: 24, value: (r) => r.meta.indicator.formula },
  { key: 'unit', header: 'Unidad de medida', width: 14, value: (r) => r.meta.indicator.unit },
  { key: 'type', header: 'Tipo de programación', width: 14, value: (r) => programmingTypeLabels[r.meta.programmingType] },
  { key: 'total', header: 'Magnitud total', width: 12, value: (r) => r.meta.totalMagnitude },
  ...QUARTERS.map((q) => ({ key: `p${q}`, header: `Programado T${q}`, width: 12, value: (r: MetaRow) => r.meta.programmed[q - 1] ?? null })),
  { key: 'deliverables', header: 'Entregables', width: 30, value: (r) => r.meta.deliverables },
  { key: 'weight', header: 'Peso en el plan (%)', width: 10, value: (r) => r.meta.weight },
  { key: 'responsible', header: 'Dependencia responsable', width: 28, value: (r) => r.unitName(r.meta.responsibleUnitId) },
  { key: 'local', header: 'Meta local', width: 9, value: (r) => yesNo(r.meta.local) },
  { key: 'transversal', header: 'Meta transversal', width: 11, value: (r) => yesNo(r.meta.transversal) },
  { key: 'lead', header: 'Área que lidera y reporta', width: 28, value: (r) => r.unitName(r.meta.leadUnitId) },
  { key: 'supervisor', header: 'Dependencia que supervisa (alcaldías)', width: 28, value: (r) => r.unitName(r.meta.supervisorUnitId) },
];

/** Activity 9's seven fields of each quarter's follow-up, computed figures included. */
const FOLLOW_UP = (q: 1 | 2 | 3 | 4, reports: readonly MetaReport[]): Array<Column<MetaRow>> => {
  const of = (meta: Meta) => reports.find((r) => r.metaId === meta.id && r.quarter === q);
  return [
    { header: `T${q} Ejecución del trimestre`, width: 12, value: (r) => of(r.meta)?.correction?.corrected ?? of(r.meta)?.executed ?? null },
    { header: `T${q} % del trimestre`, width: 10, value: (r) => (of(r.meta) ? pct(figuresOf(r.meta, reports, q).quarterCompliance) : null) },
    { header: `T${q} Análisis del avance`, width: 36, value: (r) => of(r.meta)?.analysis ?? '' },
    { header: `T${q} Evidencia`, width: 30, value: (r) => of(r.meta)?.evidenceUrl ?? '' },
    { header: `T${q} Ejecución acumulada`, width: 12, value: (r) => (of(r.meta) ? figuresOf(r.meta, reports, q).executedCumulative : null) },
    { header: `T${q} % acumulado`, width: 10, value: (r) => (of(r.meta) ? pct(figuresOf(r.meta, reports, q).cumulativeCompliance) : null) },
    { header: `T${q} Análisis del resultado acumulado`, width: 36, value: (r) => of(r.meta)?.cumulativeAnalysis ?? '' },
  ];
};

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const FOLLOW_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF385723' } };

function table<T>(sheet: ExcelJS.Worksheet, firstRow: number, columns: ReadonlyArray<Column<T> & { fill?: ExcelJS.Fill }>, rows: readonly T[]): void {
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = c.width;
    const cell = sheet.getCell(firstRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = c.fill ?? HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  sheet.getRow(firstRow).height = 42;
  rows.forEach((row, r) => {
    columns.forEach((c, i) => {
      const cell = sheet.getCell(firstRow + 1 + r, i + 1);
      const v = c.value(row);
      cell.value = v;
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (/%/.test(c.header) && typeof v === 'number' && !/Peso/.test(c.header)) cell.numFmt = '0.00%';
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: firstRow, xSplit: 0 }];
}

function heading(sheet: ExcelJS.Worksheet, lines: Array<[string, string]>): number {
  lines.forEach(([label, value], i) => {
    sheet.getCell(i + 1, 1).value = label;
    sheet.getCell(i + 1, 1).font = { bold: true };
    sheet.getCell(i + 1, 2).value = value;
  });
  return lines.length + 2;
}

export interface PlanWorkbookInput {
  unit: Unit;
  year: number;
  planVersion: number;
  holaCase: string | null;
  stateLabel: string;
  metas: readonly Meta[];
  reports: readonly MetaReport[];
  objectives: ReadonlyArray<{ id: string; code: string; title: string }>;
  units: readonly Unit[];
}

/** A plan in its F017 (central) or F018 (local) format: formulation and the four quarters' follow-up. */
export async function planWorkbook(input: PlanWorkbookInput): Promise<{ bytes: Buffer; fileName: string }> {
  const format = input.unit.kind === 'alcaldia' ? PLAN_FORMATS.local : PLAN_FORMATS.central;
  const book = new ExcelJS.Workbook();
  book.creator = 'OKR SDG';
  const sheet = book.addWorksheet(format.code);
  const first = heading(sheet, [
    [format.code, format.name.toUpperCase()],
    ['Dependencia', input.unit.name],
    ['Vigencia', String(input.year)],
    ['Versión del plan', String(input.planVersion)],
    ['Caso HOLA', input.holaCase ?? 'Pendiente'],
    ['Estado', input.stateLabel],
  ]);
  const names = new Map(input.units.map((u) => [u.id, u.name]));
  const rows: MetaRow[] = [...input.metas]
    .sort((a, b) => a.order - b.order)
    .map((meta) => {
      const o = input.objectives.find((x) => x.id === meta.strategicObjectiveId);
      return { meta, objective: o ? `${o.code} ${o.title}` : '', unitName: (id) => (id ? (names.get(id) ?? id) : '') };
    });
  const columns = [
    ...FORMULATION_COLUMNS,
    { header: 'Estado de la meta', width: 14, value: (r: MetaRow) => (r.meta.eliminated ? 'Meta eliminada' : 'Vigente') },
    ...QUARTERS.flatMap((q) => FOLLOW_UP(q, input.reports).map((c) => ({ ...c, fill: FOLLOW_FILL }))),
  ];
  table(sheet, first, columns, rows);
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), fileName: `${format.code}_${input.unit.id}_${input.year}_v${input.planVersion}.xlsx` };
}

/** A meta read back from an F017/F018 sheet, before the rules check it. */
export type ImportedMeta = Omit<Meta, 'eliminated' | 'modifiedInVersion'>;

export class XlsxLayoutError extends Error {}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  return String(v);
};
const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Reads the metas of an .xlsx in the F017/F018 layout: the sheet whose row holds the formulation
 * columns' headers (in any order), every row below it with a meta. A file in another layout is a
 * XlsxLayoutError with a Spanish message naming what is missing; values that are not numbers where
 * numbers go come back as NaN, so the rules refuse them with the meta's name.
 */
export async function readPlanWorkbook(bytes: Buffer, ctx: { objectives: ReadonlyArray<{ id: string; code: string }>; units: readonly Unit[]; planUnitId: string }): Promise<ImportedMeta[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new XlsxLayoutError('El archivo no es un libro de Excel (.xlsx) válido.');
  }
  const wanted = FORMULATION_COLUMNS.map((c) => ({ key: c.key, header: norm(c.header) }));
  for (const sheet of book.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 30); r++) {
      const row = sheet.getRow(r);
      const at = new Map<string, number>();
      row.eachCell((cell, col) => {
        const found = wanted.find((w) => w.header === norm(cellText(cell.value)));
        if (found) at.set(found.key, col);
      });
      if (at.size < 5) continue;
      const missing = FORMULATION_COLUMNS.filter((c) => !at.has(c.key)).map((c) => `«${c.header}»`);
      if (missing.length) throw new XlsxLayoutError(`El archivo no tiene el formato PLE-PIN-F017/F018: faltan las columnas ${missing.join(', ')}.`);
      return readRows(sheet, r, at, ctx);
    }
  }
  throw new XlsxLayoutError('El archivo no tiene el formato PLE-PIN-F017/F018: no encontramos la fila de encabezados (N.º, Objetivo estratégico, Meta, Tipo de programación, Programado T1…).');
}

function readRows(sheet: ExcelJS.Worksheet, headerRow: number, at: Map<string, number>, ctx: { objectives: ReadonlyArray<{ id: string; code: string }>; units: readonly Unit[]; planUnitId: string }): ImportedMeta[] {
  const metas: ImportedMeta[] = [];
  const byName = new Map(ctx.units.map((u) => [norm(u.name), u.id]));
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (key: string) => cellText(row.getCell(at.get(key)!).value).trim();
    const number = (key: string): number | null => {
      const raw = row.getCell(at.get(key)!).value;
      if (raw === null || raw === undefined || cellText(raw).trim() === '') return null;
      if (typeof raw === 'number') return raw;
      const s = cellText(raw).trim().replace(/\s|%$/g, '');
      const n = Number(s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : s);
      return Number.isFinite(n) ? n : Number.NaN;
    };
    const statement = get('statement');
    if (!statement && !get('indicator')) continue;
    const objectiveText = norm(get('objective'));
    const objective = ctx.objectives.find((o) => objectiveText === norm(o.code) || objectiveText.startsWith(`${norm(o.code)} `));
    const typeText = norm(get('type'));
    const type = PROGRAMMING_TYPES.find((t) => norm(programmingTypeLabels[t]) === typeText || t === typeText) as ProgrammingType | undefined;
    const unitId = (key: string) => {
      const v = norm(get(key));
      return v ? (byName.get(v) ?? ctx.units.find((u) => u.id === get(key))?.id ?? `desconocida: ${get(key)}`) : null;
    };
    metas.push({
      id: `m${metas.length + 1}`,
      order: metas.length + 1,
      statement,
      strategicObjectiveId: objective?.id ?? (objectiveText ? `desconocido: ${get('objective')}` : ''),
      processObjective: get('processObjective'),
      indicator: { name: get('indicator'), numerator: get('numerator'), denominator: get('denominator'), formula: get('formula'), unit: get('unit') },
      programmingType: type ?? ('' as ProgrammingType),
      totalMagnitude: number('total') ?? Number.NaN,
      programmed: QUARTERS.map((q) => number(`p${q}`)) as Quarterly,
      deliverables: get('deliverables'),
      weight: number('weight') ?? 0,
      responsibleUnitId: unitId('responsible') ?? ctx.planUnitId,
      local: norm(get('local')) === 'si',
      transversal: norm(get('transversal')) === 'si',
      leadUnitId: unitId('lead'),
      supervisorUnitId: unitId('supervisor'),
    });
  }
  return metas;
}

export interface Cb0404Row {
  unit: Unit;
  meta: Meta;
  reports: readonly MetaReport[];
  objective: string;
}

/**
 * The year's consolidation for the Contraloría de Bogotá's CB-0404 «Indicadores de gestión»
 * (activity 14): one row per indicator of every plan in force, with its formula, programmed and
 * executed magnitudes and the year's compliance at the last reported quarter.
 */
export const CB0404_COLUMNS: ReadonlyArray<Column<Cb0404Row>> = [
  { header: 'Vigencia', width: 9, value: () => null },
  { header: 'Dependencia', width: 30, value: (r) => r.unit.name },
  { header: 'Nivel', width: 10, value: (r) => (r.unit.kind === 'alcaldia' ? 'Local' : 'Central') },
  { header: 'Objetivo estratégico', width: 30, value: (r) => r.objective },
  { header: 'Nombre del indicador', width: 30, value: (r) => r.meta.indicator.name },
  { header: 'Meta', width: 40, value: (r) => r.meta.statement },
  { header: 'Fórmula del indicador', width: 28, value: (r) => r.meta.indicator.formula },
  { header: 'Numerador', width: 22, value: (r) => r.meta.indicator.numerator },
  { header: 'Denominador', width: 22, value: (r) => r.meta.indicator.denominator },
  { header: 'Unidad de medida', width: 12, value: (r) => r.meta.indicator.unit },
  { header: 'Tipo de programación', width: 12, value: (r) => programmingTypeLabels[r.meta.programmingType] },
  { header: 'Magnitud programada en la vigencia', width: 14, value: (r) => r.meta.totalMagnitude },
  { header: 'Magnitud ejecutada en la vigencia', width: 14, value: (r) => figuresOf(r.meta, r.reports, lastReported(r)).executedCumulative },
  { header: '% de cumplimiento de la vigencia', width: 12, value: (r) => pct(figuresOf(r.meta, r.reports, lastReported(r)).yearCompliance) },
  { header: 'Último trimestre reportado', width: 10, value: (r) => (r.reports.some((x) => x.metaId === r.meta.id) ? `T${lastReported(r)}` : 'Sin reporte') },
  { header: 'Análisis del resultado', width: 40, value: (r) => [...r.reports].filter((x) => x.metaId === r.meta.id).sort((a, b) => b.quarter - a.quarter)[0]?.cumulativeAnalysis ?? '' },
  { header: 'Estado de la meta', width: 12, value: (r) => (r.meta.eliminated ? 'Meta eliminada' : 'Vigente') },
];
const lastReported = (r: Cb0404Row) => (Math.max(1, ...r.reports.filter((x) => x.metaId === r.meta.id).map((x) => x.quarter)) as 1 | 2 | 3 | 4);

export async function cb0404Workbook(year: number, rows: readonly Cb0404Row[]): Promise<{ bytes: Buffer; fileName: string }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('CB-0404');
  const first = heading(sheet, [
    ['Formato', 'CB-0404 Indicadores de gestión — Contraloría de Bogotá D.C.'],
    ['Entidad', 'Secretaría Distrital de Gobierno'],
    ['Vigencia', String(year)],
    ['Fuente', 'Planes de gestión (PLE-PIN-P005), reportes trimestrales revisados por la OAP'],
  ]);
  table(sheet, first, CB0404_COLUMNS.map((c, i) => (i === 0 ? { ...c, value: () => year } : c)), rows);
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), fileName: `CB-0404_indicadores_gestion_${year}.xlsx` };
}

/** The ranking of a quarter, and — for the Comité Institucional de Gestión y Desempeño — the results behind it. */
export async function rankingWorkbook(view: RankingView, options: { comite: boolean }): Promise<{ bytes: Buffer; fileName: string }> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Ranking');
  const first = heading(sheet, [
    ['Ranking de gestión', `Planes de gestión ${view.year}, T${view.quarter}`],
    ['Fórmula', `Promedio de los % acumulados de las metas ponderado por su peso; cada meta cuenta máximo ${Math.round(view.cap * 100)} %; sin las metas eliminadas ni las que no tienen programación`],
    ['Revisados por la OAP', `${view.closed} de ${view.plans} planes`],
  ]);
  type Row = RankingView['rows'][number];
  table<Row>(sheet, first, [
    { header: 'Posición', width: 9, value: (r) => r.position },
    { header: 'Dependencia', width: 40, value: (r) => r.unitName },
    { header: 'Nivel', width: 10, value: (r) => (r.unitKind === 'alcaldia' ? 'Local' : 'Central') },
    { header: '% de cumplimiento ponderado', width: 14, value: (r) => pct(r.score) },
    { header: 'Metas que cuentan', width: 10, value: (r) => r.metas.filter((m) => m.counted !== null).length },
    { header: 'Peso que cuenta (%)', width: 10, value: (r) => r.weightCounted },
    { header: 'Estado del reporte', width: 18, value: (r) => (r.quarterState === 'closed' ? 'Revisado' : r.quarterState === null ? 'Sin reporte' : 'Pendiente de revisión') },
  ], view.rows);
  if (options.comite) {
    const detail = book.addWorksheet('Resultados por meta');
    type MetaLine = { row: Row; meta: Row['metas'][number] };
    const lines: MetaLine[] = view.rows.flatMap((row) => row.metas.map((meta) => ({ row, meta })));
    table<MetaLine>(detail, 1, [
      { header: 'Dependencia', width: 36, value: (l) => l.row.unitName },
      { header: 'N.º', width: 5, value: (l) => l.meta.order },
      { header: 'Meta', width: 50, value: (l) => l.meta.statement },
      { header: 'Peso (%)', width: 9, value: (l) => l.meta.weight },
      { header: '% acumulado', width: 11, value: (l) => pct(l.meta.compliance) },
      { header: '% que cuenta', width: 11, value: (l) => pct(l.meta.counted) },
      { header: 'Observación', width: 20, value: (l) => (l.meta.excluded === 'eliminated' ? 'Meta eliminada' : l.meta.excluded === 'not_programmed' ? 'Sin programación al corte' : '') },
    ], lines);
    const summary = book.addWorksheet('Resumen');
    const levels = [['Nivel central', 'central'], ['Alcaldías locales', 'alcaldia']] as const;
    table<(typeof levels)[number]>(summary, 1, [
      { header: 'Nivel', width: 20, value: (l) => l[0] },
      { header: 'Planes', width: 9, value: (l) => view.rows.filter((r) => r.unitKind === l[1]).length },
      { header: 'Revisados', width: 10, value: (l) => view.rows.filter((r) => r.unitKind === l[1] && r.quarterState === 'closed').length },
      {
        header: '% promedio de cumplimiento',
        width: 14,
        value: (l) => {
          const scores = view.rows.filter((r) => r.unitKind === l[1] && r.score !== null && r.quarterState === 'closed').map((r) => r.score!);
          return scores.length ? pct(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
        },
      },
    ], levels);
  }
  const fileName = options.comite ? `Comite_Gestion_Desempeno_planes_${view.year}_T${view.quarter}.xlsx` : `Ranking_planes_gestion_${view.year}_T${view.quarter}.xlsx`;
  return { bytes: Buffer.from(await book.xlsx.writeBuffer()), fileName };
}
