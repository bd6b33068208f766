/** The plan de gestión's rules (seed 001). */
export * from './types.js';
export * from './programming.js';
export * from './format.js';
export * from './metaRules.js';
export * from './workflow.js';
export * from './report.js';
export * from './modification.js';
export * from './ranking.js';
export * from './reminders.js';
export type * from './api.js';
