import {
  applyChanges,
  directoryMessages,
  directoryWarnings,
  inForce,
  isEmail,
  msg,
  normalizeEmail,
  planAssignment,
  planEnd,
  planNewUnit,
  planObjective,
  planPersonDeactivation,
  planReplacement,
  planUnitDeactivation,
  planUnitUpdate,
  roleLabels,
  personIdFromEmail,
  searchPeople,
  slugOf,
  uniqueId,
  DirectoryError,
  type Assignment,
  type AssignRequest,
  type AssignmentView,
  type DirectoryChange,
  type DirectoryChangeResult,
  type DirectoryPerson,
  type DirectorySnapshot,
  type DirectoryView,
  type EntraPick,
  type ObjectiveRequest,
  type Person,
  type PersonChoice,
  type PersonMatch,
  type ReplaceRequest,
  type RoleAssignment,
  type UnitRequest,
} from '@okr/core';
import type { DirectoryPort } from '../store/Store.js';
import { ConflictError } from '../store/Store.js';
import { seesWholeEntity } from './access.js';
import { today, type Clock } from './clock.js';
import { Refusal } from './refusal.js';

/** What the directory tells people: the welcome card of a new enlace. */
export interface DirectoryNotices {
  /** Sends the welcome card; false when the bot cannot reach the person yet. */
  welcomeEnlace(personId: string, unitId: string, from: string): Promise<boolean>;
}

/** ETI and DTI keep the directory (seed 000, activity 1; DTI administers the platform). */
export const canEditDirectory = (roles: readonly RoleAssignment[]) => roles.some((r) => r.role === 'eti' || r.role === 'dti');
/** The OAP keeps the institutional strategic objectives (DTI administers). */
export const canEditObjectives = (roles: readonly RoleAssignment[]) => roles.some((r) => r.role === 'oap' || r.role === 'dti');

const refuse = (error: unknown): never => {
  if (error instanceof DirectoryError) throw new Refusal('invalid', error.message);
  throw error;
};

/** Runs a planning function, turning its Spanish refusal into a Refusal the API and the bot answer with. */
function plan<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    return refuse(error);
  }
}

/**
 * The directory the ETI keeps: who holds which role where and since when. Reads check who may see
 * what (everyone their own units; the entity-wide roles everything); changes are for the ETI and
 * the DTI (the strategic objectives for the OAP), each all or nothing and audited.
 */
export class DirectoryService {
  constructor(
    private readonly store: DirectoryPort,
    private readonly clock: Clock,
    private readonly notices?: DirectoryNotices,
  ) {}

  private today(): string {
    return today(this.clock).date;
  }

  async view(person: Person): Promise<DirectoryView> {
    const [roles, snapshot] = await Promise.all([this.store.rolesOf(person.id), this.store.loadDirectory()]);
    return this.viewOf(roles, snapshot);
  }

  private viewOf(roles: readonly RoleAssignment[], snapshot: DirectorySnapshot): DirectoryView {
    const date = this.today();
    const whole = seesWholeEntity(roles);
    const mine = new Set(roles.flatMap((r) => (r.unitId ? [r.unitId] : [])));
    const seen = (unitId: string | null) => whole || (unitId !== null && mine.has(unitId));
    const assignments = snapshot.assignments.filter((a) => seen(a.unitId)).map((a) => this.assignmentView(snapshot, a, date));
    const people = new Set(assignments.map((a) => a.personId));
    const editor = canEditDirectory(roles);
    return {
      today: date,
      units: snapshot.units.filter((u) => seen(u.id)),
      people: snapshot.people.filter((p) => whole || people.has(p.id)).map(personView),
      assignments,
      warnings: editor ? directoryWarnings(snapshot.units, snapshot.assignments, date) : [],
      objectives: snapshot.objectives,
      canEdit: editor,
      canEditObjectives: canEditObjectives(roles),
    };
  }

  private assignmentView(snapshot: DirectorySnapshot, a: Assignment, date: string): AssignmentView {
    return {
      ...a,
      personName: snapshot.people.find((p) => p.id === a.personId)?.name ?? a.personId,
      unitName: a.unitId ? (snapshot.units.find((u) => u.id === a.unitId)?.name ?? a.unitId) : null,
      current: inForce(a, date),
    };
  }

  /** The pickers' search: anyone in the directory may look people up by name, e-mail or job title. */
  async search(person: Person, query: string): Promise<PersonMatch[]> {
    void person; // anyone the API identified may look people up: the pickers of actas and plenarias need it
    const { people, assignments, units } = await this.store.loadDirectory();
    const date = this.today();
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return searchPeople(people.filter((p) => p.active), query.slice(0, 100)).map((p) => ({
      id: p.id,
      name: p.name,
      jobTitle: p.jobTitle,
      email: p.email,
      roles: assignments
        .filter((a) => a.personId === p.id && inForce(a, date) && a.role !== 'miembro')
        .map((a) => `${roleLabels[a.role]}${a.unitId ? ` · ${unitName.get(a.unitId) ?? a.unitId}` : ''}`)
        .join('; '),
    }));
  }

  /** The person with this Entra id, as the pickers show them (a pick of Teams' people picker). */
  async byEntra(person: Person, aadObjectId: string): Promise<PersonMatch | null> {
    void person;
    const found = await this.store.findPersonByAadObjectId(aadObjectId);
    return found ? { id: found.id, name: found.name, jobTitle: found.jobTitle, email: found.email, roles: '' } : null;
  }

  private async editor(person: Person, check = canEditDirectory): Promise<{ roles: RoleAssignment[]; snapshot: DirectorySnapshot }> {
    const roles = await this.store.rolesOf(person.id);
    if (!check(roles)) throw new Refusal('forbidden', msg.errors.forbidden);
    return { roles, snapshot: await this.store.loadDirectory() };
  }

  private async apply(person: Person, roles: RoleAssignment[], changes: DirectoryChange[], ended: Assignment[] = []): Promise<DirectoryChangeResult> {
    if (changes.length > 0) await this.store.applyDirectoryChanges(changes, person.id);
    const snapshot = await this.store.loadDirectory();
    const date = this.today();
    return { view: this.viewOf(roles, snapshot), ended: ended.map((a) => this.assignmentView(snapshot, a, date)) };
  }

  async saveUnit(person: Person, input: UnitRequest): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person);
    const current = input.id ? snapshot.units.find((u) => u.id === input.id) : undefined;
    if (current && input.version !== undefined && current.version !== input.version) throw new ConflictError('unit changed');
    const changes = current
      ? plan(() => planUnitUpdate(snapshot, current.id, { name: input.name, parentId: input.parentId, level: input.level }))
      : plan(() => planNewUnit(snapshot, { id: input.id ?? uniqueId(slugOf(input.name), new Set(snapshot.units.map((u) => u.id))), name: input.name, kind: input.kind, level: input.level, parentId: input.parentId }));
    return this.apply(person, roles, changes);
  }

  async deactivateUnit(person: Person, unitId: string, lastDay: string): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person);
    const { changes, ended } = plan(() => planUnitDeactivation(snapshot, unitId, lastDay));
    return this.apply(person, roles, changes, ended);
  }

  /** A person of the directory, or one picked in Teams: found by Entra id or e-mail, else created (ETI/DTI). */
  private personFor(snapshot: DirectorySnapshot, choice: PersonChoice): { person: DirectoryPerson; changes: DirectoryChange[] } {
    if ('personId' in choice) {
      const person = snapshot.people.find((p) => p.id === choice.personId);
      if (!person) throw new Refusal('invalid', directoryMessages.personUnknown(choice.personId));
      return { person, changes: [] };
    }
    return entraPerson(snapshot, choice.entra);
  }

  async assign(person: Person, input: AssignRequest): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person);
    const who = this.personFor(snapshot, input.person);
    const changes = [...who.changes, ...plan(() => planAssignment(applyChanges(snapshot, who.changes), { personId: who.person.id, role: input.role, unitId: input.unitId, from: input.from }))];
    const result = await this.apply(person, roles, changes);
    return input.role === 'enlace' && input.unitId ? { ...result, welcomed: await this.welcome(who.person.id, input.unitId, input.from) } : result;
  }

  async replace(person: Person, assignmentId: string, input: ReplaceRequest): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person);
    const current = snapshot.assignments.find((a) => a.id === assignmentId);
    if (!current) throw new Refusal('not_found', directoryMessages.assignmentUnknown);
    if (current.version !== input.version) throw new ConflictError('assignment changed');
    const who = this.personFor(snapshot, input.person);
    const changes = [...who.changes, ...plan(() => planReplacement(applyChanges(snapshot, who.changes), assignmentId, who.person.id, input.date))];
    const result = await this.apply(person, roles, changes, [current]);
    return current.role === 'enlace' && current.unitId ? { ...result, welcomed: await this.welcome(who.person.id, current.unitId, input.date) } : result;
  }

  async end(person: Person, assignmentId: string, lastDay: string, version: number): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person);
    const current = snapshot.assignments.find((a) => a.id === assignmentId);
    if (current && current.version !== version) throw new ConflictError('assignment changed');
    return this.apply(person, roles, plan(() => planEnd(snapshot, assignmentId, lastDay)));
  }

  /** A person who leaves: every role ends on `lastDay`, and the answer lists them for reassignment. */
  async deactivatePerson(person: Person, personId: string, lastDay: string): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person);
    const { changes, ended } = plan(() => planPersonDeactivation(snapshot, personId, lastDay));
    return this.apply(person, roles, changes, ended);
  }

  async saveObjective(person: Person, input: ObjectiveRequest): Promise<DirectoryChangeResult> {
    const { roles, snapshot } = await this.editor(person, canEditObjectives);
    return this.apply(person, roles, plan(() => planObjective(snapshot, input)));
  }

  private async welcome(personId: string, unitId: string, from: string): Promise<boolean> {
    if (!this.notices || from > this.today()) return false;
    return this.notices.welcomeEnlace(personId, unitId, from);
  }
}

/**
 * The first sign-in of a person the ETI registered by e-mail (from the workbook) links their Entra
 * id, so SSO and the bot find them from then on. Nothing happens for an e-mail nobody has, one that
 * two people share, or one already linked to another account.
 */
export async function linkSignIn(store: DirectoryPort, aadObjectId: string, email: string | null): Promise<Person | null> {
  if (!email || !aadObjectId) return null;
  const snapshot = await store.loadDirectory();
  const matches = snapshot.people.filter((p) => normalizeEmail(p.email) === normalizeEmail(email));
  if (matches.length !== 1 || matches[0]!.aadObjectId !== '' || !matches[0]!.active) return null;
  const before = matches[0]!;
  await store.applyDirectoryChanges([{ kind: 'person', before, after: { ...before, aadObjectId, version: before.version + 1 } }], 'system');
  return store.getPerson(before.id);
}

function personView(p: DirectoryPerson) {
  return { id: p.id, name: p.name, email: p.email, jobTitle: p.jobTitle, phone: p.phone, active: p.active, linked: p.aadObjectId !== '' };
}

/** The person behind a Teams people-picker result: by Entra id, else by e-mail (linking it), else a new one. */
export function entraPerson(snapshot: DirectorySnapshot, pick: EntraPick): { person: DirectoryPerson; changes: DirectoryChange[] } {
  const byAad = snapshot.people.find((p) => p.aadObjectId !== '' && p.aadObjectId.toLowerCase() === pick.objectId.toLowerCase());
  if (byAad) return { person: byAad, changes: [] };
  const email = normalizeEmail(pick.email);
  if (!isEmail(email)) throw new Refusal('invalid', directoryMessages.emailInvalid(pick.email));
  const byEmail = snapshot.people.filter((p) => normalizeEmail(p.email) === email);
  if (byEmail.length === 1 && byEmail[0]!.aadObjectId === '') {
    const before = byEmail[0]!;
    const after = { ...before, aadObjectId: pick.objectId, version: before.version + 1 };
    return { person: after, changes: [{ kind: 'person', before, after }] };
  }
  if (byEmail.length > 0) throw new Refusal('invalid', directoryMessages.emailTaken(email, byEmail[0]!.name));
  const name = pick.displayName.trim();
  if (!name) throw new Refusal('invalid', directoryMessages.personNameRequired);
  const id = personIdFromEmail(email, new Set(snapshot.people.map((p) => p.id)));
  const person: DirectoryPerson = { id, aadObjectId: pick.objectId, name, email, jobTitle: '', phone: '', active: true, version: 1 };
  return { person, changes: [{ kind: 'person', before: null, after: person }] };
}
