/**
 * The entity's OKR history from Microsoft Viva Goals (FACTS.md, «Viva Goals exports»): both forms
 * an administrator can have — the Explorer export (one row per objective or key result) and the
 * full data export (JSON) — read by bot/ into `VivaItem`s, which this file maps, purely, onto the
 * app's sets: teams to units (same name accents and case aside, else the mapping the person
 * confirmed), time periods to quarters, objectives and key results to the 1/3/9 structure (a set
 * that does not fit is imported as it is, with its shape alerts), owners to people by e-mail, and
 * check-ins to months. Imported sets are loaded («Cargado»), read-only, and their ids say where they
 * came from (`viva-<unit>-<quarter>`).
 */
import { foldText, normalizeEmail, type DirectoryPerson } from './directory.js';
import { vivaText as t } from './i18n/es-CO/vivaImport.js';
import { quarterMonths, quarterOf, quarterRange } from './quarter.js';
import { checkShape } from './shape.js';
import type { CheckIn, InstitutionalObjective, IsoDate, KeyResult, Objective, OkrSet, QuarterId, Unit } from './types.js';
import type { ImportReportRow } from './directoryApi.js';

import { VIVA_SET_PREFIX } from './vivaSet.js';
export { isVivaSet, VIVA_SET_PREFIX } from './vivaSet.js';
/** Who authored an imported check-in when its Viva Goals owner is not in the directory. */
export const VIVA_AUTHOR = 'viva-goals';
/** The institutional objective of imported sets whose alignment Viva Goals does not tell. */
export const VIVA_UNALIGNED_ID = 'viva-sin-alineacion';

export interface VivaCheckIn {
  date: IsoDate;
  value: number | null;
  note: string;
  owner: string | null;
}

/** One objective or key result of either export, as read. */
export interface VivaItem {
  /** Viva's id, or the row number of the Explorer export. */
  key: string;
  /** Where it was read (for the report): a sheet row, or a JSON file and index. */
  source: { sheet: string; row: number };
  title: string;
  type: 'objective' | 'keyResult' | 'other';
  owners: string[];
  team: string | null;
  /** The time period's name ("Q1 2024", "T3 2025", "Jul - Sep 2024"…). */
  period: string | null;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  /** The parent's key, or its title when the export names it by title. */
  parent: string | null;
  /** What it is aligned to, by title (the institutional objective, for a unit's strategic one). */
  alignedTo: string | null;
  outcome: 'percentage' | 'number' | 'milestone' | null;
  unit: string;
  start: number | null;
  target: number | null;
  current: number | null;
  checkIns: VivaCheckIn[];
}

/** A set ready to store: its content, its check-ins, what the report says of it. */
export interface ImportedSet {
  set: OkrSet;
  objectives: Objective[];
  keyResults: KeyResult[];
  checkIns: CheckIn[];
  /** Where in the file it came from. */
  rows: number[];
}

export interface VivaPlan {
  sets: ImportedSet[];
  /** Teams that map to no unit yet: the person confirms them (with a suggestion when one is close). */
  unmappedTeams: Array<{ team: string; suggestion: string | null }>;
  /** Teams mapped, automatically or from the saved mapping. */
  mappedTeams: Record<string, string>;
  rows: ImportReportRow[];
  counts: { objectives: number; keyResults: number; checkIns: number; importedObjectives: number; importedKeyResults: number; importedCheckIns: number };
  /** Whether a placeholder institutional objective is needed for sets without a known alignment. */
  needsUnaligned: boolean;
}

/** The quarter a Viva time period is: by its dates, else its name ("Q1 2024", "2024 Q1", "T1-2024", "Trimestre 1 de 2024", "Jan - Mar 2024"). */
export function quarterOfPeriod(name: string | null, start: IsoDate | null, end: IsoDate | null): QuarterId | null {
  if (start && end && quarterOf(start) === quarterOf(end)) return quarterOf(start);
  const n = foldText(name ?? '');
  let m = /(?:q|t|trimestre\s*)([1-4])\D{0,6}((?:19|20)\d{2})/.exec(n) ?? null;
  if (m) return `${m[2]}-Q${m[1]}` as QuarterId;
  m = /((?:19|20)\d{2})\D{0,6}(?:q|t|trimestre\s*)([1-4])\b/.exec(n);
  if (m) return `${m[1]}-Q${m[2]}` as QuarterId;
  const months: Record<string, number> = { jan: 1, ene: 1, apr: 4, abr: 4, jul: 7, oct: 10 };
  m = /\b(jan|ene|apr|abr|jul|oct)[a-z]*\.?\s*-\s*[a-z]+\.?\s*((?:19|20)\d{2})/.exec(n);
  if (m) return `${m[2]}-Q${Math.floor((months[m[1]!]! - 1) / 3) + 1}` as QuarterId;
  if (start) return quarterOf(start);
  return null;
}

/** A unit name that a team's name is, accents, case and «Alcaldía Local de» aside. */
function unitFor(team: string, units: readonly Unit[]): Unit | null {
  const f = foldText(team);
  const bare = (s: string) => foldText(s).replace(/^alcaldia local de\s+/, '').replace(/^al\s+/, '');
  return units.find((u) => foldText(u.name) === f || u.id === f) ?? units.find((u) => u.kind === 'alcaldia' && bare(u.name) === bare(team)) ?? null;
}

/** The unit whose name shares most words with the team's (a suggestion the person confirms). */
function suggestionFor(team: string, units: readonly Unit[]): Unit | null {
  const words = (s: string) => new Set(foldText(s).split(/[^a-z0-9]+/).filter((w) => w.length > 3 && !['direccion', 'subdireccion', 'oficina', 'alcaldia', 'local', 'gestion', 'secretaria'].includes(w)));
  const mine = words(team);
  let best: Unit | null = null;
  let score = 0;
  for (const u of units) {
    const common = [...words(u.name)].filter((w) => mine.has(w)).length;
    if (common > score) (best = u), (score = common);
  }
  return best;
}


export interface VivaContext {
  units: readonly Unit[];
  people: readonly DirectoryPerson[];
  institutionalObjectives: ReadonlyArray<InstitutionalObjective & { vigencia?: number }>;
  /** Team name (as `foldText`) → unit id, as confirmed before. */
  teamMap: Readonly<Record<string, string>>;
  /** Sets the store holds, by unit and quarter ("unitId|quarter" → set id). */
  existingSets: ReadonlyMap<string, string>;
}

/** Maps the items read from an export onto sets. Nothing here writes: the plan is stored all or nothing. */
export function planVivaImport(items: readonly VivaItem[], ctx: VivaContext): VivaPlan {
  const rows: ImportReportRow[] = [];
  const counts = { objectives: 0, keyResults: 0, checkIns: 0, importedObjectives: 0, importedKeyResults: 0, importedCheckIns: 0 };
  const byKey = new Map(items.map((i) => [i.key, i]));
  const byTitle = new Map(items.map((i) => [foldText(i.title), i]));
  const parentOf = (i: VivaItem): VivaItem | null => (i.parent ? (byKey.get(i.parent) ?? byTitle.get(foldText(i.parent)) ?? null) : null);
  for (const i of items) {
    if (i.type === 'objective') counts.objectives++;
    if (i.type === 'keyResult') counts.keyResults++;
    counts.checkIns += i.checkIns.length;
  }

  // Teams → units.
  const mappedTeams: Record<string, string> = {};
  const unmapped = new Map<string, string | null>();
  const teamOf = (i: VivaItem): string | null => {
    let x: VivaItem | null = i;
    for (let depth = 0; x && depth < 10; depth++, x = parentOf(x)) if (x.team) return x.team;
    return null;
  };
  for (const i of items) {
    const team = teamOf(i);
    if (!team || mappedTeams[team] || unmapped.has(team)) continue;
    const saved = ctx.teamMap[foldText(team)];
    const unit = (saved && ctx.units.find((u) => u.id === saved)) || unitFor(team, ctx.units);
    if (unit) mappedTeams[team] = unit.id;
    else unmapped.set(team, suggestionFor(team, ctx.units)?.id ?? null);
  }

  // People by e-mail (or by a name only one person has).
  const byEmail = new Map(ctx.people.map((p) => [normalizeEmail(p.email), p.id]));
  const byName = new Map<string, string | null>();
  for (const p of ctx.people) byName.set(foldText(p.name), byName.has(foldText(p.name)) ? null : p.id);
  const personOf = (owner: string | null): string | null => {
    if (!owner) return null;
    const email = /[^\s<>]+@[^\s<>]+/.exec(owner)?.[0];
    if (email) return byEmail.get(normalizeEmail(email)) ?? null;
    return byName.get(foldText(owner)) ?? null;
  };

  // Group by unit and quarter.
  const groups = new Map<string, VivaItem[]>();
  for (const i of items) {
    if (i.type === 'other') {
      rows.push({ sheet: i.source.sheet, row: i.source.row, outcome: 'sin cambios', what: i.title, reason: t.notOkr });
      continue;
    }
    const team = teamOf(i);
    const unitId = team ? mappedTeams[team] : undefined;
    const quarter = quarterOfPeriod(i.period ?? parentOf(i)?.period ?? null, i.periodStart, i.periodEnd);
    if (!team) { rows.push({ sheet: i.source.sheet, row: i.source.row, outcome: 'rechazada', what: i.title, reason: t.noTeam }); continue; }
    if (!unitId) continue; // reported once per team below
    if (!quarter) { rows.push({ sheet: i.source.sheet, row: i.source.row, outcome: 'rechazada', what: i.title, reason: t.noPeriod(i.period ?? '') }); continue; }
    const k = `${unitId}|${quarter}`;
    groups.set(k, [...(groups.get(k) ?? []), i]);
  }
  for (const [team, suggestion] of unmapped) rows.push({ sheet: 'Equipos', row: 0, outcome: 'rechazada', what: team, reason: t.unmappedTeam(team, suggestion ? (ctx.units.find((u) => u.id === suggestion)?.name ?? suggestion) : null) });

  const sets: ImportedSet[] = [];
  let needsUnaligned = false;
  for (const [k, group] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [unitId, quarter] = k.split('|') as [string, QuarterId];
    const unit = ctx.units.find((u) => u.id === unitId)!;
    const setId = `${VIVA_SET_PREFIX}${unitId}-${quarter}`;
    const what = t.setName(unit.name, quarter);
    const sourceRows = group.map((i) => i.source.row);
    const existing = ctx.existingSets.get(k);
    if (existing === setId) { rows.push({ sheet: group[0]!.source.sheet, row: Math.min(...sourceRows), outcome: 'sin cambios', what, reason: t.alreadyImported }); continue; }
    if (existing) { rows.push({ sheet: group[0]!.source.sheet, row: Math.min(...sourceRows), outcome: 'rechazada', what, reason: t.setExists }); continue; }

    const objectivesIn = group.filter((i) => i.type === 'objective');
    const krs = group.filter((i) => i.type === 'keyResult');
    const inGroup = new Set(group);
    const parentIn = (i: VivaItem) => {
      const p = parentOf(i);
      return p && inGroup.has(p) ? p : null;
    };
    const tops = objectivesIn.filter((o) => !parentIn(o));
    const strategicItem = tops.find((o) => objectivesIn.some((c) => parentIn(c) === o)) ?? (tops.length === 1 ? tops[0]! : null);
    const objectives: Objective[] = [];
    const idOf = new Map<VivaItem, string>();
    const strategicId = `${setId}-o0`;
    const strategicTitle = strategicItem?.title ?? t.strategicFallback(unit.name, quarter);
    objectives.push({ id: strategicId, setId, parentId: null, level: 'strategic', title: strategicTitle.slice(0, 300), order: 0, weight: null });
    if (strategicItem) idOf.set(strategicItem, strategicId);
    let order = 1;
    for (const o of objectivesIn) {
      if (o === strategicItem) continue;
      const id = `${setId}-o${order}`;
      idOf.set(o, id);
      objectives.push({ id, setId, parentId: strategicId, level: 'tactical', title: o.title.slice(0, 300), order: order++, weight: null });
    }
    const keyResults: KeyResult[] = [];
    const checkIns: CheckIn[] = [];
    const months = quarterMonths(quarter);
    for (const [n, kr] of krs.entries()) {
      let holder = parentIn(kr);
      let objectiveId = holder ? idOf.get(holder) : undefined;
      if (!objectiveId || objectiveId === strategicId) {
        // A key result on the strategic objective (or with no parent): it goes under a tactical objective named like it.
        const bucketTitle = holder ? holder.title : strategicTitle;
        let bucket = objectives.find((o) => o.level === 'tactical' && o.title === bucketTitle.slice(0, 300));
        if (!bucket) {
          bucket = { id: `${setId}-o${order}`, setId, parentId: strategicId, level: 'tactical', title: bucketTitle.slice(0, 300), order: order++, weight: null };
          objectives.push(bucket);
        }
        objectiveId = bucket.id;
        holder = null;
      }
      const kind = kr.outcome ?? (kr.unit.trim() === '%' || (kr.target === 100 && (kr.start ?? 0) === 0 && !kr.unit) ? 'percentage' : 'number');
      const baseline = kind === 'milestone' ? 0 : (kr.start ?? 0);
      const target = kind === 'milestone' ? 1 : (kr.target ?? (kind === 'percentage' ? 100 : 1));
      const ownerId = kr.owners.map(personOf).find((x) => x !== null) ?? null;
      const id = `${setId}-k${n + 1}`;
      keyResults.push({
        id, setId, objectiveId, title: kr.title.slice(0, 300), kind,
        unitOfMeasure: (kind === 'percentage' ? '%' : kind === 'milestone' ? 'hito' : kr.unit.trim() || t.defaultUnit).slice(0, 40),
        baseline, target: target === baseline ? baseline + 1 : target, direction: target < baseline ? 'decrease' : 'increase', ownerId, order: n, weight: null,
      });
      // Check-ins to months: the last of each month; one outside the quarter goes to the nearest month of it.
      const perMonth = new Map<string, VivaCheckIn>();
      const history = kr.checkIns.length > 0 ? kr.checkIns : kr.current !== null ? [{ date: quarterRange(quarter).end, value: kr.current, note: '', owner: null }] : [];
      for (const c of [...history].sort((a, b) => (a.date < b.date ? -1 : 1))) {
        if (c.value === null) continue;
        const month = c.date.slice(0, 7);
        perMonth.set(month < months[0]! ? months[0]! : month > months[2]! ? months[2]! : month, c);
      }
      for (const [period, c] of perMonth) {
        if (c.value === null) continue;
        const at = `${c.date}T17:00:00.000Z`;
        checkIns.push({
          id: `${id}-${period}`, keyResultId: id, unitId, period, value: kind === 'milestone' ? (c.value >= 1 ? 1 : 0) : c.value,
          comment: c.note.trim() || t.noNote, evidenceUrl: '', authorId: personOf(c.owner) ?? ownerId ?? VIVA_AUTHOR, createdAt: at, updatedAt: at, version: 1,
        });
      }
    }
    const alignment = strategicItem?.alignedTo ?? null;
    const io = alignment ? ctx.institutionalObjectives.find((o) => foldText(alignment).startsWith(foldText(o.code) + ' ') || foldText(alignment) === foldText(o.code) || foldText(o.title) === foldText(alignment)) : undefined;
    const institutionalObjectiveId = io?.id ?? VIVA_UNALIGNED_ID;
    if (!io) needsUnaligned = true;
    const set: OkrSet = { id: setId, unitId, quarter, state: 'active', institutionalObjectiveId, version: 1 };
    const shape = checkShape(objectives, keyResults);
    const alerts = shape.ok ? '' : ` ${t.shape(shape.issues.map((i) => i.message))}`;
    counts.importedObjectives += objectives.length;
    counts.importedKeyResults += keyResults.length;
    counts.importedCheckIns += checkIns.length;
    rows.push({ sheet: group[0]!.source.sheet, row: Math.min(...sourceRows), outcome: 'crear', what, reason: `${t.setContent(objectives.length, keyResults.length, checkIns.length)}${io ? '' : ` ${t.unaligned}`}${alerts}` });
    sets.push({ set, objectives, keyResults, checkIns, rows: sourceRows });
  }
  return { sets, unmappedTeams: [...unmapped].map(([team, suggestion]) => ({ team, suggestion })), mappedTeams, rows, counts, needsUnaligned };
}
