// Interfaces (Nova's plug_vifs / unplug_vifs and attach/detach_interface): the InstanceInterface node (an
// allocation: device, MAC, address, network), Instance.interfaces, what subnets and networks have handed out,
// and the instanceAttachInterface / instanceDetachInterface actions. Whether a VIF is plugged comes from the
// pool's event-fed cache, never a XAPI call.
import { attachInterfaceAction, detachInterfaceAction, normalisedMac } from '../driver/actions/interfaces.js';
import { hostRange } from '../store/ipv4.js';
import type { InstanceVif } from '../store/index.js';
import { builder } from './builder.js';
import type { GraphQLContext } from './context.js';
import { InvalidInputError } from './errors.js';
import { instanceActionField } from './instance-actions.js';
import { liveVmRecord } from './live-records.js';
import { InstanceInterfaceRef, InstanceRef, NetworkRef, SubnetRef } from './refs.js';
import { boundedText } from './input-bounds.js';
import { DESCRIBE } from './shared-descriptions.js';

/** The VIF's currently_attached, from the cache; null when the instance has no VM or the VM no such VIF. */
async function attachedOf(vif: InstanceVif, ctx: GraphQLContext): Promise<boolean | null> {
  const instance = await ctx.services.store.instances.get(vif.instanceId);
  const vm = instance ? liveVmRecord(ctx, instance) : undefined;
  const cache = instance?.poolId ? ctx.services.pools.get(instance.poolId)?.client.cache : undefined;
  if (!vm || !cache) return null;
  for (const ref of (vm.VIFs ?? []) as string[]) {
    const record = cache.get('VIF', ref);
    if (typeof record?.MAC === 'string' && record.MAC.toLowerCase() === vif.mac) return Boolean(record.currently_attached);
  }
  return null;
}

InstanceInterfaceRef.implement({
  description: 'A network interface of an instance as xengraph allocated it: its VIF device, MAC and IPv4 address.',
  authScopes: { reader: true },
  fields: (t) => ({
    instance: t.field({ type: InstanceRef, description: 'The instance it belongs to.', resolve: (vif) => vif.instanceId }),
    network: t.field({ type: NetworkRef, description: 'The network it is on.', resolve: (vif) => vif.networkId }),
    subnet: t.field({ type: SubnetRef, nullable: true, description: 'The subnet its address is from; null on a network without one.', resolve: (vif) => vif.subnetId }),
    device: t.exposeInt('device', { description: 'The VIF device number (eth<n> in most guests).' }),
    mac: t.exposeString('mac', { description: DESCRIBE.macAddress }),
    ip: t.exposeString('ip', { nullable: true, description: 'Null on a network without a subnet.' }),
    attached: t.boolean({
      nullable: true,
      description: 'Whether the VIF is plugged in the running VM; null when the VM or its VIF is not there.',
      resolve: (vif, _args, ctx) => attachedOf(vif, ctx),
    }),
  }),
});

builder.objectField(InstanceRef, 'interfaces', (t) => t.field({
  type: [InstanceInterfaceRef],
  description: 'The instance\'s network interfaces, by device.',
  resolve: (instance, _args, ctx) => ctx.services.store.vifs.listForInstance(instance.id),
}));

builder.objectFields(SubnetRef, (t) => ({
  network: t.field({ type: NetworkRef, description: 'The network it belongs to.', resolve: (subnet) => subnet.networkId }),
  addressCount: t.int({
    description: `Host addresses in the range, the gateway included (at most ${MAX_GRAPHQL_INT}, for ranges recorded before prefixes were bounded).`,
    resolve: (subnet) => {
      const range = hostRange(subnet.cidr);
      return range ? Math.min(range.last - range.first + 1, MAX_GRAPHQL_INT) : 0;
    },
  }),
  interfaces: t.field({
    type: [InstanceInterfaceRef],
    description: 'The interfaces holding an address of the subnet, oldest first.',
    resolve: (subnet, _args, ctx) => ctx.services.store.vifs.listAllocated({ subnetId: subnet.id }),
  }),
}));

builder.objectField(NetworkRef, 'interfaces', (t) => t.field({
  type: [InstanceInterfaceRef],
  description: 'The interfaces on the network, oldest first.',
  resolve: (network, _args, ctx) => ctx.services.store.vifs.listAllocated({ networkId: network.id }),
}));

/** GraphQL's Int is 32-bit signed. */
const MAX_GRAPHQL_INT = 2 ** 31 - 1;

const macInput = (description?: string) => boundedText(17, { trim: true, description });

instanceActionField('instanceAttachInterface', {
  description: 'Adds a network interface: an address (the one asked for, or the lowest free) and a MAC (the one asked for, '
    + 'or a new fa:16:3e one) are allocated, the VIF created at the first free device and hot-plugged when the instance runs, '
    + 'the guest told through vm-data/networking/<mac>, and its security groups applied to the new address.',
  action: attachInterfaceAction,
  inputFields: (t) => ({
    networkId: t.globalID({ for: NetworkRef, required: true, description: 'The network to attach to.' }),
    mac: t.string({ required: false, ...macInput('e.g. fa:16:3e:00:00:01; must be unicast and unused.') }),
    ip: t.string({ required: false, ...boundedText(15, { description: 'An unused host address of one of the network\'s subnets.' }) }),
  }),
  toInput: (input: { networkId: { id: string }; mac?: string | null; ip?: string | null }) => ({
    networkId: input.networkId.id, mac: input.mac ? normalisedMac(input.mac) : null, ip: input.ip?.trim() || null,
  }),
  probeInput: { networkId: '', mac: null, ip: null },
});

instanceActionField('instanceDetachInterface', {
  description: 'Removes a network interface, named by its id or MAC: the VIF is unplugged (when the instance runs) and '
    + 'destroyed, its xenstore entry removed, its address released and the security groups updated.',
  action: detachInterfaceAction,
  inputFields: (t) => ({
    interfaceId: t.globalID({ for: InstanceInterfaceRef, required: false, description: 'The interface to remove; give this or mac, not both.' }),
    mac: t.string({ required: false, ...macInput() }),
  }),
  toInput: (input: { interfaceId?: { id: string } | null; mac?: string | null }) => {
    const byId = input.interfaceId?.id ?? null;
    const mac = input.mac ? normalisedMac(input.mac) : null;
    if ((byId === null) === (mac === null)) throw new InvalidInputError('Give exactly one of interfaceId or mac', { path: ['input', 'interfaceId'] });
    return { interfaceId: byId, mac };
  },
  probeInput: { interfaceId: '', mac: null },
});
