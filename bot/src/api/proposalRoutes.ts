import type { Request } from 'restify';
import { z } from 'zod';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@okr/core';
import type { Routes } from './routes.js';
import type { ProposalService } from '../services/proposals.js';
import { parseInput, userText } from '../input/schemas.js';

const id = z.string().min(1).max(120);
const version = z.number().int().positive();
const assignBody = z.object({ version, responsibleId: id }).strict();
const updateBody = z
  .object({
    version,
    status: z.enum(PROPOSAL_STATUSES as [ProposalStatus, ...ProposalStatus[]]),
    note: userText(2000).optional(),
    impact: userText(2000).optional(),
  })
  .strict();

/** The proposals of the dialogue sessions over REST, for the tab: the list across sessions, assigning who takes one, its follow-up. */
export const registerProposalRoutes: Routes<{ proposals: ProposalService }> = (server, { who, route }, { proposals }) => {
  const pid = (req: Request) => parseInput(id, String(req.params.proposalId ?? ''));
  server.get('/api/proposals', route(async (req) => proposals.list(await who(req))));
  server.post('/api/proposals/:proposalId/assign', route(async (req) => {
    const body = parseInput(assignBody, req.body);
    return proposals.assign(await who(req), pid(req), body.version, body.responsibleId);
  }));
  server.post('/api/proposals/:proposalId/follow-up', route(async (req) => {
    const { version: v, ...change } = parseInput(updateBody, req.body);
    return proposals.update(await who(req), pid(req), v, change);
  }));
};
