export { peiText } from '../../../core/src/i18n/es-CO/tab/pei.js';
