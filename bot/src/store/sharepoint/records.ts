import type {
  Acta,
  AuditEntry,
  Commitment,
  Plenaria,
  CheckIn,
  InstitutionalObjective,
  KeyResult,
  MonthReview,
  Objective,
  OkrSet,
  OkrSetState,
  Person,
  QuarterId,
  RoleAssignment,
  Unit,
} from '@okr/core';
import { actaState, quarterOf, reminderKeyString, type ReminderKey, type ReminderKind } from '@okr/core';
import type { CardMessage, ReminderLogEntry, ReminderSnooze, SetEvent } from '../Store.js';
import { NOTE_MAX, TEXT_MAX } from './schema.js';

/**
 * Domain objects ↔ SharePoint list item `fields`. SharePoint stores an empty text as no value and
 * leaves empty fields out of `fields`, so reading turns a missing text back into '' (or null where
 * the domain allows null) and a missing number into null.
 */

export type Fields = Record<string, unknown>;

const str = (f: Fields, name: string): string => (typeof f[name] === 'string' ? (f[name] as string) : f[name] === undefined || f[name] === null ? '' : String(f[name]));
const strOrNull = (f: Fields, name: string): string | null => {
  const v = str(f, name);
  return v === '' ? null : v;
};
const num = (f: Fields, name: string): number => Number(f[name] ?? 0);
const numOrNull = (f: Fields, name: string): number | null => (f[name] === undefined || f[name] === null || f[name] === '' ? null : Number(f[name]));

/** Title is single-line text: a shortened copy of a longer text, for SharePoint's own views. */
export function title(text: string): string {
  return text.length <= TEXT_MAX ? text : `${text.slice(0, TEXT_MAX - 1)}…`;
}

export const unitQuarterKey = (unitId: string, quarter: QuarterId): string => `${unitId}|${quarter}`;
export const checkInKey = (keyResultId: string, period: string): string => `${keyResultId}|${period}`;
export const monthReviewKey = (unitId: string, period: string): string => `${unitId}|${period}`;
export const roleKey = (r: RoleAssignment): string => `${r.personId}|${r.role}|${r.unitId ?? '*'}`;

export const unitFields = (u: Unit): Fields => ({ RecordKey: u.id, Title: title(u.name), Kind: u.kind, Level: u.level, ParentId: u.parentId });
export const toUnit = (f: Fields): Unit => ({
  id: str(f, 'RecordKey'),
  name: str(f, 'Title'),
  kind: str(f, 'Kind') as Unit['kind'],
  level: str(f, 'Level') as Unit['level'],
  parentId: strOrNull(f, 'ParentId'),
});

export const personFields = (p: Person): Fields => ({
  RecordKey: p.id,
  Title: title(p.name),
  AadObjectId: p.aadObjectId,
  AadKey: p.aadObjectId.toLowerCase(),
  Email: p.email,
  JobTitle: p.jobTitle,
});
export const toPerson = (f: Fields): Person => ({
  id: str(f, 'RecordKey'),
  aadObjectId: str(f, 'AadObjectId'),
  name: str(f, 'Title'),
  email: str(f, 'Email'),
  jobTitle: str(f, 'JobTitle'),
});

export const roleFields = (r: RoleAssignment): Fields => ({ RecordKey: roleKey(r), Title: title(roleKey(r)), PersonId: r.personId, Role: r.role, UnitId: r.unitId });
export const toRole = (f: Fields): RoleAssignment => ({ personId: str(f, 'PersonId'), role: str(f, 'Role') as RoleAssignment['role'], unitId: strOrNull(f, 'UnitId') });

export const institutionalObjectiveFields = (o: InstitutionalObjective): Fields => ({ RecordKey: o.id, Title: title(o.title), Code: o.code, Statement: o.title });
export const toInstitutionalObjective = (f: Fields): InstitutionalObjective => ({ id: str(f, 'RecordKey'), code: str(f, 'Code'), title: str(f, 'Statement') });

export const setFields = (s: OkrSet): Fields => ({
  RecordKey: s.id,
  Title: title(`${s.unitId} ${s.quarter}`),
  UnitQuarter: unitQuarterKey(s.unitId, s.quarter),
  Quarter: s.quarter,
  UnitId: s.unitId,
  State: s.state,
  InstitutionalObjectiveId: s.institutionalObjectiveId,
  SetVersion: s.version,
});
export const toSet = (f: Fields): OkrSet => ({
  id: str(f, 'RecordKey'),
  unitId: str(f, 'UnitId'),
  quarter: str(f, 'Quarter') as QuarterId,
  state: str(f, 'State') as OkrSet['state'],
  institutionalObjectiveId: str(f, 'InstitutionalObjectiveId'),
  version: num(f, 'SetVersion'),
});

export const setEventFields = (key: string, e: Omit<SetEvent, 'id'>): Fields => ({
  RecordKey: key,
  IdempotencyKey: key,
  Title: title(`${e.action} ${e.setId}`),
  SetId: e.setId,
  At: e.at,
  ActorId: e.actorId,
  EventAction: e.action,
  FromState: e.fromState,
  ToState: e.toState,
  SetVersion: e.setVersion,
  EventComment: e.comment,
});
export const toSetEvent = (id: number, f: Fields): SetEvent => ({
  id,
  setId: str(f, 'SetId'),
  at: str(f, 'At'),
  actorId: str(f, 'ActorId'),
  action: str(f, 'EventAction') as SetEvent['action'],
  fromState: str(f, 'FromState') as OkrSetState,
  toState: str(f, 'ToState') as OkrSetState,
  setVersion: num(f, 'SetVersion'),
  comment: strOrNull(f, 'EventComment'),
});

export const cardMessageKey = (c: Pick<CardMessage, 'subjectId' | 'purpose' | 'personId'>): string => `${c.subjectId}|${c.purpose}|${c.personId}`;
export const cardMessageFields = (c: CardMessage, at: string): Fields => ({
  RecordKey: cardMessageKey(c),
  Title: title(cardMessageKey(c)),
  SubjectId: c.subjectId,
  Purpose: c.purpose,
  PersonId: c.personId,
  ActivityId: c.activityId,
  Reference: JSON.stringify(c.reference),
  At: at,
});
export const toCardMessage = (f: Fields): CardMessage => ({
  subjectId: str(f, 'SubjectId'),
  purpose: str(f, 'Purpose'),
  personId: str(f, 'PersonId'),
  activityId: str(f, 'ActivityId'),
  reference: JSON.parse(str(f, 'Reference') || 'null'),
});

/** Objectives and key results carry their set's unit and quarter, denormalised for the indexed filters. */
export interface SetPlace {
  unitId: string;
  quarter: QuarterId;
}

export const objectiveFields = (o: Objective, place: SetPlace): Fields => ({
  RecordKey: o.id,
  Title: title(o.title),
  UnitQuarter: unitQuarterKey(place.unitId, place.quarter),
  Quarter: place.quarter,
  SetId: o.setId,
  ParentId: o.parentId,
  Level: o.level,
  Statement: o.title,
  SortOrder: o.order,
  Weight: o.weight ?? null,
});
export const toObjective = (f: Fields): Objective => ({
  id: str(f, 'RecordKey'),
  setId: str(f, 'SetId'),
  parentId: strOrNull(f, 'ParentId'),
  level: str(f, 'Level') as Objective['level'],
  title: str(f, 'Statement'),
  order: num(f, 'SortOrder'),
  weight: numOrNull(f, 'Weight'),
});

export const keyResultFields = (k: KeyResult, place: SetPlace): Fields => ({
  RecordKey: k.id,
  Title: title(k.title),
  UnitQuarter: unitQuarterKey(place.unitId, place.quarter),
  Quarter: place.quarter,
  SetId: k.setId,
  ObjectiveId: k.objectiveId,
  Statement: k.title,
  Kind: k.kind,
  UnitOfMeasure: k.unitOfMeasure,
  Baseline: k.baseline,
  Target: k.target,
  Direction: k.direction,
  OwnerId: k.ownerId,
  SortOrder: k.order,
  Weight: k.weight ?? null,
});
export const toKeyResult = (f: Fields): KeyResult => ({
  id: str(f, 'RecordKey'),
  setId: str(f, 'SetId'),
  objectiveId: str(f, 'ObjectiveId'),
  title: str(f, 'Statement'),
  kind: str(f, 'Kind') as KeyResult['kind'],
  unitOfMeasure: str(f, 'UnitOfMeasure'),
  baseline: num(f, 'Baseline'),
  target: num(f, 'Target'),
  direction: str(f, 'Direction') as KeyResult['direction'],
  ownerId: strOrNull(f, 'OwnerId'),
  order: num(f, 'SortOrder'),
  weight: numOrNull(f, 'Weight'),
});

export const checkInFields = (c: CheckIn): Fields => {
  const quarter = quarterOf(`${c.period}-01`);
  return {
    RecordKey: checkInKey(c.keyResultId, c.period),
    Title: title(`${c.keyResultId} ${c.period}`),
    UnitQuarter: unitQuarterKey(c.unitId, quarter),
    Quarter: quarter,
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
};
export const toCheckIn = (f: Fields): CheckIn => ({
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

export const monthReviewFields = (r: MonthReview): Fields => ({
  RecordKey: monthReviewKey(r.unitId, r.period),
  Title: title(`${r.unitId} ${r.period}`),
  UnitId: r.unitId,
  Period: r.period,
  State: r.state,
  ActorId: r.actorId,
  ReviewedAt: r.at,
  ReviewNote: r.note,
});
export const toMonthReview = (f: Fields): MonthReview => ({
  unitId: str(f, 'UnitId'),
  period: str(f, 'Period'),
  state: str(f, 'State') as MonthReview['state'],
  actorId: str(f, 'ActorId'),
  at: str(f, 'ReviewedAt'),
  note: strOrNull(f, 'ReviewNote'),
});

/** JSON for a multi-line text column, refused with a clear message when SharePoint could not hold it. */
function noteJson(value: unknown, what: string): string {
  const json = JSON.stringify(value);
  if (json.length > NOTE_MAX) throw new Error(`${what}: ${json.length} caracteres, más de los ${NOTE_MAX} que admite una columna de texto de SharePoint`);
  return json;
}

export const plenariaFields = (p: Plenaria): Fields => ({
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
});
export const toPlenaria = (f: Fields): Plenaria => ({
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
});

/** An acta version's key: `${plenariaId}#${version}` (also its audit entity id). */
export const actaKey = (plenariaId: string, version: number): string => `${plenariaId}#${version}`;

/** Actas carry their plenaria's quarter and unit, denormalised for the indexed filters. */
export type PlenariaPlace = Pick<Plenaria, 'unitId' | 'date'>;

export const actaFields = (a: Acta, plenaria: PlenariaPlace): Fields => ({
  RecordKey: actaKey(a.plenariaId, a.version),
  Title: title(`Acta ${a.plenariaId} v${a.version}`),
  PlenariaId: a.plenariaId,
  Quarter: quarterOf(plenaria.date),
  UnitId: plenaria.unitId,
  ActaVersion: a.version,
  RecordRevision: a.revision,
  ActaState: actaState(a.signatures),
  Draft: noteJson(a.draft, `acta ${actaKey(a.plenariaId, a.version)}`),
  OkrResults: noteJson(a.okrResults, `resultados del acta ${actaKey(a.plenariaId, a.version)}`),
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
export const toActa = (f: Fields): Acta => {
  const sentOn = strOrNull(f, 'SentToOapOn');
  return {
    plenariaId: str(f, 'PlenariaId'),
    version: num(f, 'ActaVersion'),
    revision: num(f, 'RecordRevision'),
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
export interface ActaFileRecord {
  plenariaId: string;
  version: number;
  fileName: string;
  folderPath: string;
  driveItemId: string;
  size: number;
  savedBy: string;
  savedAt: string;
}
export const actaFileFields = (r: ActaFileRecord): Fields => ({
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
export const toActaFileRecord = (f: Fields): ActaFileRecord => ({
  plenariaId: str(f, 'PlenariaId'),
  version: num(f, 'ActaVersion'),
  fileName: str(f, 'FileName'),
  folderPath: str(f, 'FolderPath'),
  driveItemId: str(f, 'DriveItemId'),
  size: num(f, 'SizeBytes'),
  savedBy: str(f, 'SavedBy'),
  savedAt: str(f, 'SavedAt'),
});

export const commitmentFields = (c: Commitment): Fields => ({
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
  RecordRevision: c.revision,
  CreatedAt: c.createdAt,
  UpdatedAt: c.updatedAt,
});
export const toCommitment = (f: Fields): Commitment => ({
  id: str(f, 'RecordKey'),
  plenariaId: str(f, 'PlenariaId'),
  unitId: strOrNull(f, 'UnitId'),
  task: str(f, 'Task'),
  ownerId: str(f, 'OwnerId'),
  due: str(f, 'Due'),
  status: str(f, 'CommitmentStatus') as Commitment['status'],
  notes: JSON.parse(str(f, 'FollowUp') || '[]'),
  impact: strOrNull(f, 'Impact'),
  revision: num(f, 'RecordRevision'),
  createdAt: str(f, 'CreatedAt'),
  updatedAt: str(f, 'UpdatedAt'),
});

export interface AuditDraft {
  at: string;
  actorId: string;
  entity: string;
  entityId: string;
  action: AuditEntry['action'];
  before: unknown;
  after: unknown;
}

export const auditFields = (key: string, a: AuditDraft): Fields => {
  const month = a.at.slice(0, 7);
  return {
    RecordKey: key,
    IdempotencyKey: key,
    Title: title(`${a.action} ${a.entity} ${a.entityId}`),
    At: a.at,
    ActorId: a.actorId,
    Entity: a.entity,
    EntityId: a.entityId,
    AuditAction: a.action,
    Before: a.before === null || a.before === undefined ? null : JSON.stringify(a.before),
    After: a.after === null || a.after === undefined ? null : JSON.stringify(a.after),
    Month: month,
    EntityMonth: `${a.entity}|${month}`,
  };
};
export const toAudit = (id: number, f: Fields): AuditEntry => {
  const before = str(f, 'Before');
  const after = str(f, 'After');
  return {
    id,
    at: str(f, 'At'),
    actorId: str(f, 'ActorId'),
    entity: str(f, 'Entity'),
    entityId: str(f, 'EntityId'),
    action: str(f, 'AuditAction') as AuditEntry['action'],
    before: before === '' ? null : JSON.parse(before),
    after: after === '' ? null : JSON.parse(after),
  };
};

/** Whether the stored fields already hold these values (SharePoint's empty = null = ''). */
export function sameFields(stored: Fields, wanted: Fields): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
  return Object.entries(wanted).every(([k, v]) => norm(stored[k]) === norm(v));
}

export const reminderLogFields = (e: Omit<ReminderLogEntry, 'key'>): Fields => {
  const key = reminderKeyString(e);
  return {
    RecordKey: key,
    Title: title(key),
    Kind: e.kind,
    PersonId: e.personId,
    Subject: e.subject,
    Period: e.period,
    Step: e.step,
    State: e.state,
    Owner: e.owner,
    ClaimedAt: e.claimedAt,
    SentAt: e.sentAt,
    ErrorText: e.error,
    Attempts: e.attempts,
  };
};
export const toReminderLog = (f: Fields): ReminderLogEntry => ({
  key: str(f, 'RecordKey'),
  kind: str(f, 'Kind') as ReminderKind,
  personId: str(f, 'PersonId'),
  subject: str(f, 'Subject'),
  period: str(f, 'Period'),
  step: num(f, 'Step'),
  state: str(f, 'State') as ReminderLogEntry['state'],
  owner: str(f, 'Owner'),
  claimedAt: str(f, 'ClaimedAt'),
  sentAt: strOrNull(f, 'SentAt'),
  error: strOrNull(f, 'ErrorText'),
  attempts: num(f, 'Attempts'),
});

export const snoozeFields = (key: ReminderKey, until: string, count: number): Fields => ({
  RecordKey: reminderKeyString(key),
  Title: title(reminderKeyString(key)),
  Kind: key.kind,
  PersonId: key.personId,
  Subject: key.subject,
  Period: key.period,
  Step: key.step,
  Until: until,
  SnoozeCount: count,
});
export const toSnooze = (f: Fields): ReminderSnooze => ({
  key: { kind: str(f, 'Kind') as ReminderKind, personId: str(f, 'PersonId'), subject: str(f, 'Subject'), period: str(f, 'Period'), step: num(f, 'Step') },
  until: str(f, 'Until'),
  count: num(f, 'SnoozeCount'),
});
