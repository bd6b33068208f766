import { quarterOf } from '@okr/core';
import type { Acta, Commitment, Plenaria } from '@okr/core';
import { ConflictError } from '../../errors.js';
import type { ActaFile, ActasPort } from '../../ports/actas.js';
import { actaKey, revised } from '../../rules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

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
  ...(r.cancelled_json ? { cancelled: JSON.parse(r.cancelled_json as string) } : {}),
  ...(r.rescheduled_json ? { rescheduled: JSON.parse(r.rescheduled_json as string) } : {}),
});
const PLENARIA_COLUMNS = 'id, kind, unit_id, quarter, date, start_time, modality, location, presiding_id, secretary_id, created_by, created_at, cancelled_json, rescheduled_json';
const INSERT_PLENARIA = `INSERT INTO plenarias (${PLENARIA_COLUMNS}) VALUES (${PLENARIA_COLUMNS.split(', ').map(() => '?').join(', ')})`;
const UPDATE_PLENARIA = `UPDATE plenarias SET ${PLENARIA_COLUMNS.split(', ').slice(1).map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
const json = (v: unknown) => (v ? JSON.stringify(v) : null);
const plenariaValues = (p: Plenaria): unknown[] => [p.id, p.kind, p.unitId, quarterOf(p.date), p.date, p.startTime, p.modality, p.location, p.presidingId, p.secretaryId, p.createdBy, p.createdAt, json(p.cancelled), json(p.rescheduled)];
/** A plenaria as compared for compare-and-set (absent and null change fields are the same). */
const plenariaState = (p: Plenaria) => JSON.stringify(plenariaValues(p));

const signature = (by: unknown, at: unknown) => (by === null || by === undefined ? null : { personId: by as string, at: at as string });
const toActa = (r: Row): Acta => ({
  plenariaId: r.plenaria_id as string,
  documentVersion: r.version as number,
  version: r.revision as number,
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
  a.documentVersion,
  a.version,
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
const UPDATE_ACTA = `UPDATE actas SET ${ACTA_COLUMNS.split(', ').slice(2).map((c) => `${c} = ?`).join(', ')} WHERE plenaria_id = ? AND version = ? AND revision = ?`;

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
  version: r.revision as number,
  createdAt: r.created_at as string,
  updatedAt: r.updated_at as string,
});
const INSERT_COMMITMENT =
  'INSERT INTO commitments (id, plenaria_id, unit_id, task, owner_id, due, status, notes_json, impact, revision, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
const UPDATE_COMMITMENT =
  'UPDATE commitments SET plenaria_id = ?, unit_id = ?, task = ?, owner_id = ?, due = ?, status = ?, notes_json = ?, impact = ?, revision = ?, created_at = ?, updated_at = ? WHERE id = ? AND revision = ?';
const commitmentValues = (c: Commitment): unknown[] => [c.id, c.plenariaId, c.unitId, c.task, c.ownerId, c.due, c.status, JSON.stringify(c.notes), c.impact, c.version, c.createdAt, c.updatedAt];


/** Plenarias, their actas' versions and signed files, and the commitments in the tracker. */
export const actasSqlite: SqliteModule<ActasPort> = {
  name: 'actas',
  migrations: [
    {
      version: 1,
      legacy: 5,
      name: 'plenarias, acta versions and their signed .docx, tracked commitments',
      sql: `
      CREATE TABLE plenarias (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('menor','mayor','dialogo')),
        unit_id TEXT REFERENCES units(id),
        quarter TEXT NOT NULL,
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        modality TEXT NOT NULL,
        location TEXT NOT NULL,
        presiding_id TEXT NOT NULL REFERENCES people(id),
        secretary_id TEXT NOT NULL REFERENCES people(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX plenarias_quarter ON plenarias(quarter);
      CREATE INDEX plenarias_unit ON plenarias(unit_id);
      CREATE TABLE actas (
        plenaria_id TEXT NOT NULL REFERENCES plenarias(id),
        version INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        draft_json TEXT NOT NULL,
        okr_results_json TEXT NOT NULL,
        snapshot_at TEXT NOT NULL,
        secretary_signed_by TEXT,
        secretary_signed_at TEXT,
        presiding_signed_by TEXT,
        presiding_signed_at TEXT,
        sent_to_oap_on TEXT,
        sent_to_oap_by TEXT,
        file_name TEXT,
        correction_reason TEXT,
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (plenaria_id, version)
      );
      CREATE TABLE acta_files (
        plenaria_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        bytes BLOB NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        PRIMARY KEY (plenaria_id, version),
        FOREIGN KEY (plenaria_id, version) REFERENCES actas(plenaria_id, version)
      );
      CREATE TABLE commitments (
        id TEXT PRIMARY KEY,
        plenaria_id TEXT NOT NULL REFERENCES plenarias(id),
        unit_id TEXT REFERENCES units(id),
        task TEXT NOT NULL,
        owner_id TEXT NOT NULL REFERENCES people(id),
        due TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('abierto','en_curso','cumplido','cancelado')),
        notes_json TEXT NOT NULL,
        impact TEXT,
        revision INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX commitments_owner ON commitments(owner_id);
      CREATE INDEX commitments_plenaria ON commitments(plenaria_id);
      CREATE INDEX commitments_unit ON commitments(unit_id);`,
    },
    {
      version: 2,
      name: 'plenarias rescheduled and cancelled, with who, when and why',
      sql: `
      ALTER TABLE plenarias ADD COLUMN cancelled_json TEXT;
      ALTER TABLE plenarias ADD COLUMN rescheduled_json TEXT;`,
    },
    {
      version: 3,
      name: 'plenarias of kind validacion (the quarterly validation session of the published figures)',
      // SQLite cannot change a CHECK in place: the table is rebuilt with its rows, the references of
      // actas and commitments checked at commit (deferred), as its rows are back by then.
      sql: `
      PRAGMA defer_foreign_keys = ON;
      CREATE TEMP TABLE plenarias_before AS SELECT * FROM plenarias;
      DROP TABLE plenarias;
      CREATE TABLE plenarias (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('menor','mayor','dialogo','validacion')),
        unit_id TEXT REFERENCES units(id),
        quarter TEXT NOT NULL,
        date TEXT NOT NULL,
        start_time TEXT NOT NULL,
        modality TEXT NOT NULL,
        location TEXT NOT NULL,
        presiding_id TEXT NOT NULL REFERENCES people(id),
        secretary_id TEXT NOT NULL REFERENCES people(id),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL,
        cancelled_json TEXT,
        rescheduled_json TEXT
      );
      INSERT INTO plenarias SELECT * FROM plenarias_before;
      DROP TABLE plenarias_before;
      CREATE INDEX plenarias_quarter ON plenarias(quarter);
      CREATE INDEX plenarias_unit ON plenarias(unit_id);`,
    },
  ],
  tables: { plenarias: 'plenaria', actas: 'acta', acta_files: 'actaFile', commitments: 'commitment' },

  seed(db, data) {
    for (const p of data.plenarias ?? []) db.run(INSERT_PLENARIA, ...plenariaValues(p));
    for (const a of data.actas ?? []) db.run(INSERT_ACTA, ...actaValues(a));
    for (const c of data.commitments ?? []) db.run(INSERT_COMMITMENT, ...commitmentValues(c));
  },

  repository: (db: SqliteDb): ActasPort => ({
    async createPlenaria(plenaria, actorId) {
      db.tx(() => {
        if (db.get('SELECT 1 FROM plenarias WHERE id = ?', plenaria.id)) throw new ConflictError(`plenaria ${plenaria.id} exists`);
        db.run(INSERT_PLENARIA, ...plenariaValues(plenaria));
        db.audit(actorId, 'plenaria', plenaria.id, 'create', null, plenaria);
      });
    },

    async getPlenaria(id) {
      return db.one(toPlenaria, 'SELECT * FROM plenarias WHERE id = ?', id);
    },

    async updatePlenaria(update) {
      const { before, after } = update;
      if (before.id !== after.id) throw new Error('updatePlenaria: the id does not change');
      db.tx(() => {
        const stored = db.one(toPlenaria, 'SELECT * FROM plenarias WHERE id = ?', before.id);
        if (!stored || plenariaState(stored) !== plenariaState(before)) throw new ConflictError(`plenaria ${before.id} changed`);
        db.run(UPDATE_PLENARIA, ...plenariaValues(after).slice(1), after.id);
        db.audit(update.actorId, 'plenaria', after.id, 'update', stored, { action: update.action, reason: update.reason, ...after });
      });
    },

    async listPlenarias(filter) {
      if (filter.quarters?.length === 0) return [];
      const { where, args } = db.where([['quarter', filter.quarters], ['unit_id', filter.unitId]]);
      return db.all(`SELECT * FROM plenarias ${where} ORDER BY date, start_time, id`, ...args).map(toPlenaria);
    },

    async listActas(filter) {
      if (filter.plenariaIds?.length === 0 || filter.quarters?.length === 0) return [];
      const { where, args } = db.where([['a.plenaria_id', filter.plenariaIds], ['p.quarter', filter.quarters], ['p.unit_id', filter.unitId]]);
      return db.all(`SELECT a.* FROM actas a JOIN plenarias p ON p.id = a.plenaria_id ${where} ORDER BY a.plenaria_id, a.version`, ...args).map(toActa);
    },

    async writeActa(write) {
      const { plenariaId, documentVersion: version } = write.acta;
      const key = actaKey(plenariaId, version);
      return db.tx((): Acta => {
        if (!db.get('SELECT 1 FROM plenarias WHERE id = ?', plenariaId)) throw new Error(`writeActa: no plenaria ${plenariaId}`);
        const before = db.one(toActa, 'SELECT * FROM actas WHERE plenaria_id = ? AND version = ?', plenariaId, version);
        const stored = revised(`acta ${key}`, before, write.acta, write.expectedVersion);
        if (before) db.run(UPDATE_ACTA, ...actaValues(stored).slice(2), plenariaId, version, write.expectedVersion);
        else db.run(INSERT_ACTA, ...actaValues(stored));
        db.audit(write.actorId, 'acta', key, before ? 'update' : 'create', before, { action: write.action, ...stored });
        return stored;
      });
    },

    async saveActaFile(file, actorId) {
      const key = actaKey(file.plenariaId, file.documentVersion);
      db.tx(() => {
        if (!db.get('SELECT 1 FROM actas WHERE plenaria_id = ? AND version = ?', file.plenariaId, file.documentVersion)) throw new Error(`saveActaFile: no acta ${key}`);
        const row = db.get('SELECT file_name, length(bytes) AS size FROM acta_files WHERE plenaria_id = ? AND version = ?', file.plenariaId, file.documentVersion);
        db.run(
          `INSERT INTO acta_files (plenaria_id, version, file_name, bytes, saved_by, saved_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT(plenaria_id, version) DO UPDATE SET file_name = excluded.file_name, bytes = excluded.bytes, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
          file.plenariaId, file.documentVersion, file.fileName, file.bytes, actorId, db.now().toISOString(),
        );
        const before = row ? { fileName: row.file_name as string, size: row.size as number } : null;
        db.audit(actorId, 'actaFile', key, before ? 'update' : 'create', before, { fileName: file.fileName, size: file.bytes.length });
      });
    },

    async getActaFile(plenariaId, version): Promise<ActaFile | null> {
      const row = db.get('SELECT * FROM acta_files WHERE plenaria_id = ? AND version = ?', plenariaId, version);
      return row ? { plenariaId, documentVersion: version, fileName: row.file_name as string, bytes: Buffer.from(row.bytes as Uint8Array) } : null;
    },

    async listCommitments(filter) {
      const { where, args } = db.where([['owner_id', filter.ownerId], ['plenaria_id', filter.plenariaId], ['unit_id', filter.unitId]]);
      return db.all(`SELECT * FROM commitments ${where} ORDER BY due, id`, ...args).map(toCommitment);
    },

    async writeCommitments(writes, actorId) {
      return db.tx((): Commitment[] =>
        writes.map(({ commitment, expectedVersion }) => {
          const before = db.one(toCommitment, 'SELECT * FROM commitments WHERE id = ?', commitment.id);
          const stored = revised(`commitment ${commitment.id}`, before, commitment, expectedVersion);
          if (before) db.run(UPDATE_COMMITMENT, ...commitmentValues(stored).slice(1), commitment.id, expectedVersion);
          else db.run(INSERT_COMMITMENT, ...commitmentValues(stored));
          db.audit(actorId, 'commitment', commitment.id, before ? 'update' : 'create', before, stored);
          return stored;
        }),
      );
    },
  }),
};
