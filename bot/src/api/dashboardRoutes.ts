import type { Request, Response, Server } from 'restify';
import { isQuarterId, msg, type EntityDashboard, type Person, type QuarterId } from '@okr/core';
import type { DirectoryPort, OkrPort } from '../store/Store.js';
import { seesWholeEntity } from '../services/access.js';
import { loadDashboard } from '../services/dashboard.js';
import { today, type Clock } from '../services/clock.js';
import { HttpError, forbidden } from './errors.js';

type Route = (handler: (req: Request) => Promise<unknown>) => (req: Request, res: Response) => Promise<void>;

/** `GET /api/dashboard?quarter=2026-Q4`: all units' quarter, for the ETI team, OAP, coaches and leadership only. */
export function registerDashboardRoutes(server: Server, deps: { store: DirectoryPort & OkrPort; clock: Clock; who: (req: Request) => Promise<Person>; route: Route }): void {
  server.get('/api/dashboard', deps.route(async (req): Promise<EntityDashboard> => {
    const person = await deps.who(req);
    if (!seesWholeEntity(await deps.store.rolesOf(person.id))) throw forbidden(msg.errors.dashboardOnlyEntity);
    const now = today(deps.clock);
    const q = typeof req.query?.quarter === 'string' ? req.query.quarter : now.quarter;
    if (!isQuarterId(q)) throw new HttpError('invalid', `«${q}» no es un trimestre válido (use el formato 2026-Q4).`);
    return loadDashboard(deps.store, q as QuarterId, now.date, now.period);
  }));
}
