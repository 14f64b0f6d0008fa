// Host: a XenServer host as a compute node (XAPI's record mirrored in the store, plus service state).
import type { Host, Instance } from '../store/types.js';
import { builder } from './builder.js';
import { HostRef, InstanceRef } from './refs.js';
import { pagedConnection, plainConnection } from './paging.js';
import { instanceFilterFrom, InstanceFilterInput } from './instance-filter.js';

const MaintenanceStateEnum = builder.enumType('MaintenanceState', {
  description: 'Where a host stands in maintenance mode (Nova\'s host_maintenance_mode).',
  values: {
    NONE: { description: 'In service.' },
    ENTERING: { description: 'Disabled, its instances being live-migrated away.' },
    ON: { description: 'Disabled and empty; safe to work on.' },
    LEAVING: { description: 'Being put back in service.' },
    ERROR: { description: 'Entering or leaving failed part-way; the host stays disabled.' },
  } as const,
});

HostRef.implement({
  description: 'A XenServer host as a Nova compute node: XAPI\'s record, mirrored, with its service state.',
  authScopes: { reader: true },
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'The XAPI host record\'s uuid.' }),
    name: t.exposeString('name', { description: 'The host\'s name label on XAPI.' }),
    address: t.exposeString('address', { description: 'Its management IP address.' }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether it takes new instances (Nova\'s compute service enabled).' }),
    disabledReason: t.string({ nullable: true, description: 'Why it was disabled; null while enabled.', resolve: (h) => h.disabledReason }),
    maintenance: t.field({ type: MaintenanceStateEnum, description: 'Where it stands in maintenance mode (hostSetMaintenanceMode).', resolve: (h) => h.maintenance }),
    live: t.exposeBoolean('live', { description: 'Whether XAPI sees the host alive (host_metrics.live).' }),
    memoryTotalBytes: t.float({ description: 'Physical memory in bytes.', resolve: (h) => h.memoryTotal }),
    memoryFreeBytes: t.float({ description: 'Memory free for new VMs in bytes, as XAPI last reported it.', resolve: (h) => h.memoryFree }),
    cpuCount: t.exposeInt('cpuCount', { description: 'Physical CPU threads.' }),
    poolName: t.string({ description: 'The name of the XAPI pool it belongs to; empty when unknown.', resolve: async (h, _args, ctx) => (await ctx.services.store.pools.get(h.poolId))?.name ?? '' }),
    instances: t.connection({
      type: InstanceRef,
      description: 'Instances placed on it, by name, in pages of at most 100.',
      args: { filter: t.arg({ type: InstanceFilterInput, required: false, description: 'Only instances matching every field given.' }) },
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
    description: 'Every host of every connected pool, in pages of at most 100.',
    authScopes: { reader: true },
    resolve: (_root, args, ctx) => plainConnection<Host>(args, ctx.services.store.hosts),
  }),
}));
