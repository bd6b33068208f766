/**
 * TEST CODE ONLY — the Store contract over the Graph fake, plus what every run must also show:
 * no query refused for the list view threshold or for a filter on a column without index, and,
 * when throttling is injected, waits that are exactly what Retry-After asked for.
 */
import { describe, expect, it } from 'vitest';
import { storeContract } from '../../contract/index.js';
import type { FakeStats } from './FakeGraph.js';
import { fakeSharePoint, type FakeSharePointOptions } from './harness.js';

export const contractNow = () => new Date('2026-11-23T15:00:00.000Z');

export function contractOverFake(name: string, options: FakeSharePointOptions): void {
  // Only the counters are kept, so each test's fake (and its items) can be collected.
  const made: Array<{ stats: FakeStats; waits: number[] }> = [];
  storeContract(name, async () => {
    const h = fakeSharePoint({ now: contractNow, ...options });
    made.push({ stats: h.fake.stats, waits: h.waits });
    return h.store;
  });
  describe(`${name}: what the contract runs did`, () => {
    it('never sent a query that scans past the list view threshold or filters on a column without index', () => {
      expect(made.length).toBeGreaterThan(0);
      for (const h of made) expect([h.stats.thresholdErrors, h.stats.nonIndexedErrors]).toEqual([0, 0]);
      if (options.throttleRate) {
        const throttled = made.reduce((n, h) => n + h.stats.throttled, 0);
        expect(throttled).toBeGreaterThan(100);
        // Every wait was the Retry-After the fake asked for (2 s), never a guess.
        expect(new Set(made.flatMap((h) => h.waits))).toEqual(new Set([2000]));
      }
    });
  });
}
