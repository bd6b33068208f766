import { bogotaDate, foldText, type Assignment, type DirectoryChange, type DirectoryPerson, type DirectoryUnit, type InstitutionalObjective, type Person, type RoleAssignment, type StrategicObjective, type Unit } from '@okr/core';
import { DIRECTORY_AUDIT, domainAadId, SEED_DEFAULT_FROM, storedAadId } from '../../directoryRules.js';
import { ConflictError } from '../../errors.js';
import type { DirectoryPort } from '../../ports/directory.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

const toUnit = (r: Row): Unit => ({
  id: r.id as string,
  name: r.name as string,
  kind: r.kind as Unit['kind'],
  level: r.level as Unit['level'],
  parentId: (r.parent_id as string | null) ?? null,
});
const toDirectoryUnit = (r: Row): DirectoryUnit => ({ ...toUnit(r), active: r.active === 1, version: r.version as number });
const toPerson = (r: Row): Person => ({
  id: r.id as string,
  aadObjectId: domainAadId(r.aad_object_id as string),
  name: r.name as string,
  email: r.email as string,
  jobTitle: r.job_title as string,
});
const toDirectoryPerson = (r: Row): DirectoryPerson => ({ ...toPerson(r), phone: r.phone as string, active: r.active === 1, version: r.version as number });
const toRole = (r: Row): RoleAssignment => ({
  personId: r.person_id as string,
  role: r.role as RoleAssignment['role'],
  unitId: (r.unit_id as string | null) ?? null,
});
const toAssignment = (r: Row): Assignment => ({ id: r.id as string, ...toRole(r), from: r.from_date as string, to: (r.to_date as string | null) ?? null, version: r.version as number });
const toObjective = (r: Row): StrategicObjective => ({
  id: r.id as string,
  code: r.code as string,
  title: r.title as string,
  vigencia: r.vigencia as number,
  active: r.active === 1,
  version: r.version as number,
});

const IN_FORCE = 'from_date <= ? AND (to_date IS NULL OR to_date >= ?)';

const INSERT = {
  unit: 'INSERT INTO units (id, name, kind, level, parent_id, active, version) VALUES (?, ?, ?, ?, ?, ?, ?)',
  person: 'INSERT INTO people (id, aad_object_id, name, email, job_title, phone, active, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  assignment: 'INSERT INTO assignments (id, person_id, role, unit_id, from_date, to_date, version) VALUES (?, ?, ?, ?, ?, ?, ?)',
  objective: 'INSERT INTO institutional_objectives (id, code, title, vigencia, active, version) VALUES (?, ?, ?, ?, ?, ?)',
};
const UPDATE = {
  unit: 'UPDATE units SET name = ?, kind = ?, level = ?, parent_id = ?, active = ?, version = ? WHERE id = ? AND version = ?',
  person: 'UPDATE people SET aad_object_id = ?, name = ?, email = ?, job_title = ?, phone = ?, active = ?, version = ? WHERE id = ? AND version = ?',
  assignment: 'UPDATE assignments SET person_id = ?, role = ?, unit_id = ?, from_date = ?, to_date = ?, version = ? WHERE id = ? AND version = ?',
  objective: 'UPDATE institutional_objectives SET code = ?, title = ?, vigencia = ?, active = ?, version = ? WHERE id = ? AND version = ?',
};

/** The columns of a record after its id, in the order of INSERT and UPDATE. */
function values(change: DirectoryChange): unknown[] {
  switch (change.kind) {
    case 'unit': {
      const u = change.after;
      return [u.name, u.kind, u.level, u.parentId, u.active ? 1 : 0, u.version];
    }
    case 'person': {
      const p = change.after;
      return [storedAadId(p.id, p.aadObjectId), p.name, p.email, p.jobTitle, p.phone, p.active ? 1 : 0, p.version];
    }
    case 'assignment': {
      const a = change.after;
      return [a.personId, a.role, a.unitId, a.from, a.to, a.version];
    }
    case 'objective': {
      const o = change.after;
      return [o.code, o.title, o.vigencia, o.active ? 1 : 0, o.version];
    }
  }
}

const TABLE = { unit: 'units', person: 'people', assignment: 'assignments', objective: 'institutional_objectives' } as const;

/** Units (active or not), people, assignments with their dates, and the strategic objectives per vigencia. */
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
    {
      version: 2,
      name: 'assignments with desde/hasta; deactivation of units and people; objectives per vigencia; versions',
      // Roles held before dates existed have an unknown «desde»: they count as held since 2000-01-01
      // (SEED_DEFAULT_FROM), as SharePoint items without a FromDate do.
      sql: `
      ALTER TABLE units ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE units ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE people ADD COLUMN phone TEXT NOT NULL DEFAULT '';
      ALTER TABLE people ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE people ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE INDEX people_email ON people(email COLLATE NOCASE);
      CREATE TABLE assignments (
        id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL REFERENCES people(id),
        role TEXT NOT NULL,
        unit_id TEXT REFERENCES units(id),
        from_date TEXT NOT NULL,
        to_date TEXT,
        version INTEGER NOT NULL DEFAULT 1
      );
      CREATE INDEX assignments_person ON assignments(person_id);
      CREATE INDEX assignments_unit ON assignments(unit_id);
      INSERT INTO assignments (id, person_id, role, unit_id, from_date)
        SELECT person_id || '|' || role || '|' || IFNULL(unit_id, '*') || '|2000-01-01', person_id, role, unit_id, '2000-01-01' FROM role_assignments ORDER BY rowid;
      DROP TABLE role_assignments;
      ALTER TABLE institutional_objectives ADD COLUMN vigencia INTEGER NOT NULL DEFAULT 0;
      UPDATE institutional_objectives SET vigencia = CAST(strftime('%Y', 'now', '-5 hours') AS INTEGER);
      ALTER TABLE institutional_objectives ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE institutional_objectives ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE viva_team_map (
        team_key TEXT PRIMARY KEY,
        team TEXT NOT NULL,
        unit_id TEXT NOT NULL REFERENCES units(id)
      );`,
    },
  ],
  tables: { units: 'unit', people: 'person', assignments: DIRECTORY_AUDIT.assignment, institutional_objectives: 'institutionalObjective', viva_team_map: 'vivaTeamMap' },

  seed(db, data) {
    // Parents first so the foreign key holds whatever order the seed lists units in.
    const pending = [...data.units];
    const inserted = new Set<string>();
    while (pending.length > 0) {
      const i = pending.findIndex((u) => u.parentId === null || inserted.has(u.parentId));
      if (i < 0) throw new Error(`Unidades con padre desconocido: ${pending.map((u) => u.id).join(', ')}`);
      const [u] = pending.splice(i, 1) as [Unit];
      db.run(INSERT.unit, u.id, u.name, u.kind, u.level, u.parentId, 1, 1);
      inserted.add(u.id);
    }
    for (const p of data.people) db.run(INSERT.person, p.id, storedAadId(p.id, p.aadObjectId), p.name, p.email, p.jobTitle, (p as Partial<DirectoryPerson>).phone ?? '', 1, 1);
    for (const r of data.roles) {
      const from = r.from ?? SEED_DEFAULT_FROM;
      db.run(INSERT.assignment, `${r.personId}|${r.role}|${r.unitId ?? '*'}|${from}`, r.personId, r.role, r.unitId, from, r.to ?? null, 1);
    }
    const year = Number(bogotaDate(db.now()).slice(0, 4));
    for (const o of data.institutionalObjectives) db.run(INSERT.objective, o.id, o.code, o.title, 'vigencia' in o ? o.vigencia : year, 'active' in o && !o.active ? 0 : 1, 1);
  },

  repository: (db: SqliteDb): DirectoryPort => {
    const today = () => bogotaDate(db.now());
    return {
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
        if (!aadObjectId.trim()) return null;
        return db.one(toPerson, 'SELECT * FROM people WHERE aad_object_id = ? COLLATE NOCASE', aadObjectId);
      },
      async listRoles() {
        return db.all(`SELECT * FROM assignments WHERE ${IN_FORCE} ORDER BY rowid`, today(), today()).map(toRole);
      },
      async rolesOf(personId) {
        return db.all(`SELECT * FROM assignments WHERE person_id = ? AND ${IN_FORCE} ORDER BY rowid`, personId, today(), today()).map(toRole);
      },
      async listInstitutionalObjectives() {
        // The ones a set can align to (formulation): the active ones. Screens of existing sets read every one (listInstitutionalObjectives below).
        return db.all('SELECT id, code, title FROM institutional_objectives WHERE active = 1 ORDER BY code, vigencia') as unknown as InstitutionalObjective[];
      },
      async loadDirectory() {
        return {
          units: db.all('SELECT * FROM units ORDER BY name').map(toDirectoryUnit),
          people: db.all('SELECT * FROM people ORDER BY name').map(toDirectoryPerson),
          assignments: db.all('SELECT * FROM assignments ORDER BY from_date, rowid').map(toAssignment),
          objectives: db.all('SELECT * FROM institutional_objectives ORDER BY vigencia, code').map(toObjective),
        };
      },
      async listAssignments(filter) {
        const [column, value] = 'personId' in filter ? ['person_id', filter.personId] : ['unit_id', filter.unitId];
        return db.all(`SELECT * FROM assignments WHERE ${column} = ? ORDER BY from_date, rowid`, value).map(toAssignment);
      },
      async vivaTeamMap() {
        return Object.fromEntries(db.all('SELECT team_key, unit_id FROM viva_team_map').map((r) => [r.team_key as string, r.unit_id as string]));
      },
      async saveVivaTeamMap(entries, actorId) {
        db.tx(() => {
          for (const e of entries) {
            const key = foldText(e.team);
            const before = db.get('SELECT team, unit_id FROM viva_team_map WHERE team_key = ?', key);
            db.run('INSERT INTO viva_team_map (team_key, team, unit_id) VALUES (?, ?, ?) ON CONFLICT (team_key) DO UPDATE SET team = excluded.team, unit_id = excluded.unit_id', key, e.team, e.unitId);
            db.audit(actorId, 'vivaTeamMap', key, before ? 'update' : 'create', before ? { team: before.team, unitId: before.unit_id } : null, { team: e.team, unitId: e.unitId });
          }
        });
      },
      async applyDirectoryChanges(changes, actorId) {
        db.tx(() => {
          for (const change of changes) {
            const id = change.after.id;
            if (change.before === null) {
              if (db.get(`SELECT 1 FROM ${TABLE[change.kind]} WHERE id = ?`, id)) throw new ConflictError(`${change.kind} ${id} exists`);
              db.run(INSERT[change.kind], id, ...values(change));
            } else if (db.run(UPDATE[change.kind], ...values(change), id, change.before.version) === 0) {
              throw new ConflictError(`${change.kind} ${id} changed`);
            }
            db.audit(actorId, DIRECTORY_AUDIT[change.kind], id, change.before === null ? 'create' : 'update', change.before, change.after);
          }
        });
      },
    };
  },
};

/** The active units by name (the OKR module's screens read them too). */
export function listUnits(db: SqliteDb): Unit[] {
  return db.all('SELECT * FROM units WHERE active = 1 ORDER BY name').map(toUnit);
}

/** Every institutional objective by code, of every vigencia (the OKR module's screens read them too). */
export function listInstitutionalObjectives(db: SqliteDb): InstitutionalObjective[] {
  return db.all('SELECT id, code, title FROM institutional_objectives ORDER BY code, vigencia') as unknown as InstitutionalObjective[];
}
