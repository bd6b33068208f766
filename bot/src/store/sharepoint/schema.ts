/**
 * The one definition of the SharePoint lists that hold the store: which lists, which columns with
 * which Graph `columnDefinition` type, and which columns are indexed. `npm run provision` creates
 * the lists from it and the adapter reads and writes through it, so the two cannot drift apart.
 *
 * Rules the definition follows (SharePoint Online through Microsoft Graph):
 * - Every query filters on ONE indexed column with `eq` and that filter must narrow the list to
 *   fewer than 5,000 items (the list view threshold); a filter on a column that is not indexed is
 *   refused by Graph unless `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` is sent, and
 *   then fails once the list passes 5,000 items. The adapter never sends that header.
 * - So composite keys are stored denormalised in their own indexed column: `UnitQuarter`
 *   ("al-usaquen|2026-Q4") for everything one unit's tree needs, `Quarter` for the entity
 *   dashboard, `Month` / `EntityMonth` to page the audit trail month by month.
 * - `RecordKey` is the natural key of every item (unique, hence indexed): a second create of the
 *   same thing fails instead of duplicating it. `IdempotencyKey` is written once by the create that
 *   made the item, so a retry after a lost response can tell its own item from someone else's.
 * - Single-line text holds at most 255 characters: free text (titles of objectives and key results,
 *   comments, evidence links, JSON) goes to multi-line text ("note") columns, and `Title` (the list
 *   item's built-in column, shown in SharePoint's own views) gets a shortened copy.
 * - Timestamps are ISO strings in text columns, so they come back exactly as written (a dateTime
 *   column would drop the milliseconds).
 * - Column names avoid SharePoint's built-in fields (Order, Version, Author, Created, Modified…).
 * - Multi-line text holds at most 63,999 characters (`NOTE_MAX`): JSON that could outgrow it (an
 *   acta's draft) is checked before it is written and refused with a clear error.
 * - Files are not list items: the signed .docx of an acta goes to the «ActasOKR» document library
 *   (`ACTA_LIBRARY`), in the folder of its unit, where people find the original; the list
 *   `OkrActasArchivos` says which file belongs to which acta version.
 */

export type ColumnType = 'text' | 'note' | 'number';

export interface ColumnSpec {
  /** Internal name (what Graph's `fields` and `$filter` use). */
  name: string;
  type: ColumnType;
  /** Indexed in SharePoint: the only columns the adapter filters on. */
  indexed?: boolean;
  /** Enforce unique values (SharePoint requires the column to be indexed too). */
  unique?: boolean;
  description: string;
}

export interface ListSpec {
  /** List name (its URL segment) and display name at creation. */
  name: string;
  description: string;
  columns: ColumnSpec[];
}

const recordKey = (what: string): ColumnSpec => ({ name: 'RecordKey', type: 'text', indexed: true, unique: true, description: `Clave natural: ${what}` });
const idempotencyKey: ColumnSpec = { name: 'IdempotencyKey', type: 'text', description: 'Identificador de la operación que creó el elemento (reintentos sin duplicados)' };
const unitQuarter: ColumnSpec = { name: 'UnitQuarter', type: 'text', indexed: true, description: 'Unidad y trimestre, p. ej. al-usaquen|2026-Q4' };
const quarter: ColumnSpec = { name: 'Quarter', type: 'text', indexed: true, description: 'Trimestre, p. ej. 2026-Q4' };
const setId: ColumnSpec = { name: 'SetId', type: 'text', indexed: true, description: 'id del conjunto de OKR' };
const text = (name: string, description: string): ColumnSpec => ({ name, type: 'text', description });
const note = (name: string, description: string): ColumnSpec => ({ name, type: 'note', description });
const number = (name: string, description: string): ColumnSpec => ({ name, type: 'number', description });

/** Keys of the lists, as the adapter names them. */
export type ListKey =
  | 'units'
  | 'people'
  | 'roles'
  | 'institutionalObjectives'
  | 'sets'
  | 'setEvents'
  | 'cardMessages'
  | 'objectives'
  | 'keyResults'
  | 'checkIns'
  | 'monthReviews'
  | 'conversationRefs'
  | 'reminderLog'
  | 'reminderControl'
  | 'reminderSnoozes'
  | 'reminderPreferences'
  | 'plenarias'
  | 'actas'
  | 'actaFiles'
  | 'commitments'
  | 'audit';

export const LISTS: Readonly<Record<ListKey, ListSpec>> = {
  units: {
    name: 'OkrUnidades',
    description: 'Dependencias de la SDG: unidades del nivel central y alcaldías locales',
    columns: [recordKey('id de la unidad'), idempotencyKey, text('Kind', 'central o alcaldia'), text('Level', 'nivel de la unidad'), text('ParentId', 'id de la unidad superior')],
  },
  people: {
    name: 'OkrPersonas',
    description: 'Directorio de personas (líderes, enlaces, coaches, ETI, OAP)',
    columns: [
      recordKey('id de la persona'),
      idempotencyKey,
      text('AadObjectId', 'id del objeto en Entra ID, como se recibió'),
      { name: 'AadKey', type: 'text', indexed: true, unique: true, description: 'id de Entra ID en minúsculas, para buscar sin distinguir mayúsculas' },
      text('Email', 'correo'),
      text('JobTitle', 'cargo'),
    ],
  },
  roles: {
    name: 'OkrRoles',
    description: 'Roles de cada persona, por unidad o para toda la entidad',
    columns: [
      recordKey('persona|rol|unidad'),
      idempotencyKey,
      { name: 'PersonId', type: 'text', indexed: true, description: 'id de la persona' },
      text('Role', 'rol'),
      text('UnitId', 'id de la unidad; vacío = toda la entidad'),
    ],
  },
  institutionalObjectives: {
    name: 'OkrObjetivosInstitucionales',
    description: 'Objetivos estratégicos del Plan Estratégico Institucional',
    columns: [recordKey('id del objetivo'), idempotencyKey, text('Code', 'código'), note('Statement', 'enunciado completo')],
  },
  sets: {
    name: 'OkrConjuntos',
    description: 'Conjunto de OKR de una unidad para un trimestre',
    columns: [
      recordKey('id del conjunto'),
      idempotencyKey,
      { ...unitQuarter, unique: true },
      quarter,
      text('UnitId', 'id de la unidad'),
      { name: 'State', type: 'text', indexed: true, description: 'estado del conjunto en el flujo de formulación' },
      text('InstitutionalObjectiveId', 'objetivo institucional al que aporta'),
      number('SetVersion', 'versión; sube con cada cambio de contenido o de estado'),
    ],
  },
  setEvents: {
    name: 'OkrEventosConjunto',
    description: 'Historia del flujo de formulación de cada conjunto',
    columns: [
      recordKey('id del evento'),
      idempotencyKey,
      setId,
      text('At', 'cuándo (ISO 8601)'),
      text('ActorId', 'quién'),
      text('EventAction', 'acción del flujo, create o edit'),
      text('FromState', 'estado anterior'),
      text('ToState', 'estado nuevo'),
      number('SetVersion', 'versión del conjunto tras el evento'),
      note('EventComment', 'observación'),
    ],
  },
  cardMessages: {
    name: 'OkrTarjetas',
    description: 'Tarjetas enviadas sobre un conjunto o un acta, para actualizarlas en su lugar',
    columns: [
      recordKey('asunto|propósito|persona'),
      idempotencyKey,
      { name: 'SubjectId', type: 'text', indexed: true, description: 'id del conjunto de OKR, o acta:<id de la plenaria>' },
      text('Purpose', 'para qué es la tarjeta'),
      text('PersonId', 'a quién se envió'),
      text('ActivityId', 'id de la actividad en Teams'),
      note('Reference', 'referencia de conversación (JSON)'),
      text('At', 'enviada (ISO 8601)'),
    ],
  },
  objectives: {
    name: 'OkrObjetivos',
    description: 'Objetivos estratégicos y tácticos de cada conjunto',
    columns: [
      recordKey('id del objetivo'),
      idempotencyKey,
      unitQuarter,
      quarter,
      setId,
      text('ParentId', 'objetivo estratégico del que cuelga (tácticos)'),
      text('Level', 'strategic o tactical'),
      note('Statement', 'enunciado completo'),
      number('SortOrder', 'orden de presentación'),
      number('Weight', 'peso en el promedio del padre; vacío = pesos iguales'),
    ],
  },
  keyResults: {
    name: 'OkrResultadosClave',
    description: 'Resultados clave de cada objetivo táctico',
    columns: [
      recordKey('id del resultado clave'),
      idempotencyKey,
      unitQuarter,
      quarter,
      setId,
      text('ObjectiveId', 'id del objetivo táctico'),
      note('Statement', 'enunciado completo'),
      text('Kind', 'percentage, number o milestone'),
      text('UnitOfMeasure', 'unidad de medida'),
      number('Baseline', 'línea base'),
      number('Target', 'meta'),
      text('Direction', 'increase o decrease'),
      text('OwnerId', 'persona responsable'),
      number('SortOrder', 'orden de presentación'),
      number('Weight', 'peso en el promedio del objetivo; vacío = pesos iguales'),
    ],
  },
  checkIns: {
    name: 'OkrCheckIns',
    description: 'Reporte mensual de cada resultado clave (uno por resultado y mes)',
    columns: [
      recordKey('resultado clave|mes'),
      idempotencyKey,
      unitQuarter,
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
  },
  monthReviews: {
    name: 'OkrRevisionesMes',
    description: 'Revisión del ETI del mes de cada unidad (cerrado o corrección solicitada)',
    columns: [
      recordKey('unidad|mes'),
      idempotencyKey,
      text('UnitId', 'id de la unidad'),
      text('Period', 'mes'),
      text('State', 'closed o correction_requested'),
      text('ActorId', 'quien revisó'),
      text('ReviewedAt', 'cuándo (ISO 8601)'),
      note('ReviewNote', 'observación'),
    ],
  },
  conversationRefs: {
    name: 'OkrConversaciones',
    description: 'Referencias de conversación de Teams para mensajes proactivos',
    columns: [recordKey('id de la persona'), idempotencyKey, note('Reference', 'referencia (JSON)'), text('UpdatedAt', 'actualizada (ISO 8601)')],
  },
  reminderLog: {
    name: 'OkrRecordatorios',
    description: 'Registro de recordatorios: cada clave se reclama una sola vez (exactamente un envío)',
    columns: [
      recordKey('tipo|persona|asunto|mes|paso'),
      idempotencyKey,
      text('Kind', 'tipo de recordatorio'),
      { name: 'PersonId', type: 'text', indexed: true, description: 'a quién' },
      text('Subject', 'unidad, o entity para resúmenes'),
      { name: 'Period', type: 'text', indexed: true, description: 'mes del que trata' },
      number('Step', 'paso de la secuencia'),
      { name: 'State', type: 'text', indexed: true, description: 'claimed, sent o failed' },
      text('Owner', 'instancia del programador que lo reclamó'),
      text('ClaimedAt', 'reclamado (ISO 8601)'),
      text('SentAt', 'enviado (ISO 8601)'),
      note('ErrorText', 'error de Teams'),
      number('Attempts', 'intentos'),
    ],
  },
  reminderControl: {
    name: 'OkrControlRecordatorios',
    description: 'Interruptor global de los recordatorios',
    columns: [recordKey('global'), idempotencyKey, number('Paused', '1 = en pausa'), text('ActorId', 'quién lo cambió'), text('At', 'cuándo (ISO 8601)')],
  },
  reminderSnoozes: {
    name: 'OkrAplazamientos',
    description: '«Recordarme mañana»: recordatorios aplazados',
    columns: [
      recordKey('tipo|persona|asunto|mes|paso'),
      idempotencyKey,
      text('Kind', 'tipo de recordatorio'),
      { name: 'PersonId', type: 'text', indexed: true, description: 'a quién' },
      text('Subject', 'unidad, o entity'),
      text('Period', 'mes'),
      number('Step', 'paso'),
      text('Until', 'vuelve a enviarse desde (ISO 8601)'),
      number('SnoozeCount', 'veces aplazado'),
    ],
  },
  reminderPreferences: {
    name: 'OkrPreferenciasRecordatorio',
    description: 'Tipos de recordatorio que cada persona silenció',
    columns: [recordKey('id de la persona'), idempotencyKey, text('MutedKinds', 'tipos silenciados (JSON)'), text('UpdatedAt', 'actualizado (ISO 8601)')],
  },
  plenarias: {
    name: 'OkrPlenarias',
    description: 'Plenarias menores y mayores y sesiones de diálogo, programadas o realizadas',
    columns: [
      recordKey('id de la plenaria'),
      idempotencyKey,
      { ...quarter, description: 'trimestre de la fecha de la plenaria, p. ej. 2026-Q4' },
      { name: 'UnitId', type: 'text', indexed: true, description: 'id de la unidad; vacío = toda la entidad' },
      text('Kind', 'menor, mayor o dialogo'),
      text('PlenariaDate', 'fecha (AAAA-MM-DD, Bogotá)'),
      text('StartTime', 'hora de inicio (HH:MM, Bogotá)'),
      text('Modality', 'presencial, virtual o mixta'),
      note('Place', 'lugar, o enlace de la reunión'),
      text('PresidingId', 'quién preside y firma'),
      text('SecretaryId', 'secretario/a designado/a, que redacta y firma el acta'),
      text('CreatedBy', 'quién la programó'),
      text('CreatedAt', 'programada (ISO 8601)'),
    ],
  },
  actas: {
    name: 'OkrActas',
    description: 'Actas de las plenarias (formato GDI-GPD-F029): una por versión; la corrección es otra versión',
    columns: [
      recordKey('plenaria#versión'),
      idempotencyKey,
      { name: 'PlenariaId', type: 'text', indexed: true, description: 'id de la plenaria' },
      { ...quarter, description: 'trimestre de la plenaria (copiado de ella, para filtrar)' },
      { name: 'UnitId', type: 'text', indexed: true, description: 'unidad de la plenaria (copiada de ella); vacío = toda la entidad' },
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
  },
  actaFiles: {
    name: 'OkrActasArchivos',
    description: 'Qué archivo de la biblioteca ActasOKR es el .docx firmado de cada versión de un acta',
    columns: [
      recordKey('plenaria#versión'),
      idempotencyKey,
      { name: 'PlenariaId', type: 'text', indexed: true, description: 'id de la plenaria' },
      number('ActaVersion', 'versión del acta'),
      text('FileName', 'nombre del archivo'),
      text('FolderPath', 'carpeta de la biblioteca: id de la unidad, o entidad'),
      text('DriveItemId', 'id del archivo en la biblioteca'),
      number('SizeBytes', 'tamaño en bytes'),
      text('SavedBy', 'quién lo guardó'),
      text('SavedAt', 'cuándo (ISO 8601)'),
    ],
  },
  commitments: {
    name: 'OkrCompromisos',
    description: 'Compromisos de las actas y de las sesiones de diálogo, con su seguimiento e impacto',
    columns: [
      recordKey('plenaria:compromiso'),
      idempotencyKey,
      { name: 'PlenariaId', type: 'text', indexed: true, description: 'id de la plenaria' },
      { name: 'UnitId', type: 'text', indexed: true, description: 'unidad de la plenaria; vacío = toda la entidad' },
      { name: 'OwnerId', type: 'text', indexed: true, description: 'persona responsable' },
      note('Task', 'compromiso'),
      text('Due', 'fecha límite (AAAA-MM-DD)'),
      text('CommitmentStatus', 'abierto, en_curso, cumplido o cancelado'),
      note('FollowUp', 'notas de seguimiento (JSON)'),
      note('Impact', 'impacto logrado (para cerrarlo como cumplido)'),
      number('RecordRevision', 'revisión; sube con cada cambio'),
      text('CreatedAt', 'creado (ISO 8601)'),
      text('UpdatedAt', 'último cambio (ISO 8601)'),
    ],
  },
  audit: {
    name: 'OkrAuditoria',
    description: 'Rastro de auditoría: quién cambió qué, cuándo, antes y después (solo se agregan elementos)',
    columns: [
      recordKey('id de la entrada (también su clave de idempotencia)'),
      idempotencyKey,
      text('At', 'cuándo (ISO 8601)'),
      text('ActorId', 'quién'),
      text('Entity', 'entidad'),
      { name: 'EntityId', type: 'text', indexed: true, description: 'id de lo que cambió' },
      text('AuditAction', 'create, update o delete'),
      note('Before', 'antes (JSON)'),
      note('After', 'después (JSON)'),
      { name: 'Month', type: 'text', indexed: true, description: 'mes de la entrada, para paginar el rastro' },
      { name: 'EntityMonth', type: 'text', indexed: true, description: 'entidad|mes, para paginar el rastro de una entidad' },
    ],
  },
};

export const LIST_KEYS = Object.keys(LISTS) as ListKey[];

/** Single-line text holds at most 255 characters in SharePoint. */
export const TEXT_MAX = 255;

/** Multiple lines of (plain) text hold at most 63,999 characters in a SharePoint list. */
export const NOTE_MAX = 63_999;

/**
 * The document library that keeps the signed .docx of every acta, one folder per unit ("entidad"
 * for entity-wide plenarias): the unit's digital folder, where the original stays.
 */
export const ACTA_LIBRARY = {
  name: 'ActasOKR',
  description: 'Actas de plenaria firmadas (.docx, formato GDI-GPD-F029), en la carpeta de cada unidad',
} as const;

/** The Graph body that creates the acta library (a list with the documentLibrary template). */
export function libraryDefinition(): Record<string, unknown> {
  return { displayName: ACTA_LIBRARY.name, description: ACTA_LIBRARY.description, list: { template: 'documentLibrary' } };
}

/** SharePoint's list view threshold: a query may not touch more items than this. */
export const LIST_VIEW_THRESHOLD = 5000;

export function columnsOf(list: ListKey): string[] {
  return ['Title', ...LISTS[list].columns.map((c) => c.name)];
}

export function isIndexed(column: ColumnSpec): boolean {
  return Boolean(column.indexed || column.unique);
}

/** The Graph `columnDefinition` body that creates a column. */
export function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const type =
    column.type === 'number'
      ? { number: {} }
      : column.type === 'note'
        ? { text: { allowMultipleLines: true, textType: 'plain', linesForEditing: 6 } }
        : { text: { allowMultipleLines: false, maxLength: TEXT_MAX } };
  return {
    name: column.name,
    displayName: column.name,
    description: column.description,
    indexed: isIndexed(column),
    enforceUniqueValues: Boolean(column.unique),
    ...type,
  };
}

/** The Graph body that creates a list with all its columns. */
export function listDefinition(list: ListSpec): Record<string, unknown> {
  return {
    displayName: list.name,
    description: list.description,
    list: { template: 'genericList' },
    columns: list.columns.map(columnDefinition),
  };
}

/** The column type a Graph columnDefinition describes, or null when it is none of ours. */
export function columnTypeOf(definition: Record<string, unknown>): ColumnType | null {
  if (definition.number) return 'number';
  const t = definition.text as { allowMultipleLines?: boolean } | undefined;
  if (t) return t.allowMultipleLines ? 'note' : 'text';
  return null;
}
