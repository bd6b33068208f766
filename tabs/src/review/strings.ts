/** The review module's texts, from the es-CO catalogue (one file per module, so they load with the module's code). */
export { reviewText } from '../../../core/src/i18n/es-CO/tab/review.js';
