import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UnauditedChangeError } from '../errors.js';
import { SqliteDb, type SqliteModule } from './db.js';
import { SqliteStore } from './SqliteStore.js';

const now = () => new Date('2026-11-23T15:00:00.000Z');

/** A module of two tables: `things` audited as «thing», `notes` not audited. */
const things: SqliteModule<object> = {
  name: 'things',
  migrations: [
    { version: 1, name: 'things', sql: 'CREATE TABLE things (id TEXT PRIMARY KEY, v INTEGER NOT NULL); CREATE TABLE notes (id TEXT PRIMARY KEY);' },
    { version: 2, name: 'things get a label', sql: "ALTER TABLE things ADD COLUMN label TEXT NOT NULL DEFAULT ''" },
  ],
  tables: { things: 'thing', notes: null },
  repository: () => ({}),
};
const audit = (t: SqliteDb) => t.all("SELECT entity, entity_id FROM audit WHERE entity != 'store'");
const auditTable: SqliteModule<object> = {
  name: 'audit',
  migrations: [{ version: 1, name: 'audit', sql: 'CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT, actor_id TEXT, entity TEXT, entity_id TEXT, action TEXT, before_json TEXT, after_json TEXT)' }],
  tables: { audit: null },
  repository: () => ({}),
};
const open = (path = ':memory:', modules = [things, auditTable]) => new SqliteDb({ path, now }, modules);
const count = (t: SqliteDb) => t.get('SELECT COUNT(*) AS n FROM things')!.n;

describe('The SQLite tx refuses a change to an audited table without its audit entry', () => {
  it('in a transaction without an audit entry: refused, and nothing of it is stored', () => {
    const t = open();
    expect(() => t.tx(() => t.run("INSERT INTO things (id, v) VALUES ('a', 1)"))).toThrow(UnauditedChangeError);
    expect(() => t.tx(() => t.run("INSERT INTO things (id, v) VALUES ('a', 1)"))).toThrow(/things changed without an audit entry for thing/);
    expect(count(t)).toBe(0);
    expect(audit(t)).toEqual([]);
  });

  it('with an audit entry of another entity only: refused', () => {
    const t = open();
    expect(() =>
      t.tx(() => {
        t.run("INSERT INTO things (id, v) VALUES ('a', 1)");
        t.audit('x', 'otherThing', 'a', 'create', null, { v: 1 });
      }),
    ).toThrow(UnauditedChangeError);
    expect([count(t), audit(t)]).toEqual([0, []]);
  });

  it('outside a transaction: refused at once; an audit entry alone outside one too', () => {
    const t = open();
    expect(() => t.run("INSERT INTO things (id, v) VALUES ('a', 1)")).toThrow(/things changed outside a transaction/);
    expect(() => t.audit('x', 'thing', 'a', 'create', null, null)).toThrow(UnauditedChangeError);
    expect([count(t), audit(t)]).toEqual([0, []]);
  });

  it('updates and deletes count as changes; with their audit entry, in nested calls too, they commit', () => {
    const t = open();
    t.tx(() => {
      t.run("INSERT INTO things (id, v) VALUES ('a', 1)");
      t.tx(() => t.audit('x', 'thing', 'a', 'create', null, { v: 1 }));
    });
    expect(() => t.tx(() => t.run("UPDATE things SET v = 2 WHERE id = 'a'"))).toThrow(UnauditedChangeError);
    expect(() => t.tx(() => t.run("DELETE FROM things WHERE id = 'a'"))).toThrow(UnauditedChangeError);
    t.tx(() => {
      t.run("UPDATE things SET v = 2 WHERE id = 'a'");
      t.audit('x', 'thing', 'a', 'update', { v: 1 }, { v: 2 });
    });
    expect(t.get("SELECT v FROM things WHERE id = 'a'")).toEqual({ v: 2 });
    expect(audit(t)).toEqual([
      { entity: 'thing', entity_id: 'a' },
      { entity: 'thing', entity_id: 'a' },
    ]);
  });

  it('a table that is not audited takes changes in or out of a transaction', () => {
    const t = open();
    t.run("INSERT INTO notes (id) VALUES ('n1')");
    t.tx(() => t.run("INSERT INTO notes (id) VALUES ('n2')"));
    expect(t.all('SELECT id FROM notes ORDER BY id')).toEqual([{ id: 'n1' }, { id: 'n2' }]);
  });

  it('refuses to open a database with a table no module declares (audited or not)', () => {
    const careless: SqliteModule<object> = { ...things, name: 'careless', migrations: [{ version: 1, name: 'x', sql: 'CREATE TABLE careless (id TEXT)' }], tables: {} };
    expect(() => open(':memory:', [things, careless, auditTable])).toThrow(/tables no store module declares \(audited or not\): careless/);
  });

  it('guards the real modules’ tables: a check-in changed behind the repository’s back is refused', async () => {
    const store = new SqliteStore({ path: ':memory:', now });
    const { buildDemoSeed } = await import('../seed/demoOkrs.js');
    await store.seed(buildDemoSeed('2026-11-23'));
    const db = store.db;
    const before = db.all('SELECT id, value FROM check_ins ORDER BY id');
    expect(() => db.tx(() => db.run('UPDATE check_ins SET value = value + 1'))).toThrow(/check_ins changed without an audit entry for checkIn/);
    expect(() => db.tx(() => db.run("UPDATE okr_sets SET state = 'draft'"))).toThrow(/okr_sets changed without an audit entry for okrSet/);
    expect(() => db.run("UPDATE plenarias SET location = 'Otra sala'")).toThrow(/plenarias changed outside a transaction/);
    expect(db.all('SELECT id, value FROM check_ins ORDER BY id')).toEqual(before);
    await store.close();
  });
});

describe('Migrations per module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-db-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('applies each module’s steps once, in order, and a new step of one module on the next open', () => {
    const path = join(dir, 'modules.db');
    const first = open(path, [{ ...things, migrations: things.migrations.slice(0, 1) }, auditTable]);
    expect(first.moduleVersions()).toEqual({ things: 1, audit: 1 });
    first.tx(() => {
      first.run("INSERT INTO things (id, v) VALUES ('a', 1)");
      first.audit('x', 'thing', 'a', 'create', null, null);
    });
    first.close();
    const second = open(path);
    expect(second.moduleVersions()).toEqual({ things: 2, audit: 1 });
    expect(second.get("SELECT id, v, label FROM things WHERE id = 'a'")).toEqual({ id: 'a', v: 1, label: '' });
    second.close();
    expect(open(path).all('SELECT module, version, name FROM store_migrations ORDER BY module, version')).toEqual([
      { module: 'audit', version: 1, name: 'audit' },
      { module: 'things', version: 1, name: 'things' },
      { module: 'things', version: 2, name: 'things get a label' },
    ]);
  });
});
