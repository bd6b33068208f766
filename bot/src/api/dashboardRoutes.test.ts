import { describe, expect, it } from 'vitest';
import type { EntityDashboard, MeResponse } from '@okr/core';
import { startApi } from '../testing/apiServer.js';

describe('entity dashboard API', () => {
  it('gives ETI all 44 units with objective status and check-in compliance this month and this quarter', async () => {
    const { call } = await startApi();
    const res = await call('/api/dashboard?quarter=2026-Q4', 'eti-1');
    expect(res.status).toBe(200);
    const d = res.body as EntityDashboard;
    // 23 November: November's check-in window (its last 3 business days) has not opened; October is the month being reported.
    expect(d).toMatchObject({ quarter: '2026-Q4', asOf: '2026-11-23', period: '2026-10' });
    expect(d.units).toHaveLength(44);
    expect(d.units.filter((u) => u.unit.kind === 'central')).toHaveLength(24);
    expect(d.units[0]!.unit.kind).toBe('central'); // central units first, then the alcaldías
    expect(d.units.at(-1)!.unit.kind).toBe('alcaldia');
    const usaquen = d.units.find((u) => u.unit.id === 'al-usaquen')!;
    expect(usaquen.strategic).not.toBeNull();
    expect(usaquen.tactical).toHaveLength(3);
    expect(usaquen.compliance!.months.map((m) => m.period)).toEqual(['2026-10']);
    expect(usaquen.compliance!.quarter.total).toBe(9);
    // The seed has units that have not reported October, and units that have.
    const monthRates = d.units.map((u) => u.compliance?.month?.rate ?? null);
    expect(monthRates).toContain(0);
    expect(monthRates).toContain(1);
  });

  it('defaults to the current quarter and answers a past one', async () => {
    const { call } = await startApi();
    expect(((await call('/api/dashboard', 'oap-1')).body as EntityDashboard).quarter).toBe('2026-Q4');
    const past = (await call('/api/dashboard?quarter=2026-Q3', 'coach-1')).body as EntityDashboard;
    // A closed quarter: its own months and its statuses as of its last day, never today's month.
    expect(past).toMatchObject({ asOf: '2026-09-30', period: '2026-09', expected: 1 });
    expect(past.units.every((u) => u.compliance === null || u.compliance.months.length === 3)).toBe(true);
    expect((await call('/api/dashboard?quarter=T4', 'eti-1')).status).toBe(422);
  });

  it('refuses members, enlaces and líderes of a unit, in Spanish', async () => {
    const { call } = await startApi();
    for (const who of ['miembro-al-usaquen', 'enlace-al-usaquen', 'lider-dgth']) {
      expect(await call('/api/dashboard', who)).toMatchObject({ status: 403, body: { code: 'forbidden', message: expect.stringContaining('El tablero de la entidad es para') } });
    }
    expect((await call('/api/dashboard')).status).toBe(401);
    expect(((await call('/api/me', 'enlace-al-usaquen')).body as MeResponse).entityWide).toBe(false);
    expect(((await call('/api/me', 'eti-1')).body as MeResponse).entityWide).toBe(true);
  });
});
