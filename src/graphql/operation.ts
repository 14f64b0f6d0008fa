// Operation: a driver action running in the background, with progress and a truthful outcome.
import { parseTargetId } from '../operations/action.js';
import type { Operation } from '../store/types.js';
import { builder } from './builder.js';
import { currentThenChanges } from './live-feed.js';
import { BaseUserError, InvalidInputError, InvalidStateError, NotFoundError } from './errors.js';
import { OperationKindEnum, OperationStatusEnum } from './enums.js';
import { InstanceRef, OperationRef } from './refs.js';
import { pagedConnection } from './paging.js';

const OperationProgress = builder.simpleObject('OperationProgress', {
  fields: (t) => ({
    percent: t.float(),
    phase: t.string({ nullable: true }),
    message: t.string({ nullable: true }),
  }),
});

const OperationError = builder.simpleObject('OperationError', {
  fields: (t) => ({
    code: t.string(),
    message: t.string(),
    xapiCode: t.string({ nullable: true }),
    xapiParams: t.stringList({ nullable: true }),
  }),
});

OperationRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    kind: t.field({ type: OperationKindEnum, resolve: (o) => o.kind }),
    status: t.field({ type: OperationStatusEnum, resolve: (o) => o.status }),
    instance: t.field({ type: InstanceRef, nullable: true, resolve: (o) => o.instanceId }),
    target: t.node({
      description: 'What the operation acts on when that is not an instance: a Host, an Aggregate (null for a pool, see `result`).',
      // Pools are no nodes (they are named by their poolId string); their operations say which in their input.
      id: (o) => {
        const target = parseTargetId(o.targetId);
        return target?.type === 'Pool' ? null : target;
      },
    }),
    progress: t.field({
      type: OperationProgress,
      resolve: (o) => o.progress,
    }),
    error: t.field({
      type: OperationError,
      nullable: true,
      resolve: (o) => (o.error ? { ...o.error, xapiParams: o.error.xapiParams ? [...o.error.xapiParams] : null } : null),
    }),
    result: t.field({ type: 'JSON', nullable: true, resolve: (o) => o.result }),
    idempotencyKey: t.string({ nullable: true, resolve: (o) => o.idempotencyKey }),
    requestedBy: t.exposeString('requestedBy'),
    createdAt: t.field({ type: 'DateTime', resolve: (o) => o.createdAt }),
    startedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.startedAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (o) => o.finishedAt }),
  }),
});

const OperationFilterInput = builder.inputType('OperationFilter', {
  fields: (t) => ({
    status: t.field({ type: OperationStatusEnum, required: false }),
    kind: t.field({ type: OperationKindEnum, required: false }),
    instanceId: t.globalID({ for: InstanceRef, required: false }),
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
  { inputFields: (t) => ({ id: t.globalID({ for: OperationRef, required: true }) }) },
  {
    description: 'Asks a running operation to stop; its XAPI task is cancelled and it ends CANCELLED (or finishes, if too late).',
    authScopes: { operator: true },
    errors: { types: [NotFoundError, InvalidInputError, InvalidStateError, BaseUserError], directResult: true, union: { name: 'OperationCancelResult' } },
    resolve: (_root, { input }, ctx) => ctx.services.operations.cancel(input.id.id),
  },
  { outputFields: (t) => ({ operation: t.field({ type: OperationRef, resolve: (operation) => operation }) }) },
);
