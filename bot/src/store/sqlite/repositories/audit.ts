import type { AuditEntry } from '@okr/core';
import type { AuditPort } from '../../ports/audit.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

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

/** The audit trail: its table (written by `SqliteDb.audit`, in the transaction of each change) and its reads. */
export const auditSqlite: SqliteModule<AuditPort> = {
  name: 'audit',
  migrations: [
    {
      version: 1,
      legacy: 1,
      name: 'audit trail',
      sql: `
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('create','update','delete')),
        before_json TEXT,
        after_json TEXT
      );
      CREATE INDEX audit_entity ON audit(entity, entity_id);`,
    },
  ],
  // The trail itself: only appended to, by the audited changes.
  tables: { audit: null },

  repository: (db: SqliteDb): AuditPort => ({
    async listAudit(filter = {}) {
      const { where, args } = db.where([['entity', filter.entity || undefined], ['entity_id', filter.entityId || undefined]]);
      return db.all(`SELECT * FROM audit ${where} ORDER BY id DESC LIMIT ?`, ...args, filter.limit ?? 100).map(toAudit);
    },
  }),
};
