import { describe, expect, it } from 'vitest';
import type { DirectoryChange, DirectoryPerson } from '@okr/core';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import { ConflictError } from '../errors.js';
import { fakeSharePoint } from './fake/harness.js';
import type { SharePointEngine, WriteOp } from './engine.js';
import { RUNS_LIBRARY, runAllOrNothing, STALE_AFTER_MS } from './runs.js';

const person = (n: number): DirectoryChange => {
  const after: DirectoryPerson = { id: `persona-${n}`, aadObjectId: '', name: `Persona Importada ${n}`, email: `persona.${n}@gobiernobogota.gov.co`, jobTitle: 'Contratista', phone: '', active: true, version: 1 };
  return { kind: 'person', before: null, after };
};
const people = (from: number, n: number) => Array.from({ length: n }, (_, i) => person(from + i));

async function seeded() {
  let now = new Date('2026-11-23T15:00:00.000Z');
  const sp = fakeSharePoint({ now: () => now, pageSize: 50 });
  const demo = buildDemoSeed('2026-11-23');
  await sp.store.seed({ ...demo, sets: [], objectives: [], keyResults: [], checkIns: [], setEvents: [], plenarias: [], actas: [], commitments: [] });
  return { ...sp, advance: (ms: number) => void (now = new Date(now.getTime() + ms)) };
}

const runsOf = async (sp: Awaited<ReturnType<typeof seeded>>) => (await sp.store.engine.readOne({ list: (await import('./runs.js')).RUNS_LIST })).map((i) => [i.fields.RecordKey, i.fields.State]);

describe('import runs on SharePoint: all or nothing, whatever happens to the process', () => {
  it('takes the lock, journals the run, applies it, records how it ended and releases the lock', async () => {
    const sp = await seeded();
    await sp.store.applyDirectoryChanges(people(1, 30), 'eti-1', { importRun: true });
    expect((await sp.store.loadDirectory()).people.filter((p) => p.id.startsWith('persona-'))).toHaveLength(30);
    const runs = await runsOf(sp);
    expect(runs).toEqual([[expect.stringMatching(/^run:/), 'aplicada']]);
    const drive = sp.site.list(RUNS_LIBRARY.name)!.drive!;
    expect(drive.all().map((f) => f.path)).toEqual([expect.stringMatching(/^corridas\/.+\.json$/)]);
  });

  it('undoes a run that fails halfway, its audit entries included, and releases the lock', async () => {
    const sp = await seeded();
    const before = await sp.store.loadDirectory();
    // The 25th create of a person meets an id the run already wrote: 24 people and their audit entries are undone.
    const changes = people(1, 40);
    changes[24] = { kind: 'person', before: null, after: { ...(changes[24]!.after as DirectoryPerson), email: 'persona.1@gobiernobogota.gov.co', id: 'persona-1' } };
    await expect(sp.store.applyDirectoryChanges(changes, 'eti-1', { importRun: true })).rejects.toBeInstanceOf(ConflictError);
    expect(await sp.store.loadDirectory()).toEqual(before);
    expect((await sp.store.listAudit({ entity: 'person' })).length).toBe(0);
    expect(await runsOf(sp)).toEqual([[expect.stringMatching(/^run:/), 'deshecha']]);
    // The lock is free: the next run goes through.
    await sp.store.applyDirectoryChanges(people(100, 2), 'eti-1', { importRun: true });
    expect((await sp.store.loadDirectory()).people.filter((p) => p.id.startsWith('persona-'))).toHaveLength(2);
  });

  it('refuses a second run while one holds the lock', async () => {
    const sp = await seeded();
    const { engine, release } = dying(sp.store.engine, Infinity);
    void runAllOrNothing(engine, opsFor(sp.store.engine, people(1, 5)), { kind: 'directorio', actorId: 'eti-1' });
    await until(async () => (await runsOf(sp)).length > 0);
    await expect(sp.store.applyDirectoryChanges(people(50, 2), 'eti-2', { importRun: true })).rejects.toBeInstanceOf(ConflictError);
    release();
  });

  it('undoes, from its journal, a run whose process died halfway, before the next run takes the lock', async () => {
    const sp = await seeded();
    const before = await sp.store.loadDirectory();
    // The process dies after its first 10 changes (5 people and their audit entries) are written.
    const { engine } = dying(sp.store.engine, 10);
    void runAllOrNothing(engine, opsFor(sp.store.engine, people(1, 20)), { kind: 'directorio', actorId: 'eti-1' });
    await until(async () => (await sp.store.loadDirectory()).people.length === before.people.length + 5);
    expect(await runsOf(sp)).toEqual([['importacion-en-curso', 'en-curso']]);
    // Two hours later the lock is stale: the next run first undoes the dead one.
    sp.advance(STALE_AFTER_MS + 60_000);
    await sp.store.applyDirectoryChanges(people(200, 3), 'eti-2', { importRun: true });
    const after = await sp.store.loadDirectory();
    expect(after.people.filter((p) => p.id.startsWith('persona-')).map((p) => p.id).sort()).toEqual(['persona-200', 'persona-201', 'persona-202']);
    expect((await sp.store.listAudit({ entity: 'person' })).map((a) => [a.actorId, a.action]).slice(0, 3)).toEqual([['eti-2', 'create'], ['eti-2', 'create'], ['eti-2', 'create']]);
    expect((await runsOf(sp)).map(([, state]) => state).sort()).toEqual(['aplicada', 'recuperada']);
  });
});

/** The creates and audit entries a run of these changes writes (as applyDirectoryChanges builds them). */
function opsFor(engine: SharePointEngine, changes: DirectoryChange[]): WriteOp[] {
  const { DIRECTORY_LISTS } = awaitedLists;
  return changes.flatMap((c) => {
    const p = c.after as DirectoryPerson;
    return [
      engine.create(DIRECTORY_LISTS.people, { RecordKey: p.id, Title: p.name, AadObjectId: `sin-entra:${p.id}`, AadKey: `sin-entra:${p.id}`, Email: p.email, JobTitle: p.jobTitle, Phone: '', Active: 1, RecordVersion: 1 }),
      engine.audit({ actorId: 'eti-1', entity: 'person', entityId: p.id, action: 'create', before: null, after: p }),
    ];
  });
}
const awaitedLists = await import('./repositories/directory.js');

/** The engine of a process that dies after `after` changes of a run are written: the rest never happens. */
function dying(real: SharePointEngine, after: number) {
  let release: () => void = () => undefined;
  const hang = new Promise<void>((r) => (release = r));
  const engine = new Proxy(real, {
    get(target, prop) {
      if (prop === 'write') {
        return async (ops: readonly WriteOp[]) => {
          if (ops.length <= 2) return target.write(ops); // the lock, the run's end
          if (Number.isFinite(after)) await target.write(ops.slice(0, after));
          await hang;
          return new Promise(() => undefined);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { engine, release };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('timed out waiting');
}
