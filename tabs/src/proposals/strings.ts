/** The proposals module's texts, from the es-CO catalogue (one file per module, so they load with the module's code). */
export { proposalsText } from '../../../core/src/i18n/es-CO/tab/proposals.js';
export { proposalMessages, proposalStatusLabels } from '../../../core/src/i18n/es-CO/proposals.js';
