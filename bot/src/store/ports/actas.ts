import type { Acta, Commitment, Plenaria, QuarterId } from '@okr/core';

/** Plenarias already held or scheduled (demo data), with their actas' versions and tracked commitments. */
export interface ActasSeed {
  plenarias?: Plenaria[];
  actas?: Acta[];
  commitments?: Commitment[];
}

/** What a write of an acta does, as the audit trail names it. */
export type ActaAction = 'create' | 'edit' | 'snapshot' | 'sign' | 'send_oap' | 'correct' | 'file' | 'reschedule' | 'cancel';

/**
 * A plenaria moved or cancelled: `after` replaces `before` only if the stored plenaria is still
 * `before` (else ConflictError: someone changed it meanwhile). Its actas follow it (they are
 * listed by its new quarter). Audited with before, after, the action and the reason.
 */
export interface PlenariaUpdate {
  actorId: string;
  action: 'reschedule' | 'cancel';
  reason: string;
  before: Plenaria;
  after: Plenaria;
}

/**
 * Writes one document version of an acta: `expectedVersion` null creates it (ConflictError if that
 * document version exists); otherwise it replaces it only if it is still at `expectedVersion` (else
 * ConflictError — a stale edit) and stores it with `version = expectedVersion + 1`. Audited with before and after.
 */
export interface ActaWrite {
  actorId: string;
  action: ActaAction;
  acta: Acta;
  expectedVersion: number | null;
}

/** The signed .docx stored with its acta (in SharePoint, a file in the unit's folder of the `ActasOKR` library). */
export interface ActaFile {
  plenariaId: string;
  documentVersion: number;
  fileName: string;
  bytes: Buffer;
}

/** Plenarias, the versions of their actas with the signed files, and the commitments they bring. */
export interface ActasPort {
  /** Schedules a plenaria (or dialogue session); ConflictError if the id exists. Audited. */
  createPlenaria(plenaria: Plenaria, actorId: string): Promise<void>;
  getPlenaria(id: string): Promise<Plenaria | null>;
  updatePlenaria(update: PlenariaUpdate): Promise<void>;
  /** Plenarias whose date falls in any of the quarters, and/or of one unit; sorted by date, then start time. */
  listPlenarias(filter: { quarters?: readonly QuarterId[]; unitId?: string }): Promise<Plenaria[]>;
  /** Every version of the plenarias' actas, oldest version first. */
  listActas(filter: { plenariaIds?: readonly string[]; quarters?: readonly QuarterId[]; unitId?: string }): Promise<Acta[]>;
  writeActa(write: ActaWrite): Promise<Acta>;
  /** Stores (or replaces) the .docx of an acta version. */
  saveActaFile(file: ActaFile, actorId: string): Promise<void>;
  getActaFile(plenariaId: string, version: number): Promise<ActaFile | null>;

  /** Commitments by owner, plenaria or unit (any given filter must match), soonest due first. */
  listCommitments(filter: { ownerId?: string; plenariaId?: string; unitId?: string }): Promise<Commitment[]>;
  /**
   * Creates the commitments an acta's signing brings into the tracker, or updates one: `expectedVersion`
   * null creates (ConflictError if the id exists); otherwise compare-and-set on `version` as for actas.
   * All or nothing; audited.
   */
  writeCommitments(writes: ReadonlyArray<{ commitment: Commitment; expectedVersion: number | null }>, actorId: string): Promise<Commitment[]>;
}
