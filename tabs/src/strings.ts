/**
 * The shell's texts (page frame, views' names, identity picker, configuration page, meeting
 * surfaces), from the es-CO catalogue: the only tab texts of the first load. Each module's views
 * read theirs from their folder's strings.ts, so they load with the module's code.
 */
export { shellText as t, viewText } from '../../core/src/i18n/es-CO/tab/shell.js';
