import type { KeyResult, Objective } from './types.js';
import { checkShape } from './shape.js';
import { msg } from './i18n/es-CO.js';

/** "12 mesas", "95 %": a milestone whose title counts something would measure better as a number. */
const COUNTED_AMOUNT = /\b\d+(?:[.,]\d+)?\s*(?:%|[a-záéíóúñ]{3,})/i;

/** Longest title the procedure's sets use comfortably on cards and in plenaria screens. */
export const MAX_TITLE_LENGTH = 120;

export interface QualityAlert {
  code: 'shape' | 'no_target' | 'target_equals_baseline' | 'no_krs' | 'long_title' | 'milestone_with_number' | 'percentage_over_100' | 'direction_mismatch';
  /** The objective or key result it is about, when there is one. */
  targetId?: string;
  message: string;
}

/**
 * The form checks the OKR coach looks at (seed 000, activity 3), shown to the enlace as they type
 * and on the coach's review card. They are alerts, not blocks: the coach decides.
 */
export function qualityAlerts(objectives: readonly Objective[], keyResults: readonly KeyResult[]): QualityAlert[] {
  // One alert per problem: an objective with no key results gets «no tiene resultados clave», not also the shape's count.
  const empty = new Set(objectives.filter((o) => o.level === 'tactical' && !keyResults.some((k) => k.objectiveId === o.id)).map((o) => o.id));
  const alerts: QualityAlert[] = checkShape(objectives, keyResults).issues.filter((i) => !(i.code === 'kr_count' && i.objectiveId && empty.has(i.objectiveId))).map((i) => ({
    code: 'shape' as const,
    ...(i.objectiveId ? { targetId: i.objectiveId } : {}),
    message: i.message,
  }));
  for (const o of objectives) {
    if (o.title.trim().length > MAX_TITLE_LENGTH) alerts.push({ code: 'long_title', targetId: o.id, message: msg.quality.longTitle(o.title, MAX_TITLE_LENGTH) });
    if (o.level !== 'tactical') continue;
    // More or fewer than three is the shape's alert above («tiene 4 resultados clave; el estándar es 3»).
    if (empty.has(o.id)) alerts.push({ code: 'no_krs', targetId: o.id, message: msg.quality.noKrs(o.title) });
  }
  for (const k of keyResults) {
    if (k.title.trim().length > MAX_TITLE_LENGTH) alerts.push({ code: 'long_title', targetId: k.id, message: msg.quality.longTitle(k.title, MAX_TITLE_LENGTH) });
    if (k.kind === 'milestone') {
      if (COUNTED_AMOUNT.test(k.title)) alerts.push({ code: 'milestone_with_number', targetId: k.id, message: msg.quality.milestoneWithNumber(k.title) });
      continue;
    }
    if (!Number.isFinite(k.target)) alerts.push({ code: 'no_target', targetId: k.id, message: msg.quality.noTarget(k.title) });
    else if (k.target === k.baseline) alerts.push({ code: 'target_equals_baseline', targetId: k.id, message: msg.quality.targetEqualsBaseline(k.title) });
    else if ((k.direction === 'increase') !== k.target > k.baseline) alerts.push({ code: 'direction_mismatch', targetId: k.id, message: msg.quality.directionMismatch(k.title) });
    if (k.kind === 'percentage' && (k.target > 100 || k.baseline < 0)) alerts.push({ code: 'percentage_over_100', targetId: k.id, message: msg.quality.percentageRange(k.title) });
  }
  return alerts;
}
