import { useCallback, useEffect, useRef, useState } from 'react';
import type { Host } from './host.js';
import type { StageSession } from './liveShareStage.js';
import { CONNECTING, STANDALONE, backToPresentation, joined, leftSession, navigate, presentedMoved, shownStep, type StageSync } from './stageSync.js';

/** Joins the session of a deck (its unit and quarter). */
export type OpenStageSession = (deck: string) => Promise<StageSession>;

/** How long the stage waits for the session before it moves alone (a meeting's Live Share can be slow to answer). */
export const JOIN_TIMEOUT_MS = 20_000;

const joinLiveShare: typeof import('./liveShareStage.js').joinStageSession = (place, deck) =>
  import('./liveShareStage.js').then(({ joinStageSession }) => joinStageSession(place, deck));

/**
 * Which session this stage can join, if any: in a Teams meeting's stage, the meeting's; in a
 * browser, the local Fluid server the development server names (`/api/dev/live-share`, with
 * LIVE_SHARE_LOCAL_PORT), as a presenter — or as an attendee with `?meetingRole=attendee`. Live
 * Share's code is fetched only then, never for a stage that moves alone.
 */
export function stageSessionOpener(host: Pick<Host, 'mode' | 'frame'>, search: string): OpenStageSession | null {
  if (host.mode === 'teams') {
    if (host.frame !== 'meetingStage') return null;
    return async (deck) => joinLiveShare({ kind: 'teams', host: (await import('./teamsSdk.js')).LiveShareHost.create() }, deck);
  }
  const role = new URLSearchParams(search).get('meetingRole') === 'attendee' ? 'attendee' : 'presenter';
  return async (deck) => {
    const res = await fetch('/api/dev/live-share');
    if (!res.ok) throw new Error(`no local Live Share server (${res.status})`);
    const { endpoint } = (await res.json()) as { endpoint: string };
    return joinLiveShare({ kind: 'local', endpoint, role }, deck);
  };
}

/**
 * The stage's step and its part in the session (stageSync.ts): joins with `open` (none: the stage
 * moves alone), follows the presentation, and sends a presenter's moves to everyone.
 */
export function useStageSession(open: OpenStageSession | null, deck: string, total: number) {
  const [sync, setSync] = useState<StageSync>(open ? CONNECTING : STANDALONE);
  const current = useRef(sync);
  const session = useRef<StageSession | null>(null);
  const totalRef = useRef(total);
  totalRef.current = total;
  const update = useCallback((next: (s: StageSync) => StageSync) => {
    current.current = next(current.current);
    setSync(current.current);
  }, []);

  useEffect(() => {
    if (!open) {
      update((s) => leftSession(s, totalRef.current));
      return;
    }
    update((s) => ({ ...CONNECTING, own: shownStep(s, totalRef.current) }));
    let live = true;
    let joinedSession: StageSession | null = null;
    const giveUp = () => {
      if (!live) return;
      live = false;
      session.current = null;
      update((s) => leftSession(s, totalRef.current));
    };
    const timer = setTimeout(giveUp, JOIN_TIMEOUT_MS);
    open(deck).then(
      (s) => {
        if (!live) return s.close(); // given up, or the stage went away
        clearTimeout(timer);
        joinedSession = s;
        session.current = s;
        update((sy) => joined(sy, s.role, s.presented, totalRef.current));
        s.onPresented((step) => live && update((sy) => presentedMoved(sy, step, totalRef.current)));
        s.onLost(giveUp);
      },
      () => {
        clearTimeout(timer);
        giveUp();
      },
    );
    return () => {
      live = false;
      clearTimeout(timer);
      session.current = null;
      joinedSession?.close();
    };
  }, [open, deck, update]);

  const move = useCallback(
    (step: number) => {
      const { sync: next, publish } = navigate(current.current, step, totalRef.current);
      update(() => next);
      if (publish !== null) session.current?.publish(publish).catch(() => undefined); // the next move sends again
    },
    [update],
  );
  const back = useCallback(() => update(backToPresentation), [update]);
  return { sync, move, back };
}
