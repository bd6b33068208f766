import type { InstitutionalObjective, Person, RoleAssignment, Unit } from '@okr/core';

/** The directory a fresh store is filled with (demo data, or an imported directory). */
export interface DirectorySeed {
  units: Unit[];
  people: Person[];
  roles: RoleAssignment[];
  institutionalObjectives: InstitutionalObjective[];
}

/** The directory: units, people, their roles, and the institutional objectives the OKRs serve. */
export interface DirectoryPort {
  listUnits(): Promise<Unit[]>;
  getUnit(id: string): Promise<Unit | null>;
  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person | null>;
  findPersonByAadObjectId(aadObjectId: string): Promise<Person | null>;
  listRoles(): Promise<RoleAssignment[]>;
  rolesOf(personId: string): Promise<RoleAssignment[]>;
  listInstitutionalObjectives(): Promise<InstitutionalObjective[]>;
}
