import { describe, expect, it } from 'vitest';
import { FakeTeamsConnector } from '../testing/fakeTeamsConnector.js';
import { retryAfterMs as parseRetryAfter } from '../http/retryAfter.js';
import { RateLimitedNotifier, SendError, toSendError, type ProactiveMessage } from './notifier.js';
import { VirtualTime } from './time.js';

const message = (i: number, conversation = `a:chat-${i}`, personId = `p${i}`): ProactiveMessage => ({
  id: `m${i}`,
  personId,
  reference: { conversation: { id: conversation } },
  card: { type: 'AdaptiveCard', body: [] },
});

function setup(options: Partial<ConstructorParameters<typeof FakeTeamsConnector>[0]> = {}) {
  const time = new VirtualTime(0);
  const connector = new FakeTeamsConnector({ time, latencyMs: 80, ...options });
  const notifier = new RateLimitedNotifier(connector, { time });
  return { time, connector, notifier };
}

/** Sends all, `concurrency` at a time, like the scheduler does. */
async function sendAll(notifier: RateLimitedNotifier, messages: ProactiveMessage[], concurrency = 16) {
  const queue = [...messages];
  const errors: unknown[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let m = queue.shift(); m; m = queue.shift()) await notifier.send(m).catch((e) => errors.push(e));
    }),
  );
  return errors;
}

describe('RateLimitedNotifier', () => {
  it('keeps one conversation within 7/s, 8/2 s and 60/30 s without a single 429', async () => {
    const { time, connector, notifier } = setup();
    const messages = Array.from({ length: 100 }, (_, i) => message(i, 'a:one-chat', 'p'));
    expect(await time.run(sendAll(notifier, messages))).toEqual([]);
    expect(connector.deliveries).toHaveLength(100);
    expect(connector.violations).toBe(0);
    const at = connector.deliveries.map((d) => d.at - 80);
    const inWindow = (from: number, ms: number) => at.filter((t) => t >= from && t < from + ms).length;
    for (const t of at) {
      expect(inWindow(t, 1000)).toBeLessThanOrEqual(7);
      expect(inWindow(t, 2000)).toBeLessThanOrEqual(8);
      expect(inWindow(t, 30_000)).toBeLessThanOrEqual(60);
    }
    // 60 fit in the first 30 s; the other 40 at 8 per 2 s after that.
    expect(time.now()).toBeGreaterThanOrEqual(30_000);
  });

  it('keeps the app within 30 requests per second across conversations', async () => {
    const { time, connector, notifier } = setup();
    await time.run(sendAll(notifier, Array.from({ length: 300 }, (_, i) => message(i))));
    expect(connector.deliveries).toHaveLength(300);
    expect(connector.violations).toBe(0);
    // 300 at 30/s: the last starts at about 9 s (the first batch is limited by the 16 in flight).
    expect(time.now()).toBeGreaterThanOrEqual(9_000);
    expect(time.now()).toBeLessThan(9_400);
  });

  it('counts card updates against the same limits as sends, and retries an update after its 429', async () => {
    let injected = false;
    const { time, connector, notifier } = setup({ inject429: (n) => (n === 3 && !injected ? ((injected = true), 2000) : null) });
    const chat = (i: number) => message(i, 'a:one-chat', 'p');
    const work = Promise.all([
      ...Array.from({ length: 6 }, (_, i) => notifier.send(chat(i))),
      ...Array.from({ length: 4 }, (_, i) => notifier.update(chat(10 + i), `activity-${i + 1}`)),
    ]);
    await time.run(work);
    expect(connector.deliveries).toHaveLength(6);
    expect(connector.updates.map((u) => u.activityId).sort()).toEqual(['activity-1', 'activity-2', 'activity-3', 'activity-4']);
    expect(connector.violations).toBe(0);
    expect(notifier.throttled).toBe(1);
  });

  it('on a 429 every sender pauses for Retry-After, and the message is sent once, later', async () => {
    const { time, connector, notifier } = setup({ inject429: (n) => (n === 10 ? 3_000 : null) });
    await time.run(sendAll(notifier, Array.from({ length: 60 }, (_, i) => message(i))));
    expect(connector.throttled).toBe(1);
    expect(notifier.throttled).toBe(1);
    expect(connector.deliveries).toHaveLength(60);
    expect(connector.duplicates()).toBe(0);
    // The 429 came back at 80 ms (the 10th request, sent at 0): nothing left between 80 ms and 3,080 ms.
    const sentAt = connector.deliveries.map((d) => d.at - 80);
    expect(sentAt.filter((t) => t > 80 && t < 3_080)).toEqual([]);
    expect(new Set(connector.deliveries.map((d) => d.id)).size).toBe(60);
  });

  it('gives back a refused or an uncertain send at once, and a throttled one after too many 429s', async () => {
    const { time, connector, notifier } = setup();
    connector.failNext.set('p1', ['refused']);
    connector.failNext.set('p2', ['unknown']);
    const refused = await time.run(notifier.send(message(1)).catch((e) => e));
    expect(refused).toBeInstanceOf(SendError);
    expect(refused).toMatchObject({ failure: 'refused', status: 403, notDelivered: true });
    const unknown = await time.run(notifier.send(message(2)).catch((e) => e));
    expect(unknown).toMatchObject({ failure: 'unknown', notDelivered: false });
    expect(connector.requests).toBe(2);

    const always = setup({ inject429: () => 1_000 });
    const throttled = await always.time.run(always.notifier.send(message(3)).catch((e) => e));
    expect(throttled).toMatchObject({ failure: 'throttled', notDelivered: true });
    expect(always.connector.requests).toBe(21);
    expect(always.connector.deliveries).toEqual([]);
  });

  it('reads status and Retry-After from what HTTP clients throw', () => {
    const headers = new Map([['retry-after', '7']]);
    expect(toSendError({ statusCode: 429, message: 'Too many', response: { headers } })).toMatchObject({ failure: 'throttled', retryAfterMs: 7_000 });
    expect(toSendError({ statusCode: 429, response: { headers: { 'retry-after': '2' } } })).toMatchObject({ retryAfterMs: 2_000 });
    expect(toSendError({ statusCode: 403, message: 'Forbidden' })).toMatchObject({ failure: 'refused' });
    expect(toSendError({ status: 404 })).toMatchObject({ failure: 'refused' });
    expect(toSendError({ statusCode: 502 })).toMatchObject({ failure: 'unknown' });
    expect(toSendError(new Error('ECONNRESET'))).toMatchObject({ failure: 'unknown', status: null });
    expect(parseRetryAfter('Wed, 25 Nov 2026 15:00:10 GMT', Date.parse('2026-11-25T15:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe('VirtualTime', () => {
  it('wakes sleepers in time order and jumps over idle time', async () => {
    const time = new VirtualTime(1_000);
    const order: string[] = [];
    const task = Promise.all([
      time.sleep(500).then(() => order.push(`b@${time.now()}`)),
      time.sleep(100).then(() => order.push(`a@${time.now()}`)),
      time.sleep(100).then(async () => {
        await time.sleep(1_000);
        order.push(`c@${time.now()}`);
      }),
    ]);
    await time.run(task);
    expect(order).toEqual(['a@1100', 'b@1500', 'c@2100']);
  });
});
