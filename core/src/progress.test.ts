import { describe, expect, it } from 'vitest';
import { clampProgress, formatPercent, keyResultProgress, rollUp } from './progress.js';

describe('key-result progress', () => {
  it('is (value − baseline) / (target − baseline) for increasing KRs', () => {
    expect(keyResultProgress({ kind: 'number', baseline: 20, target: 45 }, 30)).toBeCloseTo(0.4);
    expect(keyResultProgress({ kind: 'percentage', baseline: 0, target: 95 }, 95)).toBe(1);
  });

  it('works for decreasing KRs (target below baseline)', () => {
    expect(keyResultProgress({ kind: 'number', baseline: 15, target: 10 }, 12)).toBeCloseTo(0.6);
    expect(keyResultProgress({ kind: 'number', baseline: 120, target: 0 }, 0)).toBe(1);
  });

  it('keeps over-achievement and regressions raw; clamps only for display', () => {
    const raw = keyResultProgress({ kind: 'percentage', baseline: 0, target: 90 }, 99);
    expect(raw).toBeCloseTo(1.1);
    expect(keyResultProgress({ kind: 'number', baseline: 15, target: 10 }, 18)).toBeCloseTo(-0.6);
    expect(clampProgress(raw)).toBe(1);
    expect(clampProgress(-0.6)).toBe(0);
  });

  it('treats milestones as done (1) or not (0), and a KR with target equal to baseline as reached or not', () => {
    expect(keyResultProgress({ kind: 'milestone', baseline: 0, target: 1 }, 1)).toBe(1);
    expect(keyResultProgress({ kind: 'milestone', baseline: 0, target: 1 }, 0)).toBe(0);
    expect(keyResultProgress({ kind: 'number', baseline: 5, target: 5 }, 5)).toBe(1);
    expect(keyResultProgress({ kind: 'number', baseline: 5, target: 5 }, 4)).toBe(0);
    expect(keyResultProgress({ kind: 'milestone', baseline: 0, target: 1 }, 0.99)).toBe(0);
  });

  it('keeps a decrease KR that beats its target above 1', () => {
    expect(keyResultProgress({ kind: 'number', baseline: 15, target: 10 }, 5)).toBeCloseTo(2);
    expect(clampProgress(2)).toBe(1);
    expect(clampProgress(0.42)).toBe(0.42);
  });

  it('rolls up as a mean (or weighted mean) of children clamped to 0..1; null when nothing is reported', () => {
    expect(rollUp([{ progress: 0.5 }, { progress: 1 }, { progress: 0 }])).toBeCloseTo(0.5);
    expect(rollUp([{ progress: 1.5 }, { progress: 0.5 }])).toBeCloseTo(0.75);
    expect(rollUp([{ progress: 1, weight: 3 }, { progress: 0, weight: 1 }])).toBeCloseTo(0.75);
    expect(rollUp([{ progress: 0.6 }, { progress: null }])).toBeCloseTo(0.3);
    expect(rollUp([{ progress: null }, { progress: null }])).toBeNull();
    expect(rollUp([])).toBeNull();
    expect(rollUp([{ progress: 0.9, weight: null }, { progress: 0.3 }])).toBeCloseTo(0.6); // null weight counts as 1
    expect(rollUp([{ progress: 0.5, weight: 2 }, { progress: null, weight: 2 }])).toBeCloseTo(0.25);
    expect(rollUp([{ progress: 0.5, weight: 0 }, { progress: 1, weight: 0 }])).toBeNull();
    expect(rollUp([{ progress: -0.4 }, { progress: 1 }])).toBeCloseTo(0.5); // a regression counts as 0
  });

  it('formats percentages the Colombian way', () => {
    expect(formatPercent(0.725)).toBe('73 %');
    expect(formatPercent(0.7251, 1)).toBe('72,5 %');
    expect(formatPercent(1.4452, 2)).toBe('144,52 %');
  });
});
