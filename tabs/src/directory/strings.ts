export { directoryText } from '../../../core/src/i18n/es-CO/tab/directory.js';
