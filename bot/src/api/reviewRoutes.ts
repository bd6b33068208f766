import type { Request } from 'restify';
import { z } from 'zod';
import { REVIEW_LIMITS, type Period } from '@okr/core';
import type { Routes } from './routes.js';
import type { QuarterCloseService } from '../services/quarterClose.js';
import type { ReviewService } from '../services/review.js';
import { today } from '../services/clock.js';
import { quarterParam } from './params.js';
import { calendarMonth, parseInput as parse, quarterId, userText } from '../input/schemas.js';

const id = z.string().min(1).max(120);
const decisionBody = z.object({
  period: calendarMonth,
  action: z.enum(['close', 'request_correction']),
  version: z.number().int().positive().nullable(),
  note: userText(REVIEW_LIMITS.noteMax).nullable().optional(),
  observations: z.array(z.object({ keyResultId: id, text: userText(REVIEW_LIMITS.observationMax) })).max(50).optional(),
});
const bulkBody = z.object({ period: calendarMonth, unitIds: z.array(id).min(1).max(100) });
const closeBody = z.object({ quarter: quarterId });
const shareBody = z.object({ quarter: quarterId, version: z.number().int().positive() });

/** `?period=AAAA-MM` (the shared month schema), or the month being reported when it is absent. */
const periodQuery = (req: Request): Period | undefined => {
  const p = req.query?.period;
  return p === undefined || p === '' ? undefined : parse(calendarMonth, p);
};

/** The ETI's monthly review, a key result's history and the quarter close (with its .xlsx), over REST for the tab. */
export const registerReviewRoutes: Routes<{ monthReview: ReviewService; quarterClose: QuarterCloseService }> = (server, { who, route }, { monthReview, quarterClose, clock }) => {
  const quarter = (value: unknown) => quarterParam(value, today(clock).quarter);

  server.get('/api/review/queue', route(async (req) => monthReview.queue(await who(req), periodQuery(req))));
  server.get('/api/review/units/:unitId', route(async (req) => monthReview.unitMonth(await who(req), String(req.params.unitId), periodQuery(req))));
  server.post('/api/review/units/:unitId/decision', route(async (req) => {
    const person = await who(req);
    const body = parse(decisionBody, req.body);
    const unitId = String(req.params.unitId);
    const { notified } = await monthReview.decide(person, { unitId, period: body.period, action: body.action, expectedVersion: body.version, note: body.note ?? null, observations: body.observations ?? [] });
    return { review: await monthReview.unitMonth(person, unitId, body.period), notified };
  }));
  server.post('/api/review/close-consistent', route(async (req) => {
    const body = parse(bulkBody, req.body);
    return monthReview.closeConsistent(await who(req), body.period, body.unitIds);
  }));

  server.get('/api/units/:unitId/key-results/:keyResultId/history', route(async (req) =>
    monthReview.keyResultHistory(await who(req), String(req.params.unitId), String(req.params.keyResultId), quarter(req.query?.quarter)),
  ));

  server.get('/api/reports/quarter-close', route(async (req) => quarterClose.view(await who(req), quarter(req.query?.quarter))));
  server.post('/api/reports/quarter-close', route(async (req) => quarterClose.close(await who(req), parse(closeBody, req.body).quarter)));
  server.post('/api/reports/quarter-close/share', route(async (req) => {
    const body = parse(shareBody, req.body);
    return quarterClose.share(await who(req), body.quarter, body.version);
  }));
  server.get('/api/reports/quarter-close.xlsx', route(async (req, res) => {
    const file = await quarterClose.xlsx(await who(req), quarter(req.query?.quarter));
    res.writeHead(200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-length': file.bytes.length,
      'content-disposition': `attachment; filename="${file.fileName}"`,
      'cache-control': 'no-store',
    });
    res.end(file.bytes);
    return undefined;
  }));
};
