import type { Request, Response } from 'restify';
import { z } from 'zod';
import { PLAN_WORKFLOW, PROGRAMMING_TYPES, planMessages, type PlanWorkflowAction, type ProgrammingType, type QuarterNumber } from '@okr/core';
import type { Routes } from './routes.js';
import type { PlanService } from '../services/plan.js';
import type { PlanModificationService } from '../services/planModifications.js';
import { today } from '../services/clock.js';
import { publicIndex, publicNotFound, publicPlan } from '../plan/publicPage.js';
import { XLSX_TYPE } from '../plan/planXlsx.js';
import { HttpError } from './errors.js';
import { calendarDate, parseInput, userText } from '../input/schemas.js';
import { sendCached } from '../http/publicAccess.js';

const num = z.number().finite();
const text = userText;
const metaBody = z
  .object({
    id: z.string().min(1).max(60),
    order: z.number().int(),
    statement: text(600),
    strategicObjectiveId: text(60),
    processObjective: text(400),
    indicator: z.object({ name: text(300), numerator: text(300), denominator: text(300), formula: text(300), unit: text(60) }).strict(),
    programmingType: z.enum(PROGRAMMING_TYPES as [ProgrammingType, ...ProgrammingType[]]),
    // Numbers are checked by core (a negative magnitude is refused with the meta's name), not here.
    totalMagnitude: z.number(),
    programmed: z.tuple([num.nullable(), num.nullable(), num.nullable(), num.nullable()]),
    deliverables: text(800),
    weight: z.number(),
    responsibleUnitId: text(60),
    local: z.boolean(),
    transversal: z.boolean(),
    leadUnitId: text(60).nullable(),
    supervisorUnitId: text(60).nullable(),
  })
  .strict();
const saveBody = z.object({ expectedVersion: z.number().int().positive().nullable(), metas: z.array(metaBody).max(30) }).strict();
const actBody = z
  .object({
    action: z.enum(Object.keys(PLAN_WORKFLOW) as [PlanWorkflowAction, ...PlanWorkflowAction[]]),
    version: z.number().int().positive(),
    comment: text(2000).nullable().optional(),
    observations: z.array(z.object({ metaId: z.string(), text: text(2000) })).max(60).optional(),
    holaCase: text(40).nullable().optional(),
  })
  .strict();
const importBody = z.object({ expectedVersion: z.number().int().positive().nullable(), fileBase64: z.string().min(1).max(1_300_000) }).strict();
const vigenciaBody = z.object({ year: z.number().int().min(2020).max(2100), methodologyNote: z.string().trim().min(10).max(4000), formulationDue: calendarDate }).strict();
const entryBody = z.object({ metaId: z.string().min(1), executed: num.nullable(), analysis: text(2000), evidenceUrl: text(1000), cumulativeAnalysis: text(2000) }).strict();
const reportBody = z.object({ expectedVersion: z.number().int().positive().nullable(), entries: z.array(entryBody).max(30), submit: z.boolean() }).strict();
const leadBody = z.object({ numerator: num, denominator: num, result: num, observations: text(2000) }).strict();
const reviewBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('correct'), expectedVersion: z.number().int(), metaId: z.string(), corrected: num, reason: text(2000) }).strict(),
  z.object({ action: z.literal('complete'), expectedVersion: z.number().int(), metaId: z.string() }).strict(),
  z.object({ action: z.literal('clarify'), expectedVersion: z.number().int(), text: text(2000) }).strict(),
  z.object({ action: z.literal('close'), expectedVersion: z.number().int() }).strict(),
]);
const modificationBody = z
  .object({
    metaId: z.string().min(1),
    kind: z.enum(['modify', 'eliminate']),
    proposed: metaBody.nullable(),
    justification: text(4000),
    exception: z.object({ ground: z.enum(['fuerza_mayor', 'cambio_normativo']), justification: text(4000) }).nullable(),
  })
  .strict();
const consentBody = z.object({ favorable: z.boolean(), comment: text(2000).nullable(), version: z.number().int().positive() }).strict();
const decisionBody = z.object({ approve: z.boolean(), comment: text(2000).nullable(), version: z.number().int().positive() }).strict();

const parse = parseInput;

/** A report that carries a % or a cumulative figure: they are computed, never typed. */
const TYPED_FIGURE = /percent|porcentaje|compliance|cumplimiento|^cumulative(?!Analysis)|acumulad/i;
function refuseTypedFigures(body: unknown): void {
  const entries = (body as { entries?: unknown })?.entries;
  if (Array.isArray(entries) && entries.some((e) => e && typeof e === 'object' && Object.keys(e).some((k) => TYPED_FIGURE.test(k)))) {
    throw new HttpError('invalid', planMessages.typedPercent);
  }
}

const yearParam = (v: unknown): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 2020 || n > 2100) throw new HttpError('invalid', `«${String(v)}» no es una vigencia válida (use el año, p. ej. 2026).`);
  return n;
};
const quarterNumber = (v: unknown): QuarterNumber => {
  const n = Number(v);
  if (n !== 1 && n !== 2 && n !== 3 && n !== 4) throw new HttpError('invalid', `«${String(v)}» no es un trimestre válido (1 a 4).`);
  return n;
};

function sendFile(res: Response, file: { bytes: Buffer; fileName: string }): undefined {
  res.writeHead(200, {
    'content-type': XLSX_TYPE,
    'content-length': file.bytes.length,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
  });
  res.end(file.bytes);
  return undefined;
}

/** The public page with its ETag (a reader who has it gets a 304) and five minutes of caching. */
function sendHtml(req: Request, res: Response, status: number, html: string): void {
  sendCached(req, res, status, Buffer.from(html), { 'content-type': 'text/html; charset=utf-8' }, { maxAge: status === 200 ? 300 : 0 });
}

/** The plan de gestión over REST for the tab, its .xlsx outputs, and the public page at /publico/. */
export const registerPlanRoutes: Routes<{ plan: PlanService; planModifications: PlanModificationService }> = (server, { who, route }, { clock, log, plan, planModifications }) => {
  const unitYear = (req: Request) => ({ unitId: String(req.params.unitId), year: yearParam(req.params.year) });
  const yearQuarter = (req: Request) => {
    const now = today(clock);
    return { year: yearParam(req.query?.year ?? now.date.slice(0, 4)), quarter: quarterNumber(req.query?.quarter ?? now.quarter.slice(-1)) };
  };

  server.post('/api/plan/vigencias', route(async (req) => plan.openVigencia(await who(req), parse(vigenciaBody, req.body))));

  server.get('/api/plan/units/:unitId/:year', route(async (req) => {
    const { unitId, year } = unitYear(req);
    return plan.planView(await who(req), unitId, year);
  }));
  server.put('/api/plan/units/:unitId/:year', route(async (req) => {
    const person = await who(req);
    const { unitId, year } = unitYear(req);
    const body = parse(saveBody, req.body);
    return plan.saveDraft(person, unitId, year, body.metas, body.expectedVersion);
  }));
  server.post('/api/plan/units/:unitId/:year/import', route(async (req) => {
    const person = await who(req);
    const { unitId, year } = unitYear(req);
    const body = parse(importBody, req.body);
    return plan.importXlsx(person, unitId, year, Buffer.from(body.fileBase64, 'base64'), body.expectedVersion);
  }));
  server.get('/api/plan/units/:unitId/:year/xlsx', route(async (req, res) => {
    const { unitId, year } = unitYear(req);
    return sendFile(res, await plan.planXlsx(await who(req), unitId, year));
  }));
  server.post('/api/plan/plans/:planId/actions', route(async (req) => plan.act(await who(req), String(req.params.planId), parse(actBody, req.body))));

  server.get('/api/plan/units/:unitId/:year/reports/:quarter', route(async (req) => {
    const { unitId, year } = unitYear(req);
    return plan.reportView(await who(req), unitId, year, quarterNumber(req.params.quarter));
  }));
  server.put('/api/plan/plans/:planId/reports/:quarter', route(async (req) => {
    const person = await who(req);
    refuseTypedFigures(req.body);
    return plan.saveReport(person, String(req.params.planId), quarterNumber(req.params.quarter), parse(reportBody, req.body));
  }));
  server.put('/api/plan/plans/:planId/reports/:quarter/lead/:metaId', route(async (req) => {
    const person = await who(req);
    return plan.saveLeadFigures(person, String(req.params.planId), quarterNumber(req.params.quarter), String(req.params.metaId), parse(leadBody, req.body));
  }));
  server.post('/api/plan/plans/:planId/reports/:quarter/review', route(async (req) => {
    const person = await who(req);
    return plan.review(person, String(req.params.planId), quarterNumber(req.params.quarter), parse(reviewBody, req.body));
  }));

  server.get('/api/plan/review', route(async (req) => {
    const { year, quarter } = yearQuarter(req);
    return plan.reviewOverview(await who(req), year, quarter);
  }));
  server.get('/api/plan/ranking', route(async (req) => {
    const { year, quarter } = yearQuarter(req);
    return plan.ranking(await who(req), year, quarter);
  }));
  server.get('/api/plan/ranking/xlsx', route(async (req, res) => {
    const { year, quarter } = yearQuarter(req);
    return sendFile(res, await plan.rankingXlsx(await who(req), year, quarter, req.query?.comite === '1'));
  }));
  server.get('/api/plan/cb0404/:year', route(async (req, res) => sendFile(res, await plan.cb0404(await who(req), yearParam(req.params.year)))));

  server.get('/api/plan/units/:unitId/:year/modifications', route(async (req) => {
    const { unitId, year } = unitYear(req);
    return planModifications.modificationsView(await who(req), unitId, year);
  }));
  server.post('/api/plan/plans/:planId/modifications', route(async (req) => planModifications.requestModification(await who(req), String(req.params.planId), parse(modificationBody, req.body))));
  server.post('/api/plan/modifications/:id/consent', route(async (req) => {
    const person = await who(req);
    const body = parse(consentBody, req.body);
    return planModifications.consent(person, String(req.params.id), body.favorable, body.comment, body.version);
  }));
  server.post('/api/plan/modifications/:id/decision', route(async (req) => {
    const person = await who(req);
    const body = parse(decisionBody, req.body);
    return planModifications.decide(person, String(req.params.id), body.approve, body.comment, body.version);
  }));

  // The OKR tree's link: the metas of the unit's plan that its set's strategic objective serves.
  server.get('/api/plan/units/:unitId/:year/serving/:objectiveId', route(async (req) => {
    const { unitId, year } = unitYear(req);
    return plan.metasServing(await who(req), unitId, year, String(req.params.objectiveId));
  }));

  // The public page (activity 13): no sign-in, published figures only.
  const publicPage = async (req: Request, res: Response) => {
    try {
      const current = Number(today(clock).date.slice(0, 4));
      const year = req.params.year ? Number(req.params.year) : current;
      if (!Number.isInteger(year) || year < 2020 || year > 2100) return sendHtml(req, res, 404, publicNotFound());
      const { plans, objectives } = await plan.published(year);
      if (!req.params.unitId) {
        const years = [current - 1, current, current + 1].filter((y) => y === year || y <= current);
        return sendHtml(req, res, 200, publicIndex(year, years, plans));
      }
      const one = plans.find((p) => p.unit.id === req.params.unitId);
      return one ? sendHtml(req, res, 200, publicPlan(year, one, objectives)) : sendHtml(req, res, 404, publicNotFound());
    } catch (error) {
      log.error({ err: error, url: req.url }, 'public page failed');
      sendHtml(req, res, 500, publicNotFound());
    }
  };
  server.get('/publico', publicPage);
  server.get('/publico/', publicPage);
  server.get('/publico/:year', publicPage);
  server.get('/publico/:year/:unitId', publicPage);
};
