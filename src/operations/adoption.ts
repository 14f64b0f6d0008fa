// Operations whose replica died, taken over by a live one: every few seconds each replica looks for active
// operations that nobody's lease covers any more, claims each (one replica wins), and settles it against XAPI
// exactly as crash recovery does at start. An operation still leased to its owner is never touched.
import type { Operation } from '../store/index.js';
import type { DriverServices } from './action.js';
import { listInterruptedOperations, startRecovery, type RecoverableActions, type Recovery } from './recovery.js';
import { operationLease, type ReplicaLeases } from './replica-leases.js';
import type { OperationRunner } from './runner.js';

export interface Adoption {
  stop(): Promise<void>;
}

export function startAdoption(
  services: DriverServices, runner: OperationRunner, actions: RecoverableActions, replica: ReplicaLeases,
  logError: (message: string, error: unknown) => void,
): Adoption {
  const recoveries = new Map<string, Recovery>();
  let timer: NodeJS.Timeout | null = null;
  let scanning: Promise<void> = Promise.resolve();

  const adopt = async (operation: Operation): Promise<void> => {
    const lease = operationLease(operation.id);
    if (!(await replica.claim(lease))) return;
    const recovery = startRecovery(services, runner, actions, [operation]);
    recoveries.set(operation.id, recovery);
    void recovery.settled.finally(() => {
      recoveries.delete(operation.id);
      void replica.release(lease).catch((error: unknown) => logError(`operation ${operation.id}: could not release its lease`, error));
    });
  };

  const scan = async (): Promise<void> => {
    // An operation younger than a lease period may not be leased yet by the replica that just created it.
    const settledBefore = Date.now() - replica.ttlMs;
    for (const operation of await listInterruptedOperations(services.store)) {
      if (runner.isRunning(operation.id) || recoveries.has(operation.id)) continue;
      if (operation.createdAt.getTime() > settledBefore) continue;
      await adopt(operation);
    }
  };

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      scanning = scan().catch((error: unknown) => logError('looking for operations to adopt', error))
        .finally(() => {
          if (timer) schedule(replica.ttlMs / 3);
        });
    }, delayMs);
    timer.unref();
  };
  schedule(0);

  return {
    stop: async () => {
      if (timer) clearTimeout(timer);
      timer = null;
      await scanning;
      await Promise.all([...recoveries.values()].map((recovery) => recovery.stop()));
    },
  };
}
