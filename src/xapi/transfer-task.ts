// XAPI's HTTP transfers (import_raw_vdi, export_raw_vdi) report their outcome only through a task the
// client creates and passes along. This runs a transfer under such a task and follows the task to its end.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CallAsyncOptions, XapiClient } from './client.js';
import { isXapiError, XapiErrorCode } from './errors.js';

/** How long a broken transfer waits for XAPI to fail its task before giving up on it. */
const FAILURE_GRACE_MS = 5000;

export async function withTransferTask<T>(
  client: XapiClient, label: string, options: CallAsyncOptions, transfer: (task: string) => Promise<T>,
): Promise<T> {
  const task = await client.call<string>('task.create', label, '');
  if (options.signal?.aborted) {
    await client.call('task.destroy', task).catch(() => undefined);
    throw options.signal.reason;
  }
  const outcome = client.awaitTask(label, task, options);
  outcome.catch(() => undefined);
  let result: T;
  try {
    result = await transfer(task);
  } catch (error) {
    // XAPI fails a task whose transfer broke (VDI_IO_ERROR …), and its code says more than the socket's. A task
    // XAPI never took up (the request did not reach it, or was cancelled first) stays pending: bounded wait.
    await client.call('task.cancel', task).catch(() => undefined);
    const failure = await Promise.race([outcome.then(() => undefined, (taskError: unknown) => taskError), sleep(FAILURE_GRACE_MS)]);
    await client.call('task.destroy', task).catch(() => undefined);
    if (isXapiError(failure) && failure.code !== XapiErrorCode.TASK_CANCELLED) throw failure;
    throw error;
  }
  await outcome;
  return result;
}
