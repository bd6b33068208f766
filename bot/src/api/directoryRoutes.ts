import { z } from 'zod';
import { msg, ROLES, type PersonChoice } from '@okr/core';
import type { Routes } from './routes.js';
import type { Request, Response } from 'restify';
import type { DirectoryService } from '../services/directory.js';
import { XLSX_TYPE, type DirectoryImportService } from '../services/directoryImport.js';
import type { VivaImportService } from '../services/vivaImport.js';
import { readUpload, uploadName } from './upload.js';
import { HttpError } from './errors.js';
import { calendarDate, parseInput, userText } from '../input/schemas.js';

const date = calendarDate;
const entra = z.object({ objectId: z.string().uuid(), displayName: z.string().trim().min(1).max(200), email: z.string().trim().min(3).max(200) });
const personChoice = z.union([z.object({ personId: z.string().min(1) }), z.object({ entra })]);
const role = z.enum(ROLES as [string, ...string[]]);
const unitBody = z.object({
  id: z.string().min(1).max(60).optional(),
  name: userText(200).trim().min(1),
  kind: z.enum(['central', 'alcaldia']),
  level: z.enum(['despacho', 'subsecretaria', 'direccion', 'subdireccion', 'oficina', 'alcaldia']),
  parentId: z.string().min(1).nullable(),
  version: z.number().int().positive().optional(),
});
const assignBody = z.object({ person: personChoice, role, unitId: z.string().min(1).nullable(), from: date });
const replaceBody = z.object({ person: personChoice, date, version: z.number().int().positive() });
const endBody = z.object({ lastDay: date, version: z.number().int().positive() });
const lastDayBody = z.object({ lastDay: date });
const teamsBody = z.object({ entries: z.array(z.object({ team: z.string().trim().min(1).max(300), unitId: z.string().min(1) })).max(500) });
const objectiveBody = z.object({ id: z.string().min(1).max(80).optional(), vigencia: z.number().int(), code: z.string().trim().min(1).max(20), title: userText(1000).trim().min(1), active: z.boolean() });

/** A body that fits the schema, else a Spanish 422 naming each problem. */
const parse = <T>(schema: z.ZodType<T>, body: unknown): T => parseInput(schema, body ?? {});

/**
 * The directory over REST: the view (hierarchy, people, assignments with their dates, warnings,
 * objectives), the pickers' search, and the ETI's changes (units, roles, replacements,
 * deactivations) and the OAP's objectives. The service checks who may do what.
 */
export const registerDirectoryRoutes: Routes<{ directory: DirectoryService; directoryImport: DirectoryImportService; vivaImport: VivaImportService }> = (server, { who, route }, { directory, directoryImport, vivaImport }) => {
  server.get('/api/directory', route(async (req) => directory.view(await who(req))));

  server.get('/api/people', route(async (req) => {
    const q = typeof req.query?.q === 'string' ? req.query.q : '';
    return directory.search(await who(req), q);
  }));

  server.get('/api/people/entra/:objectId', route(async (req) => {
    const found = await directory.byEntra(await who(req), String(req.params.objectId));
    if (!found) throw new HttpError('not_found', msg.errors.notInDirectory);
    return found;
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

  // The workbook: the template (anyone), the export and the import (ETI, DTI). The import is a
  // dry run unless `dryRun=false`; the file travels as the raw body (application/octet-stream).
  const sendXlsx = (res: Response, bytes: Buffer, fileName: string) => {
    res.writeHead(200, { 'content-type': XLSX_TYPE, 'content-length': bytes.length, 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' });
    res.end(bytes);
    return undefined;
  };
  const dryRun = (req: Request) => req.query?.dryRun !== 'false';
  server.get('/api/directory/template', route(async (req, res) => {
    await who(req);
    return sendXlsx(res, await directoryImport.template(), 'plantilla-directorio-okr.xlsx');
  }));
  server.get('/api/directory/export', route(async (req, res) => sendXlsx(res, await directoryImport.exportWorkbook(await who(req)), `directorio-okr-${new Date().toISOString().slice(0, 10)}.xlsx`)));
  server.post('/api/directory/import', route(async (req) => {
    const person = await who(req);
    return directoryImport.importWorkbook(person, await readUpload(req), uploadName(req, 'directorio.xlsx'), { dryRun: dryRun(req) });
  }));
  server.post('/api/viva/import', route(async (req) => {
    const person = await who(req);
    return vivaImport.importFile(person, await readUpload(req), uploadName(req, 'viva-goals'), { dryRun: dryRun(req) });
  }));
  server.post('/api/viva/teams', route(async (req) => {
    const person = await who(req);
    await vivaImport.confirmTeams(person, parse(teamsBody, req.body).entries);
    return { saved: true };
  }));
};
