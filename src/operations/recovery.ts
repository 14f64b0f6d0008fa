// Crash recovery: operations left PENDING, RUNNING or CANCELLING by a process that died are settled against
// XAPI, so none stays stuck and every instance's (and host's) state matches XAPI again. It runs beside the API,
// which answers meanwhile: each operation waits until its pool is linked (a pool may come back long after the
// API does), and until it is settled it stays active, so its instance or host still takes no other action.
import type { Operation, Store } from '../store/index.js';
import { isTargetAction, parseTargetId, type DriverServices, type InstanceAction, type TargetAction } from './action.js';
import type { OperationRunner } from './runner.js';

export type RecoverableActions = ReadonlyMap<string, InstanceAction<never> | TargetAction<never>>;

const ACTIVE = ['PENDING', 'RUNNING', 'CANCELLING'] as const;

/** Every operation still active in the store: taken before this process starts any, they are the interrupted ones. */
export async function listInterruptedOperations(store: Store): Promise<Operation[]> {
  const interrupted: Operation[] = [];
  for (;;) {
    const last = interrupted.at(-1);
    const page = await store.operations.list(
      { status: [...ACTIVE] },
      { limit: 100, inverted: false, ...(last ? { after: store.operations.cursorOf(last) } : {}) },
    );
    interrupted.push(...page);
    if (page.length < 100) return interrupted;
  }
}

export interface Recovery {
  /** The operations settled, once every one is (or recovery was stopped). */
  readonly settled: Promise<Operation[]>;
  /** Stops waiting for pools that have not come back; what was not settled is left for the next start. */
  stop(): Promise<void>;
}

/** Settles each interrupted operation, in the background, as soon as the pools it concerns are linked. */
export function startRecovery(
  services: DriverServices,
  runner: OperationRunner,
  actions: RecoverableActions,
  interrupted: readonly Operation[],
): Recovery {
  const stopping = new AbortController();
  const settled = Promise.all(interrupted.map(async (operation) => {
    try {
      return await settleWhenReachable(services, runner, actions, operation, stopping.signal);
    } catch (error) {
      if (!stopping.signal.aborted) runner.logError(`operation ${operation.id} (${operation.kind}) could not be recovered`, error);
      return undefined;
    }
  })).then((operations) => operations.filter((operation): operation is Operation => operation !== undefined));
  return {
    settled,
    stop: async () => {
      stopping.abort(new Error('recovery stopped'));
      await settled;
    },
  };
}

async function settleWhenReachable(
  services: DriverServices, runner: OperationRunner, actions: RecoverableActions, operation: Operation, signal: AbortSignal,
): Promise<Operation> {
  for (const poolId of await poolsOf(services.store, operation)) await services.pools.whenLinked(poolId, signal);
  const action = actions.get(operation.kind);
  if (operation.targetId !== null) await runner.resumeForTarget(action && isTargetAction(action) ? action : undefined, operation);
  else await runner.resume(action && !isTargetAction(action) ? action : undefined, operation);
  return operation;
}

/** The pools whose XAPI an operation's reconcile reads: its instance's, or its host's (also for aggregate changes). */
async function poolsOf(store: Store, operation: Operation): Promise<string[]> {
  if (operation.instanceId) {
    const instance = await store.instances.get(operation.instanceId);
    return instance?.poolId ? [instance.poolId] : [];
  }
  const target = parseTargetId(operation.targetId);
  const hostId = target?.type === 'Host' ? target.id : (operation.input as { hostId?: unknown }).hostId;
  const host = typeof hostId === 'string' ? await store.hosts.get(hostId) : null;
  return host ? [host.poolId] : [];
}

/** Settles every operation active in the store now and resolves once all are (waiting for their pools as needed). */
export async function recoverInterruptedOperations(
  services: DriverServices, runner: OperationRunner, actions: RecoverableActions,
): Promise<Operation[]> {
  return startRecovery(services, runner, actions, await listInterruptedOperations(services.store)).settled;
}
