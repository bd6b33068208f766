import type { Request } from 'restify';
import { z } from 'zod';
import { msg, type Person, type QuarterId } from '@okr/core';
import type { Routes } from './routes.js';
import type { ActaSigningService } from '../services/actaSigning.js';
import type { ActaService } from '../services/actas.js';
import { today } from '../services/clock.js';
import { calendarDate, parseInput as parse, userText } from '../input/schemas.js';
import { quarterParam } from './params.js';

const date = calendarDate;
const time = z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM');
const line = userText(500);
const long = userText(20_000);
const id = z.string().min(1).max(120);

const plenariaBody = z.object({
  kind: z.enum(['menor', 'mayor', 'dialogo', 'validacion']),
  unitId: id.nullable(),
  date,
  startTime: time,
  modality: z.enum(['presencial', 'virtual', 'mixta']),
  location: userText(1000),
  presidingId: id,
  secretaryId: id,
});

const reason = userText(2000).refine((r) => r.trim().length > 0, { message: msg.actas.changeReason });
const rescheduleBody = z.object({ date, startTime: time, modality: z.enum(['presencial', 'virtual', 'mixta']), location: userText(1000), reason });
const cancelBody = z.object({ reason });

const draft = z.object({
  startTime: z.string().max(5),
  endTime: z.string().max(5),
  objective: long,
  attendeeIds: z.array(id).max(300),
  guests: z.array(line).max(100),
  agenda: z.array(line).max(50),
  development: long,
  proposals: z.array(userText(2000)).max(100),
  conversations: long,
  feedback: long,
  recognitions: z.array(z.object({ id, personId: id.nullable(), team: line.nullable(), reason: userText(2000) })).max(100),
  decisions: z.array(userText(2000)).max(100),
  commitments: z.array(z.object({ id, task: userText(1000), ownerId: z.string().max(120), due: date })).max(100),
});

const at = z.object({ documentVersion: z.number().int().positive(), version: z.number().int().positive() });
const saveBody = at.extend({ draft });
const signBody = at.extend({ part: z.enum(['secretary', 'presiding']) });
const correctBody = z.object({ documentVersion: z.number().int().positive(), reason: userText(2000) });
const sendBody = z.object({ documentVersion: z.number().int().positive() });
const commitmentBody = z.object({
  version: z.number().int().positive(),
  status: z.enum(['abierto', 'en_curso', 'cumplido', 'cancelado']),
  note: userText(2000).optional(),
  impact: userText(2000).optional(),
});

/** Plenarias, actas, the OAP's list, commitments and recognitions over REST, for the tab. */
export const registerActaRoutes: Routes<{ actas: ActaService; actaSigning: ActaSigningService }> = (server, { who, route }, { actas, actaSigning, clock }) => {
  const quarter = (req: Request): QuarterId => quarterParam(req.query?.quarter, today(clock).quarter);
  const pid = (req: Request) => String(req.params.plenariaId);

  server.get('/api/plenarias', route(async (req) => actas.plenarias(await who(req), quarter(req))));
  server.post('/api/plenarias', route(async (req) => actas.schedule(await who(req), parse(plenariaBody, req.body))));

  server.post('/api/plenarias/:plenariaId/reschedule', route(async (req) => actas.reschedule(await who(req), pid(req), parse(rescheduleBody, req.body))));
  server.post('/api/plenarias/:plenariaId/cancel', route(async (req) => actas.cancel(await who(req), pid(req), parse(cancelBody, req.body).reason)));

  server.get('/api/plenarias/:plenariaId/acta', route(async (req) => actas.view(await who(req), pid(req))));
  server.post('/api/plenarias/:plenariaId/acta', route(async (req) => actas.start(await who(req), pid(req))));
  /** A step on a plenaria's acta: who asks, the acta, and the body checked against its schema. */
  const onActa = <T>(schema: z.ZodType<T>, step: (person: Person, plenariaId: string, body: T) => Promise<unknown>) =>
    route(async (req) => {
      const person = await who(req);
      return step(person, pid(req), parse(schema, req.body));
    });
  server.put('/api/plenarias/:plenariaId/acta', onActa(saveBody, (p, id, b) => actas.save(p, id, b.documentVersion, b.version, b.draft)));
  server.post('/api/plenarias/:plenariaId/acta/snapshot', onActa(at, (p, id, b) => actas.refreshSnapshot(p, id, b.documentVersion, b.version)));
  server.post('/api/plenarias/:plenariaId/acta/request-signatures', onActa(at, (p, id, b) => actaSigning.requestSignatures(p, id, b.documentVersion, b.version)));
  server.post('/api/plenarias/:plenariaId/acta/sign', onActa(signBody, (p, id, b) => actaSigning.signFromTab(p, id, b.documentVersion, b.version, b.part)));
  server.post('/api/plenarias/:plenariaId/acta/correct', onActa(correctBody, (p, id, b) => actaSigning.correct(p, id, b.documentVersion, b.reason)));
  server.post('/api/plenarias/:plenariaId/acta/send-oap', onActa(sendBody, (p, id, b) => actaSigning.sendToOap(p, id, b.documentVersion)));
  // The .docx: stored once signed; a preview marked «Pendiente de firma» before.
  server.get('/api/plenarias/:plenariaId/acta/docx', route(async (req, res) => {
    const person = await who(req);
    const v = typeof req.query?.documentVersion === 'string' && /^\d+$/.test(req.query.documentVersion) ? Number(req.query.documentVersion) : null;
    const file = await actas.file(person, pid(req), v);
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'content-length': file.bytes.length,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
    return undefined;
  }));

  server.get('/api/oap/actas', route(async (req) => actas.oapList(await who(req), quarter(req))));

  server.get('/api/commitments', route(async (req) => {
    const person = await who(req);
    const unitId = typeof req.query?.unitId === 'string' ? req.query.unitId : null;
    return { commitments: unitId ? await actas.commitments.ofUnit(person, unitId) : await actas.commitments.mine(person) };
  }));
  server.post('/api/commitments/:commitmentId', route(async (req) => {
    const person = await who(req);
    const body = parse(commitmentBody, req.body);
    return actas.commitments.update(person, String(req.params.commitmentId), body.version, body);
  }));
  server.get('/api/units/:unitId/recognitions', route(async (req) => actas.commitments.recognitions(await who(req), String(req.params.unitId))));
};
