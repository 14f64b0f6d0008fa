// Nova's poll_rebooting_instances: a clean reboot the guest never acknowledges would wait forever. Once one
// has run longer than REBOOT_TIMEOUT its XAPI task is cancelled (task.cancel) and the instance is rebooted
// hard, as a new Operation; the stuck one ends CANCELLED.
import { setTimeout as sleep } from 'node:timers/promises';
import { rebootAction } from '../driver/actions/power.js';
import type { Operation } from '../store/index.js';
import { parseXapiDate, type XapiClient } from '../xapi/index.js';
import type { AppServices } from '../services.js';

export const REBOOT_POLLER = 'periodic:poll_rebooting_instances';
const CLEAN_REBOOT_TASKS = new Set(['VM.clean_reboot', 'Async.VM.clean_reboot']);
const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/** Nova's _cancel_stale_tasks: every clean-reboot task of the pool older than the cut-off is cancelled. */
async function cancelStaleCleanReboots(client: XapiClient, cutoff: number): Promise<void> {
  const stale = [...client.cache.all('task')].filter(([, task]) => CLEAN_REBOOT_TASKS.has(String(task.name_label))
    && task.status === 'pending' && parseXapiDate(String(task.created)).getTime() < cutoff);
  // A task that finished meanwhile (or cannot be cancelled) is no longer our concern.
  await Promise.all(stale.map(([ref]) => client.call('task.cancel', ref).catch(() => undefined)));
}

async function ended(services: AppServices, operationId: string, timeoutMs: number): Promise<Operation | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const operation = await services.store.operations.get(operationId);
    if (!operation || TERMINAL.has(operation.status)) return operation;
    if (Date.now() > deadline) return null;
    await sleep(50);
  }
}

export async function pollRebootingInstances(services: AppServices, timeoutSeconds: number): Promise<Operation[]> {
  const { store, operations } = services;
  const cutoff = Date.now() - timeoutSeconds * 1000;
  const stuck = (await store.operations.list({ kind: rebootAction.kind, status: 'RUNNING' }, { limit: 1000, inverted: false }))
    .filter((op) => op.instanceId !== null && op.input.type === 'SOFT' && op.startedAt !== null && op.startedAt.getTime() < cutoff);
  if (stuck.length === 0) return [];
  // Ours first, through the runner (task.cancel, and the operation ends CANCELLED)…
  await Promise.all(stuck.map((op) => operations.cancel(op.id).catch(() => undefined)));
  // …then, as Nova did, whatever clean reboots are stale in those pools (another replica's, another tool's).
  const pools = new Set((await store.instances.getMany(stuck.map((op) => op.instanceId!))).map((i) => i?.poolId ?? null));
  for (const poolId of pools) {
    const link = poolId ? services.pools.get(poolId) : undefined;
    if (link) await cancelStaleCleanReboots(link.client, cutoff);
  }
  const hardReboots: Operation[] = [];
  for (const op of stuck) {
    if (!(await ended(services, op.id, 30_000))) continue;
    const instance = await store.instances.get(op.instanceId!);
    if (!instance || instance.deletedAt) continue;
    const { operation } = await operations.submit(rebootAction, {
      input: { type: 'HARD', instanceId: instance.id } as { type: 'HARD' },
      requestedBy: REBOOT_POLLER,
      instance: async () => instance,
    });
    hardReboots.push(operation);
  }
  return hardReboots;
}
