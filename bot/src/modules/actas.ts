import { registerActaRoutes } from '../api/actaRoutes.js';
import { ActaService } from '../services/actas.js';
import { actaNotices } from '../teams/actaNotices.js';
import { actaActions } from '../teams/cardActions/actaActions.js';
import { actasCommand } from '../teams/commands/actasCommand.js';
import { commitmentsCommand, updateCommitmentAction } from '../teams/commands/commitmentsCommand.js';
import { defineModule } from './module.js';

/** Actas: plenarias, their actas and two-part sign-off, the copy to the OAP, commitments and recognitions. */
export const actas = defineModule({
  name: 'actas',
  services: (ctx) => ({ actas: new ActaService(ctx.store, ctx.clock, ctx.proactive ? actaNotices(ctx, ctx.proactive) : undefined, ctx.log) }),
  commands: [actasCommand, commitmentsCommand],
  cardActions: [...actaActions, updateCommitmentAction],
  routes: [registerActaRoutes],
});
