/**
 * The meeting stage in step with the presenter (pure: no Live Share, no React). Whoever may present
 * (a Teams meeting's organizer or presenters) moves the presentation; everyone else's stage shows
 * the presentation's step until they move on their own, and «Volver a la presentación» brings them
 * back. Without a meeting session (outside Teams, or when Live Share cannot connect) the stage moves
 * alone. StageView.tsx keeps a `StageSync` in its state and passes it through these functions; the
 * Live Share adapter (liveShareStage.ts) carries the presentation's step between the stages.
 */

/** What this stage takes part in: nothing, a session still connecting, or a session as presenter or attendee. */
export type StageLink = 'alone' | 'connecting' | 'presenter' | 'attendee';

export interface StageSync {
  link: StageLink;
  /** The presentation's step, once someone has presented this deck in the session. */
  presented: number | null;
  /** The step this stage shows on its own: always while alone or connecting, while browsing as an attendee. */
  own: number | null;
}

/** What a stage shows the person about the session, besides the step itself. */
export type StageStatus = 'alone' | 'connecting' | 'presenting' | 'following' | 'waiting' | 'browsing';

export const STANDALONE: StageSync = { link: 'alone', presented: null, own: 0 };
export const CONNECTING: StageSync = { link: 'connecting', presented: null, own: 0 };

const clamp = (step: number, total: number) => Math.max(0, Math.min(total - 1, step));

/** The step on screen: the person's own while they browse (or alone), else the presentation's. */
export function shownStep(sync: StageSync, total: number): number {
  return clamp(sync.own ?? sync.presented ?? 0, total);
}

export function stageStatus(sync: StageSync): StageStatus {
  switch (sync.link) {
    case 'alone':
      return 'alone';
    case 'connecting':
      return 'connecting';
    case 'presenter':
      return 'presenting';
    case 'attendee':
      if (sync.presented === null) return 'waiting';
      return sync.own === null ? 'following' : 'browsing';
  }
}

/**
 * The session is joined. With a presentation under way, a presenter and an attendee both show its
 * step; without one, both keep the step they show — a presenter's next move starts the
 * presentation, an attendee follows once someone presents. (A presenter does not announce their
 * step on joining: the presentation's step may still be on its way, and a second presenter joining
 * would send everyone back.)
 */
export function joined(sync: StageSync, role: 'presenter' | 'attendee', presented: number | null, total: number): StageSync {
  if (presented !== null) return { link: role, presented: clamp(presented, total), own: null };
  return { link: role, presented: null, own: shownStep(sync, total) };
}

/** The session could not be joined (or was lost): the stage moves alone from the step it shows. */
export function leftSession(sync: StageSync, total: number): StageSync {
  return { link: 'alone', presented: null, own: shownStep(sync, total) };
}

/**
 * The person moves to `step`. A presenter moves the presentation (`publish` is the step to send to
 * the session); an attendee starts browsing on their own once there is a presentation to come back to.
 */
export function navigate(sync: StageSync, step: number, total: number): { sync: StageSync; publish: number | null } {
  const next = clamp(step, total);
  if (sync.link === 'presenter') return { sync: { ...sync, presented: next, own: null }, publish: next };
  return { sync: { ...sync, own: next }, publish: null };
}

/**
 * The session's presentation moved to `step`. A presenter follows (another presenter took over); an
 * attendee follows unless they are browsing on their own — except the first step presented, which
 * brings everyone in, since before it there was nothing to follow.
 */
export function presentedMoved(sync: StageSync, step: number, total: number): StageSync {
  if (sync.link === 'alone' || sync.link === 'connecting') return sync;
  const presented = clamp(step, total);
  if (sync.link === 'presenter' || sync.presented === null) return { ...sync, presented, own: null };
  return { ...sync, presented };
}

/** «Volver a la presentación»: the attendee follows the presentation again. */
export function backToPresentation(sync: StageSync): StageSync {
  return sync.link === 'attendee' && sync.presented !== null ? { ...sync, own: null } : sync;
}
