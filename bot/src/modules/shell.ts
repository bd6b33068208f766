import { registerShellRoutes } from '../api/shellRoutes.js';
import { helpCommand } from '../teams/commands/helpCommand.js';
import { defineModule } from './module.js';

/**
 * The shell: `ayuda` (every module's help lines), who the tab's user is, the development identity
 * picker, and in development the local Live Share server of the meeting stage.
 */
export const shell = defineModule({
  name: 'shell',
  services: (ctx) => ({
    /** Where a meeting stage opened in a browser finds the local Fluid server (LIVE_SHARE_LOCAL_PORT), if any. */
    localLiveShare: ctx.config.LIVE_SHARE_LOCAL_PORT ? { endpoint: `http://localhost:${ctx.config.LIVE_SHARE_LOCAL_PORT}` } : null,
  }),
  commands: [helpCommand],
  routes: [registerShellRoutes],
});
