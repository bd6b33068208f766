import {
  directoryWorkbookRows,
  importText as t,
  msg,
  planDirectoryImport,
  WORKBOOK_HEADERS,
  WORKBOOK_SHEETS,
  type ImportReport,
  type ImportReportRow,
  inForce,
  type DirectoryChange,
  type Person,
} from '@okr/core';
import { ConflictError, type DirectoryPort } from '../store/Store.js';
import { fileKind, ImportFileError } from '../imports/files.js';
import { readWorkbook, writeWorkbook, type SheetSpec } from '../imports/workbook.js';
import { today, type Clock } from './clock.js';
import { canEditDirectory, type DirectoryNotices } from './directory.js';
import { Refusal } from './refusal.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Who runs an import: a person in the tab, or `npm run import` (recorded in the audit trail as `cli`). */
export type Importer = Person | 'cli';

const WIDTHS: Record<keyof typeof WORKBOOK_SHEETS, number[]> = {
  units: [14, 56, 16, 16, 18, 10],
  people: [40, 36, 44, 24, 40, 10, 26],
  assignments: [40, 16, 18, 14, 14],
  objectives: [10, 10, 90, 10],
};

const NOTES: Record<keyof typeof WORKBOOK_SHEETS, string[]> = {
  units: ['Minúsculas, números y guiones: al-usaquen, dgth…', 'Nombre completo de la unidad', 'Central o Alcaldía local', 'Despacho, Subsecretaría, Dirección, Subdirección, Oficina o Alcaldía local', 'Id de la unidad de la que depende; vacío para el Despacho', 'sí o no (vacío = sí)'],
  people: ['Correo institucional: identifica a la persona', 'Nombres y apellidos', 'Cargo', 'Teléfono, extensión o canal de contacto', 'Opcional: id de objeto de Entra ID. Vacío: se vincula por el correo la primera vez que la persona entra', 'sí o no (vacío = sí)', 'Opcional: id en la aplicación'],
  assignments: ['Correo de la persona (hoja Personas)', 'Líder, Enlace, Integrante, Promotor/a de mejora, OKR Coach, ETI, OAP, DTI o Secretario/a', 'Id de la unidad; vacío para los roles de toda la entidad (OKR Coach, ETI, OAP, DTI, Secretario/a)', 'Fecha de inicio (2026-12-01 o 1/12/2026)', 'Fecha de fin; vacía = vigente. Para terminar un rol escribe aquí su último día'],
  objectives: ['Año', 'OE1, OE2…', 'Enunciado del objetivo estratégico institucional', 'sí o no (vacío = sí)'],
};

const INSTRUCTIONS = [
  ['Directorio OKR de la Secretaría Distrital de Gobierno'],
  [''],
  ['Cuatro hojas: Unidades, Personas, Asignaciones y Objetivos. La primera fila de cada hoja son los encabezados; el orden de las columnas no importa y las columnas de más se ignoran.'],
  ['Las unidades se reconocen por su id, las personas por su correo, las asignaciones por persona, rol, unidad y fecha «Desde», los objetivos por vigencia y código.'],
  ['Importar nunca borra ni termina nada que el libro no diga: para terminar un rol escribe su «Hasta»; para retirar una persona o una unidad escribe «no» en «Activa» y termina sus roles.'],
  ['Las fechas pueden escribirse 2026-12-01, 1/12/2026 o como fecha de Excel.'],
  ['En la pestaña, «Importar» primero simula y muestra qué se crearía, cambiaría, terminaría o rechazaría, fila por fila; si hay una fila rechazada no se importa nada.'],
  ['Por línea de comandos: npm run import -- directorio ARCHIVO.xlsx (añade --dry-run para solo simular).'],
];

function counts(rows: readonly ImportReportRow[]): ImportReport['counts'] {
  const out: ImportReport['counts'] = { crear: 0, cambiar: 0, terminar: 0, 'sin cambios': 0, rechazada: 0 };
  for (const r of rows) out[r.outcome] += 1;
  return out;
}

/** The report of a file refused as a whole (not a workbook, too big, a zip bomb…). */
export function refusedFile(kind: ImportReport['kind'], fileName: string, dryRun: boolean, reason: string): ImportReport {
  const rows: ImportReportRow[] = [{ sheet: fileName, row: 0, outcome: 'rechazada', what: fileName, reason }];
  return { kind, fileName, dryRun, applied: false, counts: counts(rows), rows, summary: [reason, t.summaryRefused(1)] };
}

/**
 * The directory workbook: its template, the export of the whole directory, and the import — a dry
 * run first (what would be created, changed, ended and refused, row by row), then the real run,
 * all or nothing and idempotent (run twice, the second changes nothing), audited under who ran it.
 */
export class DirectoryImportService {
  constructor(
    private readonly store: DirectoryPort,
    private readonly clock: Clock,
    private readonly notices?: DirectoryNotices,
  ) {}

  private async mayImport(who: Importer): Promise<string> {
    if (who === 'cli') return 'cli';
    if (!canEditDirectory(await this.store.rolesOf(who.id))) throw new Refusal('forbidden', msg.errors.forbidden);
    return who.id;
  }

  async importWorkbook(who: Importer, bytes: Buffer, fileName: string, options: { dryRun: boolean }): Promise<ImportReport> {
    const actor = await this.mayImport(who);
    let sheets;
    try {
      if ((await fileKind(bytes, fileName)) !== 'xlsx') throw new ImportFileError(t.notXlsx);
      sheets = await readWorkbook(bytes, fileName);
    } catch (error) {
      if (error instanceof ImportFileError) return refusedFile('directorio', fileName, options.dryRun, error.message);
      throw error;
    }
    const snapshot = await this.store.loadDirectory();
    const plan = planDirectoryImport(sheets, snapshot, today(this.clock).date);
    const c = counts(plan.rows);
    const refused = c.rechazada > 0;
    const apply = !options.dryRun && !refused && plan.changes.length > 0;
    if (apply) {
      try {
        await this.store.applyDirectoryChanges(plan.changes, actor, { importRun: true });
      } catch (error) {
        if (error instanceof ConflictError) return refusedFile('directorio', fileName, false, t.busy);
        throw error;
      }
    }
    const welcomes = apply ? await this.welcome(plan.changes) : { sent: [], pending: [] };
    const summary = [
      t.counts(c),
      refused ? t.summaryRefused(c.rechazada) : plan.changes.length === 0 ? t.summaryNothing : options.dryRun ? t.summaryDryRun : t.summaryApplied,
      ...(welcomes.sent.length > 0 ? [t.welcomed(welcomes.sent)] : []),
      ...(welcomes.pending.length > 0 ? [t.notWelcomed(welcomes.pending)] : []),
      ...(plan.ignoredColumns.length > 0 ? [t.ignoredColumns(plan.ignoredColumns)] : []),
    ];
    return { kind: 'directorio', fileName, dryRun: options.dryRun, applied: apply, counts: c, rows: plan.rows, summary };
  }

  /**
   * The welcome card of every enlace role the run created and in force today, as an enlace added by
   * hand gets it (`DirectoryService.assign`): once, since a run creates a role once and a second run
   * of the same file creates nothing. A person the bot cannot reach yet gets the bot's own welcome
   * when they first write to it. The import stands whatever happens to a card.
   */
  private async welcome(changes: readonly DirectoryChange[]): Promise<{ sent: string[]; pending: string[] }> {
    const sent: string[] = [];
    const pending: string[] = [];
    if (!this.notices) return { sent, pending };
    const date = today(this.clock).date;
    const created = changes.flatMap((c) => (c.kind === 'assignment' && c.before === null && c.after.role === 'enlace' && c.after.unitId && inForce(c.after, date) ? [c.after] : []));
    if (created.length === 0) return { sent, pending };
    const snapshot = await this.store.loadDirectory();
    for (const a of created) {
      const label = `${snapshot.people.find((p) => p.id === a.personId)?.name ?? a.personId} (${snapshot.units.find((u) => u.id === a.unitId)?.name ?? a.unitId})`;
      const ok = await this.notices.welcomeEnlace(a.personId, a.unitId!, a.from).catch(() => false);
      (ok ? sent : pending).push(label);
    }
    return { sent, pending };
  }

  async exportWorkbook(who: Person): Promise<Buffer> {
    await this.mayImport(who);
    const rows = directoryWorkbookRows(await this.store.loadDirectory());
    return writeWorkbook(this.sheets(rows), { title: 'Directorio OKR' });
  }

  /** The empty workbook with its headers, a note on each and an example row, and the instructions. */
  async template(): Promise<Buffer> {
    const example: Record<keyof typeof WORKBOOK_SHEETS, Array<Array<string | number>>> = {
      units: [['al-usaquen', 'Alcaldía Local de Usaquén', 'Alcaldía local', 'Alcaldía local', 'sgl', 'sí']],
      people: [['nombre.apellido@gobiernobogota.gov.co', 'Nombre Segundo Apellido Apellido', 'Enlace OKR — Alcaldía Local de Usaquén', '601 338 7000 ext. 1234', '', 'sí', '']],
      assignments: [['nombre.apellido@gobiernobogota.gov.co', 'Enlace', 'al-usaquen', '2026-02-02', '']],
      objectives: [[2026, 'OE1', 'Fortalecer la gobernabilidad democrática local y la participación ciudadana en los territorios.', 'sí']],
    };
    return writeWorkbook([...this.sheets(example), { name: 'Instrucciones', header: INSTRUCTIONS[0]!, rows: INSTRUCTIONS.slice(1), widths: [160] }], { title: 'Plantilla del directorio OKR' });
  }

  private sheets(rows: Record<keyof typeof WORKBOOK_SHEETS, Array<Array<string | number>>>): SheetSpec[] {
    return (Object.keys(WORKBOOK_SHEETS) as Array<keyof typeof WORKBOOK_SHEETS>).map((key) => ({ name: WORKBOOK_SHEETS[key], header: WORKBOOK_HEADERS[key], rows: rows[key], widths: WIDTHS[key], notes: NOTES[key] }));
  }
}
