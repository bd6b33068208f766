import { describe, expect, it } from 'vitest';
import { MAX_TITLE_LENGTH, periodOf, quarterMonths, quarterOf } from '@okr/core';
import { buildDemoSeed } from './demoOkrs.js';

const bogotaDay = (iso: string) => new Date(Date.parse(iso) - 5 * 3_600_000).toISOString().slice(0, 10);

describe('the demo check-ins are dated when they could have been made', () => {
  for (const today of ['2026-11-23', '2026-12-01', '2027-01-08']) {
    it(`made on ${today}: every report before that day, none of a month before it began`, () => {
      const seed = buildDemoSeed(today);
      expect(seed.checkIns!.length).toBeGreaterThan(0);
      for (const c of seed.checkIns!) {
        expect(c.createdAt.slice(0, 10) <= today, `${c.id} ${c.createdAt}`).toBe(true);
        expect(c.createdAt.slice(0, 7) >= c.period, `${c.id} ${c.createdAt}`).toBe(true);
        expect(c.updatedAt >= c.createdAt, c.id).toBe(true);
      }
    });
  }

  it('on 1 December, no report of December exists yet, and November’s are there', () => {
    const periods = new Set(buildDemoSeed('2026-12-01').checkIns!.map((c) => c.period));
    expect(periods.has('2026-12')).toBe(false);
    expect(periods.has('2026-11')).toBe(true);
  });
});

/** The rest of the demo agrees with today too (issue 14, item 4). */
describe('the demo seed', () => {
  it('writes strategic objectives as sentences, within the title limit («de l Secretario» was one)', () => {
    const titles = buildDemoSeed('2026-12-01').objectives.filter((o) => o.level === 'strategic').map((o) => o.title);
    for (const t of titles) {
      expect(t).not.toMatch(/\bde l\b|\bde la la\b|\s{2}/);
      expect(t.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    }
    expect(titles).toContain('Cumplir la misión del Despacho de la Secretaría Distrital de Gobierno con servicios oportunos');
  });

  it('holds no plenaria menor reviewing the quarter’s progress in the quarter’s first month', () => {
    for (const today of ['2026-12-01', '2026-11-23']) {
      const current = quarterOf(today);
      const held = buildDemoSeed(today).plenarias!.filter((p) => p.kind === 'menor' && quarterOf(p.date) === current && p.date < today);
      expect(held.length).toBeGreaterThan(0);
      expect(held.every((p) => periodOf(p.date) !== quarterMonths(current)[0])).toBe(true);
    }
  });

  it('gives every loaded set its formulation history, in order, ending in the set’s state and never after today', () => {
    const today = '2026-12-01';
    const seed = buildDemoSeed(today);
    const events = seed.setEvents!;
    for (const set of seed.sets) {
      const mine = events.filter((e) => e.setId === set.id);
      expect(mine[0]).toMatchObject({ action: 'create', actorId: `enlace-${set.unitId}` });
      expect(mine.at(-1)!.toState).toBe(set.state);
      expect(mine.map((e) => e.at)).toEqual([...mine.map((e) => e.at)].sort());
      for (const [a, b] of mine.slice(1).map((e, k) => [mine[k]!, e] as const)) expect(b.fromState).toBe(a.toState);
      expect(mine.every((e) => bogotaDay(e.at) <= today)).toBe(true);
    }
    expect(events.some((e) => e.action === 'returnToEnlace' && e.comment)).toBe(true);
  });
});
