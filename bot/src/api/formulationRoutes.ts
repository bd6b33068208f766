import type { Request } from 'restify';
import { z } from 'zod';
import { WORKFLOW, type Person, type QuarterId, type WorkflowAction } from '@okr/core';
import type { Routes } from './routes.js';
import type { FormulationService, SetView, ActResult } from '../services/formulation.js';
import { canSeeUnit } from '../services/access.js';
import { HttpError, forbidden, notFound } from './errors.js';
import { quarterParam } from './params.js';
import { parseInput, quarterId, userText } from '../input/schemas.js';

const number = z.number().finite();
const contentBody = z.object({
  expectedVersion: z.number().int().positive().nullable(),
  content: z.object({
    institutionalObjectiveId: z.string().min(1),
    objectives: z
      .array(z.object({ id: z.string().min(1), parentId: z.string().nullable(), level: z.enum(['strategic', 'tactical']), title: userText(300).trim().min(1), order: z.number().int(), weight: number.nullable().optional() }))
      .min(1)
      .max(10),
    keyResults: z
      .array(
        z.object({
          id: z.string().min(1),
          objectiveId: z.string().min(1),
          title: userText(300).trim().min(1),
          kind: z.enum(['percentage', 'number', 'milestone']),
          unitOfMeasure: userText(40).trim().min(1),
          baseline: number,
          target: number,
          direction: z.enum(['increase', 'decrease']),
          ownerId: z.string().nullable(),
          order: z.number().int(),
          weight: number.nullable().optional(),
        }),
      )
      .max(30),
  }),
});
const actBody = z.object({ action: z.enum(Object.keys(WORKFLOW) as [WorkflowAction, ...WorkflowAction[]]), version: z.number().int().positive(), comment: userText(2000).nullable().optional() });
const reformulateBody = z.object({ from: quarterId });

/** Answers a workflow result: the set's view, or a Spanish refusal / conflict. */
function answer(result: ActResult): SetView {
  if (result.kind === 'done') return result.view;
  if (result.kind === 'stale') throw new HttpError('conflict', result.message, { view: result.view });
  throw new HttpError(result.notFound ? 'not_found' : 'forbidden', result.message);
}

/** The formulation workflow over REST, for the tab's editor: a unit's set for a quarter, its history, edits and steps. */
export const registerFormulationRoutes: Routes<{ formulation: FormulationService }> = (server, { who, route }, { store, formulation }) => {
  const quarterOf = (req: Request): QuarterId => quarterParam(req.params.quarter);
  const visible = async (person: Person, unitId: string) => {
    if (!(await store.getUnit(unitId))) throw notFound();
    if (!canSeeUnit(await store.rolesOf(person.id), unitId)) throw forbidden();
  };

  // The entity's institutional strategic objectives, to align a strategic objective to one.
  server.get('/api/institutional-objectives', route(async (req) => {
    await who(req);
    return store.listInstitutionalObjectives();
  }));

  // The set with its state, history and form alerts (null when the unit has none for that quarter).
  server.get('/api/units/:unitId/sets/:quarter', route(async (req) => {
    const person = await who(req);
    await visible(person, req.params.unitId);
    const bundle = await store.getSet(req.params.unitId, quarterOf(req));
    return bundle ? formulation.view(bundle.set.id) : null;
  }));

  // The enlace saves the draft (creates it, or replaces it at the version they edited).
  server.put('/api/units/:unitId/sets/:quarter', route(async (req) => {
    const person = await who(req);
    const body = parseInput(contentBody, req.body);
    return answer(await formulation.saveDraft(person, req.params.unitId, quarterOf(req), body.content, body.expectedVersion));
  }));

  // "Reformular": a draft for this quarter copied from the previous quarter's set.
  server.post('/api/units/:unitId/sets/:quarter/reformulate', route(async (req) => {
    const person = await who(req);
    const { from } = parseInput(reformulateBody, req.body);
    return answer(await formulation.reformulate(person, req.params.unitId, from, quarterOf(req)));
  }));

  // A workflow step (submit, approve form, return, approve, reject, resubmit).
  server.post('/api/sets/:setId/actions', route(async (req) => {
    const person = await who(req);
    const body = parseInput(actBody, req.body);
    return answer(await formulation.act(person, req.params.setId, body.action, body.version, body.comment ?? null));
  }));
};
