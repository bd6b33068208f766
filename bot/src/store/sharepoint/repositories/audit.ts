import type { AuditEntry } from '@okr/core';
import type { AuditPort } from '../../ports/audit.js';
import type { AuditTrail, Item, SharePointModule } from '../engine.js';
import { str, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, recordKey, text, type ListSpec } from '../schema.js';

export const AUDIT_LISTS = {
  audit: {
    name: 'OkrAuditoria',
    description: 'Rastro de auditoría: quién cambió qué, cuándo, antes y después (solo se agregan elementos)',
    columns: [
      recordKey('id de la entrada (también su clave de idempotencia)'),
      idempotencyKey,
      text('At', 'cuándo (ISO 8601)'),
      text('ActorId', 'quién'),
      text('Entity', 'entidad'),
      indexed('EntityId', 'id de lo que cambió'),
      text('AuditAction', 'create, update o delete'),
      note('Before', 'antes (JSON)'),
      note('After', 'después (JSON)'),
      indexed('Month', 'mes de la entrada, para paginar el rastro'),
      indexed('EntityMonth', 'entidad|mes, para paginar el rastro de una entidad'),
    ],
    // The trail itself: only appended to, by the audited changes.
    audit: null,
  },
} satisfies Record<string, ListSpec>;

const toAudit = (id: number, f: Fields): AuditEntry => {
  const before = str(f, 'Before');
  const after = str(f, 'After');
  return {
    id,
    at: str(f, 'At'),
    actorId: str(f, 'ActorId'),
    entity: str(f, 'Entity'),
    entityId: str(f, 'EntityId'),
    action: str(f, 'AuditAction') as AuditEntry['action'],
    before: before === '' ? null : JSON.parse(before),
    after: after === '' ? null : JSON.parse(after),
  };
};

/** How the engine writes an entry with each audited change. */
export const auditTrail: AuditTrail = {
  list: AUDIT_LISTS.audit,
  fields: (key, a) => {
    const month = a.at.slice(0, 7);
    return {
      RecordKey: key,
      IdempotencyKey: key,
      Title: title(`${a.action} ${a.entity} ${a.entityId}`),
      At: a.at,
      ActorId: a.actorId,
      Entity: a.entity,
      EntityId: a.entityId,
      AuditAction: a.action,
      Before: a.before === null || a.before === undefined ? null : JSON.stringify(a.before),
      After: a.after === null || a.after === undefined ? null : JSON.stringify(a.after),
      Month: month,
      EntityMonth: `${a.entity}|${month}`,
    };
  },
  entityOf: (f) => str(f, 'Entity'),
};

/** The audit trail's reads. */
export const auditSharePoint: SharePointModule<AuditPort, typeof AUDIT_LISTS> = {
  lists: AUDIT_LISTS,
  repository: (engine) => ({
    /**
     * The audit trail, newest first. By entity id: one indexed query. Otherwise month by month
     * backwards (`Month` / `EntityMonth` are indexed, and no month holds 5,000 changes), up to 20
     * months per request, until `limit` entries are found or the oldest month is passed.
     */
    async listAudit(filter = {}) {
      const limit = filter.limit ?? 100;
      const list = AUDIT_LISTS.audit;
      const newestFirst = (items: Item[]) => items.map((i) => toAudit(Number(i.id), i.fields)).sort((a, b) => b.id - a.id);
      if (filter.entityId) {
        const items = await engine.readOne({ list, where: ['EntityId', filter.entityId] });
        return newestFirst(items)
          .filter((a) => !filter.entity || a.entity === filter.entity)
          .slice(0, limit);
      }
      const items = await engine.walkMonths(list, 'Month', (m) => (filter.entity ? ['EntityMonth', `${filter.entity}|${m}`] : ['Month', m]), limit);
      return newestFirst(items).slice(0, limit);
    },
  }),
};
