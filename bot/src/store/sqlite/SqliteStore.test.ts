import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
