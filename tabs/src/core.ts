/**
 * The pure helpers of `@okr/core` the tab uses at run time.
 *
 * Types come from the package (`import type … from '@okr/core'`, erased at build time). Values are
 * imported file by file here so that the browser bundle only ever contains these small, pure
 * modules: the package's index also re-exports modules the tab has no use for (the business-day
 * calendar with its holiday tables, workflows), and none of them must end up in the first paint.
 */
export { expectedKeyResultValue, formatPercent, keyResultProgress } from '../../core/src/progress.js';
export { readNumber, typedNumber } from '../../core/src/numbers.js';
export { quarterLabel, periodLabel, periodTitle, quarterMonths, previousQuarter, nextQuarter, isQuarterId, isCalendarDate, quarterOf, quarterRange, bogotaDate } from '../../core/src/quarter.js';
export * from '../../core/src/format/index.js';
export { statusLabels, kindLabels, roleLabels, msg, setStateLabels, setEventLabels, unitMonthStateForUnit } from '../../core/src/i18n/es-CO.js';
export { qualityAlerts, MAX_TITLE_LENGTH } from '../../core/src/setQuality.js';
export { validateCheckIn } from '../../core/src/checkInValidation.js';
export { statusDistribution, complianceDistribution, dashboardBucket } from '../../core/src/dashboard.js';
export { UNIT_MONTH_STATES } from '../../core/src/review.js';
export { lockedNext } from '../../core/src/okrSetWorkflow.js';
