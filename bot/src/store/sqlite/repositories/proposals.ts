import type { Proposal } from '@okr/core';
import type { ProposalsPort } from '../../ports/proposals.js';
import { nextVersion } from '../../peiRules.js';
import type { Row, SqliteDb, SqliteModule } from '../db.js';

const parse = (r: Row): Proposal => JSON.parse(r.record_json as string) as Proposal;

function upsert(db: SqliteDb, p: Proposal): void {
  db.run(
    'INSERT INTO proposals (id, plenaria_id, responsible_id, status, version, record_json) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET plenaria_id = excluded.plenaria_id, responsible_id = excluded.responsible_id, status = excluded.status, version = excluded.version, record_json = excluded.record_json',
    p.id, p.plenariaId, p.responsibleId, p.status, p.version, JSON.stringify(p),
  );
}

/** The proposals of the dialogue sessions: each record as JSON beside the columns its queries use. */
export const proposalsSqlite: SqliteModule<ProposalsPort> = {
  name: 'proposals',
  migrations: [
    {
      version: 1,
      name: 'proposals of the dialogue sessions, followed up across sessions',
      sql: `
      CREATE TABLE proposals (
        id TEXT PRIMARY KEY, plenaria_id TEXT NOT NULL REFERENCES plenarias(id), responsible_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('recibida','en_estudio','adoptada','no_viable','implementada')),
        version INTEGER NOT NULL, record_json TEXT NOT NULL
      );
      CREATE INDEX proposals_plenaria ON proposals(plenaria_id);
      CREATE INDEX proposals_responsible ON proposals(responsible_id);`,
    },
  ],
  tables: { proposals: 'proposal' },

  seed(db, data) {
    for (const p of data.proposals ?? []) upsert(db, p);
  },

  repository: (db: SqliteDb): ProposalsPort => ({
    async listProposals(filter = {}) {
      const clauses: string[] = [];
      const args: unknown[] = [];
      if (filter.plenariaId !== undefined) (clauses.push('plenaria_id = ?'), args.push(filter.plenariaId));
      if (filter.responsibleId !== undefined) (clauses.push('responsible_id = ?'), args.push(filter.responsibleId));
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      return db.all(`SELECT * FROM proposals ${where} ORDER BY id`, ...args).map(parse);
    },

    async writeProposals(writes, actorId) {
      return db.tx(() =>
        writes.map((w) => {
          const before = db.one(parse, 'SELECT * FROM proposals WHERE id = ?', w.proposal.id);
          const next = nextVersion(before, w.proposal, w.expectedVersion, `proposal ${w.proposal.id}`);
          upsert(db, next);
          db.audit(actorId, 'proposal', next.id, before ? 'update' : 'create', before, next);
          return next;
        }),
      );
    },
  }),
};
