import { registerPlanRoutes } from '../api/planRoutes.js';
import { PlanService } from '../services/plan.js';
import { PlanModificationService } from '../services/planModifications.js';
import { planCardActions } from '../teams/cardActions/planActions.js';
import { planCommand } from '../teams/commands/planCommand.js';
import { planNotices } from '../teams/planNotices.js';
import { defineModule } from './module.js';

/** Plan de gestión (seed 001): formulation and the OAP's review, quarterly reports, ranking, modifications, outputs, /publico/. */
export const plan = defineModule({
  name: 'plan',
  services: (ctx) => {
    const notices = ctx.proactive ? planNotices(ctx, ctx.proactive) : null;
    return { plan: new PlanService(ctx.store, ctx.clock, notices), planModifications: new PlanModificationService(ctx.store, ctx.clock, notices) };
  },
  commands: [planCommand],
  cardActions: planCardActions,
  routes: [registerPlanRoutes],
});
