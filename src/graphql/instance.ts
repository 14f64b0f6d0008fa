// Instance: a VM as users see it, managed by xengraph or found on a pool. Lists come from the store;
// live XAPI detail (memory, vCPUs) from the pool's event-fed cache, never from a XAPI call.
import { GraphQLError } from 'graphql';
import type { Instance } from '../store/types.js';
import { builder } from './builder.js';
import { PowerStateEnum, VmStateEnum } from './enums.js';
import { FlavorRef, HostRef, ImageRef, InstanceRef } from './refs.js';
import { pagedConnection } from './paging.js';
import { instanceFilterFrom, InstanceFilterInput, InstanceOrderInput } from './instance-filter.js';
import { liveVmRecord } from './live-records.js';

const KiB = 1024;

const InstanceInfo = builder.simpleObject('InstanceInfo', {
  description: 'What the hypervisor reports for the VM (Nova\'s get_info).',
  fields: (t) => ({
    maxMemKb: t.float(),
    memKb: t.float(),
    numCpu: t.int(),
    cpuTimeNs: t.float(),
  }),
});

InstanceRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    uuid: t.exposeString('uuid'),
    name: t.exposeString('name'),
    managed: t.exposeBoolean('managed', { description: 'False for VMs found on a pool that xengraph did not create.' }),
    vmState: t.field({ type: VmStateEnum, resolve: (i) => i.vmState }),
    taskState: t.string({ nullable: true, resolve: (i) => i.taskState }),
    powerState: t.field({ type: PowerStateEnum, resolve: (i) => i.powerState }),
    progress: t.exposeInt('progress'),
    vcpus: t.exposeInt('vcpus'),
    memoryMb: t.exposeInt('memoryMb'),
    metadata: t.field({ type: 'JSON', resolve: (i) => i.metadata }),
    createdAt: t.field({ type: 'DateTime', resolve: (i) => i.createdAt }),
    updatedAt: t.field({ type: 'DateTime', resolve: (i) => i.updatedAt }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, resolve: (i) => i.deletedAt }),
    host: t.field({ type: HostRef, nullable: true, resolve: (i) => i.hostId }),
    flavor: t.field({ type: FlavorRef, nullable: true, resolve: (i) => i.flavorId }),
    image: t.field({ type: ImageRef, nullable: true, resolve: (i) => i.imageId }),
    info: t.field({
      type: InstanceInfo,
      nullable: true,
      resolve: (instance, _args, ctx) => {
        const vm = liveVmRecord(ctx, instance);
        if (!vm) return null;
        return {
          maxMemKb: Number(vm.memory_static_max) / KiB,
          memKb: Number(vm.memory_dynamic_max) / KiB,
          numCpu: Number(vm.VCPUs_max),
          // XAPI exposes no cumulative CPU time; Nova reported 0 as well.
          cpuTimeNs: 0,
        };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  instances: t.connection({
    type: InstanceRef,
    authScopes: { reader: true },
    args: {
      filter: t.arg({ type: InstanceFilterInput, required: false }),
      orderBy: t.arg({ type: InstanceOrderInput, required: false }),
    },
    resolve: (_root, args, ctx) => {
      const filter = instanceFilterFrom(args.filter);
      const order = { field: args.orderBy?.field ?? 'CREATED_AT', direction: args.orderBy?.direction ?? 'ASC' } as const;
      const repo = ctx.services.store.instances;
      return pagedConnection<Instance>(args, {
        list: (window) => repo.list(filter, order, window),
        count: () => repo.count(filter),
        cursorOf: (item) => repo.cursorOf(item, order),
      });
    },
  }),
  instance: t.field({
    type: InstanceRef,
    nullable: true,
    description: 'Looks an instance up by its uuid or its name (Nova\'s instance_exists).',
    authScopes: { reader: true },
    args: { uuid: t.arg.string({ required: false }), name: t.arg.string({ required: false }) },
    resolve: (_root, args, ctx) => {
      if ((args.uuid == null) === (args.name == null)) {
        throw new GraphQLError('instance: give exactly one of "uuid" or "name"', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      return args.uuid ? ctx.services.store.instances.getByUuid(args.uuid) : ctx.services.store.instances.getByName(args.name!);
    },
  }),
}));

