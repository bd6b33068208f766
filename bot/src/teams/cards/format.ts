import { formatKeyResultValue, kindLabels, milestoneLabels, type KeyResult } from '@okr/core';

/** "45" / "45,5" in the KR's unit, e.g. "45 %", "12 días", "Cumplido" (core's one formatter). */
export const formatValue = formatKeyResultValue;

/** "Porcentaje · 0 % → 95 %" */
export function describeKeyResult(kr: KeyResult): string {
  if (kr.kind === 'milestone') return `${kindLabels.milestone} · ${milestoneLabels.done} / ${milestoneLabels.notDone}`;
  return `${kindLabels[kr.kind]} · ${formatValue(kr, kr.baseline)} → ${formatValue(kr, kr.target)}`;
}
