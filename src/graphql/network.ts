// Network: a tenant network, carried by a XAPI bridge in each pool.
import type { Network } from '../store/types.js';
import { builder } from './builder.js';
import { NetworkRef } from './refs.js';
import { plainConnection } from './paging.js';

NetworkRef.implement({
  authScopes: { reader: true },
  fields: (t) => ({
    name: t.exposeString('name'),
    bridge: t.exposeString('bridge'),
  }),
});

builder.queryField('networks', (t) => t.connection({
  type: NetworkRef,
  authScopes: { reader: true },
  resolve: (_root, args, ctx) => plainConnection<Network>(args, ctx.services.store.networks),
}));
