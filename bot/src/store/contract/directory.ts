import { expect, it } from 'vitest';
import { buildDemoSeed } from '../seed/demoOkrs.js';
import type { ContractContext } from './fixtures.js';

/** The contract of the directory, units, people and roles. */
export function directoryContract({ makeStore, seeded }: ContractContext): void {
  it('starts empty and holds the seeded directory of 44 units', async () => {
    const store = await makeStore();
    expect(await store.isEmpty()).toBe(true);
    await store.seed(buildDemoSeed('2026-11-23'));
    expect(await store.isEmpty()).toBe(false);
    const units = await store.listUnits();
    expect(units).toHaveLength(44);
    expect(units.filter((u) => u.kind === 'alcaldia')).toHaveLength(20);
    expect(units.map((u) => u.name)).toContain('Alcaldía Local de Ciudad Bolívar');
    await store.close();
  });

  it('finds people by id and by Entra object id, with their roles', async () => {
    const store = await seeded();
    const enlace = await store.getPerson('enlace-al-usaquen');
    expect(enlace).not.toBeNull();
    expect(await store.findPersonByAadObjectId(enlace!.aadObjectId.toUpperCase())).toEqual(enlace);
    expect(await store.rolesOf(enlace!.id)).toEqual([{ personId: enlace!.id, role: 'enlace', unitId: 'al-usaquen' }]);
    expect(await store.findPersonByAadObjectId('no-such-id')).toBeNull();
    expect(await store.getPerson('nadie')).toBeNull();
    await store.close();
  });
}
