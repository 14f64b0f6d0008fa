// Instance.actions: the audit trail of what was done to an instance, by whom, when, and how it ended.
import type { InstanceAction } from '../store/types.js';
import { builder } from './builder.js';
import { OperationKindEnum } from './enums.js';
import { InstanceRef, OperationRef } from './refs.js';

const InstanceActionResultEnum = builder.enumType('InstanceActionResult', { values: ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const });

const InstanceActionType = builder.objectRef<InstanceAction>('InstanceActionRecord').implement({
  description: 'One action on an instance (Nova\'s instance action): null result while it runs.',
  fields: (t) => ({
    action: t.field({ type: OperationKindEnum, description: 'The kind of the operation that carried it out.', resolve: (a) => a.action }),
    requestedBy: t.string({
      description: 'The API token that asked for it.',
      resolve: async (a, _args, ctx) => (await ctx.services.store.tokens.getMany([a.requestedBy]))[0]?.name ?? a.requestedBy,
    }),
    operation: t.field({ type: OperationRef, nullable: true, resolve: (a) => a.operationId }),
    result: t.field({ type: InstanceActionResultEnum, nullable: true, resolve: (a) => a.result }),
    message: t.exposeString('message', { nullable: true }),
    createdAt: t.field({ type: 'DateTime', resolve: (a) => a.createdAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, resolve: (a) => a.finishedAt }),
  }),
});

builder.objectField(InstanceRef, 'actions', (t) => t.field({
  type: [InstanceActionType],
  description: 'What was done to the instance, newest first.',
  resolve: (instance, _args, ctx) => ctx.services.store.instanceActions.listForInstance(instance.id),
}));
