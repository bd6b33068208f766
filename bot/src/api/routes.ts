import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isQuarterId, msg, type DevPerson, type MeResponse, type QuarterId } from '@okr/core';
import type { Logger } from 'pino';
import { ConflictError, StoreUnavailableError, type Store } from '../store/Store.js';
import type { CheckInService } from '../services/checkIns.js';
import type { FormulationService } from '../services/formulation.js';
import type { ActaService } from '../services/actas.js';
import { Refusal } from '../services/refusal.js';
import { registerFormulationRoutes } from './formulationRoutes.js';
import { registerDashboardRoutes } from './dashboardRoutes.js';
import { registerActaRoutes } from './actaRoutes.js';
import { canSeeUnit, seesWholeEntity, visibleUnits } from '../services/access.js';
import { today, type Clock } from '../services/clock.js';
import { loadTree } from '../services/okrTree.js';
import { HttpError, forbidden, notFound } from './errors.js';
import { identify } from './identity.js';
import type { SsoValidator } from './sso.js';

export interface ApiDeps {
  store: Store;
  checkIns: CheckInService;
  formulation: FormulationService;
  actas: ActaService;
  clock: Clock;
  devIdentity: boolean;
  /** Validates the tab's Teams SSO tokens; null without an Entra app (then only the dev identity works). */
  sso?: SsoValidator | null;
  log: Logger;
}

type Handler = (req: Request, res: Response) => Promise<unknown>;

/** Wraps a route: JSON out, HttpError → its status and Spanish message, anything else → 500. */
function route(log: Logger, handler: Handler) {
  return async (req: Request, res: Response) => {
    try {
      const body = await handler(req, res);
      if (!res.headersSent) res.json(200, body);
    } catch (error) {
      if (error instanceof ConflictError) {
        res.json(409, { code: 'conflict', message: msg.errors.conflict });
        return;
      }
      if (error instanceof StoreUnavailableError) {
        res.json(503, { code: 'internal', message: msg.errors.storeBusy });
        return;
      }
      if (error instanceof Refusal) error = new HttpError(error.code, error.message, error.details);
      if (error instanceof HttpError) {
        res.json(error.status, error.body());
        return;
      }
      log.error({ err: error, url: req.url }, 'api request failed');
      res.json(500, { code: 'internal', message: msg.errors.internal });
    }
  };
}

const checkInBody = z.object({
  period: z.string().regex(/^\d{4}-\d{2}$/),
  checkIns: z
    .array(z.object({ keyResultId: z.string().min(1), value: z.unknown(), comment: z.unknown(), evidenceUrl: z.unknown() }))
    .min(1)
    .max(50),
});

/** The REST API the tabs call, under /api. Every route checks who may see or change what. */
export function registerApiRoutes(server: Server, deps: ApiDeps): void {
  const { store, log } = deps;
  const who = (req: Request) => identify(req, store, { devIdentity: deps.devIdentity, sso: deps.sso ?? null, log });

  server.get('/api/me', route(log, async (req): Promise<MeResponse> => {
    const person = await who(req);
    const [roles, units] = await Promise.all([store.rolesOf(person.id), store.listUnits()]);
    const now = today(deps.clock);
    return { person, roles, units: visibleUnits(roles, units), currentQuarter: now.quarter, currentPeriod: now.period, devIdentity: deps.devIdentity, entityWide: seesWholeEntity(roles) };
  }));

  server.get('/api/dev/people', route(log, async (): Promise<DevPerson[]> => {
    if (!deps.devIdentity) throw notFound();
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

  server.get('/api/units/:unitId/tree', route(log, async (req) => {
    const person = await who(req);
    const unit = await store.getUnit(req.params.unitId);
    if (!unit) throw notFound();
    if (!canSeeUnit(await store.rolesOf(person.id), unit.id)) throw forbidden();
    const q = typeof req.query?.quarter === 'string' ? req.query.quarter : today(deps.clock).quarter;
    if (!isQuarterId(q)) throw new HttpError('invalid', `«${q}» no es un trimestre válido (use el formato 2026-Q4).`);
    return loadTree(store, unit, q as QuarterId, today(deps.clock).date);
  }));

  server.post('/api/units/:unitId/check-ins', route(log, async (req) => {
    const person = await who(req);
    const parsed = checkInBody.safeParse(req.body);
    if (!parsed.success) throw new HttpError('invalid', msg.errors.invalidRequest, parsed.error.issues);
    const result = await deps.checkIns.submit(person, req.params.unitId, parsed.data.period, parsed.data.checkIns);
    if (result.kind === 'invalid') throw new HttpError('invalid', result.errors.map((e) => e.message).join(' '), result.errors);
    if (result.kind === 'refused') throw forbidden(result.message);
    return { saved: result.saved, tree: result.form.tree };
  }));

  registerDashboardRoutes(server, { store, clock: deps.clock, who, route: (handler) => route(log, handler) });
  registerActaRoutes(server, { actas: deps.actas, clock: deps.clock, who, route: (handler) => route(log, handler) });
  registerFormulationRoutes(server, { store, formulation: deps.formulation, who, route: (handler) => route(log, handler) });
}
