import type { Request, Response } from 'restify';
import { z } from 'zod';
import { DIFFERENTIAL_DIMENSIONS, peiMessages, type DifferentialDimension, type IsoDate } from '@okr/core';
import type { Routes } from './routes.js';
import type { PeiService } from '../services/pei.js';
import { quarterParam } from './params.js';
import { calendarDate, parseInput, userText } from '../input/schemas.js';
import { sendCached } from '../http/publicAccess.js';
import { peiPublicNotFound, peiPublicPage } from '../pei/publicPei.js';
import { Refusal } from '../services/refusal.js';
import { flatFileTemplate, peiPresentation, peiWorkbook, PPTX_TYPE, XLSX_TYPE } from '../pei/peiOutputs.js';

const num = z.number().finite();
const breakdown = z.record(userText(120), num).refine((b) => Object.keys(b).length <= 60, { message: peiMessages.tooManyCategories(60) });
const figures = z
  .object({
    executed: num.nullable(),
    numerator: num.nullable(),
    denominator: num.nullable(),
    localities: breakdown.nullable(),
    differential: z.partialRecord(z.enum(DIFFERENTIAL_DIMENSIONS as [DifferentialDimension, ...DifferentialDimension[]]), breakdown),
  })
  .strict();
const version = z.number().int().positive();
const saveBody = z.object({ expectedVersion: version.nullable(), figures, analysis: userText(4000), analysisPublic: z.boolean(), jumpExplanation: userText(2000), submit: z.boolean() }).strict();
const returnBody = z.object({ expectedVersion: version, executed: num.nullable(), observations: userText(2000) }).strict();
const confirmBody = z.object({ expectedVersion: version }).strict();
const okrReturnBody = z.object({ expectedVersion: version.nullable(), observations: userText(2000) }).strict();
const weightsBody = z.object({ weights: z.array(z.object({ objectiveId: z.string().min(1).max(80), indicatorId: z.string().min(1).max(80), weight: z.number() }).strict()).min(1).max(200), reason: userText(1000) }).strict();
const importBody = z.object({ fileName: userText(200).pipe(z.string().min(1)), fileBase64: z.string().min(1).max(2_800_000) }).strict();
const vigencia = z.coerce.number().int().min(2000).max(2099);

/** `?corte=`: a real calendar date, or absent (the latest cut-off). */
const cutoffParam = (v: unknown): IsoDate | undefined => (v === undefined || v === '' ? undefined : parseInput(calendarDate, v));

function sendFile(res: Response, file: { bytes: Buffer; fileName: string; type: string }): undefined {
  res.writeHead(200, { 'content-type': file.type, 'content-length': file.bytes.length, 'content-disposition': `attachment; filename="${file.fileName}"`, 'cache-control': 'no-store' });
  res.end(file.bytes);
  return undefined;
}

/** The PEI and the validation round over REST for the tab, its outputs, and the public page /publico/pei/. */
export const registerPeiRoutes: Routes<{ pei: PeiService }> = (server, { who, route }, { log, pei }) => {
  server.get('/api/pei/plans', route(async (req) => {
    await who(req);
    return pei.plans();
  }));
  server.get('/api/pei/plans/:planId/report', route(async (req) => pei.report(await who(req), String(req.params.planId), cutoffParam(req.query?.corte))));
  server.get('/api/pei/plans/:planId/xlsx', route(async (req, res) => sendFile(res, { ...(await peiWorkbook(await pei.report(await who(req), String(req.params.planId), cutoffParam(req.query?.corte)))), type: XLSX_TYPE })));
  server.get('/api/pei/plans/:planId/pptx', route(async (req, res) => sendFile(res, { ...(await peiPresentation(await pei.report(await who(req), String(req.params.planId), cutoffParam(req.query?.corte)))), type: PPTX_TYPE })));
  server.put('/api/pei/plans/:planId/weights/:year', route(async (req) => pei.saveWeights(await who(req), String(req.params.planId), parseInput(vigencia, req.params.year), parseInput(weightsBody, req.body))));

  server.get('/api/pei/validation', route(async (req) => pei.round(await who(req), cutoffParam(req.query?.corte))));
  server.put('/api/pei/values/:indicatorId/:cutoff', route(async (req) => pei.saveValue(await who(req), String(req.params.indicatorId), parseInput(calendarDate, req.params.cutoff), parseInput(saveBody, req.body))));
  server.post('/api/pei/values/:indicatorId/:cutoff/return', route(async (req) => pei.returnValue(await who(req), String(req.params.indicatorId), parseInput(calendarDate, req.params.cutoff), parseInput(returnBody, req.body))));
  server.post('/api/pei/values/:indicatorId/:cutoff/confirm', route(async (req) => pei.confirmValue(await who(req), String(req.params.indicatorId), parseInput(calendarDate, req.params.cutoff), parseInput(confirmBody, req.body).expectedVersion)));
  server.post('/api/pei/import', route(async (req) => {
    const person = await who(req);
    const body = parseInput(importBody, req.body);
    return pei.importFile(person, Buffer.from(body.fileBase64, 'base64'), body.fileName);
  }));
  server.get('/api/pei/import/plantilla.csv', route(async (req, res) => sendFile(res, { ...flatFileTemplate(await pei.round(await who(req), cutoffParam(req.query?.corte))), type: 'text/csv; charset=utf-8' })));
  server.post('/api/pei/okr/:unitId/:quarter/return', route(async (req) => pei.returnOkr(await who(req), String(req.params.unitId), quarterParam(req.params.quarter), parseInput(okrReturnBody, req.body))));
  server.post('/api/pei/okr/:unitId/:quarter/confirm', route(async (req) => pei.confirmOkr(await who(req), String(req.params.unitId), quarterParam(req.params.quarter), parseInput(confirmBody, req.body).expectedVersion)));

  // The public page: no sign-in, validated figures only.
  const publicPei = async (req: Request, res: Response) => {
    const html = (status: number, body: string) => sendCached(req, res, status, Buffer.from(body), { 'content-type': 'text/html; charset=utf-8' }, { maxAge: status === 200 ? 300 : 0 });
    try {
      const plan = req.query?.plan ? String(req.query.plan) : await pei.ownPlanId();
      html(200, peiPublicPage(await pei.report(null, plan, cutoffParam(req.query?.corte))));
    } catch (error) {
      if (error instanceof Refusal) return html(error.code === 'not_found' ? 404 : 400, peiPublicNotFound(error.message));
      log.error({ err: error, url: req.url }, 'public PEI page failed');
      html(503, peiPublicNotFound('No pudimos mostrar el plan estratégico en este momento; intente de nuevo en unos minutos.'));
    }
  };
  server.get('/publico/pei', publicPei);
  server.get('/publico/pei/', publicPei);
};
