import { z } from 'zod';
import { monthToOpen, msg, type CheckInMonthsResponse } from '@okr/core';
import type { Routes } from './routes.js';
import { canSeeUnit } from '../services/access.js';
import type { CheckInService } from '../services/checkIns.js';
import { today } from '../services/clock.js';
import { loadTree } from '../services/okrTree.js';
import { HttpError, forbidden, notFound } from './errors.js';
import { quarterParam } from './params.js';
import { calendarMonth, parseInput } from '../input/schemas.js';
import { asWrite } from '../store/freshness.js';

const checkInBody = z.object({
  period: calendarMonth,
  checkIns: z
    // `version`: this month's check-in the person edited (compare-and-set), null when there was none.
    .array(z.object({ keyResultId: z.string().min(1), value: z.unknown(), comment: z.unknown(), evidenceUrl: z.unknown(), version: z.number().int().positive().nullable() }))
    .min(1)
    .max(50),
});

/** A unit's OKR tree for a quarter, and the tab's check-ins («Reportar avance»). */
export const registerOkrRoutes: Routes<{ checkIns: CheckInService }> = (server, { who, route }, { store, clock, checkIns }) => {
  server.get('/api/units/:unitId/tree', route(async (req) => {
    const person = await who(req);
    const unit = await store.getUnit(req.params.unitId);
    if (!unit) throw notFound();
    if (!canSeeUnit(await store.rolesOf(person.id), unit.id)) throw forbidden();
    const now = today(clock);
    return loadTree(store, unit, quarterParam(req.query?.quarter, now.quarter), now.date);
  }));

  // The months «Reportar avance» offers: every open month of the unit, with what is stored and the ETI's correction.
  server.get('/api/units/:unitId/check-in-months', route(async (req): Promise<CheckInMonthsResponse> => {
    const person = await who(req);
    const result = await checkIns.openMonths(person, req.params.unitId);
    if (!result.ok) throw result.message === msg.errors.notFound ? notFound() : forbidden(result.message);
    return {
      suggested: monthToOpen(result.months),
      months: result.months.map((m) => ({
        period: m.period,
        state: m.month.state,
        reported: m.month.reported,
        total: m.month.total,
        correction: m.review?.state === 'correction_requested' ? { note: m.review.note, observations: m.review.observations } : null,
        corrected: m.month.corrected,
        checkIns: Object.fromEntries(
          result.checkIns.filter((c) => c.period === m.period).map((c) => [c.keyResultId, { value: c.value, comment: c.comment, evidenceUrl: c.evidenceUrl, version: c.version }]),
        ),
      })),
    };
  }));

  // A save checks with SharePoint only what decides it (store/freshness.ts), who is calling included.
  server.post('/api/units/:unitId/check-ins', route((req) => asWrite('checkInSave', async () => {
    const person = await who(req);
    const body = parseInput(checkInBody, req.body);
    const result = await checkIns.submit(person, req.params.unitId, body.period, body.checkIns);
    if (result.kind === 'invalid') throw new HttpError('invalid', result.errors.map((e) => e.message).join(' '), result.errors);
    if (result.kind === 'refused') throw forbidden(result.message);
    // Someone else saved meanwhile: nothing stored; the current values and versions go back, to compare and save again.
    if (result.kind === 'stale') throw new HttpError('conflict', result.errors.map((e) => e.message).join(' '), { errors: result.errors, current: result.current.map((c) => ({ keyResultId: c.keyResultId, value: c.value, version: c.version, authorId: c.authorId, updatedAt: c.updatedAt })) });
    return { saved: result.saved, tree: result.form.tree };
  })));
};
