/**
 * Import runs, all or nothing on SharePoint (docs/adr/0011-directory-and-imports.md). SharePoint has no
 * transactions; `engine.write` already applies a list of changes in order and undoes the applied
 * prefix when one fails. What it cannot survive is the process dying halfway (a restart, a deploy)
 * or a second import interleaving with the first. A run therefore:
 *
 * 1. takes the import lock — an item of `OkrImportaciones` with a fixed, unique `RecordKey`, so
 *    of two runs exactly one create succeeds; a lock older than `STALE_AFTER_MS` was left by a
 *    process that died, and its run is undone (step 5) before the lock is taken over;
 * 2. writes its journal — every change it is about to make (the list, the natural key, the
 *    idempotency key of a create, the old and new fields of an update) — as one JSON file in the
 *    `ImportacionesOKR` library, before anything else is written;
 * 3. applies the changes (`engine.write`: sequential `$batch`es, undone on failure);
 * 4. records how it ended (`run:<id>` item) and releases the lock;
 * 5. recovery reads a dead run's journal and, newest first, deletes what it created (only items
 *    whose idempotency key is the run's: nobody else's) and restores what it updated (only where
 *    the item still holds the run's values: a later edit by someone else is kept and reported).
 */
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../errors.js';
import type { SharePointEngine, WriteOp } from './engine.js';
import { sameFields, type Fields } from './fields.js';
import { answerError } from './graph.js';
import { idempotencyKey, indexed, note, number, recordKey, text, type LibrarySpec, type ListSpec } from './schema.js';

export const RUNS_LIST = {
  name: 'OkrImportaciones',
  description: 'Importaciones (directorio, Viva Goals): el candado de la que está en curso y cómo terminó cada una',
  columns: [
    recordKey('importacion-en-curso (el candado) o run:<id>'),
    idempotencyKey,
    indexed('State', 'en-curso, aplicada, deshecha o recuperada'),
    text('RunId', 'id de la corrida'),
    text('Kind', 'directorio o viva'),
    text('ActorId', 'quién la corrió'),
    text('StartedAt', 'inicio (ISO 8601)'),
    text('FinishedAt', 'fin (ISO 8601)'),
    number('Changes', 'cambios de la corrida'),
    text('JournalPath', 'archivo del diario en ImportacionesOKR'),
    note('Outcome', 'resultado o error'),
  ],
  // Technical: every change a run makes carries its own audit entry; this list only holds the lock and each run's end.
  audit: null,
} satisfies ListSpec;

export const RUNS_LIBRARY: LibrarySpec = { name: 'ImportacionesOKR', description: 'Diario de cada importación, para deshacerla si el proceso se interrumpe' };

const LOCK = 'importacion-en-curso';
/** A run holding the lock longer than this died with its process (the largest import takes minutes). */
export const STALE_AFTER_MS = 2 * 3_600_000;

interface JournalEntry {
  list: string;
  kind: WriteOp['kind'];
  recordKey: string | null;
  idempotencyKey: string | null;
  fields?: Fields;
  previous?: Fields;
}

const journalPath = (runId: string) => `corridas/${runId}.json`;

export interface RunMeta {
  kind: 'directorio' | 'viva';
  actorId: string;
}

/** Applies `ops` as one import run: all of them, or — whatever happens to this process — none. */
export async function runAllOrNothing(engine: SharePointEngine, ops: readonly WriteOp[], meta: RunMeta): Promise<void> {
  if (ops.length === 0) return;
  const runId = randomUUID();
  const startedAt = engine.now().toISOString();
  const lock = { RecordKey: LOCK, Title: `${meta.kind} ${startedAt}`, State: 'en-curso', RunId: runId, Kind: meta.kind, ActorId: meta.actorId, StartedAt: startedAt, Changes: ops.length, JournalPath: journalPath(runId) };
  await acquire(engine, lock);
  let outcome = 'aplicada';
  let error: unknown = null;
  try {
    await writeJournal(engine, runId, ops);
    await engine.write(ops);
  } catch (e) {
    outcome = 'deshecha';
    error = e;
  }
  await finish(engine, runId, lock, outcome, error);
  if (error) throw error;
}

async function acquire(engine: SharePointEngine, lock: Fields): Promise<void> {
  try {
    await engine.write([engine.create(RUNS_LIST, lock)]);
    return;
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
  const held = await engine.item(RUNS_LIST, LOCK);
  const age = held ? engine.now().getTime() - Date.parse(String(held.fields.StartedAt ?? '')) : Infinity;
  if (held && age < STALE_AFTER_MS) throw new ConflictError('another import run holds the lock');
  if (held) {
    await recover(engine, String(held.fields.RunId ?? ''));
    // Take the lock over with If-Match: of two runs recovering at once, one wins.
    await engine.write([engine.update(RUNS_LIST, held, lock)]);
  } else await engine.write([engine.create(RUNS_LIST, lock)]);
}

async function finish(engine: SharePointEngine, runId: string, lock: Fields, outcome: string, error: unknown): Promise<void> {
  const held = await engine.item(RUNS_LIST, LOCK);
  await engine.write([
    engine.create(RUNS_LIST, { ...lock, RecordKey: `run:${runId}`, State: outcome, FinishedAt: engine.now().toISOString(), Outcome: error ? String((error as Error).message ?? error).slice(0, 2000) : null }),
    ...(held && held.fields.RunId === runId ? [engine.remove(RUNS_LIST, held)] : []),
  ]);
}

async function writeJournal(engine: SharePointEngine, runId: string, ops: readonly WriteOp[]): Promise<void> {
  const entries: JournalEntry[] = ops.map((op) => ({
    list: op.list.name,
    kind: op.kind,
    recordKey: op.kind === 'create' || op.kind === 'update' ? ((op.fields.RecordKey as string | undefined) ?? (op.kind === 'update' ? ((op.previous.RecordKey as string | undefined) ?? null) : null)) : ((op.previous.RecordKey as string | undefined) ?? null),
    idempotencyKey: op.kind === 'create' ? String(op.fields.IdempotencyKey) : null,
    ...(op.kind === 'update' ? { fields: op.fields, previous: op.previous } : {}),
  }));
  const driveId = await engine.driveOf(RUNS_LIBRARY);
  const put = await engine.content({ method: 'PUT', url: `/drives/${driveId}/root:/${journalPath(runId)}:/content`, bytes: Buffer.from(JSON.stringify({ runId, entries })), contentType: 'application/json' });
  if (put.status !== 200 && put.status !== 201) throw answerError(`PUT ${RUNS_LIBRARY.name}/${journalPath(runId)}`, put);
}

/** Undoes what a dead run wrote, from its journal, newest first; what someone changed since is kept. */
export async function recover(engine: SharePointEngine, runId: string): Promise<{ undone: number; kept: number }> {
  const driveId = await engine.driveOf(RUNS_LIBRARY);
  const answer = await engine.content({ method: 'GET', url: `/drives/${driveId}/root:/${journalPath(runId)}:/content` });
  // No journal: the run died before writing anything.
  if (answer.status === 404 || !answer.bytes) return { undone: 0, kept: 0 };
  const { entries } = JSON.parse(answer.bytes.toString('utf8')) as { entries: JournalEntry[] };
  const byName = new Map(engine.lists.map((l) => [l.name, l]));
  let undone = 0;
  let kept = 0;
  for (const entry of [...entries].reverse()) {
    const list = byName.get(entry.list);
    if (!list || !entry.recordKey) continue;
    const item = await engine.item(list, entry.recordKey);
    if (!item) continue;
    // Each undo is audited like any change (the run's own audit entries are among what it created, and go).
    const audit = (action: 'delete' | 'update', after: unknown) =>
      list.audit === null ? [] : [engine.audit({ actorId: 'system', entity: list.audit, entityId: entry.recordKey!, action, before: item.fields, after })];
    if (entry.kind === 'create' && item.fields.IdempotencyKey === entry.idempotencyKey) {
      await engine.write([engine.remove(list, item), ...audit('delete', null)]);
      undone++;
    } else if (entry.kind === 'update' && entry.fields && entry.previous) {
      if (sameFields(item.fields, entry.fields)) {
        await engine.write([engine.update(list, item, entry.previous), ...audit('update', entry.previous)]);
        undone++;
      } else kept++;
    }
  }
  await engine.write([engine.create(RUNS_LIST, { RecordKey: `recuperada:${runId}`, Title: `recuperada ${runId}`, State: 'recuperada', RunId: runId, FinishedAt: engine.now().toISOString(), Changes: undone, Outcome: `${undone} cambios deshechos; ${kept} conservados porque alguien los cambió después` })]);
  return { undone, kept };
}
