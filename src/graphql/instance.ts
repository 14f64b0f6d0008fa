// Instance: a VM as users see it, managed by xengraph or found on a pool. Lists come from the store;
// live XAPI detail (memory, vCPUs) from the pool's event-fed cache, never from a XAPI call.
import { GraphQLError } from 'graphql';
import type { Instance } from '../store/types.js';
import { builder } from './builder.js';
import { PowerStateEnum, TaskStateEnum, VmStateEnum } from './enums.js';
import { FlavorRef, HostRef, ImageRef, InstanceRef } from './refs.js';
import { maxPageSizeFor, pagedConnection } from './paging.js';
import { instanceFieldsOfPage } from './instance-projection.js';
import { instanceFilterFrom, InstanceFilterInput, InstanceOrderInput } from './instance-filter.js';
import { liveVmRecord } from './live-records.js';
import { vmNameOf } from '../driver/naming.js';
import type { GraphQLContext } from './context.js';
import { boundedText } from './input-bounds.js';

const KiB = 1024;

const InstanceInfo = builder.simpleObject('InstanceInfo', {
  description: 'What the hypervisor reports for the instance\'s VM (Nova\'s get_info), from the pool\'s event-fed cache.',
  fields: (t) => ({
    maxMemKb: t.float({ description: 'memory_static_max in KiB.' }),
    memKb: t.float({ description: 'memory_dynamic_max in KiB.' }),
    numCpu: t.int({ description: 'VCPUs_max, as a number (Nova passed XAPI\'s string through).' }),
    cpuTimeNs: t.float({ description: 'Always 0: XAPI keeps no cumulative CPU time (Nova reported 0 too).' }),
  }),
});

InstanceRef.implement({
  description: 'A Nova instance: a VM on a XenServer pool, created here or found there, with Nova\'s states.',
  authScopes: { reader: true },
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'Nova\'s instance uuid, also in the VM\'s other_config (nova_uuid).' }),
    name: t.exposeString('name', { description: 'The display name given at spawn (or the VM\'s name label when found on a pool).' }),
    managed: t.exposeBoolean('managed', { description: 'False for VMs found on a pool that xengraph did not create.' }),
    vmState: t.field({ type: VmStateEnum, description: 'Nova\'s stable state (ACTIVE, STOPPED, RESCUED, …).', resolve: (i) => i.vmState }),
    taskState: t.field({ type: TaskStateEnum, nullable: true, description: 'What an action is doing to it now; null when idle.', resolve: (i) => i.taskState }),
    powerState: t.field({ type: PowerStateEnum, description: 'The VM\'s power state as XAPI last reported it.', resolve: (i) => i.powerState }),
    progress: t.exposeInt('progress', { description: 'Percent done (0–100) of the running action; 0 when idle.' }),
    vcpus: t.exposeInt('vcpus', { description: 'Virtual CPUs, from its flavor.' }),
    memoryMb: t.exposeInt('memoryMb', { description: 'Memory in MiB, from its flavor.' }),
    metadata: t.field({ type: 'JSON', description: 'User metadata: string keys and values (the guest reads them under vm-data/user-metadata).', resolve: (i) => i.metadata }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was spawned or first found.', resolve: (i) => i.createdAt }),
    updatedAt: t.field({ type: 'DateTime', description: 'When any of its fields last changed.', resolve: (i) => i.updatedAt }),
    deletedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it was destroyed; null while it exists.', resolve: (i) => i.deletedAt }),
    host: t.field({ type: HostRef, nullable: true, description: 'The host its VM runs or last ran on; null when it has none.', resolve: (i) => i.hostId }),
    flavor: t.field({ type: FlavorRef, nullable: true, description: 'Its flavor; null for VMs found on a pool.', resolve: (i) => i.flavorId }),
    image: t.field({ type: ImageRef, nullable: true, description: 'The image it was built from; null for VMs found on a pool.', resolve: (i) => i.imageId }),
    vmName: t.string({
      description: 'The name label of the instance\'s VM on XAPI (instance-%08x for instances xengraph built).',
      resolve: (i) => vmNameOf(i) ?? i.name,
    }),
    info: t.field({
      type: InstanceInfo,
      nullable: true,
      description: 'Null when the instance has no VM on its pool (Nova\'s instance_exists is false then).',
      resolve: (instance, _args, ctx) => {
        const vm = liveVmRecord(ctx, instance);
        if (!vm) return null;
        return {
          maxMemKb: Math.floor(Number(vm.memory_static_max) / KiB),
          memKb: Math.floor(Number(vm.memory_dynamic_max) / KiB),
          numCpu: Number(vm.VCPUs_max),
          cpuTimeNs: 0,
        };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  instances: t.connection({
    type: InstanceRef,
    description: 'Instances in pages of at most 100, or 1000 for operators and admins (whole inventories).',
    authScopes: { reader: true },
    args: {
      filter: t.arg({ type: InstanceFilterInput, required: false, description: 'Only instances matching every field given.' }),
      orderBy: t.arg({ type: InstanceOrderInput, required: false, description: 'Sort order; creation time ascending when absent.' }),
    },
    resolve: (_root, args, ctx, info) => {
      const filter = instanceFilterFrom(args.filter);
      const order = { field: args.orderBy?.field ?? 'CREATED_AT', direction: args.orderBy?.direction ?? 'ASC' } as const;
      const repo = ctx.services.store.instances;
      const fields = instanceFieldsOfPage(info);
      return pagedConnection<Instance>(args, {
        list: (window) => repo.list(filter, order, window, fields),
        count: () => repo.count(filter),
        cursorOf: (item) => repo.cursorOf(item, order),
      }, maxPageSizeFor(ctx.principal));
    },
  }),
  instance: t.field({
    type: InstanceRef,
    nullable: true,
    description: 'A live (not deleted) instance by its uuid, its name or its VM\'s name label; null when there is none '
      + '(Nova\'s instance_exists; `info` then tells whether its VM is on the hypervisor).',
    authScopes: { reader: true },
    args: { uuid: t.arg.string({ required: false, ...boundedText(36) }), name: t.arg.string({ required: false, ...boundedText(255) }) },
    resolve: async (_root, args, ctx) => {
      if ((args.uuid == null) === (args.name == null)) {
        throw new GraphQLError('instance: give exactly one of "uuid" or "name"', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      const { instances } = ctx.services.store;
      const found = args.uuid
        ? await instances.getByUuid(args.uuid)
        : (await instances.getByName(args.name!)) ?? await instanceByVmName(ctx, args.name!);
      return found && !found.deletedAt ? found : null;
    },
  }),
}));

/** Nova looked instances up by VM name label (instance-%08x): found through the pools' caches, no XAPI call. */
async function instanceByVmName(ctx: GraphQLContext, name: string): Promise<Instance | null> {
  for (const link of ctx.services.pools.list()) {
    const vm = link.client.cache.find('VM', (record) => record.name_label === name && !record.is_a_template && !record.is_control_domain);
    if (vm) return ctx.services.store.instances.getByVmUuid(String(vm.record.uuid));
  }
  return null;
}
