// Host: a XenServer host as a compute node (XAPI's record mirrored in the store, plus service state).
import type { Host, Instance } from '../store/types.js';
import { builder } from './builder.js';
import { HostRef, InstanceRef } from './refs.js';
import { pagedConnection, plainConnection } from './paging.js';
import { instanceFilterFrom, InstanceFilterInput } from './instance-filter.js';

const MaintenanceStateEnum = builder.enumType('MaintenanceState', { values: ['NONE', 'ENTERING', 'ON', 'LEAVING', 'ERROR'] as const });

HostRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    uuid: t.exposeString('uuid'),
    name: t.exposeString('name'),
    address: t.exposeString('address'),
    enabled: t.exposeBoolean('enabled'),
    disabledReason: t.string({ nullable: true, resolve: (h) => h.disabledReason }),
    maintenance: t.field({ type: MaintenanceStateEnum, resolve: (h) => h.maintenance }),
    live: t.exposeBoolean('live', { description: 'Whether XAPI sees the host alive (host_metrics.live).' }),
    memoryTotalBytes: t.float({ resolve: (h) => h.memoryTotal }),
    memoryFreeBytes: t.float({ resolve: (h) => h.memoryFree }),
    cpuCount: t.exposeInt('cpuCount'),
    poolName: t.string({ resolve: async (h, _args, ctx) => (await ctx.services.store.pools.get(h.poolId))?.name ?? '' }),
    instances: t.connection({
      type: InstanceRef,
      args: { filter: t.arg({ type: InstanceFilterInput, required: false }) },
      resolve: (host, args, ctx) => {
        const filter = { ...instanceFilterFrom(args.filter), hostId: host.id };
        const order = { field: 'NAME', direction: 'ASC' } as const;
        const repo = ctx.services.store.instances;
        return pagedConnection<Instance>(args, {
          list: (window) => repo.list(filter, order, window),
          count: () => repo.count(filter),
          cursorOf: (item) => repo.cursorOf(item, order),
        });
      },
    }),
  }),
});

builder.queryFields((t) => ({
  hosts: t.connection({
    type: HostRef,
    authScopes: { reader: true },
    resolve: (_root, args, ctx) => plainConnection<Host>(args, ctx.services.store.hosts),
  }),
}));
