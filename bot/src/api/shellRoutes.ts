import { coordinatesProposals, proposalsAccess, type DevPerson, type MeResponse, type OkrSetState } from '@okr/core';
import type { Routes } from './routes.js';
import { seesWholeEntity, visibleUnits } from '../services/access.js';
import { today } from '../services/clock.js';
import { notFound } from './errors.js';

const ALL_SET_STATES: readonly OkrSetState[] = ['draft', 'coach_review', 'returned', 'leader_approval', 'rejected', 'active', 'closed'];

/**
 * Who the tab's user is (`/api/me`); in development (DEV_IDENTITY) the identity picker's people
 * (`/api/dev/people`) and the local Live Share server a meeting stage outside Teams joins
 * (`/api/dev/live-share`, with LIVE_SHARE_LOCAL_PORT).
 */
export const registerShellRoutes: Routes<{ localLiveShare: { endpoint: string } | null }> = (server, { who, route, devIdentity }, { store, clock, localLiveShare }) => {
  server.get('/api/me', route(async (req): Promise<MeResponse> => {
    const person = await who(req);
    const [roles, units, sets, allRoles, proposalList] = await Promise.all([
      store.rolesOf(person.id),
      store.listUnits(),
      store.listSetsByState(ALL_SET_STATES),
      store.listRoles(),
      // The whole (short) list, not this person's: one read the cache serves to everyone (ADR 14).
      store.listProposals(),
    ]);
    const now = today(clock);
    const quartersWithData = [...new Set(sets.map((s) => s.quarter))].sort().reverse();
    // The same rule as the proposals service's list: the tab offers «Propuestas» to exactly those it answers.
    const proposals = proposalsAccess(coordinatesProposals(person.id, allRoles, units), proposalList.some((p) => p.responsibleId === person.id));
    return { person, roles, units: visibleUnits(roles, units), currentQuarter: now.quarter, currentPeriod: now.period, devIdentity, entityWide: seesWholeEntity(roles), quartersWithData, ...(proposals ? { proposals } : {}) };
  }));

  server.get('/api/dev/live-share', route(async (): Promise<{ endpoint: string }> => {
    if (!devIdentity || !localLiveShare) throw notFound();
    return localLiveShare;
  }));

  server.get('/api/dev/people', route(async (): Promise<DevPerson[]> => {
    if (!devIdentity) throw notFound();
    const [people, roles, units] = await Promise.all([store.listPeople(), store.listRoles(), store.listUnits()]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    return people.map((p) => ({
      id: p.id,
      name: p.name,
      jobTitle: p.jobTitle,
      roles: roles
        .filter((r) => r.personId === p.id)
        .map((r) => ({ role: r.role, unitName: r.unitId ? (unitName.get(r.unitId) ?? r.unitId) : null })),
    }));
  }));
};
