// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { DEV_PERSON_STORAGE_KEY, defaultUnit, quarterOptions, readDeepLink, readDevPersonId, writeDeepLink, writeDevPersonId } from './location.js';
import type { MeResponse } from '@okr/core';

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('address and remembered identity', () => {
  it('reads ?unit and ?quarter, else the Teams deep link, and ignores a malformed quarter', () => {
    expect(readDeepLink('?unit=al-usaquen&quarter=2026-Q4', null)).toEqual({ unitId: 'al-usaquen', quarter: '2026-Q4', view: null });
    expect(readDeepLink('', 'unit=dgth&quarter=2026-Q3')).toEqual({ unitId: 'dgth', quarter: '2026-Q3', view: null });
    expect(readDeepLink('?quarter=2026-T4', null)).toEqual({ unitId: null, quarter: null, view: null });
    expect(readDeepLink('?view=tablero', null).view).toBe('tablero');
    expect(readDeepLink('?view=otra', 'view=tablero').view).toBe('tablero');
  });

  it('reads the plenarias, commitments and OAP views and a deep-linked acta, and writes them back', () => {
    expect(readDeepLink('?view=plenarias&acta=pl-1', null)).toEqual({ unitId: null, quarter: null, view: 'plenarias', acta: 'pl-1' });
    expect(readDeepLink('', 'view=compromisos&unit=al-suba').view).toBe('compromisos');
    expect(readDeepLink('?view=actas-oap', null).view).toBe('actas-oap');
    writeDeepLink({ unitId: 'al-suba', quarter: '2026-Q4', view: 'plenarias', acta: 'pl-1' });
    expect(window.location.search).toBe('?unit=al-suba&quarter=2026-Q4&view=plenarias&acta=pl-1');
    writeDeepLink({ unitId: 'al-suba', quarter: '2026-Q4', view: 'plenarias' });
    expect(window.location.search).toBe('?unit=al-suba&quarter=2026-Q4&view=plenarias');
  });

  it('reads a unit’s month of the monthly review, in its quarter unless one is named, and writes it back', () => {
    expect(readDeepLink('?view=revision&unit=dfin&month=2026-11', null)).toEqual({ unitId: 'dfin', quarter: '2026-Q4', view: 'revision', month: '2026-11' });
    expect(readDeepLink('', 'view=revision&unit=al-suba&month=2027-01')).toEqual({ unitId: 'al-suba', quarter: '2027-Q1', view: 'revision', month: '2027-01' });
    // A named quarter wins (the view then says the month is not of it); a malformed month is ignored.
    expect(readDeepLink('?view=revision&unit=dfin&month=2026-11&quarter=2026-Q3', null).quarter).toBe('2026-Q3');
    expect(readDeepLink('?view=revision&unit=dfin&month=2026-13', null)).toEqual({ unitId: 'dfin', quarter: null, view: 'revision' });
    expect(readDeepLink('?view=revision&unit=dfin&month=noviembre', null).month).toBeUndefined();
    writeDeepLink({ unitId: 'dfin', quarter: '2026-Q4', view: 'revision', month: '2026-11' });
    expect(window.location.search).toBe('?unit=dfin&quarter=2026-Q4&view=revision&month=2026-11');
    writeDeepLink({ unitId: 'dfin', quarter: '2026-Q4', view: 'revision' });
    expect(window.location.search).toBe('?unit=dfin&quarter=2026-Q4&view=revision');
  });

  it('takes ?as= as the development identity and remembers it; otherwise uses the stored one', () => {
    expect(readDevPersonId('')).toBeNull();
    expect(readDevPersonId('?as=enlace-al-usaquen')).toBe('enlace-al-usaquen');
    expect(localStorage.getItem(DEV_PERSON_STORAGE_KEY)).toBe('enlace-al-usaquen');
    writeDevPersonId('eti-1');
    expect(readDevPersonId('')).toBe('eti-1');
  });

  it('keeps the address in step with the selection', () => {
    window.history.replaceState(null, '', '/?as=eti-1');
    writeDeepLink({ unitId: 'al-suba', quarter: '2026-Q3' });
    expect(window.location.search).toBe('?as=eti-1&unit=al-suba&quarter=2026-Q3');
  });
});

describe('pickers', () => {
  it('offers the next and the current quarter, and earlier ones only when they have data, newest first (issue 14, item 8)', () => {
    expect(quarterOptions('2026-Q4', null, ['2026-Q4', '2026-Q3', '2025-Q4'])).toEqual(['2027-Q1', '2026-Q4', '2026-Q3', '2025-Q4']);
    // T1 and T2 2026, where every unit would read «Sin set», are not offered.
    expect(quarterOptions('2026-Q4', null, ['2026-Q3'])).not.toContain('2026-Q2');
    expect(quarterOptions('2026-Q1', null)).toEqual(['2026-Q2', '2026-Q1']);
    // A deep-linked quarter stays reachable.
    expect(quarterOptions('2026-Q4', '2025-Q1', ['2026-Q3'])).toEqual(['2027-Q1', '2026-Q4', '2026-Q3', '2025-Q1']);
  });

  it('starts on the deep-linked unit when allowed, else on the person’s own unit', () => {
    const unit = (id: string) => ({ id, name: id, kind: 'alcaldia' as const, level: 'alcaldia' as const, parentId: null });
    const me = {
      person: { id: 'p', aadObjectId: 'a', name: 'P', email: 'p@x', jobTitle: 'j' },
      roles: [{ personId: 'p', role: 'enlace', unitId: 'al-suba' }],
      units: [unit('al-bosa'), unit('al-suba')],
      currentQuarter: '2026-Q4',
      currentPeriod: '2026-11',
      devIdentity: true,
    } satisfies MeResponse;
    expect(defaultUnit(me, null)?.id).toBe('al-suba');
    expect(defaultUnit(me, 'al-bosa')?.id).toBe('al-bosa');
    expect(defaultUnit(me, 'al-kennedy')?.id).toBe('al-suba');
    expect(defaultUnit({ ...me, units: [] }, null)).toBeNull();
  });
});
