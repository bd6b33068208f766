import { describe, expect, it } from 'vitest';
import { seededStore } from '../testing/harness.js';
import { loadDashboard } from './dashboard.js';

const UNIT = 'al-usaquen';
const args = ['2026-Q4', '2026-11-23', '2026-11'] as const;

describe('the entity dashboard, built once per store revision', () => {
  it('serves the same dashboard until the store changes, then one with the change', async () => {
    const store = await seededStore();
    const first = await loadDashboard(store, ...args);
    expect(await loadDashboard(store, ...args)).toBe(first);
    const row = (d: typeof first) => d.units.find((u) => u.unit.id === UNIT)!;
    const reported = row(first).compliance!.quarter.reported;
    const november = await store.listCheckIns(UNIT, ['2026-11']);
    const kr = (await store.getSet(UNIT, '2026-Q4'))!.keyResults.find((k) => !november.some((c) => c.keyResultId === k.id))!;
    await store.saveCheckIns({ actorId: `enlace-${UNIT}`, unitId: UNIT, period: '2026-11', checkIns: [{ keyResultId: kr.id, value: 1, comment: 'Avance.', evidenceUrl: 'https://gobiernobogota.sharepoint.com/sites/OKR/e', version: null }] });
    const after = await loadDashboard(store, ...args);
    expect(after).not.toBe(first);
    expect(row(after).compliance!.quarter.reported).toBe(reported + 1);
    // Another day is another dashboard.
    expect(await loadDashboard(store, '2026-Q4', '2026-11-24', '2026-11')).not.toBe(after);
  });
});
