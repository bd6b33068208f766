import { describe, expect, it } from 'vitest';
import {
  CONNECTING,
  STANDALONE,
  backToPresentation,
  joined,
  leftSession,
  navigate,
  presentedMoved,
  shownStep,
  stageStatus,
  type StageSync,
} from './stageSync.js';

const TOTAL = 4;

describe('stage sync: alone', () => {
  it('moves on its own and never publishes', () => {
    const { sync, publish } = navigate(STANDALONE, 2, TOTAL);
    expect(shownStep(sync, TOTAL)).toBe(2);
    expect(publish).toBeNull();
    expect(stageStatus(sync)).toBe('alone');
    expect(shownStep(navigate(sync, 9, TOTAL).sync, TOTAL)).toBe(3);
  });

  it('ignores a presentation step that arrives before the session is joined or after it is lost', () => {
    expect(presentedMoved(STANDALONE, 3, TOTAL)).toBe(STANDALONE);
    expect(presentedMoved(CONNECTING, 3, TOTAL)).toBe(CONNECTING);
  });

  it('keeps the step it showed when the session cannot be joined', () => {
    const browsing = navigate(CONNECTING, 2, TOTAL).sync;
    const alone = leftSession(browsing, TOTAL);
    expect(alone).toEqual({ link: 'alone', presented: null, own: 2 });
    const following: StageSync = { link: 'attendee', presented: 3, own: null };
    expect(leftSession(following, TOTAL)).toEqual({ link: 'alone', presented: null, own: 3 });
  });
});

describe('stage sync: the presenter', () => {
  it('keeps the step shown when no presentation is under way, and starts it with the next move', () => {
    const moved = navigate(CONNECTING, 1, TOTAL).sync;
    const sync = joined(moved, 'presenter', null, TOTAL);
    expect(sync).toEqual({ link: 'presenter', presented: null, own: 1 });
    expect(stageStatus(sync)).toBe('presenting');
    const next = navigate(sync, 2, TOTAL);
    expect(next.publish).toBe(2);
    expect(next.sync).toEqual({ link: 'presenter', presented: 2, own: null });
  });

  it('joins a presentation under way at its step', () => {
    const sync = joined(navigate(CONNECTING, 3, TOTAL).sync, 'presenter', 2, TOTAL);
    expect(shownStep(sync, TOTAL)).toBe(2);
  });

  it('moves the presentation with each step, within the steps', () => {
    const start = joined(CONNECTING, 'presenter', null, TOTAL);
    const next = navigate(start, 1, TOTAL);
    expect(next.publish).toBe(1);
    expect(shownStep(next.sync, TOTAL)).toBe(1);
    expect(navigate(next.sync, 7, TOTAL).publish).toBe(3);
  });

  it('follows another presenter who takes over', () => {
    const start = joined(CONNECTING, 'presenter', 1, TOTAL);
    expect(shownStep(presentedMoved(start, 3, TOTAL), TOTAL)).toBe(3);
  });
});

describe('stage sync: an attendee', () => {
  it('follows the presentation as it moves', () => {
    const sync = joined(CONNECTING, 'attendee', 1, TOTAL);
    expect(stageStatus(sync)).toBe('following');
    const moved = presentedMoved(sync, 2, TOTAL);
    expect(shownStep(moved, TOTAL)).toBe(2);
    expect(stageStatus(moved)).toBe('following');
  });

  it('browses on their own without moving anyone, and stays there while the presentation moves', () => {
    const following = joined(CONNECTING, 'attendee', 1, TOTAL);
    const { sync: browsing, publish } = navigate(following, 3, TOTAL);
    expect(publish).toBeNull();
    expect(stageStatus(browsing)).toBe('browsing');
    expect(shownStep(browsing, TOTAL)).toBe(3);
    const presenterMoved = presentedMoved(browsing, 2, TOTAL);
    expect(shownStep(presenterMoved, TOTAL)).toBe(3);
    expect(presenterMoved.presented).toBe(2);
    expect(stageStatus(presenterMoved)).toBe('browsing');
  });

  it('stays off the presentation even on the presentation’s own step, until «Volver a la presentación»', () => {
    const following = joined(CONNECTING, 'attendee', 1, TOTAL);
    const back = navigate(navigate(following, 2, TOTAL).sync, 1, TOTAL).sync;
    expect(stageStatus(back)).toBe('browsing');
    const rejoined = backToPresentation(presentedMoved(back, 3, TOTAL));
    expect(stageStatus(rejoined)).toBe('following');
    expect(shownStep(rejoined, TOTAL)).toBe(3);
    expect(shownStep(presentedMoved(rejoined, 0, TOTAL), TOTAL)).toBe(0);
  });

  it('waits on their own step until someone presents, then follows the first step presented', () => {
    const moved = navigate(CONNECTING, 2, TOTAL).sync;
    const waiting = joined(moved, 'attendee', null, TOTAL);
    expect(stageStatus(waiting)).toBe('waiting');
    expect(shownStep(waiting, TOTAL)).toBe(2);
    const browsing = navigate(waiting, 3, TOTAL).sync;
    expect(stageStatus(browsing)).toBe('waiting');
    expect(backToPresentation(browsing)).toBe(browsing);
    const started = presentedMoved(browsing, 0, TOTAL);
    expect(stageStatus(started)).toBe('following');
    expect(shownStep(started, TOTAL)).toBe(0);
  });

  it('shows a presentation step past its own steps as its last step (a set changed meanwhile)', () => {
    const sync = joined(CONNECTING, 'attendee', 9, TOTAL);
    expect(sync.presented).toBe(3);
    expect(presentedMoved(sync, 12, TOTAL).presented).toBe(3);
  });
});
