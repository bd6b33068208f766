import type { KeyResult } from './types.js';

/**
 * Progress of a key result for a reported value: (value − baseline) / (target − baseline).
 * Works for increasing and decreasing KRs alike (a decrease KR has target < baseline).
 * The raw figure is returned unclamped (it can be below 0 or above 1); use `clampProgress`
 * for display and roll-up. Milestones are 0 (not done) or 1 (done).
 */
export function keyResultProgress(kr: Pick<KeyResult, 'kind' | 'baseline' | 'target'>, value: number): number {
  if (kr.kind === 'milestone') return value >= 1 ? 1 : 0;
  const span = kr.target - kr.baseline;
  if (span === 0) return value === kr.target ? 1 : 0;
  return (value - kr.baseline) / span;
}

/** Progress bounded to 0..1, for progress bars and roll-ups. */
export function clampProgress(progress: number): number {
  return Math.min(1, Math.max(0, progress));
}

export interface Weighted {
  progress: number | null;
  weight?: number | null;
}

/**
 * Weighted mean of children's progress (equal weights when none are given), each clamped to 0..1
 * so one over-achieved result does not hide another that is behind. Children with no progress
 * yet count as 0; returns null only when no child has any progress.
 */
export function rollUp(children: readonly Weighted[]): number | null {
  if (children.length === 0 || children.every((c) => c.progress === null)) return null;
  let total = 0;
  let weights = 0;
  for (const child of children) {
    const w = child.weight ?? 1;
    total += w * clampProgress(child.progress ?? 0);
    weights += w;
  }
  return weights === 0 ? null : total / weights;
}

const percentFormats = new Map<number, Intl.NumberFormat>();

/** "45 %" style percentage for users (es-CO uses a comma for decimals). */
export function formatPercent(fraction: number, decimals = 0): string {
  let format = percentFormats.get(decimals);
  if (!format) percentFormats.set(decimals, (format = new Intl.NumberFormat('es-CO', { maximumFractionDigits: decimals, minimumFractionDigits: 0 })));
  return `${format.format(fraction * 100)} %`;
}

/** The value a key result would show today had it advanced evenly through the quarter (`expected`: 0..1), in its own unit. */
export function expectedKeyResultValue(kr: Pick<KeyResult, 'baseline' | 'target' | 'kind'>, expected: number): number {
  const v = kr.baseline + (kr.target - kr.baseline) * expected;
  return kr.kind === 'percentage' ? Math.round(v * 10) / 10 : Math.round(v);
}
