// Network: a tenant network, carried by a XAPI bridge in each pool, with the IPv4 subnets instances get
// their addresses from.
import { z } from 'zod';
import { InvalidSubnetError, type Network } from '../store/index.js';
import { builder } from './builder.js';
import { InvalidInputError, NotFoundError } from './errors.js';
import { NetworkRef, SubnetRef } from './refs.js';
import { plainConnection } from './paging.js';

const SubnetType = SubnetRef.implement({
  description: 'An IPv4 range on a network; interfaces get the lowest free address in it.',
  authScopes: { reader: true },
  fields: (t) => ({
    cidr: t.exposeString('cidr'),
    gateway: t.exposeString('gateway', { nullable: true }),
    dns: t.stringList({ resolve: (subnet) => [...subnet.dns] }),
  }),
});

NetworkRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    bridge: t.exposeString('bridge'),
    subnets: t.field({ type: [SubnetType], resolve: (network, _args, ctx) => ctx.services.store.vifs.subnetsOf(network.id) }),
  }),
});

builder.queryField('networks', (t) => t.connection({
  type: NetworkRef,
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Network>(args, ctx.services.store.networks),
}));

builder.relayMutationField(
  'networkAddSubnet',
  {
    inputFields: (t) => ({
      networkId: t.globalID({ for: NetworkRef, required: true }),
      cidr: t.string({ required: true, validate: z.string().max(18) }),
      gateway: t.string({ required: false, validate: z.string().max(15) }),
      dns: t.stringList({ required: false, validate: z.array(z.string().max(15)).max(8) }),
    }),
  },
  {
    description: 'Adds an IPv4 subnet to a network, for addresses of instances spawned on it.',
    authScopes: { admin: true },
    errors: { types: [NotFoundError, InvalidInputError], directResult: true, union: { name: 'NetworkAddSubnetResult' } },
    resolve: async (_root, { input }, ctx) => {
      const { store } = ctx.services;
      const network = await store.networks.get(input.networkId.id);
      if (!network) throw new NotFoundError('Network', input.networkId.id, { path: ['input', 'networkId'] });
      try {
        const subnet = await store.vifs.createSubnet({ networkId: network.id, cidr: input.cidr, gateway: input.gateway ?? null, dns: input.dns ?? [] });
        return { network, subnet };
      } catch (error) {
        if (error instanceof InvalidSubnetError) throw new InvalidInputError(error.message, { path: ['input', 'cidr'] });
        throw error;
      }
    },
  },
  {
    outputFields: (t) => ({
      network: t.field({ type: NetworkRef, resolve: (result) => result.network }),
      subnet: t.field({ type: SubnetType, resolve: (result) => result.subnet }),
    }),
  },
);
