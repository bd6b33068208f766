import { actas } from './actas.js';
import { directory } from './directory.js';
import { formulation } from './formulation.js';
import { okr } from './okr.js';
import { pei } from './pei.js';
import { plan } from './plan.js';
import { proposals } from './proposals.js';
import { reminders } from './reminders.js';
import { review } from './review.js';
import { shell } from './shell.js';

/**
 * The app's modules. The bot, the REST API and the start-up loop over this list (app.ts); `ayuda`
 * lists their commands in this order. A new module adds its files and its entry here, with its
 * import (docs/adr/0007-app-modules.md).
 */
export const modules = [
  okr,
  formulation,
  review,
  actas,
  proposals,
  plan,
  pei,
  reminders,
  directory,
  shell,
] as const;
