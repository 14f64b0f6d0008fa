// Start-up recovery: operations left PENDING or RUNNING by a process that died are settled against XAPI, so
// none stays stuck and every instance's state matches its VM again.
import type { Operation } from '../store/index.js';
import type { DriverServices, InstanceAction } from './action.js';
import type { OperationRunner } from './runner.js';

export async function recoverInterruptedOperations(
  services: DriverServices,
  runner: OperationRunner,
  actions: ReadonlyMap<string, InstanceAction<never>>,
): Promise<Operation[]> {
  const interrupted: Operation[] = [];
  for (;;) {
    // Each resume ends its operation, so the first page of active ones shrinks until it is empty.
    const page = await services.store.operations.list({ status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 50, inverted: false });
    if (page.length === 0) return interrupted;
    for (const operation of page) {
      await runner.resume(actions.get(operation.kind), operation);
      interrupted.push(operation);
    }
  }
}
