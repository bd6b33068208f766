import type { Plenaria } from './actas.js';
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
