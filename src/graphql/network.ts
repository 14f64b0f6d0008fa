// Network: a tenant network, carried by a XAPI bridge in each pool, with the IPv4 subnets instances get
// their addresses from.
import { addSubnet, MAX_SUBNET_PREFIX, MIN_SUBNET_PREFIX, removeSubnet } from '../driver/subnets.js';
import type { Network } from '../store/index.js';
import { builder } from './builder.js';
import { InvalidInputError, InvalidStateError, NotFoundError } from './errors.js';
import { boundedText, boundedTextList } from './input-bounds.js';
import { NetworkRef, SubnetRef } from './refs.js';
import { plainConnection } from './paging.js';

const NETWORK_NOW = 'The network as it is now.';

const SubnetType = SubnetRef.implement({
  description: 'An IPv4 range on a network; interfaces get the lowest free address in it.',
  authScopes: { reader: true },
  fields: (t) => ({
    cidr: t.exposeString('cidr', { description: 'The range, e.g. 10.0.0.0/24.' }),
    gateway: t.exposeString('gateway', { nullable: true, description: 'The gateway address handed to guests; null when none.' }),
    dns: t.stringList({ description: 'DNS server addresses handed to guests.', resolve: (subnet) => [...subnet.dns] }),
  }),
});

NetworkRef.implement({
  description: 'A tenant network, carried by a XAPI network (bridge) in each pool.',
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Its display name.' }),
    bridge: t.exposeString('bridge', { description: 'The XAPI bridge carrying it, e.g. xenbr0.' }),
    subnets: t.field({ type: [SubnetType], description: 'Its IPv4 subnets.', resolve: (network, _args, ctx) => ctx.services.store.vifs.subnetsOf(network.id) }),
  }),
});

builder.queryField('networks', (t) => t.connection({
  type: NetworkRef,
  description: 'Networks instances can be attached to, in pages of at most 100.',
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Network>(args, ctx.services.store.networks),
}));

builder.relayMutationField(
  'networkAddSubnet',
  {
    inputFields: (t) => ({
      networkId: t.globalID({ for: NetworkRef, required: true, description: 'The network to add it to.' }),
      cidr: t.string({
        required: true,
        ...boundedText(18, { description: `e.g. 10.0.0.0/24: a prefix of /${MIN_SUBNET_PREFIX} to /${MAX_SUBNET_PREFIX}, outside reserved ranges (0/8, 127/8, 169.254/16, 224/4, 240/4).` }),
      }),
      gateway: t.string({ required: false, ...boundedText(15) }),
      dns: t.stringList({ required: false, ...boundedTextList(8, 15, 'DNS server addresses.') }),
    }),
  },
  {
    description: 'Adds an IPv4 subnet to a network, for addresses of instances spawned on it.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InvalidInputError], directResult: true, union: { name: 'NetworkAddSubnetResult' } },
    resolve: (_root, { input }, ctx) => addSubnet(ctx.services, {
      networkId: input.networkId.id, cidr: input.cidr, gateway: input.gateway ?? null, dns: input.dns ?? [],
    }),
  },
  {
    outputFields: (t) => ({
      network: t.field({ type: NetworkRef, description: NETWORK_NOW, resolve: (result) => result.network }),
      subnet: t.field({ type: SubnetType, description: 'The new subnet.', resolve: (result) => result.subnet }),
    }),
  },
);

builder.relayMutationField(
  'networkRemoveSubnet',
  { inputFields: (t) => ({ subnetId: t.globalID({ for: SubnetRef, required: true, description: 'The subnet to remove.' }) }) },
  {
    description: 'Removes a subnet from its network; refused (InvalidStateError, IN_USE) while an interface holds one of its addresses.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InvalidInputError, InvalidStateError], directResult: true, union: { name: 'NetworkRemoveSubnetResult' } },
    resolve: (_root, { input }, ctx) => removeSubnet(ctx.services, input.subnetId.id),
  },
  { outputFields: (t) => ({ network: t.field({ type: NetworkRef, description: NETWORK_NOW, resolve: (network) => network }) }) },
);
