import { actaState, type Acta, type Plenaria } from './actas.js';
import type { PersonRef } from './api.js';
import { proposalMessages as m } from './i18n/es-CO/proposals.js';
import type { IsoDate, RoleAssignment, Unit } from './types.js';

/**
 * The proposals of the dialogue sessions «Un café con el Secretario» (seed 004: «establecer un
 * sistema para dar seguimiento a las propuestas surgidas durante estos encuentros y medir su
 * impacto»). The signed acta keeps what was said; each proposal it records is then followed up here:
 * who takes it, what was decided (the Secretario «respondió cuáles se estudian, cuáles se adoptan y
 * cuáles no son viables»), follow-up notes, and the impact measured when it is implemented.
 */
export type ProposalStatus = 'recibida' | 'en_estudio' | 'adoptada' | 'no_viable' | 'implementada';

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = ['recibida', 'en_estudio', 'adoptada', 'no_viable', 'implementada'];
/** Still to decide or to carry out. */
export const PROPOSAL_OPEN: ReadonlySet<ProposalStatus> = new Set(['recibida', 'en_estudio', 'adoptada']);

export interface ProposalNote {
  at: string;
  by: string;
  text: string;
}

export interface Proposal {
  /** `${plenariaId}:p${n}`, n counting the session's proposals in the order they were first tracked. */
  id: string;
  plenariaId: string;
  /** The session's date (to list and filter across sessions without reading the plenarias). */
  sessionDate: IsoDate;
  /** As the signed acta records it. */
  text: string;
  /** Who takes it (a person of the directory), null until the OAP or the Despacho assigns it. */
  responsibleId: string | null;
  status: ProposalStatus;
  notes: ProposalNote[];
  /** What it changed, measured when it closes as «implementada» (required then). */
  impact: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalChange {
  status: ProposalStatus;
  note?: string | undefined;
  impact?: string | undefined;
}

/** One stored write: a new proposal (`expectedVersion` null) or the next version of a tracked one. */
export interface ProposalWrite {
  proposal: Proposal;
  expectedVersion: number | null;
}

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLocaleLowerCase('es') === b.trim().replace(/\s+/g, ' ').toLocaleLowerCase('es');

/**
 * The proposals a signed acta of a dialogue session brings: each one the acta records that is not
 * tracked yet (by its text) is created as «recibida»; one a correction no longer records keeps its
 * follow-up and gets a note saying so (nothing is lost; the signed versions stay as they were said).
 */
export function proposalWrites(acta: Acta, plenaria: Plenaria, tracked: readonly Proposal[], at: string, actorId: string): ProposalWrite[] {
  if (plenaria.kind !== 'dialogo' || actaState(acta.signatures) !== 'signed') return [];
  const texts = acta.draft.proposals.map((t) => t.trim()).filter(Boolean);
  const writes: ProposalWrite[] = [];
  let n = tracked.reduce((max, p) => Math.max(max, Number(p.id.slice(p.id.lastIndexOf(':p') + 2)) || 0), 0);
  const seen: string[] = [];
  for (const text of texts) {
    if (seen.some((s) => same(s, text))) continue;
    seen.push(text);
    if (tracked.some((p) => same(p.text, text))) continue;
    n += 1;
    writes.push({
      proposal: { id: `${plenaria.id}:p${n}`, plenariaId: plenaria.id, sessionDate: plenaria.date, text, responsibleId: null, status: 'recibida', notes: [], impact: null, version: 1, createdAt: at, updatedAt: at },
      expectedVersion: null,
    });
  }
  for (const p of tracked) {
    if (texts.some((t) => same(t, p.text))) continue;
    const note = m.droppedBy(acta.documentVersion);
    if (p.notes.at(-1)?.text === note) continue;
    writes.push({ proposal: { ...p, notes: [...p.notes, { at, by: actorId, text: note }], updatedAt: at }, expectedVersion: p.version });
  }
  return writes;
}

/** The OAP or the Despacho names who takes a proposal (or hands it to someone else); a note records it. */
export function assignProposal(p: Proposal, responsibleId: string, responsibleName: string, actorId: string, at: string): { ok: true; proposal: Proposal } | { ok: false; message: string } {
  if (p.responsibleId === responsibleId) return { ok: false, message: m.alreadyResponsible(responsibleName) };
  return { ok: true, proposal: { ...p, responsibleId, notes: [...p.notes, { at, by: actorId, text: m.assignedNote(responsibleName) }], updatedAt: at } };
}

/**
 * A follow-up by who takes the proposal, the OAP or the Despacho: its status, a note, and — to close
 * it as «implementada» — the impact measured; «no viable» needs a note saying why. Nothing moves
 * past «recibida» before someone takes it.
 */
export function followUpProposal(p: Proposal, change: ProposalChange, actorId: string, at: string): { ok: true; proposal: Proposal } | { ok: false; message: string } {
  const note = change.note?.trim() ?? '';
  const typedImpact = change.impact?.trim() ?? '';
  if (change.status !== 'recibida' && !p.responsibleId) return { ok: false, message: m.assignFirst };
  const impact = typedImpact || (change.status === 'implementada' ? p.impact : null);
  if (change.status === 'implementada' && !impact) return { ok: false, message: m.impactRequired };
  if (change.status === 'no_viable' && p.status !== 'no_viable' && !note) return { ok: false, message: m.notViableNoteRequired };
  if (change.status === p.status && !note && typedImpact === (p.impact ?? '')) return { ok: false, message: m.nothingChanged };
  const notes = note ? [...p.notes, { at, by: actorId, text: note }] : p.notes;
  return { ok: true, proposal: { ...p, status: change.status, notes, impact: change.status === 'implementada' ? impact : typedImpact || p.impact, updatedAt: at } };
}

/**
 * What needs someone first: open ones by stage (received and not yet taken, in study, adopted and
 * to carry out), the oldest session first within a stage; then the closed ones, newest session first.
 */
export function sortProposals<T extends Pick<Proposal, 'id' | 'status' | 'sessionDate'>>(list: T[]): T[] {
  const rank = (p: T) => PROPOSAL_STATUSES.indexOf(p.status) + (PROPOSAL_OPEN.has(p.status) ? 0 : 10);
  const open = (p: T) => PROPOSAL_OPEN.has(p.status);
  return list.sort((a, b) => (open(a) ? rank(a) - rank(b) : Number(open(b)) - Number(open(a))) || (open(a) ? a.sessionDate.localeCompare(b.sessionDate) : b.sessionDate.localeCompare(a.sessionDate)) || a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * Who follows every proposal across sessions: the Oficina Asesora de Planeación (its people, entity
 * role or office) and the Despacho (the Secretario/a and the Despacho's people).
 */
export function coordinatesProposals(personId: string, roles: readonly RoleAssignment[], units: readonly Pick<Unit, 'id' | 'level'>[]): boolean {
  const oapPeople = new Set(roles.filter((r) => r.role === 'oap').map((r) => r.personId));
  const offices = new Set(units.filter((u) => u.level === 'despacho').map((u) => u.id));
  for (const r of roles) if (r.unitId && oapPeople.has(r.personId) && r.role !== 'oap') offices.add(r.unitId);
  return roles.some((r) => r.personId === personId && (r.role === 'oap' || r.role === 'secretario' || (r.unitId !== null && offices.has(r.unitId))));
}

/**
 * Who may open the proposals (the tab's «Propuestas», `GET /api/proposals`): `all` for who follows
 * every one (`coordinatesProposals`), `own` for who takes at least one, else nobody — the view is not
 * offered and the list is refused.
 */
export function proposalsAccess(coordinator: boolean, takesOne: boolean): 'all' | 'own' | null {
  return coordinator ? 'all' : takesOne ? 'own' : null;
}

/** A proposal as one person sees it: names resolved, and what they may do with it. */
export interface ProposalView extends Omit<Proposal, 'notes'> {
  responsibleName: string | null;
  notes: Array<ProposalNote & { byName: string }>;
  /** Assign or hand it to someone else (the OAP, the Despacho). */
  canAssign: boolean;
  /** Status, notes, impact (who takes it, the OAP, the Despacho). */
  canUpdate: boolean;
}

/** `GET /api/proposals`: every proposal for the OAP and the Despacho, one's own for who takes them. */
export interface ProposalsResponse {
  proposals: ProposalView[];
  /** The dialogue sessions they come from, newest first. */
  sessions: Array<{ plenariaId: string; date: IsoDate }>;
  /** Whether this person coordinates the follow-up (sees all, assigns). */
  coordinator: boolean;
  /** The directory to choose who takes one from (coordinators only; empty otherwise). */
  people: PersonRef[];
}
