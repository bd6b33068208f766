export { planText } from '../../../core/src/i18n/es-CO/tab/plan.js';
