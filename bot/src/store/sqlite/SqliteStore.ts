import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { quarterMonths, quarterOf, reminderKeyString } from '@okr/core';
import type {
  Acta,
  AuditEntry,
  Commitment,
  Plenaria,
  CheckIn,
  InstitutionalObjective,
  KeyResult,
  MonthReview,
  Objective,
  OkrSet,
  OkrSetBundle,
  OkrSetState,
  Period,
  Person,
  QuarterId,
  ReminderKey,
  ReminderKind,
  RoleAssignment,
  Unit,
} from '@okr/core';
import {
  ConflictError,
  type ActaFile,
  type ActaWrite,
  type CardMessage,
  type CheckInWrite,
  type EntityQuarterData,
  REMINDER_MAX_ATTEMPTS,
  type ReminderControl,
  type ReminderLogEntry,
  type ReminderLogState,
  type ReminderPreferences,
  type ReminderSnooze,
  type SavedCheckIn,
  type SeedData,
  type SetContent,
  type SetCreation,
  type SetReplacement,
  type SetTransition,
  type SetEvent,
  type Store,
  type UnitQuarterData,
} from '../Store.js';
import { migrations } from './migrations.js';

type Row = Record<string, unknown>;

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
const toSet = (r: Row): OkrSet => ({
  id: r.id as string,
  unitId: r.unit_id as string,
  quarter: r.quarter as QuarterId,
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
const toMonthReview = (r: Row): MonthReview => ({
  unitId: r.unit_id as string,
  period: r.period as string,
  state: r.state as MonthReview['state'],
  actorId: r.actor_id as string,
  at: r.at as string,
  note: (r.note as string | null) ?? null,
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
const toAudit = (r: Row): AuditEntry => ({
  id: r.id as number,
  at: r.at as string,
  actorId: r.actor_id as string,
  entity: r.entity as string,
  entityId: r.entity_id as string,
  action: r.action as AuditEntry['action'],
  before: r.before_json === null ? null : JSON.parse(r.before_json as string),
  after: r.after_json === null ? null : JSON.parse(r.after_json as string),
});

const toPlenaria = (r: Row): Plenaria => ({
  id: r.id as string,
  kind: r.kind as Plenaria['kind'],
  unitId: (r.unit_id as string | null) ?? null,
  date: r.date as string,
  startTime: r.start_time as string,
  modality: r.modality as Plenaria['modality'],
  location: r.location as string,
  presidingId: r.presiding_id as string,
  secretaryId: r.secretary_id as string,
  createdBy: r.created_by as string,
  createdAt: r.created_at as string,
});
const signature = (by: unknown, at: unknown) => (by === null || by === undefined ? null : { personId: by as string, at: at as string });
const toActa = (r: Row): Acta => ({
  plenariaId: r.plenaria_id as string,
  version: r.version as number,
  revision: r.revision as number,
  draft: JSON.parse(r.draft_json as string),
  okrResults: JSON.parse(r.okr_results_json as string),
  snapshotAt: r.snapshot_at as string,
  signatures: { secretary: signature(r.secretary_signed_by, r.secretary_signed_at), presiding: signature(r.presiding_signed_by, r.presiding_signed_at) },
  sentToOap: r.sent_to_oap_on === null ? null : { on: r.sent_to_oap_on as string, by: r.sent_to_oap_by as string },
  fileName: (r.file_name as string | null) ?? null,
  correctionReason: (r.correction_reason as string | null) ?? null,
  createdBy: r.created_by as string,
  createdAt: r.created_at as string,
  updatedBy: r.updated_by as string,
  updatedAt: r.updated_at as string,
});
/** The acta's columns, in the order of INSERT_ACTA. */
const actaValues = (a: Acta): unknown[] => [
  a.plenariaId,
  a.version,
  a.revision,
  JSON.stringify(a.draft),
  JSON.stringify(a.okrResults),
  a.snapshotAt,
  a.signatures.secretary?.personId ?? null,
  a.signatures.secretary?.at ?? null,
  a.signatures.presiding?.personId ?? null,
  a.signatures.presiding?.at ?? null,
  a.sentToOap?.on ?? null,
  a.sentToOap?.by ?? null,
  a.fileName,
  a.correctionReason,
  a.createdBy,
  a.createdAt,
  a.updatedBy,
  a.updatedAt,
];
const ACTA_COLUMNS =
  'plenaria_id, version, revision, draft_json, okr_results_json, snapshot_at, secretary_signed_by, secretary_signed_at, presiding_signed_by, presiding_signed_at, sent_to_oap_on, sent_to_oap_by, file_name, correction_reason, created_by, created_at, updated_by, updated_at';
const INSERT_ACTA = `INSERT INTO actas (${ACTA_COLUMNS}) VALUES (${ACTA_COLUMNS.split(',').map(() => '?').join(', ')})`;
const INSERT_PLENARIA =
  'INSERT INTO plenarias (id, kind, unit_id, quarter, date, start_time, modality, location, presiding_id, secretary_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const plenariaValues = (p: Plenaria): unknown[] => [p.id, p.kind, p.unitId, quarterOf(p.date), p.date, p.startTime, p.modality, p.location, p.presidingId, p.secretaryId, p.createdBy, p.createdAt];
const toCommitment = (r: Row): Commitment => ({
  id: r.id as string,
  plenariaId: r.plenaria_id as string,
  unitId: (r.unit_id as string | null) ?? null,
  task: r.task as string,
  ownerId: r.owner_id as string,
  due: r.due as string,
  status: r.status as Commitment['status'],
  notes: JSON.parse(r.notes_json as string),
  impact: (r.impact as string | null) ?? null,
  revision: r.revision as number,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
});
const INSERT_COMMITMENT =
  'INSERT INTO commitments (id, plenaria_id, unit_id, task, owner_id, due, status, notes_json, impact, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const commitmentValues = (c: Commitment): unknown[] => [c.id, c.plenariaId, c.unitId, c.task, c.ownerId, c.due, c.status, JSON.stringify(c.notes), c.impact, c.revision, c.createdAt, c.updatedAt];
const actaKey = (plenariaId: string, version: number) => `${plenariaId}#${version}`;

const toReminderLog = (r: Row): ReminderLogEntry => ({
  key: r.key as string,
  kind: r.kind as ReminderKind,
  personId: r.person_id as string,
  subject: r.subject as string,
  period: r.period as string,
  step: r.step as number,
  state: r.state as ReminderLogState,
  owner: r.owner as string,
  claimedAt: r.claimed_at as string,
  sentAt: (r.sent_at as string | null) ?? null,
  error: (r.error as string | null) ?? null,
  attempts: r.attempts as number,
});
const toSnooze = (r: Row): ReminderSnooze => ({
  key: { kind: r.kind as ReminderKind, personId: r.person_id as string, subject: r.subject as string, period: r.period as string, step: r.step as number },
  until: r.until as string,
  count: r.count as number,
});

export interface SqliteStoreOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  now?: () => Date;
}

/** The embedded store: one SQLite file under `.data/`, schema migrated at open. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(options: SqliteStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.db = new Database(options.path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.now = options.now ?? (() => new Date());
    this.migrate();
  }

  /** Applies pending migrations; returns the versions applied now. */
  private migrate(): number[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as Row[]).map((r) => r.version as number));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, this.now().toISOString());
      })();
      applied.push(m.version);
    }
    return applied;
  }

  schemaVersion(): number {
    return ((this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as Row).v as number) ?? 0;
  }

  private audit(actorId: string, entity: string, entityId: string, action: AuditEntry['action'], before: unknown, after: unknown): void {
    this.db
      .prepare('INSERT INTO audit (at, actor_id, entity, entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), actorId, entity, entityId, action, before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after));
  }

  async isEmpty(): Promise<boolean> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM units').get() as Row).n === 0;
  }

  async seed(data: SeedData): Promise<void> {
    const db = this.db;
    db.transaction(() => {
      const unit = db.prepare('INSERT INTO units (id, name, kind, level, parent_id) VALUES (?, ?, ?, ?, ?)');
      // Parents first so the foreign key holds whatever order the seed lists units in.
      const pending = [...data.units];
      const inserted = new Set<string>();
      while (pending.length > 0) {
        const i = pending.findIndex((u) => u.parentId === null || inserted.has(u.parentId));
        if (i < 0) throw new Error(`Unidades con padre desconocido: ${pending.map((u) => u.id).join(', ')}`);
        const [u] = pending.splice(i, 1) as [Unit];
        unit.run(u.id, u.name, u.kind, u.level, u.parentId);
        inserted.add(u.id);
      }
      const person = db.prepare('INSERT INTO people (id, aad_object_id, name, email, job_title) VALUES (?, ?, ?, ?, ?)');
      for (const p of data.people) person.run(p.id, p.aadObjectId, p.name, p.email, p.jobTitle);
      const role = db.prepare('INSERT INTO role_assignments (person_id, role, unit_id) VALUES (?, ?, ?)');
      for (const r of data.roles) role.run(r.personId, r.role, r.unitId);
      const io = db.prepare('INSERT INTO institutional_objectives (id, code, title) VALUES (?, ?, ?)');
      for (const o of data.institutionalObjectives) io.run(o.id, o.code, o.title);
      const set = db.prepare('INSERT INTO okr_sets (id, unit_id, quarter, state, institutional_objective_id, version) VALUES (?, ?, ?, ?, ?, ?)');
      for (const s of data.sets) set.run(s.id, s.unitId, s.quarter, s.state, s.institutionalObjectiveId, s.version);
      const objective = db.prepare('INSERT INTO objectives (id, set_id, parent_id, level, title, ord, weight) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const objectives = [...data.objectives].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
      for (const o of objectives) objective.run(o.id, o.setId, o.parentId, o.level, o.title, o.order, o.weight ?? null);
      const kr = db.prepare(
        'INSERT INTO key_results (id, set_id, objective_id, title, kind, unit_of_measure, baseline, target, direction, owner_id, ord, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const k of data.keyResults) {
        kr.run(k.id, k.setId, k.objectiveId, k.title, k.kind, k.unitOfMeasure, k.baseline, k.target, k.direction, k.ownerId, k.order, k.weight ?? null);
      }
      const checkIn = db.prepare(
        'INSERT INTO check_ins (id, key_result_id, unit_id, period, value, comment, evidence_url, author_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const c of data.checkIns) {
        checkIn.run(c.id, c.keyResultId, c.unitId, c.period, c.value, c.comment, c.evidenceUrl, c.authorId, c.createdAt, c.updatedAt, c.version);
      }
      const plenaria = db.prepare(INSERT_PLENARIA);
      for (const p of data.plenarias ?? []) plenaria.run(...plenariaValues(p));
      const acta = db.prepare(INSERT_ACTA);
      for (const a of data.actas ?? []) acta.run(...actaValues(a));
      const commitment = db.prepare(INSERT_COMMITMENT);
      for (const c of data.commitments ?? []) commitment.run(...commitmentValues(c));
      this.audit('system', 'store', 'seed', 'create', null, {
        units: data.units.length,
        people: data.people.length,
        sets: data.sets.length,
        checkIns: data.checkIns.length,
        ...(data.plenarias ? { plenarias: data.plenarias.length, actas: data.actas?.length ?? 0, commitments: data.commitments?.length ?? 0 } : {}),
      });
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async listUnits(): Promise<Unit[]> {
    return (this.db.prepare('SELECT * FROM units ORDER BY name').all() as Row[]).map(toUnit);
  }

  async getUnit(id: string): Promise<Unit | null> {
    const row = this.db.prepare('SELECT * FROM units WHERE id = ?').get(id) as Row | undefined;
    return row ? toUnit(row) : null;
  }

  async listPeople(): Promise<Person[]> {
    return (this.db.prepare('SELECT * FROM people ORDER BY name').all() as Row[]).map(toPerson);
  }

  async getPerson(id: string): Promise<Person | null> {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as Row | undefined;
    return row ? toPerson(row) : null;
  }

  async findPersonByAadObjectId(aadObjectId: string): Promise<Person | null> {
    const row = this.db.prepare('SELECT * FROM people WHERE aad_object_id = ? COLLATE NOCASE').get(aadObjectId) as Row | undefined;
    return row ? toPerson(row) : null;
  }

  async listRoles(): Promise<RoleAssignment[]> {
    return (this.db.prepare('SELECT * FROM role_assignments').all() as Row[]).map(toRole);
  }

  async rolesOf(personId: string): Promise<RoleAssignment[]> {
    return (this.db.prepare('SELECT * FROM role_assignments WHERE person_id = ?').all(personId) as Row[]).map(toRole);
  }

  async listInstitutionalObjectives(): Promise<InstitutionalObjective[]> {
    return this.db.prepare('SELECT id, code, title FROM institutional_objectives ORDER BY code').all() as InstitutionalObjective[];
  }

  async getSet(unitId: string, quarter: QuarterId) {
    const row = this.db.prepare('SELECT * FROM okr_sets WHERE unit_id = ? AND quarter = ?').get(unitId, quarter) as Row | undefined;
    if (!row) return null;
    return this.bundleOf(toSet(row));
  }

  async getSetById(setId: string): Promise<OkrSetBundle | null> {
    const row = this.db.prepare('SELECT * FROM okr_sets WHERE id = ?').get(setId) as Row | undefined;
    return row ? this.bundleOf(toSet(row)) : null;
  }

  async listSetsByState(states: readonly OkrSetState[]): Promise<OkrSet[]> {
    if (states.length === 0) return [];
    const marks = states.map(() => '?').join(',');
    return (this.db.prepare(`SELECT * FROM okr_sets WHERE state IN (${marks}) ORDER BY quarter, unit_id`).all(...states) as Row[]).map(toSet);
  }

  private bundleOf(set: OkrSet): OkrSetBundle {
    return {
      set,
      objectives: (this.db.prepare('SELECT * FROM objectives WHERE set_id = ? ORDER BY ord').all(set.id) as Row[]).map(toObjective),
      keyResults: (this.db.prepare('SELECT * FROM key_results WHERE set_id = ? ORDER BY ord').all(set.id) as Row[]).map(toKeyResult),
    };
  }

  private insertContent(setId: string, content: SetContent): void {
    const objective = this.db.prepare('INSERT INTO objectives (id, set_id, parent_id, level, title, ord, weight) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const parentsFirst = [...content.objectives].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
    for (const o of parentsFirst) objective.run(o.id, setId, o.parentId, o.level, o.title, o.order, o.weight ?? null);
    const kr = this.db.prepare(
      'INSERT INTO key_results (id, set_id, objective_id, title, kind, unit_of_measure, baseline, target, direction, owner_id, ord, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const k of content.keyResults) {
      kr.run(k.id, setId, k.objectiveId, k.title, k.kind, k.unitOfMeasure, k.baseline, k.target, k.direction, k.ownerId, k.order, k.weight ?? null);
    }
  }

  private event(setId: string, actorId: string, action: SetEvent['action'], from: OkrSetState, to: OkrSetState, version: number, comment: string | null): void {
    this.db
      .prepare('INSERT INTO set_events (set_id, at, actor_id, action, from_state, to_state, set_version, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(setId, this.now().toISOString(), actorId, action, from, to, version, comment);
  }

  async createSet(args: SetCreation): Promise<OkrSetBundle> {
    return this.db.transaction(() => {
      const existing = this.db.prepare('SELECT id FROM okr_sets WHERE unit_id = ? AND quarter = ?').get(args.unitId, args.quarter);
      if (existing) throw new ConflictError('set exists');
      this.db
        .prepare("INSERT INTO okr_sets (id, unit_id, quarter, state, institutional_objective_id, version) VALUES (?, ?, ?, 'draft', ?, 1)")
        .run(args.setId, args.unitId, args.quarter, args.content.institutionalObjectiveId);
      this.insertContent(args.setId, args.content);
      const bundle = this.bundleOf(toSet(this.db.prepare('SELECT * FROM okr_sets WHERE id = ?').get(args.setId) as Row));
      this.event(args.setId, args.actorId, 'create', 'draft', 'draft', 1, null);
      this.audit(args.actorId, 'okrSet', args.setId, 'create', null, bundle);
      return bundle;
    })();
  }

  async replaceSetContent(args: SetReplacement): Promise<OkrSetBundle> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM okr_sets WHERE id = ?').get(args.setId) as Row | undefined;
      if (!row || (row.version as number) !== args.expectedVersion) throw new ConflictError('stale set');
      const before = this.bundleOf(toSet(row));
      this.db.prepare('DELETE FROM key_results WHERE set_id = ?').run(args.setId);
      this.db.prepare('DELETE FROM objectives WHERE set_id = ? AND parent_id IS NOT NULL').run(args.setId);
      this.db.prepare('DELETE FROM objectives WHERE set_id = ?').run(args.setId);
      this.db.prepare('UPDATE okr_sets SET institutional_objective_id = ?, version = version + 1 WHERE id = ?').run(args.content.institutionalObjectiveId, args.setId);
      this.insertContent(args.setId, args.content);
      const after = this.bundleOf(toSet(this.db.prepare('SELECT * FROM okr_sets WHERE id = ?').get(args.setId) as Row));
      this.event(args.setId, args.actorId, 'edit', before.set.state, after.set.state, after.set.version, null);
      this.audit(args.actorId, 'okrSet', args.setId, 'update', before, after);
      return after;
    })();
  }

  async transitionSet(args: SetTransition): Promise<OkrSet> {
    return this.db.transaction(() => {
      const changed = this.db
        .prepare('UPDATE okr_sets SET state = ?, version = version + 1 WHERE id = ? AND state = ? AND version = ?')
        .run(args.to, args.setId, args.from, args.expectedVersion).changes;
      if (changed === 0) throw new ConflictError('set changed');
      const set = toSet(this.db.prepare('SELECT * FROM okr_sets WHERE id = ?').get(args.setId) as Row);
      this.event(args.setId, args.actorId, args.action, args.from, args.to, set.version, args.comment);
      this.audit(args.actorId, 'okrSet', args.setId, 'update', { state: args.from, version: args.expectedVersion }, { state: args.to, version: set.version, action: args.action, comment: args.comment });
      return set;
    })();
  }

  async listSetEvents(setId: string): Promise<SetEvent[]> {
    return (this.db.prepare('SELECT * FROM set_events WHERE set_id = ? ORDER BY id').all(setId) as Row[]).map(toSetEvent);
  }

  async saveCardMessage(card: CardMessage): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO card_messages (subject_id, purpose, person_id, activity_id, reference, at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(subject_id, purpose, person_id) DO UPDATE SET activity_id = excluded.activity_id, reference = excluded.reference, at = excluded.at`,
      )
      .run(card.subjectId, card.purpose, card.personId, card.activityId, JSON.stringify(card.reference), this.now().toISOString());
  }

  async listCardMessages(subjectId: string): Promise<CardMessage[]> {
    return (this.db.prepare('SELECT * FROM card_messages WHERE subject_id = ? ORDER BY at, rowid').all(subjectId) as Row[]).map((r) => ({
      subjectId: r.subject_id as string,
      purpose: r.purpose as string,
      personId: r.person_id as string,
      activityId: r.activity_id as string,
      reference: JSON.parse(r.reference as string),
    }));
  }

  // ── plenarias, actas, commitments ─────────────────────────────────────────────────────────────

  async createPlenaria(plenaria: Plenaria, actorId: string): Promise<void> {
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM plenarias WHERE id = ?').get(plenaria.id)) throw new ConflictError(`plenaria ${plenaria.id} exists`);
      this.db.prepare(INSERT_PLENARIA).run(...plenariaValues(plenaria));
      this.audit(actorId, 'plenaria', plenaria.id, 'create', null, plenaria);
    })();
  }

  async getPlenaria(id: string): Promise<Plenaria | null> {
    const row = this.db.prepare('SELECT * FROM plenarias WHERE id = ?').get(id) as Row | undefined;
    return row ? toPlenaria(row) : null;
  }

  async listPlenarias(filter: { quarters?: readonly QuarterId[]; unitId?: string }): Promise<Plenaria[]> {
    if (filter.quarters?.length === 0) return [];
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.quarters) {
      where.push(`quarter IN (${filter.quarters.map(() => '?').join(',')})`);
      args.push(...filter.quarters);
    }
    if (filter.unitId !== undefined) {
      where.push('unit_id = ?');
      args.push(filter.unitId);
    }
    const sql = `SELECT * FROM plenarias ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY date, start_time, id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map(toPlenaria);
  }

  async listActas(filter: { plenariaIds?: readonly string[]; quarters?: readonly QuarterId[]; unitId?: string }): Promise<Acta[]> {
    if (filter.plenariaIds?.length === 0 || filter.quarters?.length === 0) return [];
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.plenariaIds) {
      where.push(`a.plenaria_id IN (${filter.plenariaIds.map(() => '?').join(',')})`);
      args.push(...filter.plenariaIds);
    }
    if (filter.quarters) {
      where.push(`p.quarter IN (${filter.quarters.map(() => '?').join(',')})`);
      args.push(...filter.quarters);
    }
    if (filter.unitId !== undefined) {
      where.push('p.unit_id = ?');
      args.push(filter.unitId);
    }
    const sql = `SELECT a.* FROM actas a JOIN plenarias p ON p.id = a.plenaria_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.plenaria_id, a.version`;
    return (this.db.prepare(sql).all(...args) as Row[]).map(toActa);
  }

  async writeActa(write: ActaWrite): Promise<Acta> {
    const { plenariaId, version } = write.acta;
    return this.db.transaction((): Acta => {
      if (!this.db.prepare('SELECT 1 FROM plenarias WHERE id = ?').get(plenariaId)) throw new Error(`writeActa: no plenaria ${plenariaId}`);
      const row = this.db.prepare('SELECT * FROM actas WHERE plenaria_id = ? AND version = ?').get(plenariaId, version) as Row | undefined;
      const before = row ? toActa(row) : null;
      let stored: Acta;
      if (write.expectedRevision === null) {
        if (before) throw new ConflictError(`acta ${actaKey(plenariaId, version)} exists`);
        stored = write.acta;
        this.db.prepare(INSERT_ACTA).run(...actaValues(stored));
      } else {
        if (!before || before.revision !== write.expectedRevision) throw new ConflictError(`acta ${actaKey(plenariaId, version)} changed`);
        stored = { ...write.acta, revision: write.expectedRevision + 1 };
        const [, , ...rest] = actaValues(stored);
        const sets = ACTA_COLUMNS.split(', ').slice(2).map((c) => `${c} = ?`).join(', ');
        this.db.prepare(`UPDATE actas SET ${sets} WHERE plenaria_id = ? AND version = ? AND revision = ?`).run(...rest, plenariaId, version, write.expectedRevision);
      }
      this.audit(write.actorId, 'acta', actaKey(plenariaId, version), before ? 'update' : 'create', before, { action: write.action, ...stored });
      return stored;
    })();
  }

  async saveActaFile(file: ActaFile, actorId: string): Promise<void> {
    this.db.transaction(() => {
      if (!this.db.prepare('SELECT 1 FROM actas WHERE plenaria_id = ? AND version = ?').get(file.plenariaId, file.version)) {
        throw new Error(`saveActaFile: no acta ${actaKey(file.plenariaId, file.version)}`);
      }
      const row = this.db.prepare('SELECT file_name, length(bytes) AS size FROM acta_files WHERE plenaria_id = ? AND version = ?').get(file.plenariaId, file.version) as Row | undefined;
      this.db
        .prepare(
          `INSERT INTO acta_files (plenaria_id, version, file_name, bytes, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(plenaria_id, version) DO UPDATE SET file_name = excluded.file_name, bytes = excluded.bytes, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
        )
        .run(file.plenariaId, file.version, file.fileName, file.bytes, actorId, this.now().toISOString());
      const before = row ? { fileName: row.file_name as string, size: row.size as number } : null;
      this.audit(actorId, 'actaFile', actaKey(file.plenariaId, file.version), before ? 'update' : 'create', before, { fileName: file.fileName, size: file.bytes.length });
    })();
  }

  async getActaFile(plenariaId: string, version: number): Promise<ActaFile | null> {
    const row = this.db.prepare('SELECT * FROM acta_files WHERE plenaria_id = ? AND version = ?').get(plenariaId, version) as Row | undefined;
    return row ? { plenariaId, version, fileName: row.file_name as string, bytes: Buffer.from(row.bytes as Uint8Array) } : null;
  }

  async listCommitments(filter: { ownerId?: string; plenariaId?: string; unitId?: string }): Promise<Commitment[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [column, value] of [['owner_id', filter.ownerId], ['plenaria_id', filter.plenariaId], ['unit_id', filter.unitId]] as const) {
      if (value === undefined) continue;
      where.push(`${column} = ?`);
      args.push(value);
    }
    const sql = `SELECT * FROM commitments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due, id`;
    return (this.db.prepare(sql).all(...args) as Row[]).map(toCommitment);
  }

  async writeCommitments(writes: ReadonlyArray<{ commitment: Commitment; expectedRevision: number | null }>, actorId: string): Promise<Commitment[]> {
    const find = this.db.prepare('SELECT * FROM commitments WHERE id = ?');
    const insert = this.db.prepare(INSERT_COMMITMENT);
    const update = this.db.prepare(
      'UPDATE commitments SET plenaria_id = ?, unit_id = ?, task = ?, owner_id = ?, due = ?, status = ?, notes_json = ?, impact = ?, revision = ?, created_at = ?, updated_at = ? WHERE id = ? AND revision = ?',
    );
    return this.db.transaction((): Commitment[] =>
      writes.map(({ commitment, expectedRevision }) => {
        const row = find.get(commitment.id) as Row | undefined;
        const before = row ? toCommitment(row) : null;
        if (expectedRevision === null) {
          if (before) throw new ConflictError(`commitment ${commitment.id} exists`);
          insert.run(...commitmentValues(commitment));
          this.audit(actorId, 'commitment', commitment.id, 'create', null, commitment);
          return commitment;
        }
        if (!before || before.revision !== expectedRevision) throw new ConflictError(`commitment ${commitment.id} changed`);
        const stored: Commitment = { ...commitment, revision: expectedRevision + 1 };
        const [id, ...rest] = commitmentValues(stored);
        update.run(...rest, id, expectedRevision);
        this.audit(actorId, 'commitment', commitment.id, 'update', before, stored);
        return stored;
      }),
    )();
  }

  async loadUnitQuarter(unitId: string, quarter: QuarterId): Promise<UnitQuarterData> {
    const [bundle, checkIns, institutionalObjectives] = await Promise.all([
      this.getSet(unitId, quarter),
      this.listCheckIns(unitId, quarterMonths(quarter)),
      this.listInstitutionalObjectives(),
    ]);
    return { bundle, checkIns, institutionalObjectives };
  }

  async loadEntityQuarter(quarter: QuarterId): Promise<EntityQuarterData> {
    const periods = quarterMonths(quarter);
    const sets = (this.db.prepare('SELECT * FROM okr_sets WHERE quarter = ? ORDER BY unit_id').all(quarter) as Row[]).map(toSet);
    const checkIns = (
      this.db.prepare(`SELECT * FROM check_ins WHERE period IN (${periods.map(() => '?').join(',')}) ORDER BY unit_id, period`).all(...periods) as Row[]
    ).map(toCheckIn);
    return { units: await this.listUnits(), bundles: sets.map((s) => this.bundleOf(s)), checkIns, institutionalObjectives: await this.listInstitutionalObjectives() };
  }

  async listCheckIns(unitId: string, periods: readonly Period[]): Promise<CheckIn[]> {
    if (periods.length === 0) return [];
    const marks = periods.map(() => '?').join(',');
    return (
      this.db.prepare(`SELECT * FROM check_ins WHERE unit_id = ? AND period IN (${marks}) ORDER BY period`).all(unitId, ...periods) as Row[]
    ).map(toCheckIn);
  }

  async saveCheckIns(write: CheckInWrite): Promise<SavedCheckIn[]> {
    const db = this.db;
    const find = db.prepare('SELECT * FROM check_ins WHERE key_result_id = ? AND period = ?');
    const insert = db.prepare(
      'INSERT INTO check_ins (id, key_result_id, unit_id, period, value, comment, evidence_url, author_id, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)',
    );
    const update = db.prepare(
      'UPDATE check_ins SET value = ?, comment = ?, evidence_url = ?, author_id = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
    );
    return db.transaction((): SavedCheckIn[] => {
      const at = this.now().toISOString();
      return write.checkIns.map((c): SavedCheckIn => {
        const existingRow = find.get(c.keyResultId, write.period) as Row | undefined;
        if (!existingRow) {
          const id = randomUUID();
          insert.run(id, c.keyResultId, write.unitId, write.period, c.value, c.comment, c.evidenceUrl, write.actorId, at, at);
          const created = toCheckIn(find.get(c.keyResultId, write.period) as Row);
          this.audit(write.actorId, 'checkIn', id, 'create', null, created);
          return { checkIn: created, outcome: 'created' };
        }
        const existing = toCheckIn(existingRow);
        if (existing.value === c.value && existing.comment === c.comment && existing.evidenceUrl === c.evidenceUrl) {
          return { checkIn: existing, outcome: 'unchanged' };
        }
        update.run(c.value, c.comment, c.evidenceUrl, write.actorId, at, existing.id, existing.version);
        const updated = toCheckIn(find.get(c.keyResultId, write.period) as Row);
        this.audit(write.actorId, 'checkIn', existing.id, 'update', existing, updated);
        return { checkIn: updated, outcome: 'updated' };
      });
    })();
  }

  async getMonthReview(unitId: string, period: Period): Promise<MonthReview | null> {
    const row = this.db.prepare('SELECT * FROM month_reviews WHERE unit_id = ? AND period = ?').get(unitId, period) as Row | undefined;
    return row ? toMonthReview(row) : null;
  }

  async saveMonthReview(review: MonthReview): Promise<void> {
    this.db.transaction(() => {
      const before = this.db.prepare('SELECT * FROM month_reviews WHERE unit_id = ? AND period = ?').get(review.unitId, review.period) as Row | undefined;
      this.db
        .prepare(
          `INSERT INTO month_reviews (unit_id, period, state, actor_id, at, note) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(unit_id, period) DO UPDATE SET state = excluded.state, actor_id = excluded.actor_id, at = excluded.at, note = excluded.note`,
        )
        .run(review.unitId, review.period, review.state, review.actorId, review.at, review.note);
      this.audit(review.actorId, 'monthReview', `${review.unitId}/${review.period}`, before ? 'update' : 'create', before ? toMonthReview(before) : null, review);
    })();
  }

  async saveConversationReference(personId: string, reference: unknown): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO conversation_refs (person_id, reference, updated_at) VALUES (?, ?, ?) ON CONFLICT(person_id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at',
      )
      .run(personId, JSON.stringify(reference), this.now().toISOString());
  }

  async getConversationReference(personId: string): Promise<unknown | null> {
    const row = this.db.prepare('SELECT reference FROM conversation_refs WHERE person_id = ?').get(personId) as Row | undefined;
    return row ? JSON.parse(row.reference as string) : null;
  }

  async listConversationPersonIds(): Promise<string[]> {
    return (this.db.prepare('SELECT person_id FROM conversation_refs ORDER BY person_id').all() as Row[]).map((r) => r.person_id as string);
  }

  async claimReminder(key: ReminderKey, owner: string, at: string): Promise<boolean> {
    const id = reminderKeyString(key);
    // One statement each, so two connections (two server instances) can never both win.
    const inserted = this.db
      .prepare(
        `INSERT INTO reminder_log (key, kind, person_id, subject, period, step, state, owner, claimed_at, attempts)
         VALUES (?, ?, ?, ?, ?, ?, 'claimed', ?, ?, 1) ON CONFLICT(key) DO NOTHING`,
      )
      .run(id, key.kind, key.personId, key.subject, key.period, key.step, owner, at).changes;
    if (inserted === 1) return true;
    const retaken = this.db
      .prepare(
        `UPDATE reminder_log SET state = 'claimed', owner = ?, claimed_at = ?, attempts = attempts + 1
         WHERE key = ? AND state = 'failed' AND attempts < ?`,
      )
      .run(owner, at, id, REMINDER_MAX_ATTEMPTS).changes;
    return retaken === 1;
  }

  async markReminderSent(key: string, owner: string, at: string): Promise<void> {
    this.db.prepare("UPDATE reminder_log SET state = 'sent', sent_at = ?, error = NULL WHERE key = ? AND owner = ? AND state = 'claimed'").run(at, key, owner);
  }

  async markReminderFailed(key: string, owner: string, at: string, error: string): Promise<void> {
    this.db
      .prepare("UPDATE reminder_log SET state = 'failed', error = ?, claimed_at = ? WHERE key = ? AND owner = ? AND state = 'claimed'")
      .run(error.slice(0, 500), at, key, owner);
  }

  async retryReminder(key: string, actorId: string): Promise<boolean> {
    return this.db.transaction(() => {
      const before = this.db.prepare('SELECT * FROM reminder_log WHERE key = ?').get(key) as Row | undefined;
      if (!before || before.state === 'sent') return false;
      this.db.prepare("UPDATE reminder_log SET state = 'failed', attempts = 0, owner = ?, error = ? WHERE key = ?").run(actorId, 'reenvío pedido', key);
      const after = this.db.prepare('SELECT * FROM reminder_log WHERE key = ?').get(key) as Row;
      this.audit(actorId, 'reminder', key, 'update', toReminderLog(before), toReminderLog(after));
      return true;
    })();
  }

  async listReminderLog(filter: { personId?: string; states?: readonly ReminderLogState[]; periods?: readonly Period[]; limit?: number } = {}): Promise<ReminderLogEntry[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.personId) {
      where.push('person_id = ?');
      args.push(filter.personId);
    }
    if (filter.states) {
      if (filter.states.length === 0) return [];
      where.push(`state IN (${filter.states.map(() => '?').join(',')})`);
      args.push(...filter.states);
    }
    if (filter.periods) {
      if (filter.periods.length === 0) return [];
      where.push(`period IN (${filter.periods.map(() => '?').join(',')})`);
      args.push(...filter.periods);
    }
    const sql = `SELECT * FROM reminder_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY COALESCE(sent_at, claimed_at) DESC, key LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit ?? 200) as Row[]).map(toReminderLog);
  }

  async getReminderControl(): Promise<ReminderControl> {
    const row = this.db.prepare('SELECT * FROM reminder_control WHERE id = 1').get() as Row | undefined;
    return row ? { paused: row.paused === 1, actorId: (row.actor_id as string | null) ?? null, at: (row.at as string | null) ?? null } : { paused: false, actorId: null, at: null };
  }

  async setRemindersPaused(paused: boolean, actorId: string): Promise<ReminderControl> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM reminder_control WHERE id = 1').get() as Row | undefined;
      const before = row ? { paused: row.paused === 1, actorId: row.actor_id as string | null, at: row.at as string | null } : null;
      const after: ReminderControl = { paused, actorId, at: this.now().toISOString() };
      this.db
        .prepare('INSERT INTO reminder_control (id, paused, actor_id, at) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET paused = excluded.paused, actor_id = excluded.actor_id, at = excluded.at')
        .run(paused ? 1 : 0, actorId, after.at);
      this.audit(actorId, 'reminderControl', 'global', before ? 'update' : 'create', before, after);
      return after;
    })();
  }

  async snoozeReminder(key: ReminderKey, until: string): Promise<ReminderSnooze> {
    const id = reminderKeyString(key);
    this.db
      .prepare(
        `INSERT INTO reminder_snoozes (key, kind, person_id, subject, period, step, until, count) VALUES (?, ?, ?, ?, ?, ?, ?, 1)
         ON CONFLICT(key) DO UPDATE SET until = excluded.until, count = count + 1`,
      )
      .run(id, key.kind, key.personId, key.subject, key.period, key.step, until);
    return toSnooze(this.db.prepare('SELECT * FROM reminder_snoozes WHERE key = ?').get(id) as Row);
  }

  async listReminderSnoozes(filter: { personId?: string } = {}): Promise<ReminderSnooze[]> {
    const rows = filter.personId
      ? this.db.prepare('SELECT * FROM reminder_snoozes WHERE person_id = ? ORDER BY until, key').all(filter.personId)
      : this.db.prepare('SELECT * FROM reminder_snoozes ORDER BY until, key').all();
    return (rows as Row[]).map(toSnooze);
  }

  async listReminderPreferences(personId?: string): Promise<ReminderPreferences[]> {
    const rows = personId
      ? this.db.prepare('SELECT * FROM reminder_preferences WHERE person_id = ?').all(personId)
      : this.db.prepare('SELECT * FROM reminder_preferences ORDER BY person_id').all();
    return (rows as Row[]).map((r) => ({ personId: r.person_id as string, mutedKinds: JSON.parse(r.muted_kinds as string) as ReminderKind[] }));
  }

  async setReminderPreferences(prefs: ReminderPreferences, actorId: string): Promise<void> {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM reminder_preferences WHERE person_id = ?').get(prefs.personId) as Row | undefined;
      const mutedKinds = [...new Set(prefs.mutedKinds)].sort();
      this.db
        .prepare(
          'INSERT INTO reminder_preferences (person_id, muted_kinds, updated_at) VALUES (?, ?, ?) ON CONFLICT(person_id) DO UPDATE SET muted_kinds = excluded.muted_kinds, updated_at = excluded.updated_at',
        )
        .run(prefs.personId, JSON.stringify(mutedKinds), this.now().toISOString());
      const before = row ? { personId: prefs.personId, mutedKinds: JSON.parse(row.muted_kinds as string) } : null;
      this.audit(actorId, 'reminderPreferences', prefs.personId, row ? 'update' : 'create', before, { personId: prefs.personId, mutedKinds });
    })();
  }

  async listAudit(filter: { entity?: string; entityId?: string; limit?: number } = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.entity) {
      where.push('entity = ?');
      args.push(filter.entity);
    }
    if (filter.entityId) {
      where.push('entity_id = ?');
      args.push(filter.entityId);
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, filter.limit ?? 100) as Row[]).map(toAudit);
  }
}
