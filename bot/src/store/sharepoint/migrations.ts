import type { CheckIn } from '@okr/core';
import { quarterOf } from '@okr/core';
import { randomUUID } from 'node:crypto';
import { auditTrail } from './repositories/audit.js';
import { checkInColumns, checkInMonthFields, checkInsOfMonth, OKR_LISTS } from './repositories/okr.js';
import { num, str, title, type Fields } from './fields.js';
import { answerError, type GraphCall, type GraphGateway } from './graph.js';
import { columnsOf, idempotencyKey, indexed, note, number, quarter, recordKey, text, type ListSpec } from './schema.js';

/**
 * Changes of the shape of stored data that `npm run provision` carries out on a site provisioned
 * by an earlier version (docs/adr/0014-read-cache.md). Each is idempotent: it compares what is
 * stored in both shapes and writes only what is missing, so running it again changes nothing.
 * Nothing is deleted: the old list stays as it was, for a person to remove once checked.
 */

/** The check-in list before a unit's month became one item: one item per key result and month. */
export const LEGACY_CHECK_INS: ListSpec = {
  name: 'OkrCheckIns',
  description: 'Reporte mensual de cada resultado clave (uno por resultado y mes)',
  columns: [
    recordKey('resultado clave|mes'),
    idempotencyKey,
    indexed('UnitQuarter', 'Unidad y trimestre, p. ej. al-usaquen|2026-Q4'),
    quarter,
    text('CheckInId', 'id del reporte'),
    text('KeyResultId', 'id del resultado clave'),
    text('UnitId', 'id de la unidad'),
    text('Period', 'mes, p. ej. 2026-11'),
    number('Value', 'valor reportado, sin recortar'),
    note('CommentText', 'comentario del avance'),
    note('EvidenceUrl', 'enlace a la evidencia'),
    text('AuthorId', 'quien reportó'),
    text('CreatedAt', 'creado (ISO 8601)'),
    text('UpdatedAt', 'última edición (ISO 8601)'),
    number('RecordVersion', 'versión; sube con cada edición'),
  ],
  audit: 'checkIn',
};

/** A check-in as the legacy list held it (tests build old sites with it). */
export function legacyCheckInFields(c: CheckIn): Fields {
  const q = quarterOf(`${c.period}-01`);
  return {
    RecordKey: `${c.keyResultId}|${c.period}`,
    Title: title(`${c.keyResultId} ${c.period}`),
    UnitQuarter: `${c.unitId}|${q}`,
    Quarter: q,
    CheckInId: c.id,
    KeyResultId: c.keyResultId,
    UnitId: c.unitId,
    Period: c.period,
    Value: c.value,
    CommentText: c.comment,
    EvidenceUrl: c.evidenceUrl,
    AuthorId: c.authorId,
    CreatedAt: c.createdAt,
    UpdatedAt: c.updatedAt,
    RecordVersion: c.version,
  };
}

const fromLegacy = (f: Fields): CheckIn => ({
  id: str(f, 'CheckInId'),
  keyResultId: str(f, 'KeyResultId'),
  unitId: str(f, 'UnitId'),
  period: str(f, 'Period'),
  value: num(f, 'Value'),
  comment: str(f, 'CommentText'),
  evidenceUrl: str(f, 'EvidenceUrl'),
  authorId: str(f, 'AuthorId'),
  createdAt: str(f, 'CreatedAt'),
  updatedAt: str(f, 'UpdatedAt'),
  version: num(f, 'RecordVersion'),
});

/** The audit entry's entity id that records the move of the check-ins (the server refuses to start on the legacy list without it). */
export const CHECK_INS_MARKER = 'migracion-checkins-por-mes';

/** What the server checks at start (engine.ts): the legacy lists and the audit entry that says their data was moved. */
export const MIGRATIONS = [{ list: LEGACY_CHECK_INS.name, marker: CHECK_INS_MARKER }] as const;

export interface MigrationOutcome {
  /** What it did (or, in a dry run, would do); null when there was nothing to do. */
  done: string | null;
  problems: string[];
}

interface RawItem {
  id: string;
  eTag: string | null;
  fields: Fields;
}

/** Every item of a list, page by page (unfiltered reads page by id and are allowed past 5,000 items). */
async function allItems(gateway: GraphGateway, listUrl: string, list: ListSpec): Promise<RawItem[]> {
  const [rows] = await gateway.queryAll([`${listUrl}/items?$select=id,eTag&$expand=fields($select=${columnsOf(list).join(',')})&$top=5000`]);
  return (rows ?? []).map((r) => {
    const fields = (r.fields ?? {}) as Fields;
    return { id: String(r.id), eTag: (r.eTag ?? fields['@odata.etag'] ?? null) as string | null, fields };
  });
}

/**
 * Moves the check-ins of the legacy `OkrCheckIns` (one item per key result and month) into
 * `OkrCheckInsMes` (one item per unit and month): a month without an item gets one with all its
 * reports; a month item that lacks a key result's report gets it, and a report the legacy list
 * holds at a higher version replaces its copy (an old server wrote after a first run); the rest is
 * kept. Creates and updates go in parallel batches of 20; an update carries the item's eTag. One
 * audit entry records the move. Nothing is written when both lists already agree.
 */
export async function migrateCheckIns(gateway: GraphGateway, siteId: string, listIds: ReadonlyMap<string, string>, options: { dryRun?: boolean; now?: () => Date } = {}): Promise<MigrationOutcome> {
  const legacyId = listIds.get(LEGACY_CHECK_INS.name.toLowerCase());
  const targetId = listIds.get(OKR_LISTS.checkIns.name.toLowerCase());
  if (!legacyId) return { done: null, problems: [] };
  if (!targetId) return { done: `moverá los check-ins de ${LEGACY_CHECK_INS.name} a ${OKR_LISTS.checkIns.name} cuando exista`, problems: [] };
  const legacyUrl = `/sites/${siteId}/lists/${legacyId}`;
  const targetUrl = `/sites/${siteId}/lists/${targetId}`;
  const auditId = listIds.get(auditTrail.list.name.toLowerCase());
  const markerQuery = auditId ? `/sites/${siteId}/lists/${auditId}/items?$select=id&$top=1&$filter=${encodeURIComponent(`fields/EntityId eq '${CHECK_INS_MARKER}'`)}` : null;
  const [legacy, target, marked] = await Promise.all([
    allItems(gateway, legacyUrl, LEGACY_CHECK_INS),
    allItems(gateway, targetUrl, OKR_LISTS.checkIns),
    markerQuery ? gateway.queryAll([markerQuery]).then(([rows]) => (rows ?? []).length > 0) : Promise.resolve(false),
  ]);
  const months = new Map<string, CheckIn[]>();
  for (const item of legacy.sort((a, b) => Number(a.id) - Number(b.id))) {
    const c = fromLegacy(item.fields);
    if (!c.keyResultId || !c.unitId || !c.period) continue;
    const key = `${c.unitId}|${c.period}`;
    const month = months.get(key);
    if (month) month.push(c);
    else months.set(key, [c]);
  }
  const existing = new Map(target.map((i) => [str(i.fields, 'RecordKey').toLowerCase(), i]));
  const calls: GraphCall[] = [];
  let created = 0;
  let completed = 0;
  let moved = 0;
  for (const [key, old] of months) {
    const item = existing.get(key.toLowerCase());
    const { unitId, period } = old[0]!;
    if (!item) {
      calls.push({ method: 'POST', url: `${targetUrl}/items`, body: { fields: withoutEmpty({ ...checkInMonthFields(unitId, period, old), IdempotencyKey: randomUUID() }) } });
      created++;
      moved += old.length;
      continue;
    }
    const now = checkInsOfMonth(item.fields);
    const byKr = new Map(now.map((c, i) => [c.keyResultId, i]));
    let changed = 0;
    for (const c of old) {
      const at = byKr.get(c.keyResultId);
      if (at === undefined) {
        byKr.set(c.keyResultId, now.push(c) - 1);
        changed++;
      } else if (c.version > now[at]!.version) {
        now[at] = c;
        changed++;
      }
    }
    if (changed === 0) continue;
    calls.push({ method: 'PATCH', url: `${targetUrl}/items/${item.id}/fields`, body: checkInColumns(unitId, period, now), ...(item.eTag ? { headers: { 'If-Match': item.eTag } } : {}) });
    completed++;
    moved += changed;
  }
  if (calls.length === 0 && marked) return { done: null, problems: [] };
  const done =
    calls.length === 0
      ? `${LEGACY_CHECK_INS.name} y ${OKR_LISTS.checkIns.name} ya coinciden: queda registrado en la auditoría`
      : `${moved} check-ins de ${LEGACY_CHECK_INS.name} → ${OKR_LISTS.checkIns.name}: ${created} meses nuevos, ${completed} completados (${LEGACY_CHECK_INS.name} queda como estaba)`;
  if (options.dryRun) return { done, problems: [] };
  const problems: string[] = [];
  for (let i = 0; i < calls.length; i += 20) {
    const chunk = calls.slice(i, i + 20);
    const answers = await gateway.batch(chunk, { mode: 'parallel' });
    answers.forEach((answer, k) => {
      if (answer.status < 300) return;
      const call = chunk[k]!;
      // Someone wrote the month meanwhile (a server running during the move): the next run compares again.
      if (answer.status === 409 || answer.status === 412) problems.push(`${call.method === 'POST' ? 'crear' : 'completar'} un mes de ${OKR_LISTS.checkIns.name}: otra escritura llegó antes (${answer.status}); vuelva a ejecutar npm run provision`);
      else throw answerError(`migrate ${OKR_LISTS.checkIns.name}`, answer);
    });
  }
  // Recorded once complete: the server starts on a site with the legacy list only with this entry.
  if (problems.length > 0) return { done, problems };
  const key = randomUUID();
  const at = (options.now?.() ?? new Date()).toISOString();
  const entry = auditTrail.fields(key, { actorId: 'provision', entity: 'store', entityId: CHECK_INS_MARKER, action: 'update', before: { list: LEGACY_CHECK_INS.name, items: legacy.length }, after: { list: OKR_LISTS.checkIns.name, checkIns: moved, created, completed }, at });
  if (auditId) {
    const [answer] = await gateway.batch([{ method: 'POST', url: `/sites/${siteId}/lists/${auditId}/items`, body: { fields: withoutEmpty(entry) } }], { mode: 'parallel' });
    if (answer!.status >= 300) throw answerError('migration audit entry', answer!);
  }
  return { done, problems };
}

function withoutEmpty(fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}
