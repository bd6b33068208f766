import type { Assignment, DirectoryChange, DirectorySnapshot, InstitutionalObjective, IsoDate, Person, RoleAssignment, StrategicObjective, Unit } from '@okr/core';

/** A role of the seed: in force from `from` (the seed's default when absent) until `to`. */
export type SeedRole = RoleAssignment & { from?: IsoDate; to?: IsoDate | null };

/** The directory a fresh store is filled with (demo data, or an imported directory). */
export interface DirectorySeed {
  units: Unit[];
  people: Person[];
  roles: SeedRole[];
  institutionalObjectives: Array<InstitutionalObjective | StrategicObjective>;
}

/** Which assignments to read with their dates. */
export type AssignmentFilter = { personId: string } | { unitId: string };

/**
 * The directory: units, people, their roles, and the institutional objectives the OKRs serve.
 *
 * What the rest of the app reads keeps meaning "today": `listUnits` gives the active units,
 * `listRoles` and `rolesOf` the assignments in force today (Bogotá), so access checks follow the
 * directory's dates. `getUnit`, `getPerson` and `listPeople` also find deactivated ones (a check-in,
 * an acta or an approval keeps its real author). History — every assignment with its «desde» and
 * «hasta», deactivated units and people — is read through `loadDirectory` and `listAssignments`.
 */
export interface DirectoryPort {
  listUnits(): Promise<Unit[]>;
  getUnit(id: string): Promise<Unit | null>;
  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person | null>;
  findPersonByAadObjectId(aadObjectId: string): Promise<Person | null>;
  listRoles(): Promise<RoleAssignment[]>;
  rolesOf(personId: string): Promise<RoleAssignment[]>;
  /** The active institutional objectives (what a set can align to), of every vigencia. */
  listInstitutionalObjectives(): Promise<InstitutionalObjective[]>;

  /** Everything, history included: every unit and person (active or not), assignment and objective. */
  loadDirectory(): Promise<DirectorySnapshot>;
  /** One person's or one unit's assignments with their dates, oldest first. */
  listAssignments(filter: AssignmentFilter): Promise<Assignment[]>;
  /**
   * Applies the changes all or nothing, each with its audit entry: a create refuses an id that
   * exists, an update is compare-and-set on `before.version` (ConflictError if it moved). An
   * `importRun` takes the import lock and journals itself on SharePoint (ADR 11).
   */
  applyDirectoryChanges(changes: readonly DirectoryChange[], actorId: string, options?: { importRun?: boolean }): Promise<void>;
  /** Viva Goals team names (as `foldText`) → unit ids, as people confirmed them. */
  vivaTeamMap(): Promise<Record<string, string>>;
  /** Saves confirmed team → unit entries (replacing an earlier choice for the same team), audited. */
  saveVivaTeamMap(entries: ReadonlyArray<{ team: string; unitId: string }>, actorId: string): Promise<void>;
}
