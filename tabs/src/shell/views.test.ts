import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@okr/core';
import { DEEP_LINK_VIEWS } from './location.js';
import { VIEWS, openedBy, viewsFor } from './views.js';

const me = (over: Partial<MeResponse> = {}) => ({ roles: [], units: [], ...over }) as unknown as MeResponse;

describe('the views table', () => {
  it('gives the unit views, the PEI and the validation round to everyone, and the other entity-wide sections only to entity-wide roles', () => {
    const ids = (v: { unit: { id: string }[]; entity: { id: string }[] }) => ({ unit: v.unit.map((x) => x.id), entity: v.entity.map((x) => x.id) });
    const unitViews = ['tree', 'formulation', 'plenarias', 'commitments', 'plan', 'planReport', 'planChanges', 'team'];
    expect(ids(viewsFor(me()))).toEqual({ unit: unitViews, entity: ['pei', 'validation'] });
    expect(ids(viewsFor(null))).toEqual({ unit: unitViews, entity: ['pei', 'validation'] });
    expect(ids(viewsFor(me({ entityWide: true })))).toEqual({ unit: unitViews, entity: ['dashboard', 'oap', 'quarterClose', 'planReview', 'ranking', 'directory', 'pei', 'validation'] });
    // The monthly review is the ETI's.
    const eti = me({ entityWide: true, roles: [{ personId: 'eti-1', role: 'eti', unitId: null }] });
    expect(ids(viewsFor(eti)).entity).toEqual(['dashboard', 'oap', 'review', 'quarterClose', 'planReview', 'ranking', 'directory', 'pei', 'validation']);
  });

  it('offers «Propuestas» to exactly whom the server answers its list (`/api/me`’s `proposals`), entity-wide or not', () => {
    const entity = (m: MeResponse) => viewsFor(m).entity.map((v) => v.id);
    // The head of the OAP: a líder of the office, no entity-wide role; the OAP and the Despacho see them all.
    const oapHead = me({ roles: [{ personId: 'lider-oap', role: 'lider', unitId: 'oap' }], proposals: 'all' });
    expect(entity(oapHead)).toEqual(['proposals', 'pei', 'validation']);
    expect(entity(me({ entityWide: true, proposals: 'all' }))).toContain('proposals');
    // Who takes one sees theirs.
    expect(entity(me({ roles: [{ personId: 'lider-dgth', role: 'lider', unitId: 'dgth' }], proposals: 'own' }))).toEqual(['proposals', 'pei', 'validation']);
    // Entity-wide is not enough: the ETI does not follow proposals.
    expect(entity(me({ entityWide: true, roles: [{ personId: 'eti-1', role: 'eti', unitId: null }] }))).not.toContain('proposals');
    expect(entity(me())).not.toContain('proposals');
  });

  it('shows the quarter picker only above the views the quarter applies to', () => {
    expect(VIEWS.filter((v) => 'noQuarter' in v).map((v) => v.id)).toEqual(['commitments', 'team', 'proposals', 'directory', 'pei', 'validation']);
  });

  it('opens what the address names, an acta alone in the plenarias, and the tree otherwise', () => {
    expect(VIEWS.flatMap((v) => ('link' in v ? [v.link] : [])).sort()).toEqual([...DEEP_LINK_VIEWS].sort());
    expect(openedBy({})).toEqual({ entity: null, unit: 'tree' });
    expect(openedBy({ view: 'tablero' })).toEqual({ entity: 'dashboard', unit: 'tree' });
    expect(openedBy({ view: 'compromisos' })).toEqual({ entity: null, unit: 'commitments' });
    expect(openedBy({ acta: 'pl-1' })).toEqual({ entity: null, unit: 'plenarias' });
    expect(openedBy({ view: 'actas-oap', acta: 'pl-1' })).toEqual({ entity: 'oap', unit: 'tree' });
    expect(openedBy({ view: 'compromisos', acta: 'pl-1' })).toEqual({ entity: null, unit: 'commitments' });
    expect(openedBy({ view: 'revision' })).toEqual({ entity: 'review', unit: 'tree' });
    expect(openedBy({ view: 'cierre' })).toEqual({ entity: 'quarterClose', unit: 'tree' });
  });
});
