// Runs driver actions as durable Operations: a request is checked, recorded PENDING and answered at once; the
// work then runs in the background while status, progress and the instance's Nova states are kept current.
import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { IdempotencyKeyReuseError, NotFoundError, OperationInProgressError, BaseUserError, InvalidStateError } from '../errors.js';
import { ActiveOperationExistsError, DuplicateIdempotencyKeyError } from '../store/index.js';
import type { Instance, InstancePatch, Operation, OperationPatch } from '../store/index.js';
import {
  parseTargetId, targetIdOf, type ActionRun, type ChildOutcome, type DriverServices, type InstanceAction, type OperationTarget,
  type TargetAction, type TargetRun,
} from './action.js';
import { operationErrorOf, isCancellation } from './outcome.js';
import { StepProgress } from './step-progress.js';
import { refreshVmStateFromXapi } from './instance-truth.js';
import { storeMirrorsPool } from '../driver/xapi-access.js';
import { updateInstance } from './instance-updates.js';
import { notCancellableIn, requestCancelFromOwner } from './remote-cancel.js';
import { operationLease, type ReplicaLeases } from './replica-leases.js';

export interface ActionRequest<Input> {
  /** Loads the instance the action is for, or (spawn) creates it; called only for a new request. */
  readonly instance: () => Promise<Instance>;
  /** Undoes what `instance()` created when the request then records no operation (spawn's new instance). */
  readonly discardInstance?: (instance: Instance) => Promise<void>;
  readonly input: Input;
  readonly requestedBy: string;
  readonly idempotencyKey?: string | null;
  /** The API request that asked for it, named on the action's log lines. */
  readonly requestId?: string;
}

export interface Submitted {
  readonly operation: Operation;
  readonly instance: Instance;
}

export interface TargetRequest<Input> {
  readonly target: OperationTarget;
  readonly input: Input;
  readonly requestedBy: string;
  readonly idempotencyKey?: string | null;
  /** The API request that asked for it, named on the action's log lines. */
  readonly requestId?: string;
}

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);
/** A step's task progress with an unchanged percentage is written at most this often (its message moves). */
const TASK_PROGRESS_WRITE_INTERVAL_MS = 1_000;
/** How long a parent waits on its child's published changes before reading the child from the store again. */
const UNTIL_ENDED_REREAD_MS = 2_000;

interface Active {
  readonly controller: AbortController;
  readonly done: Promise<void>;
  readonly cancellable: boolean;
}

/** A stable fingerprint of what was asked, so a retried request can be told from a different one. */
function requestHash(kind: string, input: unknown): string {
  const canonical = JSON.stringify(input, (_key, value: unknown) => (value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
    : value));
  return createHash('sha256').update(`${kind}\n${canonical}`).digest('hex');
}

/**
 * What observers (logs, metrics) learn of each operation: recorded, then ended, with the API request that asked
 * for it when it was asked for in this process. Listeners must not throw.
 */
export interface OperationLifecycleEvents {
  submitted: [operation: Operation, requestId: string | undefined];
  finished: [operation: Operation, requestId: string | undefined];
}

export type FailureLog = (message: string, error: unknown) => void;

export class OperationRunner {
  private readonly active = new Map<string, Active>();
  /** The request each running operation was submitted by, for its log lines (passed down, not tracked per promise). */
  private readonly requestIds = new Map<string, string>();
  readonly lifecycle = new EventEmitter<OperationLifecycleEvents>();
  /** Set once a shutdown has drained: what still runs is left to the next start's recovery. */
  private abandoned = false;

  constructor(
    private readonly services: DriverServices,
    /** Where failures no caller hears of (settling after a failure, recording an outcome) are reported. */
    readonly logError: FailureLog,
    /** With replicas sharing the store: each operation run here is leased to this replica while it runs. */
    private readonly replica?: ReplicaLeases,
  ) {}

  /** Whether this process is running (or settling) the operation. */
  isRunning(operationId: string): boolean {
    return this.active.has(operationId);
  }

  /** Checks, records and schedules an action; resolves as soon as the Operation is durably PENDING. */
  async submit<Input>(action: InstanceAction<Input>, request: ActionRequest<Input>): Promise<Submitted> {
    const { store } = this.services;
    const stored = action.storedInput?.(request.input) ?? request.input;
    const hash = requestHash(action.kind, stored);
    const replay = await this.replayOf(action.kind, request, hash);
    if (replay) return replay;

    const instance = await request.instance();
    let operation: Operation;
    try {
      await action.check(instance, request.input, this.services);
      operation = await store.operations.create({
        kind: action.kind, requestedBy: request.requestedBy, instanceId: instance.id,
        input: stored as Record<string, unknown>, idempotencyKey: request.idempotencyKey ?? null, requestHash: hash,
      });
    } catch (error) {
      await request.discardInstance?.(instance);
      if (error instanceof ActiveOperationExistsError || error instanceof DuplicateIdempotencyKeyError) {
        // Two identical retries raced: the other one recorded it first (the operation now active on the
        // instance may be that very one).
        const raced = await this.replayOf(action.kind, request, hash);
        if (raced) return raced;
      }
      if (error instanceof ActiveOperationExistsError) {
        const [running] = await store.operations.list({ instanceId: instance.id, status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 1, inverted: false });
        throw new OperationInProgressError(instance.id, running?.id ?? null);
      }
      throw error;
    }
    await store.instanceActions.record({ instanceId: instance.id, operationId: operation.id, action: action.kind, requestedBy: request.requestedBy });
    const updated = await this.updateInstance(instance.id, { taskState: action.taskState }) ?? instance;
    this.publishOperation(operation);
    this.announce(operation, request.requestId);
    this.launch(operation, action.cancellable ?? false, (signal) => this.execute(action, operation, request.input, signal));
    return { operation, instance: updated };
  }

  /**
   * Checks, records and schedules an action on a host or other target; resolves once the Operation is durably
   * PENDING. One active operation per target, as per instance.
   */
  async submitForTarget<Input>(action: TargetAction<Input>, request: TargetRequest<Input>): Promise<Operation> {
    const { store } = this.services;
    const stored = action.storedInput?.(request.input) ?? request.input;
    const hash = requestHash(action.kind, { ...stored, target: targetIdOf(request.target) });
    const replay = await this.earlierOperation(action.kind, request, hash);
    if (replay) return replay;

    await action.check(request.target, request.input, this.services);
    const targetId = targetIdOf(request.target);
    let operation: Operation;
    try {
      operation = await store.operations.create({
        kind: action.kind, requestedBy: request.requestedBy, targetId,
        input: stored as Record<string, unknown>, idempotencyKey: request.idempotencyKey ?? null, requestHash: hash,
      });
    } catch (error) {
      if (error instanceof ActiveOperationExistsError || error instanceof DuplicateIdempotencyKeyError) {
        const raced = await this.earlierOperation(action.kind, request, hash);
        if (raced) return raced;
      }
      if (error instanceof ActiveOperationExistsError) {
        const [running] = await store.operations.list({ targetId, status: ['PENDING', 'RUNNING', 'CANCELLING'] }, { limit: 1, inverted: false });
        throw new OperationInProgressError(request.target.id, running?.id ?? null, request.target.type.toLowerCase());
      }
      throw error;
    }
    this.publishOperation(operation);
    this.announce(operation, request.requestId);
    this.launch(operation, action.cancellable ?? false, (signal) => this.executeForTarget(action, operation, request.input, signal));
    return operation;
  }

  /** The earlier Operation for this idempotency key, or an error when the key was used for something else. */
  private async earlierOperation(
    kind: string, request: { requestedBy: string; idempotencyKey?: string | null }, hash: string,
  ): Promise<Operation | null> {
    if (!request.idempotencyKey) return null;
    const earlier = await this.services.store.operations.findByIdempotencyKey(request.requestedBy, request.idempotencyKey);
    if (!earlier) return null;
    if (earlier.requestHash !== hash || earlier.kind !== kind) throw new IdempotencyKeyReuseError(request.idempotencyKey);
    return earlier;
  }

  private async replayOf<Input>(kind: string, request: ActionRequest<Input>, hash: string): Promise<Submitted | null> {
    const { store } = this.services;
    const earlier = await this.earlierOperation(kind, request, hash);
    if (!earlier) return null;
    const instance = earlier.instanceId ? await store.instances.get(earlier.instanceId) : null;
    if (!instance) throw new NotFoundError('Instance', earlier.instanceId ?? '');
    return { operation: earlier, instance };
  }

  /** Asks a running operation to stop; its XAPI task is cancelled and the operation ends CANCELLED. */
  async cancel(operationId: string): Promise<Operation> {
    const { store } = this.services;
    const operation = await store.operations.get(operationId);
    if (!operation) throw new NotFoundError('Operation', operationId);
    const active = this.active.get(operationId);
    // Another replica runs it: the request goes to it through the broker, and its answer comes back.
    if (!active && this.replica && ['PENDING', 'RUNNING'].includes(operation.status)) return requestCancelFromOwner(this.services, operation);
    if (!active || !['PENDING', 'RUNNING'].includes(operation.status)) {
      throw notCancellableIn(operation.status);
    }
    if (!active.cancellable) {
      throw new BaseUserError(`${operation.kind} cannot be cancelled once started`);
    }
    const cancelling = await this.updateOperation(operationId, { status: 'CANCELLING' });
    active.controller.abort();
    return cancelling ?? operation;
  }

  /**
   * Waits (up to `timeoutMs`) for running operations to end, those started meanwhile included, for a tidy
   * shutdown. Then the runner records and undoes nothing more: the XAPI links are about to close, and a failure
   * that only says "we stopped" must not be written down as an action's outcome. What still runs (or is being
   * recovered) stays as the store shows it, RUNNING, and the next start recovers it exactly as after a crash.
   * Resolves with whether everything ended.
   */
  async drain(timeoutMs = 5000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.active.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) {
        this.abandoned = true;
        return false;
      }
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      await Promise.race([Promise.all([...this.active.values()].map((active) => active.done)), timeout]);
      clearTimeout(timer);
    }
    this.abandoned = true;
    return true;
  }

  /** Runs an action found PENDING/RUNNING at start-up (the process died under it) to a truthful end. */
  async resume<Input>(action: InstanceAction<Input> | undefined, operation: Operation): Promise<void> {
    const { store } = this.services;
    const instance = operation.instanceId ? await store.instances.get(operation.instanceId) : null;
    const run = instance && action ? this.runContext(operation, instance, new AbortController().signal) : null;
    let patch: OperationPatch;
    try {
      const outcome = run && action?.reconcile ? await action.reconcile(run.context, operation.input as Input) : 'FAILED';
      patch = outcome === 'SUCCEEDED'
        ? { status: 'SUCCEEDED', progress: { percent: 100, phase: 'done', message: 'completed before the restart' } }
        : { status: 'FAILED', error: { code: 'INTERRUPTED', message: 'xengraph stopped while the action ran; XAPI state was checked and the instance updated', xapiCode: null, xapiParams: null } };
    } catch (error) {
      patch = { status: 'FAILED', error: operationErrorOf(error) };
    }
    if (instance) {
      try {
        // What the reconcile did on XAPI (a half-built VM removed, say) is mirrored first, so the instance is
        // settled from it rather than from the VM as it was before.
        if (instance.poolId) await storeMirrorsPool(this.services, instance.poolId);
        if (patch.status === 'FAILED') await refreshVmStateFromXapi(this.services, instance.id);
      } catch (error) {
        this.logError(`operation ${operation.id}: could not settle the instance after a restart`, error);
      }
      await this.updateInstance(instance.id, { taskState: null });
      await this.finishAudit(operation, patch.status === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED', patch.status === 'FAILED' ? patch.error?.message : undefined);
    }
    // The operation ends last, as a live run's does: whoever sees it ended finds the instance settled.
    await this.updateOperation(operation.id, { ...patch, finishedAt: new Date() });
  }

  /** Runs a target operation found PENDING/RUNNING at start-up to a truthful end. */
  async resumeForTarget<Input>(action: TargetAction<Input> | undefined, operation: Operation): Promise<void> {
    const target = parseTargetId(operation.targetId);
    let patch: OperationPatch;
    try {
      const run = target ? this.targetRunContext(operation, target, new AbortController().signal) : null;
      const outcome = run && action?.reconcile ? await action.reconcile(run, operation.input as Input) : 'FAILED';
      patch = outcome === 'SUCCEEDED'
        ? { status: 'SUCCEEDED', progress: { percent: 100, phase: 'done', message: 'completed before the restart' } }
        : { status: 'FAILED', error: { code: 'INTERRUPTED', message: 'xengraph stopped while the action ran; XAPI state was checked', xapiCode: null, xapiParams: null } };
    } catch (error) {
      patch = { status: 'FAILED', error: operationErrorOf(error) };
    }
    await this.updateOperation(operation.id, { ...patch, finishedAt: new Date() });
  }

  private announce(operation: Operation, requestId: string | undefined): void {
    if (requestId) this.requestIds.set(operation.id, requestId);
    this.lifecycle.emit('submitted', operation, requestId);
  }

  /** The services an operation's run sees: its log lines name the request that submitted it. */
  private servicesFor(operation: Operation): DriverServices {
    const requestId = this.requestIds.get(operation.id);
    return requestId ? { ...this.services, log: this.services.log.child({ reqId: requestId }) } : this.services;
  }

  private launch(operation: Operation, cancellable: boolean, body: (signal: AbortSignal) => Promise<void>): void {
    const controller = new AbortController();
    const lease = operationLease(operation.id);
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(async () => {
        // Taken within moments of the operation's creation; other replicas adopt only operations older than a
        // lease period that nobody holds, so none mistakes this one for abandoned meanwhile.
        await this.replica?.claim(lease);
        await body(controller.signal);
      })
      .catch((error: unknown) => this.logError(`operation ${operation.id} (${operation.kind}) could not be recorded`, error))
      .finally(() => {
        this.active.delete(operation.id);
        this.requestIds.delete(operation.id);
        // Abandoned at shutdown: the lease is left to expire, and another replica (or the next start) adopts it.
        if (!this.abandoned) void this.replica?.release(lease).catch((error: unknown) => this.logError(`operation ${operation.id}: could not release its lease`, error));
      });
    this.active.set(operation.id, { controller, done, cancellable });
  }

  /**
   * Answers cancel requests other replicas forward for operations this one runs; a refusal goes back with why.
   * Returns what stops answering.
   */
  answerCancelRequests(): () => void {
    const requests = this.services.pubsub.subscribe('operation:cancel')[Symbol.asyncIterator]();
    void (async () => {
      for (let next = await requests.next(); !next.done; next = await requests.next()) {
        const { operationId, requestId } = next.value;
        if (!this.active.has(operationId)) continue;
        await this.cancel(operationId).catch((error: unknown) => {
          const status = error instanceof InvalidStateError ? 'not-running' : 'not-cancellable';
          this.services.pubsub.publish('operation:cancel-refused', requestId, { message: error instanceof Error ? error.message : String(error), status });
        });
      }
    })().catch((error: unknown) => this.logError('stopped answering cancel requests', error));
    return () => void requests.return?.();
  }

  private async executeForTarget<Input>(action: TargetAction<Input>, pending: Operation, input: Input, signal: AbortSignal): Promise<void> {
    const operation = (await this.updateOperation(pending.id, { status: 'RUNNING', startedAt: new Date() })) ?? pending;
    const run = this.targetRunContext(operation, parseTargetId(operation.targetId)!, signal);
    try {
      const result = await action.run(run, input);
      await this.updateOperation(operation.id, {
        status: 'SUCCEEDED', result: result ?? null, finishedAt: new Date(),
        progress: { percent: 100, phase: 'done', message: null },
      });
    } catch (error) {
      if (this.abandoned) return;
      const cancelled = signal.aborted && isCancellation(error);
      await this.updateOperation(operation.id, { status: cancelled ? 'CANCELLED' : 'FAILED', error: operationErrorOf(error), finishedAt: new Date() });
      try {
        await action.onFailure?.(run, input, error);
      } catch (cleanupError) {
        this.logError(`operation ${operation.id}: could not settle its target after a failure`, cleanupError);
      }
    }
  }

  /**
   * Reports an operation's progress and remembers the last percentage, for actions that report within a step.
   * A step's task reports often (every XAPI progress event): it is written when its percentage moves, or its
   * message once a second at most.
   */
  private progressTracker(operation: Operation) {
    const steps = new StepProgress(operation.progress.percent);
    let lastTaskWrite = { percent: steps.percent, at: 0 };
    const write = (percent: number, phase: string, message?: string) =>
      this.updateOperation(operation.id, { progress: { percent, phase, message: message ?? null } }).then(() => undefined);
    return {
      get percent() {
        return steps.percent;
      },
      progress: (reported: number, phase: string, message?: string) => write(steps.step(reported), phase, message),
      taskProgress: async (fraction: number, phase: string, message?: string) => {
        const percent = steps.task(fraction);
        const now = Date.now();
        if (percent === lastTaskWrite.percent && now - lastTaskWrite.at < TASK_PROGRESS_WRITE_INTERVAL_MS) return;
        lastTaskWrite = { percent, at: now };
        await write(percent, phase, message);
      },
    };
  }

  private targetRunContext(operation: Operation, target: OperationTarget, signal: AbortSignal): TargetRun {
    const tracker = this.progressTracker(operation);
    return {
      services: this.servicesFor(operation),
      operation,
      target,
      signal,
      get percent() {
        return tracker.percent;
      },
      progress: tracker.progress,
      runInstanceAction: (action, instance, input, onProgress) => this.runChild(operation, signal, action, instance, input, onProgress),
      updateInstance: (instanceId, patch) => this.updateInstance(instanceId, patch),
    };
  }

  /** A target operation's per-instance step, as an instance Operation of its own; resolves once that has ended. */
  private async runChild<Input>(
    parent: Operation, signal: AbortSignal, action: InstanceAction<Input>, instance: Instance, input: Input,
    onProgress?: (percent: number) => void,
  ): Promise<ChildOutcome> {
    const { store } = this.services;
    const submitted = await this.submit(action, {
      input: { ...input, instanceId: instance.id },
      requestedBy: parent.requestedBy,
      instance: async () => (await store.instances.get(instance.id)) ?? instance,
    });
    const onAbort = () => void this.cancel(submitted.operation.id).catch(() => undefined);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      const operation = await this.untilEnded(submitted.operation.id, onProgress);
      return { operation, instance: (await store.instances.get(instance.id)) ?? submitted.instance };
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Follows an operation of this process through its published changes until it has ended. */
  private async untilEnded(operationId: string, onProgress?: (percent: number) => void): Promise<Operation> {
    // Listening starts with the first next(), which is asked for before the read so no change slips between.
    const changes = this.services.pubsub.subscribe('operation:changed', operationId)[Symbol.asyncIterator]();
    let pending = changes.next();
    try {
      let current = await this.services.store.operations.get(operationId);
      if (!current) throw new Error(`operation ${operationId} vanished`);
      while (!TERMINAL.has(current.status)) {
        onProgress?.(current.progress.percent);
        // Through a broker, listening starts a round trip after the read: a change that slipped between is
        // caught by reading the store again when nothing was heard for a while.
        const next = await Promise.race([pending, sleep(UNTIL_ENDED_REREAD_MS, null, { ref: false })]);
        if (next === null) {
          current = (await this.services.store.operations.get(operationId)) ?? current;
          continue;
        }
        if (next.done) throw new Error(`stopped following operation ${operationId}`);
        pending = changes.next();
        current = next.value;
      }
      return current;
    } finally {
      await changes.return?.();
    }
  }

  private async execute<Input>(action: InstanceAction<Input>, pending: Operation, input: Input, signal: AbortSignal): Promise<void> {
    const { store } = this.services;
    const instance = await store.instances.get(pending.instanceId!);
    if (!instance) throw new Error(`instance ${pending.instanceId} vanished`);
    const operation = (await this.updateOperation(pending.id, { status: 'RUNNING', startedAt: new Date() })) ?? pending;
    const run = this.runContext(operation, instance, signal);
    let ending: OperationPatch & { status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED' };
    try {
      const result = await action.run(run.context, input);
      ending = { status: 'SUCCEEDED', result: result ?? null, progress: { percent: 100, phase: 'done', message: null } };
    } catch (error) {
      if (this.abandoned) return;
      ending = { status: signal.aborted && isCancellation(error) ? 'CANCELLED' : 'FAILED', error: operationErrorOf(error) };
      try {
        if (action.onFailure) await action.onFailure(run.context, input, error);
        else await refreshVmStateFromXapi(this.services, instance.id);
      } catch (cleanupError) {
        this.logError(`operation ${operation.id}: could not settle the instance after a failure`, cleanupError);
      }
    } finally {
      await this.updateInstance(instance.id, { taskState: null });
    }
    // The operation ends last: whoever sees it ended finds the instance settled and free for the next action.
    await this.finishAudit(operation, ending.status, ending.error?.message);
    await this.updateOperation(operation.id, { ...ending, finishedAt: new Date() });
  }

  private runContext(operation: Operation, instance: Instance, signal: AbortSignal): { context: ActionRun } {
    let current = instance;
    const tracker = this.progressTracker(operation);
    const context: ActionRun = {
      services: this.servicesFor(operation),
      operation,
      get instance() {
        return current;
      },
      signal,
      get percent() {
        return tracker.percent;
      },
      progress: tracker.progress,
      taskProgress: tracker.taskProgress,
      updateInstance: async (patch) => {
        current = (await this.updateInstance(current.id, patch)) ?? current;
        return current;
      },
    };
    return { context };
  }

  private async finishAudit(operation: Operation, result: 'SUCCEEDED' | 'FAILED' | 'CANCELLED', message?: string): Promise<void> {
    if (this.abandoned) return;
    const { store } = this.services;
    const [entry] = (await store.instanceActions.listForInstance(operation.instanceId!)).filter((a) => a.operationId === operation.id);
    if (entry) await store.instanceActions.finish(entry.id, result, message);
  }

  private async updateOperation(id: string, patch: OperationPatch): Promise<Operation | null> {
    if (this.abandoned) return null;
    const operation = await this.services.store.operations.update(id, patch);
    if (operation) this.publishOperation(operation);
    if (operation && patch.status && TERMINAL.has(operation.status)) this.lifecycle.emit('finished', operation, this.requestIds.get(operation.id));
    return operation;
  }

  private publishOperation(operation: Operation): void {
    this.services.pubsub.publish('operation:changed', operation.id, operation);
  }

  private updateInstance(id: string, patch: InstancePatch): Promise<Instance | null> {
    if (this.abandoned) return Promise.resolve(null);
    return updateInstance(this.services, id, patch);
  }
}
