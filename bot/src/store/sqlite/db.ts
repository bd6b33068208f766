import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { AuditEntry } from '@okr/core';
import { UnauditedChangeError } from '../errors.js';
import { SEED_AUDIT_ENTITY } from '../rules.js';
import type { SeedData } from '../Store.js';

export type Row = Record<string, unknown>;

/** One step of a module's schema. Append new steps; never edit one that was released. */
export interface Migration {
  /** 1, 2, … within the module. */
  version: number;
  name: string;
  sql: string;
  /**
   * The app-wide version (`schema_migrations`, 1–5) this step was part of before the store was
   * split in modules: a database that has it already has this step. New steps have none.
   */
  legacy?: number;
}

/** A module's part of the embedded store: its tables (with their migrations), its seed, its repository. */
export interface SqliteModule<Port> {
  /** The module's name in `store_migrations`. */
  name: string;
  migrations: readonly Migration[];
  /**
   * Every table the module's migrations create, with the audit entity a change of it must be
   * recorded under in the same transaction — or null when the table is not audited (say why).
   */
  tables: Readonly<Record<string, string | null>>;
  /** Inserts the module's part of a first start; runs inside the seed's transaction, in module order. */
  seed?(db: SqliteDb, data: SeedData): void;
  repository(db: SqliteDb): Port;
}

export interface SqliteDbOptions {
  /** File path, or ':memory:' for tests. */
  path: string;
  now?: () => Date;
}

/** Tables of the db itself: the migration records. */
const OWN_TABLES = new Set(['schema_migrations', 'store_migrations']);

/**
 * The embedded store's database: opens the file (WAL, foreign keys, busy timeout), migrates every
 * module's tables, and gives the repositories `tx` — a transaction that refuses to commit a change
 * to an audited table without its audit entry — and `audit`, which writes that entry.
 *
 * The audit guard: every audited table gets TEMP triggers (on this connection only; the file's
 * schema is untouched) that report each insert, update and delete to `tx`. A change outside `tx`
 * fails at once; a transaction that changed an audited table but wrote no audit entry of that
 * table's entity fails before it commits, and nothing of it is stored. Both are UnauditedChangeError.
 */
export class SqliteDb {
  readonly sql: Database.Database;
  readonly now: () => Date;
  private readonly modules: ReadonlyArray<SqliteModule<unknown>>;
  private readonly statements = new Map<string, Database.Statement>();
  private depth = 0;
  /** Audited tables changed in the current transaction. */
  private readonly changed = new Set<string>();
  /** Audit entities written in the current transaction. */
  private readonly audited = new Set<string>();
  private readonly auditEntityOf = new Map<string, string>();

  constructor(options: SqliteDbOptions, modules: ReadonlyArray<SqliteModule<unknown>>) {
    if (new Set(modules.map((m) => m.name)).size !== modules.length) throw new Error('two store modules have the same name');
    if (options.path !== ':memory:') mkdirSync(dirname(options.path), { recursive: true });
    this.sql = new Database(options.path);
    this.sql.pragma('journal_mode = WAL');
    this.sql.pragma('foreign_keys = ON');
    this.sql.pragma('busy_timeout = 5000');
    this.now = options.now ?? (() => new Date());
    this.modules = modules;
    try {
      this.migrate();
      this.guardAuditedTables();
    } catch (error) {
      this.sql.close();
      throw error;
    }
  }

  /** A prepared statement, kept for the next call with the same SQL. */
  statement(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.sql.prepare(sql)));
    return s;
  }

  all(sql: string, ...args: unknown[]): Row[] {
    return this.statement(sql).all(...args) as Row[];
  }

  get(sql: string, ...args: unknown[]): Row | undefined {
    return this.statement(sql).get(...args) as Row | undefined;
  }

  /** The first row, mapped; null when there is none. */
  one<T>(map: (row: Row) => T, sql: string, ...args: unknown[]): T | null {
    const row = this.get(sql, ...args);
    return row ? map(row) : null;
  }

  /** Runs a change; returns how many rows it changed. */
  run(sql: string, ...args: unknown[]): number {
    return this.statement(sql).run(...args).changes;
  }

  /** `?, ?, ?` for an IN list of `n` values. */
  marks(n: number): string {
    return Array.from({ length: n }, () => '?').join(',');
  }

  /**
   * A WHERE clause of the filters given (a value, or a list of values any of which may match),
   * ANDed; filters left undefined are left out (an empty string when none is given).
   */
  where(filters: ReadonlyArray<readonly [column: string, value: string | readonly string[] | undefined]>): { where: string; args: unknown[] } {
    const clauses: string[] = [];
    const args: unknown[] = [];
    for (const [column, value] of filters) {
      if (value === undefined) continue;
      const values = typeof value === 'string' ? [value] : value;
      clauses.push(`${column} IN (${this.marks(values.length)})`);
      args.push(...values);
    }
    return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', args };
  }

  /**
   * Runs `fn` in one transaction (nested calls join the outer one). Before it commits, every
   * audited table it changed must have an audit entry of its entity in the same transaction (the
   * seed's one summary entry stands for all); otherwise UnauditedChangeError and nothing is stored.
   */
  tx<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    try {
      return this.transaction(fn);
    } finally {
      this.commits++; // committed or rolled back: a reader's result may be stale either way
    }
  }

  /** Transactions run through `tx` so far (the store's revision). */
  commits = 0;

  /** SQLite's `PRAGMA data_version`: changes when another connection commits. */
  dataVersion(): number {
    return Number(this.sql.pragma('data_version', { simple: true }));
  }

  private transaction<T>(fn: () => T): T {
    return this.sql.transaction(() => {
      this.depth = 1;
      this.changed.clear();
      this.audited.clear();
      try {
        const out = fn();
        this.checkAudited();
        return out;
      } finally {
        this.depth = 0;
        this.changed.clear();
        this.audited.clear();
      }
    })();
  }

  /** Writes an audit entry; only inside `tx`, with the change it records. */
  audit(actorId: string, entity: string, entityId: string, action: AuditEntry['action'], before: unknown, after: unknown): void {
    if (this.depth === 0) throw new UnauditedChangeError(`audit entry for ${entity} ${entityId} outside a transaction: write it in tx() with its change`);
    this.run(
      'INSERT INTO audit (at, actor_id, entity, entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
      this.now().toISOString(),
      actorId,
      entity,
      entityId,
      action,
      before === null ? null : JSON.stringify(before),
      after === null ? null : JSON.stringify(after),
    );
    this.audited.add(entity);
  }

  /** Each module's latest applied migration. */
  moduleVersions(): Record<string, number> {
    const rows = this.all('SELECT module, MAX(version) AS v FROM store_migrations GROUP BY module');
    return Object.fromEntries(rows.map((r) => [r.module as string, r.v as number]));
  }

  /** The highest app-wide (pre-module) version all of whose steps are applied: 5 once migrated. */
  legacyVersion(): number {
    const done = this.appliedSteps();
    const steps = this.steps().filter((s) => s.migration.legacy !== undefined);
    let level = 0;
    for (const v of [...new Set(steps.map((s) => s.migration.legacy!))].sort((a, b) => a - b)) {
      if (!steps.filter((s) => s.migration.legacy! <= v).every((s) => done.has(stepKey(s.module, s.migration.version)))) break;
      level = v;
    }
    return level;
  }

  close(): void {
    this.sql.close();
  }

  private steps(): Array<{ module: string; index: number; migration: Migration }> {
    return this.modules.flatMap((m, index) => m.migrations.map((migration) => ({ module: m.name, index, migration })));
  }

  private appliedSteps(): Set<string> {
    return new Set(this.all('SELECT module, version FROM store_migrations').map((r) => stepKey(r.module as string, r.version as number)));
  }

  /**
   * Applies the pending steps of every module, each in its own transaction with its record in
   * `store_migrations`. A database made before modules (`schema_migrations` at 1–5) first counts
   * the steps of the versions it has as applied. Order: the old app-wide versions first (as they
   * were applied then), then new steps module by module.
   */
  private migrate(): void {
    const db = this.sql;
    db.exec('CREATE TABLE IF NOT EXISTS store_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))');
    const steps = this.steps();
    const record = db.prepare('INSERT INTO store_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)');
    const hasLegacy = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined;
    if (hasLegacy) {
      const legacy = new Map((db.prepare('SELECT version, applied_at FROM schema_migrations').all() as Row[]).map((r) => [r.version as number, r.applied_at as string]));
      const done = this.appliedSteps();
      db.transaction(() => {
        for (const s of steps) {
          const at = s.migration.legacy === undefined ? undefined : legacy.get(s.migration.legacy);
          if (at !== undefined && !done.has(stepKey(s.module, s.migration.version))) record.run(s.module, s.migration.version, s.migration.name, at);
        }
      })();
    }
    const done = this.appliedSteps();
    const pending = steps
      .filter((s) => !done.has(stepKey(s.module, s.migration.version)))
      .sort((a, b) => (a.migration.legacy ?? Infinity) - (b.migration.legacy ?? Infinity) || a.index - b.index || a.migration.version - b.migration.version);
    for (const s of pending) {
      db.transaction(() => {
        db.exec(s.migration.sql);
        record.run(s.module, s.migration.version, s.migration.name, this.now().toISOString());
      })();
    }
  }

  /** Checks every table is declared by a module, and puts the audit triggers on the audited ones. */
  private guardAuditedTables(): void {
    const declared = new Map<string, string | null>();
    for (const m of this.modules) {
      for (const [table, entity] of Object.entries(m.tables)) {
        if (declared.has(table)) throw new Error(`table ${table} is declared by two store modules`);
        declared.set(table, entity);
      }
    }
    const tables = (this.sql.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Row[]).map((r) => r.name as string);
    const undeclared = tables.filter((t) => !declared.has(t) && !OWN_TABLES.has(t));
    if (undeclared.length > 0) throw new UnauditedChangeError(`tables no store module declares (audited or not): ${undeclared.join(', ')}`);
    this.sql.function('store_changed', { deterministic: false }, (table: unknown) => {
      if (this.depth === 0) throw new UnauditedChangeError(`${String(table)} changed outside a transaction: write it in tx() with its audit entry`);
      this.changed.add(String(table));
      return null;
    });
    for (const [table, entity] of declared) {
      if (entity === null) continue;
      this.auditEntityOf.set(table, entity);
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        this.sql.exec(`CREATE TEMP TRIGGER audit_guard_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table} BEGIN SELECT store_changed('${table}'); END`);
      }
    }
  }

  private checkAudited(): void {
    if (this.audited.has(SEED_AUDIT_ENTITY)) return;
    for (const table of this.changed) {
      const entity = this.auditEntityOf.get(table)!;
      if (!this.audited.has(entity)) throw new UnauditedChangeError(`${table} changed without an audit entry for ${entity} in the same transaction`);
    }
  }
}

const stepKey = (module: string, version: number) => `${module}@${version}`;

/**
 * The app-wide migrations 1–5 as databases made before modules went through them, put together
 * from the modules' steps (for tests that build such databases).
 */
export function legacyMigrations(modules: ReadonlyArray<SqliteModule<unknown>>): Array<{ version: number; name: string; sql: string }> {
  const byVersion = new Map<number, Migration[]>();
  for (const m of modules) for (const step of m.migrations) if (step.legacy !== undefined) byVersion.set(step.legacy, [...(byVersion.get(step.legacy) ?? []), step]);
  return [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([version, parts]) => ({ version, name: parts.map((p) => p.name).join('; '), sql: parts.map((p) => p.sql).join('\n') }));
}
