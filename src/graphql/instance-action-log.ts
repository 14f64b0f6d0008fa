// Instance.actions: the audit trail of what was done to an instance, by whom, when, and how it ended.
import { z } from 'zod';
import type { InstanceAction, InstanceActionFilter } from '../store/types.js';
import { pagedConnection } from './paging.js';
import { builder } from './builder.js';
import { OperationKindEnum } from './enums.js';
import { InstanceRef, OperationRef } from './refs.js';

/** How an action ended, the same for its result and its status. */
const ENDINGS = {
  SUCCEEDED: { description: 'Ended as asked.' },
  FAILED: { description: 'Ended in an error (see message).' },
  CANCELLED: { description: 'Stopped by operationCancel.' },
} as const;

const InstanceActionResultEnum = builder.enumType('InstanceActionResult', {
  description: 'How an action ended.',
  values: ENDINGS,
});

const InstanceActionType = builder.objectRef<InstanceAction>('InstanceActionRecord').implement({
  description: 'One action on an instance (Nova\'s instance action): null result while it runs.',
  fields: (t) => ({
    action: t.field({ type: OperationKindEnum, description: 'The kind of the operation that carried it out.', resolve: (a) => a.action }),
    requestedBy: t.string({
      description: 'The API token that asked for it.',
      resolve: async (a, _args, ctx) => (await ctx.services.store.tokens.getMany([a.requestedBy]))[0]?.name ?? a.requestedBy,
    }),
    operation: t.field({ type: OperationRef, nullable: true, description: 'The operation that carried it out; null when none is recorded.', resolve: (a) => a.operationId }),
    result: t.field({ type: InstanceActionResultEnum, nullable: true, description: 'How it ended; null while running.', resolve: (a) => a.result }),
    message: t.exposeString('message', { nullable: true, description: 'What came of it (e.g. why it failed); null when there is nothing to say.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was asked for.', resolve: (a) => a.createdAt }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it ended; null while running.', resolve: (a) => a.finishedAt }),
  }),
});

const InstanceActionStatusEnum = builder.enumType('InstanceActionStatus', {
  description: 'Where an action stands: running, or how it ended.',
  values: {
    RUNNING: { description: 'Not ended yet (result null).' },
    ...ENDINGS,
  },
});

const InstanceActionFilterInput = builder.inputType('InstanceActionFilter', {
  description: 'Narrows an instance\'s actions; every field given must match.',
  fields: (t) => ({
    type: t.field({ type: [OperationKindEnum], required: false, validate: z.array(z.string()).max(50), description: 'Any of these kinds (at most 50).' }),
    status: t.field({ type: [InstanceActionStatusEnum], required: false, validate: z.array(z.string()).max(4), description: 'Any of these statuses (at most 4).' }),
    since: t.field({ type: 'DateTime', required: false, description: 'Recorded at or after this time.' }),
  }),
});

function actionFilterFrom(instanceId: string, filter: typeof InstanceActionFilterInput.$inferInput | null | undefined): InstanceActionFilter {
  return {
    instanceId,
    ...(filter?.type ? { actions: filter.type } : {}),
    ...(filter?.status ? { results: filter.status.map((status) => (status === 'RUNNING' ? null : status)) } : {}),
    ...(filter?.since ? { since: filter.since } : {}),
  };
}

builder.objectField(InstanceRef, 'actions', (t) => t.connection({
  type: InstanceActionType,
  description: 'What was done to the instance (Nova\'s instance actions), newest first, in pages of at most 100.',
  args: { filter: t.arg({ type: InstanceActionFilterInput, required: false, description: 'Only actions matching every field given.' }) },
  resolve: (instance, args, ctx) => {
    const filter = actionFilterFrom(instance.id, args.filter);
    const repo = ctx.services.store.instanceActions;
    return pagedConnection<InstanceAction>(args, {
      list: (window) => repo.list(filter, window),
      count: () => repo.count(filter),
      cursorOf: (action) => repo.cursorOf(action),
    });
  },
}));
