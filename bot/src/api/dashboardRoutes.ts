import { msg, type EntityDashboard } from '@okr/core';
import type { Routes } from './routes.js';
import { seesWholeEntity } from '../services/access.js';
import { loadDashboard } from '../services/dashboard.js';
import { today } from '../services/clock.js';
import { forbidden } from './errors.js';
import { quarterParam } from './params.js';

/** `GET /api/dashboard?quarter=2026-Q4`: all units' quarter, for the ETI team, OAP, coaches and leadership only. */
export const registerDashboardRoutes: Routes = (server, { who, route }, { store, clock }) => {
  server.get('/api/dashboard', route(async (req): Promise<EntityDashboard> => {
    const person = await who(req);
    if (!seesWholeEntity(await store.rolesOf(person.id))) throw forbidden(msg.errors.dashboardOnlyEntity);
    const now = today(clock);
    return loadDashboard(store, quarterParam(req.query?.quarter, now.quarter), now.date, now.period);
  }));
};
