import { z } from 'zod';
import { msg, ROLES, type PersonChoice } from '@okr/core';
import type { Routes } from './routes.js';
import type { DirectoryService } from '../services/directory.js';
import { HttpError } from './errors.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const entra = z.object({ objectId: z.string().uuid(), displayName: z.string().trim().min(1).max(200), email: z.string().trim().min(3).max(200) });
const personChoice = z.union([z.object({ personId: z.string().min(1) }), z.object({ entra })]);
const role = z.enum(ROLES as [string, ...string[]]);
const unitBody = z.object({
  id: z.string().min(1).max(60).optional(),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(['central', 'alcaldia']),
  level: z.enum(['despacho', 'subsecretaria', 'direccion', 'subdireccion', 'oficina', 'alcaldia']),
  parentId: z.string().min(1).nullable(),
  version: z.number().int().positive().optional(),
});
const assignBody = z.object({ person: personChoice, role, unitId: z.string().min(1).nullable(), from: date });
const replaceBody = z.object({ person: personChoice, date, version: z.number().int().positive() });
const endBody = z.object({ lastDay: date, version: z.number().int().positive() });
const lastDayBody = z.object({ lastDay: date });
const objectiveBody = z.object({ id: z.string().min(1).max(80).optional(), vigencia: z.number().int(), code: z.string().trim().min(1).max(20), title: z.string().trim().min(1).max(1000), active: z.boolean() });

/** A body that fits the schema, else a Spanish 422. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new HttpError('invalid', msg.errors.invalidRequest);
  return result.data;
}

/**
 * The directory over REST: the view (hierarchy, people, assignments with their dates, warnings,
 * objectives), the pickers' search, and the ETI's changes (units, roles, replacements,
 * deactivations) and the OAP's objectives. The service checks who may do what.
 */
export const registerDirectoryRoutes: Routes<{ directory: DirectoryService }> = (server, { who, route }, { directory }) => {
  server.get('/api/directory', route(async (req) => directory.view(await who(req))));

  server.get('/api/people', route(async (req) => {
    const q = typeof req.query?.q === 'string' ? req.query.q : '';
    return directory.search(await who(req), q);
  }));

  server.post('/api/directory/units', route(async (req) => directory.saveUnit(await who(req), parse(unitBody, req.body))));
  server.post('/api/directory/units/:unitId/deactivate', route(async (req) => directory.deactivateUnit(await who(req), String(req.params.unitId), parse(lastDayBody, req.body).lastDay)));

  server.post('/api/directory/assignments', route(async (req) => {
    const body = parse(assignBody, req.body);
    return directory.assign(await who(req), { ...body, person: body.person as PersonChoice, role: body.role as (typeof ROLES)[number] });
  }));
  server.post('/api/directory/assignments/:assignmentId/replace', route(async (req) => {
    const body = parse(replaceBody, req.body);
    return directory.replace(await who(req), String(req.params.assignmentId), { ...body, person: body.person as PersonChoice });
  }));
  server.post('/api/directory/assignments/:assignmentId/end', route(async (req) => {
    const body = parse(endBody, req.body);
    return directory.end(await who(req), String(req.params.assignmentId), body.lastDay, body.version);
  }));

  server.post('/api/directory/people/:personId/deactivate', route(async (req) => directory.deactivatePerson(await who(req), String(req.params.personId), parse(lastDayBody, req.body).lastDay)));

  server.post('/api/directory/objectives', route(async (req) => directory.saveObjective(await who(req), parse(objectiveBody, req.body))));
};
