// Operation: a driver action running in the background, with progress and a truthful outcome.
import { parseTargetId } from '../operations/action.js';
import type { Operation } from '../store/types.js';
import { builder } from './builder.js';
import { currentThenChanges } from './live-feed.js';
import { BaseUserError, InvalidInputError, InvalidStateError, NotFoundError } from './errors.js';
import { OperationKindEnum, OperationStatusEnum } from './enums.js';
import { InstanceRef, OperationRef } from './refs.js';
import { pagedConnection } from './paging.js';
import { DESCRIBE } from './shared-descriptions.js';

const OperationProgress = builder.simpleObject('OperationProgress', {
  description: 'How far an operation has got.',
  fields: (t) => ({
    percent: t.float({ description: 'Done so far, 0–100 (from the XAPI task\'s progress where there is one).' }),
    phase: t.string({ description: 'The step under way (e.g. starting); null before the first.', nullable: true }),
    message: t.string({ description: 'A human note on the step; null when there is none.', nullable: true }),
  }),
});

const OperationError = builder.simpleObject('OperationError', {
  description: 'Why an operation FAILED, with the XAPI failure when one caused it.',
  fields: (t) => ({
    code: t.string({ description: 'xengraph\'s error code (e.g. XAPI_ERROR, XAPI_UNREACHABLE, INTERRUPTED).' }),
    message: t.string({ description: 'What went wrong, for people.' }),
    xapiCode: t.string({ description: 'The XAPI failure code (ErrorDescription[0]); null when XAPI did not fail.', nullable: true }),
    xapiParams: t.stringList({ description: 'The XAPI failure\'s parameters (ErrorDescription[1..]); null when XAPI did not fail.', nullable: true }),
  }),
});

OperationRef.implement({
  description: 'An accepted action running in the background (mostly XAPI tasks), with progress and a truthful outcome.',
  authScopes: { reader: true },
  fields: (t) => ({
    kind: t.field({ description: 'The action.', type: OperationKindEnum, resolve: (o) => o.kind }),
    status: t.field({ description: 'Where it stands; SUCCEEDED, FAILED and CANCELLED are final.', type: OperationStatusEnum, resolve: (o) => o.status }),
    instance: t.field({ description: 'The instance acted on; null for host, aggregate and pool actions.', type: InstanceRef, nullable: true, resolve: (o) => o.instanceId }),
    target: t.node({
      description: 'What the operation acts on when that is not an instance: a Host, an Aggregate (null for a pool, see `result`).',
      // Pools are no nodes (they are named by their poolId string); their operations say which in their input.
      id: (o) => {
        const target = parseTargetId(o.targetId);
        return target?.type === 'Pool' ? null : target;
      },
    }),
    progress: t.field({ description: 'How far it has got.',
      type: OperationProgress,
      resolve: (o) => o.progress,
    }),
    error: t.field({ description: 'Why it failed; null unless FAILED.',
      type: OperationError,
      nullable: true,
      resolve: (o) => (o.error ? { ...o.error, xapiParams: o.error.xapiParams ? [...o.error.xapiParams] : null } : null),
    }),
    result: t.field({ description: 'What it produced (action-specific JSON, e.g. a snapshot\'s image id); null until SUCCEEDED or when it produces nothing.', type: 'JSON', nullable: true, resolve: (o) => o.result }),
    idempotencyKey: t.string({ description: DESCRIBE.idempotencyKey, nullable: true, resolve: (o) => o.idempotencyKey }),
    requestedBy: t.exposeString('requestedBy', { description: 'The id of the API token that asked for it.' }),
    createdAt: t.field({ description: 'When it was accepted.', type: 'DateTime', resolve: (o) => o.createdAt }),
    startedAt: t.field({ description: 'When the driver started it; null while queued.', type: 'DateTime', nullable: true, resolve: (o) => o.startedAt }),
    finishedAt: t.field({ description: 'When it ended; null while running.', type: 'DateTime', nullable: true, resolve: (o) => o.finishedAt }),
  }),
});

const OperationFilterInput = builder.inputType('OperationFilter', {
  description: 'Which operations to list; every given field must match.',
  fields: (t) => ({
    status: t.field({ description: 'Only operations in this status.', type: OperationStatusEnum, required: false }),
    kind: t.field({ description: 'Only this action.', type: OperationKindEnum, required: false }),
    instanceId: t.globalID({ description: 'Only operations on this instance.', for: InstanceRef, required: false }),
  }),
});

builder.queryField('operations', (t) => t.connection({
  type: OperationRef,
  description: 'Operations (actions accepted and what became of them), in pages of at most 100.',
  authScopes: { reader: true },
  args: { filter: t.arg({ type: OperationFilterInput, required: false, description: 'Only operations matching every field given.' }) },
  resolve: (_root, args, ctx) => {
    const filter = {
      status: args.filter?.status ?? undefined,
      kind: args.filter?.kind ?? undefined,
      instanceId: args.filter?.instanceId?.id,
    };
    const repo = ctx.services.store.operations;
    return pagedConnection<Operation>(args, {
      list: (window) => repo.list(filter, window),
      count: () => repo.count(filter),
      cursorOf: (item) => repo.cursorOf(item),
    });
  },
}));

const TERMINAL = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

builder.subscriptionField('operationUpdated', (t) => t.field({
  type: OperationRef,
  description: 'The operation now, then after every change; completes once it has ended.',
  authScopes: { reader: true },
  args: { id: t.arg.globalID({ for: OperationRef, required: true, description: 'The operation to follow.' }) },
  subscribe: (_root, args, ctx) => currentThenChanges(
    ctx.services.pubsub.subscribe('operation:changed', args.id.id),
    () => ctx.services.store.operations.get(args.id.id),
    (operation) => TERMINAL.has(operation.status),
    () => new NotFoundError('Operation', args.id.id, { path: ['id'] }),
  ),
  resolve: (operation: Operation) => operation,
}));

builder.relayMutationField(
  'operationCancel',
  { inputFields: (t) => ({ id: t.globalID({ for: OperationRef, required: true, description: 'The operation to stop.' }) }) },
  {
    description: 'Asks a running operation to stop; its XAPI task is cancelled and it ends CANCELLED (or finishes, if too late).',
    authScopes: { operator: true },
    errors: { types: [NotFoundError, InvalidInputError, InvalidStateError, BaseUserError], directResult: true, union: { name: 'OperationCancelResult' } },
    resolve: (_root, { input }, ctx) => ctx.services.operations.cancel(input.id.id),
  },
  { outputFields: (t) => ({ operation: t.field({ type: OperationRef, description: 'The operation, cancelling or already ended.', resolve: (operation) => operation }) }) },
);
