import { registerPeiRoutes } from '../api/peiRoutes.js';
import { OpenDataService } from '../opendata/openData.js';
import { registerOpenDataRoutes } from '../opendata/openDataRoutes.js';
import { PeiService } from '../services/pei.js';
import { peiCardActions } from '../teams/cardActions/peiActions.js';
import { validationCommand } from '../teams/commands/validationCommand.js';
import { peiNotices } from '../teams/peiNotices.js';
import { actas } from './actas.js';
import { defineModule, type ModuleContext } from './module.js';
import type { ActaService } from '../services/actas.js';

/**
 * The Plan Estratégico Institucional (seed 002), the validation of the published figures (seed 003)
 * and open data: the PEI at a cut-off and its outputs, the validation round (report, OAP return,
 * confirmation by card), the quarterly validation session on the actas module's plenarias (its
 * acta's results are the figures validated), the OData feed, the downloads and /publico/pei/.
 */
export const pei = defineModule({
  name: 'pei',
  uses: [actas],
  services: (ctx: ModuleContext & { actas: ActaService }) => {
    const openData = new OpenDataService(ctx.store, ctx.clock, ctx.config);
    const service = new PeiService(ctx.store, ctx.clock, ctx.proactive ? peiNotices(ctx, ctx.proactive) : null, () => openData.invalidate());
    ctx.actas.provideResults('validacion', (plenaria) => service.sessionRows(plenaria));
    return { pei: service, openData };
  },
  commands: [validationCommand],
  cardActions: peiCardActions,
  routes: [registerPeiRoutes, registerOpenDataRoutes],
});
