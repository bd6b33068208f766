import { registerProposalRoutes } from '../api/proposalRoutes.js';
import type { ActaSigningService } from '../services/actaSigning.js';
import { ProposalService } from '../services/proposals.js';
import { proposalsCommand, updateProposalAction } from '../teams/commands/proposalsCommand.js';
import { proposalNotices } from '../teams/proposalNotices.js';
import { actas } from './actas.js';
import { defineModule, type ModuleContext } from './module.js';

/**
 * Proposals: the follow-up of what the dialogue sessions «Un café con el Secretario» proposed (seed
 * 004). Uses the actas module to hear of signed actas: a signed dialogue session's proposals enter
 * the tracker (the acta stays the record of what was said).
 */
export const proposals = defineModule({
  name: 'proposals',
  uses: [actas],
  services: (ctx: ModuleContext & { actaSigning: ActaSigningService }) => {
    const service = new ProposalService(ctx.store, ctx.clock, ctx.proactive ? proposalNotices(ctx, ctx.proactive) : undefined);
    ctx.actaSigning.onSigned((event) => service.fromSignedActa(event));
    return { proposals: service };
  },
  commands: [proposalsCommand],
  cardActions: [updateProposalAction],
  routes: [registerProposalRoutes],
});
