/**
 * The plan de gestión's pure rules the tab runs as people type, file by file (not through the
 * package's index, which would bring the business-day calendar): the programming types' figures,
 * the coherence checks, the labels.
 */
export { metaFigures, PROGRAMMING } from '../../../core/src/plan/programming.js';
export { metaChecks, metaErrors, weightsCheck } from '../../../core/src/plan/metaRules.js';
export { formatCompliance, formatNumber } from '../../../core/src/plan/format.js';
export { PROGRAMMING_TYPES, QUARTERS } from '../../../core/src/plan/types.js';
export { programmingTypeLabels, programmingTypeHelp, planStateLabels, planActionLabels, reportStatusLabels, modificationStateLabels, exceptionGroundLabels } from '../../../core/src/i18n/es-CO/plan.js';
export { parseLocaleNumber } from '../../../core/src/checkInValidation.js';
