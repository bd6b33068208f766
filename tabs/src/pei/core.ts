/** The PEI's pure pieces the tab runs as people type, file by file (not the package index). */
export { DIFFERENTIAL_CATEGORIES, LOCALIDADES, NO_LOCALITY } from '../../../core/src/pei/lists.js';
export { formatCompliance, formatNumber } from '../../../core/src/plan/format.js';
/** Numbers typed as people in Colombia write them («8.760», «53,73»), as the flat files are read. */
export { parseNumber } from '../../../core/src/pei/flatFile.js';
export { differentialLabels, indicatorKindLabels, validationCheckLabels, validationStateLabels, exclusionLabels } from '../../../core/src/i18n/es-CO/pei.js';
export { percentAt, statusOfPercent } from '../../../core/src/pei/compliance.js';
