import { bogotaDate, quarterOf, periodOf, type IsoDate, type Period, type QuarterId } from '@okr/core';

/** The one source of "now" for the server, so tests and demos can pin it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock {
  const at = new Date(iso);
  return { now: () => new Date(at) };
}

/** A clock a test moves forward (the day of a plenaria comes, a reporting window closes). */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return { now: () => new Date(at), set: (next: string) => void (at = new Date(next)) };
}

/** Today in Bogotá and the quarter and month it falls in. */
export function today(clock: Clock): { date: IsoDate; quarter: QuarterId; period: Period } {
  const date = bogotaDate(clock.now());
  return { date, quarter: quarterOf(date), period: periodOf(date) };
}
