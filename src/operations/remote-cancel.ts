// operationCancel for an operation another replica runs: the request is broadcast through the broker; the
// replica running it cancels it as if asked directly (it writes CANCELLING) or answers why it will not.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BaseUserError, InvalidStateError } from '../errors.js';
import type { Operation } from '../store/index.js';
import type { DriverServices } from './action.js';

/** How long the owner gets to answer: beyond it, nobody runs the operation any more (its owner died, say). */
const ANSWER_TIMEOUT_MS = 5_000;
/** How often the store is read meanwhile: it, not a message that may cross the request, tells the cancel took. */
const POLL_MS = 100;

export async function requestCancelFromOwner(services: Pick<DriverServices, 'store' | 'pubsub'>, operation: Operation): Promise<Operation> {
  const { store, pubsub } = services;
  const requestId = randomUUID();
  const refusals = pubsub.subscribe('operation:cancel-refused', requestId)[Symbol.asyncIterator]();
  let refusal: { message: string; status: string } | null = null;
  void refusals.next().then((next) => {
    if (!next.done) refusal = next.value;
  });
  try {
    pubsub.publish('operation:cancel', { operationId: operation.id, requestId });
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    while (Date.now() < deadline) {
      await sleep(POLL_MS);
      const current = await store.operations.get(operation.id);
      if (current && !['PENDING', 'RUNNING'].includes(current.status)) {
        if (current.status === 'CANCELLING' || current.status === 'CANCELLED') return current;
        throw notCancellableIn(current.status);
      }
      const refused = refusal as { message: string; status: string } | null;
      if (refused) throw refused.status === 'not-running' ? notCancellableIn(current?.status ?? operation.status) : new BaseUserError(refused.message);
    }
    throw new BaseUserError(`${operation.kind} did not answer the cancel request: the replica running it may have stopped; it is settled once its lease expires`);
  } finally {
    await refusals.return?.();
  }
}

/** The refusal for an operation that is not (or no longer) running. */
export function notCancellableIn(status: string): InvalidStateError {
  return new InvalidStateError(`Operation is ${status}; only a running one can be cancelled`, status, ['PENDING', 'RUNNING']);
}
