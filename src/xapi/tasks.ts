// Following an XAPI task to its end. XAPI reports an async call's progress and outcome only through the task
// record, and every change of it is a `mod` event, so we wait on events rather than polling `task.get_record`.
import { XapiError, XapiErrorCode } from './errors.js';
import { normalizeResult, type XapiRecord } from './normalize.js';
import type { ObjectCache } from './object-cache.js';
import { parseXmlRpcValue } from './xml-value.js';

export interface TaskWaitOptions {
  /** Called with the task's progress (0..1) each time it grows. */
  onProgress?: (fraction: number) => void;
  /**
   * Asks XAPI to cancel the task (`task.cancel`). The wait still ends when XAPI ends the task: rejected with
   * TASK_CANCELLED if it was cancelled, or settled normally if the work finished first or cannot be cancelled.
   */
  signal?: AbortSignal;
}

export interface TaskContext {
  /** The pool's object cache, kept current by the event watcher; undefined when events are not watched. */
  cache: ObjectCache | undefined;
  /** A normalised client call. */
  call(method: string, args: unknown[]): Promise<unknown>;
  /** The same, outside the concurrency queue: a long poll must not hold a slot others need. */
  longPoll(method: string, args: unknown[]): Promise<unknown>;
}

const FINAL_STATUSES = new Set(['success', 'failure', 'cancelled']);

export function isTaskFinished(task: XapiRecord | undefined): boolean {
  return task !== undefined && FINAL_STATUSES.has(String(task.status));
}

/**
 * Turns a finished task into the call's outcome: the decoded result of `method`, or the XapiError XAPI put
 * in `error_info`.
 */
export function taskOutcome(method: string, taskRef: string, task: XapiRecord): unknown {
  switch (task.status) {
    case 'success':
      return normalizeResult(method, parseXmlRpcValue(String(task.result ?? '')));
    case 'failure':
      throw XapiError.fromDescription(task.error_info, method, taskRef);
    case 'cancelled': {
      const info = Array.isArray(task.error_info) ? task.error_info : [];
      if (info[0] === XapiErrorCode.TASK_CANCELLED) throw XapiError.fromDescription(info, method, taskRef);
      throw new XapiError(XapiErrorCode.TASK_CANCELLED, [taskRef], method, taskRef);
    }
    default:
      throw new Error(`task ${taskRef} is not finished (status ${String(task.status)})`);
  }
}

/** Tracks progress reports so the callback sees each fraction once, in increasing order. */
function progressReporter(onProgress: ((fraction: number) => void) | undefined): (task: XapiRecord) => void {
  let last = -1;
  return (task) => {
    if (!onProgress) return;
    const fraction = Number(task.progress);
    // XAPI also sets progress to 1 on failure; that is an end, not progress.
    if (!Number.isFinite(fraction) || fraction <= last || task.status === 'failure' || task.status === 'cancelled') return;
    last = fraction;
    try {
      onProgress(fraction);
    } catch {
      // A failing progress callback must not lose the task's outcome.
    }
  };
}

/**
 * Waits until the task is finished and returns its final record. With a cache, the task must have been made
 * while its watcher runs (an Async call's or a transfer's own task), which is what makes events alone enough.
 */
export function waitForTask(context: TaskContext, method: string, taskRef: string, options: TaskWaitOptions = {}): Promise<XapiRecord> {
  return context.cache
    ? waitThroughCache(context, context.cache, method, taskRef, options)
    : waitThroughOwnEvents(context, method, taskRef, options);
}

function requestCancel(context: TaskContext, taskRef: string): void {
  // Not cancellable (or already done): the task then simply ends on its own, which the waiter reports.
  context.call('task.cancel', [taskRef]).catch(() => undefined);
}

function waitThroughCache(
  context: TaskContext,
  cache: ObjectCache,
  method: string,
  taskRef: string,
  options: TaskWaitOptions,
): Promise<XapiRecord> {
  return new Promise<XapiRecord>((resolve, reject) => {
    const report = progressReporter(options.onProgress);
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      cache.off('change', onChange);
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const consider = (task: XapiRecord | undefined): void => {
      if (settled || !task) return;
      if (task.status === 'pending' || task.status === 'success') report(task);
      if (isTaskFinished(task)) finish(() => resolve(task));
    };
    const onChange = (change: { cls: string; ref: string; operation: string; record: XapiRecord | undefined }): void => {
      if (change.cls !== 'task' || change.ref !== taskRef) return;
      if (change.operation === 'del') {
        finish(() => reject(new Error(`task ${taskRef} (${method}) was destroyed before it finished`)));
      } else {
        consider(change.record);
      }
    };
    const onAbort = (): void => requestCancel(context, taskRef);

    cache.on('change', onChange);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    // No task.get_record: the task was made while the watcher ran, so its token predates the task and every
    // change of it (the final one included) reaches the cache; a finished task either is there already or
    // arrives as an event. A task gone meanwhile (toolstack restart) is a `del` after the watcher's resync.
    consider(cache.get('task', taskRef));
  });
}

/** Without an event watcher: a long poll of our own on just this task (`task/<ref>` subscription). */
async function waitThroughOwnEvents(context: TaskContext, method: string, taskRef: string, options: TaskWaitOptions): Promise<XapiRecord> {
  const report = progressReporter(options.onProgress);
  let cancelRequested = false;
  const onAbort = (): void => {
    if (cancelRequested) return;
    cancelRequested = true;
    requestCancel(context, taskRef);
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // An empty token makes the first answer the task's current state (an `add`), so no separate read is needed.
    let token = '';
    for (;;) {
      const batch = (await context.longPoll('event.from', [[`task/${taskRef}`], token, 30])) as {
        events: { operation: string; snapshot?: XapiRecord }[];
        token: string;
      };
      token = batch.token;
      for (const event of batch.events) {
        if (event.operation === 'del') throw new Error(`task ${taskRef} (${method}) was destroyed before it finished`);
        if (!event.snapshot) continue;
        if (event.snapshot.status === 'pending' || event.snapshot.status === 'success') report(event.snapshot);
        if (isTaskFinished(event.snapshot)) return event.snapshot;
      }
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
