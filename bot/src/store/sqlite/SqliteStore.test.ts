import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../contract/index.js';
import { monthReviewWrite } from '../contract/fixtures.js';
import { LEGACY_MIGRATIONS as migrations, SqliteStore } from './SqliteStore.js';

const now = () => new Date('2026-11-23T15:00:00.000Z');

storeContract('sqlite', async () => new SqliteStore({ path: ':memory:', now }));

describe('SqliteStore on a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file and its folder, applies every migration once, and keeps data across restarts', async () => {
    const path = join(dir, 'nested', 'okr.db');
    const first = new SqliteStore({ path, now });
    expect(first.schemaVersion()).toBe(migrations.at(-1)!.version);
    await first.close();
    const second = new SqliteStore({ path, now });
    expect(second.schemaVersion()).toBe(migrations.at(-1)!.version);
    expect(await second.isEmpty()).toBe(true);
    await second.close();
  });

  it('keeps the cards of a database made before actas (migration 5): the set becomes the card’s subject', async () => {
    const path = join(dir, 'v4.db');
    const old = new Database(path);
    old.pragma('foreign_keys = OFF');
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= 4)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01T00:00:00.000Z');
    }
    old.prepare('INSERT INTO people (id, aad_object_id, name, email) VALUES (?, ?, ?, ?)').run('coach-1', 'aad-1', 'Coach', 'coach@x.co');
    old.prepare('INSERT INTO card_messages (set_id, purpose, person_id, activity_id, reference, at) VALUES (?, ?, ?, ?, ?, ?)').run('set-x', 'coach_review', 'coach-1', 'a1', '{"c":1}', '2026-01-02T00:00:00.000Z');
    old.close();
    const store = new SqliteStore({ path, now });
    expect(store.schemaVersion()).toBe(migrations.at(-1)!.version);
    expect(await store.listCardMessages('set-x')).toEqual([{ subjectId: 'set-x', purpose: 'coach_review', personId: 'coach-1', activityId: 'a1', reference: { c: 1 } }]);
    await store.close();
  });

  it('rolls back a whole check-in write when one entry fails', async () => {
    const store = new SqliteStore({ path: join(dir, 'tx.db'), now });
    const { buildDemoSeed } = await import('../seed/demoOkrs.js');
    await store.seed(buildDemoSeed('2026-11-23'));
    const kr = (await store.getSet('al-usaquen', '2026-Q4'))!.keyResults[0]!;
    const good = { keyResultId: kr.id, value: 10, comment: 'ok', evidenceUrl: 'https://x.sharepoint.com/e', version: null };
    const bad = { ...good, keyResultId: 'no-existe' };
    await expect(store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: [good, bad] })).rejects.toThrow();
    expect(await store.listCheckIns('al-usaquen', ['2026-11'])).toEqual([]);
    expect(await store.listAudit({ entity: 'checkIn' })).toEqual([]);
    await store.close();
  });
});

describe('Databases made before the store had modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'okr-legacy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** The schema a database holds (tables, indexes and their SQL, whitespace aside), as a hash. */
  const schemaOf = (db: Database.Database) =>
    createHash('sha256')
      .update(
        JSON.stringify(
          (db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT IN ('schema_migrations', 'store_migrations')").all() as Array<Record<string, string | null>>)
            .map((r) => [r.type, r.name, r.tbl_name, (r.sql ?? '').replace(/\s+/g, ' ').trim()])
            .sort(),
        ),
      )
      .digest('hex');
  // What migrations 1–5 of the code before modules (bot/src/store/sqlite/migrations.ts, until
  // issue 12) left, level by level: the modules' steps must rebuild exactly that, and never change.
  const released = {
    1: 'f02fd8f3ab7db4a56ea11a80fb469eb07de1f038dbe2cf2297dc1efea9db15c8',
    2: '859d29b8354ee1e51ee859e35991ff019fdede491a8b6cbd1f4350cef4e35086',
    3: '70aa7e1f818d248ad2d9d6cddc5fe55e2dc1bc3adffaf068f936c80fb7009b96',
    4: '2328097581f6efbead1451383f15efe579545c6eb44ee15bbc142d82b4d508e5',
    5: '2176b7046b736a43fc6214586b5d7b4b22b6a5e15f916514ac308ee3e8905d84',
  } as const;

  it.each([1, 2, 3, 4, 5] as const)('one at migration %i opens, upgrades every module and keeps its data', async (level) => {
    const path = join(dir, `v${level}.db`);
    const old = new Database(path);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of migrations.filter((m) => m.version <= level)) {
      old.exec(m.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, '2026-01-01T00:00:00.000Z');
    }
    expect(schemaOf(old)).toBe(released[level]);
    old.prepare('INSERT INTO units (id, name, kind, level, parent_id) VALUES (?, ?, ?, ?, ?)').run('al-usaquen', 'Alcaldía Local de Usaquén', 'alcaldia', 'local', null);
    old.prepare('INSERT INTO people (id, aad_object_id, name, email) VALUES (?, ?, ?, ?)').run('enlace-1', 'AAD-1', 'Enlace', 'enlace@x.co');
    old.prepare('INSERT INTO role_assignments (person_id, role, unit_id) VALUES (?, ?, ?)').run('enlace-1', 'enlace', 'al-usaquen');
    old.prepare('INSERT INTO conversation_refs (person_id, reference, updated_at) VALUES (?, ?, ?)').run('enlace-1', '{"conversation":{"id":"c"}}', '2026-01-02T00:00:00.000Z');
    old.prepare('INSERT INTO audit (at, actor_id, entity, entity_id, action, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run('2026-01-02T00:00:00.000Z', 'system', 'store', 'seed', 'create', null, '{"units":1}');
    old.close();

    const fresh = new SqliteStore({ path: ':memory:', now });
    const store = new SqliteStore({ path, now });
    expect(store.schemaVersion()).toBe(migrations.at(-1)!.version);
    // Upgraded, it is what a new database is: every module at its latest step, the same schema.
    expect(store.schemaVersions()).toEqual(fresh.schemaVersions());
    expect(store.schemaVersions()).toMatchObject({ directory: 2, okr: 2, review: 2, messaging: 3, actas: 3, reminders: 1, audit: 1 });
    expect(schemaOf(store.db.sql)).toBe(schemaOf(fresh.db.sql));
    expect(await store.isEmpty()).toBe(false);
    expect(await store.findPersonByAadObjectId('aad-1')).toMatchObject({ id: 'enlace-1' });
    // Roles of before dates existed hold since an unknown «desde» (2000-01-01), with no «hasta».
    expect(await store.rolesOf('enlace-1')).toEqual([{ personId: 'enlace-1', role: 'enlace', unitId: 'al-usaquen' }]);
    expect(await store.listAssignments({ personId: 'enlace-1' })).toEqual([{ id: 'enlace-1|enlace|al-usaquen|2000-01-01', personId: 'enlace-1', role: 'enlace', unitId: 'al-usaquen', from: '2000-01-01', to: null, version: 1 }]);
    expect(await store.getConversationReference('enlace-1')).toEqual({ conversation: { id: 'c' } });
    expect((await store.listAudit()).map((a) => [a.entity, a.after])).toEqual([['store', { units: 1 }]]);
    await store.saveMonthReview(monthReviewWrite({ unitId: 'al-usaquen', period: '2026-10', state: 'closed' }));
    expect(await store.getMonthReview('al-usaquen', '2026-10')).toMatchObject({ state: 'closed' });
    await store.close();
    // Opened again: nothing left to apply.
    const again = new SqliteStore({ path, now });
    const steps = (s: SqliteStore) => s.db.all('SELECT module, version, name FROM store_migrations ORDER BY module, version');
    expect(steps(again)).toEqual(steps(fresh));
    await Promise.all([again.close(), fresh.close()]);
  });
});
