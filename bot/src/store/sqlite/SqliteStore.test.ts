import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeContract } from '../storeContract.js';
import { SqliteStore } from './SqliteStore.js';
import { migrations } from './migrations.js';

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
    const good = { keyResultId: kr.id, value: 10, comment: 'ok', evidenceUrl: 'https://x.sharepoint.com/e' };
    const bad = { ...good, keyResultId: 'no-existe' };
    await expect(store.saveCheckIns({ actorId: 'enlace-al-usaquen', unitId: 'al-usaquen', period: '2026-11', checkIns: [good, bad] })).rejects.toThrow();
    expect(await store.listCheckIns('al-usaquen', ['2026-11'])).toEqual([]);
    expect(await store.listAudit({ entity: 'checkIn' })).toEqual([]);
    await store.close();
  });
});
