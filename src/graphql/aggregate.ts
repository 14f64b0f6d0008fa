// Aggregate: a group of hosts; on XenServer, a resource pool with its pool-state machine.
import type { Aggregate } from '../store/types.js';
import { builder } from './builder.js';
import { AggregateRef, HostRef } from './refs.js';
import { plainConnection } from './paging.js';

const AggregatePoolStateEnum = builder.enumType('AggregatePoolState', {
  values: ['CREATED', 'CHANGING', 'ACTIVE', 'ERROR', 'DISMISSED'] as const,
});

AggregateRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    availabilityZone: t.string({ nullable: true, resolve: (a) => a.availabilityZone }),
    poolState: t.field({ type: AggregatePoolStateEnum, resolve: (a) => a.poolState }),
    metadata: t.field({ type: 'JSON', resolve: (a) => a.metadata }),
    hosts: t.field({
      type: [HostRef],
      resolve: (aggregate, _args, ctx) => ctx.services.store.aggregates.hostIds(aggregate.id),
    }),
  }),
});

builder.queryField('aggregates', (t) => t.connection({
  type: AggregateRef,
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Aggregate>(args, ctx.services.store.aggregates),
}));
