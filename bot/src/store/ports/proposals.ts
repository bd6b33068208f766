import type { Proposal, ProposalWrite } from '@okr/core';

/** The proposals the demo's dialogue sessions brought (their follow-up so far). */
export interface ProposalsSeed {
  proposals?: Proposal[];
}

/**
 * The proposals of the dialogue sessions «Un café con el Secretario», followed up across sessions
 * (seed 004). Each is one record with its notes, compare-and-set on `version`.
 */
export interface ProposalsPort {
  /** By session or by who takes them (any given filter must match); every one without a filter. Ordered by id. */
  listProposals(filter?: { plenariaId?: string; responsibleId?: string }): Promise<Proposal[]>;
  /**
   * All or nothing: `expectedVersion` null creates the proposal (ConflictError if its id exists);
   * otherwise it replaces the stored one only if that is still at `expectedVersion`, stored at the
   * next version. Audited (entity `proposal`).
   */
  writeProposals(writes: readonly ProposalWrite[], actorId: string): Promise<Proposal[]>;
}
