/**
 * Key-result and objective status, from progress against the progress expected by the time
 * elapsed in the quarter (what Viva Goals called on track / behind / at risk).
 *
 * THE THRESHOLDS LIVE HERE AND NOWHERE ELSE. With `gap = expected − progress` (both 0..1):
 *   - no check-in yet ................................ no_iniciado
 *   - progress ≥ 100 % ............................... completado
 *   - gap ≤ 0.10 (at most 10 points behind) .......... en_curso
 *   - gap ≤ 0.25 (10 to 25 points behind) ............ atrasado
 *   - gap > 0.25 (more than 25 points behind) ........ en_riesgo
 */
export type Status = 'no_iniciado' | 'en_curso' | 'atrasado' | 'en_riesgo' | 'completado';

export const STATUS_THRESHOLDS = {
  /** Largest gap, in progress points (0..1), still considered on track. */
  onTrackMaxGap: 0.1,
  /** Largest gap still considered behind; beyond it the result is at risk. */
  behindMaxGap: 0.25,
} as const;

/** Gaps are differences of binary fractions (0.8 − 0.7 = 0.10000000000000009): compare with this slack. */
const GAP_EPSILON = 1e-9;

/**
 * @param progress raw progress (0..1, may exceed either end), or null when nothing was reported
 * @param expected expected progress for today (0..1)
 */
export function statusFor(progress: number | null, expected: number): Status {
  if (progress === null) return 'no_iniciado';
  if (progress >= 1) return 'completado';
  const gap = expected - progress;
  if (gap <= STATUS_THRESHOLDS.onTrackMaxGap + GAP_EPSILON) return 'en_curso';
  if (gap <= STATUS_THRESHOLDS.behindMaxGap + GAP_EPSILON) return 'atrasado';
  return 'en_riesgo';
}
