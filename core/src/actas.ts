import type { IsoDate, QuarterId, Unit } from './types.js';
import { addBusinessDays, isWithinFirstBusinessDays, nthBusinessDayFrom } from './calendar.js';
import { quarterOf } from './quarter.js';
import { msg } from './i18n/es-CO.js';

/**
 * Plenarias and their actas (seed 000, activities 8–9; seed 004 for dialogue sessions).
 * A plenaria menor is held once a quarter in every unit; a plenaria mayor twice a year, within the
 * first 20 business days of the semester; a "diálogo" ("Un café con el Secretario") monthly. Every
 * plenaria has an acta (GDI-GPD-F029) signed by the presiding líder and a designated secretary; a
 * copy goes to the OAP within 8 business days. A "validación" is the OAP's quarterly session where
 * the producers of the published figures validate them (seed 003); its acta lists what was validated.
 */
export type PlenariaKind = 'menor' | 'mayor' | 'dialogo' | 'validacion';
export type Modality = 'presencial' | 'virtual' | 'mixta';

export const OAP_COPY_BUSINESS_DAYS = 8;
export const MAYOR_WINDOW_BUSINESS_DAYS = 20;

export interface Plenaria {
  id: string;
  kind: PlenariaKind;
  /** The unit (menor, or a subsecretaría's mayor); null for the entity-wide plenaria mayor, dialogue and validation sessions. */
  unitId: string | null;
  date: IsoDate;
  /** "09:00", Bogotá time. */
  startTime: string;
  modality: Modality;
  /** Place, or the meeting link for virtual and mixed ones. */
  location: string;
  /** Who presides (the unit's líder; the Secretario/a for the entity's plenaria mayor and dialogues) and signs. */
  presidingId: string;
  /** The designated secretary, who writes and signs the acta. */
  secretaryId: string;
  createdBy: string;
  createdAt: string;
  /** Its cancellation — who, when, why — or null/absent while it stands. The acta of a cancelled plenaria is closed. */
  cancelled?: PlenariaChange | null;
  /** The last time it was moved: from which date and time, who, when, why (every move is in the audit trail). */
  rescheduled?: (PlenariaChange & { fromDate: IsoDate; fromStartTime: string }) | null;
}

/** Who changed a plenaria, when (ISO instant) and why. */
export interface PlenariaChange {
  at: string;
  by: string;
  reason: string;
}

/** A recognition (CFR) to a person of the directory or to a team, with its reason. */
export interface Recognition {
  id: string;
  /** A person of the directory… */
  personId: string | null;
  /** …or a team, by name ("Equipo de atención a la ciudadanía"). */
  team: string | null;
  reason: string;
}

/** A commitment as the acta records it (task, owner, due date); tracked as a `Commitment` once signed. */
export interface ActaCommitment {
  /** Stable within the acta and its corrections, so the tracker keeps its follow-up across versions. */
  id: string;
  task: string;
  ownerId: string;
  due: IsoDate;
}

/** What the people writing the acta edit (format GDI-GPD-F029): everything but the frozen OKR results. */
export interface ActaDraft {
  startTime: string;
  endTime: string;
  objective: string;
  /** People of the directory who attended. */
  attendeeIds: string[];
  /** Guests from outside the directory, by name (and entity). */
  guests: string[];
  agenda: string[];
  development: string;
  /** Proposals raised (dialogue sessions, instead of OKR results). */
  proposals: string[];
  conversations: string;
  feedback: string;
  recognitions: Recognition[];
  decisions: string[];
  commitments: ActaCommitment[];
}

/** One row of the unit's OKR results as reviewed: frozen when the acta is written. */
export interface OkrResultRow {
  objective: string;
  keyResult: string;
  progress: string;
  status: string;
}

/**
 * One document version of a plenaria's acta. Document version 1 is written during or after the
 * plenaria; once both have signed it never changes, and a correction is document version 2 (which
 * keeps 1). `version` is the compare-and-set counter, as on every record: it goes up with every
 * write, and a save based on an older one is refused (stale edit).
 */
export interface Acta {
  plenariaId: string;
  documentVersion: number;
  version: number;
  draft: ActaDraft;
  /** The unit's OKR results at the plenaria's date (empty for entity-wide plenarias and dialogues); a validation session's validated figures (`ACTA_RESULTS`). */
  okrResults: OkrResultRow[];
  /** When the OKR results were frozen (ISO instant). */
  snapshotAt: string;
  signatures: ActaSignatures;
  /** The copy sent to the OAP: the day (Bogotá) and who recorded it. */
  sentToOap: { on: IsoDate; by: string } | null;
  /** Name of the signed .docx stored with the acta (null until both have signed). */
  fileName: string | null;
  /** Why this version corrects the previous one (null for version 1). */
  correctionReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export type CommitmentStatus = 'abierto' | 'en_curso' | 'cumplido' | 'cancelado';

export interface CommitmentNote {
  at: string;
  by: string;
  text: string;
}

/** A commitment followed up across actas and dialogue sessions (seed 004: follow-up and impact). */
export interface Commitment {
  /** `${plenariaId}:${actaCommitmentId}` */
  id: string;
  plenariaId: string;
  /** The plenaria's unit (null for entity-wide ones). */
  unitId: string | null;
  task: string;
  ownerId: string;
  due: IsoDate;
  status: CommitmentStatus;
  notes: CommitmentNote[];
  /** What came of it, required to close it as «cumplido». */
  impact: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What an acta records (format GDI-GPD-F029, "Evidencia de reunión"), resolved to names for the .docx. */
export interface ActaContent {
  plenaria: Pick<Plenaria, 'id' | 'kind' | 'unitId' | 'date' | 'modality' | 'location'>;
  /** The unit's name, or "Secretaría Distrital de Gobierno" for an entity-wide plenaria mayor. */
  unitName: string;
  startTime: string;
  endTime: string;
  objective: string;
  attendees: Array<{ name: string; role: string }>;
  guests: string[];
  agenda: string[];
  development: string;
  /** The unit's OKR results as reviewed, frozen at the plenaria's date (plenarias menores). */
  okrResults: OkrResultRow[];
  /** Proposals raised (dialogue sessions). */
  proposals: string[];
  cfr: { conversations: string; feedback: string; recognitions: Array<{ to: string; reason: string }> };
  decisions: string[];
  commitments: Array<{ task: string; owner: string; due: IsoDate }>;
  presiding: { name: string; title: string };
  secretary: { name: string; title: string };
  documentVersion: number;
}

export type SignatureRole = 'secretary' | 'presiding';

export interface ActaSignatures {
  secretary: { personId: string; at: string } | null;
  presiding: { personId: string; at: string } | null;
}

export type ActaState = 'draft' | 'partially_signed' | 'signed';

/** An acta is immutable once both have signed; a correction is a new version. */
export function actaState(signatures: ActaSignatures): ActaState {
  if (signatures.secretary && signatures.presiding) return 'signed';
  return signatures.secretary || signatures.presiding ? 'partially_signed' : 'draft';
}

export type SignResult = { ok: true; signatures: ActaSignatures } | { ok: false; message: string };

/** Signs one part: only the designated person, once, and never after the acta is complete. */
export function sign(
  signatures: ActaSignatures,
  part: SignatureRole,
  designated: { secretaryId: string; presidingId: string },
  personId: string,
  at: string,
): SignResult {
  if (actaState(signatures) === 'signed') return { ok: false, message: msg.actas.alreadySigned };
  const designee = part === 'secretary' ? designated.secretaryId : designated.presidingId;
  if (designee !== personId) {
    return { ok: false, message: part === 'secretary' ? msg.actas.onlySecretary : msg.actas.onlyPresiding };
  }
  if (signatures[part]) return { ok: false, message: msg.actas.signedTwice };
  return { ok: true, signatures: { ...signatures, [part]: { personId, at } } };
}

/** The last day to send the OAP its copy: 8 business days after the plenaria. */
export function oapDeadline(plenariaDate: IsoDate): IsoDate {
  return addBusinessDays(plenariaDate, OAP_COPY_BUSINESS_DAYS);
}

export type OapCopyStatus = 'a_tiempo' | 'vencida' | 'pendiente';

/**
 * Where an acta's copy to the OAP stands: sent by the deadline (a tiempo), not sent yet but still in
 * time (pendiente), or late — sent after the deadline or still missing once it passed (vencida).
 */
export function oapCopyStatus(plenariaDate: IsoDate, sentOn: IsoDate | null, today: IsoDate): OapCopyStatus {
  const due = oapDeadline(plenariaDate);
  if (sentOn) return sentOn <= due ? 'a_tiempo' : 'vencida';
  return today <= due ? 'pendiente' : 'vencida';
}

/** The semester (January–June, July–December) a date falls in, by its first day. */
export function semesterStart(date: IsoDate): IsoDate {
  return `${date.slice(0, 4)}-${Number(date.slice(5, 7)) <= 6 ? '01' : '07'}-01`;
}

export interface PlenariaWarning {
  code: 'mayor_outside_window' | 'unit_without_menor';
  unitId?: string;
  message: string;
}

/** A plenaria mayor must fall within the first 20 business days of its semester. */
export function mayorWindowWarning(date: IsoDate): PlenariaWarning | null {
  const start = semesterStart(date);
  if (isWithinFirstBusinessDays(date, start, MAYOR_WINDOW_BUSINESS_DAYS)) return null;
  const last = nthBusinessDayFrom(start, MAYOR_WINDOW_BUSINESS_DAYS);
  return {
    code: 'mayor_outside_window',
    message: msg.actas.mayorOutsideWindow(MAYOR_WINDOW_BUSINESS_DAYS, last),
  };
}

/** Units with no plenaria menor scheduled or held in a quarter. */
export function unitsWithoutMenor(quarter: QuarterId, units: readonly Unit[], plenarias: ReadonlyArray<Pick<Plenaria, 'kind' | 'unitId' | 'date'>>): PlenariaWarning[] {
  const covered = new Set(plenarias.filter((p) => p.kind === 'menor' && quarterOf(p.date) === quarter).map((p) => p.unitId));
  return units
    .filter((u) => !covered.has(u.id))
    .map((u) => ({ code: 'unit_without_menor' as const, unitId: u.id, message: msg.actas.noMenor(u.name) }));
}
