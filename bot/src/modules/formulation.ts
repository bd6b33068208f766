import { registerFormulationRoutes } from '../api/formulationRoutes.js';
import { FormulationService } from '../services/formulation.js';
import { setActAction, setRefreshAction } from '../teams/cardActions/setActions.js';
import { reviewCommand } from '../teams/commands/reviewCommand.js';
import { formulationNotices } from '../teams/formulationNotices.js';
import { defineModule } from './module.js';

/** Formulation: a unit's quarterly OKR set through the coach's review and the líder's approval. */
export const formulation = defineModule({
  name: 'formulation',
  services: (ctx) => ({ formulation: new FormulationService(ctx.store, ctx.proactive ? formulationNotices(ctx.store, ctx.proactive) : undefined, ctx.clock) }),
  commands: [reviewCommand],
  cardActions: [setActAction, setRefreshAction],
  routes: [registerFormulationRoutes],
});
