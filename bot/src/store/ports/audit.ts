import type { AuditEntry } from '@okr/core';

/** The append-only audit trail every audited change writes to (who, when, entity, before, after). */
export interface AuditPort {
  /** Newest first; by entity and/or entity id; at most `limit` (100) entries. */
  listAudit(filter?: { entity?: string; entityId?: string; limit?: number }): Promise<AuditEntry[]>;
}
