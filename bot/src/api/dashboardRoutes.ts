import { DEFAULT_REMINDER_SETTINGS, msg, quarterMonths, quarterRange, reportingPeriod, type EntityDashboard } from '@okr/core';
import type { Routes } from './routes.js';
import { seesWholeEntity } from '../services/access.js';
import { loadDashboard } from '../services/dashboard.js';
import { today } from '../services/clock.js';
import { forbidden } from './errors.js';
import { quarterParam } from './params.js';

/** `GET /api/dashboard?quarter=2026-Q4`: all units' quarter, for the ETI team, OAP, coaches and leadership only; a past quarter as of its last day. */
export const registerDashboardRoutes: Routes = (server, { who, route }, { store, clock }) => {
  server.get('/api/dashboard', route(async (req): Promise<EntityDashboard> => {
    const person = await who(req);
    if (!seesWholeEntity(await store.rolesOf(person.id))) throw forbidden(msg.errors.dashboardOnlyEntity);
    const now = today(clock);
    const quarter = quarterParam(req.query?.quarter, now.quarter);
    // A past quarter as of its last day, with its last month; otherwise today, with the month being
    // reported (a month's column is not due — never red — before its check-in window opens).
    const { end } = quarterRange(quarter);
    if (end < now.date) return loadDashboard(store, quarter, end, quarterMonths(quarter)[2]!);
    return loadDashboard(store, quarter, now.date, reportingPeriod(now.date, DEFAULT_REMINDER_SETTINGS.checkInWindowBusinessDays));
  }));
};
