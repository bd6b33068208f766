import { actaState, quarterOf, type Acta, type Commitment, type Plenaria } from '@okr/core';
import type { ActasPort } from '../../ports/actas.js';
import { actaKey, revised } from '../../rules.js';
import type { Item, Query, SharePointModule, WriteOp } from '../engine.js';
import { binary, queriesOf } from './itemTools.js';
import { answerError } from '../graph.js';
import { ConflictError } from '../../errors.js';
import { noteJson, num, str, strOrNull, title, type Fields } from '../fields.js';
import { idempotencyKey, indexed, note, number, quarter, recordKey, text, type LibrarySpec, type ListSpec } from '../schema.js';

/**
 * The document library that keeps the signed .docx of every acta, one folder per unit ("entidad"
 * for entity-wide plenarias): the unit's digital folder, where the original stays.
 */
export const ACTA_LIBRARY: LibrarySpec = {
  name: 'ActasOKR',
  description: 'Actas de plenaria firmadas (.docx, formato GDI-GPD-F029), en la carpeta de cada unidad',
};

export const ACTAS_LISTS = {
  plenarias: {
    name: 'OkrPlenarias',
    description: 'Plenarias menores y mayores y sesiones de diálogo, programadas o realizadas',
    columns: [
      recordKey('id de la plenaria'),
      idempotencyKey,
      { ...quarter, description: 'trimestre de la fecha de la plenaria, p. ej. 2026-Q4' },
      indexed('UnitId', 'id de la unidad; vacío = toda la entidad'),
      text('Kind', 'menor, mayor o dialogo'),
      text('PlenariaDate', 'fecha (AAAA-MM-DD, Bogotá)'),
      text('StartTime', 'hora de inicio (HH:MM, Bogotá)'),
      text('Modality', 'presencial, virtual o mixta'),
      note('Place', 'lugar, o enlace de la reunión'),
      text('PresidingId', 'quién preside y firma'),
      text('SecretaryId', 'secretario/a designado/a, que redacta y firma el acta'),
      text('CreatedBy', 'quién la programó'),
      text('CreatedAt', 'programada (ISO 8601)'),
      note('Cancelled', 'cancelación: quién, cuándo y por qué (JSON); vacío = vigente'),
      note('Rescheduled', 'última reprogramación: desde qué fecha y hora, quién, cuándo y por qué (JSON)'),
    ],
    audit: 'plenaria',
  },
  actas: {
    name: 'OkrActas',
    description: 'Actas de las plenarias (formato GDI-GPD-F029): una por versión; la corrección es otra versión',
    columns: [
      recordKey('plenaria#versión'),
      idempotencyKey,
      indexed('PlenariaId', 'id de la plenaria'),
      { ...quarter, description: 'trimestre de la plenaria (copiado de ella, para filtrar)' },
      indexed('UnitId', 'unidad de la plenaria (copiada de ella); vacío = toda la entidad'),
      number('ActaVersion', 'versión del acta (1; 2 y siguientes son correcciones)'),
      number('RecordRevision', 'revisión; sube con cada guardado (un guardado sobre una revisión vieja se rechaza)'),
      text('ActaState', 'draft, partially_signed o signed'),
      note('Draft', 'contenido redactado (JSON)'),
      note('OkrResults', 'resultados de los OKR congelados (JSON)'),
      text('SnapshotAt', 'cuándo se congelaron los resultados (ISO 8601)'),
      text('SecretarySignedBy', 'firma del secretario/a: quién'),
      text('SecretarySignedAt', 'firma del secretario/a: cuándo (ISO 8601)'),
      text('PresidingSignedBy', 'firma de quien preside: quién'),
      text('PresidingSignedAt', 'firma de quien preside: cuándo (ISO 8601)'),
      text('SentToOapOn', 'día del envío de la copia a la OAP'),
      text('SentToOapBy', 'quién registró el envío a la OAP'),
      text('FileName', 'nombre del .docx firmado'),
      note('CorrectionReason', 'motivo de la corrección (versiones 2 y siguientes)'),
      text('CreatedBy', 'quién creó la versión'),
      text('CreatedAt', 'creada (ISO 8601)'),
      text('UpdatedBy', 'quién la guardó por última vez'),
      text('UpdatedAt', 'último guardado (ISO 8601)'),
    ],
    audit: 'acta',
  },
  actaFiles: {
    name: 'OkrActasArchivos',
    description: 'Qué archivo de la biblioteca ActasOKR es el .docx firmado de cada versión de un acta',
    columns: [
      recordKey('plenaria#versión'),
      idempotencyKey,
      indexed('PlenariaId', 'id de la plenaria'),
      number('ActaVersion', 'versión del acta'),
      text('FileName', 'nombre del archivo'),
      text('FolderPath', 'carpeta de la biblioteca: id de la unidad, o entidad'),
      text('DriveItemId', 'id del archivo en la biblioteca'),
      number('SizeBytes', 'tamaño en bytes'),
      text('SavedBy', 'quién lo guardó'),
      text('SavedAt', 'cuándo (ISO 8601)'),
    ],
    audit: 'actaFile',
  },
  commitments: {
    name: 'OkrCompromisos',
    description: 'Compromisos de las actas y de las sesiones de diálogo, con su seguimiento e impacto',
    columns: [
      recordKey('plenaria:compromiso'),
      idempotencyKey,
      indexed('PlenariaId', 'id de la plenaria'),
      indexed('UnitId', 'unidad de la plenaria; vacío = toda la entidad'),
      indexed('OwnerId', 'persona responsable'),
      note('Task', 'compromiso'),
      text('Due', 'fecha límite (AAAA-MM-DD)'),
      text('CommitmentStatus', 'abierto, en_curso, cumplido o cancelado'),
      note('FollowUp', 'notas de seguimiento (JSON)'),
      note('Impact', 'impacto logrado (para cerrarlo como cumplido)'),
      number('RecordRevision', 'revisión; sube con cada cambio'),
      text('CreatedAt', 'creado (ISO 8601)'),
      text('UpdatedAt', 'último cambio (ISO 8601)'),
    ],
    audit: 'commitment',
  },
} satisfies Record<string, ListSpec>;

const plenariaFields = (p: Plenaria): Fields => ({
  RecordKey: p.id,
  Title: title(`${p.kind} ${p.unitId ?? 'entidad'} ${p.date}`),
  Quarter: quarterOf(p.date),
  UnitId: p.unitId,
  Kind: p.kind,
  PlenariaDate: p.date,
  StartTime: p.startTime,
  Modality: p.modality,
  Place: p.location,
  PresidingId: p.presidingId,
  SecretaryId: p.secretaryId,
  CreatedBy: p.createdBy,
  CreatedAt: p.createdAt,
  Cancelled: p.cancelled ? noteJson(p.cancelled, `cancelación de ${p.id}`) : null,
  Rescheduled: p.rescheduled ? noteJson(p.rescheduled, `reprogramación de ${p.id}`) : null,
});
const toPlenaria = (f: Fields): Plenaria => ({
  id: str(f, 'RecordKey'),
  kind: str(f, 'Kind') as Plenaria['kind'],
  unitId: strOrNull(f, 'UnitId'),
  date: str(f, 'PlenariaDate'),
  startTime: str(f, 'StartTime'),
  modality: str(f, 'Modality') as Plenaria['modality'],
  location: str(f, 'Place'),
  presidingId: str(f, 'PresidingId'),
  secretaryId: str(f, 'SecretaryId'),
  createdBy: str(f, 'CreatedBy'),
  createdAt: str(f, 'CreatedAt'),
  ...(strOrNull(f, 'Cancelled') ? { cancelled: JSON.parse(str(f, 'Cancelled')) } : {}),
  ...(strOrNull(f, 'Rescheduled') ? { rescheduled: JSON.parse(str(f, 'Rescheduled')) } : {}),
});

/** A plenaria as compared for compare-and-set (absent and null change fields are the same). */
const plenariaState = (p: Plenaria) => JSON.stringify(plenariaFields(p));

/** Actas carry their plenaria's quarter and unit, denormalised for the indexed filters. */
type PlenariaPlace = Pick<Plenaria, 'unitId' | 'date'>;

const actaFields = (a: Acta, plenaria: PlenariaPlace): Fields => ({
  RecordKey: actaKey(a.plenariaId, a.documentVersion),
  Title: title(`Acta ${a.plenariaId} v${a.documentVersion}`),
  PlenariaId: a.plenariaId,
  Quarter: quarterOf(plenaria.date),
  UnitId: plenaria.unitId,
  ActaVersion: a.documentVersion,
  RecordRevision: a.version,
  ActaState: actaState(a.signatures),
  Draft: noteJson(a.draft, `acta ${actaKey(a.plenariaId, a.documentVersion)}`),
  OkrResults: noteJson(a.okrResults, `resultados del acta ${actaKey(a.plenariaId, a.documentVersion)}`),
  SnapshotAt: a.snapshotAt,
  SecretarySignedBy: a.signatures.secretary?.personId ?? null,
  SecretarySignedAt: a.signatures.secretary?.at ?? null,
  PresidingSignedBy: a.signatures.presiding?.personId ?? null,
  PresidingSignedAt: a.signatures.presiding?.at ?? null,
  SentToOapOn: a.sentToOap?.on ?? null,
  SentToOapBy: a.sentToOap?.by ?? null,
  FileName: a.fileName,
  CorrectionReason: a.correctionReason,
  CreatedBy: a.createdBy,
  CreatedAt: a.createdAt,
  UpdatedBy: a.updatedBy,
  UpdatedAt: a.updatedAt,
});
const signatureOf = (f: Fields, by: string, at: string) => {
  const personId = strOrNull(f, by);
  return personId ? { personId, at: str(f, at) } : null;
};
const toActa = (f: Fields): Acta => {
  const sentOn = strOrNull(f, 'SentToOapOn');
  return {
    plenariaId: str(f, 'PlenariaId'),
    documentVersion: num(f, 'ActaVersion'),
    version: num(f, 'RecordRevision'),
    draft: JSON.parse(str(f, 'Draft') || 'null'),
    okrResults: JSON.parse(str(f, 'OkrResults') || '[]'),
    snapshotAt: str(f, 'SnapshotAt'),
    signatures: { secretary: signatureOf(f, 'SecretarySignedBy', 'SecretarySignedAt'), presiding: signatureOf(f, 'PresidingSignedBy', 'PresidingSignedAt') },
    sentToOap: sentOn ? { on: sentOn, by: str(f, 'SentToOapBy') } : null,
    fileName: strOrNull(f, 'FileName'),
    correctionReason: strOrNull(f, 'CorrectionReason'),
    createdBy: str(f, 'CreatedBy'),
    createdAt: str(f, 'CreatedAt'),
    updatedBy: str(f, 'UpdatedBy'),
    updatedAt: str(f, 'UpdatedAt'),
  };
};

/** Where an acta's .docx is in the library, and what it is. */
interface ActaFileRecord {
  plenariaId: string;
  version: number;
  fileName: string;
  folderPath: string;
  driveItemId: string;
  size: number;
  savedBy: string;
  savedAt: string;
}
const actaFileFields = (r: ActaFileRecord): Fields => ({
  RecordKey: actaKey(r.plenariaId, r.version),
  Title: title(r.fileName),
  PlenariaId: r.plenariaId,
  ActaVersion: r.version,
  FileName: r.fileName,
  FolderPath: r.folderPath,
  DriveItemId: r.driveItemId,
  SizeBytes: r.size,
  SavedBy: r.savedBy,
  SavedAt: r.savedAt,
});
const toActaFileRecord = (f: Fields): ActaFileRecord => ({
  plenariaId: str(f, 'PlenariaId'),
  version: num(f, 'ActaVersion'),
  fileName: str(f, 'FileName'),
  folderPath: str(f, 'FolderPath'),
  driveItemId: str(f, 'DriveItemId'),
  size: num(f, 'SizeBytes'),
  savedBy: str(f, 'SavedBy'),
  savedAt: str(f, 'SavedAt'),
});

const commitmentFields = (c: Commitment): Fields => ({
  RecordKey: c.id,
  Title: title(c.task),
  PlenariaId: c.plenariaId,
  UnitId: c.unitId,
  OwnerId: c.ownerId,
  Task: c.task,
  Due: c.due,
  CommitmentStatus: c.status,
  FollowUp: noteJson(c.notes, `seguimiento del compromiso ${c.id}`),
  Impact: c.impact,
  RecordRevision: c.version,
  CreatedAt: c.createdAt,
  UpdatedAt: c.updatedAt,
});
const toCommitment = (f: Fields): Commitment => ({
  id: str(f, 'RecordKey'),
  plenariaId: str(f, 'PlenariaId'),
  unitId: strOrNull(f, 'UnitId'),
  task: str(f, 'Task'),
  ownerId: str(f, 'OwnerId'),
  due: str(f, 'Due'),
  status: str(f, 'CommitmentStatus') as Commitment['status'],
  notes: JSON.parse(str(f, 'FollowUp') || '[]'),
  impact: strOrNull(f, 'Impact'),
  version: num(f, 'RecordRevision'),
  createdAt: str(f, 'CreatedAt'),
  updatedAt: str(f, 'UpdatedAt'),
});

const byPlenariaTime = (a: Plenaria, b: Plenaria) => binary(a.date, b.date) || binary(a.startTime, b.startTime) || binary(a.id, b.id);

/** The media type SharePoint serves the file with. */
function mediaTypeOf(fileName: string): string {
  return /\.docx$/i.test(fileName) ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : /\.pdf$/i.test(fileName) ? 'application/pdf' : 'application/octet-stream';
}

/** Plenarias, their actas' versions and signed files (in the «ActasOKR» library), and the commitments in the tracker. */
export const actasSharePoint: SharePointModule<ActasPort, typeof ACTAS_LISTS> = {
  lists: ACTAS_LISTS,
  libraries: [ACTA_LIBRARY],

  seed(engine, data) {
    const plenarias = new Map((data.plenarias ?? []).map((p) => [p.id, p]));
    const plenariaOf = (id: string): Plenaria => {
      const p = plenarias.get(id);
      if (!p) throw new Error(`seed: plenaria ${id} is not in the seed`);
      return p;
    };
    return [
      ...(data.plenarias ?? []).map((p) => engine.create(ACTAS_LISTS.plenarias, plenariaFields(p))),
      ...(data.actas ?? []).map((a) => engine.create(ACTAS_LISTS.actas, actaFields(a, plenariaOf(a.plenariaId)))),
      ...(data.commitments ?? []).map((c) => engine.create(ACTAS_LISTS.commitments, commitmentFields(c))),
    ];
  },

  repository: (engine): ActasPort => {
    const { plenarias, actas, actaFiles, commitments } = ACTAS_LISTS;
    return {
      /** The unique RecordKey refuses a second plenaria with the same id (409 → ConflictError), before the audit entry. */
      async createPlenaria(plenaria, actorId) {
        await engine.write([
          engine.create(plenarias, plenariaFields(plenaria)),
          engine.audit({ actorId, entity: 'plenaria', entityId: plenaria.id, action: 'create', before: null, after: plenaria }),
        ]);
      },

      async getPlenaria(id) {
        const item = await engine.item(plenarias, id);
        return item ? toPlenaria(item.fields) : null;
      },

      /**
       * Compare-and-set on what was read (and If-Match on its eTag), in one batch with the audit entry
       * and, when the date moves to another quarter, the Quarter its actas carry (so they follow it).
       */
      async updatePlenaria(update) {
        const { before, after } = update;
        if (before.id !== after.id) throw new Error('updatePlenaria: the id does not change');
        const [p, a] = await engine.read([
          { list: plenarias, where: ['RecordKey', before.id] },
          { list: actas, where: ['PlenariaId', before.id] },
        ]);
        const item = p![0];
        if (!item || plenariaState(toPlenaria(item.fields)) !== plenariaState(before)) throw new ConflictError(`plenaria ${before.id} changed`);
        const quarter = quarterOf(after.date);
        await engine.write([
          engine.update(plenarias, item, plenariaFields(after)),
          ...a!
            .filter((i) => i.fields.Quarter !== quarter)
            .flatMap((i) => [
              engine.update(actas, i, { Quarter: quarter }),
              engine.audit({ actorId: update.actorId, entity: 'acta', entityId: String(i.fields.RecordKey), action: 'update', before: { quarter: i.fields.Quarter }, after: { action: update.action, quarter } }),
            ]),
          engine.audit({ actorId: update.actorId, entity: 'plenaria', entityId: after.id, action: 'update', before: toPlenaria(item.fields), after: { action: update.action, reason: update.reason, ...after } }),
        ]);
      },

      /**
       * By unit: one query on the indexed UnitId (a unit holds about four a year); otherwise one per
       * quarter on the indexed Quarter, in one batch. The other filter is applied here. With no filter,
       * the whole list (about 200 a year; an unfiltered read pages by id, never hits the threshold).
       */
      async listPlenarias(filter) {
        if (filter.quarters?.length === 0) return [];
        const quarters = filter.quarters ? new Set<string>(filter.quarters) : null;
        let items: Item[];
        if (filter.unitId !== undefined) items = await engine.readOne({ list: plenarias, where: ['UnitId', filter.unitId] });
        else if (quarters) items = (await engine.read(queriesOf(plenarias, 'Quarter', quarters))).flat();
        else items = await engine.readOne({ list: plenarias });
        return items
          .filter((i) => (filter.unitId === undefined || i.fields.UnitId === filter.unitId) && (!quarters || quarters.has(String(i.fields.Quarter))))
          .map((i) => toPlenaria(i.fields))
          .sort(byPlenariaTime);
      },

      /**
       * Every version of the actas asked for, oldest first. Actas carry their plenaria's quarter and
       * unit, so each filter is an indexed one: a few plenarias by PlenariaId, else the unit by UnitId,
       * else the quarters by Quarter, else many plenarias by PlenariaId; the rest is applied here.
       */
      async listActas(filter) {
        if (filter.plenariaIds?.length === 0 || filter.quarters?.length === 0) return [];
        const ids = filter.plenariaIds ? [...new Set(filter.plenariaIds)] : null;
        const quarters = filter.quarters ? [...new Set<string>(filter.quarters)] : null;
        let queries: Query[];
        if (ids && ids.length <= 3) queries = queriesOf(actas, 'PlenariaId', ids);
        else if (filter.unitId !== undefined) queries = queriesOf(actas, 'UnitId', [filter.unitId]);
        else if (quarters && (!ids || quarters.length <= ids.length)) queries = queriesOf(actas, 'Quarter', quarters);
        else if (ids) queries = queriesOf(actas, 'PlenariaId', ids);
        else queries = [{ list: actas }];
        const wantedIds = ids ? new Set(ids) : null;
        const wantedQuarters = quarters ? new Set(quarters) : null;
        const seen = new Set<string>();
        return (await engine.read(queries))
          .flat()
          .filter((i) => {
            const f = i.fields;
            if (seen.has(i.id)) return false;
            seen.add(i.id);
            return (
              (!wantedIds || wantedIds.has(String(f.PlenariaId))) &&
              (!wantedQuarters || wantedQuarters.has(String(f.Quarter))) &&
              (filter.unitId === undefined || f.UnitId === filter.unitId)
            );
          })
          .map((i) => toActa(i.fields))
          .sort((a, b) => binary(a.plenariaId, b.plenariaId) || a.documentVersion - b.documentVersion);
      },

      /**
       * Creates a version (its unique RecordKey refuses a second create: 409 → ConflictError) or
       * replaces it compare-and-set: the stored RecordRevision must be the expected one, and the write
       * carries If-Match with the eTag read, so a save between our read and our write is a 412 →
       * ConflictError too. The plenaria is read in the same batch: its quarter and unit go on the acta.
       */
      async writeActa(write) {
        const { plenariaId, documentVersion: version } = write.acta;
        const key = actaKey(plenariaId, version);
        const [p, a] = await engine.read([
          { list: plenarias, where: ['RecordKey', plenariaId] },
          { list: actas, where: ['RecordKey', key] },
        ]);
        if (!p![0]) throw new Error(`writeActa: no plenaria ${plenariaId}`);
        const plenaria = toPlenaria(p![0].fields);
        const item = a![0];
        const before = item ? toActa(item.fields) : null;
        const stored = revised(`acta ${key}`, before, write.acta, write.expectedVersion);
        await engine.write([
          item ? engine.update(actas, item, actaFields(stored, plenaria)) : engine.create(actas, actaFields(stored, plenaria)),
          engine.audit({ actorId: write.actorId, entity: 'acta', entityId: key, action: before ? 'update' : 'create', before, after: { action: write.action, ...stored } }),
        ]);
        return stored;
      },

      /**
       * Uploads the .docx to the unit's folder of the «ActasOKR» library ("entidad" for entity-wide
       * plenarias) with Graph's simple upload — one PUT, right for files under 250 MB; an acta is under
       * 100 KB — which creates the folder if needed and replaces a file of the same name. Then records
       * which file belongs to the version (OkrActasArchivos) with its audit entry. Not one transaction:
       * the file goes first, so the record never points at a file that is not there; if the record's
       * write fails, the file stays in the folder (replaced, or new and unreferenced) and the error goes
       * up. A replaced version whose file had another name has its old file removed.
       */
      async saveActaFile(file, actorId) {
        const key = actaKey(file.plenariaId, file.documentVersion);
        if (!file.fileName || file.fileName !== file.fileName.trim() || /["*:<>?/\\|]/.test(file.fileName)) {
          throw new Error(`saveActaFile: invalid file name «${file.fileName}»`);
        }
        const [p, a, records] = await engine.read([
          { list: plenarias, where: ['RecordKey', file.plenariaId] },
          { list: actas, where: ['RecordKey', key] },
          { list: actaFiles, where: ['RecordKey', key] },
        ]);
        if (!p![0] || !a![0]) throw new Error(`saveActaFile: no acta ${key}`);
        const plenaria = toPlenaria(p![0].fields);
        const driveId = await engine.driveOf(ACTA_LIBRARY);
        const folderPath = plenaria.unitId ?? 'entidad';
        const put = await engine.content({
          method: 'PUT',
          url: `/drives/${driveId}/root:/${encodeURIComponent(folderPath)}/${encodeURIComponent(file.fileName)}:/content`,
          bytes: file.bytes,
          contentType: mediaTypeOf(file.fileName),
        });
        if (put.status !== 200 && put.status !== 201) throw answerError(`PUT ${ACTA_LIBRARY.name}/${folderPath}/${file.fileName}`, put);
        const record = { plenariaId: file.plenariaId, version: file.documentVersion, fileName: file.fileName, folderPath, driveItemId: String(put.body?.id ?? ''), size: file.bytes.length, savedBy: actorId, savedAt: engine.now().toISOString() };
        const item = records![0];
        const previous = item ? toActaFileRecord(item.fields) : null;
        await engine.write([
          item ? engine.update(actaFiles, item, actaFileFields(record), false) : engine.create(actaFiles, actaFileFields(record)),
          engine.audit({
            actorId,
            entity: 'actaFile',
            entityId: key,
            action: previous ? 'update' : 'create',
            before: previous ? { fileName: previous.fileName, size: previous.size } : null,
            after: { fileName: record.fileName, size: record.size, folder: `${ACTA_LIBRARY.name}/${folderPath}` },
          }),
        ]);
        if (previous && previous.driveItemId && previous.driveItemId !== record.driveItemId) {
          // Best effort: an old file left behind is harmless (nothing points at it any more).
          await engine.content({ method: 'DELETE', url: `/drives/${driveId}/items/${encodeURIComponent(previous.driveItemId)}` }).catch(() => undefined);
        }
      },

      /**
       * The stored .docx: by the file's id (which survives someone renaming or moving it in the
       * library), else by its path; null when none was saved or the file is gone.
       */
      async getActaFile(plenariaId, version) {
        const item = await engine.item(actaFiles, actaKey(plenariaId, version));
        if (!item) return null;
        const record = toActaFileRecord(item.fields);
        const driveId = await engine.driveOf(ACTA_LIBRARY);
        const urls = [
          ...(record.driveItemId ? [`/drives/${driveId}/items/${encodeURIComponent(record.driveItemId)}/content`] : []),
          `/drives/${driveId}/root:/${encodeURIComponent(record.folderPath)}/${encodeURIComponent(record.fileName)}:/content`,
        ];
        for (const url of urls) {
          const answer = await engine.content({ method: 'GET', url });
          if (answer.status === 200 && answer.bytes) return { plenariaId, documentVersion: version, fileName: record.fileName, bytes: answer.bytes };
          if (answer.status !== 404) throw answerError(`GET ${url}`, answer);
        }
        return null;
      },

      /**
       * Commitments by the most selective indexed column given — plenaria, then owner, then unit —
       * with the other filters applied here; soonest due first.
       */
      async listCommitments(filter) {
        const where: [string, string] | undefined =
          filter.plenariaId !== undefined
            ? ['PlenariaId', filter.plenariaId]
            : filter.ownerId !== undefined
              ? ['OwnerId', filter.ownerId]
              : filter.unitId !== undefined
                ? ['UnitId', filter.unitId]
                : undefined;
        const items = await engine.readOne(where ? { list: commitments, where } : { list: commitments });
        return items
          .map((i) => toCommitment(i.fields))
          .filter((c) => (filter.plenariaId === undefined || c.plenariaId === filter.plenariaId) && (filter.ownerId === undefined || c.ownerId === filter.ownerId) && (filter.unitId === undefined || c.unitId === filter.unitId))
          .sort((a, b) => binary(a.due, b.due) || binary(a.id, b.id));
      },

      /**
       * All or nothing, as far as SharePoint allows: the plenarias' commitments are read in one batch
       * and every write is checked first (a create whose id exists, an update not at its expected
       * version: ConflictError, nothing written); then the items and their audit entries go out in
       * sequence, creates guarded by the unique RecordKey and updates by If-Match, and a failure half-way
       * undoes what was written before the error goes up (see the engine's `write`). What SharePoint
       * cannot give is isolation: a reader in those few hundred milliseconds may see part of the batch,
       * and if the undo itself fails the error says the lists may hold a partial change.
       */
      async writeCommitments(writes, actorId) {
        if (writes.length === 0) return [];
        const ids = new Set<string>();
        for (const w of writes) {
          if (ids.has(w.commitment.id)) throw new Error(`writeCommitments: commitment ${w.commitment.id} appears twice`);
          ids.add(w.commitment.id);
        }
        const plenariaIds = [...new Set(writes.map((w) => w.commitment.plenariaId))];
        const pages = await engine.read([...queriesOf(plenarias, 'RecordKey', plenariaIds), ...queriesOf(commitments, 'PlenariaId', plenariaIds)]);
        const missing = plenariaIds.filter((_, i) => pages[i]!.length === 0);
        if (missing.length > 0) throw new Error(`writeCommitments: no plenaria ${missing.join(', ')}`);
        const stored = new Map(pages.slice(plenariaIds.length).flat().map((i) => [String(i.fields.RecordKey), i]));
        const ops: WriteOp[] = [];
        const out = writes.map(({ commitment, expectedVersion }): Commitment => {
          const item = stored.get(commitment.id);
          const before = item ? toCommitment(item.fields) : null;
          const next = revised(`commitment ${commitment.id}`, before, commitment, expectedVersion);
          ops.push(item ? engine.update(commitments, item, commitmentFields(next)) : engine.create(commitments, commitmentFields(next)));
          ops.push(engine.audit({ actorId, entity: 'commitment', entityId: commitment.id, action: before ? 'update' : 'create', before, after: next }));
          return next;
        });
        await engine.write(ops);
        return out;
      },
    };
  },
};
