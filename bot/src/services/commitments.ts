import {
  COMMITMENT_OPEN,
  actaState,
  commitmentWrites,
  followUp,
  isOverdue,
  msg,
  type Acta,
  type Commitment,
  type CommitmentStatus,
  type CommitmentView,
  type Person,
  type Plenaria,
  type RecognitionView,
  type RoleAssignment,
} from '@okr/core';
import { ConflictError, type ActasPort, type DirectoryPort } from '../store/Store.js';
import { canSeeUnit } from './access.js';
import { today, type Clock } from './clock.js';
import { Refusal } from './refusal.js';

/**
 * The commitments of actas and dialogue sessions (seed 004: "follow up the proposals and
 * commitments and measure their impact"), and the recognitions the signed actas gave.
 */
export class CommitmentService {
  constructor(
    private readonly store: ActasPort & DirectoryPort,
    private readonly clock: Clock,
  ) {}

  /** Owners, the unit's enlaces and líderes, and — for entity-wide ones — the OAP and the Despacho follow a commitment up. */
  private mayUpdate(person: Person, roles: readonly RoleAssignment[], c: Commitment): boolean {
    if (c.ownerId === person.id) return true;
    if (c.unitId) return roles.some((r) => r.unitId === c.unitId && (r.role === 'enlace' || r.role === 'lider'));
    return roles.some((r) => r.unitId === null && (r.role === 'oap' || r.role === 'secretario'));
  }

  /** Brings a signed acta's commitments into the tracker (new, changed by a correction, or dropped). */
  async fromSignedActa(acta: Acta, plenaria: Plenaria, actorId: string): Promise<void> {
    if (actaState(acta.signatures) !== 'signed') return;
    const tracked = await this.store.listCommitments({ plenariaId: plenaria.id });
    const writes = commitmentWrites(acta, plenaria, tracked, this.clock.now().toISOString(), actorId);
    if (writes.length) await this.store.writeCommitments(writes, actorId);
  }

  private async views(person: Person, commitments: readonly Commitment[]): Promise<CommitmentView[]> {
    const [roles, people, units] = await Promise.all([this.store.rolesOf(person.id), this.store.listPeople(), this.store.listUnits()]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    // One read of the plenarias they come from: by id for one, else the unit's or the whole (small) list.
    const ids = new Set(commitments.map((c) => c.plenariaId));
    const ofUnits = [...new Set(commitments.map((c) => c.unitId))];
    const [only] = ids;
    const oneUnit = ofUnits.length === 1 ? ofUnits[0] : null;
    const read = ids.size === 0 ? [] : ids.size === 1 ? [await this.store.getPlenaria(only!)] : await this.store.listPlenarias(oneUnit ? { unitId: oneUnit } : {});
    const plenarias = new Map(read.filter((p): p is Plenaria => p !== null).map((p) => [p.id, p]));
    const day = today(this.clock).date;
    return commitments.map((c) => {
      const p = plenarias.get(c.plenariaId);
      return {
        ...c,
        ownerName: names.get(c.ownerId) ?? c.ownerId,
        unitName: c.unitId ? (unitNames.get(c.unitId) ?? c.unitId) : msg.actas.entityName,
        plenariaKind: p?.kind ?? 'menor',
        plenariaDate: p?.date ?? '',
        overdue: isOverdue(c, day),
        canUpdate: this.mayUpdate(person, roles, c),
        notes: c.notes.map((n) => ({ ...n, byName: names.get(n.by) ?? n.by })),
      };
    });
  }

  /** The person's own commitments, open ones first (overdue first among them). */
  async mine(person: Person, opts: { openOnly?: boolean } = {}): Promise<CommitmentView[]> {
    const all = await this.store.listCommitments({ ownerId: person.id });
    const list = opts.openOnly ? all.filter((c) => COMMITMENT_OPEN.has(c.status)) : all;
    return sortForFollowUp(await this.views(person, list));
  }

  async ofUnit(person: Person, unitId: string): Promise<CommitmentView[]> {
    if (!(await this.store.getUnit(unitId))) throw new Refusal('not_found', msg.errors.notFound);
    if (!canSeeUnit(await this.store.rolesOf(person.id), unitId)) throw new Refusal('forbidden', msg.errors.forbidden);
    return sortForFollowUp(await this.views(person, await this.store.listCommitments({ unitId })));
  }

  /** A follow-up: status, a note, and the impact to close it. Refused when someone updated it meanwhile. */
  async update(person: Person, id: string, version: number, change: { status: CommitmentStatus; note?: string | undefined; impact?: string | undefined }): Promise<CommitmentView> {
    const plenariaId = id.slice(0, id.lastIndexOf(':'));
    const current = (await this.store.listCommitments({ plenariaId })).find((c) => c.id === id);
    if (!current) throw new Refusal('not_found', msg.errors.notFound);
    const roles = await this.store.rolesOf(person.id);
    if (current.version !== version) throw new Refusal('conflict', msg.actas.staleCommitment);
    const result = followUp(current, change, this.mayUpdate(person, roles, current), person.id, this.clock.now().toISOString());
    if (!result.ok) throw new Refusal(result.message === msg.actas.notCommitmentOwner ? 'forbidden' : 'invalid', result.message);
    try {
      const [saved] = await this.store.writeCommitments([{ commitment: result.commitment, expectedVersion: version }], person.id);
      return (await this.views(person, [saved!]))[0]!;
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', msg.actas.staleCommitment);
      throw error;
    }
  }

  /** Recognitions the unit's signed actas gave, newest first. */
  async recognitions(person: Person, unitId: string): Promise<RecognitionView[]> {
    if (!(await this.store.getUnit(unitId))) throw new Refusal('not_found', msg.errors.notFound);
    if (!canSeeUnit(await this.store.rolesOf(person.id), unitId)) throw new Refusal('forbidden', msg.errors.forbidden);
    const [plenarias, actas, people] = await Promise.all([this.store.listPlenarias({ unitId }), this.store.listActas({ unitId }), this.store.listPeople()]);
    const names = new Map(people.map((p) => [p.id, p.name]));
    const latestSigned = new Map<string, Acta>();
    for (const a of actas) if (actaState(a.signatures) === 'signed') latestSigned.set(a.plenariaId, a);
    const out: RecognitionView[] = [];
    for (const p of plenarias) {
      const acta = latestSigned.get(p.id);
      for (const r of acta?.draft.recognitions ?? []) {
        out.push({ id: `${p.id}:${r.id}`, to: r.personId ? (names.get(r.personId) ?? r.personId) : (r.team ?? ''), reason: r.reason, plenariaId: p.id, kind: p.kind, date: p.date });
      }
    }
    return out.sort((a, b) => b.date.localeCompare(a.date));
  }
}

/** Open before closed; among open ones, the soonest due (so overdue) first. */
function sortForFollowUp(list: CommitmentView[]): CommitmentView[] {
  const rank = (c: CommitmentView) => (COMMITMENT_OPEN.has(c.status) ? 0 : 1);
  return list.sort((a, b) => rank(a) - rank(b) || a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
}
