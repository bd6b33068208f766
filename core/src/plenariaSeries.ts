import type { Plenaria } from './actas.js';
import { onOrNextBusinessDay } from './calendar.js';

/**
 * «Programar la siguiente»: the next session of a monthly series, one month after the previous one
 * (the same day of the month, or the month's last day when it has fewer), on that day or the next
 * business day; the same time, place, modality, and who presides and writes the acta.
 */
export function nextMonthlySession<T extends Pick<Plenaria, 'kind' | 'unitId' | 'date' | 'startTime' | 'modality' | 'location' | 'presidingId' | 'secretaryId'>>(previous: T) {
  const [y, mo, d] = previous.date.split('-').map(Number) as [number, number, number];
  const year = mo === 12 ? y + 1 : y;
  const month = mo === 12 ? 1 : mo + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  const { kind, unitId, startTime, modality, location, presidingId, secretaryId } = previous;
  return { kind, unitId, date: onOrNextBusinessDay(day), startTime, modality, location, presidingId, secretaryId };
}
