import { registerDirectoryRoutes } from '../api/directoryRoutes.js';
import { DirectoryService } from '../services/directory.js';
import { DirectoryImportService } from '../services/directoryImport.js';
import { VivaImportService } from '../services/vivaImport.js';
import { directoryNotices } from '../teams/directoryNotices.js';
import { defineModule } from './module.js';

/** Directory: the units, people and roles the ETI keeps (with their dates), the OAP's strategic objectives, and the imports. */
export const directory = defineModule({
  name: 'directory',
  services: (ctx) => {
    const notices = ctx.proactive ? directoryNotices(ctx, ctx.proactive) : undefined;
    return {
      directory: new DirectoryService(ctx.store, ctx.clock, notices),
      directoryImport: new DirectoryImportService(ctx.store, ctx.clock, notices),
      vivaImport: new VivaImportService(ctx.store),
    };
  },
  routes: [registerDirectoryRoutes],
});
