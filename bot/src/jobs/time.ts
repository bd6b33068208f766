/**
 * Time for the sending machinery: "now" in milliseconds and a sleep. Production uses the real
 * clock; tests and the benchmark use `VirtualTime`, where waiting costs nothing.
 */
export interface TimeSource {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTime: TimeSource = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * A simulated clock for many concurrent tasks: `sleep` parks the caller; `run(task)` lets every task
 * progress until all are waiting, then jumps to the earliest wake-up, and so on until the task ends.
 * Hours of rate-limited sending take milliseconds, with the same interleavings as real time.
 */
export class VirtualTime implements TimeSource {
  private t: number;
  private seq = 0;
  private readonly timers: Timer[] = [];

  constructor(start: number | Date = 0) {
    this.t = typeof start === 'number' ? start : start.getTime();
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, resolve };
      // Sorted by wake-up time, first come first served among equals.
      let lo = 0;
      let hi = this.timers.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const m = this.timers[mid]!;
        if (m.at < timer.at || (m.at === timer.at && m.seq < timer.seq)) lo = mid + 1;
        else hi = mid;
      }
      this.timers.splice(lo, 0, timer);
    });
  }

  /** Moves the clock forward by hand (nothing wakes up until `run`). */
  advance(ms: number): void {
    this.t += ms;
  }

  async run<T>(task: Promise<T>): Promise<T> {
    let done = false;
    task.then(
      () => (done = true),
      () => (done = true),
    );
    let idle = 0;
    while (!done) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (done) break;
      const next = this.timers.shift();
      if (!next) {
        // Nothing sleeping: the task waits on real I/O; give it a moment.
        if (++idle > 10_000) throw new Error('VirtualTime: the task neither ends nor sleeps');
        continue;
      }
      idle = 0;
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
    return task;
  }
}
