/** The proposals module's API client: the proposals of the dialogue sessions, who takes each, their follow-up. */
import type { ProposalStatus, ProposalView, ProposalsResponse } from '@okr/core';
import { path, type Http } from './http.js';

export interface ProposalFollowUpRequest {
  version: number;
  status: ProposalStatus;
  note?: string;
  impact?: string;
}

export interface ProposalsApi {
  /** Every proposal across sessions (the OAP, the Despacho), or those the person takes. */
  proposals(signal?: AbortSignal): Promise<ProposalsResponse>;
  assignProposal(proposalId: string, request: { version: number; responsibleId: string }): Promise<ProposalView>;
  followUpProposal(proposalId: string, request: ProposalFollowUpRequest): Promise<ProposalView>;
}

export function proposalsApi(http: Http): ProposalsApi {
  return {
    proposals: (signal) => http.get('/api/proposals', signal),
    assignProposal: (proposalId, body) => http.post(path`/api/proposals/${proposalId}/assign`, body),
    followUpProposal: (proposalId, body) => http.post(path`/api/proposals/${proposalId}/follow-up`, body),
  };
}
