import {
  cellDate,
  cellNumber,
  foldText,
  headerKey,
  importText,
  msg,
  planVivaImport,
  readTable,
  vivaText as t,
  VIVA_UNALIGNED_ID,
  type Cell,
  type ImportReport,
  type ImportReportRow,
  type IsoDate,
  type RawSheet,
  type VivaCheckIn,
  type VivaItem,
} from '@okr/core';
import { ConflictError, type DirectoryPort, type OkrPort } from '../store/Store.js';
import { fileKind, ImportFileError, parseCsv, readArchive } from '../imports/files.js';
import { readWorkbook } from '../imports/workbook.js';
import { canEditDirectory } from './directory.js';
import { refusedFile, type Importer } from './directoryImport.js';
import { Refusal } from './refusal.js';

/** The Explorer export's columns (names vary with the fields chosen, in English or Spanish), as header keys. */
const EXPLORER = {
  id: ['id', 'okrid', 'okrreference', 'referencia', 'referenciaokr'],
  title: ['title', 'titulo', 'nombre', 'name', 'okr', 'objetivooresultado'],
  type: ['type', 'tipo', 'okrtype', 'tipodeokr'],
  owners: ['owner', 'owners', 'owners', 'propietario', 'propietarios', 'responsable', 'responsables'],
  team: ['team', 'teams', 'equipo', 'equipos'],
  period: ['timeperiod', 'periodo', 'periododetiempo', 'period', 'cycle', 'ciclo'],
  start: ['startvalue', 'valorinicial', 'start', 'baseline', 'lineabase', 'valordeinicio'],
  target: ['targetvalue', 'valorobjetivo', 'target', 'meta', 'valormeta'],
  current: ['currentvalue', 'valoractual', 'current'],
  parent: ['parent', 'parentobjective', 'padre', 'objetivopadre', 'alignedto', 'alineadoa', 'alignment', 'alineacion'],
  note: ['checkinnote', 'lastcheckinnote', 'notadelcheckin', 'nota', 'comentario', 'note', 'ultimocomentario'],
  checkInDate: ['lastcheckindate', 'checkindate', 'fechadelcheckin', 'lastcheckin', 'ultimocheckin', 'fechadelultimocheckin', 'lastupdated'],
  unit: ['metric', 'unit', 'unidad', 'metrica', 'unitofmeasure', 'unidaddemedida'],
  startDate: ['startdate', 'fechadeinicio', 'fechainicio'],
  dueDate: ['duedate', 'enddate', 'fechadevencimiento', 'fechafin', 'fechalimite'],
} as const;
type ExplorerKey = keyof typeof EXPLORER;

const typeOf = (value: string): VivaItem['type'] => {
  const f = foldText(value);
  if (/^(objective|objetivo)/.test(f)) return 'objective';
  if (/^(key ?result|kr|resultado clave|resultado)/.test(f)) return 'keyResult';
  return 'other';
};
const splitOwners = (value: string) => value.split(/[,;]\s*/).map((s) => s.trim()).filter(Boolean);

/** Explorer rows (one sheet of an .xlsx, or a CSV) as items; null when the table is not one. */
function explorerItems(sheet: RawSheet): VivaItem[] | null {
  const table = readTable<ExplorerKey>(sheet, EXPLORER as unknown as Record<ExplorerKey, readonly string[]>, ['title', 'type', 'team', 'period']);
  if (table.missing.length > 0) return null;
  return table.rows.map((r) => {
    const date = (k: ExplorerKey) => cellDate(r.get(k)) ?? null;
    const checkInDate = date('checkInDate');
    const current = cellNumber(r.get('current')) ?? null;
    const checkIns: VivaCheckIn[] = checkInDate && current !== null ? [{ date: checkInDate, value: current, note: r.text('note'), owner: splitOwners(r.text('owners'))[0] ?? null }] : [];
    return {
      key: r.text('id') || `fila-${r.row}`,
      source: { sheet: sheet.name, row: r.row },
      title: r.text('title'),
      type: typeOf(r.text('type')),
      owners: splitOwners(r.text('owners')),
      team: r.text('team') || null,
      period: r.text('period') || null,
      periodStart: date('startDate'),
      periodEnd: date('dueDate'),
      parent: r.text('parent') || null,
      alignedTo: r.text('parent') || null,
      outcome: null,
      unit: r.text('unit'),
      start: cellNumber(r.get('start')) ?? null,
      target: cellNumber(r.get('target')) ?? null,
      current,
      checkIns,
    };
  });
}

type Json = Record<string, unknown>;
/** A JSON object's values by tolerant key ("Time Period", "timePeriod", "time_period" alike). */
const field = (o: unknown, ...names: string[]): unknown => {
  if (!o || typeof o !== 'object') return undefined;
  const keys = names.map((n) => headerKey(n));
  for (const [k, v] of Object.entries(o as Json)) if (keys.includes(headerKey(k))) return v;
  return undefined;
};
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : v && typeof v === 'object' ? String(field(v, 'name', 'title', 'email', 'text') ?? '') : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v]);
const num = (v: unknown): number | null => {
  const n = cellNumber((typeof v === 'number' || typeof v === 'string' ? v : null) as Cell);
  return typeof n === 'number' ? n : null;
};
const day = (v: unknown): IsoDate | null => (typeof v === 'string' || typeof v === 'number' ? (cellDate(v as Cell) ?? null) : null);
const rows = (json: unknown): Json[] => {
  const value = Array.isArray(json) ? json : (list(field(json, 'value', 'data', 'items', 'objectives', 'checkins')) as unknown[]);
  return value.filter((x): x is Json => typeof x === 'object' && x !== null);
};

/** The full data export (a .zip of JSON files), as read by community importers (FACTS.md, unofficial): items with their check-ins. */
function dataExportItems(files: Map<string, Buffer>): VivaItem[] | null {
  const parsed = new Map<string, unknown>();
  for (const [name, bytes] of files) {
    try {
      parsed.set(name.split('/').pop()!.toLowerCase(), JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')));
    } catch {
      throw new ImportFileError(importText.unreadable(name));
    }
  }
  const pick = (re: RegExp) => [...parsed.entries()].filter(([n]) => re.test(n)).flatMap(([, json]) => rows(json));
  const objectives = pick(/^(objectives?|okrs?)[^/]*\.json$/);
  if (objectives.length === 0) return null;
  const periods = new Map(pick(/^time ?periods?[^/]*\.json$/).map((p) => [str(field(p, 'id')) || str(field(p, 'name')), p]));
  const users = pick(/^users?[^/]*\.json$/);
  const emailOf = (owner: unknown): string => {
    const name = str(owner);
    const email = str(field(owner, 'email', 'mail', 'upn'));
    if (email) return email;
    const ownerId = str(field(owner, 'id'));
    const user = users.find((u) => foldText(str(field(u, 'name', 'displayName'))) === foldText(name) || (ownerId !== '' && str(field(u, 'id')) === ownerId));
    return user ? str(field(user, 'email', 'mail', 'upn')) || name : name;
  };
  const checkIns = new Map<string, VivaCheckIn[]>();
  for (const c of pick(/^check-?ins?[^/]*\.json$/)) {
    const id = str(field(c, 'OKR ID', 'okrId', 'objectiveId', 'ID of OKR'));
    const date = day(field(c, 'Check-in Date', 'checkinDate', 'date', 'createdAt'));
    if (!id || !date) continue;
    const note = field(c, 'Note', 'comment');
    checkIns.set(id, [...(checkIns.get(id) ?? []), { date, value: num(field(c, 'Current Value', 'currentValue', 'value', 'progress')), note: typeof note === 'string' ? note : str(field(note, 'text')) || stripHtml(str(field(note, 'html'))), owner: emailOf(field(c, 'Owner', 'createdBy')) || null }]);
  }
  return objectives.map((o, index) => {
    const id = str(field(o, 'ID', 'id'));
    const period = field(o, 'Time Period', 'timePeriod');
    const periodRecord = periods.get(str(field(period, 'ID', 'id'))) ?? periods.get(str(field(period, 'Name', 'name')) || str(period));
    const outcome = field(o, 'Outcome', 'metric');
    const outcomeType = foldText(str(field(outcome, 'type', 'Outcome type')));
    const alignment = list(field(o, 'Alignment', 'alignments'));
    const parents = list(field(o, 'Parent IDs', 'parentIds', 'parentId', 'Parent'));
    const teams = list(field(o, 'Teams', 'team'));
    return {
      key: id || `objeto-${index + 1}`,
      source: { sheet: 'objectives.json', row: index + 1 },
      title: str(field(o, 'Title', 'name')),
      type: typeOf(str(field(o, 'Type', 'okrType')) || 'objective'),
      owners: list(field(o, 'Owner', 'owners')).map(emailOf).filter(Boolean),
      team: teams.length > 0 ? str(teams[0]) : null,
      period: str(field(period, 'Name', 'name')) || str(period) || null,
      periodStart: day(field(periodRecord, 'start', 'startDate')) ?? day(field(o, 'Start Date', 'startDate')),
      periodEnd: day(field(periodRecord, 'end', 'endDate')) ?? day(field(o, 'End Date', 'endDate', 'dueDate')),
      parent: parents.length > 0 ? str(parents[0]) : alignment.length > 0 ? str(field(alignment[0], 'ID', 'id')) || str(field(alignment[0], 'Title')) : null,
      alignedTo: alignment.length > 0 ? str(field(alignment[0], 'Title', 'title')) || null : null,
      outcome: outcomeType.startsWith('percent') ? 'percentage' : outcomeType.startsWith('metric') || outcomeType.startsWith('number') ? 'number' : outcomeType.startsWith('milestone') || outcomeType.startsWith('achieved') ? 'milestone' : null,
      unit: str(field(outcome, 'unit', 'metric name', 'metricName')),
      start: num(field(outcome, 'start', 'startValue')),
      target: num(field(outcome, 'target', 'targetValue')),
      current: num(field(o, 'Current Value', 'currentValue')) ?? num(field(outcome, 'current')),
      checkIns: checkIns.get(id) ?? [],
    };
  });
}

const stripHtml = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();

/** How to treat teams with no unit yet: stop and ask (the tab, the command line without --yes), or take the suggestions (--yes). */
export type TeamConfirmation = 'none' | 'suggested';

/**
 * The Viva Goals history (FACTS.md): the Explorer export (.xlsx, .csv) or the full data export
 * (.zip of JSON), mapped to units, quarters and the 1/3/9 structure; a dry run first (how many
 * objectives, key results and check-ins it found and would import, the teams to confirm), then the
 * import, all or nothing: sets loaded («Cargado»), read-only, marked «importado de Viva Goals».
 */
export class VivaImportService {
  constructor(private readonly store: DirectoryPort & OkrPort) {}

  private async actor(who: Importer): Promise<string> {
    if (who === 'cli') return 'cli';
    if (!canEditDirectory(await this.store.rolesOf(who.id))) throw new Refusal('forbidden', msg.errors.forbidden);
    return who.id;
  }

  /** Saves the teams → units the person confirmed, for this run and the next. */
  async confirmTeams(who: Importer, entries: ReadonlyArray<{ team: string; unitId: string }>): Promise<void> {
    const actor = await this.actor(who);
    const units = new Set((await this.store.listUnits()).map((u) => u.id));
    for (const e of entries) if (!units.has(e.unitId)) throw new Refusal('invalid', importText.unknownUnit(e.unitId));
    if (entries.length > 0) await this.store.saveVivaTeamMap(entries, actor);
  }

  async importFile(who: Importer, bytes: Buffer, fileName: string, options: { dryRun: boolean; confirmTeams?: TeamConfirmation }): Promise<ImportReport> {
    const actor = await this.actor(who);
    let items: VivaItem[] | null;
    try {
      const kind = await fileKind(bytes, fileName);
      if (kind === 'zip') items = dataExportItems(await readArchive(bytes, fileName, (n) => n.toLowerCase().endsWith('.json')));
      else if (kind === 'xlsx') items = (await readWorkbook(bytes, fileName)).map(explorerItems).find((x) => x !== null) ?? null;
      else items = explorerItems(csvSheet(bytes, fileName));
      if (!items) throw new ImportFileError(kind === 'zip' ? t.notVivaZip : t.notVivaTable);
    } catch (error) {
      if (error instanceof ImportFileError) return refusedFile('viva', fileName, options.dryRun, error.message);
      throw error;
    }
    const [directory, teamMap] = await Promise.all([this.store.loadDirectory(), this.store.vivaTeamMap()]);
    const context = async (map: Record<string, string>) => {
      const quarters = new Set<string>();
      const plan0 = planVivaImport(items!, { units: directory.units.filter((u) => u.active), people: directory.people, institutionalObjectives: directory.objectives, teamMap: map, existingSets: new Map() });
      for (const s of plan0.sets) quarters.add(`${s.set.unitId}|${s.set.quarter}`);
      const existing = new Map<string, string>();
      await Promise.all([...quarters].map(async (k) => {
        const [unitId, quarter] = k.split('|') as [string, `${number}-Q${1 | 2 | 3 | 4}`];
        const set = await this.store.getSet(unitId, quarter);
        if (set) existing.set(k, set.set.id);
      }));
      return planVivaImport(items!, { units: directory.units.filter((u) => u.active), people: directory.people, institutionalObjectives: directory.objectives, teamMap: map, existingSets: existing });
    };
    let plan = await context(teamMap);
    if (options.confirmTeams === 'suggested' && plan.unmappedTeams.some((u) => u.suggestion)) {
      const confirmed = plan.unmappedTeams.flatMap((u) => (u.suggestion ? [{ team: u.team, unitId: u.suggestion }] : []));
      if (!options.dryRun) await this.store.saveVivaTeamMap(confirmed, actor);
      plan = await context({ ...teamMap, ...Object.fromEntries(confirmed.map((c) => [foldText(c.team), c.unitId])) });
    }
    const counts: ImportReport['counts'] = { crear: 0, cambiar: 0, terminar: 0, 'sin cambios': 0, rechazada: 0 };
    for (const r of plan.rows) counts[r.outcome] += 1;
    const refused = counts.rechazada > 0;
    const c = plan.counts;
    const apply = !options.dryRun && !refused && plan.sets.length > 0;
    if (apply) {
      if (plan.needsUnaligned && !directory.objectives.some((o) => o.id === VIVA_UNALIGNED_ID)) {
        await this.store.applyDirectoryChanges([{ kind: 'objective', before: null, after: { id: VIVA_UNALIGNED_ID, code: 'VG', title: t.unalignedTitle, vigencia: Number(plan.sets[0]!.set.quarter.slice(0, 4)), active: false, version: 1 } }], actor);
      }
      try {
        await this.store.importSets({ actorId: actor, sets: plan.sets, comment: t.eventComment });
      } catch (error) {
        if (error instanceof ConflictError) return refusedFile('viva', fileName, false, importText.busy);
        throw error;
      }
    }
    const summary = [
      t.found(c.objectives, c.keyResults, c.checkIns),
      (apply ? t.imported : t.toImport)(plan.sets.length, c.importedObjectives, c.importedKeyResults, c.importedCheckIns),
      t.teamsMapped(Object.keys(plan.mappedTeams).length),
      ...(plan.unmappedTeams.length > 0 ? [t.teamsToConfirm(plan.unmappedTeams.length)] : []),
      refused ? importText.summaryRefused(counts.rechazada) : plan.sets.length === 0 ? importText.summaryNothing : options.dryRun ? importText.summaryDryRun : importText.summaryApplied,
    ];
    const rowsOut: ImportReportRow[] = plan.rows;
    return {
      kind: 'viva',
      fileName,
      dryRun: options.dryRun,
      applied: apply,
      counts,
      rows: rowsOut,
      summary,
      unmappedTeams: plan.unmappedTeams.map((u) => ({ team: u.team, suggestion: u.suggestion })),
    };
  }
}

/** A CSV as a sheet: its first non-empty line is the header. */
function csvSheet(bytes: Buffer, fileName: string): RawSheet {
  const lines = parseCsv(bytes);
  const first = lines.findIndex((l) => l.some((c) => c.trim() !== ''));
  return { name: fileName, header: first >= 0 ? lines[first]! : [], rows: lines.slice(first + 1).map((cells, i) => ({ row: first + i + 2, cells })) };
}

