/** The Plan Estratégico Institucional (seed 002) and the validation of published figures (seed 003). */
export * from './types.js';
export * from './lists.js';
export * from './compliance.js';
export * from './validation.js';
export * from './flatFile.js';
export type * from './api.js';
export * from './okr.js';
