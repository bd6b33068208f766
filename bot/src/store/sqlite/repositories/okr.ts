import { randomUUID } from 'node:crypto';
import { quarterMonths } from '@okr/core';
import type { CheckIn, KeyResult, Objective, OkrSet, OkrSetBundle, OkrSetState } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { OkrPort, SetContent, SetEvent, SetTransition } from '../../ports/okr.js';
import { checkInSaveAudit, refuseStaleCheckIns, sameCheckIn } from '../../rules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';
import { listInstitutionalObjectives, listUnits } from './directory.js';

const toSet = (r: Row): OkrSet => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  quarter: r.quarter as OkrSet['quarter'],
  state: r.state as OkrSet['state'],
  institutionalObjectiveId: r.institutional_objective_id as string,
  version: r.version as number,
});
const toObjective = (r: Row): Objective => ({
  id: r.id as string,
  setId: r.set_id as string,
  parentId: (r.parent_id as string | null) ?? null,
  level: r.level as Objective['level'],
  title: r.title as string,
  order: r.ord as number,
  weight: (r.weight as number | null) ?? null,
});
const toKeyResult = (r: Row): KeyResult => ({
  id: r.id as string,
  setId: r.set_id as string,
  objectiveId: r.objective_id as string,
  title: r.title as string,
  kind: r.kind as KeyResult['kind'],
  unitOfMeasure: r.unit_of_measure as string,
  baseline: r.baseline as number,
  target: r.target as number,
  direction: r.direction as KeyResult['direction'],
  ownerId: (r.owner_id as string | null) ?? null,
  order: r.ord as number,
  weight: (r.weight as number | null) ?? null,
});
const toCheckIn = (r: Row): CheckIn => ({
  id: r.id as string,
  keyResultId: r.key_result_id as string,
  unitId: r.unit_id as string,
  period: r.period as string,
  value: r.value as number,
  comment: r.comment as string,
  evidenceUrl: r.evidence_url as string,
  authorId: r.author_id as string,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
  version: r.version as number,
});
const toSetEvent = (r: Row): SetEvent => ({
  id: r.id as number,
  setId: r.set_id as string,
  at: r.at as string,
  actorId: r.actor_id as string,
  action: r.action as SetEvent['action'],
  fromState: r.from_state as OkrSetState,
  toState: r.to_state as OkrSetState,
  setVersion: r.set_version as number,
  comment: (r.comment as string | null) ?? null,
});

const INSERT_OBJECTIVE = 'INSERT INTO objectives (id, set_id, parent_id, level, title, ord, weight) VALUES (?, ?, ?, ?, ?, ?, ?)';
const INSERT_KEY_RESULT =
  'INSERT INTO key_results (id, set_id, objective_id, title, kind, unit_of_measure, baseline, target, direction, owner_id, ord, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const INSERT_CHECK_IN =
  'INSERT INTO check_ins (id, key_result_id, unit_id, period, value, comment, evidence_url, author_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

/** Strategic objectives before the tactical ones that hang from them (the foreign key). */
const parentsFirst = <T extends { parentId: string | null }>(objectives: readonly T[]): T[] =>
  [...objectives].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));

function insertContent(db: SqliteDb, setId: string, content: Pick<SetContent, 'objectives' | 'keyResults'>): void {
  for (const o of parentsFirst(content.objectives)) db.run(INSERT_OBJECTIVE, o.id, setId, o.parentId, o.level, o.title, o.order, o.weight ?? null);
  for (const k of content.keyResults) {
    db.run(INSERT_KEY_RESULT, k.id, setId, k.objectiveId, k.title, k.kind, k.unitOfMeasure, k.baseline, k.target, k.direction, k.ownerId, k.order, k.weight ?? null);
  }
}

function bundleOf(db: SqliteDb, set: OkrSet): OkrSetBundle {
  return {
    set,
    objectives: db.all('SELECT * FROM objectives WHERE set_id = ? ORDER BY ord', set.id).map(toObjective),
    keyResults: db.all('SELECT * FROM key_results WHERE set_id = ? ORDER BY ord', set.id).map(toKeyResult),
  };
}

const setById = (db: SqliteDb, setId: string): OkrSet | null => db.one(toSet, 'SELECT * FROM okr_sets WHERE id = ?', setId);

function event(db: SqliteDb, e: Omit<SetEvent, 'id' | 'at'>): void {
  db.run(
    'INSERT INTO set_events (set_id, at, actor_id, action, from_state, to_state, set_version, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    e.setId, db.now().toISOString(), e.actorId, e.action, e.fromState, e.toState, e.setVersion, e.comment,
  );
}

function listCheckIns(db: SqliteDb, unitId: string, periods: readonly string[]): CheckIn[] {
  if (periods.length === 0) return [];
  return db.all(`SELECT * FROM check_ins WHERE unit_id = ? AND period IN (${db.marks(periods.length)}) ORDER BY period`, unitId, ...periods).map(toCheckIn);
}

function getSet(db: SqliteDb, unitId: string, quarter: string): OkrSetBundle | null {
  const set = db.one(toSet, 'SELECT * FROM okr_sets WHERE unit_id = ? AND quarter = ?', unitId, quarter);
  return set ? bundleOf(db, set) : null;
}

/**
 * One workflow step of a set, compare-and-set, with its event and audit entry, in a transaction (or
 * in the caller's: the review module's quarter close closes every set of the quarter in its own).
 */
export function transitionSetNow(db: SqliteDb, args: SetTransition): OkrSet {
  return db.tx(() => {
    const changed = db.run('UPDATE okr_sets SET state = ?, version = version + 1 WHERE id = ? AND state = ? AND version = ?', args.to, args.setId, args.from, args.expectedVersion);
    if (changed === 0) throw new ConflictError('set changed');
    const set = setById(db, args.setId)!;
    event(db, { setId: args.setId, actorId: args.actorId, action: args.action, fromState: args.from, toState: args.to, setVersion: set.version, comment: args.comment });
    db.audit(args.actorId, 'okrSet', args.setId, 'update', { state: args.from, version: args.expectedVersion }, { state: args.to, version: set.version, action: args.action, comment: args.comment });
    return set;
  });
}

/** OKR sets, their objectives and key results, the formulation workflow's events, and the check-ins. */
export const okrSqlite: SqliteModule<OkrPort> = {
  name: 'okr',
  migrations: [
    {
      version: 1,
      legacy: 1,
      name: 'okr sets, objectives, key results, check-ins',
      sql: `
      CREATE TABLE okr_sets (
        id TEXT PRIMARY KEY,
        unit_id TEXT NOT NULL REFERENCES units(id),
        quarter TEXT NOT NULL,
        state TEXT NOT NULL,
        institutional_objective_id TEXT NOT NULL REFERENCES institutional_objectives(id),
        UNIQUE (unit_id, quarter)
      );
      CREATE TABLE objectives (
        id TEXT PRIMARY KEY,
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        parent_id TEXT REFERENCES objectives(id),
        level TEXT NOT NULL CHECK (level IN ('strategic','tactical')),
        title TEXT NOT NULL,
        ord INTEGER NOT NULL,
        weight REAL
      );
      CREATE INDEX objectives_set ON objectives(set_id);
      CREATE TABLE key_results (
        id TEXT PRIMARY KEY,
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        objective_id TEXT NOT NULL REFERENCES objectives(id),
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('percentage','number','milestone')),
        unit_of_measure TEXT NOT NULL,
        baseline REAL NOT NULL,
        target REAL NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('increase','decrease')),
        owner_id TEXT REFERENCES people(id),
        ord INTEGER NOT NULL,
        weight REAL
      );
      CREATE INDEX key_results_set ON key_results(set_id);
      CREATE TABLE check_ins (
        id TEXT PRIMARY KEY,
        key_result_id TEXT NOT NULL REFERENCES key_results(id),
        unit_id TEXT NOT NULL REFERENCES units(id),
        period TEXT NOT NULL,
        value REAL NOT NULL,
        comment TEXT NOT NULL,
        evidence_url TEXT NOT NULL,
        author_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL,
        UNIQUE (key_result_id, period)
      );
      CREATE INDEX check_ins_unit_period ON check_ins(unit_id, period);`,
    },
    {
      version: 2,
      legacy: 3,
      name: 'formulation workflow: set versions, workflow events',
      sql: `
      ALTER TABLE okr_sets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      CREATE TABLE set_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        set_id TEXT NOT NULL REFERENCES okr_sets(id),
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        from_state TEXT NOT NULL,
        to_state TEXT NOT NULL,
        set_version INTEGER NOT NULL,
        comment TEXT
      );
      CREATE INDEX set_events_set ON set_events(set_id);`,
    },
  ],
  // A set's events are its workflow history: written only with the set's own audit entry.
  tables: { okr_sets: 'okrSet', objectives: 'okrSet', key_results: 'okrSet', set_events: 'okrSet', check_ins: 'checkIn' },

  seed(db, data) {
    for (const s of data.sets) {
      db.run('INSERT INTO okr_sets (id, unit_id, quarter, state, institutional_objective_id, version) VALUES (?, ?, ?, ?, ?, ?)', s.id, s.unitId, s.quarter, s.state, s.institutionalObjectiveId, s.version);
    }
    for (const o of parentsFirst(data.objectives)) db.run(INSERT_OBJECTIVE, o.id, o.setId, o.parentId, o.level, o.title, o.order, o.weight ?? null);
    for (const k of data.keyResults) {
      db.run(INSERT_KEY_RESULT, k.id, k.setId, k.objectiveId, k.title, k.kind, k.unitOfMeasure, k.baseline, k.target, k.direction, k.ownerId, k.order, k.weight ?? null);
    }
    for (const c of data.checkIns) {
      db.run(INSERT_CHECK_IN, c.id, c.keyResultId, c.unitId, c.period, c.value, c.comment, c.evidenceUrl, c.authorId, c.createdAt, c.updatedAt, c.version);
    }
    for (const e of data.setEvents ?? []) {
      db.run('INSERT INTO set_events (set_id, at, actor_id, action, from_state, to_state, set_version, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', e.setId, e.at, e.actorId, e.action, e.fromState, e.toState, e.setVersion, e.comment);
    }
  },

  repository: (db: SqliteDb): OkrPort => ({
    async getSet(unitId, quarter) {
      return getSet(db, unitId, quarter);
    },

    async getSetById(setId) {
      const set = setById(db, setId);
      return set ? bundleOf(db, set) : null;
    },

    async listSetsByState(states) {
      if (states.length === 0) return [];
      return db.all(`SELECT * FROM okr_sets WHERE state IN (${db.marks(states.length)}) ORDER BY quarter, unit_id`, ...states).map(toSet);
    },

    async createSet(args) {
      return db.tx(() => {
        if (db.get('SELECT id FROM okr_sets WHERE unit_id = ? AND quarter = ?', args.unitId, args.quarter)) throw new ConflictError('set exists');
        db.run("INSERT INTO okr_sets (id, unit_id, quarter, state, institutional_objective_id, version) VALUES (?, ?, ?, 'draft', ?, 1)", args.setId, args.unitId, args.quarter, args.content.institutionalObjectiveId);
        insertContent(db, args.setId, args.content);
        const bundle = bundleOf(db, setById(db, args.setId)!);
        event(db, { setId: args.setId, actorId: args.actorId, action: 'create', fromState: 'draft', toState: 'draft', setVersion: 1, comment: null });
        db.audit(args.actorId, 'okrSet', args.setId, 'create', null, bundle);
        return bundle;
      });
    },

    async replaceSetContent(args) {
      return db.tx(() => {
        const current = setById(db, args.setId);
        if (!current || current.version !== args.expectedVersion) throw new ConflictError('stale set');
        const before = bundleOf(db, current);
        db.run('DELETE FROM key_results WHERE set_id = ?', args.setId);
        db.run('DELETE FROM objectives WHERE set_id = ? AND parent_id IS NOT NULL', args.setId);
        db.run('DELETE FROM objectives WHERE set_id = ?', args.setId);
        db.run('UPDATE okr_sets SET institutional_objective_id = ?, version = version + 1 WHERE id = ?', args.content.institutionalObjectiveId, args.setId);
        insertContent(db, args.setId, args.content);
        const after = bundleOf(db, setById(db, args.setId)!);
        event(db, { setId: args.setId, actorId: args.actorId, action: 'edit', fromState: before.set.state, toState: after.set.state, setVersion: after.set.version, comment: null });
        db.audit(args.actorId, 'okrSet', args.setId, 'update', before, after);
        return after;
      });
    },

    async transitionSet(args) {
      return transitionSetNow(db, args);
    },

    async importSets(args) {
      db.tx(() => {
        for (const { set, objectives, keyResults, checkIns } of args.sets) {
          if (db.get('SELECT id FROM okr_sets WHERE id = ? OR (unit_id = ? AND quarter = ?)', set.id, set.unitId, set.quarter)) throw new ConflictError('set exists');
          db.run('INSERT INTO okr_sets (id, unit_id, quarter, state, institutional_objective_id, version) VALUES (?, ?, ?, ?, ?, ?)', set.id, set.unitId, set.quarter, set.state, set.institutionalObjectiveId, set.version);
          insertContent(db, set.id, { objectives, keyResults });
          for (const c of checkIns) db.run(INSERT_CHECK_IN, c.id, c.keyResultId, c.unitId, c.period, c.value, c.comment, c.evidenceUrl, c.authorId, c.createdAt, c.updatedAt, c.version);
          event(db, { setId: set.id, actorId: args.actorId, action: 'import', fromState: set.state, toState: set.state, setVersion: set.version, comment: args.comment });
          db.audit(args.actorId, 'okrSet', set.id, 'create', null, bundleOf(db, set));
          // One entry for the set's check-ins (an import writes thousands; each is in the set's history).
          if (checkIns.length > 0) db.audit(args.actorId, 'checkIn', set.id, 'create', null, { imported: checkIns.length, periods: [...new Set(checkIns.map((c) => c.period))] });
        }
      });
    },

    async listSetEvents(setId) {
      return db.all('SELECT * FROM set_events WHERE set_id = ? ORDER BY id', setId).map(toSetEvent);
    },

    async loadUnitQuarter(unitId, quarter) {
      return { bundle: getSet(db, unitId, quarter), checkIns: listCheckIns(db, unitId, quarterMonths(quarter)), institutionalObjectives: listInstitutionalObjectives(db) };
    },

    async loadEntityQuarter(quarter) {
      const periods = quarterMonths(quarter);
      const sets = db.all('SELECT * FROM okr_sets WHERE quarter = ? ORDER BY unit_id', quarter).map(toSet);
      const checkIns = db.all(`SELECT * FROM check_ins WHERE period IN (${db.marks(periods.length)}) ORDER BY unit_id, period`, ...periods).map(toCheckIn);
      return { units: listUnits(db), bundles: sets.map((s) => bundleOf(db, s)), checkIns, institutionalObjectives: listInstitutionalObjectives(db) };
    },

    async listCheckIns(unitId, periods) {
      return listCheckIns(db, unitId, periods);
    },

    async saveCheckIns(write) {
      const find = (keyResultId: string) => db.get('SELECT * FROM check_ins WHERE key_result_id = ? AND period = ?', keyResultId, write.period);
      return db.tx(() => {
        const at = db.now().toISOString();
        refuseStaleCheckIns(write.checkIns, (keyResultId) => {
          const row = find(keyResultId);
          return row ? toCheckIn(row) : null;
        });
        const stored = new Map<string, CheckIn>();
        const saved = write.checkIns.map((c) => {
          const existingRow = find(c.keyResultId);
          if (!existingRow) {
            const id = randomUUID();
            db.run(INSERT_CHECK_IN, id, c.keyResultId, write.unitId, write.period, c.value, c.comment, c.evidenceUrl, write.actorId, at, at, 1);
            const created = toCheckIn(find(c.keyResultId)!);
            return { checkIn: created, outcome: 'created' as const };
          }
          const existing = toCheckIn(existingRow);
          if (sameCheckIn(existing, c)) return { checkIn: existing, outcome: 'unchanged' as const };
          db.run(
            'UPDATE check_ins SET value = ?, comment = ?, evidence_url = ?, author_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
            c.value, c.comment, c.evidenceUrl, write.actorId, at, existing.id, existing.version,
          );
          const updated = toCheckIn(find(c.keyResultId)!);
          stored.set(c.keyResultId, existing);
          return { checkIn: updated, outcome: 'updated' as const };
        });
        // One audit entry for the whole save, in its transaction.
        const audit = checkInSaveAudit(write.unitId, write.period, saved, (keyResultId) => stored.get(keyResultId) ?? null);
        if (audit) db.audit(write.actorId, audit.entity, audit.entityId, audit.action, audit.before, audit.after);
        return saved;
      });
    },
  }),
};
