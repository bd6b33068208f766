import type { KeyResult, Objective } from './types.js';
import { msg } from './i18n/es-CO.js';

/**
 * The procedure's standard shape for a unit's quarterly set (seed 000, activity 3):
 * 1 strategic objective, 3 tactical objectives, 3 key results per tactical objective (9 in all).
 * Deviations are reported, not blocked: the OKR coach decides.
 */
export const STANDARD_SHAPE = { strategic: 1, tactical: 3, keyResultsPerTactical: 3 } as const;

export interface ShapeIssue {
  code: 'strategic_count' | 'tactical_count' | 'kr_count';
  objectiveId?: string;
  message: string;
}

export interface ShapeCheck {
  ok: boolean;
  strategic: number;
  tactical: number;
  keyResults: number;
  issues: ShapeIssue[];
}

export function checkShape(objectives: readonly Objective[], keyResults: readonly KeyResult[]): ShapeCheck {
  const strategic = objectives.filter((o) => o.level === 'strategic');
  const tactical = objectives.filter((o) => o.level === 'tactical');
  const issues: ShapeIssue[] = [];
  if (strategic.length !== STANDARD_SHAPE.strategic) {
    issues.push({
      code: 'strategic_count',
      message: msg.shape.strategic(strategic.length, STANDARD_SHAPE.strategic),
    });
  }
  if (tactical.length !== STANDARD_SHAPE.tactical) {
    issues.push({
      code: 'tactical_count',
      message: msg.shape.tactical(tactical.length, STANDARD_SHAPE.tactical),
    });
  }
  for (const objective of tactical) {
    const n = keyResults.filter((k) => k.objectiveId === objective.id).length;
    if (n !== STANDARD_SHAPE.keyResultsPerTactical) {
      issues.push({
        code: 'kr_count',
        objectiveId: objective.id,
        message: msg.shape.keyResults(objective.title, n, STANDARD_SHAPE.keyResultsPerTactical),
      });
    }
  }
  return { ok: issues.length === 0, strategic: strategic.length, tactical: tactical.length, keyResults: keyResults.length, issues };
}
