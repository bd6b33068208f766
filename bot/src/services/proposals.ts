import {
  PROPOSAL_OPEN,
  assignProposal,
  coordinatesProposals,
  followUpProposal,
  proposalMessages as m,
  proposalWrites,
  proposalsAccess,
  sortProposals,
  type Person,
  type Proposal,
  type ProposalChange,
  type ProposalView,
  type ProposalsResponse,
} from '@okr/core';
import { ConflictError, type ActasPort, type DirectoryPort, type ProposalsPort } from '../store/Store.js';
import type { ActaSignedEvent } from './actaSigning.js';
import type { Clock } from './clock.js';
import { Refusal } from './refusal.js';

/** The bot's side: the card that tells a person they now take a proposal. */
export interface ProposalNotices {
  assigned(view: ProposalView, responsibleId: string, byName: string): Promise<void>;
}

type Viewer = { person: Person; coordinator: boolean };

/**
 * The follow-up of the proposals of the dialogue sessions «Un café con el Secretario» (seed 004):
 * each proposal a signed acta records is tracked — who takes it, its status, dated notes, and the
 * impact measured when it is implemented. The OAP and the Despacho see and follow all of them across
 * sessions and name who takes each; who takes one sees and updates it; nobody else sees any.
 */
export class ProposalService {
  constructor(
    private readonly store: ProposalsPort & ActasPort & DirectoryPort,
    private readonly clock: Clock,
    private readonly notices?: ProposalNotices,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async viewer(person: Person): Promise<Viewer> {
    const [roles, units] = await Promise.all([this.store.listRoles(), this.store.listUnits()]);
    return { person, coordinator: coordinatesProposals(person.id, roles, units) };
  }

  /** A signed acta of a dialogue session: its proposals enter the tracker (new ones; those a correction dropped get a note). */
  async fromSignedActa({ acta, plenaria, actorId }: ActaSignedEvent): Promise<void> {
    if (plenaria.kind !== 'dialogo') return;
    const tracked = await this.store.listProposals({ plenariaId: plenaria.id });
    const writes = proposalWrites(acta, plenaria, tracked, this.now(), actorId);
    if (writes.length) await this.store.writeProposals(writes, actorId);
  }

  private async views(viewer: Viewer, list: readonly Proposal[]): Promise<ProposalView[]> {
    const names = new Map((await this.store.listPeople()).map((p) => [p.id, p.name]));
    return list.map((p) => ({
      ...p,
      responsibleName: p.responsibleId ? (names.get(p.responsibleId) ?? p.responsibleId) : null,
      notes: p.notes.map((n) => ({ ...n, byName: names.get(n.by) ?? n.by })),
      canAssign: viewer.coordinator,
      canUpdate: viewer.coordinator || (p.responsibleId !== null && p.responsibleId === viewer.person.id),
    }));
  }

  /** Every proposal for the OAP and the Despacho; those they take for who takes one; refused, without a word of any, to anyone else (`proposalsAccess`). */
  async list(person: Person): Promise<ProposalsResponse> {
    const viewer = await this.viewer(person);
    const stored = viewer.coordinator ? await this.store.listProposals() : await this.store.listProposals({ responsibleId: person.id });
    if (!proposalsAccess(viewer.coordinator, stored.length > 0)) throw new Refusal('forbidden', m.notAllowed);
    const sessions = new Map<string, string>();
    for (const p of stored) sessions.set(p.plenariaId, p.sessionDate);
    return {
      proposals: sortProposals(await this.views(viewer, stored)),
      sessions: [...sessions].map(([plenariaId, date]) => ({ plenariaId, date })).sort((a, b) => b.date.localeCompare(a.date)),
      coordinator: viewer.coordinator,
      people: viewer.coordinator ? (await this.store.listPeople()).map((p) => ({ id: p.id, name: p.name, jobTitle: p.jobTitle })).sort((a, b) => a.name.localeCompare(b.name, 'es')) : [],
    };
  }

  /** The open proposals this person takes (the `propuestas` card). */
  async mine(person: Person): Promise<ProposalView[]> {
    const viewer = await this.viewer(person);
    const own = (await this.store.listProposals({ responsibleId: person.id })).filter((p) => PROPOSAL_OPEN.has(p.status));
    return sortProposals(await this.views(viewer, own));
  }

  /** One proposal, for someone who may see it; refused otherwise with a message that says nothing of it. */
  private async visible(person: Person, id: string): Promise<{ viewer: Viewer; proposal: Proposal }> {
    const plenariaId = id.includes(':') ? id.slice(0, id.lastIndexOf(':')) : '';
    const [viewer, list] = await Promise.all([this.viewer(person), plenariaId ? this.store.listProposals({ plenariaId }) : Promise.resolve([])]);
    const proposal = list.find((p) => p.id === id);
    // Someone who may not see proposals is told the same whether it exists or not.
    if (!viewer.coordinator && proposal?.responsibleId !== person.id) throw new Refusal('forbidden', m.notAllowed);
    if (!proposal) throw new Refusal('not_found', m.notAllowed);
    return { viewer, proposal };
  }

  private async save(viewer: Viewer, proposal: Proposal, expectedVersion: number): Promise<ProposalView> {
    try {
      const [saved] = await this.store.writeProposals([{ proposal, expectedVersion }], viewer.person.id);
      return (await this.views(viewer, [saved!]))[0]!;
    } catch (error) {
      if (error instanceof ConflictError) throw new Refusal('conflict', m.stale);
      throw error;
    }
  }

  /** The OAP or the Despacho names who takes it (a person of the directory); that person is told in Teams. */
  async assign(person: Person, id: string, version: number, responsibleId: string): Promise<ProposalView> {
    const { viewer, proposal } = await this.visible(person, id);
    if (!viewer.coordinator) throw new Refusal('forbidden', m.onlyCoordinators);
    if (proposal.version !== version) throw new Refusal('conflict', m.stale);
    const responsible = await this.store.getPerson(responsibleId);
    if (!responsible) throw new Refusal('invalid', m.unknownPerson);
    const result = assignProposal(proposal, responsible.id, responsible.name, person.id, this.now());
    if (!result.ok) throw new Refusal('invalid', result.message);
    const saved = await this.save(viewer, result.proposal, version);
    if (responsible.id !== person.id) await this.notices?.assigned((await this.views({ person: responsible, coordinator: false }, [{ ...result.proposal, version: saved.version }]))[0]!, responsible.id, person.name);
    return saved;
  }

  /** A follow-up: status, a dated note, the impact measured to close it. Refused when someone updated it meanwhile. */
  async update(person: Person, id: string, version: number, change: ProposalChange): Promise<ProposalView> {
    const { viewer, proposal } = await this.visible(person, id);
    if (proposal.version !== version) throw new Refusal('conflict', m.stale);
    const result = followUpProposal(proposal, change, person.id, this.now());
    if (!result.ok) throw new Refusal('invalid', result.message);
    return this.save(viewer, result.proposal, version);
  }
}
