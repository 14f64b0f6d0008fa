// A background task run every so often by one xengraph process only: each run first takes (or renews) a
// named lease in the store, so replicas sharing a database take turns instead of doing the work twice, and a
// replica that dies hands over once its lease expires. Runs never overlap; stop() waits for the one running.
import { randomUUID } from 'node:crypto';
import type { LeaseRepository } from '../store/index.js';

export interface PeriodicTaskOptions {
  /** The lease's name: tasks of the same name run in one process at a time. */
  readonly name: string;
  readonly intervalMs: number;
  readonly leases: LeaseRepository;
  readonly run: () => Promise<unknown>;
  readonly onError: (message: string, error: unknown) => void;
}

export class PeriodicTask {
  /** Who this process is to the lease table. */
  private readonly holder = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<boolean> | null = null;
  private stopped = false;

  constructor(private readonly options: PeriodicTaskOptions) {}

  /** Schedules runs every interval, the first one interval from now. */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  /**
   * Runs the task now unless another process holds the lease; returns whether it ran. A run already under
   * way is waited for rather than doubled.
   */
  runNow(): Promise<boolean> {
    this.current ??= this.runOnce().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
    await this.options.leases.release(this.options.name, this.holder)
      .catch((error: unknown) => this.options.onError(`${this.options.name}: could not release its lease`, error));
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.runNow().finally(() => this.schedule());
    }, this.options.intervalMs);
    this.timer.unref();
  }

  private async runOnce(): Promise<boolean> {
    const { name, intervalMs, leases, run, onError } = this.options;
    try {
      // Held for two intervals: a holder that misses one run keeps it, one that is gone loses it soon after.
      if (!(await leases.acquire(name, this.holder, 2 * intervalMs + 5000))) return false;
      await run();
      return true;
    } catch (error) {
      onError(`${name} failed`, error);
      return false;
    }
  }
}
