// XAPI tasks: the row every async (and every sync operation) call runs under, its progress and cancellation.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from './db.js';
import { XapiFailure } from './errors.js';
import { xapiNow } from './clock.js';

const running = new Map<string, TaskRun>();

export class TaskRun {
  cancelRequested = false;
  /** Set by task.destroy while the task is pending: the row goes as soon as the task finishes. */
  destroyWhenDone = false;
  /** An injected failure that strikes when progress reaches `progress` (see faults.ts). */
  failAt?: { readonly progress: number; readonly error: readonly string[] };

  constructor(readonly db: Db, readonly ref: string, private readonly timeScale: number) {}

  get progress(): number {
    return this.db.get('task', this.ref).progress as number;
  }

  setProgress(fraction: number): void {
    const progress = Math.min(1, Math.max(0, Math.round(fraction * 1000) / 1000));
    if (progress !== this.progress) this.db.update(this.ref, { progress });
    if (this.failAt && progress >= this.failAt.progress) {
      const [code, ...params] = this.failAt.error;
      this.failAt = undefined;
      throw new XapiFailure(code!, ...params);
    }
  }

  /** Whether task.cancel may interrupt the work from now on. */
  setCancellable(cancellable: boolean): void {
    this.db.update(this.ref, { allowed_operations: cancellable ? ['cancel'] : [] });
  }

  /** Throws TASK_CANCELLED at a cancellation point when a cancel was requested. */
  checkCancelled(): void {
    if (this.cancelRequested) throw new XapiFailure('TASK_CANCELLED', this.ref);
  }

  /**
   * Simulates `seconds` of realistic work (scaled), moving progress from its current value to `until`
   * in steps so watchers see it advance. Cancellable work checks for cancellation at every step.
   */
  async work(seconds: number, until = 1, options: { cancellable?: boolean } = {}): Promise<void> {
    const total = seconds * 1000 * this.timeScale;
    const steps = Math.max(1, Math.min(20, Math.round(total / 15)));
    const start = this.progress;
    if (options.cancellable) this.setCancellable(true);
    try {
      for (let i = 1; i <= steps; i++) {
        if (options.cancellable) this.checkCancelled();
        await sleep(total / steps);
        this.setProgress(start + ((until - start) * i) / steps);
      }
      if (options.cancellable) this.checkCancelled();
    } finally {
      if (options.cancellable && this.db.has(this.ref)) this.setCancellable(false);
    }
  }
}

export function createTask(db: Db, label: string, hostRef: string, timeScale: number): TaskRun {
  const ref = db.create('task', {
    name_label: label,
    status: 'pending',
    progress: 0,
    created: xapiNow(),
    resident_on: hostRef,
    type: '<none/>',
    backtrace: '()',
  });
  const run = new TaskRun(db, ref, timeScale);
  running.set(ref, run);
  return run;
}

/** Runs work under a task the client made with task.create (HTTP transfers take one as `task_id`). */
export function adoptTask(db: Db, ref: string, timeScale: number): TaskRun {
  const run = runningTask(ref) ?? new TaskRun(db, ref, timeScale);
  running.set(ref, run);
  return run;
}

/** Ends a task: success carries the result already marshalled as an XML-RPC value string. */
export function finishTask(run: TaskRun, outcome: { result: string } | { error: string[] }): void {
  running.delete(run.ref);
  if (!run.db.has(run.ref)) return;
  if ('result' in outcome) {
    run.db.update(run.ref, {
      progress: 1, finished: xapiNow(), result: outcome.result, allowed_operations: [], status: 'success',
    });
  } else {
    const cancelled = outcome.error[0] === 'TASK_CANCELLED';
    run.db.update(run.ref, {
      progress: 1, finished: xapiNow(), error_info: outcome.error, allowed_operations: [], current_operations: {},
      status: cancelled ? 'cancelled' : 'failure',
    });
  }
  if (run.destroyWhenDone) run.db.destroy(run.ref);
}

export function runningTask(ref: string): TaskRun | undefined {
  return running.get(ref);
}
