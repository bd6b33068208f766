/**
 * The directory workbook (README, «The directory workbook»): four sheets — Unidades, Personas,
 * Asignaciones, Objetivos — read into the changes that make the store hold what the workbook says.
 * Pure: the file is read in bot/. Units are matched by id, people by e-mail, assignments by person,
 * role, unit and «desde», objectives by vigencia and code. Nothing the workbook leaves out is
 * removed or ended (a role ends when its «hasta» is written). Every row gets an outcome in Spanish;
 * one refused row refuses the run (all or nothing).
 */
import {
  applyChanges,
  assignmentId,
  assignmentProblems,
  ENTITY_ROLES,
  foldText,
  isEmail,
  isVigencia,
  normalizeEmail,
  personIdFromEmail,
  ROLES,
  slugOf,
  UNIT_ID,
  type Assignment,
  type DirectoryChange,
  type DirectoryPerson,
  type DirectorySnapshot,
  type DirectoryUnit,
  type StrategicObjective,
} from './directory.js';
import type { ImportReportRow } from './directoryApi.js';
import { roleLabels } from './i18n/es-CO/shared.js';
import { unitLevelLabels } from './i18n/es-CO/directory.js';
import { importText as t } from './i18n/es-CO/directoryImport.js';
import { cellDate, cellNumber, cellYesNo, readTable, type RawSheet, type TableRow } from './tabular.js';
import type { IsoDate, Role, Unit } from './types.js';

export const WORKBOOK_SHEETS = { units: 'Unidades', people: 'Personas', assignments: 'Asignaciones', objectives: 'Objetivos' } as const;

/** Each sheet's columns: the header the template writes first, then the names accepted for it (as header keys). */
export const WORKBOOK_COLUMNS = {
  units: {
    id: ['Id', 'id', 'idunidad', 'codigo', 'codigounidad', 'sigla'],
    name: ['Nombre', 'nombre', 'unidad', 'dependencia', 'nombreunidad', 'nombredependencia', 'nombredeladependencia', 'nombredelaunidad'],
    kind: ['Tipo', 'tipo', 'tipounidad', 'nivelcentraloalcaldia'],
    level: ['Nivel', 'nivel', 'niveljerarquico', 'jerarquia'],
    parent: ['Unidad superior', 'unidadsuperior', 'superior', 'padre', 'dependede', 'idsuperior', 'idunidadsuperior'],
    active: ['Activa', 'activa', 'activo', 'estado', 'vigente'],
  },
  people: {
    email: ['Correo', 'correo', 'email', 'correoelectronico', 'correoinstitucional', 'upn', 'usuario'],
    name: ['Nombre', 'nombre', 'nombrecompleto', 'nombres', 'nombreyapellidos'],
    jobTitle: ['Cargo', 'cargo', 'puesto', 'empleo'],
    phone: ['Teléfono', 'telefono', 'celular', 'extension', 'canal', 'canaldecontacto', 'contacto'],
    aad: ['Id de Entra ID', 'iddeentraid', 'identra', 'entraid', 'objectid', 'idobjeto', 'aadobjectid'],
    active: ['Activa', 'activa', 'activo', 'estado', 'vigente'],
    id: ['Id', 'id', 'idpersona'],
  },
  assignments: {
    email: ['Correo', 'correo', 'email', 'correoelectronico', 'correoinstitucional', 'persona'],
    role: ['Rol', 'rol', 'papel'],
    unit: ['Unidad', 'unidad', 'idunidad', 'dependencia'],
    from: ['Desde', 'desde', 'fechainicio', 'inicio', 'fechadesde'],
    to: ['Hasta', 'hasta', 'fechafin', 'fin', 'fechahasta'],
  },
  objectives: {
    vigencia: ['Vigencia', 'vigencia', 'ano', 'anio', 'year'],
    code: ['Código', 'codigo', 'code', 'sigla'],
    title: ['Enunciado', 'enunciado', 'objetivo', 'objetivoestrategico', 'descripcion', 'nombre'],
    active: ['Activo', 'activo', 'activa', 'estado', 'vigente'],
  },
} as const;

type Keys<S extends keyof typeof WORKBOOK_COLUMNS> = keyof (typeof WORKBOOK_COLUMNS)[S] & string;

const REQUIRED: { [S in keyof typeof WORKBOOK_COLUMNS]: ReadonlyArray<Keys<S>> } = {
  units: ['id', 'name', 'kind', 'level'],
  people: ['email', 'name'],
  assignments: ['email', 'role', 'from'],
  objectives: ['vigencia', 'code', 'title'],
};

const ROLE_NAMES: Record<string, Role> = Object.fromEntries([
  ...ROLES.map((r) => [r, r]),
  ...Object.entries(roleLabels).map(([r, label]) => [foldText(label), r]),
  ['enlace', 'enlace'], ['integrante', 'miembro'], ['miembro', 'miembro'], ['coach', 'coach'], ['okr coach', 'coach'], ['equipo eti', 'eti'], ['eti', 'eti'],
  ['oap', 'oap'], ['dti', 'dti'], ['promotor', 'promotor'], ['promotora', 'promotor'], ['promotor de mejora', 'promotor'], ['secretario', 'secretario'], ['secretaria', 'secretario'], ['secretario/a', 'secretario'], ['lider', 'lider'], ['jefe', 'lider'],
]) as Record<string, Role>;

const LEVEL_NAMES: Record<string, Unit['level']> = Object.fromEntries([
  ...Object.entries(unitLevelLabels).flatMap(([level, label]) => [[level, level], [foldText(label), level]]),
  ['alcaldia', 'alcaldia'], ['local', 'alcaldia'], ['oficina asesora', 'oficina'], ['oficina del despacho', 'oficina'],
]) as Record<string, Unit['level']>;

const KIND_NAMES: Record<string, Unit['kind']> = { central: 'central', 'nivel central': 'central', alcaldia: 'alcaldia', 'alcaldia local': 'alcaldia', local: 'alcaldia' };

export interface DirectoryImportPlan {
  changes: DirectoryChange[];
  rows: ImportReportRow[];
  /** Columns no key claimed, per sheet (ignored). */
  ignoredColumns: string[];
}

const columnsOf = <S extends keyof typeof WORKBOOK_COLUMNS>(s: S) =>
  Object.fromEntries(Object.entries(WORKBOOK_COLUMNS[s]).map(([k, names]) => [k, (names as readonly string[]).slice(1)])) as unknown as Record<Keys<S>, readonly string[]>;

/** The sheet with this name, accents and case aside. */
const findSheet = (sheets: readonly RawSheet[], name: string) => sheets.find((s) => foldText(s.name) === foldText(name));

/**
 * What importing the workbook would do to the directory: the changes (empty when anything is
 * refused) and a report row per row of every sheet.
 */
export function planDirectoryImport(sheets: readonly RawSheet[], snapshot: DirectorySnapshot, today: IsoDate): DirectoryImportPlan {
  const rows: ImportReportRow[] = [];
  const ignoredColumns: string[] = [];
  const refuse = (sheet: string, row: number, what: string, reason: string) => rows.push({ sheet, row, outcome: 'rechazada', what, reason });
  const tables = {} as { [S in keyof typeof WORKBOOK_COLUMNS]?: ReturnType<typeof readTable<Keys<S>>> };
  for (const key of Object.keys(WORKBOOK_SHEETS) as Array<keyof typeof WORKBOOK_SHEETS>) {
    const name = WORKBOOK_SHEETS[key];
    const sheet = findSheet(sheets, name);
    if (!sheet) {
      if (key !== 'objectives') refuse(name, 0, t.sheet(name), t.missingSheet(name));
      continue;
    }
    const table = readTable(sheet, columnsOf(key) as never, REQUIRED[key] as never);
    if (table.missing.length > 0) refuse(name, 1, t.sheet(name), t.missingColumns((table.missing as string[]).map((k) => (WORKBOOK_COLUMNS[key] as Record<string, readonly string[]>)[k]![0]!)));
    for (const extra of table.extra) ignoredColumns.push(`${name}: ${extra}`);
    (tables as Record<string, unknown>)[key] = table;
  }
  if (rows.length > 0) return { changes: [], rows, ignoredColumns };

  const changes: DirectoryChange[] = [];
  const note = (sheet: string, row: number, outcome: ImportReportRow['outcome'], what: string, reason = '') => rows.push({ sheet, row, outcome, what, reason });

  // ── Unidades ──
  const unitsSheet = WORKBOOK_SHEETS.units;
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  const seenUnits = new Map<string, number>();
  const unitRows: Array<{ r: TableRow<Keys<'units'>>; unit: DirectoryUnit; parentId: string | null }> = [];
  for (const r of tables.units!.rows) {
    const id = r.text('id').toLowerCase();
    const name = r.text('name');
    const what = name || id;
    if (!UNIT_ID.test(id)) { refuse(unitsSheet, r.row, what, t.badUnitId(r.text('id'))); continue; }
    if (seenUnits.has(id)) { refuse(unitsSheet, r.row, what, t.duplicate('id', id, seenUnits.get(id)!)); continue; }
    seenUnits.set(id, r.row);
    const kind = KIND_NAMES[foldText(r.text('kind'))];
    const level = LEVEL_NAMES[foldText(r.text('level'))];
    const active = cellYesNo(r.get('active'), true);
    if (!name) { refuse(unitsSheet, r.row, what, t.required('Nombre')); continue; }
    if (!kind) { refuse(unitsSheet, r.row, what, t.badKind(r.text('kind'))); continue; }
    if (!level) { refuse(unitsSheet, r.row, what, t.badLevel(r.text('level'))); continue; }
    if (active === undefined) { refuse(unitsSheet, r.row, what, t.badYesNo('Activa', r.text('active'))); continue; }
    const parentId = r.text('parent').toLowerCase() || null;
    const current = units.get(id);
    const unit: DirectoryUnit = { id, name, kind, level, parentId, active, version: current ? current.version + 1 : 1 };
    unitRows.push({ r, unit, parentId });
  }
  const finalUnits = new Map(units);
  for (const { unit } of unitRows) finalUnits.set(unit.id, unit);
  for (const { r, unit, parentId } of unitRows) {
    if (parentId !== null && !finalUnits.has(parentId)) { refuse(unitsSheet, r.row, unit.name, t.unknownUnit(parentId)); continue; }
    if (parentId !== null && createsCycle(finalUnits, unit.id)) { refuse(unitsSheet, r.row, unit.name, t.cycle(parentId)); continue; }
    const current = units.get(unit.id);
    if (!current) { changes.push({ kind: 'unit', before: null, after: unit }); note(unitsSheet, r.row, 'crear', unit.name); continue; }
    if (sameUnit(current, unit)) { note(unitsSheet, r.row, 'sin cambios', unit.name); continue; }
    changes.push({ kind: 'unit', before: current, after: unit });
    note(unitsSheet, r.row, 'cambiar', unit.name, describeUnitChange(current, unit));
  }

  // ── Personas ──
  const peopleSheet = WORKBOOK_SHEETS.people;
  const byEmail = new Map<string, DirectoryPerson[]>();
  for (const p of snapshot.people) byEmail.set(normalizeEmail(p.email), [...(byEmail.get(normalizeEmail(p.email)) ?? []), p]);
  const takenIds = new Set(snapshot.people.map((p) => p.id));
  const seenEmails = new Map<string, number>();
  const finalPeople = new Map<string, DirectoryPerson>(); // by e-mail
  for (const p of snapshot.people) if ((byEmail.get(normalizeEmail(p.email)) ?? []).length === 1) finalPeople.set(normalizeEmail(p.email), p);
  const ambiguous = new Set<string>();
  for (const r of tables.people!.rows) {
    const email = normalizeEmail(r.text('email'));
    const name = r.text('name').replace(/\s+/g, ' ');
    const what = name || email;
    if (!isEmail(email)) { refuse(peopleSheet, r.row, what, t.badEmail(r.text('email'))); continue; }
    if (seenEmails.has(email)) { refuse(peopleSheet, r.row, what, t.duplicate('correo', email, seenEmails.get(email)!)); continue; }
    seenEmails.set(email, r.row);
    const matches = byEmail.get(email) ?? [];
    if (matches.length > 1) { ambiguous.add(email); refuse(peopleSheet, r.row, what, t.emailTwoPeople(email, matches.map((p) => p.name))); continue; }
    if (!name) { refuse(peopleSheet, r.row, what, t.required('Nombre')); continue; }
    const active = cellYesNo(r.get('active'), true);
    if (active === undefined) { refuse(peopleSheet, r.row, what, t.badYesNo('Activa', r.text('active'))); continue; }
    const aad = r.text('aad').toLowerCase();
    if (aad && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(aad)) { refuse(peopleSheet, r.row, what, t.badAad(r.text('aad'))); continue; }
    const current = matches[0] ?? null;
    if (aad && current && current.aadObjectId && current.aadObjectId.toLowerCase() !== aad) { refuse(peopleSheet, r.row, what, t.aadChanged(current.name)); continue; }
    const holder = aad ? snapshot.people.find((p) => p.aadObjectId.toLowerCase() === aad && p !== current) : undefined;
    if (holder) { refuse(peopleSheet, r.row, what, t.aadTaken(holder.name)); continue; }
    const wantedId = r.text('id');
    const id = current?.id ?? (wantedId && UNIT_ID.test(wantedId) && !takenIds.has(wantedId) ? wantedId : personIdFromEmail(email, takenIds));
    takenIds.add(id);
    const person: DirectoryPerson = {
      id,
      aadObjectId: aad || current?.aadObjectId || '',
      name,
      email,
      jobTitle: r.text('jobTitle') || (current?.jobTitle ?? ''),
      phone: r.text('phone') || (current?.phone ?? ''),
      active,
      version: current ? current.version + 1 : 1,
    };
    finalPeople.set(email, person);
    if (!current) { changes.push({ kind: 'person', before: null, after: person }); note(peopleSheet, r.row, 'crear', name, email); continue; }
    if (samePerson(current, person)) { note(peopleSheet, r.row, 'sin cambios', name, email); continue; }
    changes.push({ kind: 'person', before: current, after: person });
    note(peopleSheet, r.row, 'cambiar', name, describePersonChange(current, person));
  }

  // ── Asignaciones ──
  const assignmentsSheet = WORKBOOK_SHEETS.assignments;
  const existing = new Map(snapshot.assignments.map((a) => [a.id, a]));
  const rowOf = new Map<string, number>();
  const planned: Assignment[] = [];
  for (const r of tables.assignments!.rows) {
    const email = normalizeEmail(r.text('email'));
    const person = finalPeople.get(email);
    const role = ROLE_NAMES[foldText(r.text('role'))];
    const unitId = r.text('unit').toLowerCase() || null;
    const from = cellDate(r.get('from'));
    const to = cellDate(r.get('to'));
    const what = `${person?.name ?? email} · ${role ? roleLabels[role] : r.text('role')}${unitId ? ` · ${finalUnits.get(unitId)?.name ?? unitId}` : ''}`;
    if (ambiguous.has(email) || (byEmail.get(email)?.length ?? 0) > 1) { refuse(assignmentsSheet, r.row, what, t.emailTwoPeople(email, (byEmail.get(email) ?? []).map((p) => p.name))); continue; }
    if (!person) { refuse(assignmentsSheet, r.row, what, isEmail(email) ? t.unknownPerson(email) : t.badEmail(r.text('email'))); continue; }
    if (!role) { refuse(assignmentsSheet, r.row, what, t.badRole(r.text('role'))); continue; }
    if (ENTITY_ROLES.has(role) && unitId) { refuse(assignmentsSheet, r.row, what, t.entityRole(roleLabels[role])); continue; }
    if (!ENTITY_ROLES.has(role) && !unitId) { refuse(assignmentsSheet, r.row, what, t.unitRole(roleLabels[role])); continue; }
    const unit = unitId ? finalUnits.get(unitId) : null;
    if (unitId && !unit) { refuse(assignmentsSheet, r.row, what, t.unknownUnit(unitId)); continue; }
    if (!from) { refuse(assignmentsSheet, r.row, what, from === null ? t.required('Desde') : t.badDate('Desde', r.text('from'))); continue; }
    if (to === undefined) { refuse(assignmentsSheet, r.row, what, t.badDate('Hasta', r.text('to'))); continue; }
    if (to !== null && to < from) { refuse(assignmentsSheet, r.row, what, t.endsBeforeStart(from, to)); continue; }
    const open = to === null || to >= today;
    if (unit && !unit.active && open) { refuse(assignmentsSheet, r.row, what, t.inactiveUnit(unit.name)); continue; }
    if (!person.active && open) { refuse(assignmentsSheet, r.row, what, t.inactivePerson(person.name)); continue; }
    const id = assignmentId({ personId: person.id, role, unitId, from });
    if (rowOf.has(id)) { refuse(assignmentsSheet, r.row, what, t.duplicateAssignment(rowOf.get(id)!)); continue; }
    rowOf.set(id, r.row);
    const current = existing.get(id);
    const assignment: Assignment = { id, personId: person.id, role, unitId, from, to, version: current ? current.version + 1 : 1 };
    planned.push(assignment);
    if (!current) { changes.push({ kind: 'assignment', before: null, after: assignment }); note(assignmentsSheet, r.row, 'crear', what, t.span(from, to)); continue; }
    if (current.to === to) { note(assignmentsSheet, r.row, 'sin cambios', what, t.span(from, to)); continue; }
    changes.push({ kind: 'assignment', before: current, after: assignment });
    note(assignmentsSheet, r.row, to !== null && (current.to === null || to < current.to) ? 'terminar' : 'cambiar', what, t.span(from, to));
  }
  // People or units the workbook deactivates while they still hold roles it does not end.
  for (const a of snapshot.assignments) {
    if (rowOf.has(a.id) || !(a.to === null || a.to >= today)) continue;
    const person = [...finalPeople.values()].find((p) => p.id === a.personId);
    const unit = a.unitId ? finalUnits.get(a.unitId) : null;
    const holder = person?.name ?? a.personId;
    if (person && !person.active) refuse(peopleSheet, seenEmails.get(normalizeEmail(person.email)) ?? 0, holder, t.stillHolds(holder, roleLabels[a.role], unit?.name ?? null));
    else if (unit && !unit.active) refuse(unitsSheet, seenUnits.get(unit.id) ?? 0, unit.name, t.unitStillHas(unit.name, holder, roleLabels[a.role]));
  }
  // Overlaps and second líderes, over the directory as it would be.
  const after = applyChanges(snapshot, changes);
  for (const problem of assignmentProblems(after)) {
    const row = rowOf.get(problem.assignmentId);
    const a = after.assignments.find((x) => x.id === problem.assignmentId)!;
    refuse(assignmentsSheet, row ?? 0, `${after.people.find((p) => p.id === a.personId)?.name ?? a.personId} · ${roleLabels[a.role]}`, problem.message);
  }

  // ── Objetivos ──
  const objectivesSheet = WORKBOOK_SHEETS.objectives;
  const seenObjectives = new Map<string, number>();
  for (const r of tables.objectives?.rows ?? []) {
    const vigencia = cellNumber(r.get('vigencia'));
    const code = r.text('code').toUpperCase();
    const title = r.text('title');
    const what = `${code} ${vigencia ?? ''}`.trim();
    if (typeof vigencia !== 'number' || !isVigencia(vigencia)) { refuse(objectivesSheet, r.row, what, t.badVigencia(r.text('vigencia'))); continue; }
    if (!code) { refuse(objectivesSheet, r.row, what, t.required('Código')); continue; }
    if (!title) { refuse(objectivesSheet, r.row, what, t.required('Enunciado')); continue; }
    const active = cellYesNo(r.get('active'), true);
    if (active === undefined) { refuse(objectivesSheet, r.row, what, t.badYesNo('Activo', r.text('active'))); continue; }
    const key = `${vigencia}|${code}`;
    if (seenObjectives.has(key)) { refuse(objectivesSheet, r.row, what, t.duplicate('código', `${code} (${vigencia})`, seenObjectives.get(key)!)); continue; }
    seenObjectives.set(key, r.row);
    const current = snapshot.objectives.find((o) => o.vigencia === vigencia && o.code === code);
    const objective: StrategicObjective = { id: current?.id ?? `${slugOf(code)}-${vigencia}`, vigencia, code, title, active, version: current ? current.version + 1 : 1 };
    if (!current) { changes.push({ kind: 'objective', before: null, after: objective }); note(objectivesSheet, r.row, 'crear', what, title); continue; }
    if (current.title === title && current.active === active) { note(objectivesSheet, r.row, 'sin cambios', what); continue; }
    changes.push({ kind: 'objective', before: current, after: objective });
    note(objectivesSheet, r.row, 'cambiar', what, title);
  }

  const refused = rows.some((r) => r.outcome === 'rechazada');
  return { changes: refused ? [] : orderChanges(changes), rows: rows.sort((a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row), ignoredColumns };
}

const SHEET_ORDER: string[] = Object.values(WORKBOOK_SHEETS);

/** Units parents first (the foreign key), then people, assignments, objectives. */
function orderChanges(changes: DirectoryChange[]): DirectoryChange[] {
  const units = changes.filter((c): c is Extract<DirectoryChange, { kind: 'unit' }> => c.kind === 'unit');
  const placed = new Set<string>();
  const ordered: DirectoryChange[] = [];
  const ids = new Set(units.map((u) => u.after.id));
  let pending = units;
  while (pending.length > 0) {
    const ready = pending.filter((c) => c.after.parentId === null || !ids.has(c.after.parentId) || placed.has(c.after.parentId));
    if (ready.length === 0) break;
    for (const c of ready) {
      ordered.push(c);
      placed.add(c.after.id);
    }
    pending = pending.filter((c) => !ready.includes(c));
  }
  ordered.push(...pending);
  return [...ordered, ...(['person', 'assignment', 'objective'] as const).flatMap((k) => changes.filter((c) => c.kind === k))];
}

function createsCycle(units: ReadonlyMap<string, Unit>, id: string): boolean {
  const seen = new Set<string>([id]);
  let next = units.get(id)?.parentId ?? null;
  while (next) {
    if (seen.has(next)) return true;
    seen.add(next);
    next = units.get(next)?.parentId ?? null;
  }
  return false;
}

const sameUnit = (a: DirectoryUnit, b: DirectoryUnit) => a.name === b.name && a.kind === b.kind && a.level === b.level && a.parentId === b.parentId && a.active === b.active;
const samePerson = (a: DirectoryPerson, b: DirectoryPerson) => a.name === b.name && a.jobTitle === b.jobTitle && a.phone === b.phone && a.active === b.active && a.aadObjectId === b.aadObjectId && a.email === b.email;

function describeUnitChange(a: DirectoryUnit, b: DirectoryUnit): string {
  const parts: string[] = [];
  if (a.name !== b.name) parts.push(t.renamed(a.name));
  if (a.parentId !== b.parentId) parts.push(t.moved(a.parentId ?? '—', b.parentId ?? '—'));
  if (a.active !== b.active) parts.push(b.active ? t.reactivated : t.deactivated);
  if (a.kind !== b.kind || a.level !== b.level) parts.push(t.levelChanged);
  return parts.join('; ');
}

function describePersonChange(a: DirectoryPerson, b: DirectoryPerson): string {
  const parts: string[] = [];
  if (a.name !== b.name) parts.push(t.renamed(a.name));
  if (a.jobTitle !== b.jobTitle) parts.push(t.field('cargo'));
  if (a.phone !== b.phone) parts.push(t.field('teléfono'));
  if (a.aadObjectId !== b.aadObjectId) parts.push(t.field('id de Entra ID'));
  if (a.active !== b.active) parts.push(b.active ? t.reactivated : t.deactivated);
  return parts.join('; ');
}

/** The workbook's rows for a directory (the export: what the import reads back with no change). */
export function directoryWorkbookRows(snapshot: DirectorySnapshot): Record<keyof typeof WORKBOOK_SHEETS, Array<Array<string | number>>> {
  const email = new Map(snapshot.people.map((p) => [p.id, p.email]));
  const yes = (b: boolean) => (b ? 'sí' : 'no');
  return {
    units: snapshot.units.map((u) => [u.id, u.name, u.kind === 'central' ? 'Central' : 'Alcaldía local', unitLevelLabels[u.level], u.parentId ?? '', yes(u.active)]),
    people: snapshot.people.map((p) => [p.email, p.name, p.jobTitle, p.phone, p.aadObjectId, yes(p.active), p.id]),
    assignments: snapshot.assignments.map((a) => [email.get(a.personId) ?? a.personId, roleLabels[a.role], a.unitId ?? '', a.from, a.to ?? '']),
    objectives: snapshot.objectives.map((o) => [o.vigencia, o.code, o.title, yes(o.active)]),
  };
}

/** The header row of each sheet (the template's and the export's). */
export const WORKBOOK_HEADERS = Object.fromEntries(
  Object.entries(WORKBOOK_COLUMNS).map(([sheet, columns]) => [sheet, Object.values(columns).map((names) => (names as readonly string[])[0]!)]),
) as Record<keyof typeof WORKBOOK_SHEETS, string[]>;
