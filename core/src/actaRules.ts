import type { CheckIn, InstitutionalObjective, IsoDate, OkrSetBundle, RoleAssignment, Unit } from './types.js';
import type { OkrTreeView } from './tree.js';
import {
  actaState,
  mayorWindowWarning,
  type Acta,
  type ActaContent,
  type ActaDraft,
  type Commitment,
  type CommitmentStatus,
  type Modality,
  type OkrResultRow,
  type Plenaria,
  type PlenariaKind,
  type PlenariaWarning,
  type SignatureRole,
} from './actas.js';
import { bogotaDate, isCalendarDate, periodOf, quarterOf } from './quarter.js';
import { bogotaClock } from './reminders.js';
import { buildTree } from './tree.js';
import { formatPercent } from './progress.js';
import { statusLabels, msg } from './i18n/es-CO.js';

/**
 * The rules of writing, signing, correcting and following up an acta (seed 000, activity 9;
 * seed 004 for commitments). Pure: the service passes what the store holds and writes what comes back.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const isHttps = (s: string): boolean => {
  try {
    return new URL(s).protocol === 'https:';
  } catch {
    return false;
  }
};

/** Who may write a plenaria's acta before it is signed: the unit's enlaces and líderes, the secretary, who presides. */
export function canEditActa(personId: string, roles: readonly RoleAssignment[], plenaria: Plenaria): boolean {
  if (personId === plenaria.secretaryId || personId === plenaria.presidingId) return true;
  return plenaria.unitId !== null && roles.some((r) => r.personId === personId && r.unitId === plenaria.unitId && (r.role === 'enlace' || r.role === 'lider'));
}

/**
 * Who may schedule a plenaria of this kind for this unit (null: entity-wide): a plenaria menor, the
 * unit's enlace or líder; a plenaria mayor, the entity's organisers (Despacho, OAP, ETI) — and for a
 * subsecretaría's own, its enlace or líder too (an alcaldía holds no plenaria mayor of its own); a
 * dialogue session, the entity's organisers; a validation session of the figures, the OAP.
 */
export function canSchedule(roles: readonly RoleAssignment[], kind: PlenariaKind, unit: Pick<Unit, 'id' | 'level'> | null): boolean {
  const entityOrganisers = roles.some((r) => r.unitId === null && (r.role === 'secretario' || r.role === 'oap' || r.role === 'eti'));
  if (kind === 'validacion') return roles.some((r) => r.unitId === null && r.role === 'oap');
  if (kind === 'dialogo' || unit === null) return entityOrganisers;
  const ofUnit = roles.some((r) => r.unitId === unit.id && (r.role === 'enlace' || r.role === 'lider'));
  if (kind === 'menor') return ofUnit;
  return entityOrganisers || (ofUnit && unit.level === 'subsecretaria');
}

/**
 * Whether this person may preside this plenaria, from their roles: a plenaria menor, the unit's
 * líder; a subsecretaría's plenaria mayor, its líder or the Secretario/a; the entity's plenaria
 * mayor and the dialogue sessions, the Secretario/a (seed 000, activity 8.1; seed 004); a
 * validation session of the figures, the OAP — `unit` is then the OAP's office, whose líder (the
 * jefe/a) presides, or someone holding the OAP role, or the Secretario/a (seed 003). Who presides
 * signs the acta: a member presiding would make an acta «firmada» without the líder.
 */
export function presidingProblem(kind: PlenariaKind, unit: Pick<Unit, 'id' | 'name'> | null, presidingRoles: readonly RoleAssignment[], presidingName: string): string | null {
  const secretario = presidingRoles.some((r) => r.role === 'secretario' && r.unitId === null);
  const leads = unit !== null && presidingRoles.some((r) => r.role === 'lider' && r.unitId === unit.id);
  if (kind === 'menor') return leads ? null : msg.actas.presidingMustLead(presidingName, unit?.name ?? '');
  if (kind === 'validacion') return leads || secretario || presidingRoles.some((r) => r.role === 'oap' && r.unitId === null) ? null : msg.actas.presidingMustBeOap(presidingName);
  if (unit !== null) return leads || secretario ? null : msg.actas.presidingMustLeadOrSecretario(presidingName, unit.name);
  return secretario ? null : msg.actas.presidingMustBeSecretario(presidingName);
}

export const isCancelled = (p: Pick<Plenaria, 'cancelled'>): boolean => !!p.cancelled;

/**
 * What is wrong with a plenaria as stored, if anything: a date that does not exist (stored before
 * dates were checked at the edge) or a time that is not one. Lists and reminder runs skip such a
 * row — logged, and listed apart so who may can reschedule or cancel it — instead of failing for all.
 */
export function storedPlenariaProblem(p: Pick<Plenaria, 'date' | 'startTime'>): string | null {
  if (!isCalendarDate(p.date)) return msg.actas.storedBadDate(p.date);
  if (!TIME.test(p.startTime)) return msg.actas.badTime(p.startTime);
  return null;
}

/**
 * May this plenaria be rescheduled or cancelled by who may schedule it? Not once cancelled, and not
 * once its acta is signed by both (the plenaria was held: a correction of the acta is the way).
 */
export function mayChangePlenaria(plenaria: Plenaria, latest: Acta | null, mayScheduleIt: boolean): { ok: true } | { ok: false; message: string; code: 'forbidden' | 'conflict' } {
  if (!mayScheduleIt) return { ok: false, code: 'forbidden', message: msg.actas.cannotChange };
  if (plenaria.cancelled) return { ok: false, code: 'conflict', message: msg.actas.alreadyCancelled(plenaria.cancelled.reason) };
  if (latest && actaState(latest.signatures) === 'signed') return { ok: false, code: 'conflict', message: msg.actas.changeSigned };
  return { ok: true };
}

export interface PlenariaCheck {
  errors: string[];
  warnings: PlenariaWarning[];
}

/**
 * Checks a plenaria before it is scheduled: what is wrong (nothing is saved) and what deserves a
 * warning (saved anyway): a plenaria mayor outside the first 20 business days of its semester, a
 * second plenaria menor for the unit in the quarter.
 */
export function checkPlenaria(
  input: { kind: PlenariaKind; unitId: string | null; date: IsoDate; startTime: string; modality: Modality; location: string; presidingId: string; secretaryId: string },
  existing: ReadonlyArray<Pick<Plenaria, 'kind' | 'unitId' | 'date' | 'cancelled'>>,
): PlenariaCheck {
  const errors: string[] = [];
  const m = msg.actas;
  if (input.kind === 'menor' && !input.unitId) errors.push(m.menorNeedsUnit);
  if (!isCalendarDate(input.date)) errors.push(m.badDate(input.date));
  if (!TIME.test(input.startTime)) errors.push(m.badTime(input.startTime));
  const location = input.location.trim();
  if (!location) errors.push(input.modality === 'presencial' ? m.placeRequired : m.linkRequired);
  // A mixed one has both: a place for who attends in person, a link for who joins online.
  else if (input.modality === 'mixta' && location.split(/\s+/).every((w) => w.includes('://'))) errors.push(m.placeRequired);
  else if (input.modality !== 'presencial' && !isHttps(location.split(/\s+/).find((w) => w.includes('://')) ?? location)) errors.push(m.linkHttps);
  if (input.presidingId === input.secretaryId) errors.push(m.sameSigner);
  const warnings: PlenariaWarning[] = [];
  if (errors.length === 0) {
    if (input.kind === 'mayor') {
      const w = mayorWindowWarning(input.date);
      if (w) warnings.push(w);
    }
    if (input.kind === 'menor' && existing.some((p) => p.kind === 'menor' && p.unitId === input.unitId && !p.cancelled && quarterOf(p.date) === quarterOf(input.date))) {
      warnings.push({ code: 'unit_without_menor', ...(input.unitId ? { unitId: input.unitId } : {}), message: m.secondMenor });
    }
  }
  return { errors, warnings };
}

const KIND_OBJECTIVE: Record<PlenariaKind, (unitName: string) => string> = {
  menor: (u) => `Revisar en equipo el avance de los OKR de ${u} en el trimestre, con conversaciones, retroalimentación y reconocimientos.`,
  mayor: () => 'Evaluar los resultados del semestre anterior y validar los nuevos OKR de las dependencias.',
  dialogo: () => 'Escuchar las propuestas del equipo en la sesión «Un café con el Secretario» y acordar compromisos.',
  validacion: () => 'Presentar y validar con los productores de información las cifras del periodo que se publican en el tablero y como datos abiertos.',
};

const KIND_AGENDA: Record<PlenariaKind, string[]> = {
  menor: ['Bienvenida y verificación de asistencia', 'Revisión del avance de los OKR del trimestre', 'Conversaciones, retroalimentación y reconocimientos', 'Compromisos y cierre'],
  mayor: ['Instalación por el Secretario/a', 'Balance del semestre anterior por dependencia', 'Validación de los nuevos OKR', 'Reconocimientos', 'Compromisos y cierre'],
  dialogo: ['Bienvenida', 'Propuestas de los participantes', 'Respuestas y acuerdos', 'Compromisos y cierre'],
  validacion: ['Bienvenida y verificación de asistencia', 'Presentación de las cifras del periodo por cada área productora', 'Validación de las cifras, tendencias y variaciones', 'Cierre del periodo y compromisos'],
};

/** The draft of a new acta, prefilled from the plenaria so the secretary starts from the usual agenda. */
export function newActaDraft(plenaria: Plenaria, unitName: string, attendeeIds: readonly string[]): ActaDraft {
  const [h, mm] = plenaria.startTime.split(':').map(Number) as [number, number];
  return {
    startTime: plenaria.startTime,
    endTime: `${String(Math.min(h + 2, 23)).padStart(2, '0')}:${String(mm).padStart(2, '0')}`,
    objective: KIND_OBJECTIVE[plenaria.kind](unitName),
    attendeeIds: [...new Set([plenaria.presidingId, plenaria.secretaryId, ...attendeeIds])],
    guests: [],
    agenda: [...KIND_AGENDA[plenaria.kind]],
    development: '',
    proposals: [],
    conversations: '',
    feedback: '',
    recognitions: [],
    decisions: [],
    commitments: [],
  };
}

/**
 * Has the plenaria started? Its date and start time, in Bogotá (America/Bogota, UTC−5 all year),
 * have passed. Until then its acta can be written but not signed, nor its copy sent to the OAP.
 */
export function plenariaHeld(plenaria: Pick<Plenaria, 'date' | 'startTime'>, now: Date): boolean {
  const { date, hour, minute } = bogotaClock(now);
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return date > plenaria.date || (date === plenaria.date && time >= plenaria.startTime);
}

/** Does this plenaria review a unit's OKR results as of its date (a unit's plenaria menor or mayor; not a dialogue session, nor a validation plenaria's figures)? */
export const reviewsOkr = (plenaria: Pick<Plenaria, 'kind' | 'unitId'>): boolean => (plenaria.kind === 'menor' || plenaria.kind === 'mayor') && plenaria.unitId !== null;

/**
 * The day an acta's OKR results are of: the plenaria's date, or the day they were taken when that
 * was before it (then they are provisional, and are taken again after the plenaria).
 */
export function okrResultsDate(plenariaDate: IsoDate, takenAt: Date | string): IsoDate {
  const taken = bogotaDate(typeof takenAt === 'string' ? new Date(takenAt) : takenAt);
  return taken < plenariaDate ? taken : plenariaDate;
}

/**
 * The unit's OKR results as of a day, as the tree showed them that day: the check-ins reported by
 * then (of months up to that one) against the progress expected that day — the same status rule
 * (`statusFor`) the tree and the dashboard use.
 */
export function okrResultsOn(args: { unit: Unit; date: IsoDate; bundle: OkrSetBundle | null; checkIns: readonly CheckIn[]; institutionalObjectives: readonly InstitutionalObjective[] }): OkrResultRow[] {
  const upTo = periodOf(args.date);
  const known = args.checkIns.filter((c) => c.period <= upTo && bogotaDate(new Date(c.createdAt)) <= args.date);
  return okrResultRows(buildTree({ unit: args.unit, quarter: quarterOf(args.date), asOf: args.date, bundle: args.bundle, checkIns: known, institutionalObjectives: args.institutionalObjectives }));
}

/**
 * Why an acta whose text is complete cannot go to signature yet, or null: the plenaria has not
 * started, or its OKR results were taken before the plenaria's date and must be taken again.
 */
export function signingClosed(plenaria: Plenaria, acta: Pick<Acta, 'snapshotAt'> | null, now: Date): string | null {
  if (!plenariaHeld(plenaria, now)) return msg.actas.notHeldYet(plenaria.date, plenaria.startTime);
  if (acta && reviewsOkr(plenaria) && okrResultsDate(plenaria.date, acta.snapshotAt) < plenaria.date) return msg.actas.resultsBeforePlenaria;
  return null;
}

/** The unit's OKR results as the acta freezes them: one row per key result, from the tree at the plenaria's date. */
export function okrResultRows(tree: OkrTreeView | null): OkrResultRow[] {
  if (!tree?.strategic) return [];
  const rows: OkrResultRow[] = [];
  for (const objective of [tree.strategic, ...tree.strategic.children]) {
    for (const kr of objective.keyResults) {
      rows.push({
        objective: objective.title,
        keyResult: kr.title,
        progress: kr.progress === null ? 'Sin reporte' : formatPercent(kr.progress),
        status: statusLabels[kr.status],
      });
    }
  }
  return rows;
}

/**
 * Checks a draft as it is saved: what cannot be stored (nothing is saved). `knownPeople`: ids of
 * the directory (attendees, recognitions and commitment owners must be in it).
 */
export function draftErrors(draft: ActaDraft, plenaria: Plenaria, knownPeople: ReadonlySet<string>): string[] {
  const m = msg.actas;
  const errors: string[] = [];
  for (const [t, label] of [[draft.startTime, 'inicio'], [draft.endTime, 'fin']] as const) if (!TIME.test(t)) errors.push(m.badTimeOf(label, t));
  if (TIME.test(draft.startTime) && TIME.test(draft.endTime) && draft.endTime <= draft.startTime) errors.push(m.endBeforeStart);
  const unknown = draft.attendeeIds.filter((id) => !knownPeople.has(id));
  if (unknown.length) errors.push(m.unknownPeople(unknown.join(', ')));
  draft.recognitions.forEach((r, i) => {
    const n = i + 1;
    if (!!r.personId === !!r.team?.trim()) errors.push(m.recognitionTarget(n));
    else if (r.personId && !knownPeople.has(r.personId)) errors.push(m.unknownPeople(r.personId));
    if (!r.reason.trim()) errors.push(m.recognitionReason(n));
  });
  const ids = new Set<string>();
  draft.commitments.forEach((c, i) => {
    const n = i + 1;
    if (ids.has(c.id)) errors.push(m.duplicateCommitment(n));
    ids.add(c.id);
    if (!c.task.trim()) errors.push(m.commitmentTask(n));
    if (!knownPeople.has(c.ownerId)) errors.push(m.commitmentOwner(n));
    if (!isCalendarDate(c.due)) errors.push(m.commitmentDue(n));
    else if (c.due < plenaria.date) errors.push(m.commitmentDueBefore(n, plenaria.date));
  });
  return errors;
}

/** What must be filled in before the acta can go to signature (empty: ready). */
export function missingForSignature(draft: ActaDraft, kind: PlenariaKind): string[] {
  const m = msg.actas.missing;
  const missing: string[] = [];
  if (!draft.objective.trim()) missing.push(m.objective);
  if (draft.attendeeIds.length === 0) missing.push(m.attendees);
  if (!draft.agenda.some((a) => a.trim())) missing.push(m.agenda);
  if (!draft.development.trim()) missing.push(m.development);
  if (kind === 'dialogo' && !draft.proposals.some((p) => p.trim())) missing.push(m.proposals);
  if (kind !== 'dialogo' && kind !== 'validacion' && !draft.conversations.trim() && !draft.feedback.trim() && draft.recognitions.length === 0) missing.push(m.cfr);
  return missing;
}

export type ActaDecision = { ok: true } | { ok: false; message: string };
const refuse = (message: string): ActaDecision => ({ ok: false, message });
const OK: ActaDecision = { ok: true };

/** May this person change the draft of this version now? Nobody edits a signed version. */
export function mayEdit(acta: Acta, editor: boolean, latestVersion: number): ActaDecision {
  if (!editor) return refuse(msg.actas.notEditor);
  if (acta.documentVersion !== latestVersion) return refuse(msg.actas.oldVersion(latestVersion));
  if (actaState(acta.signatures) === 'signed') return refuse(msg.actas.alreadySigned);
  return OK;
}

/** No signature yet; also what an edit leaves, since nobody signs a text that changed under them. */
export const UNSIGNED: Acta['signatures'] = Object.freeze({ secretary: null, presiding: null }) as Acta['signatures'];

/**
 * A short fingerprint of what the signers sign (the draft and the frozen OKR results, not the
 * signatures): a sign-off card carries it, so a card shown before an edit is refused while one
 * shown before the other party's signature still signs. FNV-1a over the JSON.
 */
export function actaContentKey(acta: Pick<Acta, 'draft' | 'okrResults' | 'documentVersion'>): string {
  const text = JSON.stringify([acta.documentVersion, acta.draft, acta.okrResults]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/** The parts this person may sign now. */
export function signableParts(acta: Acta | null, plenaria: Plenaria, personId: string, latestVersion: number): SignatureRole[] {
  if (!acta || acta.documentVersion !== latestVersion || actaState(acta.signatures) === 'signed') return [];
  const parts: SignatureRole[] = [];
  if (plenaria.secretaryId === personId && !acta.signatures.secretary) parts.push('secretary');
  if (plenaria.presidingId === personId && !acta.signatures.presiding) parts.push('presiding');
  return parts;
}

/** «Enviar a la OAP»: only a signed acta, by who may edit it, once per version. */
export function maySendToOap(acta: Acta, editor: boolean): ActaDecision {
  if (!editor) return refuse(msg.actas.notEditor);
  if (actaState(acta.signatures) !== 'signed') return refuse(msg.actas.sendUnsigned);
  if (acta.sentToOap) return refuse(msg.actas.alreadySent(acta.sentToOap.on));
  return OK;
}

/** A correction: a new version of the latest signed one, with a reason, by who may edit it. */
export function mayCorrect(acta: Acta, editor: boolean, latestVersion: number, reason: string): ActaDecision {
  if (!editor) return refuse(msg.actas.notEditor);
  if (acta.documentVersion !== latestVersion) return refuse(msg.actas.oldVersion(latestVersion));
  if (actaState(acta.signatures) !== 'signed') return refuse(msg.actas.correctUnsigned);
  if (!reason.trim()) return refuse(msg.actas.correctionReason);
  return OK;
}

/** The first OAP copy of any version counts for the deadline. */
export function firstSentOn(versions: readonly Acta[]): IsoDate | null {
  const days = versions.map((v) => v.sentToOap?.on).filter((d): d is IsoDate => !!d).sort();
  return days[0] ?? null;
}

/**
 * Commitments the signing of an acta brings into the tracker: new ones are created, changed ones
 * (a correction) updated keeping their follow-up, and ones the correction dropped are cancelled.
 */
export function commitmentWrites(
  acta: Acta,
  plenaria: Plenaria,
  tracked: readonly Commitment[],
  at: string,
  actorId: string,
): Array<{ commitment: Commitment; expectedVersion: number | null }> {
  const byId = new Map(tracked.map((c) => [c.id, c]));
  const writes: Array<{ commitment: Commitment; expectedVersion: number | null }> = [];
  const keep = new Set<string>();
  for (const c of acta.draft.commitments) {
    const id = `${plenaria.id}:${c.id}`;
    keep.add(id);
    const old = byId.get(id);
    if (!old) {
      writes.push({
        commitment: { id, plenariaId: plenaria.id, unitId: plenaria.unitId, task: c.task.trim(), ownerId: c.ownerId, due: c.due, status: 'abierto', notes: [], impact: null, version: 1, createdAt: at, updatedAt: at },
        expectedVersion: null,
      });
    } else if (old.task !== c.task.trim() || old.ownerId !== c.ownerId || old.due !== c.due) {
      const note = { at, by: actorId, text: msg.actas.commitmentChangedBy(acta.documentVersion) };
      writes.push({ commitment: { ...old, task: c.task.trim(), ownerId: c.ownerId, due: c.due, notes: [...old.notes, note], updatedAt: at }, expectedVersion: old.version });
    }
  }
  for (const old of tracked) {
    if (keep.has(old.id) || old.status === 'cancelado' || old.status === 'cumplido') continue;
    const note = { at, by: actorId, text: msg.actas.commitmentDroppedBy(acta.documentVersion) };
    writes.push({ commitment: { ...old, status: 'cancelado', notes: [...old.notes, note], updatedAt: at }, expectedVersion: old.version });
  }
  return writes;
}

export const COMMITMENT_OPEN: ReadonlySet<CommitmentStatus> = new Set(['abierto', 'en_curso']);

export function isOverdue(c: Pick<Commitment, 'status' | 'due'>, today: IsoDate): boolean {
  return COMMITMENT_OPEN.has(c.status) && c.due < today;
}

/**
 * A follow-up of a commitment by its owner or the unit's enlace/líder: a status, a note, and
 * — to close it as «cumplido» — the impact it had; «cancelado» needs a note saying why.
 */
export function followUp(
  c: Commitment,
  change: { status: CommitmentStatus; note?: string | undefined; impact?: string | undefined },
  mayUpdate: boolean,
  actorId: string,
  at: string,
): { ok: true; commitment: Commitment } | { ok: false; message: string } {
  const m = msg.actas;
  if (!mayUpdate) return { ok: false, message: m.notCommitmentOwner };
  const note = change.note?.trim() ?? '';
  const impact = change.impact?.trim() || (change.status === 'cumplido' ? c.impact : null);
  if (change.status === 'cumplido' && !impact) return { ok: false, message: m.impactRequired };
  if (change.status === 'cancelado' && c.status !== 'cancelado' && !note) return { ok: false, message: m.cancelNoteRequired };
  if (change.status === c.status && !note && (change.impact?.trim() ?? '') === (c.impact ?? '')) return { ok: false, message: m.nothingChanged };
  const notes = note ? [...c.notes, { at, by: actorId, text: note }] : c.notes;
  return { ok: true, commitment: { ...c, status: change.status, notes, impact: change.status === 'cumplido' ? impact : (change.impact?.trim() || c.impact), updatedAt: at } };
}

/** The acta resolved to names, as the .docx and the cards show it. */
export function actaContent(
  plenaria: Plenaria,
  acta: Acta,
  unitName: string,
  person: (id: string) => { name: string; jobTitle: string } | null,
): ActaContent {
  const named = (id: string) => person(id) ?? { name: id, jobTitle: '' };
  const d = acta.draft;
  return {
    plenaria,
    unitName,
    startTime: d.startTime,
    endTime: d.endTime,
    objective: d.objective,
    attendees: d.attendeeIds.map((id) => ({ name: named(id).name, role: named(id).jobTitle })),
    guests: d.guests,
    agenda: d.agenda,
    development: d.development,
    okrResults: acta.okrResults,
    proposals: d.proposals,
    cfr: {
      conversations: d.conversations,
      feedback: d.feedback,
      recognitions: d.recognitions.map((r) => ({ to: r.personId ? named(r.personId).name : (r.team ?? ''), reason: r.reason })),
    },
    decisions: d.decisions,
    commitments: d.commitments.map((c) => ({ task: c.task, owner: named(c.ownerId).name, due: c.due })),
    presiding: { name: named(plenaria.presidingId).name, title: named(plenaria.presidingId).jobTitle },
    secretary: { name: named(plenaria.secretaryId).name, title: named(plenaria.secretaryId).jobTitle },
    documentVersion: acta.documentVersion,
  };
}

/** "GDI-GPD-F029_al-suba_2026-09-15_v1.docx" */
export function actaFileName(plenaria: Plenaria, version: number): string {
  return `GDI-GPD-F029_${plenaria.unitId ?? 'entidad'}_${plenaria.kind}_${plenaria.date}_v${version}.docx`;
}
