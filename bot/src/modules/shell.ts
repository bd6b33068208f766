import { registerShellRoutes } from '../api/shellRoutes.js';
import { helpCommand } from '../teams/commands/helpCommand.js';
import { defineModule } from './module.js';

/** The shell: `ayuda` (every module's help lines), who the tab's user is, the development identity picker. */
export const shell = defineModule({
  name: 'shell',
  commands: [helpCommand],
  routes: [registerShellRoutes],
});
