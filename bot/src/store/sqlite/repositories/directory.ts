import type { InstitutionalObjective, Person, RoleAssignment, Unit } from '@okr/core';
import type { DirectoryPort } from '../../ports/directory.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

const toUnit = (r: Row): Unit => ({
  id: r.id as string,
  name: r.name as string,
  kind: r.kind as Unit['kind'],
  level: r.level as Unit['level'],
  parentId: (r.parent_id as string | null) ?? null,
});
const toPerson = (r: Row): Person => ({
  id: r.id as string,
  aadObjectId: r.aad_object_id as string,
  name: r.name as string,
  email: r.email as string,
  jobTitle: r.job_title as string,
});
const toRole = (r: Row): RoleAssignment => ({
  personId: r.person_id as string,
  role: r.role as RoleAssignment['role'],
  unitId: (r.unit_id as string | null) ?? null,
});

/** Units, people, roles and institutional objectives; written only by the seed today. */
export const directorySqlite: SqliteModule<DirectoryPort> = {
  name: 'directory',
  migrations: [
    {
      version: 1,
      legacy: 1,
      name: 'units, people, role assignments, institutional objectives',
      sql: `
      CREATE TABLE units (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('central','alcaldia')),
        level TEXT NOT NULL,
        parent_id TEXT REFERENCES units(id)
      );
      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        aad_object_id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        email TEXT NOT NULL,
        job_title TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE role_assignments (
        person_id TEXT NOT NULL REFERENCES people(id),
        role TEXT NOT NULL,
        unit_id TEXT REFERENCES units(id)
      );
      CREATE UNIQUE INDEX role_assignments_unique ON role_assignments(person_id, role, IFNULL(unit_id, ''));
      CREATE INDEX role_assignments_unit ON role_assignments(unit_id);
      CREATE TABLE institutional_objectives (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        title TEXT NOT NULL
      );`,
    },
  ],
  tables: { units: 'unit', people: 'person', role_assignments: 'role', institutional_objectives: 'institutionalObjective' },

  seed(db, data) {
    // Parents first so the foreign key holds whatever order the seed lists units in.
    const pending = [...data.units];
    const inserted = new Set<string>();
    while (pending.length > 0) {
      const i = pending.findIndex((u) => u.parentId === null || inserted.has(u.parentId));
      if (i < 0) throw new Error(`Unidades con padre desconocido: ${pending.map((u) => u.id).join(', ')}`);
      const [u] = pending.splice(i, 1) as [Unit];
      db.run('INSERT INTO units (id, name, kind, level, parent_id) VALUES (?, ?, ?, ?, ?)', u.id, u.name, u.kind, u.level, u.parentId);
      inserted.add(u.id);
    }
    for (const p of data.people) db.run('INSERT INTO people (id, aad_object_id, name, email, job_title) VALUES (?, ?, ?, ?, ?)', p.id, p.aadObjectId, p.name, p.email, p.jobTitle);
    for (const r of data.roles) db.run('INSERT INTO role_assignments (person_id, role, unit_id) VALUES (?, ?, ?)', r.personId, r.role, r.unitId);
    for (const o of data.institutionalObjectives) db.run('INSERT INTO institutional_objectives (id, code, title) VALUES (?, ?, ?)', o.id, o.code, o.title);
  },

  repository: (db: SqliteDb): DirectoryPort => ({
    async listUnits() {
      return listUnits(db);
    },
    async getUnit(id) {
      return db.one(toUnit, 'SELECT * FROM units WHERE id = ?', id);
    },
    async listPeople() {
      return db.all('SELECT * FROM people ORDER BY name').map(toPerson);
    },
    async getPerson(id) {
      return db.one(toPerson, 'SELECT * FROM people WHERE id = ?', id);
    },
    async findPersonByAadObjectId(aadObjectId) {
      return db.one(toPerson, 'SELECT * FROM people WHERE aad_object_id = ? COLLATE NOCASE', aadObjectId);
    },
    async listRoles() {
      return db.all('SELECT * FROM role_assignments').map(toRole);
    },
    async rolesOf(personId) {
      return db.all('SELECT * FROM role_assignments WHERE person_id = ?', personId).map(toRole);
    },
    async listInstitutionalObjectives() {
      return listInstitutionalObjectives(db);
    },
  }),
};

/** Every unit by name (the OKR module's screens read them too). */
export function listUnits(db: SqliteDb): Unit[] {
  return db.all('SELECT * FROM units ORDER BY name').map(toUnit);
}

/** Every institutional objective by code (the OKR module's screens read them too). */
export function listInstitutionalObjectives(db: SqliteDb): InstitutionalObjective[] {
  return db.all('SELECT id, code, title FROM institutional_objectives ORDER BY code') as unknown as InstitutionalObjective[];
}
