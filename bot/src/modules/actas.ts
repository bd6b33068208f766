import { registerActaRoutes } from '../api/actaRoutes.js';
import { ActaSigningService } from '../services/actaSigning.js';
import { ActaService } from '../services/actas.js';
import { actaNotices } from '../teams/actaNotices.js';
import { actaActions } from '../teams/cardActions/actaActions.js';
import { actasCommand } from '../teams/commands/actasCommand.js';
import { commitmentsCommand, updateCommitmentAction } from '../teams/commands/commitmentsCommand.js';
import { defineModule } from './module.js';

/** Actas: plenarias, their actas (`actas`) and two-part sign-off (`actaSigning`), the copy to the OAP, commitments and recognitions. */
export const actas = defineModule({
  name: 'actas',
  services: (ctx) => {
    const notices = ctx.proactive ? actaNotices(ctx, ctx.proactive) : undefined;
    const actas = new ActaService(ctx.store, ctx.clock, notices, ctx.log);
    return { actas, actaSigning: new ActaSigningService(ctx.store, ctx.clock, actas, notices) };
  },
  commands: [actasCommand, commitmentsCommand],
  cardActions: [...actaActions, updateCommitmentAction],
  routes: [registerActaRoutes],
});
