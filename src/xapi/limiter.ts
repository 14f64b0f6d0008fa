// Bounds the number of XAPI calls in flight per client. XAPI serves each call on its own thread and a burst
// of hundreds (a dashboard opening, a mass start) slows the whole pool, so extra calls wait here in FIFO order.

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency must be a positive integer, got ${limit}`);
  }

  /** Calls currently running. */
  get inFlight(): number {
    return this.active;
  }

  /** Calls waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next waiter, so `active` never drops below the limit while calls queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}
