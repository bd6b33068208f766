/**
 * A unit's OKR results of a quarter in the validation cycle (seed 003 applied to the OKRs): what
 * is frozen and published when the enlace confirms them, and the OAP's checks — every key result
 * reported every month, and a key result that went the wrong way from one month to the next
 * explained in its comment.
 */
import type { CheckIn, OkrSetBundle, Period } from '../types.js';
import { keyResultProgress, rollUp } from '../progress.js';
import { okrCheckText as t } from '../i18n/es-CO/pei.js';
import { VALIDATION_RULES, type ValidationCheck } from './validation.js';
import type { OkrSnapshot } from './types.js';

/** The set's objectives and key results with each month's value and progress: no people, no comments. */
export function okrSnapshot(bundle: OkrSetBundle, checkIns: readonly CheckIn[]): OkrSnapshot {
  const keyResults = [...bundle.keyResults]
    .sort((a, b) => a.order - b.order)
    .map((k) => ({
      id: k.id,
      objectiveId: k.objectiveId,
      title: k.title,
      kind: k.kind,
      unitOfMeasure: k.unitOfMeasure,
      baseline: k.baseline,
      target: k.target,
      direction: k.direction,
      order: k.order,
      months: checkIns
        .filter((c) => c.keyResultId === k.id)
        .sort((a, b) => (a.period < b.period ? -1 : 1))
        .map((c) => ({ period: c.period, value: c.value, progress: keyResultProgress(k, c.value) })),
    }));
  const latest = (objectiveId: string) => keyResults.filter((k) => k.objectiveId === objectiveId).map((k) => ({ progress: k.months.at(-1)?.progress ?? null, weight: null }));
  const tactical = bundle.objectives.filter((o) => o.level === 'tactical');
  const progressOf = new Map(tactical.map((o) => [o.id, rollUp(latest(o.id))]));
  const objectives = [...bundle.objectives]
    .sort((a, b) => a.order - b.order)
    .map((o) => ({
      id: o.id,
      parentId: o.parentId,
      level: o.level,
      title: o.title,
      order: o.order,
      progress: o.level === 'tactical' ? (progressOf.get(o.id) ?? null) : rollUp([...latest(o.id), ...tactical.filter((c) => c.parentId === o.id).map((c) => ({ progress: progressOf.get(c.id) ?? null }))]),
    }));
  return { setId: bundle.set.id, institutionalObjectiveId: bundle.set.institutionalObjectiveId, objectives, keyResults };
}

/** The OAP's checks of a unit's quarter of OKR results. */
export function okrChecks(bundle: OkrSetBundle, checkIns: readonly CheckIn[], months: readonly Period[]): ValidationCheck[] {
  const missing = bundle.keyResults.flatMap((k) => months.filter((p) => !checkIns.some((c) => c.keyResultId === k.id && c.period === p)).map(() => k.id));
  const complete: ValidationCheck = missing.length
    ? { code: 'definicion', ok: false, message: t.missing(missing.length, bundle.keyResults.length * months.length) }
    : { code: 'definicion', ok: true, message: t.complete(bundle.keyResults.length, months.length) };
  const unexplained: string[] = [];
  for (const k of bundle.keyResults) {
    const series = months.map((p) => checkIns.find((c) => c.keyResultId === k.id && c.period === p)).filter((c): c is CheckIn => Boolean(c));
    for (let i = 1; i < series.length; i++) {
      const before = keyResultProgress(k, series[i - 1]!.value);
      const now = keyResultProgress(k, series[i]!.value);
      if (now < before && series[i]!.comment.trim().length < VALIDATION_RULES.minExplanation) unexplained.push(k.title);
    }
  }
  const trend: ValidationCheck = unexplained.length ? { code: 'variacion', ok: false, message: t.wentBack(unexplained) } : { code: 'variacion', ok: true, message: t.noSetback };
  return [complete, trend];
}
