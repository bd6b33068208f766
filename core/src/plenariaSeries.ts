import type { Plenaria } from './actas.js';
import { plenariaHeld } from './actaRules.js';
import { onOrNextBusinessDay } from './calendar.js';
import type { IsoDate } from './types.js';

/** The same day `months` months after `date` (the month's last day when it has fewer), then that day or the next business day. */
function monthsAfter(date: IsoDate, months: number): IsoDate {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (mo - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return onOrNextBusinessDay(`${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`);
}

/**
 * «Programar la siguiente»: the next session of a monthly series after a past one — one month after
 * it (the same day of the month, or the month's last day when it has fewer; that day or the next
 * business day), or, when that day has already passed, the first such monthly date after today — with
 * the same time, place, modality, and who presides and writes the acta.
 */
export function nextMonthlySession<T extends Pick<Plenaria, 'kind' | 'unitId' | 'date' | 'startTime' | 'modality' | 'location' | 'presidingId' | 'secretaryId'>>(previous: T, today: IsoDate) {
  let months = 1;
  while (monthsAfter(previous.date, months) <= today) months += 1;
  const { kind, unitId, startTime, modality, location, presidingId, secretaryId } = previous;
  return { kind, unitId, date: monthsAfter(previous.date, months), startTime, modality, location, presidingId, secretaryId };
}

type SeriesSession = Pick<Plenaria, 'id' | 'kind' | 'unitId' | 'date' | 'startTime' | 'modality' | 'location' | 'presidingId' | 'secretaryId' | 'cancelled'>;

/** What the latest held session of a series offers: the next one to schedule, or the one already scheduled after it. */
export type SeriesStep = { next: ReturnType<typeof nextMonthlySession> } | { following: Pick<Plenaria, 'id' | 'date' | 'startTime'> };

/**
 * The series' step, on its latest held session only: among the series' sessions (cancelled ones do
 * not count), the last one held by `now`; when a later session is already scheduled, that one
 * (the first after it: «Siguiente sesión»), otherwise `nextMonthlySession` of it («Programar la
 * siguiente»). An earlier held session offers nothing (its next one exists), nor does a series
 * with no session held yet. `sessions` must be the whole series, not one quarter of it.
 */
export function seriesStep<T extends SeriesSession>(sessions: readonly T[], now: Date, today: IsoDate): { latestId: string; step: SeriesStep } | null {
  const open = sessions.filter((s) => !s.cancelled).sort((a, b) => (a.date + a.startTime + a.id < b.date + b.startTime + b.id ? -1 : 1));
  const held = open.filter((s) => plenariaHeld(s, now));
  const latest = held.at(-1);
  if (!latest) return null;
  const later = open[open.indexOf(latest) + 1];
  return { latestId: latest.id, step: later ? { following: { id: later.id, date: later.date, startTime: later.startTime } } : { next: nextMonthlySession(latest, today) } };
}
