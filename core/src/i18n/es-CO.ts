/**
 * Every user-facing string of the app (es-CO), one file per module under `es-CO/` (labels and errors
 * every module uses in `es-CO/shared.ts`). Bot cards, REST errors and tabs all read from here.
 * Functions take what varies; plain strings do not.
 */
import { actaMessages } from './es-CO/actas.js';
import { formulationMessages, qualityMessages, shapeMessages } from './es-CO/formulation.js';
import { checkInMessages } from './es-CO/okr.js';
import { reviewMessages } from './es-CO/review.js';
import { errorMessages } from './es-CO/shared.js';

export * from './es-CO/shared.js';
export * from './es-CO/okr.js';
export * from './es-CO/formulation.js';
export * from './es-CO/actas.js';
export * from './es-CO/reminders.js';
export * from './es-CO/shell.js';
export * from './es-CO/review.js';
export * from './es-CO/directory.js';
export * from './es-CO/directoryImport.js';
export * from './es-CO/vivaImport.js';
export * from './es-CO/plan.js';
export * from './es-CO/pei.js';
export * from './es-CO/proposals.js';

/** The messages core, the services and the tab share, by group (as `msg.actas.staleEdit`). */
export const msg = {
  shape: shapeMessages,
  actas: actaMessages,
  formulation: formulationMessages,
  quality: qualityMessages,
  checkIn: checkInMessages,
  review: reviewMessages,
  errors: errorMessages,
} as const;
