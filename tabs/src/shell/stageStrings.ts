/** The stage's texts about following the presenter, from the es-CO catalogue (loaded with the stage only). */
export { stageText } from '../../../core/src/i18n/es-CO/tab/stage.js';
