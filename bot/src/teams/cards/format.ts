import { kindLabels, milestoneLabels, type KeyResult } from '@okr/core';

/** "45" / "45,5" in the KR's unit, e.g. "45 %", "12 días", "Cumplido". */
export function formatValue(kr: Pick<KeyResult, 'kind' | 'unitOfMeasure'>, value: number): string {
  if (kr.kind === 'milestone') return value >= 1 ? milestoneLabels.done : milestoneLabels.notDone;
  const n = value.toLocaleString('es-CO', { maximumFractionDigits: 2 });
  return kr.kind === 'percentage' ? `${n} %` : `${n} ${kr.unitOfMeasure}`;
}

/** "Porcentaje · 0 % → 95 %" */
export function describeKeyResult(kr: KeyResult): string {
  if (kr.kind === 'milestone') return `${kindLabels.milestone} · ${milestoneLabels.done} / ${milestoneLabels.notDone}`;
  return `${kindLabels[kr.kind]} · ${formatValue(kr, kr.baseline)} → ${formatValue(kr, kr.target)}`;
}
