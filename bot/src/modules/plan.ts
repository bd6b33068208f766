import { registerPlanRoutes } from '../api/planRoutes.js';
import { PlanService } from '../services/plan.js';
import { planCardActions } from '../teams/cardActions/planActions.js';
import { planCommand } from '../teams/commands/planCommand.js';
import { planNotices } from '../teams/planNotices.js';
import { defineModule } from './module.js';

/** Plan de gestión (seed 001): formulation and the OAP's review, quarterly reports, ranking, modifications, outputs, /publico/. */
export const plan = defineModule({
  name: 'plan',
  services: (ctx) => ({ plan: new PlanService(ctx.store, ctx.clock, ctx.proactive ? planNotices(ctx, ctx.proactive) : null) }),
  commands: [planCommand],
  cardActions: planCardActions,
  routes: [registerPlanRoutes],
});
