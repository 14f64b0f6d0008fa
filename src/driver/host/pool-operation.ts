// A pool-wide operation (a rolling reboot) owns every host of its pool until it ends: other host actions and the
// host-boot check keep off them meanwhile.
import { OperationInProgressError } from '../../errors.js';
import { targetIdOf } from '../../operations/action.js';
import type { Host, Operation, Store } from '../../store/index.js';

/** The pool's running operation, if any. */
export async function activePoolOperation(store: Store, poolId: string): Promise<Operation | undefined> {
  const [active] = await store.operations.list(
    { targetId: targetIdOf({ type: 'Pool', id: poolId }), status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 1, inverted: false },
  );
  return active;
}

export async function requireNoPoolOperation(store: Store, host: Host): Promise<void> {
  const active = await activePoolOperation(store, host.poolId);
  if (active) throw new OperationInProgressError(host.id, active.id, 'host\'s pool');
}
