import { compose, type PortsOf } from '../compose.js';
import { seedSummary, SEED_AUDIT_ENTITY } from '../rules.js';
import type { SeedData, Store } from '../Store.js';
import { legacyMigrations, SqliteDb, type SqliteDbOptions } from './db.js';
import { actasSqlite } from './repositories/actas.js';
import { auditSqlite } from './repositories/audit.js';
import { directorySqlite } from './repositories/directory.js';
import { messagingSqlite } from './repositories/messaging.js';
import { okrSqlite } from './repositories/okr.js';
import { peiSqlite } from './repositories/pei.js';
import { planSqlite } from './repositories/plan.js';
import { proposalsSqlite } from './repositories/proposals.js';
import { remindersSqlite } from './repositories/reminders.js';
import { reviewSqlite } from './repositories/review.js';

/** The modules of the embedded store, in the order their tables are created and seeded. */
const MODULES = [directorySqlite, okrSqlite, reviewSqlite, messagingSqlite, actasSqlite, remindersSqlite, planSqlite, peiSqlite, proposalsSqlite, auditSqlite] as const;

/** The app-wide migrations 1–5 a database made before modules went through (tests build such databases). */
export const LEGACY_MIGRATIONS = legacyMigrations(MODULES);

export type SqliteStoreOptions = SqliteDbOptions;

export interface SqliteStore extends PortsOf<typeof MODULES> {}

/** The embedded store: one SQLite file under `.data/`, every module's tables migrated at open. */
export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: SqliteDb;

  constructor(options: SqliteStoreOptions) {
    this.db = new SqliteDb(options, MODULES);
    compose(
      this,
      MODULES.map((m) => m.repository(this.db)),
    );
  }

  /** The level of the app-wide numbering used before modules (5: every step of it applied). */
  schemaVersion(): number {
    return this.db.legacyVersion();
  }

  /** Each module's latest applied migration. */
  schemaVersions(): Record<string, number> {
    return this.db.moduleVersions();
  }

  async isEmpty(): Promise<boolean> {
    return this.db.get('SELECT COUNT(*) AS n FROM units')!.n === 0;
  }

  async seed(data: SeedData): Promise<void> {
    this.db.tx(() => {
      for (const m of MODULES) m.seed?.(this.db, data);
      this.db.audit('system', SEED_AUDIT_ENTITY, 'seed', 'create', null, seedSummary(data));
    });
  }

  async close(): Promise<void> {
    this.db.close();
  }

  /** Our own commits, and SQLite's data_version for those of other connections (`npm run import`). */
  revision(): string {
    return `${this.db.dataVersion()}.${this.db.commits}`;
  }
}
