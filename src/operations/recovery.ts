// Start-up recovery: operations left PENDING or RUNNING by a process that died are settled against XAPI, so
// none stays stuck and every instance's (and host's) state matches XAPI again.
import type { Operation } from '../store/index.js';
import { isTargetAction, type DriverServices, type InstanceAction, type TargetAction } from './action.js';
import type { OperationRunner } from './runner.js';

export async function recoverInterruptedOperations(
  services: DriverServices,
  runner: OperationRunner,
  actions: ReadonlyMap<string, InstanceAction<never> | TargetAction<never>>,
): Promise<Operation[]> {
  const interrupted: Operation[] = [];
  for (;;) {
    // Each resume ends its operation, so the first page of active ones shrinks until it is empty.
    const page = await services.store.operations.list({ status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 50, inverted: false });
    if (page.length === 0) return interrupted;
    for (const operation of page) {
      const action = actions.get(operation.kind);
      if (operation.targetId !== null) await runner.resumeForTarget(action && isTargetAction(action) ? action : undefined, operation);
      else await runner.resume(action && !isTargetAction(action) ? action : undefined, operation);
      interrupted.push(operation);
    }
  }
}
