// The contract between the operation runner and a driver action: the runner records, schedules, reports and
// audits; the action checks its preconditions and does the XAPI work.
import type { PciAliases } from '../config.js';
import type { Logger } from '../logging/logger.js';
import type { AppPubSub } from '../events/pubsub.js';
import type { PoolConnections } from '../events/pool-connections.js';
import type { Instance, InstancePatch, Operation, Store } from '../store/index.js';

/** What actions reach the world through. */
export interface DriverServices {
  readonly store: Store;
  readonly pools: PoolConnections;
  readonly pubsub: AppPubSub;
  /** DATA_DIR: image files live under it (see store/image-files). */
  readonly dataDir: string;
  /** Seconds each guest agent command may wait for its answer (AGENT_TIMEOUT); 30 when absent. */
  readonly agentTimeoutSeconds?: number;
  /** PCI devices flavors may ask for by alias (PCI_ALIASES); the default table when absent. */
  readonly pciAliases?: PciAliases;
  /** The service's structured log, for what an operator must see and no caller is told (leftovers, retries). */
  readonly log: Logger;
}

/** Handed to a running action: its operation, its instance, and ways to report. */
export interface ActionRun {
  readonly services: DriverServices;
  readonly operation: Operation;
  /** The instance as the action last saw or changed it. */
  readonly instance: Instance;
  /** Aborted when a caller cancels the operation; pass it to XAPI async calls (task.cancel). */
  readonly signal: AbortSignal;
  progress(percent: number, phase: string, message?: string): Promise<void>;
  /**
   * Progress of the XAPI task the current step waits on (`fraction` 0..1): moves the percentage within the
   * step, short of the next step's value.
   */
  taskProgress(fraction: number, phase: string, message?: string): Promise<void>;
  /** The percentage last reported through progress() or taskProgress(). */
  readonly percent: number;
  /** Changes the instance and tells its subscribers. */
  updateInstance(patch: InstancePatch): Promise<Instance>;
}

/** How an interrupted operation turned out, judged from XAPI after a restart. */
export type ReconcileOutcome = 'SUCCEEDED' | 'FAILED';

export interface InstanceAction<Input> {
  /** Stable name, stored as the Operation's kind (e.g. instance.reboot). */
  readonly kind: string;
  /** Nova's task_state while the action runs (e.g. rebooting). */
  readonly taskState: string;
  /** Whether operationCancel may interrupt it (its long step is an XAPI task). */
  readonly cancellable?: boolean;
  /**
   * What of the input is stored with the Operation (and fingerprinted for idempotency); secrets such as an
   * admin password are left out, as they must never reach the database. The action itself gets the full input.
   */
  storedInput?(input: Input): Input;
  /** Refuses the request before anything is recorded or called; throws user errors. */
  check(instance: Instance, input: Input, services: DriverServices): void | Promise<void>;
  /** Does the work; what it returns becomes the Operation's result. */
  run(run: ActionRun, input: Input): Promise<Record<string, unknown> | void>;
  /**
   * Leaves the instance truthful after a failure (the runner has already recorded the error). Without it the
   * instance's vmState is re-derived from the VM's power state on XAPI.
   */
  onFailure?(run: ActionRun, input: Input, error: unknown): Promise<void>;
  /** After a crash: finish what can be finished, undo the rest, and say how it ended. */
  reconcile?(run: ActionRun, input: Input): Promise<ReconcileOutcome>;
}

/**
 * What an operation acts on when it is not an instance: a host, an aggregate. Stored on the Operation as
 * `targetId` in the form `<type>:<id>` (the unencoded global id), one active operation per target.
 */
export interface OperationTarget {
  readonly type: string;
  readonly id: string;
}

export function targetIdOf(target: OperationTarget): string {
  return `${target.type}:${target.id}`;
}

export function parseTargetId(targetId: string | null): OperationTarget | null {
  const colon = targetId?.indexOf(':') ?? -1;
  return targetId && colon > 0 ? { type: targetId.slice(0, colon), id: targetId.slice(colon + 1) } : null;
}

/** How a child instance action run on behalf of a target operation ended. */
export interface ChildOutcome {
  readonly operation: Operation;
  readonly instance: Instance;
}

/** Handed to a running target action. */
export interface TargetRun {
  readonly services: DriverServices;
  readonly operation: Operation;
  readonly target: OperationTarget;
  readonly signal: AbortSignal;
  progress(percent: number, phase: string, message?: string): Promise<void>;
  readonly percent: number;
  /**
   * Runs an instance action as its own Operation (requested by whoever asked for this one), so it shows on
   * the instance's subscriptions and audit trail like any other, and waits for it to end. `onProgress`
   * follows the child's percentage. Refusals by the action's check are thrown as they are.
   */
  runInstanceAction<Input>(
    action: InstanceAction<Input>, instance: Instance, input: Input, onProgress?: (percent: number) => void,
  ): Promise<ChildOutcome>;
  /** Changes an instance the action concerns (outside any of its operations) and tells its subscribers. */
  updateInstance(instanceId: string, patch: InstancePatch): Promise<Instance | null>;
}

/** A driver action on a host or other non-instance target; see InstanceAction for the meaning of each part. */
export interface TargetAction<Input> {
  readonly kind: string;
  /** The target's type, as in `OperationTarget.type` (Host, Aggregate). */
  readonly targetType: string;
  readonly cancellable?: boolean;
  storedInput?(input: Input): Input;
  check(target: OperationTarget, input: Input, services: DriverServices): void | Promise<void>;
  run(run: TargetRun, input: Input): Promise<Record<string, unknown> | void>;
  /** Leaves the target truthful after a failure (the runner has already recorded the error). */
  onFailure?(run: TargetRun, input: Input, error: unknown): Promise<void>;
  reconcile?(run: TargetRun, input: Input): Promise<ReconcileOutcome>;
}

export function isTargetAction(action: InstanceAction<never> | TargetAction<never>): action is TargetAction<never> {
  return 'targetType' in action;
}
