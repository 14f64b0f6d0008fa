// Operation: a driver action running in the background, with progress and a truthful outcome.
import type { Operation } from '../store/types.js';
import { builder } from './builder.js';
import { OperationStatusEnum } from './enums.js';
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
    kind: t.exposeString('kind'),
    status: t.field({ type: OperationStatusEnum, resolve: (o) => o.status }),
    instance: t.field({ type: InstanceRef, nullable: true, resolve: (o) => o.instanceId }),
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
    kind: t.string({ required: false }),
    instanceId: t.globalID({ for: InstanceRef, required: false }),
  }),
});

builder.queryField('operations', (t) => t.connection({
  type: OperationRef,
  authScopes: { reader: true },
  args: { filter: t.arg({ type: OperationFilterInput, required: false }) },
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
