/** The tab's texts live in the app's one es-CO catalogue (core/src/i18n/es-CO.ts). */
export { tabText as t } from '../../core/src/i18n/es-CO.js';
