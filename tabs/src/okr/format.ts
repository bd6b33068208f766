import type { KeyResult } from '@okr/core';
import { okrText as t } from './strings.js';

const numbers = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 2 });

/** A number as people in Colombia write it: "1.250", "72,5". */
export function formatNumber(n: number): string {
  return numbers.format(n); // one formatter: toLocaleString builds a new one on every call
}

/** A value in a key result's own unit: "45 %", "12 días", "Cumplido". */
export function formatKrValue(kr: Pick<KeyResult, 'kind' | 'unitOfMeasure'>, value: number): string {
  if (kr.kind === 'milestone') return value >= 1 ? t.milestoneDone : t.milestoneNotDone;
  const unit = kr.unitOfMeasure.trim();
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** "Línea base 15 días → meta 10 días (menos es mejor)" or the milestone's wording. */
export function formatBaselineTarget(kr: Pick<KeyResult, 'kind' | 'unitOfMeasure' | 'baseline' | 'target' | 'direction'>): string {
  if (kr.kind === 'milestone') return t.milestoneTarget;
  const text = t.baselineToTarget(formatKrValue(kr, kr.baseline), formatKrValue(kr, kr.target));
  return kr.direction === 'decrease' ? `${text} (${t.lessIsBetter})` : text;
}

