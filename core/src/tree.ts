import type { CheckIn, InstitutionalObjective, IsoDate, KeyResult, Objective, OkrSetBundle, QuarterId, Unit } from './types.js';
import { clampProgress, keyResultProgress, rollUp } from './progress.js';
import { expectedProgress } from './quarter.js';
import { statusFor, type Status } from './status.js';
import { checkShape, type ShapeCheck } from './shape.js';

/** What the tab and the bot's summary cards show of a unit's quarter. Built only here. */
export interface KeyResultView extends KeyResult {
  /** Raw progress of the latest check-in (may exceed 0..1); null with no check-in. */
  progress: number | null;
  /** Progress clamped to 0..1 for bars. */
  displayProgress: number;
  status: Status;
  latest: Pick<CheckIn, 'period' | 'value' | 'comment' | 'evidenceUrl' | 'authorId' | 'updatedAt' | 'version'> | null;
  /** Monthly values of the quarter, oldest first. */
  history: Array<Pick<CheckIn, 'period' | 'value'>>;
}

export interface ObjectiveView extends Objective {
  progress: number | null;
  displayProgress: number;
  status: Status;
  keyResults: KeyResultView[];
  children: ObjectiveView[];
}

export interface OkrTreeView {
  unit: Unit;
  quarter: QuarterId;
  asOf: IsoDate;
  /** Progress expected today from the time elapsed in the quarter (0..1). */
  expected: number;
  set: OkrSetBundle['set'] | null;
  institutionalObjective: InstitutionalObjective | null;
  strategic: ObjectiveView | null;
  shape: ShapeCheck | null;
}

/** The latest check-in of each KR (by period, then version). */
export function latestByKeyResult(checkIns: readonly CheckIn[]): Map<string, CheckIn> {
  const latest = new Map<string, CheckIn>();
  for (const c of checkIns) {
    const prev = latest.get(c.keyResultId);
    if (!prev || c.period > prev.period || (c.period === prev.period && c.version > prev.version)) latest.set(c.keyResultId, c);
  }
  return latest;
}

export function keyResultView(kr: KeyResult, checkIns: readonly CheckIn[], expected: number): KeyResultView {
  const mine = checkIns.filter((c) => c.keyResultId === kr.id).sort((a, b) => a.period.localeCompare(b.period) || a.version - b.version);
  const latest = mine.at(-1) ?? null;
  const progress = latest ? keyResultProgress(kr, latest.value) : null;
  return {
    ...kr,
    progress,
    displayProgress: progress === null ? 0 : clampProgress(progress),
    status: statusFor(progress, expected),
    latest: latest && {
      period: latest.period,
      value: latest.value,
      comment: latest.comment,
      evidenceUrl: latest.evidenceUrl,
      authorId: latest.authorId,
      updatedAt: latest.updatedAt,
      version: latest.version,
    },
    history: mine.map((c) => ({ period: c.period, value: c.value })),
  };
}

function objectiveView(objective: Objective, keyResults: KeyResultView[], children: ObjectiveView[], expected: number): ObjectiveView {
  const parts = children.length > 0 ? children : keyResults;
  const progress = rollUp(parts);
  const allDone = parts.length > 0 && parts.every((p) => p.status === 'completado');
  return {
    ...objective,
    progress,
    displayProgress: progress === null ? 0 : clampProgress(progress),
    status: allDone ? 'completado' : statusFor(progress, expected),
    keyResults,
    children,
  };
}

/**
 * The OKR tree of a unit's quarter: strategic → tactical → key results, with progress rolled up
 * (key results → tactical → strategic) and a status at every level.
 */
export function buildTree(args: {
  unit: Unit;
  quarter: QuarterId;
  asOf: IsoDate;
  bundle: OkrSetBundle | null;
  checkIns: readonly CheckIn[];
  institutionalObjectives: readonly InstitutionalObjective[];
}): OkrTreeView {
  const expected = expectedProgress(args.quarter, args.asOf);
  const { bundle } = args;
  if (!bundle) {
    return { unit: args.unit, quarter: args.quarter, asOf: args.asOf, expected, set: null, institutionalObjective: null, strategic: null, shape: null };
  }
  const krViews = bundle.keyResults.map((kr) => keyResultView(kr, args.checkIns, expected));
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  const strategicObjective = bundle.objectives.find((o) => o.level === 'strategic') ?? null;
  const tactical = bundle.objectives
    .filter((o) => o.level === 'tactical')
    .sort(byOrder)
    .map((o) => objectiveView(o, krViews.filter((k) => k.objectiveId === o.id).sort(byOrder), [], expected));
  return {
    unit: args.unit,
    quarter: args.quarter,
    asOf: args.asOf,
    expected,
    set: bundle.set,
    institutionalObjective: args.institutionalObjectives.find((i) => i.id === bundle.set.institutionalObjectiveId) ?? null,
    strategic: strategicObjective && objectiveView(strategicObjective, [], tactical, expected),
    shape: checkShape(bundle.objectives, bundle.keyResults),
  };
}
