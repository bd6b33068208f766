/**
 * The directory the ETI team keeps (seed 000, activity 1): units in a hierarchy, people, and who
 * holds which role where and when. Pure rules: which assignments are in force on a date, what
 * overlaps, which units lack an enlace or a líder, and the changes a replacement, a deactivation
 * or a move make. The store applies the changes these functions return, all or nothing.
 */
import { directoryMessages as m, unitLevelLabels } from './i18n/es-CO/directory.js';
import { roleLabels } from './i18n/es-CO/shared.js';
import { parseIsoDate, toIsoDate } from './quarter.js';
import type { InstitutionalObjective, IsoDate, Person, Role, RoleAssignment, Unit } from './types.js';

/** A unit as the directory keeps it: a deactivated unit keeps its history but takes no new roles. */
export interface DirectoryUnit extends Unit {
  active: boolean;
  version: number;
}

/** A person as the directory keeps it. `aadObjectId` is '' until the person first signs in (linked by e-mail). */
export interface DirectoryPerson extends Person {
  active: boolean;
  phone: string;
  version: number;
}

/** One role held by one person for one unit (or the entity) from `from` to `to`, both days included. */
export interface Assignment extends RoleAssignment {
  id: string;
  from: IsoDate;
  /** null: still in force. */
  to: IsoDate | null;
  version: number;
}

/** One of the entity's institutional strategic objectives for a vigencia (year), as the OAP keeps them. */
export interface StrategicObjective extends InstitutionalObjective {
  vigencia: number;
  active: boolean;
  version: number;
}

/** Everything the directory holds, history included. */
export interface DirectorySnapshot {
  units: DirectoryUnit[];
  people: DirectoryPerson[];
  assignments: Assignment[];
  objectives: StrategicObjective[];
}

/** One change of the directory: a record created (`before` null) or updated from `before` (compare-and-set on its version). */
export type DirectoryChange =
  | { kind: 'unit'; before: DirectoryUnit | null; after: DirectoryUnit }
  | { kind: 'person'; before: DirectoryPerson | null; after: DirectoryPerson }
  | { kind: 'assignment'; before: Assignment | null; after: Assignment }
  | { kind: 'objective'; before: StrategicObjective | null; after: StrategicObjective };

export const ROLES: readonly Role[] = ['lider', 'enlace', 'miembro', 'promotor', 'coach', 'eti', 'oap', 'dti', 'secretario'];
/** Roles of the whole entity (no unit). */
export const ENTITY_ROLES: ReadonlySet<Role> = new Set(['coach', 'eti', 'oap', 'dti', 'secretario']);
/** Roles one person holds at a time: a unit has one líder; the entity one Secretario/a. */
export const SINGLE_HOLDER_ROLES: ReadonlySet<Role> = new Set(['lider', 'secretario']);

export const UNIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Raised by the planning functions: a Spanish sentence for the person, nothing changed. */
export class DirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryError';
  }
}

const fail = (message: string): never => {
  throw new DirectoryError(message);
};

// ── dates ──────────────────────────────────────────────────────────────────────────────────────

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return toIsoDate(parseIsoDate(value)) === value;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return toIsoDate(new Date(parseIsoDate(date).getTime() + n * 86_400_000));
}

/** Whether the assignment holds on `date` (from and to included). */
export function inForce(a: Pick<Assignment, 'from' | 'to'>, date: IsoDate): boolean {
  return a.from <= date && (a.to === null || date <= a.to);
}

/** The assignments in force on `date`, as the rest of the app reads roles. */
export function rolesOn(assignments: readonly Assignment[], date: IsoDate): RoleAssignment[] {
  return assignments.filter((a) => inForce(a, date)).map(({ personId, role, unitId }) => ({ personId, role, unitId }));
}

/** An assignment ended the day before it started: planned, then called off; never in force. */
export const isCancelledAssignment = (a: Pick<Assignment, 'from' | 'to'>): boolean => a.to !== null && a.to === addDays(a.from, -1);

const overlaps = (a: Pick<Assignment, 'from' | 'to'>, b: Pick<Assignment, 'from' | 'to'>): boolean =>
  a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');

/** The stable id of an assignment: who, which role, where, since when (so an import run twice finds it). */
export function assignmentId(a: Pick<Assignment, 'personId' | 'role' | 'unitId' | 'from'>): string {
  return `${a.personId}|${a.role}|${a.unitId ?? '*'}|${a.from}`;
}

// ── names ──────────────────────────────────────────────────────────────────────────────────────

/** Accents, case and extra spaces aside: how names, e-mails and team names are compared. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
export const isEmail = (email: string): boolean => EMAIL.test(email.trim());

/** A unit id from a name: «Alcaldía Local de Usaquén» → alcaldia-local-de-usaquen. */
export function slugOf(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** `base`, or `base-2`, `base-3`… the first not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const root = base || 'persona';
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}

/** A new person's id from their e-mail: nombre.apellido@… → nombre-apellido (or -2, -3… when taken). */
export function personIdFromEmail(email: string, taken: ReadonlySet<string>): string {
  return uniqueId(slugOf(email.split('@')[0]!.replace(/[._]/g, '-')), taken);
}

/** People whose name, e-mail or job title contains every word typed, accents and case aside (the pickers' search). */
export function searchPeople<P extends Pick<Person, 'name' | 'jobTitle'> & { email?: string }>(people: readonly P[], query: string, limit = 20): P[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [];
  const hits = people.filter((p) => {
    const text = foldText(`${p.name} ${p.email ?? ''} ${p.jobTitle}`);
    return words.every((w) => text.includes(w));
  });
  const first = words[0]!;
  // Names that start with what was typed first, then the rest, each alphabetically.
  const starts = (p: P) => foldText(p.name).split(' ').some((part) => part.startsWith(first));
  return hits.sort((a, b) => Number(starts(b)) - Number(starts(a)) || a.name.localeCompare(b.name, 'es')).slice(0, limit);
}

// ── the hierarchy ──────────────────────────────────────────────────────────────────────────────

export interface UnitNode {
  unit: DirectoryUnit;
  depth: number;
  children: UnitNode[];
}

/** The units as a tree (Despacho › Subsecretaría › Dirección › Subdirección; alcaldías under theirs), siblings by name. */
export function unitTree(units: readonly DirectoryUnit[]): UnitNode[] {
  const byParent = new Map<string | null, DirectoryUnit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), u]);
  }
  const build = (parent: string | null, depth: number, seen: Set<string>): UnitNode[] =>
    (byParent.get(parent) ?? [])
      .filter((u) => !seen.has(u.id))
      .sort((a, b) => Number(a.kind === 'alcaldia') - Number(b.kind === 'alcaldia') || a.name.localeCompare(b.name, 'es'))
      .map((unit) => ({ unit, depth, children: build(unit.id, depth + 1, new Set([...seen, unit.id])) }));
  return build(null, 0, new Set());
}

/** The unit's ancestors, nearest last: [Despacho, Subsecretaría…]. */
export function ancestorsOf(units: readonly Unit[], unitId: string): Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: Unit[] = [];
  let next = byId.get(unitId)?.parentId ?? null;
  while (next && !out.some((u) => u.id === next)) {
    const u = byId.get(next);
    if (!u) break;
    out.unshift(u);
    next = u.parentId;
  }
  return out;
}

// ── checks ─────────────────────────────────────────────────────────────────────────────────────

export interface AssignmentProblem {
  assignmentId: string;
  message: string;
}

const unitLabel = (units: ReadonlyMap<string, Unit>, unitId: string | null) => (unitId ? (units.get(unitId)?.name ?? unitId) : 'la entidad');

/**
 * What is wrong with a set of assignments (the whole directory after a change): dates out of order,
 * the same person twice in the same role and unit at once, two líderes of a unit (or two
 * Secretarios) at once, a role of a unit on an entity role or the other way round.
 */
export function assignmentProblems(snapshot: Pick<DirectorySnapshot, 'units' | 'people' | 'assignments'>): AssignmentProblem[] {
  const units = new Map(snapshot.units.map((u) => [u.id, u]));
  const people = new Map(snapshot.people.map((p) => [p.id, p]));
  const out: AssignmentProblem[] = [];
  const byPlace = new Map<string, Assignment[]>();
  for (const a of snapshot.assignments) {
    if (!ROLES.includes(a.role)) out.push({ assignmentId: a.id, message: m.roleInvalid(a.role) });
    if (ENTITY_ROLES.has(a.role) && a.unitId !== null) out.push({ assignmentId: a.id, message: m.roleIsEntityWide(roleLabels[a.role]) });
    if (!ENTITY_ROLES.has(a.role) && a.unitId === null) out.push({ assignmentId: a.id, message: m.roleNeedsUnit(roleLabels[a.role] ?? a.role) });
    if (a.to !== null && a.to < a.from && !isCancelledAssignment(a)) out.push({ assignmentId: a.id, message: m.endsBeforeStart(a.from, a.to) });
    const key = `${a.role}|${a.unitId ?? '*'}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), a]);
  }
  for (const group of byPlace.values()) {
    const sorted = [...group].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        if (isCancelledAssignment(a) || isCancelledAssignment(b) || !overlaps(a, b)) continue;
        const role = roleLabels[b.role];
        const unit = unitLabel(units, b.unitId);
        const span = (x: Assignment) => [x.from, x.to ?? 'hoy'] as const;
        if (a.personId === b.personId) out.push({ assignmentId: b.id, message: m.overlap(people.get(b.personId)?.name ?? b.personId, role, b.unitId ? ` de ${unit}` : '', ...span(a)) });
        else if (SINGLE_HOLDER_ROLES.has(b.role)) out.push({ assignmentId: b.id, message: m.singleHolder(role, unit, people.get(a.personId)?.name ?? a.personId, ...span(a)) });
      }
    }
  }
  return out;
}

export interface UnitWarning {
  unitId: string;
  unitName: string;
  missing: Array<'enlace' | 'lider'>;
}

/** Active units that have no enlace or no líder on `date` (the ETI's warning list). */
export function directoryWarnings(units: readonly DirectoryUnit[], assignments: readonly Assignment[], date: IsoDate): UnitWarning[] {
  const held = new Set(assignments.filter((a) => a.unitId && inForce(a, date)).map((a) => `${a.role}|${a.unitId}`));
  return units
    .filter((u) => u.active)
    .map((u) => ({ unitId: u.id, unitName: u.name, missing: (['enlace', 'lider'] as const).filter((r) => !held.has(`${r}|${u.id}`)) }))
    .filter((w) => w.missing.length > 0)
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'es'));
}

// ── planning changes ───────────────────────────────────────────────────────────────────────────

const bump = <T extends { version: number }>(record: T, patch: Partial<T>): T => ({ ...record, ...patch, version: record.version + 1 });

/** Refuses a snapshot whose assignments break the rules (the first problem, in Spanish). */
export function checkAssignments(snapshot: Pick<DirectorySnapshot, 'units' | 'people' | 'assignments'>): void {
  const [first] = assignmentProblems(snapshot);
  if (first) fail(first.message);
}

/** The snapshot with the changes applied (to check the result before storing it). */
export function applyChanges(snapshot: DirectorySnapshot, changes: readonly DirectoryChange[]): DirectorySnapshot {
  const out: DirectorySnapshot = { units: [...snapshot.units], people: [...snapshot.people], assignments: [...snapshot.assignments], objectives: [...snapshot.objectives] };
  const put = <T extends { id: string }>(list: T[], record: T) => {
    const i = list.findIndex((x) => x.id === record.id);
    if (i >= 0) list[i] = record;
    else list.push(record);
  };
  for (const c of changes) {
    if (c.kind === 'unit') put(out.units, c.after);
    else if (c.kind === 'person') put(out.people, c.after);
    else if (c.kind === 'assignment') put(out.assignments, c.after);
    else put(out.objectives, c.after);
  }
  return out;
}

export interface NewAssignment {
  personId: string;
  role: Role;
  unitId: string | null;
  from: IsoDate;
  to?: IsoDate | null;
}

/** A new assignment, checked against the directory: an active person, an active unit, no overlap. */
export function planAssignment(snapshot: DirectorySnapshot, input: NewAssignment): DirectoryChange[] {
  const person = snapshot.people.find((p) => p.id === input.personId) ?? fail(m.personUnknown(input.personId));
  if (!person.active) fail(m.personInactive(person.name));
  if (!isIsoDate(input.from)) fail(m.dateInvalid(input.from));
  if (input.to && !isIsoDate(input.to)) fail(m.dateInvalid(input.to));
  if (input.unitId !== null) {
    const unit = snapshot.units.find((u) => u.id === input.unitId) ?? fail(m.unitUnknown(input.unitId));
    if (!unit.active) fail(m.unitInactive(unit.name));
  }
  const after: Assignment = { id: assignmentId(input), personId: input.personId, role: input.role, unitId: input.unitId, from: input.from, to: input.to ?? null, version: 1 };
  const changes: DirectoryChange[] = [{ kind: 'assignment', before: null, after }];
  checkAssignments(applyChanges(snapshot, changes));
  return changes;
}

/** Ends an assignment on `to` (its last day). */
export function planEnd(snapshot: DirectorySnapshot, assignmentIdToEnd: string, to: IsoDate): DirectoryChange[] {
  const current = snapshot.assignments.find((a) => a.id === assignmentIdToEnd) ?? fail(m.assignmentUnknown);
  if (!isIsoDate(to)) fail(m.dateInvalid(to));
  if (current.to !== null && current.to <= to) fail(m.assignmentEnded(current.to));
  if (to < current.from) fail(m.endsBeforeStart(current.from, to));
  return [{ kind: 'assignment', before: current, after: bump(current, { to }) }];
}

/**
 * Replaces who holds an assignment from `date` on: the current one ends the day before, the new
 * person's starts on `date`. History stays: both records remain, each with its dates.
 */
export function planReplacement(snapshot: DirectorySnapshot, assignmentIdToReplace: string, newPersonId: string, date: IsoDate): DirectoryChange[] {
  const current = snapshot.assignments.find((a) => a.id === assignmentIdToReplace) ?? fail(m.assignmentUnknown);
  if (!isIsoDate(date)) fail(m.dateInvalid(date));
  if (current.personId === newPersonId) fail(m.replaceSamePerson);
  if (date <= current.from) fail(m.replaceDateTooEarly(current.from));
  if (current.to !== null && current.to < addDays(date, -1)) fail(m.assignmentEnded(current.to));
  const ended: DirectoryChange = { kind: 'assignment', before: current, after: bump(current, { to: addDays(date, -1) }) };
  const started = planAssignment(applyChanges(snapshot, [ended]), { personId: newPersonId, role: current.role, unitId: current.unitId, from: date, to: current.to });
  return [ended, ...started];
}

/** A person who leaves (a contract ends): every assignment in force ends on `lastDay`, and the person is deactivated. */
export function planPersonDeactivation(snapshot: DirectorySnapshot, personId: string, lastDay: IsoDate): { changes: DirectoryChange[]; ended: Assignment[] } {
  const person = snapshot.people.find((p) => p.id === personId) ?? fail(m.personUnknown(personId));
  if (!isIsoDate(lastDay)) fail(m.dateInvalid(lastDay));
  const open = snapshot.assignments.filter((a) => a.personId === personId && (a.to === null || a.to > lastDay) && a.from <= lastDay);
  const future = snapshot.assignments.filter((a) => a.personId === personId && a.from > lastDay);
  const changes: DirectoryChange[] = open.map((a) => ({ kind: 'assignment', before: a, after: bump(a, { to: lastDay }) }));
  // An assignment that had not started yet is cancelled: it ends the day before it would have started (never in force).
  for (const a of future) changes.push({ kind: 'assignment', before: a, after: bump(a, { to: addDays(a.from, -1) }) });
  if (person.active) changes.push({ kind: 'person', before: person, after: bump(person, { active: false }) });
  return { changes, ended: open };
}

export interface UnitInput {
  id: string;
  name: string;
  kind: Unit['kind'];
  level: Unit['level'];
  parentId: string | null;
}

function checkParent(snapshot: DirectorySnapshot, unitId: string, unitName: string, parentId: string | null): void {
  if (parentId === null) return;
  const parent = snapshot.units.find((u) => u.id === parentId) ?? fail(m.parentUnknown(parentId));
  if (!parent.active) fail(m.parentInactive(parent.name));
  if (parentId === unitId || ancestorsOf(snapshot.units, parentId).some((u) => u.id === unitId)) fail(m.parentCycle(unitName, parent.name));
}

export function planNewUnit(snapshot: DirectorySnapshot, input: UnitInput): DirectoryChange[] {
  const name = input.name.trim();
  if (!name) fail(m.unitNameRequired);
  if (!UNIT_ID.test(input.id)) fail(m.unitIdInvalid(input.id));
  if (snapshot.units.some((u) => u.id === input.id)) fail(m.unitExists(input.id));
  checkParent(snapshot, input.id, name, input.parentId);
  return [{ kind: 'unit', before: null, after: { ...input, name, active: true, version: 1 } }];
}

/** Renames or moves a unit in the hierarchy (never under itself or one of its own). */
export function planUnitUpdate(snapshot: DirectorySnapshot, unitId: string, patch: { name?: string; parentId?: string | null; level?: Unit['level'] }): DirectoryChange[] {
  const unit = snapshot.units.find((u) => u.id === unitId) ?? fail(m.unitUnknown(unitId));
  const name = patch.name === undefined ? unit.name : patch.name.trim();
  if (!name) fail(m.unitNameRequired);
  const parentId = patch.parentId === undefined ? unit.parentId : patch.parentId;
  if (parentId !== unit.parentId) checkParent(snapshot, unit.id, name, parentId);
  const after = bump(unit, { name, parentId, level: patch.level ?? unit.level });
  if (after.name === unit.name && after.parentId === unit.parentId && after.level === unit.level) fail(m.noChanges);
  return [{ kind: 'unit', before: unit, after }];
}

/** Deactivates a unit (never deletes it: its history stays): its assignments in force end on `lastDay`. */
export function planUnitDeactivation(snapshot: DirectorySnapshot, unitId: string, lastDay: IsoDate): { changes: DirectoryChange[]; ended: Assignment[] } {
  const unit = snapshot.units.find((u) => u.id === unitId) ?? fail(m.unitUnknown(unitId));
  if (!isIsoDate(lastDay)) fail(m.dateInvalid(lastDay));
  const children = snapshot.units.filter((u) => u.parentId === unitId && u.active);
  if (children.length > 0) fail(m.unitHasActiveChildren(unit.name, children.map((c) => c.name).join(', ')));
  const open = snapshot.assignments.filter((a) => a.unitId === unitId && (a.to === null || a.to > lastDay));
  const changes: DirectoryChange[] = open.map((a) => ({ kind: 'assignment', before: a, after: bump(a, { to: a.from > lastDay ? addDays(a.from, -1) : lastDay }) }));
  if (unit.active) changes.push({ kind: 'unit', before: unit, after: bump(unit, { active: false }) });
  return { changes, ended: open };
}

export function unitLevelLabel(level: Unit['level']): string {
  return unitLevelLabels[level];
}

// ── strategic objectives ───────────────────────────────────────────────────────────────────────

export function isVigencia(value: number): boolean {
  return Number.isInteger(value) && value >= 2000 && value <= 2100;
}

/** A new objective of a vigencia, or a change of one (code, wording, active). */
export function planObjective(snapshot: DirectorySnapshot, input: { id?: string; vigencia: number; code: string; title: string; active: boolean }): DirectoryChange[] {
  const code = input.code.trim().toUpperCase();
  const title = input.title.trim();
  if (!isVigencia(input.vigencia)) fail(m.vigenciaInvalid(String(input.vigencia)));
  if (!code) fail(m.objectiveCodeRequired);
  if (!title) fail(m.objectiveTitleRequired);
  const current = input.id ? (snapshot.objectives.find((o) => o.id === input.id) ?? null) : null;
  const vigencia = current?.vigencia ?? input.vigencia;
  if (snapshot.objectives.some((o) => o.vigencia === vigencia && o.code === code && o.id !== current?.id)) fail(m.objectiveCodeTaken(code, vigencia));
  if (!current) {
    const id = input.id ?? `${slugOf(code)}-${vigencia}`;
    return [{ kind: 'objective', before: null, after: { id, code, title, vigencia, active: input.active, version: 1 } }];
  }
  if (current.code === code && current.title === title && current.active === input.active) fail(m.noChanges);
  return [{ kind: 'objective', before: current, after: bump(current, { code, title, active: input.active }) }];
}
