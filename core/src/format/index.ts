/** How dates, times, counts and joined phrases are written for people (es-CO): one place for all of it. */
export * from './dates.js';
export * from './words.js';
