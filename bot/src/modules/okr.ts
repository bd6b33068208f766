import { registerDashboardRoutes } from '../api/dashboardRoutes.js';
import { registerOkrRoutes } from '../api/okrRoutes.js';
import { CheckInService } from '../services/checkIns.js';
import { openCheckInAction } from '../teams/cardActions/openCheckInAction.js';
import { saveOneCheckInAction, submitCheckInAction } from '../teams/cardActions/submitCheckInAction.js';
import { checkInCommand } from '../teams/commands/checkInCommand.js';
import { myOkrCommand, openMyOkrUnitAction } from '../teams/commands/myOkrCommand.js';
import { pendingCommand } from '../teams/commands/pendingCommand.js';
import { defineModule } from './module.js';

/** OKR: monthly check-ins, the unit's tree, the entity dashboard. */
export const okr = defineModule({
  name: 'okr',
  services: (ctx) => ({ checkIns: new CheckInService(ctx.store, ctx.clock) }),
  commands: [checkInCommand, pendingCommand, myOkrCommand],
  cardActions: [submitCheckInAction, saveOneCheckInAction, openCheckInAction, openMyOkrUnitAction],
  routes: [registerOkrRoutes, registerDashboardRoutes],
});
