import { describe, expect, it } from 'vitest';
import { buildDemoSeed } from './demoOkrs.js';

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
